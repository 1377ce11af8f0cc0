"""Given names from an international lexicon (Faker's locale lists), as evidence for unknown people.

A capitalised or ALL-CAPS given name that is not an ordinary word is a person; one that is also
an ordinary word ("Faith", "Sunny", "Will") needs a context cue; a lower-case one needs a cue and,
if it is an ordinary word, a surname after it.
"""
from __future__ import annotations

import re
from typing import Optional

from ..given_names import is_given_name
from ..lexicon import (ADDRESS_VERBS, CIVIL_HEADS, DATE_PRECEDERS, LEXICON_CUES, LEXICON_NER_VETO, NAMED_THING_BEFORE,
                       NON_NAME_LINE_LABELS, PLACE_WORDS, PROGRAMME_WORDS)
from ..reasons import Reason
from ..text import Word
from ..vocab import (FUNCTION_WORDS, HONORIFICS, LABEL_WORDS, NON_PERSON_PROPER, ORG_HEADS, ROLE_TITLES,
                     SPEECH_VERBS, SUBJECT_HEADS, fold)
from ..wordclass import hyphen_name
from .persons import PersonFinder, PersonStage


class GivenNames(PersonStage):
    """Known given names not covered by an earlier person recognizer."""

    id = "given_names"

    def run(self, pf: PersonFinder) -> None:
        """Judge every word that is a known given name."""
        lexicon_names(pf)


def _lexicon_cue(pf, a: Word, b: Word) -> Optional[str]:
    """A context cue strong enough for a given name that may also be an ordinary word."""
    ctx = pf.ctx
    cue = pf.cue(a, b)
    if cue and cue.startswith(LEXICON_CUES):
        return cue
    prev = ctx.word(a.i - 1)
    if prev is not None and ctx.gap(prev, a) == " " and prev.key in ADDRESS_VERBS:
        return "after '...'"
    # a speaker list line "- <Name> - <verb>s ..."
    if ctx.line_start_before(a) and re.match(r"[ \t]+[-–—][ \t]+[a-z]+s\b", ctx.text[b.end:b.end + 30]):
        return "speaker in a '- Name - says' list"
    # an action item: "<Name> will send ...", "<Name> to circulate ...", "<Name> et <Name> vont ..."
    if (a.cap or a.upper) and _ACTION.match(ctx.text, b.end):
        return "subject of an action item"
    return None


_ACTION = re.compile(r"[ \t]+(?:will|to|shall|should|can|could|would|agreed to|offered to|va|vont|doit|devra|enverra|"
                     r"fera|pourra)[ \t]+(?:also[ \t]+|aussi[ \t]+)?[a-zà-ÿ]{3,}")


def _surname_after(pf, w: Word) -> Word:
    """The word after a given name when it reads as a surname ("Solveig Brannagh", "tamsin quill")."""
    ctx = pf.ctx
    nxt = ctx.word(w.i + 1)
    if nxt is None or ctx.gap(w, nxt) != " " or nxt.i in pf.covered or pf._blocked(nxt) or w.possessive:
        return w
    k = nxt.key
    if k in FUNCTION_WORDS or k in PLACE_WORDS or k in ORG_HEADS or k in SUBJECT_HEADS or k in ROLE_TITLES \
            or k in NON_PERSON_PROPER or k in SPEECH_VERBS or fold(nxt.text) in ctx.index.allow_forms:
        return w
    if w.upper and not nxt.upper or (w.cap and not w.upper and not nxt.cap) or (not w.cap and nxt.cap):
        return w
    if nxt.upper and (nxt.text.upper() in ctx.index.org_acronyms or len(k) <= 3):
        return w
    if ctx.is_common(nxt) and not hyphen_name(nxt) and not (nxt.cap and is_given_name(k)):
        return w
    return nxt

