"""Initials that must go with their name, and surnames that are ordinary words, by position.

- A single-letter initial right before a found name goes with it ("P. <Name>", "T. <Surname>"); in a
  French sentence "M." is "Monsieur" and stays, like every honorific.
- An initial and a capitalised word that is a family name or no dictionary word, before a verb of saying
  or a speaker's colon, is a person even when the surname is an ordinary word ("V. Provost said",
  "J. Fan:").
- A given name and a dotted initial after a label or at a line start ("rapporteur ruby s.").
- A capitalised family name that is also an ordinary word, alone as the subject of a past-tense verb of
  saying at the start of a clause, is a person ("Lamb argued", "Parent said"): a bare singular noun or an
  adjective cannot be that subject; mass nouns ("Research suggested", "Staff said") are not family names.
"""
from __future__ import annotations

import functools
import re

from ..given_names import is_family_name, is_position_name
from ..reasons import Reason
from ..text import Word
from ..vocab import COMMON_ACRONYMS, FUNCTION_WORDS, LABEL_WORDS, ROLE_TITLES, entries
from .context import word_index_at
from .context_names import GROUP_WORDS
from .given_names import _excluded
from .person_verbs import PAST_SAYING
from .name_positions import _ACTION_VERBS
from .person_verbs import PAST_SAYING
from .persons import PersonFinder, PersonStage

_CLAUSE_GAP = re.compile(r"^[\s\"“”«»'‘’()\[\]]*(?:[.?!:;,–—-][\s\"“”«»'‘’()\[\]]*)*$")


class NameInitials(PersonStage):
    """Initials beside names; surnames that are ordinary words in a speaker's position."""

    id = "name_initials"

    def run(self, pf: PersonFinder) -> None:
        """Initial plus surname first, then initials joining found names, then bare surnames."""
        for w in pf.ctx.words:
            if w.i in pf.covered or pf._blocked(w):
                continue
            if _is_initial(pf, w):
                _initial_and_surname(pf, w)
            elif not w.cap:
                _given_and_initial(pf, w)
        _initials_join_names(pf)
        _family_subjects(pf)
        _initials_with_actions(pf)


def _is_initial(pf: PersonFinder, w: Word) -> bool:
    """A capital letter and a dot, not a breakout label's letter ("Group B.")."""
    ctx = pf.ctx
    if not (len(w.text) == 2 and w.text[0].isupper() and w.text[1] == "." and ctx.text[w.end:w.end + 1] == " "):
        return False
    if w.start > 0 and ctx.text[w.start - 1] in "-.":
        return False  # the second letter of a compound initial ("H.-J."), which the fragments stage takes whole
    prev = ctx.word(w.i - 1)
    return prev is None or "\n" in ctx.gap(prev, w) or prev.key not in GROUP_WORDS


def _speaker_after(pf: PersonFinder, b: Word) -> bool:
    """A verb of saying or a speaker's colon (or '(affiliation):') right after the name."""
    ctx = pf.ctx
    nxt = ctx.word(b.i + 1)
    if nxt is not None and ctx.gap(b, nxt) == " " and nxt.key in PAST_SAYING:
        return True
    return ctx.next_char(b.end) == ":" or bool(re.match(r"[ \t]*\([^()\n]{2,60}\)[ \t]*:", ctx.text[b.end:]))


def _french_monsieur(pf: PersonFinder, w: Word) -> bool:
    return w.text == "M." and pf.ctx.lang_at(w.start) == "fr"


def _initial_and_surname(pf: PersonFinder, w: Word) -> None:
    """'V. Provost said', 'J. Fan:': an initial and a capitalised surname before a speaker's cue."""
    ctx = pf.ctx
    sur = ctx.word(w.i + 1)
    if sur is None or sur.i in pf.covered or not sur.cap or sur.upper or ctx.gap(w, sur) != " " \
            or _french_monsieur(pf, w) or pf._blocked(sur) or _excluded(pf, sur) or sur.key in FUNCTION_WORDS:
        return
    if not (is_family_name(sur.key) or is_position_name(sur.key) or not ctx.is_common(sur)):
        return
    if _speaker_after(pf, sur):
        pf._add(w, sur, Reason.PERSON_INITIALS, None, False, key=f"u:{w.key}. {sur.key}")


