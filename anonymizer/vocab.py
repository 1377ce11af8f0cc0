"""The vocabularies the recognizers rely on, read from the data files under ``anonymizer/data/``.

Each list lives in ``data/en/<kind>.txt`` and ``data/fr/<kind>.txt`` (one entry a line, a header
comment giving its source and licence; see ``anonymizer/NOTICE``); the rules use the union of
both languages, folded (lower case, no accents), because notes mix languages. Nicknames come
from the ``nicknames`` package (Apache-2.0), ordinary English words from ``english-words``
(MIT), stop words from spaCy (MIT). Nothing here comes from a corpus.
"""
from __future__ import annotations

import functools
import os
import unicodedata

DATA = os.path.join(os.path.dirname(__file__), "data")
LANGS = ("en", "fr")


@functools.lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Zoe' matches 'Zoé' (rapporteurs type fast)."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower().replace("’", "'")


def read_lines(path: str) -> list[str]:
    """Entries of one data file: non-blank lines that are not '#' comments."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.lstrip().startswith("#")]


def entries(kind: str) -> list[str]:
    """The entries of ``data/<lang>/<kind>.txt`` for every language, as written."""
    out: list[str] = []
    for lang in LANGS:
        out += read_lines(os.path.join(DATA, lang, f"{kind}.txt"))
    return out


def load(kind: str) -> frozenset[str]:
    """Folded entries of one vocabulary, both languages."""
    return frozenset(fold(e) for e in entries(kind))


def _set(block: str) -> frozenset[str]:
    return frozenset(fold(w.strip()) for w in block.replace("\n", "|").split("|") if w.strip())


HONORIFICS = load("honorifics")          # the name after them is a person; the title stays
ROLE_TITLES = load("role_titles") | load("title_lexicon")  # titles that single out one individual
GENERIC_ALONE = load("generic_roles")    # ... only with a determiner or a complement
PERSON_NOUNS = load("person_nouns")      # "the CBSA rep", "the Danish expert"
ORIGIN_PERSON_NOUNS = load("origin_person_nouns")
SPEECH_VERBS = load("speech_verbs")
LABEL_WORDS = load("label_words")        # "Facilitator: Jo Smith"
AFFILIATION_CUES_BEFORE = entries("affiliation_cues")
ORG_HEADS = load("org_heads")
SUBJECT_HEADS = load("subject_heads")    # programmes, resolutions, plans: subject matter
COUNTRIES = load("countries")
DEMONYMS = load("demonyms")
PLACES = load("places")
NON_PERSON_PROPER = load("non_person_proper")
COMMON_PHRASES = frozenset(" ".join(f.replace(",", " ").split()) for f in load("common_phrases"))
COMMON_ACRONYMS = frozenset(w for line in read_lines(os.path.join(DATA, "common_acronyms.txt")) for w in line.split())

# Grammar, not vocabulary: particles between the words of a name or an organization name.
STOP_PARTICLES = _set("of|the|for|and|on|in|at|to|a|an|de|des|du|la|le|les|l'|d'|et|pour|sur|en|au|aux|à|y|por|"
                      "del|da|van|von|der|den|bin|bint|ibn|al|el|di|dos|das|st|st.")
# Lower-case particles allowed inside a personal name ("de la", "bin", "van der").
NAME_PARTICLES = _set("de|de la|del|della|di|da|dos|das|du|van|van der|von|der|den|ter|bin|bint|ibn|al|el|abu|"
                      "ben|le|la|st|st.|ó|ní|mac|mc")


@functools.lru_cache(maxsize=1)
def nickname_table() -> dict[str, tuple[str, ...]]:
    """Folded given name -> its nicknames (the ``nicknames`` package's hand-curated English table)."""
    try:
        from nicknames import NickNamer
    except ImportError:  # the table is an improvement, never a hard failure
        return {}
    table: dict[str, set[str]] = {}
    for canonical, nicks in NickNamer.default_lookup().items():
        table.setdefault(fold(canonical), set()).update(fold(n) for n in nicks)
    return {k: tuple(sorted(v)) for k, v in table.items() if v}


def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
    from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP
    return frozenset(fold(w) for w in EN_STOP | FR_STOP)


# Pronouns, determiners, auxiliaries (EN/FR): never a name, whatever their case.
FUNCTION_WORDS = _function_words()


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary lower-case vocabulary: English web2 + GCIDE lists, spaCy stop words, and the
    common-word data files (British/Canadian spellings, contractions, French words).

    Used to tell a capitalised common word ("Faith", "Dawn") from an unknown proper noun, which
    is what lets the proper-noun layer redact unknown names without eating ordinary words.
    """
    words: set[str] = set()
    try:
        from english_words import get_english_words_set

        for src in ("web2", "gcide"):
            words.update(w for w in get_english_words_set([src], lower=False) if w.islower())
    except Exception:  # the list is an optional quality improvement, never a hard failure
        pass
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
    from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP

    words.update(EN_STOP)
    words.update(FR_STOP)
    for kind in ("common_words", "contractions", "discourse_words"):
        words.update(w.lower() for w in entries(kind))
    folded = {fold(w) for w in words}
    # regular plurals of common nouns are common too ("rights", "shelters")
    folded |= {w + "s" for w in folded if len(w) > 3 and w.isalpha()}
    return frozenset(folded)
