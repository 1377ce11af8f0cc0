"""Average-linkage clustering on a similarity matrix (emerging themes, same-proposal groups).

Plain numpy, no model: the callers pass the similarities (centered embeddings) and the rules (one idea
per group, mutual nearest neighbours).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np


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
    """Connected components of a boolean adjacency matrix, as sorted index lists."""
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
    """Merge the best pair of clusters of one component until no pair reaches ``threshold``."""
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
