"""Roster names: participants' full names, given names, surnames, initials, nicknames, short forms
and one-letter typos, in any case. A name that is also an ordinary word ("Hope", "Will") needs
evidence: a context cue, a capital in mid-sentence, or the same person confirmed elsewhere.
"""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import ADDRESS_VERBS, DATE_PRECEDERS, NAME_WORDS, PLACE_WORDS
from ..reasons import Reason
from ..text import Word
from ..vocab import FUNCTION_WORDS, NON_PERSON_PROPER, fold
from .base import Candidate
from .persons import PersonFinder, PersonStage

_VARIANT_KINDS = {"nickname", "short form", "spelling variant"}
# cues that make a lower-case roster word that is also an ordinary word the participant
# roster given names that are also modal verbs: in capitals their "verb after" cue is the modal's own verb
_MODALS = frozenset({"will", "may", "can", "must", "shall", "might"})
_LOWER_CUES = ("name followed by '(a", "speaker label", "questioner", "subject of", "after '")


def _reason_for(kind: Optional[str]) -> Reason:
    return Reason.ROSTER_NAME_VARIANT if kind in _VARIANT_KINDS else Reason.ROSTER_NAME


class RosterNames(PersonStage):
    """Roster people, full names first (2-4 words), then single words; weak matches confirmed last."""

    id = "roster_names"

    def run(self, pf: PersonFinder) -> None:
        """Match every word run against the roster index."""
        roster_matches(pf)
        pf.resolve_weak()


def roster_matches(pf: PersonFinder) -> None:
    """Longest full-name match at each word, else a single-word match."""
    ctx = pf.ctx
    idx = ctx.index
    words = ctx.words
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        if pf._blocked(w):
            i += 1
            continue
        matched = 0
        for size in ((4, 3, 2) if w.key in idx.full_first else ()):
            seq = words[i:i + size]
            if len(seq) < size or any(ctx.gap(seq[k], seq[k + 1]).strip(" ") or len(ctx.gap(seq[k], seq[k + 1])) > 2
                                      for k in range(size - 1)):
                continue
            pid = idx.full.get(tuple(x.key for x in seq))
            if pid is None or (not any(x.cap for x in seq) and all(ctx.is_common(x) for x in seq)):
                continue
            pf._add(seq[0], seq[-1], Reason.ROSTER_NAME, pid, strong=True)
            matched = size
            break
        if matched:
            i += matched
            continue
        _single(pf, w)
        i += 1


def _single(pf: PersonFinder, w: Word) -> None:
    ctx = pf.ctx
    if w.i in pf.covered:
        return
    key = w.key
    common = ctx.is_common(w) and (key in NAME_WORDS or key in FUNCTION_WORDS or ctx.pos(w) != "PROPN" or not w.cap)
    if _initials(pf, w, common):
        return
    pids, kind, common = _lookup(pf, w, common)
    if not pids or (kind in _VARIANT_KINDS and pf.ctx.in_place_name(w)):
        return
    if not (w.cap or w.upper):
        _lower_case(pf, w, pids, kind, common)
    else:
        _capitalised(pf, w, pids, kind, common)


def _initials(pf: PersonFinder, w: Word, common: bool) -> bool:
    """'TKO', 'T.K.', 'A-L.K.': a roster person's initials. True when the word was decided."""
    ctx, idx = pf.ctx, pf.ctx.index
    letters = re.sub(r"[^A-Za-z]", "", w.text)
    if not (w.upper and 2 <= len(letters) <= 5 and w.key.replace("-", "") == fold(letters)):
        return False
    pids = idx.initials.get(letters.upper())
    speakerish = ctx.next_char(w.end) in "(:" and (ctx.line_start_before(w) or ctx.prev_char(w.start) in "(;,")
    if not pids or fold(w.text) in idx.allow_forms or not (
            speakerish or (letters.upper() not in idx.org_acronyms and letters.upper() not in idx.derived_acronyms)):
        return False
    dotted = "." in w.text or "-" in w.text
    if dotted or len(letters) >= 3 and not common or pf.cue(w, w):
        pf._add(w, w, Reason.ROSTER_INITIALS, min(pids), strong=True)
    else:
        pf.weak.append((Candidate(w.start, w.end, "PERSON", Reason.ROSTER_INITIALS, recognizer=RosterNames.id), pids))
    return True


