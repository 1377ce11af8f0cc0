"""A note cut into plain text and removals: the preview's pieces, and the clean text composed from them.

``segments_of`` turns the engine's spans into segments; ``compose`` writes the clean text with the
rapporteur's decisions (restored terms, kept flags). When the text being cut already holds
placeholders (the server's second pass over what the page submits), existing placeholders are
protected: no span may reach into one (no "[[Participant 1] 1]"), and new numbered placeholders
continue after the numbers already used (an organization never becomes a second "[Participant 1]").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from flask_babel import gettext, lazy_gettext

from app.services.reason_words import reason_words

# Labels a rapporteur may never put back: they name or reach a person.
NEVER_RESTORED_LABELS = frozenset({"PERSON", "CONTACT"})
# Shown instead of a flagged detail the rapporteur chose to remove, when the engine gives none.
DEFAULT_FLAG_PLACEHOLDER = "[detail removed]"
# Below this engine score a removal is uncertain: removed by default, but the page asks the
# rapporteur to look (removing it may have taken the substance of the idea with it).
LOW_CONFIDENCE = 0.8
LABEL_NAMES = {
    "PERSON": lazy_gettext("person's name"),
    "ORG": lazy_gettext("organization"),
    "ROLE": lazy_gettext("role that singles out one person"),
    "CONTACT": lazy_gettext("contact detail"),
    "PLACE": lazy_gettext("place or nationality of a speaker"),
    "QUASI": lazy_gettext("detail that could identify someone"),
}
# Placeholders end up in stored ideas: one language for all of them, whatever the page's.
PLACEHOLDER_NAMES = {"PERSON": "person's name", "ORG": "organization", "ROLE": "role that singles out one person",
                     "CONTACT": "contact detail", "PLACE": "place or nationality of a speaker",
                     "QUASI": "detail that could identify someone"}
# Every placeholder the engine or this module writes (the second pass must leave them alone).
EXISTING_PLACEHOLDER = re.compile(
    r"\[(?:participant|organization|organisation)\s*\d*\]|\[(?:role|contact|place|detail|redacted|removed|"
    r"detail removed|" + "|".join(re.escape(n) for n in PLACEHOLDER_NAMES.values()) + r")\]", re.IGNORECASE)
NUMBERED_PLACEHOLDER = re.compile(r"\[(Participant|Organization) (\d+)\]")


@dataclass
class Segment:
    """A piece of the previewed note: plain text, or a removal / flag with its reason and confidence."""

    kind: str  # "text" | "redact" | "flag"
    text: str  # the original text of this piece (shown only to the rapporteur who typed it)
    placeholder: str = ""
    label: str = ""
    reason: str = ""
    restorable: bool = False
    score: float = 1.0
    weak_person: bool = False

    @property
    def uncertain(self) -> bool:
        """A removal the engine was not sure of, which may have taken words the idea needs: the page
        asks the rapporteur to look (it stays removed; a restorable term can be restored through the
        usual checks). A contact detail is never in doubt."""
        return self.kind == "redact" and self.score < LOW_CONFIDENCE and self.label != "CONTACT"

    def as_dict(self) -> dict:
        """JSON form for the capture page."""
        return {"kind": self.kind, "text": self.text, "placeholder": self.placeholder, "label": self.label,
                "label_name": str(LABEL_NAMES.get(self.label, self.label.lower())), "reason": self.reason,
                "restorable": self.restorable, "confidence": round(float(self.score), 2),
                "uncertain": self.uncertain}


def span_value(span, name: str, default=""):
    """A field of an engine span or of its dict form."""
    value = getattr(span, name, None)
    if value is None and isinstance(span, dict):
        value = span.get(name)
    return default if value is None else value


def _ordered_spans(spans: Iterable) -> list:
    """Spans by start; an overlapping span is absorbed by the earlier one (redact wins over flag)."""
    chosen: list = []
    for span in sorted(spans, key=lambda s: (span_value(s, "start", 0), -span_value(s, "end", 0))):
        start, end = span_value(span, "start", 0), span_value(span, "end", 0)
        if end <= start:
            continue
        if chosen and start < chosen[-1][1]:
            prev = chosen[-1]
            merged_action = "redact" if "redact" in (prev[2], span_value(span, "action")) else "flag"
            chosen[-1] = (prev[0], max(prev[1], end), merged_action, prev[3])
            continue
        chosen.append((start, end, span_value(span, "action", "redact"), span))
    return chosen


def _outside_placeholders(text: str, chosen: list) -> list:
    """The chosen spans with every existing placeholder cut out of them (pieces without a letter go)."""
    guarded = [(m.start(), m.end()) for m in EXISTING_PLACEHOLDER.finditer(text)]
    if not guarded:
        return chosen
    out = []
    for start, end, action, span in chosen:
        pieces = [(start, end)]
        for g_start, g_end in guarded:
            pieces = [p for a, b in pieces for p in ((a, min(b, g_start)), (max(a, g_end), b)) if p[1] > p[0]]
        out.extend((a, b, action, span) for a, b in pieces if any(ch.isalnum() for ch in text[a:b]))
    return out


class _Numbering:
    """New numbered placeholders that continue after the numbers the text already uses."""

    def __init__(self, text: str):
        used: dict[str, int] = {"Participant": 0, "Organization": 0}
        for match in NUMBERED_PLACEHOLDER.finditer(text):
            used[match.group(1)] = max(used[match.group(1)], int(match.group(2)))
        self.used = used
        self.mapping: dict[str, str] = {}

    def renumber(self, placeholder: str) -> str:
        """The engine's placeholder, moved past the text's own numbers (the same one maps alike)."""
        match = NUMBERED_PLACEHOLDER.fullmatch(placeholder or "")
        if not match or not any(self.used.values()):
            return placeholder
        if placeholder not in self.mapping:
            self.used[match.group(1)] += 1
            self.mapping[placeholder] = f"[{match.group(1)} {self.used[match.group(1)]}]"
        return self.mapping[placeholder]


def _segment(text: str, start: int, end: int, action: str, span, numbering) -> Segment:
    """One removal or flag segment, with its placeholder, reason and whether it may be restored."""
    from app.services.anonymization import is_attribution, is_weak_person

    label = str(span_value(span, "label", "")).upper()
    kind = "flag" if action == "flag" else "redact"
    placeholder = span_value(span, "placeholder", "") or (
        DEFAULT_FLAG_PLACEHOLDER if kind == "flag" else f"[{PLACEHOLDER_NAMES.get(label, 'removed')}]")
    if numbering is not None:
        placeholder = numbering.renumber(placeholder)
    codes = span_value(span, "codes", ()) or ()
    # An organization named as the speaker's affiliation would attribute what was said.
    attributed = label == "ORG" and is_attribution(codes)
    return Segment(kind, text[start:end], placeholder, label, reason_words(span) or gettext("may identify someone"),
                   restorable=kind == "redact" and label not in NEVER_RESTORED_LABELS and not attributed,
                   score=float(span_value(span, "score", 1.0) or 0.0),
                   weak_person=label == "PERSON" and bool(codes) and is_weak_person(codes))


def segments_of(text: str, spans: Iterable, protect_placeholders: bool = False) -> list[Segment]:
    """Cut text into plain segments and removal/flag segments.

    protect_placeholders: the text already holds placeholders (a second pass): leave them whole
    and number new ones after them.
    """
    chosen = _ordered_spans(spans)
    numbering = None
    if protect_placeholders:
        chosen = _outside_placeholders(text, chosen)
        numbering = _Numbering(text)
    segments: list[Segment] = []
    cursor = 0
    for start, end, action, span in chosen:
        if start > cursor:
            segments.append(Segment("text", text[cursor:start]))
        segments.append(_segment(text, start, end, action, span, numbering))
        cursor = max(cursor, end)
    if cursor < len(text):
        segments.append(Segment("text", text[cursor:]))
    return segments


def term_key(term: str) -> str:
    """How restored and kept terms are compared."""
    return term.strip().casefold()


def is_kept_restore(segment: Segment, restored_keys: set[str]) -> bool:
    """A removal the rapporteur restored (vetted) that stays restored in this pass.

    Restorable removals, and a name read as a person only on weak evidence (an unknown proper noun):
    the restore was vetted on the whole note, where the server did not read it as a person.
    """
    return (segment.kind == "redact" and term_key(segment.text) in restored_keys
            and (segment.restorable or segment.weak_person))


def compose(segments: Sequence[Segment], restored: Iterable[str] = (), kept: Iterable[str] = ()) -> str:
    """The clean text: removals become placeholders unless restored; flags go unless kept."""
    restored_set = {term_key(t) for t in restored}
    kept_set = {term_key(t) for t in kept}
    parts = []
    for segment in segments:
        if segment.kind == "text":
            parts.append(segment.text)
        elif is_kept_restore(segment, restored_set):
            parts.append(segment.text)
        elif segment.kind == "flag" and term_key(segment.text) in kept_set:
            parts.append(segment.text)
        else:
            parts.append(segment.placeholder)
    return "".join(parts)
