"""The one candidate type and the one recognizer interface.

A recognizer looks at one parsed note and proposes :class:`Candidate` spans; it never merges
overlaps (``anonymizer.resolve``) nor writes placeholders (``anonymizer.replace``). Recognizers
run in registry order and may read what earlier ones found (``context.found``), the way spaCy
components read ``doc.ents`` set by an earlier component; when one is switched off (ablation),
the later ones simply see less.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Protocol, runtime_checkable

from ..reasons import Reason


@dataclass
class Candidate:
    """A proposed span, in the offsets of the text the recognizer was given.

    ``label`` is one of PERSON, ORG, ROLE, CONTACT, PLACE, QUASI; ``action`` "redact" or "flag";
    ``key`` an identity for placeholder numbering (same person, same number: "p3" roster person,
    "o2" roster organization, "u:..." an unknown name); ``prio`` breaks label ties on overlap.
    """

    start: int
    end: int
    label: str
    reason: Reason
    recognizer: str = ""
    score: float = 1.0
    action: str = "redact"
    key: Optional[str] = None
    prio: int = 1


@runtime_checkable
class Recognizer(Protocol):
    """One detector: a stable ``id`` and ``analyze(doc, context) -> list[Candidate]``.

    ``doc`` is the spaCy ``Doc`` of the canonical text (``context.text``); ``context`` is the
    :class:`anonymizer.recognizers.context.NoteContext` (language, words, roster index,
    allow-list, and ``found``: the candidates of the recognizers that ran before).
    """

    id: str

    def analyze(self, doc, context) -> list[Candidate]:
        """Return candidate spans (offsets into ``context.text``)."""
        ...


class SharedStage:
    """Base of a family of recognizers that run stages of one per-note object (the person finder,
    the attribution reader): each stage runs its rules on it and returns what it added to its output.

    Subclasses give ``shared(context)`` (the object, created on first use), ``emitted(shared)`` (its
    output list) and ``run(shared)`` (the stage's rules).
    """

    id = ""

    def analyze(self, doc, context) -> list[Candidate]:
        """Run :meth:`run` on the family's shared object; return the candidates it added."""
        shared = self.shared(context)
        before = len(self.emitted(shared))
        self.run(shared)
        new = self.emitted(shared)[before:]
        for c in new:
            c.recognizer = c.recognizer or self.id
        return new

    def shared(self, context):  # pragma: no cover - every family overrides it
        """The per-note object the family's stages share."""
        raise NotImplementedError

    def emitted(self, shared) -> list[Candidate]:  # pragma: no cover - every family overrides it
        """The shared object's output list."""
        raise NotImplementedError

    def run(self, shared) -> None:  # pragma: no cover - every stage overrides it
        """The stage's rules (subclasses)."""
        raise NotImplementedError
