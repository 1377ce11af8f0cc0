"""Evaluation of theme suggestions and same-proposal detection against a gold file.

Gold files use the format of ``shared/corpus/dev/ideas.txt``: one idea a line,
``<group> | <code>[,<code>] | <cluster id or -> | <text>``. The system sees only texts, groups and the
codebook; the gold themes and clusters are used for scoring alone.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

METRIC_NAMES = ("theme_top1", "theme_recall3", "dup_recall5", "dup_precision", "dup_recall", "dup_f1")


@dataclass(frozen=True)
class GoldIdea:
    """One line of a gold file."""

    group: str
    themes: tuple[str, ...]
    cluster: str | None
    text: str


def parse_gold(text: str) -> list[GoldIdea]:
    """Parse gold ideas; blank lines and lines starting with ``#`` are skipped."""
    ideas = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|", 3)]
        if len(parts) != 4:
            raise ValueError(f"line {number}: expected 'group | themes | cluster | text'")
        group, themes, cluster, idea = parts
        codes = tuple(c.strip() for c in themes.split(",") if c.strip())
        ideas.append(GoldIdea(group, codes, None if cluster in ("", "-") else cluster, idea))
    return ideas


def load_gold(path: str | Path) -> list[GoldIdea]:
    """Read and parse a gold file."""
    return parse_gold(Path(path).read_text(encoding="utf-8"))


def theme_metrics(gold: Sequence[Sequence[str]], ranked: Sequence[Sequence[str]]) -> dict[str, float]:
    """theme_top1: share whose first suggestion is a gold theme; theme_recall3: share whose gold themes
    are all among the first three suggestions. ``ranked`` holds codes, best first."""
    scored = [(set(g), list(r)) for g, r in zip(gold, ranked) if g]
    if not scored:
        return {"theme_top1": 0.0, "theme_recall3": 0.0}
    top1 = sum(1 for g, r in scored if r and r[0] in g) / len(scored)
    recall3 = sum(1 for g, r in scored if g <= set(r[:3])) / len(scored)
    return {"theme_top1": top1, "theme_recall3": recall3}


def dup_recall_at_k(clusters: Sequence[str | None], neighbours: Sequence[Sequence[int]], k: int = 5) -> float:
    """Mean over ideas in a gold cluster (with a partner) of the share of its partners, at most ``k``,
    found among its ``k`` proposed neighbours (ideas from other groups)."""
    values = []
    for i, cluster in enumerate(clusters):
        if cluster is None:
            continue
        partners = {j for j, c in enumerate(clusters) if j != i and c == cluster}
        if not partners:
            continue
        found = len(partners & set(list(neighbours[i])[:k]))
        values.append(found / min(k, len(partners)))
    return sum(values) / len(values) if values else 0.0


def pairwise_scores(clusters: Sequence[str | None], predicted: Sequence[Sequence[int]]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of predicted groups (index lists) against gold cluster ids."""
    gold_pairs = {
        (i, j)
        for i, j in itertools.combinations(range(len(clusters)), 2)
        if clusters[i] is not None and clusters[i] == clusters[j]
    }
    pred_pairs = set()
    for group in predicted:
        for i, j in itertools.combinations(sorted(set(group)), 2):
            pred_pairs.add((i, j))
    hits = len(gold_pairs & pred_pairs)
    precision = hits / len(pred_pairs) if pred_pairs else 0.0
    recall = hits / len(gold_pairs) if gold_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"dup_precision": precision, "dup_recall": recall, "dup_f1": f1}


def format_last_line(metrics: dict[str, float]) -> str:
    """``theme_top1 X theme_recall3 X dup_recall5 X dup_precision X dup_recall X dup_f1 X``."""
    return " ".join(f"{name} {metrics[name]:.3f}" for name in METRIC_NAMES)


def evaluate(gold: Sequence[GoldIdea], suggester, matcher) -> dict[str, float]:
    """All figures for ``gold`` with a ThemeSuggester and a ProposalMatcher built from the codebook only."""
    texts = [g.text for g in gold]
    records = [(g.text, g.group) for g in gold]
    vectors = suggester.embedder.queries(texts)
    ranked = [[code for code, _ in row] for row in suggester.suggest_many(texts, k=3, vectors=vectors)]
    metrics = theme_metrics([g.themes for g in gold], ranked)
    sim = matcher.similarity(records)
    neighbours = [matcher.most_similar(records, i, k=5, sim=sim) for i in range(len(gold))]
    clusters = [g.cluster for g in gold]
    metrics["dup_recall5"] = dup_recall_at_k(clusters, neighbours, k=5)
    metrics.update(pairwise_scores(clusters, matcher.group_proposals(records, sim=sim)))
    return metrics
