"""Writing readable placeholders: same person, same number within one note."""
from __future__ import annotations

from .recognizers.legacy import Candidate
from .results import Span
from .vocab import fold

NUMBERED = {"PERSON": "Participant", "ORG": "Organization"}
FIXED = {"ROLE": "[Role]", "CONTACT": "[Contact]", "PLACE": "[Place]", "QUASI": "[Detail]"}


def build_spans(text: str, cands: list[Candidate]) -> tuple[str, list[Span]]:
    """Return the clean text and the public spans for resolved candidates.

    Numbering restarts for every call, so nothing carries over between notes.
    """
    numbers: dict[str, dict[str, int]] = {"PERSON": {}, "ORG": {}}
    spans: list[Span] = []
    pieces: list[str] = []
    last = 0
    for c in cands:
        original = text[c.start:c.end]
        if c.action != "redact":
            spans.append(Span(c.start, c.end, c.label, "flag", c.reason, original, None))
            continue
        if c.label in NUMBERED:
            ident = c.key or fold(original)
            table = numbers[c.label]
            if ident not in table:
                table[ident] = len(table) + 1
            ph = f"[{NUMBERED[c.label]} {table[ident]}]"
        else:
            ph = FIXED.get(c.label, "[Redacted]")
        spans.append(Span(c.start, c.end, c.label, "redact", c.reason, original, ph))
        pieces.append(text[last:c.start])
        pieces.append(ph)
        last = c.end
    pieces.append(text[last:])
    return "".join(pieces), spans
