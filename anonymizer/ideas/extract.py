"""Clean ideas from one anonymized note: the substance of what was said, without who said it."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional

from ..langdetect import detect_language
from .context import Context
from .frames import after_agreement, find_commitment, find_frame, frame_kind, is_personal, support_count
from .kinds import classify
from .parsed import ParsedNote, parse_anonymized
from .render import balanced, drop_affiliations, render, source_range, trim
from .segment import is_heading, strip_attribution, strip_bullet, strip_hedge, strip_label, units

MAX_DEPTH = 3


@dataclass
class Idea:
    """One clean idea: its text, kind, the range of its source in the note, and agreement lines for it."""

    text: str
    kind: str
    start: int
    end: int
    support: int = 0

    def to_dict(self) -> dict:
        """The JSON form of the command-line contract."""
        return asdict(self)


@dataclass
class NoteIdeas:
    """The ideas of a note, and agreement lines that came before any idea (support for nothing in it)."""

    ideas: list[Idea] = field(default_factory=list)
    unattached_support: int = 0

    @property
    def total_support(self) -> int:
        """Every agreement counted in the note."""
        return self.unattached_support + sum(i.support for i in self.ideas)


@dataclass
class _Reading:
    """What one unit yields: content tokens with a kind hint, or an agreement count."""

    toks: list[int]
    hint: Optional[str] = None
    support: int = 0
    reported: bool = False  # came after a neutral reporting verb ("explained the timeline")


def _read(ctx: Context, toks: list[int], hint: Optional[str], depth: int, reported: bool = False) -> list[_Reading]:
    """Read one unit (or the remainder of one after a frame) into readings."""
    toks = strip_hedge(ctx, strip_attribution(ctx, toks))
    if not toks:
        return []
    frame = find_frame(ctx, toks) if depth < MAX_DEPTH else None
    if frame and frame.section == "agreement":
        out = [_Reading([], support=support_count(ctx, toks[:frame.verb_at]))]
        rest = after_agreement(ctx, toks[frame.content_at:])
        return out + (_read(ctx, rest, hint, depth + 1) if rest else [])
    if frame:
        content = toks[frame.content_at:]
        kind = hint or frame_kind(frame.section)
        return _read(ctx, content, kind, depth + 1, reported or kind is None) if content else []
    start = find_commitment(ctx, toks)
    if start is not None:
        return [_Reading(toks[start:], hint or "commitment")]
    if depth == 0 and (is_personal(ctx, toks) or _logistics(ctx, toks)):
        return []
    return [_Reading(toks, hint, reported=reported)]


def _lone_word(ctx: Context, toks: list[int]) -> bool:
    """A one-word line without a verb ("Funding", "Données") titles what follows."""
    return sum(not ctx.is_punct(i) for i in toks) == 1 and not ctx.has_verb(toks)


def _logistics(ctx: Context, toks: list[int]) -> bool:
    """A short line about the schedule or the room, with no ask or worry in it."""
    if len(toks) > 16 or not ctx.contains(toks, "logistics"):
        return False
    return not (ctx.contains(toks, "proposal_cue") or ctx.contains(toks, "concern_cue"))


def _unit_readings(ctx: Context, toks: list[int]) -> list[_Reading]:
    """Readings of one unit, after bullets, headings, contacts and labels are dealt with."""
    toks = strip_bullet(ctx, toks)
    if not toks or is_heading(ctx, toks) or ctx.doc[toks[-1]].text.endswith(":"):
        return []  # a heading ("Discussion on housing:") introduces ideas, it is not one
    if any(ctx.label(i) == "CONTACT" for i in toks):
        return []
    toks, hint = strip_label(ctx, toks)
    if not toks or is_heading(ctx, toks) or _lone_word(ctx, toks):
        return []
    return _read(ctx, toks, hint, 0)


def ideas_from_parse(parsed: ParsedNote, lang: str) -> NoteIdeas:
    """The clean ideas of a parsed anonymized note."""
    from .vocab import load_vocab

    ctx = Context(parsed, load_vocab(lang))
    result = NoteIdeas()
    for unit in units(ctx):
        for reading in _unit_readings(ctx, unit):
            if reading.support:
                if result.ideas:
                    result.ideas[-1].support += reading.support
                else:
                    result.unattached_support += reading.support
                continue
            toks = balanced(ctx, trim(ctx, drop_affiliations(ctx, reading.toks)))
            if not toks or all(ctx.is_punct(i) for i in toks):
                continue
            text = render(ctx, toks)
            start, end = source_range(ctx, toks)
            result.ideas.append(Idea(text, classify(ctx, toks, reading.hint, reading.reported), start, end))
    return result


class IdeaExtractor:
    """Extract clean ideas with the anonymizer's spaCy pipelines (``{"en": nlp, "fr": nlp}``)."""

    def __init__(self, pipelines: dict, default_lang: str = "en"):  # noqa: D107
        self.pipelines = pipelines
        self.default_lang = default_lang if default_lang in pipelines else next(iter(pipelines), "en")

    def extract(self, note: str, lang: Optional[str] = None, parsed: Optional[ParsedNote] = None) -> NoteIdeas:
        """Ideas of one anonymized *note*; pass *parsed* (see ``project_parse``) to skip the parse."""
        if not note or not note.strip():
            return NoteIdeas()
        lang = lang if lang in ("en", "fr") else detect_language(note, self.default_lang)
        if parsed is None:
            nlp = self.pipelines.get(lang) or self.pipelines[self.default_lang]
            parsed = parse_anonymized(note, nlp)
        return ideas_from_parse(parsed, lang)


def extract_ideas(note: str, pipelines: dict, lang: Optional[str] = None) -> list[Idea]:
    """Convenience: the list of clean ideas of *note*."""
    return IdeaExtractor(pipelines).extract(note, lang).ideas
