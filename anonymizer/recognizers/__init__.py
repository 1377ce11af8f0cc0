"""Recognizers: one module per detector, run in order by a :class:`Registry`.

Public API::

    from anonymizer.recognizers import Candidate, Recognizer, Registry, default_registry
"""
from .base import Candidate, Recognizer
from .registry import Registry

__all__ = ["Candidate", "Recognizer", "Registry"]
