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
                    "cooperative", "co-op", "fédération", "mouvement", "ligue", "refuge", "coopérative",
                    "drop-in", "clinique", "maison", "carrefour", "calacs", "organisme")
# Words that head titles but also plain phrases ("a member of the group", "première fois"): never heads alone
_NOT_TITLE_HEADS = frozenset(("member", "members", "delegate", "youth", "premiere", "premier", "grande", "grand",
                              "general", "executive", "of", "for", "de", "du", "des", "private", "residence",
                              "generale", "d'affaires", "maitre"))
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
    heads.update(_title_part_heads())
    heads.difference_update(_NOT_TITLE_HEADS)  # "Director General", "Chief Executive": the other word is the head
    heads.update(("chair", "co-chair", "vice-chair", "president", "presidente", "director", "directrice",
                  "directeur", "adviser", "advisor", "conseillere", "conseiller", "greffiere", "greffier"))
    return frozenset(heads)


def _title_part_heads() -> set[str]:
    """Head words of the compositional title parts: functions, ranks and offices in both languages."""
    parts = read_sections("title_parts.txt")
    heads: set[str] = set()
    for key in ("en_function", "en_police", "en_military", "en_office"):
        for item in (x for line in parts[key] for x in line.split("|")):
            words = _EN_CUT.split(item)[0].split()
            if words:
                heads.add(fold(words[-1]))
    for key in ("fr_function", "fr_police", "fr_military", "fr_office"):
        for item in (x for line in parts[key] for pair in line.split(";") for x in pair.split("|")):
            if item.strip():
                heads.add(fold(item.split()[0]))
    return heads


def _abbreviations() -> frozenset[str]:
    """Abbreviated titles, as written (they count only as a whole span: "DM", "Insp.")."""
    parts = read_sections("title_parts.txt")
    listed = [a for line in read_lines("titles_abbrev.txt") for a in line.split("|")]
    listed += [a for key in ("en_abbrev", "fr_abbrev") for line in parts[key] for a in line.split("|")]
    return frozenset(a.strip() for a in listed if a.strip())


CSO_HEADS = _cso_heads()
TITLE_HEADS = _title_heads()
TITLE_ABBREVIATIONS = _abbreviations()
