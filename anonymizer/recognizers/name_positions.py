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
The ordinary word stays everywhere else ("we will", "I hope", "per year"). Runs after the other person
recognizers (it reads every name they found); initials and surnames that are ordinary words are in
:mod:`.name_initials`; lists, speaker labels and signatures in :mod:`.name_lists`.
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
from .person_verbs import PAST_SAYING, verb_after
from .persons import PersonFinder, PersonStage

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
# A name has a vowel; "grp", "mtg", "tbd" are abbreviations of the notes.
_VOWEL = re.compile(r"[aeiouy]")
_CLAUSE_PUNCT = frozenset(" \t.?!:;,–—-\"“”«»'‘’()[]")
_DATE_WORDS = frozenset(fold(w) for w in """january|february|march|april|may|june|july|august|september|october|
november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|janvier|février|mars|avril|mai|juin|
juillet|août|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche""".replace(
    "\n", "").split("|"))


class NamePositions(PersonStage):
    """Given names (ordinary words and short names included) and unknown words in person-only positions."""

    id = "name_positions"

    def run(self, pf: PersonFinder) -> None:
        """Every word in a person-only position (twice, for chains)."""
        for _ in range(2):
            for w in pf.ctx.words:
                if w.i in pf.covered:
                    continue
                if _candidate(pf, w):
                    why = _position(pf, w)
                elif _family_candidate(pf, w):  # "pelletier dit que": a surname, only as a subject
                    why = "subject of a verb of saying" if _subject_of_saying(pf, w, _prev_same_line(pf.ctx, w)) else None
                else:
                    continue
                if why:
                    b = _surname_before_verb(pf, w)
                    pf._add(w, b, Reason.PERSON_CONTEXT, None, False,
                            key="u:" + " ".join(x.key for x in pf.ctx.words[w.i:b.i + 1]))


def _candidate(pf: PersonFinder, w: Word, unknown_ok: bool = True) -> bool:
    """A word that may be a name here: a known given name of any kind, or (with *unknown_ok*) a word of
    three letters or more that no dictionary knows."""
    ctx = pf.ctx
    if pf._blocked(w) or not w.text[:1].isalpha() or elided_grammar(w.text):
        return False
    if _excluded(pf, w) and not (w.key in _DATE_WORDS and is_position_name(w.key)):
        return False  # a month that is also a name ("June thanked everyone") is judged by its position
    if w.upper and len(w.key) <= 3 and not is_position_name(w.key):
        return False  # a short acronym
    if is_position_name(w.key):
        return True
    return unknown_ok and len(w.key) >= 3 and not ctx.is_common(w) and w.key not in FUNCTION_WORDS \
        and w.text.replace("-", "").replace("'", "").replace("’", "").isalpha() and _VOWEL.search(w.key) is not None


def _family_candidate(pf: PersonFinder, w: Word) -> bool:
    """A family name that is also an ordinary word ("pelletier", "lamb"), outside every other list."""
    return is_family_name(w.key) and len(w.key) >= 3 and not pf._blocked(w) and w.key not in FUNCTION_WORDS \
        and not elided_grammar(w.text) and not _excluded(pf, w)


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
    """'will noted', 'Hope opened', 'may thinks', '- chase from cbsa said', 'pelletier dit que': a bare given
    or family name (and its surname) before a person's verb, at the start of a clause."""
    ctx = pf.ctx
    if not (is_position_name(w.key) or is_family_name(w.key) or not ctx.is_common(w)):
        return False
    gap = ctx.gap(prev, w) if prev is not None else ""
    if prev is not None and not (prev.key in ("and", "but", "then", "et", "mais", "puis", "so")
                                 or gap.strip() and all(ch in _CLAUSE_PUNCT for ch in gap)):
        return False  # "the hope said", "we will noted" are not clause starts; '?" Rain asked' is
    b = _surname_before_verb(pf, w)
    finite = w.key in FUNCTION_WORDS or w.key in _DATE_WORDS or ctx.is_common(w)
    m = verb_after(ctx.text, b.end, finite_only=finite)
    return m is not None and (not w.upper or m.group().isupper())


def _surname_before_verb(pf: PersonFinder, w: Word) -> Word:
    """The word after a given name when it is a surname typed before a person's verb
    ("ben okyere said", "wei fan asked"), else the given name itself."""
    ctx = pf.ctx
    nxt = ctx.word(w.i + 1)
    if nxt is None or ctx.gap(w, nxt) != " " or nxt.i in pf.covered or not is_position_name(w.key):
        return w
    if nxt.key in FUNCTION_WORDS or nxt.key in SPEECH_VERBS or pf._blocked(nxt) or elided_grammar(nxt.text) \
            or bool(w.cap) != bool(nxt.cap) or _excluded(pf, nxt) or verb_after(ctx.text, nxt.end) is None:
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
