"""Writing readable placeholders: same person, same number within one note."""
from __future__ import annotations

from .resolve import Decision
from .vocab import fold

NUMBERED = {"PERSON": "Participant", "ORG": "Organization"}
FIXED = {"ROLE": "[Role]", "CONTACT": "[Contact]", "PLACE": "[Place]", "QUASI": "[Detail]"}


def placeholders(text: str, decisions: list[Decision]) -> tuple[str, list[str | None]]:
    """Return the text with every redaction replaced, and each decision's placeholder (None for flags).

    Numbering restarts for every call, so nothing carries over between notes.
    """
    numbers: dict[str, dict[str, int]] = {"PERSON": {}, "ORG": {}}
    marks: list[str | None] = []
    pieces: list[str] = []
    last = 0
    for d in decisions:
        if d.action != "redact":
            marks.append(None)
            continue
        if d.label in NUMBERED:
            ident = d.key or "u:" + " ".join(fold(text[d.start:d.end]).split())
            table = numbers[d.label]
            table.setdefault(ident, len(table) + 1)
            ph = f"[{NUMBERED[d.label]} {table[ident]}]"
        else:
            ph = FIXED.get(d.label, "[Redacted]")
        marks.append(ph)
        pieces.append(text[last:d.start])
        pieces.append(ph)
        last = d.end
    pieces.append(text[last:])
    return "".join(pieces), marks
