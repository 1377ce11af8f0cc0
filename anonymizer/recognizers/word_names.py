"""Participants whose names are ordinary words ("Rain", "Bo", "Ai", "Dawn"), in the positions where only a
person fits: an action item ("Rain to circulate ..."), a thank-you ("thanks to ai"), "per <name>,",
a by-line ("written by dawn"), or coordinated with a name already found ("bo and <Name> disagreed").
Also the word after an abbreviated title typed in lower case ("sgt morrow"). Runs after the other person
recognizers, so coordination sees every name they found."""
from __future__ import annotations

import re

from ..lexicon import STRONG_HONORIFICS
from ..reasons import Reason
from ..vocab import FUNCTION_WORDS
from ..text import Word
from .given_names import _ACTION
from .persons import PersonFinder, PersonStage

_BEFORE = frozenset({"per", "cc", "thanks", "thank", "ask", "asked", "told", "ping", "via"})
_COORD = frozenset({"and", "&", "or", "et"})


class WordNames(PersonStage):
    """Roster given names that are ordinary words, by position."""

    id = "word_names"

    def run(self, pf: PersonFinder) -> None:
        """Accept each such word in a person-only position; repeat once for chains ("a, b and c")."""
        _after_lower_case_titles(pf)
        for _ in range(2):
            for w in pf.ctx.words:
                if w.i in pf.covered or pf._blocked(w):
                    continue
                pids = pf.ctx.index.single.get(w.key)
                if not pids or not pf.ctx.is_common(w):
                    continue
                initial = _initial_after(pf, w)
                if initial is not None:
                    pf._add(w, initial, Reason.ROSTER_NAME, min(pids), strong=False)  # "ruby s."
                elif _person_position(pf, w):
                    pf._add(w, w, Reason.ROSTER_NAME, min(pids), strong=False)


def _person_position(pf: PersonFinder, w: Word) -> bool:
    ctx = pf.ctx
    prev, nxt = ctx.word(w.i - 1), ctx.word(w.i + 1)
    gap_before = ctx.gap(prev, w) if prev is not None else "\n"
    if "\n" not in gap_before and prev is not None:
        if prev.key in _BEFORE or (prev.key == "to" and ctx.word(prev.i - 1) is not None
                                   and ctx.word(prev.i - 1).key in ("thanks", "thank")):
            return True
        if prev.key == "by" and ctx.next_char(w.end) in ".\n;)" and gap_before == " ":
            return True  # a by-line: "written by <name>."
        if prev.key in _COORD and prev.i - 1 in pf.covered and gap_before == " ":
            return True
    if nxt is not None and nxt.key in _COORD and nxt.i + 1 in pf.covered and ctx.gap(w, nxt) == " ":
        return True
    at_line_start = ctx.line_start_before(w) or ctx.prev_char(w.start) in ":;"
    return at_line_start and bool(_ACTION.match(ctx.text, w.end)) and not re.match(r"[ \t]+to[ \t]+be\b", ctx.text[w.end:])


def _initial_after(pf: PersonFinder, w: Word):
    """The dotted initial right after a given name ("ruby s.", "Rain C."), or None."""
    nxt = pf.ctx.word(w.i + 1)
    if nxt is None or pf.ctx.gap(w, nxt) != " " or len(nxt.key) != 1 or not nxt.text.endswith("."):
        return None
    return nxt


def _after_lower_case_titles(pf: PersonFinder) -> None:
    """'sgt morrow agreed', 'dr. grant said': in a note typed in lower case, the word after an abbreviated
    title or rank is the person's name, even when it is also an ordinary word."""
    ctx = pf.ctx
    for w in ctx.words:
        if w.cap or w.key.rstrip(".") not in STRONG_HONORIFICS or len(w.key) > 5 or len(w.key) < 2 \
                or w.key in FUNCTION_WORDS or ctx.lang != "en":
            continue  # "me", "m" are French pronouns first
        nxt = ctx.word(w.i + 1)
        if nxt is None or nxt.cap or nxt.i in pf.covered or ctx.gap(w, nxt).strip(" .") or pf._blocked(nxt):
            continue
        if nxt.key in FUNCTION_WORDS or len(nxt.key) < 2 or _plural_noun(ctx, nxt):
            continue  # "some hon. members: agreed": a plural common noun is no one's name
        pf._add(nxt, nxt, Reason.PERSON_CONTEXT, None, False, key="u:" + nxt.key)


def _plural_noun(ctx, w: Word) -> bool:
    """A lower-case plural of an ordinary noun ("members", "colleagues")."""
    return w.key.endswith("s") and len(w.key) > 3 and w.key[:-1] in ctx.common
