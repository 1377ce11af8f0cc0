"""A gazetteer of places and demonyms, to read where a speaker comes from.

The places are Canada's provinces, territories, regions, cities, towns and northern, Inuit and First
Nations communities (``data/gazetteer/canada.txt``), the world's countries, capitals and large cities
(``data/gazetteer/world.txt``) and the country, province and city lists the other rules use; the
demonyms are ``data/{en,fr}/demonyms.txt``. All are general public knowledge compiled for this project
(CC0-1.0, see ``anonymizer/NOTICE``).

The gazetteer is deliberately kept apart from ``lexicon.PLACE_WORDS``: many community names are also
given names or surnames ("Nelson", "Alma", "Dawson"), and ``PLACE_WORDS`` stops the person rules. Here a
place is only read *after* a cue that says the place is someone's origin ("the participant from",
"je viens de"), so an ambiguous entry costs nothing elsewhere.
"""
from __future__ import annotations

import functools
import os
import re
from typing import Optional

from .vocab import COUNTRIES, DATA, DEMONYMS, PLACES, common_words, fold, read_lines

# A word of a place name: letters, inner apostrophes, colons ("Stó:lō") and dots ("St.", "D.C.")
_WORD = re.compile(r"[^\W\d_](?:[\w'’]|[.:](?=[^\W\d_]))*\.?")
# What may join the words of one place name: a space, a hyphen or a dash ("Yorkton—Melville")
_JOIN = re.compile(r"[ \t]?[-–—][ \t]?|[ \t]")
_ABBREV_DOTS = frozenset({"st", "ste", "mt", "ft", "d.c", "u.s", "u.k", "p.e.i", "n.w.t", "b.c", "u.s.a", "d.r"})
MAX_WORDS = 6


@functools.lru_cache(maxsize=50_000)
def norm(text: str) -> str:
    """The look-up form of a place: folded, hyphens and dashes as spaces, no dots, one space."""
    text = fold(text).replace("’", "'")
    text = re.sub(r"[-–—/]", " ", text).replace(".", "")
    return " ".join(text.split())


@functools.lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Every place name, in look-up form."""
    raw = [e for name in ("canada", "world") for e in read_lines(os.path.join(DATA, "gazetteer", f"{name}.txt"))]
    return frozenset(norm(e) for e in raw) | frozenset(norm(e) for e in COUNTRIES | PLACES) - {"us", "car", "the north"}


@functools.lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Every demonym (singular; English plurals are read by :func:`is_demonym`), in look-up form."""
    return frozenset(norm(e) for e in DEMONYMS)


# Words for a people in general rather than an origin: "Indigenous participants" says nothing of where
# one person comes from.
GENERIC_PEOPLES = frozenset({"indigenous", "autochtone", "autochtones", "aboriginal", "native", "first nations",
                             "inuit", "metis", "metisse", "metisses"})


# the combining form of a people's name in a compound demonym: "syro-", "italo-", "sino-", "palestino-"
_COMBINING = re.compile(r"^[a-z]{2,}o$")


def is_demonym(phrase: str, specific: bool = True) -> bool:
    """*phrase* is a demonym ("Ghanaian", "Ghanaians", "Québécoises", "Haitian-Canadian")."""
    key = norm(phrase)
    if specific and key in GENERIC_PEOPLES:
        return False
    dem = demonyms()
    if key.endswith("s") and key in places():
        return False  # "Philippines", "Comores": the country, not the French plural demonym
    if key in dem or (key.endswith("s") and key[:-1] in dem and len(key) > 4 and key not in places()):
        return True
    parts = key.split()
    if len(parts) == 2 and parts[1] in dem and (parts[0] in dem or _COMBINING.match(parts[0])):
        return True  # "syrian canadian", "franco ontarienne", "syro-libanaise", "colombo-canadien"
    return False


def _is_common_phrase(phrase: str) -> bool:
    """Every word of *phrase* is an ordinary word and it is not hyphenated ("north shore", "delta";
    not "côte-nord", "rankin inlet")."""
    words = common_words()
    return not re.search(r"[-–—]", phrase) and all(w in words for w in norm(phrase).split())


