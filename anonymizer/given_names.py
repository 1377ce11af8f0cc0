"""An international given-name lexicon, used as evidence (never as a verdict) by the person layer.

The list comes from the data file ``nam_dict.txt`` shipped by the PyPI package ``gender-guesser``
(about 48,000 first names from some 50 countries, GNU Free Documentation License).  Only the data
file is read; the package's (GPL) code is never imported.  When the package is not installed the
lexicon is empty and the anonymizer works as before, only with less evidence for unknown names.

The file is read once per process, lazily, on the first note that needs it.
"""
from __future__ import annotations

import functools
import importlib.util
import os

from .vocab import fold

# Names so short they collide with abbreviations and particles in notes ("Al", "Bo", "Ed" are
# real names, but "al" in "et al." or "bo" in a code are not worth the collateral).
_MIN_LEN = 3


def _data_path() -> str | None:
    """Location of the data file inside the installed package, without importing its code."""
    spec = importlib.util.find_spec("gender_guesser")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        path = os.path.join(base, "data", "nam_dict.txt")
        if os.path.exists(path):
            return path
    return None


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded (lower-case, accent-free) given names; compound names as 'jean-marc' and their parts."""
    path = _data_path()
    if path is None:
        return frozenset()
    names: set[str] = set()
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                # "M  Name        <frequency columns> $"; '#' comments, '=' equivalence lines
                if not line or line[0] in "#=" or len(line) < 4:
                    continue
                parts = line[3:30].split()
                if not parts:
                    continue
                raw = parts[0]
                key = fold(raw.replace("+", "-"))
                if len(key) >= _MIN_LEN and key.replace("-", "").replace("'", "").isalpha():
                    names.add(key)
    except OSError:  # an unreadable data file is a missing improvement, not a failure
        return frozenset()
    return frozenset(names)


def is_given_name(key: str) -> bool:
    """True when a folded word (or every part of a hyphenated one) is a known given name."""
    lex = given_names()
    if not lex or len(key) < _MIN_LEN:
        return False
    if key in lex:
        return True
    if "-" in key:
        parts = [p for p in key.split("-") if p]
        return len(parts) >= 2 and all(len(p) >= 2 and p in lex for p in parts)
    return False