def _given_and_initial(pf: PersonFinder, w: Word) -> None:
    """'rapporteur ruby s.', '- kit o. to send': a given name and a dotted initial after a label or at a
    line start."""
    ctx = pf.ctx
    nxt = ctx.word(w.i + 1)
    if nxt is None or ctx.gap(w, nxt) != " " or len(nxt.key) != 1 or not nxt.text.endswith(".") \
            or not is_position_name(w.key) or _excluded(pf, w) or nxt.i in pf.covered:
        return
    prev = ctx.word(w.i - 1)
    after_label = prev is not None and "\n" not in ctx.gap(prev, w) and (
        prev.key in LABEL_WORDS or prev.key in ROLE_TITLES or prev.key in ("by", "per", "par"))
    if after_label or ctx.line_start_before(w):
        pf._add(w, nxt, Reason.PERSON_INITIALS, None, False, key=f"u:{w.key} {nxt.key}.")


def _initials_join_names(pf: PersonFinder) -> None:
    """A single-letter initial right before a found name ("P. <Name>"): the initial goes with the name."""
    ctx = pf.ctx
    by_start = {c.start: c for c in pf.found}
    for w in ctx.words:
        if w.i in pf.covered or not _is_initial(pf, w) or _french_monsieur(pf, w):
            continue
        nxt = ctx.word(w.i + 1)
        c = by_start.get(nxt.start) if nxt is not None and ctx.gap(w, nxt) == " " else None
        if c is not None:
            c.start = w.start
            pf.covered.add(w.i)


def _family_subjects(pf: PersonFinder) -> None:
    """'Lamb argued', 'Parent said': a capitalised family name alone before a past-tense verb of saying."""
    ctx = pf.ctx
    for w in ctx.words:
        if w.i in pf.covered or not w.cap or w.upper or not is_family_name(w.key) or pf._blocked(w) \
                or w.key in FUNCTION_WORDS or _excluded(pf, w) or w.key in LABEL_WORDS:
            continue
        nxt, prev = ctx.word(w.i + 1), ctx.word(w.i - 1)
        if nxt is None or ctx.gap(w, nxt) != " " or nxt.key not in PAST_SAYING:
            continue
        gap = ctx.gap(prev, w) if prev is not None else "\n"
        clause_start = "\n" in gap or (gap.strip() != "" and _CLAUSE_GAP.match(gap) is not None) or (
            gap == " " and prev.key in ("and", "but", "et", "mais"))
        if not clause_start:
            continue  # "the Lamb said", "our Young said", "Dr Young said" are not a bare name here
        pf._add(w, w, Reason.PERSON_CONTEXT, None, False, key="u:" + w.key)


# "MJLT to send the map" at a line start, "secretariat (LZ) to circulate the report": a person's initials
# as the owner of an action item.
_INITIALS_ACTION = re.compile(r"(?m)(?:^[ \t]*(?:[-•*>][ \t]*)?(?:action[ \t]*:[ \t]*)?|(?<=[a-z])[ \t]+\()"
                              r"(?P<i>[A-Z]{2,4})\)?[ \t]+(?:to|will)[ \t]+(?:" + _ACTION_VERBS + r")\b")


@functools.lru_cache(maxsize=1)
def _body_acronyms() -> frozenset[str]:
    """Acronyms of the listed public bodies ("AMC", "GRC"): an action item's owner, not a person."""
    return frozenset(e for e in entries("public_bodies") if e.isupper() and e.isalpha())


def _initials_with_actions(pf: PersonFinder) -> None:
    """Initials owning an action item, unless they are a known body's acronym."""
    ctx = pf.ctx
    known = {s for s, *_ in ctx.org_mentions}
    for m in _INITIALS_ACTION.finditer(ctx.text):
        letters = m.group("i")
        i = word_index_at(ctx, m.start("i"))
        w = ctx.word(i) if i is not None else None
        if w is None or w.start != m.start("i") or w.i in pf.covered or pf._blocked(w) or w.start in known:
            continue
        if letters in COMMON_ACRONYMS or letters in _body_acronyms() or letters in ctx.index.org_acronyms \
                or letters in ctx.index.derived_acronyms or letters.lower() in ctx.index.allow_forms:
            continue
        pf._add(w, w, Reason.PERSON_INITIALS, None, False, key=f"u:{w.key}")
