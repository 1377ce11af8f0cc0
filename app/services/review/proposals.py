"""Same proposal, several groups: near-duplicate ideas across breakout groups.

Two ideas are the same proposal when they ask for the same thing, often in other words or in the other
language. The similarity used here has two parts:

* meaning: cosine of multilingual-e5-small embeddings (English and French in one space), after
  removing the mean of the ideas at hand: every idea of a WPS consultation is "about women, peace and
  security", and that shared direction otherwise makes unrelated ideas look alike;
* theme profile: the cosine of the two ideas' theme-score distributions from the codebook. Ideas that
  share many words but ask for different things (a near-miss) usually differ in theme, which pulls them
  apart; paraphrases with little shared vocabulary usually share themes.

Grouping is average-linkage clustering on that similarity with two generic rules: a proposal holds at
most one idea per group (a group does not raise its own idea twice), and two clusters only join through
at least one pair of mutual nearest neighbours (guards against "hub" ideas that are close to everything).

No Flask, no database: ideas come in as ``(text, group[, lang])`` records, results are indices.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from app.services.nlp.embedding import normalize_rows as _normalize
from app.services.nlp.linkage import average_linkage
from app.services.nlp.themes import ThemeSuggester

PROFILE_WEIGHT = 0.25  # theme agreement counts a quarter as much as meaning
PROFILE_TEMPERATURE = 1.0  # softmax temperature over combined theme z-scores
GROUP_THRESHOLD = 0.45  # mean similarity for two clusters to be one proposal
MUTUAL_K = 3  # clusters join through a pair that is in each other's 3 closest ideas from other groups
# Below this many ideas the ideas' own mean is a poor estimate of "what every idea shares", so it is
# blended with the mean of the codebook's themes (embedded like ideas), as if it were a few ideas.
CENTER_PRIOR = 5


@dataclass(frozen=True)
class IdeaRecord:
    """An idea as the proposal matcher sees it."""

    text: str
    group: str
    lang: str | None = None


def as_record(item: Any) -> IdeaRecord:
    """Accept an IdeaRecord, a ``(text, group[, lang])`` tuple, a dict or an object with those fields."""
    if isinstance(item, IdeaRecord):
        return item
    if isinstance(item, dict):
        return IdeaRecord(str(item["text"]), str(item["group"]), item.get("lang"))
    if isinstance(item, (tuple, list)):
        return IdeaRecord(str(item[0]), str(item[1]), item[2] if len(item) > 2 else None)
    return IdeaRecord(str(item.text), str(item.group), getattr(item, "lang", None))


class ProposalMatcher:
    """Finds the same proposal raised by different groups. Build once; reuse for every request."""

    def __init__(self, suggester: ThemeSuggester | None = None, threshold: float = GROUP_THRESHOLD,
                 mutual_k: int = MUTUAL_K, profile_weight: float = PROFILE_WEIGHT) -> None:
        if suggester is None:
            from app.services.nlp.themes import get_default_suggester

            suggester = get_default_suggester()
        self.suggester = suggester
        self.embedder = suggester.embedder
        self.threshold = threshold
        self.mutual_k = mutual_k
        self.profile_weight = profile_weight
        # The codebook's themes, embedded like ideas, stand for "what every idea shares" when there
        # are too few ideas to estimate it.
        self._prior_center = suggester.query_center
        self._cache: dict[tuple[str, str | None], tuple[np.ndarray, np.ndarray]] = {}

    def _features(self, records: Sequence[IdeaRecord]) -> tuple[np.ndarray, np.ndarray]:
        """Embedding and theme profile of each idea (cached by text, so repeated calls are cheap)."""
        missing = [r for r in dict.fromkeys((r.text, r.lang) for r in records) if r not in self._cache]
        if missing:
            texts = [t for t, _ in missing]
            vecs = self.embedder.queries(texts)
            scores = self.suggester.scores(texts, [lang for _, lang in missing], vectors=vecs)
            z = scores / PROFILE_TEMPERATURE
            prof = np.exp(z - z.max(axis=1, keepdims=True))
            prof = _normalize(prof / prof.sum(axis=1, keepdims=True))
            if len(self._cache) > 50_000:
                self._cache.clear()
            for key, v, p in zip(missing, vecs, prof):
                self._cache[key] = (v, p)
        vecs = np.vstack([self._cache[(r.text, r.lang)][0] for r in records])
        prof = np.vstack([self._cache[(r.text, r.lang)][1] for r in records])
        return vecs, prof

    def similarity(self, ideas: Sequence[Any]) -> np.ndarray:
        """Pairwise same-proposal similarity of ``ideas`` (symmetric matrix, diagonal included)."""
        records = [as_record(x) for x in ideas]
        if not records:
            return np.zeros((0, 0), dtype=np.float32)
        vecs, prof = self._features(records)
        n = len(records)
        center = (vecs.sum(axis=0) + CENTER_PRIOR * self._prior_center) / (n + CENTER_PRIOR)
        centered = _normalize(vecs - center)
        return centered @ centered.T + self.profile_weight * (prof @ prof.T)

    def most_similar(self, ideas: Sequence[Any], i: int, k: int = 5, sim: np.ndarray | None = None) -> list[int]:
        """Indices of the ``k`` ideas from other groups most likely to be the same proposal as idea ``i``."""
        return [j for j, _ in self.most_similar_scored(ideas, i, k, sim)]

    def most_similar_scored(self, ideas: Sequence[Any], i: int, k: int = 5,
                            sim: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Like ``most_similar``, with each neighbour's similarity: ``[(index, similarity), ...]``."""
        records = [as_record(x) for x in ideas]
        sim = self.similarity(records) if sim is None else sim
        group = records[i].group
        order = np.argsort(-sim[i], kind="stable")
        out = []
        for j in order:
            if j != i and records[j].group != group:
                out.append((int(j), float(sim[i, j])))
                if len(out) == k:
                    break
        return out

    def group_proposals(self, ideas: Sequence[Any], sim: np.ndarray | None = None) -> list[list[int]]:
        """Automatic same-proposal groups: lists of idea indices (2+ ideas, distinct groups), largest first."""
        records = [as_record(x) for x in ideas]
        n = len(records)
        if n < 2:
            return []
        sim = self.similarity(records) if sim is None else sim
        groups = np.array([r.group for r in records], dtype=object)
        other = groups[:, None] != groups[None, :]
        masked = np.where(other, sim, -np.inf)
        np.fill_diagonal(masked, -np.inf)
        # Rank of j among i's candidates from other groups (0 = closest).
        order = np.argsort(-masked, axis=1, kind="stable")
        rank = np.empty((n, n), dtype=np.int32)
        rank[np.arange(n)[:, None], order] = np.arange(n)[None, :]
        near = (rank < self.mutual_k) & other
        allowed = near & near.T
        clusters = average_linkage(sim, self.threshold, cannot_link=list(groups), allowed=allowed)
        clusters = [c for c in clusters if len(c) > 1]
        clusters.sort(key=lambda c: (-len(c), c))
        return clusters


_default_matcher: ProposalMatcher | None = None


def get_default_matcher() -> ProposalMatcher:
    """A matcher on the demo codebook, built on first use."""
    global _default_matcher
    if _default_matcher is None:
        _default_matcher = ProposalMatcher()
    return _default_matcher


def most_similar(ideas: Sequence[Any], i: int, k: int = 5, matcher: ProposalMatcher | None = None) -> list[int]:
    """Indices of the ``k`` ideas of other groups most likely to be the same proposal as ``ideas[i]``."""
    return (matcher or get_default_matcher()).most_similar(ideas, i, k)


def group_proposals(ideas: Sequence[Any], matcher: ProposalMatcher | None = None) -> list[list[int]]:
    """Automatic same-proposal groups over ``ideas`` (``(text, group[, lang])`` records)."""
    return (matcher or get_default_matcher()).group_proposals(ideas)
