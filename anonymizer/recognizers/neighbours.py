"""Neighbours of a found name: "X and Y", "X, Y" lists, and a given name just before a surname."""
from __future__ import annotations

import re

from ..given_names import is_given_name
from ..lexicon import CONTRACTIONS, NAME_WORDS, NON_NAME_LINE_LABELS, PLACE_WORDS
from ..reasons import Reason
from ..vocab import FUNCTION_WORDS, HONORIFICS, NON_PERSON_PROPER, ORG_HEADS, ROLE_TITLES, fold
from ..roster_index import all_nicknames
from .context import word_index_at
from .fragments import elided_grammar
from .persons import PersonFinder, PersonStage


class NameNeighbours(PersonStage):
    """Coordinated names and given names before a found surname."""

    id = "name_neighbours"

    def run(self, pf: PersonFinder) -> None:
        """Coordination first (it may add names), then extend names to the left."""
        coordination(pf)
        extend_left(pf)
        extend_right(pf)


def coordination(pf) -> None:
    """'X and Y' / 'X et Y' / 'X, Y': a capitalised neighbour of a found name is a name."""
    ctx = pf.ctx
    changed = True
    rounds = 0
    while changed and rounds < 3:
        changed = False
        rounds += 1
        starts = {c.start for c in pf.found}
        ends = {c.end for c in pf.found}
        for w in ctx.words:
            if w.i in pf.covered or not (w.cap or w.upper) or pf._blocked(w):
                continue
            if w.key in PLACE_WORDS or fold(w.text) in ctx.index.allow_forms or w.key in NON_PERSON_PROPER:
                continue
            if w.key in ROLE_TITLES or w.key in NON_NAME_LINE_LABELS or w.key in ORG_HEADS:
                continue
            if w.key.rstrip(".") in HONORIFICS or (w.key in FUNCTION_WORDS and w.key not in ctx.index.single):
                continue
            if w.key in CONTRACTIONS:
                continue  # "Dana Kowal, I'm the lead": grammar after the comma, not a second name
            if w.upper and len(w.key) > 1 and (w.text.upper() in ctx.index.org_acronyms or w.text.upper() in ctx.index.derived_acronyms):
                continue
            before = ctx.text[max(0, w.start - 6):w.start]
            after = ctx.text[w.end:w.end + 6]
            left = re.search(r"(?:\s(?:and|et|&)\s|,\s)$", before)
            right = re.match(r"(?:\s(?:and|et|&)\s|,\s)", after)
            hit = False
            if left:
                pos = w.start - len(left.group())
                hit = pos in ends
            if not hit and right:
                pos = w.end + len(right.group())
                hit = pos in starts and not w.initial or (pos in starts and not ctx.is_common(w))
            if hit:
                # extend over a following surname ("Jo Kowalski")
                b = w
                nx = ctx.word(w.i + 1)
                if nx and nx.cap and ctx.gap(w, nx) == " " and nx.i not in pf.covered and not ctx.is_common(nx):
                    b = nx
                pf._add(w, b, Reason.PERSON_COORDINATED, None, False, key="u:" + w.key)
                changed = True


def extend_left(pf) -> None:
    """A given name before a surname, where only the surname was found: a capitalised given-name-like word
    (a word-name, a nickname, or a proper noun for spaCy) joined by one space belongs to the name."""
    ctx = pf.ctx
    for c in pf.found:
        i = word_index_at(ctx, c.start)
        prev = ctx.word(i - 1) if i is not None else None
        if prev is None or prev.i in pf.covered or ctx.gap(prev, ctx.words[i]) != " " or not prev.cap or prev.upper:
            continue
        k = prev.key
        if k in CONTRACTIONS:
            continue  # "I'm Dana Kowal": grammar before the name
        function_word = k in FUNCTION_WORDS and not (is_given_name(k) and not prev.initial)
        if function_word or k.rstrip(".") in HONORIFICS or k in ROLE_TITLES or k in PLACE_WORDS \
                or k in ORG_HEADS or k in NON_NAME_LINE_LABELS or k in NON_PERSON_PROPER or pf._blocked(prev):
            continue
        if k in NAME_WORDS or k in all_nicknames() or (k in FUNCTION_WORDS and not function_word) or (
                ctx.pos(prev) == "PROPN" and (not ctx.is_common(prev) or not prev.initial)):
            c.start = prev.start
            pf.covered.add(prev.i)


def extend_right(pf: PersonFinder) -> None:
    """A lower-case name followed by a lower-case word no list knows ("kofi amankwah said"): the
    surname typed in lower case belongs to the name."""
    ctx = pf.ctx
    for c in pf.found:
        i = word_index_at(ctx, c.end - 1)
        nxt = ctx.word(i + 1) if i is not None else None
        if nxt is None or nxt.i in pf.covered or ctx.gap(ctx.words[i], nxt) != " " or nxt.cap or nxt.upper:
            continue
        if ctx.text[c.start:c.start + 1].isupper() or len(nxt.key) < 3 or ctx.is_common(nxt) or elided_grammar(nxt.text) \
                or nxt.key in FUNCTION_WORDS or nxt.key in PLACE_WORDS or pf._blocked(nxt):
            continue
        c.end = nxt.end
        pf.covered.add(nxt.i)
