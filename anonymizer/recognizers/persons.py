"""The person-finding state shared by the person recognizers, and the context cues they use.

The person recognizers (roster names, spaCy NER, context names, given names, neighbours) run one
after another on the same :class:`PersonFinder`: each skips the words an earlier one covered, and
a weak roster match is accepted once the same person is confirmed elsewhere in the note.
"""
from __future__ import annotations

from typing import Optional

from ..lexicon import (BEFORE_NAME_CUES, FROM_PHRASE_SPEECH, KIN_CUES, NON_NAME_LINE_LABELS, RELATIVE_STARTS,
                       SKIP_BEFORE_VERB, STRONG_HONORIFICS)
from ..reasons import Reason
from ..text import Word
from ..titles_before_names import is_rank
from ..vocab import HONORIFICS, LABEL_WORDS, SPEECH_VERBS, fold
from .base import Candidate, SharedStage
from .context import NoteContext


class PersonFinder:
    """Roster names, spaCy PERSON entities, honorifics and context cues for unknown names."""

    def __init__(self, ctx: NoteContext, blocked: list[tuple[int, int]], org_starts: frozenset = frozenset()):  # noqa: D107
        self.ctx = ctx
        self.blocked = blocked  # contact spans etc.
        self.org_starts = org_starts  # where a known organization mention begins
        self._mask: Optional[bytearray] = None
        self.found: list[Candidate] = []
        self.weak: list[tuple[Candidate, set[int]]] = []
        self.strong_pids: set[int] = set()
        self.covered: set[int] = set()   # word indexes already in a person span

    # ---- cue detection -------------------------------------------------------------
    def cue(self, a: Word, b: Word, allow_common: bool = True) -> Optional[str]:
        """Why the words a..b look like a person in context, or None (an internal note, never shown)."""
        ctx = self.ctx
        prev = ctx.word(a.i - 1)
        gap_before = ctx.text[prev.end:a.start] if prev else ""
        if "\n" in gap_before:  # the last word of the line above says nothing about this one
            prev, gap_before = None, ""
        return (self._cue_title(a, b, prev, gap_before) or self._cue_punct(a, b) or self._cue_speech(b, prev)
                or self._cue_before(a, b, prev, gap_before) or self._cue_after(a, b, prev, allow_common))

    def _cue_title(self, a: Word, b: Word, prev: Optional[Word], gap_before: str) -> Optional[str]:
        if prev and prev.key.rstrip(".") in STRONG_HONORIFICS and gap_before.strip(" .") == "" and "\n" not in gap_before:
            return f"after title '{prev.text}'"
        if prev and is_rank(prev.text) and gap_before.startswith(".") and not gap_before.strip(" .") \
                and "\n" not in gap_before:
            return f"after title '{prev.text}'"  # an abbreviated rank of the list is as sure: "surint. Gagné"
        if prev and (prev.key in HONORIFICS or is_rank(prev.text)) and gap_before.strip(" .") == "" \
                and not self._all_common(a, b):
            return f"after title '{prev.text}'"  # also a rank of the list: "Cplc Roy", "capitaine Haddad"
        return None

    def _cue_punct(self, a: Word, b: Word) -> Optional[str]:
        """'Name (Org)', 'Name:' at a line start, 'Name – contact' in a list."""
        ctx = self.ctx
        nc = ctx.next_char(b.end)
        if nc == "(" and not b.possessive:
            inner_pos = ctx.next_char_pos(b.end) + 1
            inner = ctx.text[inner_pos:inner_pos + 40]
            if inner[:1] and not inner[:1].isdigit():
                acr = "".join(w[0] for w in ctx.text[a.start:b.end].split() if w[:1].isupper())
                if not inner.startswith(acr + ")") or len(acr) < 2:
                    return "name followed by '(affiliation)'"
        if nc == ":" and (ctx.line_start_before(a) or ctx.prev_char(a.start) in "(;") and a.key not in NON_NAME_LINE_LABELS:
            return "speaker label 'Name:'"
        if nc in "–—" and ctx.text[ctx.next_char_pos(b.end) + 1:ctx.next_char_pos(b.end) + 2] == " " and ctx.line_start_before(a):
            return "speaker in 'Name – contact' list"
        return None

    def _cue_speech(self, b: Word, prev: Optional[Word]) -> Optional[str]:
        """The subject of a speech verb, skipping adverbs and auxiliaries or a short from-phrase."""
        ctx = self.ctx
        # speech verb after (skipping adverbs/auxiliaries)
        j = b.i + 1
        steps = 0
        while j < len(ctx.words) and steps < 3:
            w = ctx.words[j]
            g = ctx.text[ctx.words[j - 1].end:w.start]
            if g.strip() not in ("",) and not (j == b.i + 1 and g.strip() in ("'s", "’s")):
                break
            if w.key in SPEECH_VERBS and (not w.cap or w.upper and ctx.words[b.i].upper):
                if not (prev and prev.key in {"the", "a", "an", "le", "la", "les", "l'"}):
                    return f"subject of '{w.text}'"
                break
            if w.key in SKIP_BEFORE_VERB:
                j += 1
                steps += 1
                continue
            break
        # "joy from the shelter said": a short from/of/at phrase between the name and the speech verb
        m = FROM_PHRASE_SPEECH.match(ctx.text, b.end)
        if m and fold(m.group(1)) in SPEECH_VERBS and not (prev and prev.key in {"the", "a", "an", "le", "la", "les", "l'"}):
            return f"subject of '{m.group(1)}' (after a from-phrase)"
        return None

    def _cue_before(self, a: Word, b: Word, prev: Optional[Word], gap_before: str) -> Optional[str]:
        """A word before the name that introduces a person (label, kin word, 'thanked', 'Q (')."""
        ctx = self.ctx
        # Q (Name ... / A (Name ...
        if prev and ctx.text[prev.end:a.start].strip() == "(" and prev.text in ("Q", "A", "R", "Q.", "A."):
            return "questioner in 'Q (Name'"
        if prev and gap_before.strip() in (":", "(", "") and prev.key in LABEL_WORDS and prev.key not in {"by", "from"}:
            if gap_before.strip() in (":", "("):
                return f"after label '{prev.text}:'"
        if prev and gap_before.strip() in ("", ",") and prev.key in KIN_CUES and gap_before.strip() == "":
            return f"after '{prev.text}'"
        if prev and gap_before.strip() in ("",) and prev.key in BEFORE_NAME_CUES and prev.key not in {"and", "et", "with", "like", "including", "per", "avec"}:
            if not self._all_common(a, b):
                return f"after '{prev.text}'"
        if prev and prev.key == "a" and ctx.word(prev.i - 1) and ctx.word(prev.i - 1).key == "hommage":
            return "after 'hommage à'"
        return None

    def _cue_after(self, a: Word, b: Word, prev: Optional[Word], allow_common: bool) -> Optional[str]:
        """An apposition, 'from <Org>' or a possessive after the name."""
        ctx = self.ctx
        nc = ctx.next_char(b.end)
        nxt = ctx.word(b.i + 1)
        # appositive: "Name, a midwife" / "Name, who ..."
        if nc == "," and nxt and nxt.key in RELATIVE_STARTS and ctx.text[b.end:nxt.start].strip() == ",":
            if not self._all_common(a, b) or allow_common:
                return "name followed by an apposition"
        # "one client, Tariq, waited": a single name between commas after a common noun
        if nc == "," and prev and ctx.text[prev.end:a.start] == ", " and a.i == b.i and not prev.cap \
                and ctx.pos(prev) == "NOUN" and not ctx.is_common(a):
            return "name in apposition"
        # "Name from|of <Org>" (not for common words: "Faith from" needs an org after)
        if nxt and nxt.key in {"from", "of", "at", "du", "d'", "de"} and ctx.text[b.end:nxt.start] == " ":
            nn = ctx.word(nxt.i + 1)
            if nn and nn.key in {"the", "la", "le", "l'"} and ctx.word(nn.i + 1):
                nn = ctx.word(nn.i + 1)
            if nn and (nn.upper or nn.cap or nn.start in self.org_starts) and not (prev and prev.key in {"the", "a", "an"}):
                if nn.start in self.org_starts or (not self._all_common(a, b) and not nn.initial) or (nn.upper and len(nn.key) >= 2):
                    return f"name followed by '{nxt.text} <organization>'"
        if b.possessive and not self._all_common(a, b):
            return "possessive of a name"
        return None
    def _all_common(self, a: Word, b: Word) -> bool:
        return all(self.ctx.is_common(w) for w in self.ctx.words[a.i:b.i + 1])

    def _blocked(self, w: Word) -> bool:
        if self._mask is None:
            self._mask = bytearray(len(self.ctx.text) + 1)
            for s, e in self.blocked:
                self._mask[s:e] = b"\x01" * (e - s)
        return bool(self._mask[w.start])

    def _add(self, a: Word, b: Word, reason: Reason, pid: Optional[int], strong: bool, key: Optional[str] = None) -> None:
        if pid is not None:
            key = f"p{pid}"
            if strong:
                self.strong_pids.add(pid)
        self.found.append(Candidate(a.start, b.end, "PERSON", reason, key=key, prio=4, score=0.9 if strong else 0.7))
        for k in range(a.i, b.i + 1):
            self.covered.add(k)

    def resolve_weak(self) -> None:
        """Accept weak roster matches whose person is confirmed elsewhere in the note."""
        for cand, pids in self.weak:
            hit = pids & self.strong_pids
            if hit:
                cand.key = f"p{min(hit)}"
                cand.prio = 4
                self.found.append(cand)
                for w in self.ctx.words:
                    if cand.start <= w.start < cand.end:
                        self.covered.add(w.i)



def person_finder(ctx: NoteContext) -> PersonFinder:
    """The note's person finder, created by the first person recognizer that runs.

    Contacts and organization mentions found before it are blocked: a name part inside an
    e-mail address or an organization name is not a person of its own.
    """
    pf = ctx.shared.get("persons")
    if pf is None:
        blocked = [(c.start, c.end) for c in ctx.candidates("CONTACT")]
        blocked += [(s, e) for s, e, *_ in ctx.org_mentions]
        pf = ctx.shared["persons"] = PersonFinder(ctx, blocked, frozenset(s for s, *_ in ctx.org_mentions))
    return pf


class PersonStage(SharedStage):
    """Base of the person recognizers: stages of the note's shared person finder."""

    def shared(self, context: NoteContext) -> "PersonFinder":
        """The note's person finder."""
        return person_finder(context)

    def emitted(self, shared: "PersonFinder") -> list[Candidate]:
        """What the finder has found so far."""
        return shared.found