def _lookup(pf: PersonFinder, w: Word, common: bool) -> tuple[Optional[set], Optional[str], bool]:
    """The roster people a single word may stand for, the kind of variant, and whether it needs context."""
    idx = pf.ctx.index
    key = w.key
    pids = idx.single.get(key)
    if pids:
        return pids, idx.single_kind.get((key, min(pids)), "name"), common
    if w.cap and key in idx.prefix and not common:
        return idx.prefix[key], "short form", True  # invented short forms need context like common words
    if len(key) >= 5 and not common and (w.cap or w.upper):
        t = idx.typo_of(key)
        if t:
            return idx.single.get(t), "spelling variant", common
    return None, None, common


def _lower_case(pf: PersonFinder, w: Word, pids: set, kind: Optional[str], common: bool) -> None:
    """Lower-case: distinctive name parts go; an ordinary word ("hope", "may") needs a clear cue."""
    ctx = pf.ctx
    if not (common or len(w.key) < 4):
        pf._add(w, w, _reason_for(kind), min(pids), strong=len(pids) == 1)
        return
    # the action-item form "<name> to <verb>" at a line start
    if re.match(r" to [a-z]+", ctx.text[w.end:w.end + 20]) and (ctx.line_start_before(w) or ctx.prev_char(w.start) == ":"):
        pf.weak.append((Candidate(w.start, w.end, "PERSON", _reason_for(kind), recognizer=RosterNames.id), pids))
        return
    cue = pf.cue(w, w)
    prev = ctx.word(w.i - 1)
    if cue is None and prev is not None and ctx.gap(prev, w) == " " and prev.key in ADDRESS_VERBS:
        cue = "after '...'"
    lower_note = ctx.lowercase_style and cue is not None and cue.startswith(("subject of", "name followed by '"))
    if cue and (lower_note or cue.startswith(_LOWER_CUES)):
        pf._add(w, w, _reason_for(kind), min(pids), strong=False)


def _capitalised(pf: PersonFinder, w: Word, pids: set, kind: Optional[str], common: bool) -> None:
    """Capitalised or ALL-CAPS roster words."""
    ctx, idx, key = pf.ctx, pf.ctx.index, w.key
    reason, pid, single = _reason_for(kind), min(pids), len(pids) == 1
    if w.upper and len(key) <= 3 and not common and kind != "spelling variant":
        if pf.cue(w, w):  # a short all-caps word is more likely an acronym
            pf._add(w, w, reason, pid, strong=True)
        return
    if fold(w.text) in idx.allow_forms or key in PLACE_WORDS or key in NON_PERSON_PROPER:
        cue = pf.cue(w, w, allow_common=False)
        if cue and (key not in PLACE_WORDS or cue.startswith("after title")):  # "M. Laval", "Ms. Regina"
            pf._add(w, w, reason, pid, strong=True)
        return
    prev = ctx.word(w.i - 1)
    if common and w.cap and not w.upper and not w.initial and not (prev is not None and prev.key in DATE_PRECEDERS):
        # an ordinary word capitalised in mid-sentence that is a roster name is the participant
        pf._add(w, w, reason, pid, strong=pf.cue(w, w) is not None)
        return
    if common or w.initial:
        cue = pf.cue(w, w)
        if cue and w.upper and key in _MODALS and cue.startswith("subject of"):
            cue = None  # "DFO WILL POST THE DATA": in capitals, a modal before its verb is no name
        if cue and not (common and w.initial and cue.startswith("name followed by an apposition")):
            pf._add(w, w, reason, pid, strong=True)
        elif not common:
            pf._add(w, w, reason, pid, strong=single)
        else:
            pf.weak.append((Candidate(w.start, w.end, "PERSON", reason, recognizer=RosterNames.id), pids))
        return
    pf._add(w, w, reason, pid, strong=single)
