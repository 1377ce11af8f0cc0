"""Word sets the trained-span recognizer checks the model against, read from the training data files.

``CSO_HEADS``: the head words of civil-society organization names ("Network", "Collectif");
``TITLE_ABBREVIATIONS``: "DM", "SM", "Insp." as written; ``TITLE_HEADS``: the head word of every title in the title lexicons ("Deputy Minister" -> "minister",
"directrice générale" -> "directrice"), the abbreviated titles and the forms of address. Sources and
licences are in each data file's header (``anonymizer/training/data``).
"""
from __future__ import annotations

import re

from ..training.lexicon import read_lines, read_sections
from ..vocab import fold

_EXTRA_CSO_HEADS = ("center", "federation", "league", "movement", "sisterhood", "shelter", "collective",
                    "cooperative", "co-op", "fédération", "mouvement", "ligue", "refuge", "coopérative")
_EN_CUT = re.compile(r"\s+(?:of|on|for|to)\s+|,")


def _cso_heads() -> frozenset[str]:
    sections = read_sections("civil_society.txt")
    words = [w for key in ("type", "fr_type") for line in sections[key] for w in line.split("|")]
    return frozenset(fold(w.strip()) for w in list(words) + list(_EXTRA_CSO_HEADS) if w.strip())


def _title_heads() -> frozenset[str]:
    heads: set[str] = set()
    for title in read_lines("titles_en.txt"):
        words = _EN_CUT.split(title)[0].split()
        heads.add(fold(words[-1]))
    for line in read_lines("titles_fr.txt"):
        for title in line.split("|"):
            heads.add(fold(title.split()[0]))
    heads.difference_update(("general", "executive"))  # "Director General", "Chief Executive": the other word is the head
    heads.update(("chair", "co-chair", "vice-chair", "president", "presidente", "director", "directrice",
                  "directeur", "adviser", "advisor", "conseillere", "conseiller", "greffiere", "greffier"))
    return frozenset(heads)


def _abbreviations() -> frozenset[str]:
    """Abbreviated titles, as written (they count only as a whole span: "DM", "Insp.")."""
    return frozenset(a.strip() for line in read_lines("titles_abbrev.txt") for a in line.split("|"))


CSO_HEADS = _cso_heads()
TITLE_HEADS = _title_heads()
TITLE_ABBREVIATIONS = _abbreviations()