def _org_or_thing_name(pf, a: Word, b: Word) -> bool:
    """A name inside a named thing: "<Name> <Surname> Fund", "Operation <Name>", "Lake <Name>"."""
    ctx = pf.ctx
    prev = ctx.word(a.i - 1)
    if prev is not None and prev.cap and prev.key.rstrip(".") in NAMED_THING_BEFORE and ctx.gap(prev, a) in (" ", ". "):
        return True
    j = b.i + 1
    while j < len(ctx.words) and j <= b.i + 4:
        nx = ctx.words[j]
        if ctx.gap(ctx.words[j - 1], nx) not in (" ", "'s ", "’s ") or not (nx.cap or nx.upper) \
                or nx.key in FUNCTION_WORDS or nx.key in SPEECH_VERBS:
            break  # a shouted sentence ("NAME SURNAME SAID THE PLAN ..."), not the name of a thing
        if nx.key in ORG_HEADS or nx.key in SUBJECT_HEADS or nx.key in CIVIL_HEADS or nx.key in PROGRAMME_WORDS:
            return True
        j += 1
    return False

def lexicon_names(pf: PersonFinder) -> None:
    """Known given names as evidence for unknown people (see the module docstring)."""
    ctx = pf.ctx
    for w in ctx.words:
        if w.i in pf.covered or pf._blocked(w) or not is_given_name(w.key) or _excluded(pf, w):
            continue
        key = w.key
        b = _surname_after(pf, w)
        if _org_or_thing_name(pf, w, b) or (key in FUNCTION_WORDS and b is w and not _mid_sentence_capital(w)):
            continue  # "The", "Son", "May": grammar first, unless a surname follows or a capital says otherwise
        ordinary = ctx.is_common(w) or key in FUNCTION_WORDS
        cue = _lexicon_cue(pf, w, b) or ("capitalised mid-sentence" if _capital_is_evidence(ctx, w) else None)
        prev = ctx.word(w.i - 1)
        if prev is not None and prev.key in DATE_PRECEDERS and ordinary and cue in (None, "capitalised mid-sentence"):
            continue  # "in May", "by June": a date
        if w.cap or w.upper:
            if not ordinary and b is w and not cue:
                if w.upper and len(key) < 4:
                    continue  # a short ALL-CAPS word is an acronym more often than a name
                if ctx.ent_label(w) in LEXICON_NER_VETO:
                    continue  # spaCy reads it as a place or a date: let the other layers decide
            if ordinary and not cue and (b is w or ctx.is_common(b) and not hyphen_name(b)):
                continue
        elif not _lower_case_person(pf, w, b, cue, ordinary):
            continue
        pf._add(w, b, Reason.GIVEN_NAME, None, False, key="u:" + " ".join(x.key for x in ctx.words[w.i:b.i + 1]))


_LOWER_CUES = ("subject of", "name followed by '(a", "speaker", "after label")
# Verbs whose subject can only be a person: "joy said", "what patience asked".
_SAID = re.compile(r"[ \t]+(?:also[ \t]+)?(?:said|asked|noted|argued|added|explained|replied|stressed|suggested|insisted|"
                   r"recalled|warned|objected|agreed|disagreed)\b")
_DIT = re.compile(r"[ \t]+(?:a[ \t]+|aussi[ \t]+)?(?:dit|demande|propose|souligne|rappelle|ajoute|explique|insiste|"
                  r"parle|raconte|conte|trouve|pense|croit|veut|suggère|suggere|précise|precise|signale|note)\b")
# "- claire de l'org …", "- sam from the clinic": a line opening on a name and where that person comes from
_AFFILIATION = re.compile(r"[ \t]+(?:de|du|des|d'|d’|from|of|at|with|chez)[ \t]*[a-zà-ÿ]")
_ACTION_LABEL = re.compile(r"(?:^|\n)[ \t\-*•]*(?:action(?:\s+items?)?|actions?|ai|follow[- ]?ups?|next\s+steps?|to[- ]?do|"
                           r"owners?|suivis?|à\s+faire|responsables?)[ \t]*:[ \t]*$", re.I)
