"""Speed of clean-idea extraction on top of the anonymizer preview, per 300-word note.

    python benchmarks/ideas_bench.py [--notes 6] [--repeat 3]

Prints milliseconds per 300-word note (median) for:
- the preview alone (``AnonymizerEngine.anonymize`` on the raw note);
- extraction that parses the anonymized text again (``IdeaExtractor.extract``), and the preview with it;
- extraction that re-uses the Doc the anonymizer parsed from the raw note (``project_parse`` +
  ``ideas_from_parse``), and the preview with it. The Doc is parsed once outside the timing, as the
  engine does it for the preview.
Notes are built from invented sentences (names and organizations made up for this script).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from anonymizer import AnonymizerEngine, load_pipelines  # noqa: E402
from anonymizer.ideas import IdeaExtractor, ideas_from_parse, project_parse  # noqa: E402
from anonymizer.text import clean_controls  # noqa: E402

SENTENCES = [
    "Dr. Mirela Castellanos from the Tidewater Coalition said the department should publish annual reports on "
    "program spending, broken down by gender.",
    "Joaquim Brandvold agreed; he said the ministry already tracks this internally.",
    "Henrietta Oyelaran proposed an independent ombudsperson for partner organizations.",
    "According to Tobias Wennerholm, fewer than a third of the mediators deployed last year were women.",
    "- Priya Ramaswarup: the funding cycle is too short for grassroots groups to plan ahead",
    "Action: Colette Marchessault to circulate the draft indicators by Friday.",
    "Ingrid Fallowmere asked whether the new fund would cover travel costs for community representatives.",
    "Send the updated table to colette.m@tidewater.example.org before Thursday.",
    "Others concurred.",
    "Baptiste Ngata-Rowe warned that the indicators could become a box-ticking exercise without core funding.",
    "The group agreed that the civil society advisory group should meet quarterly and publish its minutes.",
    "Marguerite Aldana stressed that survivors must be consulted before any new protocol is adopted.",
]


def notes(n: int, words: int = 300) -> list[str]:
    """*n* raw notes of about *words* words, sentences shuffled with a fixed seed."""
    rng = random.Random(7)
    out = []
    for _ in range(n):
        pieces, count = [], 0
        while count < words:
            s = rng.choice(SENTENCES)
            pieces.append(s)
            count += len(s.split())
        out.append("\n".join(pieces))
    return out


def timed(fn, repeat: int) -> float:
    """Median milliseconds of *repeat* calls of *fn*."""
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)


def main() -> None:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", type=int, default=6)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pipes = load_pipelines()
    engine, extractor = AnonymizerEngine(pipes), IdeaExtractor(pipes)
    rows = {"preview": [], "extract_reparse": [], "extract_reuse": []}
    for raw in notes(args.notes):
        per300 = 300 / len(raw.split())
        result = engine.anonymize(raw, "en")
        raw_doc = pipes["en"](clean_controls(raw))  # the parse the preview already made
        extractor.extract(result.text, "en")  # warm-up
        rows["preview"].append(timed(lambda: engine.anonymize(raw, "en"), args.repeat) * per300)
        rows["extract_reparse"].append(timed(lambda: extractor.extract(result.text, "en"), args.repeat) * per300)
        rows["extract_reuse"].append(timed(lambda: ideas_from_parse(
            project_parse(raw_doc, result.text, result.redactions), "en"), args.repeat) * per300)
    med = {k: statistics.median(v) for k, v in rows.items()}
    print(f"notes {args.notes} x {args.repeat} runs, ms per 300-word note (median)")
    print(f"preview without extraction                {med['preview']:7.1f}")
    print(f"preview + extraction, parse re-used       {med['preview'] + med['extract_reuse']:7.1f}"
          f"   (extraction adds {med['extract_reuse']:.1f})")
    print(f"preview + extraction, anonymized re-parsed {med['preview'] + med['extract_reparse']:6.1f}"
          f"   (extraction adds {med['extract_reparse']:.1f})")


if __name__ == "__main__":
    main()
