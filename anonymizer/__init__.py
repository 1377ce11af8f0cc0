"""Chatham House anonymizer: removes names, affiliations and other attributing details from notes.

Public API::

    from anonymizer import (AnonymizerEngine, build_engine, Roster, AllowList, Span, AnonymizationResult,
                            load_pipelines, detect_language, Registry, default_registry, Candidate, Reason,
                            canonicalize, CanonicalText)
"""
from .canonical import CanonicalText, canonicalize
from .engine import AnonymizerEngine, build_engine
from .langdetect import detect_language
from .pipeline import load_pipelines
from .reasons import Reason
from .recognizers import Candidate, Registry, default_registry
from .results import AnonymizationResult, Span
from .roster import AllowList, Roster

__all__ = ["AnonymizerEngine", "Roster", "AllowList", "Span", "AnonymizationResult", "load_pipelines",
           "build_engine", "detect_language", "Registry", "default_registry", "Candidate", "Reason",
           "canonicalize", "CanonicalText"]
