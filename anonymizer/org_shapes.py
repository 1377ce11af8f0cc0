"""What an organization name looks like, in English and French, read from the words of a note.

A name is a run of capitalised (or ALL-CAPS) words joined by spaces, hyphens or a possessive
("Ashgrove Women's Lodge", "Nordwind-Canada"), with particles between its words ("Institute for
Gender Research", "Fédération des femmes de Lac-Argent") and, French style, lower-case words after a
capitalised head ("Comité logement Rive-Ouest", "Table de concertation Val-Morin"). Such a run is
*organization-shaped* when it has an organization head-word anywhere in it
(``data/*/org_name_heads.txt``, ``org_heads``, ``civil_heads``), is a body the note already knows
(allow-list, roster, the public-body lists), is an acronym, or is several capitalised words that are
not a place, a document or a group of people. The shape alone removes nothing: the frames of
:mod:`anonymizer.recognizers.org_frames` decide when the name tells who spoke.
"""
from __future__ import annotations

from typing import Optional

from .lexicon import CIVIL_HEADS, FRENCH_CIVIL_HEADS, NON_NAME_LINE_LABELS, PLACE_WORDS, STRONG_HONORIFICS
from .text import Word
from .vocab import (COMMON_ACRONYMS, COMMON_PHRASES, FUNCTION_WORDS, ORG_HEADS, ROLE_TITLES, STOP_PARTICLES,
                    SUBJECT_HEADS, load)

NAME_HEADS = load("org_name_heads") | ORG_HEADS | CIVIL_HEADS | FRENCH_CIVIL_HEADS
# French heads after which a name goes on in lower case ("Comité logement Rive-Ouest").
FRENCH_HEADS = load("org_name_heads") & (FRENCH_CIVIL_HEADS | {"comite", "conseil", "table", "front", "carrefour",
                                                                "coop", "cooperative", "institut", "groupe", "projet",
                                                                "syndicat", "mouvement", "organisme", "fonds"})
# Words naming a group of people or a kind of thing, not one organization ("Indigenous Elders said").
_PEOPLE_WORDS = frozenset("""women men elders youth leaders survivors members participants people peoples nations
communities girls boys mothers grandmothers veterans officers families victims workers first government governments
canadians provinces territories femmes autochtones aînées aines jeunes victimes familles communautés communautes
gouvernement provinces membres""".split())
# Prepositions written with a capital inside a title-case name ("Women Mediators Beyond Borders").
_TITLE_JOINERS = frozenset("""beyond across without against through together among under between within into over
around towards toward behind above alongside""".split())
_JOINS = (" ", "-", "'s ", "’s ", "' ", "’ ", " & ", " and ", " d'", " d’", " l'", " l’", "-d'", "-l'")
_MAX_WORDS = 10


def name_word(w: Word) -> bool:
    """A capitalised or ALL-CAPS word that is not a function word (an ALL-CAPS note writes 'FROM', 'THE'); a
    head-word or a longer capitalised word inside a sentence counts even when a stop list has it ('Front')."""
    if not (w.cap or w.upper):
        return False
    if w.key not in FUNCTION_WORDS or w.key in NAME_HEADS:
        return True
    return not w.upper and not w.initial and len(w.key) >= 4 and w.key not in STOP_PARTICLES


def _particle(w: Word) -> bool:
    """A word between the words of a name: 'of', 'pour', 'des', a capitalised 'Beyond'."""
    return w.key in STOP_PARTICLES or (w.key in _TITLE_JOINERS and w.cap and not w.initial)


def _joined(ctx, a: Word, b: Word) -> bool:
    gap = ctx.text[a.end:b.start]
    return gap in _JOINS or (gap == "" and ctx.text[a.end - 1:a.end] in "'’")


def _french_head_left(ctx, words: list[Word], i: int) -> bool:
    """A capitalised French head-word at or within four words left of word *i*, joined to it (lower-case
    words may follow such a head: "Comité logement Rive-Ouest"); French sentences only."""
    if i < 0 or ctx.lang_at(words[i].start) != "fr":
        return False
    for k in range(i, max(-1, i - 5), -1):
        w = words[k]
        if w.key in FRENCH_HEADS and (w.cap or w.upper):
            return True
        if (w.key in FUNCTION_WORDS and w.key not in STOP_PARTICLES) or k == 0 or not _joined(ctx, words[k - 1], w):
            return False
    return False


def span_before(ctx, end_i: int) -> Optional[tuple[int, int]]:
    """Word indexes (first, last) of the organization-shaped name ending at word *end_i*, or None."""
    words = ctx.words
    if end_i < 0 or end_i >= len(words):
        return None
    j = end_i
    if not name_word(words[end_i]) and (words[end_i].key in FUNCTION_WORDS or not _french_head_left(ctx, words, end_i)):
        return None
    while j - 1 >= 0 and end_i - j < _MAX_WORDS and _joined(ctx, words[j - 1], words[j]):
        w = words[j - 1]
        if name_word(w):
            j -= 1
        elif _particle(w) and j - 2 >= 0 and _joined(ctx, words[j - 2], w) and \
                (name_word(words[j - 2]) or _french_head_left(ctx, words, j - 2)):
            j -= 1
        elif not w.cap and w.key not in FUNCTION_WORDS and _french_head_left(ctx, words, j - 1):
            j -= 1
        else:
            break
    return _trim(ctx, j, end_i)


