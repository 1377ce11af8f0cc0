"""Names without a roster and without a title, found by the position they stand in.

A word that is a given name of any kind (an ordinary word such as "Rain" or "Hope", two letters such as
"Bo", a name in lower case), or a word no dictionary knows, is a person where only a person fits:
- after "per", "cc", "thanks (to)", "merci à", in a by-line ("written by nell."), in a vocative
  ("Thanks, Will.");
- "what <X> said", "as <X> noted", "comme <X> l'a dit";
- the subject of a past-tense verb of saying ("will noted", "- ben okyere said"): a modal or a noun
  cannot be;
- coordinated with a person already found ("bo and <Name> disagreed");
- an action item at the start of a line ("Sunny to circulate", "SUNNY TO CIRCULATE", "Espérance enverra");
- an item of an attendance list ("Present: ...", "cc: dawn, rain, sky", "Présents : ...").
The ordinary word stays everywhere else ("we will", "I hope", "per year"). Runs after the other person
recognizers (it reads every name they found); initials and surnames that are ordinary words are in
:mod:`.name_initials`.
"""
from __future__ import annotations

import re
from typing import Optional

from ..given_names import is_family_name, is_position_name
from ..lexicon import DATE_PRECEDERS
from ..reasons import Reason
from ..text import Word
from ..vocab import FUNCTION_WORDS, SPEECH_VERBS, fold
from .fragments import elided_grammar
from .given_names import _excluded
from .persons import PersonFinder, PersonStage

# Past-tense verbs of saying: a modal ("will"), a month ("may") or a noun ("hope") cannot be their bare subject.
PAST_SAYING = frozenset(fold(w) for w in """said|asked|noted|argued|added|explained|replied|stressed|suggested|insisted|
recalled|warned|objected|agreed|disagreed|mentioned|pointed|proposed|responded|answered|observed|cautioned|
emphasized|emphasised|countered|wondered|shared|raised|reported|presented|described|questioned|urged|
a dit|a souligné|a rappelé|a demandé|a ajouté|a proposé|a expliqué""".replace("\n", "").split("|"))
_BEFORE = frozenset({"per", "cc", "ping", "via", "thanks", "thank", "remercie", "remercions", "merci", "bravo"})
_VOCATIVE_BEFORE = frozenset({"thanks", "thank you", "merci", "welcome", "bienvenue", "bravo", "hi", "hello", "bonjour",
                              "go ahead", "allez-y", "over to you", "à vous"})
_SAID_BEFORE = frozenset({"what", "as", "comme", "que", "qu'"})
_COORD = r"(?:and|&|et|or|ou)"
_ACTION_VERBS = (r"send|share|circulate|draft|check|follow|email|e-mail|contact|call|write|prepare|update|book|confirm|"
                 r"compile|collect|ask|review|set|organize|organise|present|report|reach|coordinate|lead|host|invite|"
                 r"schedule|summarize|summarise|table|submit|finalize|finalise|flag|raise|look|find|bring|connect|"
                 r"distribute|forward|post|upload|liaise|arrange|revise|edit|chair|facilitate|convene|brief|track")
_ACTION = re.compile(r"[ \t]+(?:will|to|shall|should|can|agreed[ \t]+to|offered[ \t]+to|volunteered[ \t]+to)[ \t]+"
                     r"(?:also[ \t]+|then[ \t]+)?(?:" + _ACTION_VERBS + r")\b", re.IGNORECASE)
_FRENCH_ACTION = re.compile(r"[ \t]+(?:enverra|transmettra|fera|préparera|rédigera|communiquera|contactera|partagera|"
                            r"diffusera|vérifiera|fera|présentera|relancera|écrira|va[ \t]+(?:envoyer|préparer|rédiger|"
                            r"contacter|partager|vérifier|faire|présenter|écrire))\b", re.IGNORECASE)
_LIST_LABEL = re.compile(r"(?im)^[ \t>*•-]*(?:present|attendees|attending|attendance|participants|regrets|absent|"
                         r"guests|cc|bcc|to|from|invited|panel|panellists|panelists|speakers|présents?|présentes?|"
                         r"absents?|absentes?|invités?|invitées?|excusés?|excusées?|participantes?)[ \t]*:[ \t]*")
_ITEM_SPLIT = re.compile(r"[ \t]*(?:[,;/]|\b(?:and|et)\b)[ \t]*")
_CLAUSE_PUNCT = frozenset(" \t.?!:;,–—-\"“”«»'‘’()[]")
_DATE_WORDS = frozenset(fold(w) for w in """january|february|march|april|may|june|july|august|september|october|
november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|janvier|février|mars|avril|mai|juin|
juillet|août|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche""".replace(
    "\n", "").split("|"))


