"""The server's own pass before anything is stored: anonymize again, then the final roster scrub.

Whatever the page sends (a new note's ideas, an edited idea) goes through the same two steps: the
engine (restored terms the server vetted stay, flags go unless kept, existing placeholders are left
whole and never collide with new ones), then the final gate's roster and contact scrub, which
replaces a roster name or affiliation the engine missed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from app.models import Conference
from app.services.capture.segments import Segment, compose, is_kept_restore, segments_of, span_value, term_key

if TYPE_CHECKING:
    from app.services.anonymization import AnonymizerSettings

IDEA_SEPARATOR = "\n\n"


@dataclass
class CleanText:
    """Text after the server's own anonymization pass, and what that pass did."""

    text: str
    lang: str
    removed: list[Segment]
    restored_kept: list[Segment]
    scrubbed: int = 0  # items the final roster scrub replaced after the engine


def _spans_within(spans: Iterable, start: int, end: int) -> list[dict]:
    """The spans overlapping [start, end), clipped to it and shifted to start at 0."""
    inside = []
    for span in spans:
        s, e = span_value(span, "start", 0), span_value(span, "end", 0)
        if e <= start or s >= end:
            continue
        inside.append({"start": max(s, start) - start, "end": min(e, end) - start,
                       "label": span_value(span, "label"), "action": span_value(span, "action", "redact"),
                       "reason": span_value(span, "reason"), "placeholder": span_value(span, "placeholder", None),
                       "codes": span_value(span, "codes", ()), "score": span_value(span, "score", 1.0)})
    return inside


def _cleaned(text: str, spans: Iterable, lang: str, allowed: list[str], kept: list[str],
             conference: Optional[Conference], settings: AnonymizerSettings) -> CleanText:
    """One text's segments composed with the rapporteur's vetted decisions, then scrubbed."""
    from app.services.typed_text import scrub_roster

    segments = segments_of(text, spans, protect_placeholders=True)
    allowed_keys = {term_key(t) for t in allowed}
    kept_keys = {term_key(t) for t in kept}
    kept_restores = [s for s in segments if is_kept_restore(s, allowed_keys)]
    removed = [s for s in segments if (s.kind == "redact" and s not in kept_restores)
               or (s.kind == "flag" and term_key(s.text) not in kept_keys)]
    composed = compose(segments, restored=allowed, kept=kept)
    scrubbed = scrub_roster(composed, conference, settings, lang) if composed.strip() else composed
    changed = int(" ".join(composed.split()) != scrubbed) if composed.strip() else 0
    return CleanText(scrubbed, lang, removed, kept_restores, changed)


def clean_for_storage(text: str, conference: Optional[Conference], settings: AnonymizerSettings,
                      allowed_restores: Iterable[str] = (), kept: Iterable[str] = (),
                      lang: Optional[str] = None) -> CleanText:
    """Anonymize one text again before it is stored (an edited idea, a kept source sentence).

    Everything the engine redacts goes, except terms in allowed_restores (already vetted: not a
    roster entry, person or contact); flagged details go unless the rapporteur chose to keep them.
    """
    return clean_ideas_for_storage([text], conference, settings, allowed_restores, kept, lang)[0]


def clean_ideas_for_storage(texts: Sequence[str], conference: Optional[Conference], settings: AnonymizerSettings,
                            allowed_restores: Iterable[str] = (), kept: Iterable[str] = (),
                            lang: Optional[str] = None) -> list[CleanText]:
    """Anonymize the ideas of one note again, as ONE note, before they are stored.

    One pass over the whole note keeps the engine's note-level consistency (a name found in one
    idea is removed from every idea, with the same placeholder) and costs one model run, not one
    per idea. Each idea then gets its own spans and the same rules as clean_for_storage.
    """
    from app.services.anonymization import anonymize

    texts = list(texts)
    result = anonymize(IDEA_SEPARATOR.join(texts), conference, settings, lang=lang)
    result_lang = getattr(result, "lang", None) or lang or "en"
    allowed, kept = list(allowed_restores), list(kept)
    cleaned: list[CleanText] = []
    offset = 0
    for text in texts:
        spans = _spans_within(result.spans, offset, offset + len(text))
        offset += len(text) + len(IDEA_SEPARATOR)
        cleaned.append(_cleaned(text, spans, result_lang, allowed, kept, conference, settings))
    return cleaned
