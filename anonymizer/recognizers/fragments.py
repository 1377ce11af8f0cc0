"""Fragments of names the other recognizers leave beside a found name, and dotted initials.

Runs after every person recognizer and the trained model, before note-level consistency:
- a word touching a found name (one space, or alone on the line before/after it: a name typed
  across a line break) that no dictionary knows, or a given name,
  is the rest of that name (a dictionary word only when it is a given name the parse reads as a noun) ("emma <surname>", "<given name> arias", "Kala" / "<surname> said");
- dotted initials standing alone ("S.O. asked", "E.N. said") are a person, unless they are a
  common dotted abbreviation (U.S., U.N., e.g., p.m. ...).
"""
from __future__ import annotations

import re

from ..given_names import is_given_name
from ..lexicon import PLACE_WORDS
from ..reasons import Reason
from ..vocab import FUNCTION_WORDS, HONORIFICS, NON_PERSON_PROPER, ORG_HEADS, ROLE_TITLES, fold
from .base import Candidate
from .context import NoteContext, word_index_at

_DOTTED_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.[ -]?){2,3}(?![\w])")
# Dotted abbreviations of general English and French writing, not people.
_DOTTED_ABBREVIATIONS = {"us", "uk", "un", "eu", "ps", "nb", "am", "pm", "eg", "ie", "dc", "bc", "ad", "cv", "ok",
                         "pps", "rsvp", "usa", "ussr", "rip", "vs"}


# A French elided grammar word ("l'a", "qu'elle", "d'une"), never the rest of a name; "d'Amours" and
# "L'Heureux" (a capital after the apostrophe) are surnames and stay candidates.
_ELIDED = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’][a-zà-ÿ]", re.IGNORECASE)


def elided_grammar(text: str) -> bool:
    """*text* is an elided French grammar word ("l'a", "qu'il"), not a name part."""
    m = _ELIDED.match(text)
    return m is not None and text[m.end() - 1].islower()


_NOT_NAME_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "ADV", "ADJ", "NUM"}


class NameFragments:
    """The rest of a found name beside it; dotted initials alone."""

    id = "name_fragments"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """Extend found person spans over touching name fragments; add dotted initials."""
        persons = context.candidates("PERSON")
        covered = _covered(context)
        for c in persons:
            _extend(context, c, covered)
        return _initials(context, covered)


def _covered(ctx: NoteContext) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in ctx.candidates(None) + ctx.candidates(None, action="flag")]


def _is_free(covered: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in covered)


def _fragment(ctx: NoteContext, w) -> bool:
    """A word that can be the rest of a name beside a found one."""
    k = w.key
    if len(k) < 2 or not w.text.replace("-", "").replace("'", "").isalpha() or w.upper or elided_grammar(w.text):
        return False
    if k in FUNCTION_WORDS or k.rstrip(".") in HONORIFICS or k in ROLE_TITLES or k in PLACE_WORDS \
            or k in ORG_HEADS or k in NON_PERSON_PROPER or fold(w.text) in ctx.index.allow_forms:
        return False
    if not ctx.is_common(w):
        return True
    # a given name that is also a dictionary word ("emma", "Kala"), unless the parse reads it as a
    # verb or grammar word ("[Participant 1] may attend", "will send")
    return is_given_name(k) and ctx.pos(w) not in _NOT_NAME_POS


def _touches(ctx: NoteContext, gap: str, w) -> bool:
    """One space, or a line break with the fragment alone on its line."""
    if gap == " ":
        return True
    if gap.strip(" \t") != "\n":
        return False
    line_start = ctx.text.rfind("\n", 0, w.start) + 1
    line_end = ctx.text.find("\n", w.end)
    line = ctx.text[line_start:len(ctx.text) if line_end < 0 else line_end]
    return line.strip() == w.text


def _extend(ctx: NoteContext, c: Candidate, covered: list[tuple[int, int]]) -> None:
    first, last = word_index_at(ctx, c.start), word_index_at(ctx, c.end - 1)
    if first is None or last is None:
        return
    before, after = ctx.word(first - 1), ctx.word(last + 1)
    if before is not None and _is_free(covered, before.start, before.end) \
            and _touches(ctx, ctx.gap(before, ctx.words[first]), before) and _fragment(ctx, before):
        c.start = before.start
    if after is not None and _is_free(covered, after.start, after.end) \
            and _touches(ctx, ctx.gap(ctx.words[last], after), after) \
            and (_fragment(ctx, after) or _lower_case_surname(ctx, c, after)):
        c.end = after.end


def _lower_case_surname(ctx: NoteContext, c: Candidate, w) -> bool:
    """A name typed all in lower case, then a lower-case word the parse reads as a name or noun: its
    surname, even when the surname is also a dictionary word ("kofi arias to circulate")."""
    name = ctx.text[c.start:c.end]
    if not name.islower() or w.cap or w.upper or len(w.key) < 3:
        return False
    if w.key in FUNCTION_WORDS or w.key in PLACE_WORDS or w.key in ROLE_TITLES or w.key in ORG_HEADS:
        return False
    return ctx.pos(w) in {"PROPN", "NOUN"}


def _initials(ctx: NoteContext, covered: list[tuple[int, int]]) -> list[Candidate]:
    out = []
    for m in _DOTTED_INITIALS.finditer(ctx.text):
        start, end = m.start(), m.end()
        while end > start and ctx.text[end - 1] in " -":
            end -= 1
        key = re.sub(r"[^a-z]", "", ctx.text[start:end].lower())
        if key in _DOTTED_ABBREVIATIONS or not _is_free(covered, start, end):
            continue
        if fold(ctx.text[start:end]) in ctx.index.allow_forms:
            continue
        out.append(Candidate(start, end, "PERSON", Reason.PERSON_INITIALS, NameFragments.id,
                             score=0.8, key="u:" + key))
    return out
