"""The word-level view the keep guard (:mod:`anonymizer.keep_guard`) reads a note through: words
around a span, the sentence's language, ordinary versus dictionary words, shouted lines."""
from __future__ import annotations

import bisect
import re

from .french import is_french_word
from .given_names import is_family_name, is_given_name
from .keep_lexicon import TITLE_WORDS
from .recognizers.context import NoteContext
from .text import Word
from .vocab import HONORIFICS, NAME_PARTICLES, fold

_EN_STOP = None
_FR_STOP = None


def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of one language, folded."""
    global _EN_STOP, _FR_STOP
    if _EN_STOP is None:
        from spacy.lang.en.stop_words import STOP_WORDS as en
        from spacy.lang.fr.stop_words import STOP_WORDS as fr
        _EN_STOP = frozenset(fold(w) for w in en)
        _FR_STOP = frozenset(fold(w) for w in fr)
    return _FR_STOP if lang == "fr" else _EN_STOP


def initial(w: Word) -> bool:
    """An initial ('B.', 'È.'): one letter, written with its dot."""
    return len(w.key) == 1 and w.text.endswith(".")


class WordView:
    """Words of one note and what the guard asks about them."""

    def __init__(self, ctx: NoteContext):  # noqa: D107
        self.ctx = ctx
        self.text = ctx.text

    def words_in(self, start: int, end: int) -> list[Word]:
        """The note's words lying inside [start, end)."""
        ctx = self.ctx
        lo, hi = bisect.bisect_left(ctx.word_starts, start), bisect.bisect_left(ctx.word_starts, end)
        return [w for w in ctx.words[lo:hi] if w.end <= end]

    def word_before(self, pos: int) -> Word | None:
        i = bisect.bisect_left(self.ctx.word_starts, pos) - 1
        return self.ctx.words[i] if i >= 0 else None

    def word_after(self, pos: int) -> Word | None:
        i = bisect.bisect_left(self.ctx.word_starts, pos)
        return self.ctx.words[i] if i < len(self.ctx.words) else None

    def lang(self, pos: int) -> str:
        return self.ctx.lang_at(pos)

    def ordinary(self, w: Word) -> bool:
        """An ordinary word of either language (each part of a hyphenated word)."""
        return self.ctx.is_common(w) or all(p in self.ctx.common for p in w.key.split("-") if p)

    def dictionary_word(self, w: Word) -> bool:
        """Each part of *w* is itself in the English word lists or the French lexicon (no derivation)."""
        return all(p in self.ctx.common or is_french_word(p) for p in w.key.split("-") if p)

    def _shouted(self, w: Word) -> bool:
        """The line around *w* is written in capitals."""
        s = self.text.rfind("\n", 0, w.start) + 1
        e = self.text.find("\n", w.end)
        line = self.text[s:e if e >= 0 else len(self.text)]
        letters = [ch for ch in line if ch.isalpha()]
        return len(letters) >= 12 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)

    def _verb_follows(self, w: Word) -> bool:
        """A verb right after *w* makes it a subject ("Awa partage…", "Hope opened…")."""
        nxt = self.word_after(w.end)
        return nxt is not None and self.ctx.pos(nxt) in ("VERB", "AUX")

    def _french_infinitive(self, w: Word) -> bool:
        tok = self.ctx.tokens.at(w.start) if self.ctx.tokens is not None else None
        return tok is not None and self.lang(w.start) == "fr" and tok.pos_ == "VERB" \
            and "Inf" in tok.morph.get("VerbForm") and bool(re.search(r"(?:er|ir|re)$", w.key))

    def sentence_opener(self, first: Word, nxt: Word) -> bool:
        """A capitalised plural of an ordinary noun opening an English sentence or line before a capitalised
        name: not a given or family name, not a title, not shouted."""
        if not (first.initial and first.cap and not first.upper and nxt.cap and not nxt.upper) or initial(nxt):
            return False
        key = first.key.rstrip(".")
        if key in TITLE_WORDS or key in HONORIFICS or self.lang(first.start) != "en":
            return False  # "Major Okafor": a rank goes with the name; French openers are left to the French rules
        # a plural of an ordinary noun ("Ideas", "Questions"): a rare singular word ("Kestrel") may open a name
        plural = key.endswith("s") and not key.endswith("ss") and key[:-1] in self.ctx.common
        return len(key) >= 4 and plural and key in self.ctx.common and not is_given_name(key) \
            and not is_family_name(key) and key not in NAME_PARTICLES