def is_place(phrase: str, lower_ok: bool = True) -> bool:
    """*phrase* names a place of the gazetteer; a place that is also an ordinary word ("Delta",
    "Mission", "Hope") counts only when capitalised (``lower_ok`` False for a lower-case phrase)."""
    key = norm(phrase)
    if key not in places():
        return False
    return lower_ok or not _is_common_phrase(phrase)


def _words_from(text: str, pos: int, limit: int = MAX_WORDS) -> list[tuple[int, int]]:
    """Up to *limit* words from *pos*, joined by a space, a hyphen or a dash (not by a comma or a line)."""
    out: list[tuple[int, int]] = []
    p = pos
    while len(out) < limit:
        m = _WORD.match(text, p)
        if not m:
            break
        end = m.end()
        word = text[m.start():end]
        if word.endswith(".") and fold(word[:-1]) not in _ABBREV_DOTS:
            end -= 1
        out.append((m.start(), end))
        j = _JOIN.match(text, end)
        if not j:
            break
        p = j.end()
    return out


def place_at(text: str, pos: int) -> Optional[int]:
    """End of the longest gazetteer place that starts at *pos* ("Cape Breton Island", "Addis Ababa",
    "Rankin Inlet"), or None. A lower-case match must not be an ordinary word."""
    words = _words_from(text, pos)
    for k in range(len(words), 0, -1):
        phrase = text[pos:words[k - 1][1]]
        lower = not any(c.isupper() for c in phrase)
        if is_place(phrase, lower_ok=not lower):
            return words[k - 1][1]
    return None


def demonym_at(text: str, pos: int) -> Optional[int]:
    """End of a demonym that starts at *pos* ("Sri Lankan", "Ghanaian", "haïtienne"), or None."""
    words = _words_from(text, pos, limit=2)
    for k in range(len(words), 0, -1):
        if is_demonym(text[pos:words[k - 1][1]]):
            return words[k - 1][1]
    return None


_PARTICLES = frozenset({"de", "du", "des", "la", "le", "les", "d", "l", "of", "the", "sur", "en", "aux", "au", "upon",
                        "and", "et"})
_NOT_PLACE_START = frozenset({"i", "we", "the", "a", "an", "my", "our", "je", "nous", "le", "la", "les", "un", "une",
                             "this", "that", "there", "it", "he", "she", "they", "il", "elle", "on", "mr", "mrs", "ms",
                             "dr", "mme", "m"})


def capitalised_run(text: str, pos: int) -> Optional[int]:
    """End of a run of capitalised words at *pos* ("Yorkton—Melville", "Saint-Jean-Port-Joli",
    "Lac des Mille Lacs"), particles allowed between them; None when *pos* is no capitalised word."""
    words = _words_from(text, pos)
    end = None
    for k, (s, e) in enumerate(words):
        word = text[s:e]
        key = fold(word)
        if word[:1].isupper():
            if k == 0 and key in _NOT_PLACE_START:
                return None
            end = e
        elif key.rstrip("'’") in _PARTICLES and k + 1 < len(words) and text[words[k + 1][0]].isupper():
            continue
        else:
            break
    return end


@functools.lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Countries, provinces, territories and world regions: what may follow a town ("Iqaluit, Nunavut")."""
    return frozenset(norm(e) for e in COUNTRIES)


def with_region(text: str, start: int, end: int) -> int:
    """Extend a town or city over the province, state or country after it: "Halifax, Nova Scotia",
    "Iqaluit, Nunavut", "Goma (DRC)"; never a list of countries ("Eritrea, Syria and the DRC")."""
    m = re.compile(r",[ \t]*|[ \t]*\([ \t]*").match(text, end)
    if not m or norm(text[start:end]) in regions():
        return end
    nxt = place_at(text, m.end())
    if nxt is None or norm(text[m.end():nxt]) not in regions():
        return end
    if text[m.start():m.end()].strip().startswith("("):
        return nxt if re.compile(r"[ \t]*\)").match(text, nxt) else end
    return nxt
