"""Ordinary French words, from the lemma tables shipped inside the French spaCy pipeline.

``fr_core_news_sm`` carries its rule lemmatizer's tables (a lemma index of some 95,000 nouns,
verbs, adjectives and adverbs, its table of irregular inflections, and suffix rules per part of speech; see the model's licence and
sources). The anonymizer does not run that lemmatizer; it reads the tables once to tell an
ordinary French word capitalised at the start of a sentence ("Ensuite", "Restitution",
"Proposées") from an unknown proper noun. Without the model installed the set is empty.
"""
from __future__ import annotations

import functools
import os
import re

from .langdetect import detect_language
from .vocab import fold

FR_MODEL = "fr_core_news_sm"


@functools.lru_cache(maxsize=1)
def french_lexicon() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """(folded lemmas, folded suffix rules (inflected ending, lemma ending)) of the French pipeline."""
    try:
        import spacy.util
        from spacy.lookups import Lookups

        base = str(spacy.util.get_package_path(FR_MODEL))
        folder = next(os.path.join(base, d, "lemmatizer", "lookups") for d in os.listdir(base)
                      if os.path.isdir(os.path.join(base, d, "lemmatizer", "lookups")))
        lookups = Lookups().from_disk(folder)
    except Exception:  # no French pipeline: French words are then judged by the other lists only
        return frozenset(), ()
    index = lookups.get_table("lemma_index")
    lemmas = {fold(w) for pos in index.keys() for w in index[pos] if w.isalpha() or "-" in w}
    # irregular inflections the suffix rules cannot reach ("écrivez", "envoyons", "mesdames")
    exceptions = lookups.get_table("lemma_exc")
    for pos in exceptions.keys():
        table = exceptions[pos]  # inflected form -> its lemmas; both are ordinary words ("inclus" -> "inclure")
        lemmas |= {fold(w) for form, lems in table.items() for w in (form, *lems) if w.isalpha() or "-" in w}
    rules_table = lookups.get_table("lemma_rules")
    rules = {(fold(old), fold(new)) for pos in rules_table.keys() for old, new in rules_table[pos] if old != new}
    return frozenset(lemmas), tuple(sorted(rules, key=lambda r: -len(r[0])))


def is_french_word(key: str) -> bool:
    """True when a folded word is an ordinary French word or a regular inflection of one."""
    lemmas, rules = french_lexicon()
    if not lemmas or len(key) < 3:
        return False
    if key in lemmas:
        return True
    for stem in (key[:-1] if key.endswith(("s", "x")) else None,):
        if stem and stem in lemmas:
            return True
    if any(key.endswith(old) and key[: len(key) - len(old)] + new in lemmas for old, new in rules):
        return True
    # newer feminine forms of titles and agent nouns ("défenseure", "professeures", "autrice")
    for old, new in (("eures", "eur"), ("eure", "eur"), ("rices", "eur"), ("rice", "eur")):
        if key.endswith(old) and key[: len(key) - len(old)] + new in lemmas:
            return True
    return False


_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")


def sentence_languages(text: str, note_lang: str) -> tuple[list[int], list[str]]:
    """(sentence starts, sentence languages) of a note; a sentence of fewer than four words takes the
    note's language (too short to judge)."""
    starts, langs = [], []
    for m in _SENTENCE.finditer(text):
        seg = m.group()
        starts.append(m.start())
        langs.append(detect_language(seg, note_lang) if len(seg.split()) >= 4 else note_lang)
    return starts, langs
