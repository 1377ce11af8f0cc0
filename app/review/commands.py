"""CLI commands of the review area.

``flask evaluate-themes PATH [--codebook FILE]`` scores theme suggestions and same-proposal detection
on a gold ideas file. It needs no application context and no database (it must work on a fresh
checkout), so it is a plain click command that ``create_app`` registers with
``app.cli.add_command(evaluate_themes_command)``.
"""
from __future__ import annotations

import time
from collections import Counter

import click


@click.command("evaluate-themes")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--codebook", "codebook_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Codebook file (.yaml or .json); default: the demo codebook.")
def evaluate_themes_command(path: str, codebook_path: str | None) -> None:
    """Score theme suggestions and same-proposal groups on a gold file (group | themes | cluster | text).

    Only the codebook and the ideas' texts and groups are used; gold labels are used for scoring.
    The last line is: theme_top1 X theme_recall3 X dup_recall5 X dup_precision X dup_recall X dup_f1 X
    """
    # Imported here so that `flask --help` stays fast and does not load the models.
    from app.services.review.codebook import load_codebook, load_default_codebook
    from app.services.review.proposals import ProposalMatcher
    from app.services.nlp.evaluation import evaluate, format_last_line, load_gold
    from app.services.nlp.themes import ThemeSuggester

    gold = load_gold(path)
    codebook = load_codebook(codebook_path) if codebook_path else load_default_codebook()
    started = time.perf_counter()
    suggester = ThemeSuggester(codebook)
    matcher = ProposalMatcher(suggester)
    loaded = time.perf_counter()
    metrics = evaluate(gold, suggester, matcher)
    done = time.perf_counter()

    groups = Counter(g.group for g in gold)
    clusters = Counter(g.cluster for g in gold if g.cluster)
    click.echo(f"ideas: {len(gold)} from {len(groups)} groups; gold clusters: {len(clusters)} "
               f"({sum(clusters.values())} ideas); codebook: {len(codebook)} themes "
               f"({codebook_path or 'demo'})")
    click.echo(f"model: {suggester.embedder.name}; load {loaded - started:.1f} s, "
               f"evaluation {done - loaded:.1f} s")
    click.echo(f"themes: top-1 {metrics['theme_top1']:.3f}, all gold themes in top 3 "
               f"{metrics['theme_recall3']:.3f}")
    click.echo(f"same proposal: partners in top 5 {metrics['dup_recall5']:.3f}; groups pairwise "
               f"P {metrics['dup_precision']:.3f} R {metrics['dup_recall']:.3f} F1 {metrics['dup_f1']:.3f}")
    click.echo(format_last_line(metrics))
