"""Canonical text: the one form every recognizer reads, with an exact map back to the original.

Rapporteurs paste text from mail, PDFs and chat tools, which carry characters a reader never
sees but a matcher does: zero-width spaces inside a name, soft hyphens, bidi controls, a word
hyphenated across a line break, or a Cyrillic letter that looks Latin. Each would let a name
slip past an exact match, so detection runs on a canonical form:

1. Unicode NFKC (full-width and mathematical letters, ligatures, no-break spaces);
2. invisible format characters (category Cf: zero-width, soft hyphen, bidi, BOM...), variation
   selectors and the combining grapheme joiner are removed; other control characters become spaces;
3. a word hyphenated across a line break is joined ("Hart-" + newline + "well" -> "Hartwell";
   before a capital the hyphen stays: "Jean-" + newline + "Pierre" -> "Jean-Pierre");
4. in a word that mixes scripts, letters confusable with a Latin letter become that letter
   (Unicode's confusables data as shipped by the MIT-licensed ``confusable_homoglyphs`` package).

Every canonical character remembers the original range it came from, so spans found in the
canonical text map back exactly (:meth:`CanonicalText.to_original`).
"""
from __future__ import annotations

import functools
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field

# ASCII printable runs plus tab/newline/carriage return are already canonical (NFKC-stable).
_PLAIN_RUN = re.compile(r"[\x20-\x7e\t\n\r]+")
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011][ \t]*\r?\n[ \t]*(?=[^\W\d_])")
_SOFT_HYPHEN_BREAK = re.compile(r"\u00ad[ \t]*\r?\n[ \t]*[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
_EXTRA_INVISIBLE = {"\u034f", "\u115f", "\u1160", "\u3164", "\uffa0"}  # CGJ and Hangul fillers


def _is_invisible(ch: str) -> bool:
    """Characters that render as nothing: removed from the canonical text."""
    if unicodedata.category(ch) == "Cf" or ch in _EXTRA_INVISIBLE:
        return True
    cp = ord(ch)
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF  # variation selectors


@dataclass(frozen=True)
class CanonicalText:
    """The original text, its canonical form and, per canonical character, its original range."""

    original: str
    text: str
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _ends: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def identical(self) -> bool:
        """True when the canonical text is the original (offsets map one to one)."""
        return not self._starts and self.text == self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a canonical span ``[start, end)`` to the original text's span."""
        if self.identical:
            return start, end
        n = len(self.text)
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if end <= start:
            pos = self._starts[start] if start < n else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]


class _Builder:
    """Accumulates canonical characters with the original range each one comes from."""

    def __init__(self) -> None:  # noqa: D107
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def copy(self, text: str, start: int, end: int) -> None:
        """Copy ``text[start:end]`` unchanged (one original character per canonical one)."""
        self.parts.append(text[start:end])
        self.starts.extend(range(start, end))
        self.ends.extend(range(start + 1, end + 1))

    def emit(self, out: str, start: int, end: int) -> None:
        """Emit *out* as standing for the original range ``[start, end)``."""
        self.parts.append(out)
        self.starts.extend([start] * len(out))
        self.ends.extend([end] * len(out))


def _normalize(original: str) -> tuple[str, list[int], list[int]]:
    """Steps 1-2: NFKC per character cluster, invisible characters removed, controls to spaces."""
    b = _Builder()
    pos, n = 0, len(original)
    for m in _PLAIN_RUN.finditer(original):
        end = m.end()
        if end < n and unicodedata.combining(original[end]):
            end -= 1  # "e" + combining acute: the letter goes with its mark
        _normalize_special(original, pos, m.start(), b)
        b.copy(original, m.start(), end)
        pos = end
    _normalize_special(original, pos, n, b)
    return "".join(b.parts), b.starts, b.ends


def _normalize_special(text: str, start: int, end: int, b: _Builder) -> None:
    """Normalize a run of non-plain characters; a base character takes its combining marks along."""
    i = start
    while i < end:
        j = i + 1
        while j < end and unicodedata.combining(text[j]) and not _is_invisible(text[j]):
            j += 1
        ch = text[i]
        if ch == "\u00ad" and _SOFT_HYPHEN_BREAK.match(text, i):
            b.emit("-", i, i + 1)  # a soft hyphen ending a line breaks a word: step 3 joins it
        elif _is_invisible(ch):
            pass
        elif unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029":
            b.emit("\n" if ch in "\u2028\u2029\x0b\x0c\x85" else " ", i, i + 1)
        else:
            b.emit(unicodedata.normalize("NFKC", text[i:j]), i, j)
            i = j
            continue
        i += 1


def _join_line_breaks(text: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    """Step 3: drop a hyphen + line break inside a word (keep the hyphen before a capital)."""
    if "\n" not in text or not _LINE_BREAK_HYPHEN.search(text):
        return text, starts, ends
    parts, s2, e2, pos = [], [], [], 0
    for m in _LINE_BREAK_HYPHEN.finditer(text):
        parts.append(text[pos:m.start()])
        s2.extend(starts[pos:m.start()])
        e2.extend(ends[pos:m.start()])
        if text[m.end()].isupper():
            parts.append("-")
            s2.append(starts[m.start()])
            e2.append(ends[m.start()])
        pos = m.end()
    parts.append(text[pos:])
    s2.extend(starts[pos:])
    e2.extend(ends[pos:])
    return "".join(parts), s2, e2


@functools.lru_cache(maxsize=1)
def latin_confusables() -> dict[str, str]:
    """Non-Latin letters that look like a Latin letter, mapped to it (Unicode confusables data)."""
    import confusable_homoglyphs

    path = os.path.join(os.path.dirname(confusable_homoglyphs.__file__), "confusables.json")
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    table: dict[str, str] = {}
    for ch, glyphs in data.items():
        if len(ch) != 1 or not ch.isalpha() or _is_latin(ch):
            continue
        for g in glyphs:
            c = g.get("c", "")
            if len(c) == 1 and c.isascii() and c.isalpha():
                table[ch] = c
                break
    return table


def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def _fold_confusables(text: str) -> str:
    """Step 4: in a word mixing Latin and other letters, confusable letters become Latin."""
    if text.isascii():
        return text
    table = latin_confusables()

    def fix(m: re.Match) -> str:
        w = m.group()
        if w.isascii() or not any(_is_latin(c) for c in w):
            return w
        return "".join(table.get(c, c) for c in w)

    return _WORD.sub(fix, text)  # one letter for one letter: offsets are unchanged


def canonicalize(text: str) -> CanonicalText:
    """Return the canonical form of *text* with its map back to the original offsets."""
    text = "" if text is None else str(text)
    if text.isascii() and _PLAIN_RUN.fullmatch(text or " ") and not _LINE_BREAK_HYPHEN.search(text):
        return CanonicalText(text, text)
    out, starts, ends = _normalize(text)
    out, starts, ends = _join_line_breaks(out, starts, ends)
    out = _fold_confusables(out)
    if out == text and len(starts) == len(text) and all(s == i for i, s in enumerate(starts)):
        return CanonicalText(text, text)
    return CanonicalText(text, out, tuple(starts), tuple(ends))
