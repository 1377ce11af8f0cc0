"""Clean ideas in the capture flow: extraction for the preview, and the kind and support sent back.

The extractor (``anonymizer.ideas``) runs on the preview's anonymized text, never on the raw note,
with the spaCy pipelines the anonymizer already loaded, on the parse the anonymizer already made
when it hands one over. What the rapporteur submits is anonymized again by
``services.capture.ideas.submit_ideas`` before it is stored.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional, Sequence

from flask_babel import gettext

from app.extensions import services
from app.services.capture.errors import CaptureError
from app.services.capture.storage import clean_ideas_for_storage

if TYPE_CHECKING:
    from app.services.anonymization import AnonymizerSettings

KINDS = ("proposal", "finding", "concern", "question", "commitment", "figure")
MAX_SUPPORT = 500
MAX_SOURCE_CHARS = 2000
Meta = tuple[Optional[str], int, Optional[str]]  # kind, support, anonymized source sentence
# A clean idea that still opens on who did it ("[Organization 1] should report ...", "[Participant 2]'s
# plan ..."): the actor goes, the substance stays (nothing added: only the placeholder is dropped).
LEADING_ACTOR = re.compile(r"^\s*(?:\[(?:Participant|Organization) \d+\](?:'s|’s)?[\s,;:]*)+(?=\w)")


def without_leading_actor(text: str) -> str:
    """The idea without a person or organization placeholder at its start, first letter capitalised."""
    rest = LEADING_ACTOR.sub("", text, count=1)
    if rest == text or not rest.strip():
        return text
    return rest[0].upper() + rest[1:]


def _extractor(settings: AnonymizerSettings):
    """The app's extractor for a pair of spaCy models (in the service container), sharing the
    anonymizer's loaded pipelines."""
    from anonymizer.ideas import IdeaExtractor
    from app.services.anonymization import pipelines

    return services().get_or_create(("capture.idea_extractor", settings.en_model, settings.fr_model),
                                    lambda: IdeaExtractor(pipelines(settings)))


def extract_for_preview(clean_text: str, lang: Optional[str], settings: AnonymizerSettings,
                        raw_doc=None, replaced: Sequence = ()) -> list[dict]:
    """The clean ideas of the preview's anonymized text: text, kind, start/end in that text, support.

    raw_doc and replaced: the engine's parse of the raw note and the pieces the clean text replaced
    (offsets in the raw note, with label and placeholder); with them the note is not parsed again.
    """
    if not clean_text or not clean_text.strip():
        return []
    parsed = None
    if raw_doc is not None:
        from anonymizer.ideas import project_parse

        parsed = project_parse(raw_doc, clean_text, list(replaced))
    result = _extractor(settings).extract(clean_text, lang if lang in ("en", "fr") else None, parsed=parsed)
    ideas = [idea.to_dict() for idea in result.ideas]
    for idea in ideas:
        idea["text"] = without_leading_actor(idea["text"])
    return ideas


def parse_idea_meta(values, count: int) -> list[Meta]:
    """Validate the page's ``idea_meta`` (one ``{"kind", "support", "source"?}`` per idea).

    Missing meta means ideas without a kind and no support; a malformed entry is a 400. The source
    is what the page says the idea came from; it is stored only if the conference keeps sources,
    and then only after the server anonymizes it again.
    """
    if values is None:
        return [(None, 0, None)] * count
    if not isinstance(values, list) or len(values) != count:
        raise CaptureError(gettext("The ideas' kinds and support counts do not match the ideas. "
                                   "Reload the page."), 400)
    pairs = []
    for value in values:
        if not isinstance(value, dict):
            raise CaptureError(gettext("Each idea's kind and support must be an object."), 400)
        kind, support, source = value.get("kind"), value.get("support", 0), value.get("source")
        if kind is not None and kind not in KINDS:
            raise CaptureError(gettext("Unknown idea kind “%(kind)s”.", kind=kind), 400)
        if isinstance(support, bool) or not isinstance(support, int) or not 0 <= support <= MAX_SUPPORT:
            raise CaptureError(gettext("A support count must be a whole number from 0 to %(num)d.", num=MAX_SUPPORT), 400)
        if source is not None and (not isinstance(source, str) or len(source) > MAX_SOURCE_CHARS):
            raise CaptureError(gettext("An idea's source must be text of at most %(num)d characters.",
                                       num=MAX_SOURCE_CHARS), 400)
        pairs.append((kind, support, source or None))
    return pairs


def kept_sources(conference, meta: list[Meta], settings: AnonymizerSettings) -> list[Optional[str]]:
    """The source sentences to store beside the ideas: none unless the conference keeps sources,
    and those anonymized again (one pass over all of them, as one note)."""
    if not getattr(conference, "keep_idea_sources", False):
        return [None] * len(meta)
    wanted = [(n, m[2]) for n, m in enumerate(meta) if m[2] and m[2].strip()]
    cleaned = clean_ideas_for_storage([s for _, s in wanted], conference, settings) if wanted else []
    out: list[Optional[str]] = [None] * len(meta)
    for (n, _), clean in zip(wanted, cleaned):
        out[n] = clean.text.strip() or None
    return out