_LOWER_ACTION = re.compile(r"[ \t]+(?:to|will)[ \t]+(?:send|share|circulate|draft|check|follow|email|contact|call|"
                           r"write|prepare|update|book|confirm|compile|collect|ask|review|set|organize|organise)\b")


def _lower_case_person(pf, w: Word, b: Word, cue: Optional[str], ordinary: bool) -> bool:
    """A lower-case given name is a person with a clear cue and, if it is an ordinary word, a surname after
    it, the subject of a verb of saying ("joy said") or an action item at a line start ("- kit to check")."""
    ctx = pf.ctx
    acting = _SAID.match(ctx.text, w.end) or _DIT.match(ctx.text, w.end) or ctx.line_start_before(w) and (
        _LOWER_ACTION.match(ctx.text, w.end) or ctx.lowercase_style and _AFFILIATION.match(ctx.text, w.end))
    # "Action: lukas smeets to circulate …", "Suivi : claire roy va envoyer …": the owner of an action item
    owner = b is not w and _ACTION_LABEL.search(ctx.text, max(0, w.start - 30), w.start) and _ACTION.match(ctx.text, b.end)
    if owner and not ordinary:
        return True
    if len(w.key) < 3 or not cue and not ordinary and not acting:
        return False
    if not ordinary or b is not w:
        return len(w.key) >= 4 and bool(cue) and cue.startswith(_LOWER_CUES) or bool(acting) and ctx.lowercase_style
    prev = ctx.word(w.i - 1)
    determined = prev is not None and "\n" not in ctx.gap(prev, w) and (
        prev.key in FUNCTION_WORDS and prev.key not in ("what", "as", "and", "but", "then", "so") or ctx.pos(prev) == "ADJ")
    if determined:
        return False
    return bool(acting)


def _excluded(pf: PersonFinder, w: Word) -> bool:
    """Given names that are something else first: grammar, places, titles, labels, listed bodies."""
    ctx, key = pf.ctx, w.key
    if key in PLACE_WORDS or key in NON_PERSON_PROPER or key in ROLE_TITLES or key.rstrip(".") in HONORIFICS \
            or key in NON_NAME_LINE_LABELS or key in ORG_HEADS or key in SUBJECT_HEADS or key in LABEL_WORDS:
        return True
    if fold(w.text) in ctx.index.allow_forms:
        return True
    if w.upper and (w.text.upper() in ctx.index.org_acronyms or w.text.upper() in ctx.index.derived_acronyms):
        return True
    return ctx.in_place_name(w)  # part of a place name ("Sierra Leone", "San Jose")


def _mid_sentence_capital(w: Word) -> bool:
    """A capital that is not there because a sentence, line or list item starts."""
    return w.cap and not w.upper and not w.initial


def _capital_is_evidence(ctx, w: Word) -> bool:
    """A mid-sentence capital says "name" unless the note is typed in lower case, the line is a
    Title Case heading, or the word is part of a capitalised phrase ("Women, Peace and Security")."""
    if not _mid_sentence_capital(w) or ctx.lowercase_style or _title_case_share(ctx, w) >= 0.5:
        return False
    near = [x for x in ctx.words[max(0, w.i - 2):w.i + 3] if x is not w and "\n" not in ctx.text[min(x.end, w.end):max(x.start, w.start)]]
    return not any(x.cap and ctx.is_common(x) and not x.initial for x in near)


def _title_case_share(ctx, w: Word) -> float:
    """Share of capitalised words on *w*'s line: in a Title Case heading a capital says nothing."""
    line_start = ctx.text.rfind("\n", 0, w.start) + 1
    line_end = ctx.text.find("\n", w.end)
    line_end = len(ctx.text) if line_end == -1 else line_end
    words = [x for x in ctx.words[max(0, w.i - 12):w.i + 12] if line_start <= x.start < line_end]
    return sum(1 for x in words if x.cap) / max(1, len(words))
