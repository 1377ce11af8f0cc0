"""The roster as the final export gate reads it: fuzzy, case- and accent-insensitive.

Texts arrive canonical (anonymizer.canonical). Matching then uses a *key* form of the same
length (lower case, accents dropped, any letter that looks like a Latin one made that letter),
so offsets stay those of the canonical text. Names are matched part by part:

- a part that is not an ordinary word (in the text's language) matches anywhere, in any case,
  also with one typo (two in long parts): "raghunatan", "PRIYA";
- a part that is an ordinary word ("Will", "Hope") matches only when capitalised mid-sentence
  or written next to another name part or an initial: "Will Okafor", but not "we will";
- a hyphenated surname matches whole or by its parts; initials ("M.-C. P.") match a person's;
- affiliations not on the allow-list match as phrases (fuzzily), by acronym, or by a distinctive
  word ("Harbourlight").
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from anonymizer.canonical import canonicalize, latin_confusables
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from app.services.export.gate.contacts import N_
from app.services.export.gate.lexicon import lexicon

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.\s?-?\s?){2,4})(?![a-z])")
_ELISIONS = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}
_PARTICLES = {"de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "dos", "das", "del", "al", "el",
              "bin", "ben", "ibn", "mac", "st"}
_STOP = {"of", "the", "for", "and", "de", "la", "le", "les", "des", "du", "et", "pour", "in", "on", "a", "an", "to"}


@functools.lru_cache(maxsize=8192)
def _key_char(ch: str) -> str:
    if ch in "\u2019\u2018\u02bc`":
        return "'"
    confusable = latin_confusables().get(ch)
    if confusable and len(confusable) == 1 and confusable.isascii():
        return confusable.lower()
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()
    if len(base) == 1:
        return base
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def key_text(text: str) -> str:
    """The key form of a canonical text: same length, lower case, no accents, Latin look-alikes."""
    if text.isascii():
        return text.lower()
    return "".join(ch.lower() if ch.isascii() else _key_char(ch) for ch in text)


@dataclass(frozen=True)
class Token:
    """A word of a canonical text: offsets, the canonical spelling and its key."""

    start: int
    end: int
    text: str
    key: str

    @property
    def base(self) -> str:
        """The key without a French elision or an English possessive ("l'egalite", "okafor's")."""
        return _without_clitics(self.key)

    @property
    def word(self) -> str:
        """The canonical spelling in lower case, accents kept, without elision or possessive ("égalité")."""
        return _without_clitics(self.text.lower().replace("\u2019", "'"))


def _without_clitics(word: str) -> str:
    if "'" in word:
        head, _, tail = word.partition("'")
        if head in _ELISIONS and tail:
            word = tail
        if word.endswith("'s"):
            word = word[:-2]
        word = word.strip("'")
    return word


def tokens_of(text: str, key: Optional[str] = None) -> list[Token]:
    """The words of a canonical text (apostrophes inside a word kept)."""
    key = key_text(text) if key is None else key
    return [Token(m.start(), m.end(), text[m.start():m.end()], m.group(0)) for m in _WORD.finditer(key)]


def _name_keys(text: str) -> list[str]:
    return [t.base for t in tokens_of(canonicalize(text).text)]


@dataclass
class _Part:
    kinds: set[str] = field(default_factory=set)


class GateRoster:
    """Roster names and affiliations indexed for the gate (memory only, never logged)."""

    def __init__(self, entries: Iterable[tuple[str, str]], allowed_terms: Iterable[str], vocabulary: frozenset,
                 en_model: str, fr_model: str):  # noqa: D107
        self.models = (en_model, fr_model)
        self.vocabulary = vocabulary
        self.parts: dict[str, set[str]] = {}
        self.initials: set[str] = set()
        self.acronyms: set[str] = set()
        self.affiliations: list[list[str]] = []
        allowed = {" ".join(_name_keys(t)) for t in allowed_terms}
        for name, affiliation in entries:
            self._add_person(name or "")
            self._add_affiliation(affiliation or "", allowed)
        self._fuzzy_keys = sorted(k for k in self.parts if len(k) >= 5)
        self._by_first: dict[str, list[int]] = {}
        self._by_second: dict[str, list[int]] = {}
        for index, keys in enumerate(self.affiliations):
            self._by_first.setdefault(keys[0], []).append(index)
            if len(keys) > 1:
                self._by_second.setdefault(keys[1], []).append(index)
        self._fuzzy_cache: dict[str, Optional[str]] = {}

    def _add_person(self, name: str) -> None:
        words = [w for w in canonicalize(name).text.replace(",", " ").split() if w.strip(".")]
        if not words:
            return
        keys = [key_text(w).strip(".") for w in words]
        surname_from = len(keys) - 1
        while surname_from > 1 and keys[surname_from - 1] in _PARTICLES:
            surname_from -= 1
        given, surname = keys[:surname_from] or keys[:1], keys[surname_from:] if len(keys) > 1 else []
        for kind, group in (("given", given), ("surname", surname)):
            for word in group:
                for piece in [word, *word.split("-")]:
                    if piece and piece not in _PARTICLES:
                        self.parts.setdefault(piece, set()).add(kind)
        given_letters = "".join(p[0] for w in given for p in w.split("-") if p)
        first_letter = given[0][0] if given and given[0] else ""
        for surname_word in surname[-1:]:
            for tail in {surname_word[0], "".join(p[0] for p in surname_word.split("-") if p)}:
                self.initials.update({given_letters + tail, first_letter + tail})

    def _add_affiliation(self, affiliation: str, allowed: set[str]) -> None:
        keys = _name_keys(affiliation)
        if not keys or " ".join(keys) in allowed:
            return  # an allow-listed public body may be the subject of an idea
        self.affiliations.append(keys)
        words = [t for t in tokens_of(canonicalize(affiliation).text)]
        capitals = "".join(t.text[0] for t in words if t.text[:1].isupper())
        significant = "".join(k[0] for k in keys if k not in _STOP)
        for acronym in {capitals.lower(), significant}:
            if len(acronym) >= 2 and len(keys) >= 2:
                self.acronyms.add(acronym)
        for key in keys:
            if len(key) >= 4 and key not in _STOP and not self._common(key, "en") and not self._common(key, "fr"):
                self.parts.setdefault(key, set()).add("organization")

    def _common(self, key: str, lang: str) -> bool:
        return key in self.vocabulary or lexicon(lang, *self.models).knows(key)

    def _part_of(self, key: str, lang: str) -> Optional[str]:
        """The roster part key matches: exactly, or within one or two typos for an unknown word."""
        if key in self.parts:
            return key
        if len(key) < 5 or self._common(key, lang):
            return None
        if key not in self._fuzzy_cache:
            allowed = 1 if len(key) <= 7 else 2
            best = process.extractOne(key, self._fuzzy_keys, scorer=OSA.distance, score_cutoff=allowed)
            self._fuzzy_cache[key] = best[0] if best else None
        return self._fuzzy_cache[key]

    def find(self, text: str, tokens: Sequence[Token], lang: str, masked: set[int]) -> list[tuple[int, int, str]]:
        """(start, end, reason) of roster names, initials and affiliations in a canonical text."""
        tokens = [t for t in tokens if t.start not in masked]
        found = self._names(text, tokens, lang)
        found += self._initials(text, masked)
        found += self._affiliations(tokens)
        return found

    def _names(self, text: str, tokens: Sequence[Token], lang: str) -> list[tuple[int, int, str]]:
        candidates: dict[int, tuple[str, bool]] = {}
        for index, token in enumerate(tokens):
            part = self._part_of(token.base, lang)
            compound = self._compound(text, tokens, index, lang)
            if compound:
                part = compound
            if part is None:
                continue
            common = len(part) <= 2 or self._common(part, lang)
            candidates[index] = (part, common)
        hits: list[tuple[int, int, str]] = []
        for index, (part, common) in candidates.items():
            token = tokens[index]
            if part in self.acronyms and not token.text.isupper() and common:
                continue
            if common and not self._counts(text, tokens, index, candidates):
                continue
            kinds = self.parts.get(part, {"surname"})
            what = (N_("an affiliation's word on the roster") if kinds == {"organization"}
                    else N_("a participant's name on the roster"))
            hits.append((token.start, token.end, what))
        for token in tokens:
            if token.text.isupper() and len(token.key) >= 2 and token.key in self.acronyms:
                hits.append((token.start, token.end, N_("an affiliation's acronym on the roster")))
            elif len(token.key) >= 4 and token.key in self.acronyms and not self._common(token.key, lang):
                hits.append((token.start, token.end, N_("an affiliation's acronym on the roster")))
        return hits

    def _compound(self, text: str, tokens: Sequence[Token], index: int, lang: str) -> Optional[str]:
        """A hyphenated word read whole ("dubois-martin") when the roster has it whole."""
        if index + 1 >= len(tokens) or text[tokens[index].end:tokens[index + 1].start] != "-":
            return None
        whole = f"{tokens[index].base}-{tokens[index + 1].base}"
        return whole if whole in self.parts else None

    def _counts(self, text: str, tokens: Sequence[Token], index: int, candidates: dict) -> bool:
        """An ordinary-word name part counts when capitalised mid-sentence or next to a name part."""
        token = tokens[index]
        for neighbour in (index - 1, index + 1):
            if 0 <= neighbour < len(tokens) and self._adjacent(text, tokens, index, neighbour):
                other = tokens[neighbour]
                if neighbour in candidates or (len(other.text) == 1 and other.text.isupper()):
                    return token.text[:1].isupper()
        if not token.text[:1].isupper() or token.text.isupper() or sentence_start(text, token.start):
            return False
        return not _in_title(text, tokens, index, candidates)

    @staticmethod
    def _adjacent(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
        first, second = sorted((a, b))
        between = text[tokens[first].end:tokens[second].start]
        return len(between) <= 3 and all(ch in " .-\t" for ch in between)

    def _initials(self, text: str, masked: set[int]) -> list[tuple[int, int, str]]:
        hits = []
        for match in _INITIALS.finditer(text):
            if match.start() in masked:
                continue
            letters = "".join(ch for ch in match.group(1) if ch.isalpha()).lower()
            if letters in self.initials:
                end = match.start() + len(match.group(1).rstrip(" -"))
                hits.append((match.start(), end, N_("a participant's initials on the roster")))
        return hits

    def _affiliations(self, tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
        hits = []
        bases = [t.base for t in tokens]
        starts: set[tuple[int, int]] = set()  # (token index, affiliation index) to try
        for i, base in enumerate(bases):
            starts.update((i, a) for a in self._by_first.get(base, ()))
            if i + 1 < len(bases):
                starts.update((i, a) for a in self._by_second.get(bases[i + 1], ()))
        for i, a in sorted(starts):
            keys = self.affiliations[a]
            target = " ".join(keys)
            best, best_end = 0.0, i
            for size in {max(1, len(keys) - 1), len(keys), len(keys) + 1}:
                window = bases[i:i + size]
                score = fuzz.ratio(" ".join(window), target)
                if score > best:
                    best, best_end = score, i + len(window) - 1
            if best >= 88 and best_end >= i + min(1, len(keys) - 1):
                hits.append((tokens[i].start, tokens[best_end].end, N_("an affiliation on the roster")))
        return hits


def _in_title(text: str, tokens: Sequence[Token], index: int, candidates: dict) -> bool:
    """True inside a Title Case phrase of ordinary words ("Women, Peace and Security", "the Hope Fund")."""
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(tokens) and tokens[other].key in _STOP:
            other += step
        if 0 <= other < len(tokens) and abs(other - index) <= 2 and other not in candidates:
            word = tokens[other].text
            if word[:1].isupper() and not word.isupper() and not sentence_start(text, tokens[other].start):
                return True
    return False


def sentence_start(text: str, start: int) -> bool:
    """True when only spaces, quotes or brackets stand between start and the previous sentence end."""
    index = start - 1
    while index >= 0 and text[index] in " \t\"'“‘«(*•–—":
        index -= 1
    return index < 0 or text[index] in ".!?:;\n\r"
