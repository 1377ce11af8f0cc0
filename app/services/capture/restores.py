"""Restoring a wrongly removed term: the server's own detection decides, never the page.

The capture page sends the term and the note it previewed. The server anonymizes that note
again and looks for the term among its own removals: the label comes from that detection, so a
request saying ``label: ""`` (or nothing) about a person's name is still refused. A term the
server did not remove cannot be "restored"; a person's name or contact never; an organization
detected as the speaker's affiliation ("[Participant 1] from <Org> argued") never, since putting
it back attributes what was said; a roster name or affiliation never (capture.restore_refusal).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Optional

from flask_babel import gettext, lazy_gettext

from app.models import Conference
from app.services.capture.preview import build_preview
from app.services.capture.segments import NEVER_RESTORED_LABELS, span_value

if TYPE_CHECKING:
    from app.services.anonymization import AnonymizerSettings

# A person (a placeholder the rapporteur typed, or a name the server removed) then an affiliation cue.
_PERSON_THEN_CUE = re.compile(
    r"(?:\[[^\[\]]{1,40}\]|\x00)\s*,?\s*(?:from|of|with|at|for|representing|de|du|des|d'|chez|avec|\()"
    r"\s*(?:the|la|le|les|l')?\s*$", re.IGNORECASE)
# An organization then a word that makes it someone's affiliation ("the Brightwater rep").
_CUE_AFTER = re.compile(r"^\s*(?:'s\s+)?(?:rep|reps|representative|delegate|delegation|staff|member|director|"
                        r"officer|spokesperson|colleague|team|représentante?|déléguée?)\b", re.IGNORECASE)
NO_NOTE = lazy_gettext("Preview the note again, then restore the term from the list of removals.")
NOT_REMOVED = lazy_gettext("This term was not removed from the previewed note. Preview the note again.")
ATTRIBUTED = lazy_gettext("This organization is named as the speaker's affiliation: restoring it would "
                          "attribute what was said, so it stays removed.")


MAX_TERM_CHARS = 200


def _roster_matches(engine, term: str) -> bool:
    """True when the engine's roster index knows the term, or a word of it, as a participant
    name (any variant) or an affiliation (any form, acronym or distinctive word), allow-listed
    bodies included: putting an affiliation back next to a speaker would attribute them."""
    index = getattr(engine, "index", None)
    if index is None:
        return False
    from app.services.anonymization import fold

    folded = fold(term)
    tokens = tuple(folded.replace("'s", "").replace(",", " ").split())
    try:
        if tokens in index.full or folded in index.org_forms or folded in index.org_words:
            return True
        if term.strip() in index.org_acronyms or term.strip().upper() in index.org_acronyms:
            return True
        return any(t in index.single or t in index.org_words for t in tokens)
    except (AttributeError, TypeError):  # an engine without a roster index: the probes below decide
        return False


# Neutral frames for asking the engine what a term is on its own; a bare one-word text would be
# too little context for the statistical model, so the term is always put in a short sentence.
RESTORE_PROBES = ("We discussed {} today.", "They talked about {}.")
ROSTER_REFUSAL = lazy_gettext("This term is a participant's name or affiliation on the roster; it cannot be restored.")


def _probe_labels(engine, term: str, frame: str) -> tuple[set[str], bool]:
    """Labels the engine redacts over the term in one frame, and whether a roster rule fired."""
    from app.services.anonymization import is_roster

    offset = frame.index("{}")
    result = engine.anonymize(frame.format(term))
    labels, roster = set(), False
    for span in result.spans:
        if span_value(span, "action") != "redact":
            continue
        if span_value(span, "end", 0) <= offset or span_value(span, "start", 0) >= offset + len(term):
            continue
        labels.add(str(span_value(span, "label", "")).upper())
        roster = roster or is_roster(span_value(span, "codes", ()) or ())
    return labels, roster


def restore_refusal(term: str, conference: Optional[Conference], settings: AnonymizerSettings,
                    label: str = "") -> Optional[str]:
    """Why term may not be restored, or None when it may.

    The engine decides: a term its roster index knows (a participant's name in any variant,
    an affiliation in any form) or reads as a contact detail stays removed. A term the engine
    labelled a person's name or contact in the note (label) is refused too; the submit's second
    pass enforces that again in context, whatever the page sends. (A bare term is too little
    context to call it a person: the small models call many proper nouns PERSON out of context.)
    """
    from app.services.anonymization import engine_for

    term = (term or "").strip()
    if not term:
        return gettext("There is no term to restore.")
    if len(term) > MAX_TERM_CHARS:
        return gettext("A restored term can be at most %(num)d characters.", num=MAX_TERM_CHARS)
    if label.upper() == "PERSON":
        return gettext("A person's name can never be restored.")
    if label.upper() in NEVER_RESTORED_LABELS:
        return gettext("A contact detail can never be restored.")
    engine = engine_for(conference, settings)
    from app.services.typed_text import roster_hit

    if _roster_matches(engine, term) or roster_hit(term, conference, settings):
        return str(ROSTER_REFUSAL)
    probes = [_probe_labels(engine, term, frame) for frame in RESTORE_PROBES]
    if any(roster for _, roster in probes):
        return str(ROSTER_REFUSAL)
    if any("CONTACT" in labels for labels, _ in probes):
        return gettext("A contact detail can never be restored.")
    return None


def restore_decision(term: str, note: str, conference: Optional[Conference], settings,
                     removals: Optional[list] = None) -> Optional[str]:
    """Why term may not be restored in note, or None when it may (the server's detection decides).

    removals: the server's removals in note, when the caller already has them.
    """
    term = (term or "").strip()
    if not term:
        return gettext("There is no term to restore.")
    if len(term) > MAX_TERM_CHARS:
        return gettext("A restored term can be at most %(num)d characters.", num=MAX_TERM_CHARS)
    if not (note or "").strip():
        return str(NO_NOTE)
    wanted = term.casefold()
    if removals is None:
        removals = build_preview(note, conference, settings, with_clean_ideas=False).removals
    matches = [s for s in removals if s.text.strip().casefold() == wanted]
    if not matches:
        return str(NOT_REMOVED)
    for segment in matches:
        if segment.label in NEVER_RESTORED_LABELS:
            return (gettext("A person's name can never be restored.") if segment.label == "PERSON"
                    else gettext("A contact detail can never be restored."))
        if not segment.restorable:
            return str(ATTRIBUTED) if segment.label == "ORG" else gettext("This term cannot be restored.")
    if _attributed(note, term, removals):
        return str(ATTRIBUTED)
    return restore_refusal(term, conference, settings)


def _attributed(note: str, term: str, removals) -> bool:
    """True when a mention of term in note reads as a person's affiliation (by the words around it)."""
    masked = note
    for segment in removals:  # names the server removed count as persons, like typed placeholders
        if segment.label == "PERSON":
            masked = masked.replace(segment.text, "\x00" * len(segment.text))
    masked = re.sub("\x00+", "\x00", masked)
    for match in re.finditer(re.escape(term), masked, re.IGNORECASE):
        if _PERSON_THEN_CUE.search(masked[max(0, match.start() - 60):match.start()]):
            return True
        if _CUE_AFTER.match(masked[match.end():match.end() + 40]):
            return True
    return False


def vet_restores_in(terms: Iterable[str], note: str, conference: Optional[Conference], settings) -> list[str]:
    """The restored terms a submitted note may keep, each decided like a /restore (one detection pass)."""
    unique = list(dict.fromkeys(t.strip() for t in terms if isinstance(t, str) and t.strip()))
    if not unique:
        return []
    removals = build_preview(note, conference, settings, with_clean_ideas=False).removals
    return [t for t in unique if restore_decision(t, note, conference, settings, removals) is None]
