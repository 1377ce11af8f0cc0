"""Result types: detected spans and the anonymized note."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .reasons import Reason

LABELS = ("PERSON", "ORG", "ROLE", "CONTACT", "PLACE", "QUASI")


@dataclass
class Span:
    """One detected span. ``start``/``end`` are offsets into the *input* text.

    ``action`` is "redact" (removed from the clean text) or "flag" (left in place for the
    rapporteur to confirm).  ``reason`` is the main reason's English message (for people);
    ``codes`` the reason codes and ``recognizers`` the recognizer ids behind the span, strongest
    first (for code: compare these, never the message). ``text`` holds the original words and
    must never be logged or exported; :meth:`to_dict` leaves it out.
    """

    start: int
    end: int
    label: str
    action: str
    reason: str
    text: str = field(default="", repr=False)
    placeholder: Optional[str] = None
    codes: tuple[Reason, ...] = ()
    recognizers: tuple[str, ...] = ()
    score: float = 1.0

    @property
    def code(self) -> Optional[Reason]:
        """The main reason code."""
        return self.codes[0] if self.codes else None

    def message(self, lang: str = "en") -> str:
        """The main reason in plain words, in English or French."""
        return self.code.message(lang) if self.code else self.reason

    def to_dict(self) -> dict:
        """The CLI/JSON form: offsets, label, action, reason, placeholder (no original text)."""
        return {"start": self.start, "end": self.end, "label": self.label, "action": self.action,
                "reason": self.reason, "placeholder": self.placeholder}


@dataclass
class AnonymizationResult:
    """The clean text, the detected language and the spans (sorted by start).

    ``text`` is the *canonical* form of the input (see :mod:`anonymizer.canonical`) with the
    redactions applied, so no invisible character or look-alike letter survives into storage;
    span offsets refer to the *input* text.
    """

    text: str
    lang: str
    spans: list[Span] = field(default_factory=list)
    # The spaCy Doc the engine parsed, handed over when asked (``anonymize(..., keep_parse=True)``) so
    # clean-idea extraction need not parse the note again; only when the canonical text equals the
    # input (span offsets are then the Doc's offsets) and fits in one piece.
    doc: Optional[object] = field(default=None, repr=False, compare=False)

    @property
    def redactions(self) -> list[Span]:
        """Spans removed from the text (what an export check looks at)."""
        return [s for s in self.spans if s.action == "redact"]

    @property
    def flags(self) -> list[Span]:
        """Quasi-identifiers left for a person to confirm."""
        return [s for s in self.spans if s.action == "flag"]

    def to_dict(self, note_id=None) -> dict:
        """``{"id", "text", "spans"}`` as in the command-line contract (no original span text)."""
        return {"id": note_id, "text": self.text, "spans": [s.to_dict() for s in self.spans]}
