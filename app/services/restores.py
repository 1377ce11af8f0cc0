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
from typing import Iterable, Optional

from flask_babel import gettext, lazy_gettext

from app.models import Conference
from app.services.capture import MAX_TERM_CHARS, NEVER_RESTORED_LABELS, build_preview, restore_refusal

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
        removals = build_preview(note, conference, settings).removals
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
    removals = build_preview(note, conference, settings).removals
    return [t for t in unique if restore_decision(t, note, conference, settings, removals) is None]
