"""Chatham House anonymizer: removes names, affiliations and other attributing details from notes.

Public API::

    from anonymizer import AnonymizerEngine, Roster, AllowList, Span, AnonymizationResult, load_pipelines, build_engine
"""
from .engine import AnonymizerEngine, build_engine
from .langdetect import detect_language
from .pipeline import load_pipelines
from .results import AnonymizationResult, Span
from .roster import AllowList, Roster

__all__ = ["AnonymizerEngine", "Roster", "AllowList", "Span", "AnonymizationResult", "load_pipelines",
           "build_engine", "detect_language"]
