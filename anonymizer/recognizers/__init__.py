"""Recognizers: one module per detector, run in order by a :class:`Registry`.

Public API::

    from anonymizer.recognizers import Candidate, NoteContext, Recognizer, Registry, default_registry

A recognizer has a stable ``id`` and ``analyze(doc, context) -> list[Candidate]``; see
:mod:`anonymizer.recognizers.base`.
"""
from .base import Candidate, Recognizer
from .context import NoteContext
from .defaults import default_registry
from .registry import Registry

__all__ = ["Candidate", "NoteContext", "Recognizer", "Registry", "default_registry"]
