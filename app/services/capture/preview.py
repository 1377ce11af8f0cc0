"""The preview: an anonymized note as segments with reasons, its default clean text, ideas and clean ideas.

Raw note text passes through here in memory only: nothing in this module stores or logs it. Clean
ideas are extracted from the engine's own parse of the note (handed over with the result and
projected onto the placeholders), so the preview parses the note once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from app.models import Conference
from app.services.capture.clean_ideas import extract_for_preview
from app.services.capture.segments import Segment, compose, segments_of
from app.services.capture.splitting import split_into_ideas

if TYPE_CHECKING:
    from app.services.anonymization import AnonymizerSettings


@dataclass
class Preview:
    """The anonymized note as segments, its default text, ideas and clean ideas, and its language."""

    segments: list[Segment]
    lang: str
    text: str = ""
    ideas: list[str] = field(default_factory=list)
    clean_ideas: list[dict] = field(default_factory=list)

    @property
    def removals(self) -> list[Segment]:
        """The redacted segments."""
        return [s for s in self.segments if s.kind == "redact"]

    @property
    def flags(self) -> list[Segment]:
        """The flagged segments awaiting the rapporteur's decision."""
        return [s for s in self.segments if s.kind == "flag"]

    @property
    def uncertain(self) -> list[Segment]:
        """Removals the engine was not sure of (the page asks the rapporteur to look)."""
        return [s for s in self.segments if s.uncertain]

    def as_json(self) -> dict:
        """What the capture page receives."""
        return {"segments": [s.as_dict() for s in self.segments], "text": self.text, "ideas": self.ideas,
                "clean_ideas": self.clean_ideas, "lang": self.lang, "removed": len(self.removals),
                "flagged": len(self.flags), "uncertain": len(self.uncertain)}


@dataclass(frozen=True)
class _Replaced:
    """A replaced piece of the note in the form ``anonymizer.ideas.project_parse`` reads."""

    start: int
    end: int
    label: str
    placeholder: str


def replaced_pieces(segments: list[Segment]) -> list[_Replaced]:
    """Each removal or flag with its offsets in the note, as the default clean text replaces it."""
    pieces, cursor = [], 0
    for segment in segments:
        if segment.kind != "text":
            pieces.append(_Replaced(cursor, cursor + len(segment.text), segment.label, segment.placeholder))
        cursor += len(segment.text)
    return pieces


def build_preview(text: str, conference: Optional[Conference], settings: AnonymizerSettings,
                  lang: Optional[str] = None, with_clean_ideas: bool = True) -> Preview:
    """Anonymize a note and describe every removal, with the default clean text, ideas and clean ideas."""
    from app.services.anonymization import anonymize

    result = anonymize(text, conference, settings, lang=lang, keep_parse=with_clean_ideas)
    segments = segments_of(text, result.spans)
    clean = compose(segments)
    note_lang = getattr(result, "lang", None) or lang or "en"
    preview = Preview(segments, note_lang, clean, split_into_ideas(clean))
    if with_clean_ideas:
        preview.clean_ideas = extract_for_preview(clean, note_lang, settings, getattr(result, "doc", None),
                                                  replaced_pieces(segments))
    return preview