def span_after(ctx, start_i: int) -> Optional[tuple[int, int]]:
    """Word indexes (first, last) of the organization-shaped name starting at word *start_i*, or None."""
    words = ctx.words
    if start_i >= len(words) or not name_word(words[start_i]):
        return None
    k = start_i
    french = False
    while k + 1 < len(words) and k - start_i < _MAX_WORDS and _joined(ctx, words[k], words[k + 1]):
        w, nx = words[k], words[k + 1]
        french = french or (w.key in FRENCH_HEADS and not w.upper)
        if name_word(nx):
            k += 1
        elif _particle(nx) and k + 2 < len(words) and _joined(ctx, nx, words[k + 2]) and \
                (name_word(words[k + 2]) or (french and words[k + 2].key not in FUNCTION_WORDS)):
            k += 1
        elif french and not nx.cap and nx.key not in FUNCTION_WORDS and ctx.pos(nx) not in ("VERB", "AUX"):
            k += 1
        else:
            break
    return _trim(ctx, start_i, k)


def _trim(ctx, j: int, k: int) -> Optional[tuple[int, int]]:
    """Drop particles at either end and a sentence-initial ordinary word before the name."""
    words = ctx.words
    while j <= k and (_particle(words[j]) or (words[j].key in FUNCTION_WORDS and not name_word(words[j]))):
        j += 1
    while k >= j and (_particle(words[k]) or (words[k].key in FUNCTION_WORDS and not name_word(words[k]))):
        k -= 1
    if j > k:
        return None
    first = words[j]
    if j < k and first.initial and not first.upper and ctx.is_common(first) and ctx.pos(first) != "PROPN" \
            and first.key not in NAME_HEADS:
        j += 1  # "Yesterday Kestrel Fund said": the sentence's first word is not part of the name
    return j, k


def org_shaped(ctx, j: int, k: int, strict: bool = False) -> bool:
    """The words j..k name an organization (see the module docstring). *strict*: a head-word, a known
    body or an acronym is needed (several capitalised words are not enough)."""
    seg = ctx.words[j:k + 1]
    keys = [w.key for w in seg]
    phrase = " ".join(keys)
    if phrase in COMMON_PHRASES or phrase in NON_NAME_LINE_LABELS or any(w.key in SUBJECT_HEADS for w in seg):
        return False
    if phrase in PLACE_WORDS or all(x in PLACE_WORDS or x in STOP_PARTICLES for x in keys):
        return False
    if keys[0] in STRONG_HONORIFICS or phrase in ROLE_TITLES or keys[0] in ROLE_TITLES:
        return False
    if known_body(ctx, seg[0].start, seg[-1].end):
        return True
    if len(seg) == 1:
        w = seg[0]
        letters = w.text.replace(".", "")
        if "." in w.text or len(letters) < 3:
            return False  # "K.T.", "JK": a person's initials (an organization's short acronym is in a list)
        return (w.upper or sum(c.isupper() for c in letters) >= 2) and 2 <= len(letters) <= 8 \
            and letters.upper() not in COMMON_ACRONYMS and not w.key.isdigit()
    content = [w for w in seg if w.key not in STOP_PARTICLES]
    heads = [w for w in content if w.key in NAME_HEADS or w.key.rstrip("s") in NAME_HEADS]
    if heads and all(len(w.key) <= 2 for w in content if w not in heads):
        return False  # "Group B", "Table 3 notes": a breakout group, not an organization
    if heads:
        return len(content) > len(heads) or len(content) > 1
    if strict:
        return False
    named = [w for w in content if w.cap or w.upper]
    return len(named) >= 2 and not all(w.key in _PEOPLE_WORDS or w.key in PLACE_WORDS for w in named)


def head_words(ctx, j: int, k: int) -> list[Word]:
    """The organization head-words among words j..k."""
    return [w for w in ctx.words[j:k + 1] if w.key in NAME_HEADS or w.key.rstrip("s") in NAME_HEADS]


def known_body(ctx, s: int, e: int) -> bool:
    """The span is (or covers) an organization the note already knows: allow-list, roster, lists."""
    return any(s <= ms and me <= e for ms, me, *_ in ctx.org_mentions)


def has_odd_word(ctx, j: int, k: int) -> bool:
    """A word of j..k that is not ordinary vocabulary (a coined name: 'Oriel', 'Brightwater')."""
    return any(not ctx.is_common(w) and w.key not in PLACE_WORDS and w.key not in STOP_PARTICLES
               for w in ctx.words[j:k + 1])
