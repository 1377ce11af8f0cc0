"""An international given-name lexicon, used as evidence (never as a verdict) by the person recognizers.

The names come from Faker's locale lists (MIT licence), vendored in ``data/given_names.txt`` by
``scripts/build_anonymizer_data.py`` and in ``data/family_names.txt`` and ``data/given_names_romanized.txt``
by ``scripts/build_person_names.py``, and from a hand-written list (``data/given_names_extra.txt``: Inuit,
First Nations, Pacific names, names that are ordinary words, short names). Each file is read once per process.
"""
from __future__ import annotations

import functools
import os

from .vocab import DATA, common_words, fold, read_lines

# Names so short they collide with abbreviations and particles in notes ("Al", "Bo", "Ed" are
# real names, but "al" in "et al." or "bo" in a code are not worth the collateral).
_MIN_LEN = 3


@functools.lru_cache(maxsize=1)
def given_name_keys() -> frozenset[str]:
    """Folded (lower-case, accent-free) given names; compound names as 'jean-marc' and their parts."""
    names = set(_keys("given_names.txt", _MIN_LEN))
    # the romanized and hand-written lists join only with names that are not ordinary words: "Rain",
    # "Honor" or "Justice" as a name is for the position rules (position_name_keys), not for a capital
    common = common_words()
    for extra in ("given_names_romanized.txt", "given_names_extra.txt"):
        names.update(k for k in _keys(extra, _MIN_LEN) if k not in common)
    return frozenset(names)


def _keys(filename: str, min_len: int) -> list[str]:
    """Folded entries of one name file (spaces joined by hyphens), letters only, at least *min_len* long."""
    out = []
    for raw in read_lines(os.path.join(DATA, filename)):
        key = fold(raw.replace(" ", "-"))
        if len(key) >= min_len and key.replace("-", "").replace("'", "").isalpha():
            out.append(key)
    return out


@functools.lru_cache(maxsize=1)
def position_name_keys() -> frozenset[str]:
    """Every known given name, ordinary words and two-letter names included ("rain", "bo"): read as a
    name only in a position where nothing but a person fits ("per rain,", "bo and <Name> disagreed")."""
    names = set(given_name_keys())
    for extra in ("given_names_romanized.txt", "given_names_extra.txt"):
        names.update(_keys(extra, 2))
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def family_name_keys() -> frozenset[str]:
    """Folded family names of many locales, whole ("van den berg") and their last word ("berg")."""
    names: set[str] = set()
    for key in _keys("family_names.txt", 2):
        names.add(key)
        tail = key.rsplit("-", 1)[-1]
        if len(tail) >= 3:
            names.add(tail)
    return frozenset(names)


def is_family_name(key: str) -> bool:
    """True when a folded word is a known family name (evidence, never a verdict)."""
    return len(key) >= 2 and key in family_name_keys()


def is_position_name(key: str) -> bool:
    """True when a folded word is a given name of any length, ordinary words included."""
    return key in position_name_keys() or is_given_name(key)


def given_names() -> frozenset[str]:
    """The lexicon (kept under this name for callers of the previous module)."""
    return given_name_keys()


def is_given_name(key: str) -> bool:
    """True when a folded word (or every part of a hyphenated one) is a known given name."""
    lex = given_name_keys()
    if len(key) < _MIN_LEN:
        return False
    if key in lex:
        return True
    if "-" in key:
        parts = [p for p in key.split("-") if p]
        return len(parts) >= 2 and all(len(p) >= 2 and p in lex for p in parts)
    return False
