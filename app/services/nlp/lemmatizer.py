"""Lemmas of ideas and keywords (spaCy, English and French), and the words that characterize a cluster.

The theme suggester matches an idea's lemmas against each keyword's lemmas; emerging-theme candidates
are labelled with the lemmas frequent in their ideas and rare elsewhere. The spaCy pipelines are the
anonymizer's own (one load per process, read-only).
"""
from __future__ import annotations

import logging
import math
import re
import threading
from typing import Sequence

from app.services.nlp.embedding import CACHE_SIZE, ProcessWide, fold

log = logging.getLogger(__name__)

_FR_HINTS = frozenset(
    "le la les des du de et une un pour dans sur qui que au aux est sont par avec ne pas plus leur leurs "
    "doit doivent être ces cette son sa ses nous il elle".split()
)
_EN_HINTS = frozenset(
    "the and of to for in a an on with should be is are that this their its by from not more must".split()
)
# Words too common to carry meaning in a keyword (articles, commonest prepositions), after folding.
_GLUE_WORDS = frozenset("a an the of in on to for and or with by at de du des le la les l d un une et ou en "
                        "au aux a pour sur par dans".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


def detect_language(text: str, default: str = "en") -> str:
    """'fr' or 'en' from function words: enough to pick a lemmatizer for a one-sentence idea.

    ``default`` is returned when the words do not tell (a short keyword, a list of acronyms).
    """
    words = [w.lower() for w in _WORD.findall(text)]
    fr = sum(w in _FR_HINTS or w.startswith(("l'", "d'", "qu'")) for w in words)
    en = sum(w in _EN_HINTS for w in words)
    if fr == en:
        return default
    return "fr" if fr > en else "en"


class Lemmatizer:
    """spaCy lemmas (English and French small models, tagger and lemmatizer only)."""

    def __init__(self) -> None:
        import spacy

        from app.services.anonymization import shared_pipelines

        # The anonymizer's own pipelines (one load per process), whose lemmatizer is loaded but
        # disabled: it is run here explicitly, after the tagger, without the parser and NER.
        try:
            self._nlp = shared_pipelines()
        except OSError:
            log.warning("spaCy models not installed; using blank tokenizers")
            self._nlp = {}
        for lang in ("en", "fr"):
            if lang not in self._nlp:
                self._nlp[lang] = spacy.blank(lang)
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, bool, str], list[str]] = {}

    def lemmas(self, text: str, lang: str | None = None, content_only: bool = True) -> list[str]:
        """Lemmas of ``text``, lower-cased and accent-folded.

        ``content_only``: drop stop words (for characteristic words); otherwise only articles and the
        commonest prepositions go, so that keywords like "first plan" or "at least" keep their meaning.
        """
        # The text decides when it clearly reads as one language: a note's language tag does not
        # always hold for each idea (a French idea in an English note, or a default "en").
        lang = detect_language(text, default=lang if lang in self._nlp else "en")
        key = (lang, content_only, text)
        found = self._cache.get(key)
        if found is None:
            found = self._lemmas_in(text, lang, content_only)
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = found
        return list(found)

    def lemmas_any(self, text: str) -> list[set[str]]:
        """Lemma sets of a keyword under each language (keywords carry no language tag)."""
        return [set(self._lemmas_in(text, lang, False)) for lang in self._nlp]

    def _lemmas_in(self, text: str, lang: str, content_only: bool) -> list[str]:
        nlp = self._nlp[lang]
        with self._lock:
            doc = nlp(text, disable=["parser", "ner", "senter"])
            if "lemmatizer" in nlp.disabled:
                doc = nlp.get_pipe("lemmatizer")(doc)
        out = []
        for tok in doc:
            if tok.is_punct or tok.is_space or tok.like_num:
                continue
            lemma = fold(tok.lemma_ or tok.text).strip("'’-")
            if content_only and tok.is_stop or lemma in _GLUE_WORDS:
                continue
            if len(lemma) > 1 or lemma in {"%", "+"}:
                out.append(lemma)
        return out


LEMMATIZER = ProcessWide(Lemmatizer)


def get_lemmatizer() -> Lemmatizer:
    """The process-wide lemmatizer (loaded on first use, a few seconds; read-only, shared by every app)."""
    return LEMMATIZER.get()


def characteristic_words(lemma_lists: Sequence[Sequence[str]], members: Sequence[int], n: int = 6) -> list[str]:
    """Lemmas frequent in ``members`` and rare elsewhere (document frequency ratio, smoothed)."""
    total = len(lemma_lists)
    df: dict[str, int] = {}
    for lemmas in lemma_lists:
        for w in set(lemmas):
            df[w] = df.get(w, 0) + 1
    inside: dict[str, int] = {}
    for i in members:
        for w in set(lemma_lists[i]):
            inside[w] = inside.get(w, 0) + 1
    size = len(members)
    scored = []
    for w, c in inside.items():
        if c < 2 and size > 1:
            continue  # a word of a single idea does not characterize a cluster
        share_in = c / size
        share_out = (df[w] - c + 1) / (total - size + 2)
        scored.append((share_in * math.log(share_in / share_out + 1.0), c, w))
    scored.sort(key=lambda x: (-x[0], -x[1], x[2]))
    return [w for _, _, w in scored[:n]]
