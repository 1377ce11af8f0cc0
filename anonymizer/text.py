"""Text helpers: a length-preserving fold and a word segmentation tuned for names.

The recognizers work on *words* rather than spaCy tokens because rapporteurs write names
that spaCy's tokenizer splits (double-barrelled names, "A-L.K.", "d'<Name>"), and offsets must stay
exact for the preview.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from .vocab import fold

_WORD = re.compile(r"[^\W\d_][\w]*(?:(?:['’]|[-.:](?=[^\W\d_]))[\w]+)*", re.UNICODE)
_ELISION = re.compile(r"^(?:[dlcjmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\w)|^(?:[DLCJMNST]|Qu)['’](?=[^\W\d_]*[a-zà-ÿ])(?![A-Z])", )


_FOLD_CACHE: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    d = unicodedata.normalize("NFKD", low)
    base = "".join(c for c in d if not unicodedata.combining(c))
    return base if len(base) == 1 else low


def fold_same_length(text: str) -> str:
    """Fold case and accents without changing the length, so regex offsets map back exactly."""
    if text.isascii():
        return text.lower()
    out = []
    cache = _FOLD_CACHE
    for ch in text:
        if ch < "\x80":
            out.append(ch.lower())
            continue
        f = cache.get(ch)
        if f is None:
            f = cache[ch] = _fold_char(ch)
        out.append(f)
    return "".join(out).replace("’", "'")


@dataclass(slots=True)
class Word:
    """A word of the note with the facts the rules need."""

    i: int
    start: int
    end: int
    text: str
    key: str          # folded, dots removed: used for dictionary look-ups
    cap: bool         # starts with an upper-case letter
    upper: bool       # all letters upper-case (acronym or shouting)
    possessive: bool  # followed by 's
    initial: bool = False  # first word of a sentence / line / bullet (capitalisation says nothing)


def segment(text: str) -> list[Word]:
    """Split *text* into words, stripping French elisions and English possessives."""
    words: list[Word] = []
    for m in _WORD.finditer(text):
        s, e = m.start(), m.end()
        w = m.group()
        pm = _ELISION.match(w)
        if pm and len(w) - pm.end() >= 2:
            s += pm.end()
            w = w[pm.end():]
        possessive = False
        if len(w) > 3 and w[-2:] in ("'s", "’s"):
            w, e, possessive = w[:-2], e - 2, True
        elif e < len(text) and text[e] in "'’" and w.endswith("s") and (e + 1 >= len(text) or not text[e + 1].isalpha()):
            possessive = True
        # initials keep their final dot: "J.D." / "B."
        if e < len(text) and text[e] == "." and (len(w) == 1 or re.fullmatch(r"(?:\w[.-])+\w", w)):
            e += 1
            w = text[s:e]
        letters = [c for c in w if c.isalpha()]
        key = fold(w).replace(".", "")
        words.append(Word(len(words), s, e, w, key, w[:1].isupper(),
                          len(letters) >= 2 and all(c.isupper() for c in letters), possessive))
    for w in words:
        w.initial = _is_initial(text, w.start)
    return words


_INITIAL_PREV = set(".!?:;-–—•*\"“«([>=/|")


def _is_initial(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] == "\n":
        return True
    if text[j] in _INITIAL_PREV:
        # "Dr. Smith" / "M. Dubois": the dot of an abbreviation does not start a sentence
        if text[j] == ".":
            k = j - 1
            while k >= 0 and text[k].isalpha():
                k -= 1
            abbrev = text[k + 1:j]
            if 0 < len(abbrev) <= 4 and abbrev[:1].isupper() and abbrev.lower() not in {"etc", "no", "inc"}:
                return False
        return True
    return False


class TokenIndex:
    """Maps character offsets to spaCy tokens of a Doc."""

    def __init__(self, doc):  # noqa: D107
        self.doc = doc
        from spacy.attrs import IDX
        self.starts = doc.to_array(IDX).tolist() if len(doc) else []

    def at(self, pos: int):
        """The token covering *pos* (or the closest one before it)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.doc[max(i, 0)] if len(self.doc) else None