class NamePositions(PersonStage):
    """Given names (ordinary words and short names included) and unknown words in person-only positions."""

    id = "name_positions"

    def run(self, pf: PersonFinder) -> None:
        """Attendance lists first, then every word in a person-only position (twice, for chains)."""
        _attendance_lists(pf)
        for _ in range(2):
            for w in pf.ctx.words:
                if w.i in pf.covered or not _candidate(pf, w):
                    continue
                why = _position(pf, w)
                if why:
                    b = _surname_before_verb(pf, w)
                    pf._add(w, b, Reason.PERSON_CONTEXT, None, False,
                            key="u:" + " ".join(x.key for x in pf.ctx.words[w.i:b.i + 1]))


def _candidate(pf: PersonFinder, w: Word, unknown_ok: bool = True) -> bool:
    """A word that may be a name here: a known given name of any kind, or (with *unknown_ok*) a word of
    three letters or more that no dictionary knows."""
    ctx = pf.ctx
    if pf._blocked(w) or not w.text[:1].isalpha() or elided_grammar(w.text) or _excluded(pf, w):
        return False
    if w.upper and len(w.key) <= 3 and not is_position_name(w.key):
        return False  # a short acronym
    if is_position_name(w.key):
        return True
    return unknown_ok and len(w.key) >= 3 and not ctx.is_common(w) and w.key not in FUNCTION_WORDS \
        and w.text.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _prev_same_line(ctx, w: Word) -> Optional[Word]:
    prev = ctx.word(w.i - 1)
    return prev if prev is not None and "\n" not in ctx.gap(prev, w) else None


def _position(pf: PersonFinder, w: Word) -> Optional[str]:
    """Why only a person fits at *w* (an internal note), or None."""
    ctx = pf.ctx
    prev = _prev_same_line(ctx, w)
    after = ctx.next_char(w.end)
    if prev is not None and prev.key in DATE_PRECEDERS | {"per"} and w.key in _DATE_WORDS:
        return None  # "by june", "per monday": a date
    if prev is not None and (reason := _after_word(pf, w, prev, after)):
        return reason
    if _subject_of_saying(pf, w, prev):
        return "subject of a verb of saying"
    if _coordinated(pf, w):
        return "coordinated with a name"
    if _action_item(pf, w):
        return "action item"
    return None


def _after_word(pf: PersonFinder, w: Word, prev: Word, after: str) -> Optional[str]:
    """'per <X>,', 'thanks to <X>', 'by <X>.', 'Thanks, <X>.', 'what <X> said'."""
    ctx = pf.ctx
    gap = ctx.gap(prev, w)
    ends = after in ",.;:!?)\n" or ctx.text[ctx.next_char_pos(w.end):ctx.next_char_pos(w.end) + 4].lower() in ("for ", "pour")
    before_prev = ctx.word(prev.i - 1)
    if gap.strip(" :") == "" and ends and (prev.key in _BEFORE or prev.key in ("to", "a") and before_prev is not None
                                           and before_prev.key in ("thanks", "thank", "merci", "grace")):
        return f"after '{prev.text}'"
    if prev.key == "by" and gap == " " and after in ".\n;)" and w.key not in _DATE_WORDS:
        return "by-line"
    if gap == ", " and (after in ",.!;:\n" or ctx.next_char(w.end) == "") and _vocative_before(ctx, prev):
        return "addressed by name"
    nxt = ctx.word(w.i + 1)
    if prev.key in _SAID_BEFORE and gap == " " and nxt is not None and ctx.gap(w, nxt) == " " and (
            nxt.key in SPEECH_VERBS or nxt.key in ("l'a", "a") and _saying_after(ctx, nxt)):
        return f"'{prev.text} <name> {nxt.text}'"
    return None


def _vocative_before(ctx, prev: Word) -> bool:
    """'Thanks, <X>.' / 'Thank you, <X>,' / 'Merci, <X>.': the words before the comma greet someone."""
    line_start = ctx.text.rfind("\n", 0, prev.end) + 1
    head = fold(ctx.text[line_start:prev.end]).strip(" -•*>").rsplit(".", 1)[-1].strip()
    return any(head == v or head.endswith(" " + v) for v in _VOCATIVE_BEFORE)


def _saying_after(ctx, aux: Word) -> bool:
    """'l'a dit', 'a souligné': an auxiliary then a verb of saying."""
    verb = ctx.word(aux.i + 1)
    return verb is not None and verb.key in SPEECH_VERBS


def _subject_of_saying(pf: PersonFinder, w: Word, prev: Optional[Word]) -> bool:
    """'will noted', 'hope said', '- ben okyere said': a bare given name (and its surname) before a
    past-tense verb of saying, at the start of a clause."""
    ctx = pf.ctx
    if not is_position_name(w.key):
        return False
    gap = ctx.gap(prev, w) if prev is not None else ""
    if prev is not None and not (prev.key in ("and", "but", "then", "et", "mais", "puis", "so")
                                 or gap.strip() and all(ch in _CLAUSE_PUNCT for ch in gap)):
        return False  # "the hope said", "we will noted" are not clause starts; '?" Rain asked' is
    b = _surname_before_verb(pf, w)
    verb = ctx.word(b.i + 1)
    return verb is not None and ctx.gap(b, verb) == " " and verb.key in PAST_SAYING


