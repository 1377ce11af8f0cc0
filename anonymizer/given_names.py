"""An international given-name lexicon, used as evidence (never as a verdict) by the person recognizers.

The names come from Faker's locale lists (MIT licence), vendored in ``data/given_names.txt`` by
``scripts/build_anonymizer_data.py``. The file is read once per process.
"""
from __future__ import annotations

import functools
import os

from .vocab import DATA, fold, read_lines

# Names so short they collide with abbreviations and particles in notes ("Al", "Bo", "Ed" are
# real names, but "al" in "et al." or "bo" in a code are not worth the collateral).
_MIN_LEN = 3


@functools.lru_cache(maxsize=1)
def given_name_keys() -> frozenset[str]:
    """Folded (lower-case, accent-free) given names; compound names as 'jean-marc' and their parts."""
    names: set[str] = set()
    for raw in read_lines(os.path.join(DATA, "given_names.txt")):
        key = fold(raw.replace(" ", "-"))
        if len(key) >= _MIN_LEN and key.replace("-", "").replace("'", "").isalpha():
            names.add(key)
    return frozenset(names)


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
