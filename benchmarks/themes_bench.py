"""Benchmark: theme suggestions and same-proposal grouping for 2,000 ideas.

    python benchmarks/themes_bench.py [--ideas 2000] [--groups 8] [--latency-sample 200] [--seed 7]

Ideas are synthesized by recombining generic sentence parts (actor, action, object, qualifier), with
light perturbations (typos, dropped words, French variants), so they resemble consultation ideas without
copying any corpus. Prints model load time, the median and 95th percentile latency of suggestions for
one new idea (what a co-chair waits for), batch suggestion throughput, and the total grouping time.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ACTORS = ["Canada", "The government", "Every partner department", "The new plan", "Federal agencies",
          "Our delegation", "The defence department", "Police services", "Embassies abroad", "Ministers"]
ACTIONS = ["should fund", "must report on", "should set goals for", "needs to support", "should train staff on",
           "must measure", "should consult communities about", "ought to prioritize", "should review",
           "has to invest in"]
OBJECTS = ["women's organizations in fragile states", "women mediators and negotiators",
           "survivors of sexual violence", "reproductive health in emergencies", "gender-based analysis",
           "climate-related insecurity for women", "online abuse of women activists", "early warning of conflict",
           "women in uniformed services", "Indigenous women's safety at home", "data broken down by sex",
           "annual progress to legislators", "lessons from the previous plan", "other countries' action plans",
           "costing of each commitment", "disarmament and small arms", "refugee and displaced women",
           "livelihoods after war", "accountability for abuse by peacekeepers", "civil society oversight"]
QUALIFIERS = ["over several years", "with a dedicated budget", "starting next year", "in every region",
              "with clear milestones", "in partnership with civil society", "before any deployment",
              "and publish the results", "with attention to youth and disability", "at home and abroad", ""]
FRENCH = ["Le Canada doit financer les organisations de femmes", "Il faut mesurer les progrès chaque année",
          "Former le personnel déployé à la prévention des violences sexuelles",
          "Inclure les femmes dans les négociations de paix", "Prévoir un budget pour chaque engagement",
          "Protéger les défenseures des droits de la personne en ligne"]


def perturb(text: str, rng: random.Random) -> str:
    """A rapporteur's haste: a dropped word or a swapped pair of letters, now and then."""
    words = text.split()
    if len(words) > 6 and rng.random() < 0.2:
        del words[rng.randrange(1, len(words) - 1)]
    if rng.random() < 0.15:
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4:
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def synthesize(n: int, groups: int, seed: int) -> list[tuple[str, str]]:
    """``n`` (text, group) ideas; some proposals recur across groups in other words, as in a real session."""
    rng = random.Random(seed)
    ideas = []
    for k in range(n):
        group = f"G{k % groups + 1}"
        if rng.random() < 0.08:
            text = f"{rng.choice(FRENCH)} {rng.choice(['dès maintenant', 'sur plusieurs années', 'partout', ''])}"
        else:
            text = f"{rng.choice(ACTORS)} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)}"
        ideas.append((perturb(text.strip() + ".", rng), group))
    return ideas


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ideas", type=int, default=2000)
    parser.add_argument("--groups", type=int, default=8)
    parser.add_argument("--latency-sample", type=int, default=200,
                        help="how many ideas are timed one by one (the rest are timed as a batch)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from app.services.review.codebook import load_default_codebook
    from app.services.review.proposals import ProposalMatcher
    from app.services.nlp.themes import ThemeSuggester

    ideas = synthesize(args.ideas, args.groups, args.seed)
    texts = [t for t, _ in ideas]
    print(f"{len(ideas)} synthetic ideas from {args.groups} groups, {len(set(texts))} distinct texts")

    started = time.perf_counter()
    suggester = ThemeSuggester(load_default_codebook())
    matcher = ProposalMatcher(suggester)
    print(f"load models and codebook: {time.perf_counter() - started:.2f} s ({suggester.embedder.name})")

    # One new idea at a time, as they arrive: embedding + lemmas + scoring, nothing cached.
    latencies = []
    for text in texts[: args.latency_sample]:
        t0 = time.perf_counter()
        suggester.suggest(text, k=3)
        latencies.append(time.perf_counter() - t0)
    print(f"suggestions for one new idea (n={len(latencies)}): median {statistics.median(latencies) * 1000:.0f} ms, "
          f"p95 {percentile(latencies, 95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")

    rest = texts[args.latency_sample:]
    t0 = time.perf_counter()
    suggester.suggest_many(rest, k=3)
    batch = time.perf_counter() - t0
    print(f"suggestions in one batch for {len(rest)} ideas: {batch:.1f} s "
          f"({batch / max(1, len(rest)) * 1000:.0f} ms an idea)")

    # Grouping all ideas (every vector is cached by now, as in the app where ideas are embedded on arrival).
    t0 = time.perf_counter()
    groups = matcher.group_proposals(ideas)
    grouping = time.perf_counter() - t0
    sizes = sorted((len(g) for g in groups), reverse=True)
    print(f"same-proposal grouping of {len(ideas)} ideas: {grouping:.2f} s; {len(groups)} proposals, "
          f"largest {sizes[:5]}")

    # Most similar for one idea against all others (the review page's "same proposal?" panel).
    sample = list(range(0, len(ideas), max(1, len(ideas) // 20)))
    timings = []
    for i in sample:
        t0 = time.perf_counter()
        matcher.most_similar(ideas, i, k=5)
        timings.append(time.perf_counter() - t0)
    print(f"most similar 5 among {len(ideas)} (n={len(sample)}): median {statistics.median(timings) * 1000:.0f} ms, "
          f"p95 {percentile(timings, 95) * 1000:.0f} ms")

    t0 = time.perf_counter()
    candidates = suggester.emerging_candidates(texts)
    print(f"emerging candidates over {len(texts)} ideas: {time.perf_counter() - t0:.2f} s, {len(candidates)} found")


if __name__ == "__main__":
    main()