def _surname_before_verb(pf: PersonFinder, w: Word) -> Word:
    """The word after a given name when it is a surname typed before a verb of saying
    ("ben okyere said", "wei fan asked"), else the given name itself."""
    ctx = pf.ctx
    nxt, verb = ctx.word(w.i + 1), ctx.word(w.i + 2)
    if nxt is None or verb is None or ctx.gap(w, nxt) != " " or ctx.gap(nxt, verb) != " " or nxt.i in pf.covered:
        return w
    if verb.key not in PAST_SAYING or nxt.key in FUNCTION_WORDS or nxt.key in SPEECH_VERBS or pf._blocked(nxt) \
            or elided_grammar(nxt.text) or bool(w.cap) != bool(nxt.cap) or _excluded(pf, nxt):
        return w
    if is_family_name(nxt.key) or is_position_name(nxt.key) or not ctx.is_common(nxt):
        return nxt
    return w


def _coordinated(pf: PersonFinder, w: Word) -> bool:
    """'<X> and <Name>' / '<Name> et <X>' with the other name already found (any case)."""
    ctx = pf.ctx
    if not is_position_name(w.key) and ctx.is_common(w):
        return False
    starts = {c.start for c in pf.found}
    ends = {c.end for c in pf.found}
    right = re.match(r"[ \t]+" + _COORD + r"[ \t]+", ctx.text[w.end:w.end + 8])
    left = re.search(r"(?:^|[ \t])" + _COORD + r"[ \t]+$", ctx.text[max(0, w.start - 8):w.start])
    hit_right = right is not None and w.end + right.end() in starts
    hit_left = left is not None and (w.start - len(left.group().lstrip(" \t"))) - 1 in ends
    if not (hit_right or hit_left):
        return False
    if w.key in FUNCTION_WORDS:  # "<Name> and may attend": a modal, unless nothing verbal follows
        nxt = ctx.word(w.i + 1)
        return nxt is None or ctx.gap(w, nxt).strip() != "" or nxt.key in PAST_SAYING or hit_right
    return True


def _action_item(pf: PersonFinder, w: Word) -> bool:
    """'Sunny to circulate ...', 'SUNNY TO CIRCULATE', '- rain will send', 'Espérance enverra' at a line start."""
    ctx = pf.ctx
    if not is_position_name(w.key) and ctx.is_common(w):
        return False
    if not (ctx.line_start_before(w) or ctx.prev_char(w.start) in ":;–—"):
        return False
    m = _ACTION.match(ctx.text, w.end) or _FRENCH_ACTION.match(ctx.text, w.end)
    if m is None:
        return False
    shouted = ctx.text[w.end:m.end()].isupper()
    return shouted == bool(w.upper) or not w.upper


def _attendance_lists(pf: PersonFinder) -> None:
    """'Present: a, b and c' / 'cc: dawn, rain, sky': each item of one to three name-like words is a person."""
    ctx = pf.ctx
    for m in _LIST_LABEL.finditer(ctx.text):
        line_end = ctx.text.find("\n", m.end())
        line_end = len(ctx.text) if line_end < 0 else line_end
        pos = m.end()
        for piece in _ITEM_SPLIT.split(ctx.text[m.end():line_end]):
            start = ctx.text.find(piece, pos) if piece else -1
            if start < 0:
                continue
            pos = start + len(piece)
            _list_item(pf, start, pos)


def _list_item(pf: PersonFinder, start: int, end: int) -> None:
    """One item of an attendance list, without a trailing '(affiliation)'."""
    ctx = pf.ctx
    words = [w for w in ctx.words if start <= w.start and w.end <= end]
    paren = next((k for k, w in enumerate(words) if "(" in ctx.text[start:w.start]), len(words))
    words = words[:paren]
    if not 1 <= len(words) <= 4:
        return
    found = [w for w in words if w.i in pf.covered]
    words = [w for w in words if w.i not in pf.covered]  # "Ai <found surname>": the given name joins it
    if not words or words[-1].i - words[0].i + 1 != len(words):
        return
    if not all(_candidate(pf, w) or is_family_name(w.key) for w in words):
        return
    if not found and not any(is_position_name(w.key) or not ctx.is_common(w) for w in words):
        return
    after = next((c for c in pf.found if found and c.start == found[0].start and found[0].i == words[-1].i + 1), None)
    if after is not None and ctx.text[words[-1].end:after.start] == " ":
        after.start = words[0].start  # the given name before a found surname joins that name
        pf.covered.update(w.i for w in words)
        return
    pf._add(words[0], words[-1], Reason.PERSON_CONTEXT, None, False, key="u:" + " ".join(w.key for w in words))
