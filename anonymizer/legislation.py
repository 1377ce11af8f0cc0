"""Bills, laws and resolutions named in a debate: "Bill S-7", "le projet de loi C-97", "Loi modifiant la Loi sur …",
"UNSCR 2242".

A committee transcript names legislation in every other line, and the words it uses are also names: "Bill" is
a given name, a roster may hold a "C." initial or someone called "Loi". A bill's number or a law's title right
after such a word says it is legislation, whatever the roster holds, so even a roster match there stays.
"""
from __future__ import annotations

import re

from .vocab import fold

# "C-97", "S-7": the letter of a bill's number (the match is the letter itself, or "Bill S" read as a name)
_NUMBER_AFTER = re.compile(r"-\d")
_BILL_AFTER = re.compile(r"\s+[A-Z]-\d")
_TITLE_AFTER = re.compile(r"\s+(?:sur|modifiant|concernant|visant|relative|relatif|portant|on|respecting|to\s+amend|"
                          r"amending)\b")
_LAW_WORDS = frozenset({"bill", "loi", "act"})
# "UNSCR 2242", "résolution 1325": a resolution by its number, never a body that speaks
_RESOLUTION_WORDS = frozenset({"unscr", "scr", "rcsnu", "resolution", "resolutions", "res"})
_RESOLUTION_NUMBER = re.compile(r"\s*(?:no\.?\s*|n°\s*)?\d{3,4}\b")


# the title of a law running up to the span: "Loi sur le Commissaire à …", "Act respecting the Commissioner of …"
_LAW_TITLE_BEFORE = re.compile(r"\b(?:Loi|Act)\s+(?:sur|concernant|modifiant|visant|portant|respecting|to\s+amend|"
                               r"to\s+establish|instituant|constituant)\b[^.;:()\n]{0,60}$")


def in_law_title(text: str, start: int) -> bool:
    """The span at *start* is inside a law's title ("Loi sur le Commissaire à la santé"): the office a law
    creates is its subject, not a person in the room."""
    return _LAW_TITLE_BEFORE.search(text[max(0, start - 90):start]) is not None


def names_legislation(text: str, start: int, end: int) -> bool:
    """The span at *start*–*end* is part of a bill's, a law's or a resolution's name, not a person or a body."""
    after = text[end:end + 16]
    if _NUMBER_AFTER.match(after):
        return True
    key = fold(text[start:end])
    if key.split()[-1:] and key.split()[-1] in _RESOLUTION_WORDS and _RESOLUTION_NUMBER.match(after):
        return True
    return key in _LAW_WORDS and bool(_BILL_AFTER.match(after) or _TITLE_AFTER.match(after))
