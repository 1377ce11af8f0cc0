"""What the recognizers share about one note: words, spaCy doc, roster index, and what was found so far."""
from __future__ import annotations

import bisect
from typing import Optional

from ..lexicon import PLACE_WORDS
from ..roster import AllowList, Roster
from ..text import TokenIndex, Word, fold_same_length, segment
from ..vocab import common_words
from ..french import is_french_word, sentence_languages
from ..wordclass import is_common_key


class NoteContext:
    """Everything the recognizers share about one note (or one chunk of a long note)."""

    def __init__(self, text: str, doc, lang: str, roster: Roster, allow: AllowList, index):  # noqa: D107
        self.text = text
        self.doc = doc
        self.lang = lang
        self.roster = roster
        self.allow = allow
        self.index = index
        self.ftext = fold_same_length(text)
        self.words: list[Word] = segment(text)
        self.common = common_words()
        self.tokens = TokenIndex(doc) if doc is not None else None
        self.word_starts = [w.start for w in self.words]
        # "all-lowercase fast typing": hardly any capitalised word, so case says nothing about names
        caps = sum(1 for w in self.words if w.cap)
        self.lowercase_style = len(self.words) >= 12 and caps <= len(self.words) * 0.04
        self.ents = []  # (start, end, label)
        if doc is not None:
            self.ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        self.ent_at: dict[int, tuple[int, int, str]] = {}
        ent_starts = [e[0] for e in self.ents]
        for w in self.words:  # entities do not overlap: the last one starting before the word
            k = bisect.bisect_right(ent_starts, w.start) - 1
            if k >= 0 and w.start < self.ents[k][1]:
                self.ent_at[w.i] = self.ents[k]
        # filled while the registry runs: recognizer id -> its candidates; organization mentions
        # (start, end, kind, allow-listed, roster org id) from the roster-affiliation recognizer;
        # state shared by the recognizers of one family (person finder, attribution reader)
        self.found: dict[str, list] = {}
        self.org_mentions: list[tuple[int, int, str, bool, Optional[int]]] = []
        self.shared: dict[str, object] = {}
        self._sentences: Optional[tuple[list[int], list[str]]] = None
        self._in_place_name: dict[int, bool] = {}  # asked of the same words by many recognizers

    # ---- small helpers ---------------------------------------------------------------
    def is_common(self, w: Word) -> bool:
        """An ordinary lower-case word (or each part of a hyphenated one is); in a French note,
        also an ordinary French word or a regular inflection of one, unless capitalised in
        mid-sentence (French capitalises only a name's first word: "Amnistie internationale")."""
        if is_common_key(w.key, self.common):
            return True
        return self.lang_at(w.start) == "fr" and (not w.cap or w.initial or w.upper) and is_french_word(w.key)

    def lang_at(self, pos: int) -> str:
        """The language of the sentence at *pos*: mixed notes switch language sentence by sentence
        (a French sentence in an English note gets the French word list, and the other way round)."""
        if self._sentences is None:
            self._sentences = sentence_languages(self.text, self.lang)
        k = bisect.bisect_right(self._sentences[0], pos) - 1
        return self._sentences[1][k] if k >= 0 else self.lang

    def gap(self, a: Word, b: Word) -> str:
        return self.text[a.end:b.start]

    def prev_char(self, pos: int) -> str:
        j = pos - 1
        while j >= 0 and self.text[j] in " \t":
            j -= 1
        return self.text[j] if j >= 0 else "\n"

    def next_char(self, pos: int) -> str:
        j = pos
        n = len(self.text)
        while j < n and self.text[j] in " \t":
            j += 1
        return self.text[j] if j < n else "\n"

    def next_char_pos(self, pos: int) -> int:
        j = pos
        while j < len(self.text) and self.text[j] in " \t":
            j += 1
        return j

    def word(self, i: int) -> Optional[Word]:
        return self.words[i] if 0 <= i < len(self.words) else None

    def in_place_name(self, w: Word) -> bool:
        """*w* is part of a multi-word place name ("Sri Lanka", "Horn of Africa", "Cape Breton Island")."""
        if w.i not in self._in_place_name:
            self._in_place_name[w.i] = self._find_in_place_name(w)
        return self._in_place_name[w.i]

    def _find_in_place_name(self, w: Word) -> bool:
        for size in (2, 3, 4):
            for first in range(w.i - size + 1, w.i + 1):
                seq = self.words[max(0, first):first + size]
                if len(seq) == size and all(self.gap(seq[k], seq[k + 1]) == " " for k in range(size - 1)) \
                        and " ".join(x.key for x in seq) in PLACE_WORDS:
                    return True
        return False

    def is_place(self, key: str) -> bool:
        return key in PLACE_WORDS

    def pos(self, w: Word) -> str:
        if self.tokens is None:
            return ""
        t = self.tokens.at(w.start)
        return t.pos_ if t is not None else ""

    def tag(self, w: Word) -> str:
        if self.tokens is None:
            return ""
        t = self.tokens.at(w.start)
        return t.tag_ if t is not None and self.lang == "en" else ""

    def ent_label(self, w: Word) -> Optional[str]:
        e = self.ent_at.get(w.i)
        return e[2] if e else None

    def line_start_before(self, w: Word) -> bool:
        """Only a bullet, number or spaces between the start of the line and *w*."""
        j = w.start - 1
        while j >= 0 and self.text[j] != "\n":
            if self.text[j] not in " \t-–—•*·>0123456789.)":
                return False
            j -= 1
        return True

    # ---- what earlier recognizers found ----------------------------------------------
    def candidates(self, label: Optional[str] = None, action: str = "redact") -> list:
        """Candidates of the recognizers that ran before, optionally of one label."""
        return [c for cs in self.found.values() for c in cs
                if (label is None or c.label == label) and c.action == action]


def word_index_at(ctx: NoteContext, pos: int) -> Optional[int]:
    """Index of the word at (or starting at) character *pos*, or None."""
    i = bisect.bisect_right(ctx.word_starts, pos) - 1
    if i < 0:
        return None
    w = ctx.words[i]
    if w.start <= pos < w.end or w.start == pos:
        return i
    if pos < w.end:
        return i
    nxt = i + 1
    if nxt < len(ctx.words) and ctx.words[nxt].start == pos:
        return nxt
    return None
