"""Dictionaries for the final export gate: is a word ordinary vocabulary of a language?

The gate (app.services.export.gate.final) flags every word that is not ordinary vocabulary as a
possible name, so it needs word lists that do not come from the anonymizer's own lexicons.
Sources, all installed packages read offline:

- English: the ``web2`` list of the ``english-words`` package (Webster's Second International,
  public domain; package MIT), lower-case entries only (its capitalised entries are proper nouns);
- English and French: the lemmatizer lookup tables shipped inside the configured spaCy models
  (``lemma_index``, ``lemma_exc`` and ``lemma_rules``, from spaCy's ``spacy-lookups-data``, MIT,
  as stated in each model's LICENSES_SOURCES). The tables give inflected forms and the suffix
  rules that take a form back to its lemma; only the files are read, no pipeline is loaded.

A word is known when it, or a form reached by one suffix rule, a British/Canadian spelling rule
or a common prefix, is in the list. Everything is loaded once per process: the dictionaries are a pure function of installed files,
read-only once built, so they are shared like spaCy's pipelines; what depends on a conference
(app.services.export.gate.final's contexts) lives in each app's service container.
"""
from __future__ import annotations

import functools
import glob
import os
from typing import Iterable, Optional

# Suffix rules the lookup tables do not cover: doubled consonants, -ly adverbs, British spellings.
_EXTRA_RULES = {
    "en": [("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("s", ""), ("es", ""),
           ("ies", "y"), ("ied", "y"), ("ly", ""), ("ily", "y"), ("ally", "al"), ("ness", ""), ("ment", ""),
           ("ments", ""), ("er", ""), ("ers", ""), ("ism", ""), ("ist", ""), ("ists", ""), ("ity", ""),
           ("our", "or"), ("ours", "ors"), ("isation", "ization"), ("isations", "izations"), ("ise", "ize"),
           ("ised", "ized"), ("ises", "izes"), ("ising", "izing"), ("tre", "ter"), ("tres", "ters"),
           ("ence", "ense"), ("ogue", "og"), ("lled", "led"), ("lling", "ling"), ("yse", "yze"),
           ("ysed", "yzed"), ("ysing", "yzing"), ("'s", ""), ("s'", "")],
    "fr": [("s", ""), ("x", ""), ("e", ""), ("es", ""), ("ment", "")],
}
_PREFIXES = ("anti", "co", "counter", "cross", "de", "dis", "inter", "intra", "micro", "mis", "multi", "non",
             "over", "post", "pre", "re", "self", "sub", "super", "trans", "un", "under", "auto", "contre",
             "extra", "hyper", "infra", "mini", "mono", "pluri", "semi", "sous", "sur", "ultra", "bi", "tri")
# Honorifics and short forms that stand next to names but are not names themselves.
_TITLES = {"mr", "mrs", "ms", "dr", "mx", "prof", "hon", "rev", "sr", "jr", "st", "mme", "mlle", "mm", "me", "pr",
           "etc", "eg", "ie", "vs", "cf", "nb", "ok", "okay", "email", "e-mail", "online", "website", "internet",
           "covid", "lgbtq", "lgbtqi", "lgbtqia", "2slgbtqi", "plenary", "co-chair", "rapporteur", "breakout",
           # compounds of the field that the word lists lack
           "peacebuilding", "peacebuilder", "peacekeeping", "peacekeeper", "peacemaking", "peacemaker",
           "ceasefire", "gbv", "sgbv", "crsv", "ngo", "ngos", "csos", "cso", "ongs", "ong"}


def _lookups_path(model_name: str) -> Optional[str]:
    """The lemmatizer lookups folder inside an installed spaCy model package (or a known alias), if any."""
    import importlib.util

    from anonymizer import pipeline

    # The same package aliases the anonymizer's loader accepts (a registry's renamed build).
    for name in [model_name, *getattr(pipeline, "_ALIASES", {}).get(model_name, [])]:
        try:  # find the package without loading it (the gate never runs a pipeline)
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None or not spec.submodule_search_locations:
            continue
        root = list(spec.submodule_search_locations)[0]
        found = glob.glob(os.path.join(root, "*", "lemmatizer", "lookups")) or glob.glob(
            os.path.join(root, "lemmatizer", "lookups"))
        if found:
            return found[0]
    return None


def _lookup_words(model_name: str) -> tuple[set[str], list[tuple[str, str]]]:
    """Words (lemmas and irregular forms) and suffix rules from a model's lemmatizer tables.

    The tables file is read with srsly's msgpack directly: spaCy's Lookups would also build
    the large lemma_lookup table, which the gate does not need, at twice the cost.
    """
    path = _lookups_path(model_name)
    if path is None or not os.path.exists(os.path.join(path, "lookups.bin")):
        return set(), []
    import srsly

    with open(os.path.join(path, "lookups.bin"), "rb") as handle:
        tables = srsly.msgpack_loads(handle.read())
    words: set[str] = set()
    rules: list[tuple[str, str]] = []
    for entries in (tables.get("lemma_index") or {}).values():
        words.update(entries)
    for table in (tables.get("lemma_exc") or {}).values():
        if isinstance(table, dict):
            words.update(table.keys())
            for lemmas in table.values():
                words.update(lemmas)
    for pairs in (tables.get("lemma_rules") or {}).values():
        rules.extend((old, new) for old, new in pairs if old and old.isalpha())
    return ({w.lower() for w in words if isinstance(w, str) and w and "_" not in w},
            sorted(set(rules), key=lambda r: -len(r[0])))


def _stop_words(lang: str) -> set[str]:
    """spaCy's stop words (MIT): pronouns, articles, prepositions the lemma tables leave out."""
    try:
        if lang == "fr":
            from spacy.lang.fr.stop_words import STOP_WORDS
        else:
            from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:  # pragma: no cover - spaCy is a hard dependency
        return set()
    return {w.lower() for w in STOP_WORDS}


def _web2_words() -> set[str]:
    try:
        from english_words import get_english_words_set

        return {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    except Exception:  # noqa: BLE001 - the spaCy tables still give a (smaller) dictionary
        return set()


class Lexicon:
    """The ordinary words of one language, with rules to read inflected and variant forms."""

    def __init__(self, lang: str, words: Iterable[str], rules: Iterable[tuple[str, str]]):  # noqa: D107
        self.lang = lang
        self.words = frozenset(words) | frozenset(_TITLES) | frozenset(_PREFIXES)
        self.rules = list(dict.fromkeys(list(rules) + _EXTRA_RULES.get(lang, [])))
        self._cache: dict[str, bool] = {}

    def _plain(self, word: str) -> bool:
        if word in self.words:
            return True
        for old, new in self.rules:
            if len(word) > len(old) + 1 and word.endswith(old):
                stem = word[: len(word) - len(old)] + new
                if stem in self.words:
                    return True
                # a doubled final consonant before -ed / -ing ("planned", "funding" is plain)
                if old in ("ed", "ing", "er") and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in self.words:
                    return True
        return False

    def knows(self, word: str) -> bool:
        """True when word (any case) is ordinary vocabulary of this language."""
        key = word.lower().replace("\u2019", "'")
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        known = self._known(key)
        if len(self._cache) < 200_000:
            self._cache[key] = known
        return known

    def _known(self, key: str) -> bool:
        if self._plain(key):
            return True
        if "-" in key:
            parts = [p for p in key.split("-") if p]
            return bool(parts) and all(self._plain(p) or p in _PREFIXES for p in parts)
        if key.endswith("'s") or key.endswith("'"):
            return self._plain(key.rstrip("'s").rstrip("'"))
        for prefix in _PREFIXES:
            rest = key[len(prefix):]
            if key.startswith(prefix) and len(rest) >= 4 and self._plain(rest):
                return True
        return False


def lexicon(lang: str, en_model: str, fr_model: str) -> Lexicon:
    """The dictionary for lang ("en" or "fr"; anything else reads as English), loaded once per process."""
    lang = "fr" if (lang or "").lower().startswith("fr") else "en"
    return _load(lang, fr_model if lang == "fr" else en_model)


@functools.lru_cache(maxsize=8)
def _load(lang: str, model: str) -> Lexicon:
    """A pure function of installed files (like a spaCy pipeline, shared read-only by every app)."""
    words, rules = _lookup_words(model)
    if lang == "en":
        words |= _web2_words()
    words |= _stop_words(lang)
    return Lexicon(lang, words, rules)


def forget_lexicons() -> None:
    """Drop the loaded dictionaries (a benchmark measuring a cold start)."""
    _load.cache_clear()
    is_common_word.cache_clear()


@functools.lru_cache(maxsize=4096)
def is_common_word(word: str, en_model: str, fr_model: str) -> bool:
    """True when word is ordinary vocabulary in English or French (used for roster name parts)."""
    return lexicon("en", en_model, fr_model).knows(word) or lexicon("fr", en_model, fr_model).knows(word)
