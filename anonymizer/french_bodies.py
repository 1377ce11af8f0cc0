"""Names of public bodies (French and English lists), found in a note whether or not the conference's
allow-list has them.

The allow-list a conference administrator types is never complete ("Justice Canada", "la Sûreté",
"l'OMS" are missing from most), yet such a body named as someone's side tells who spoke. The lists
``data/fr/public_bodies.txt`` and ``data/en/public_bodies.txt`` (official names and acronyms, see their headers) and a pattern for
French government-unit phrases ("ministère des Affaires étrangères", "ambassade du Mali") give
*mentions*: like allow-listed bodies, they stay as the subject of an idea and go only when an
attribution rule reads them as a speaker's affiliation.
"""
from __future__ import annotations

import functools
import os
import re
from typing import Iterator

from .text import Word
from .vocab import DATA, common_words, fold, read_lines

# Heads of French phrases that name a government unit or a foreign mission when a capitalised name
# follows ("ministère de la Justice", "consulat général du Sénégal").
_UNIT_HEADS = ("ministere", "ambassade", "consulat general", "consulat", "haut-commissariat", "mission permanente",
               "delegation generale", "secretariat", "commissariat")
_UNIT_RX = re.compile(r"(?<![\w])(?:" + "|".join(_UNIT_HEADS) + r")\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|aux?\s+)")
_NAME_GAPS = frozenset({" ", "-", " l'", " d'", " l’", " d’"})
_PARTICLES = frozenset({"de", "du", "des", "et", "la", "pour", "aux"})


@functools.lru_cache(maxsize=1)
def body_forms() -> tuple[frozenset[str], frozenset[str], "re.Pattern[str]"]:
    """(folded names, acronyms as written, one regex over folded text matching any form)."""
    names, acronyms = set(), set()
    entries = read_lines(os.path.join(DATA, "fr", "public_bodies.txt")) + read_lines(os.path.join(DATA, "en", "public_bodies.txt"))
    for entry in entries:
        letters = [c for c in entry if c.isalpha()]
        if " " not in entry and sum(c.isupper() for c in letters) >= 2:
            acronyms.add(entry)
        else:
            names.add(fold(entry))
    forms = sorted(names | {fold(a) for a in acronyms}, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
    return frozenset(names), frozenset(acronyms), rx


# Heads that make a name a public institution, whatever its country: "Senate of …", "Cour d'appel de …"
_PUBLIC_HEADS = re.compile(r"^(?:(?:the|le|la|les|l')\s*)?(?:ministry|ministere|department|departement|senate|senat|"
                           r"house of commons|house of lords|chambre des communes|assemblee nationale|national assembly|"
                           r"parliament|parlement|legislative assembly|assemblee legislative|government|gouvernement|"
                           r"supreme court|cour supreme|cour d'appel|court of appeal|cour de cassation|conseil d'etat|"
                           r"embassy|ambassade|consulate|consulat|high commission|haut-commissariat|united nations|"
                           r"nations unies|european (?:commission|parliament|council)|(?:commission|parlement|conseil) "
                           r"europeen(?:ne)?|office of the|bureau du|secretariat)\b")


def is_public_body(name: str) -> bool:
    """*name* is a public institution: on the lists of public bodies, or headed as one ("Senate of …",
    "ministère de …", "Embassy of …"). A participant from such a body is attributed by cues; the body
    named for itself is the subject of an idea."""
    names, acronyms, _rx = body_forms()
    key = fold(name.strip())
    return key in names or name.strip() in acronyms or bool(_PUBLIC_HEADS.match(key)) or bool(_UNIT_RX.match(key))


@functools.lru_cache(maxsize=1)
def _ngo_forms() -> tuple[frozenset[str], "re.Pattern[str]"]:
    """(folded names, regex over folded text) of the listed civil-society organizations."""
    names = frozenset(fold(e) for e in read_lines(os.path.join(DATA, "fr", "civil_society_orgs.txt")))
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    return names, rx


def ngo_mentions(text: str, ftext: str) -> Iterator[tuple[int, int]]:
    """Spans of listed civil-society organizations written with a capital (a lower-case 'alternatives'
    or 'vision mondiale' is an ordinary phrase)."""
    _names, rx = _ngo_forms()
    for m in rx.finditer(ftext):
        if text[m.start():m.start() + 1].isupper() or text[m.start():m.end()].isupper():
            yield m.start(), m.end()


def _acronym_ok(surface: str, acronyms: frozenset[str]) -> bool:
    """An acronym in capitals as listed ("GRC", "RNCan"), or in lower case when it is not a word."""
    if surface in acronyms:
        return True
    low = surface.lower()
    return surface == low and len(low) >= 3 and low not in common_words() and \
        any(a.lower() == low for a in acronyms)


def _name_ok(surface: str) -> bool:
    """A listed name with at least one capital: 'sécurité publique' in lower case is a theme."""
    return any(c.isupper() for c in surface)


def lexicon_mentions(text: str, ftext: str) -> Iterator[tuple[int, int]]:
    """Spans of listed French public bodies (names and acronyms) in *text* (*ftext*: its same-length fold)."""
    names, acronyms, rx = body_forms()
    for m in rx.finditer(ftext):
        surface = text[m.start():m.end()]
        if m.group() in names:
            if _name_ok(surface):
                yield m.start(), m.end()
        elif _acronym_ok(surface, acronyms):
            yield m.start(), m.end()


def unit_mentions(text: str, ftext: str, words: list[Word], word_at) -> Iterator[tuple[int, int]]:
    """'ministère des Affaires étrangères', 'ambassade de France': a unit head and its capitalised name.

    The name runs over capitalised words, the particles between them and, French style, the
    lower-case adjective right after a capitalised word ("Affaires étrangères", "Défense nationale").
    """
    common = common_words()
    for m in _UNIT_RX.finditer(ftext):
        i = word_at(m.end())
        if i is None or not (words[i].cap or words[i].upper) or words[i].start != m.end():
            continue
        end, j = words[i].end, i + 1
        while j < len(words):
            w, gap = words[j], text[words[j - 1].end:words[j].start]
            if (w.cap or w.upper) and gap in _NAME_GAPS:
                end, j = w.end, j + 1
            elif gap == " " and w.key in common and _adjective_like(w.key) and (words[j - 1].cap or words[j - 1].upper):
                end, j = w.end, j + 1
            elif gap == " " and w.key in _PARTICLES and j + 1 < len(words) and \
                    (words[j + 1].cap or words[j + 1].upper or words[j + 1].key in _PARTICLES):
                j += 1
            else:
                break
        yield m.start(), end


def _adjective_like(key: str) -> bool:
    """French adjective endings of body names ('étrangères', 'nationale', 'autochtones', 'sociaux')."""
    return key.endswith(("ale", "ales", "aux", "al", "ere", "eres", "ique", "iques", "ien", "ienne", "iennes",
                         "ais", "aise", "aises", "ones", "one", "elle", "elles", "ee", "ees", "if", "ive", "ives"))
