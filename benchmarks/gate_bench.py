"""Time the export's final check for 2,000 approved ideas: the gate cold, and the whole check after approval.

    .venv/bin/python benchmarks/gate_bench.py [--ideas 2000] [--seed 7]

Builds a throw-away instance (temporary SQLite file, migrated) with the demo conference, roster,
allow-list and codebook from app/data and approved ideas synthesized from generic sentence parts
(benchmarks/export_bench.py; no corpus text). Prints:

1. the final gate alone over every export text, cold: its dictionaries loaded in the timed
   block and no cached result;
2. the check at approval time, per idea (gate + the anonymizer engine, results stored);
3. the export's whole final check (gate + stored engine results) with every in-memory cache
   emptied first: the figure the issue's budget (<= 5 s for 2,000 ideas) is about.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _empty_caches() -> None:
    """Forget gate contexts, cached results and the loaded dictionaries (a fresh worker)."""
    from app.services.export.gate import cache, lexicon

    cache.forget_contexts()
    lexicon.forget_lexicons()


def main(argv=None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    from bench_support import throwaway_app
    from export_bench import build_database

    from app.extensions import db
    from app.models import Idea
    from app.services import export as exports
    from app.services.anonymization import AnonymizerSettings, pipelines
    from app.services.export.check.findings import _texts_of, check_export, gate_findings
    from app.services.export.check.precheck import precheck_ideas

    with throwaway_app("gate-bench-") as app, app.app_context():
        os.makedirs(app.instance_path, exist_ok=True)
        conference, _ = build_database(app, args.ideas, random.Random(args.seed))
        settings = AnonymizerSettings.from_config(app.config)
        data = exports.gather_export(conference, exports.ExportFilters())
        pairs = [(t.text, t.lang) for t in _texts_of(data)]
        print(f"{len(data.ideas)} approved ideas, {len(pairs)} export texts")

        _empty_caches()
        started, cpu = time.perf_counter(), time.process_time()
        gated = gate_findings(conference, settings, pairs, False, None)
        print(f"1. gate alone, cold (dictionaries loaded, no cached result): {time.perf_counter() - started:.2f} s "
              f"({time.process_time() - cpu:.2f} s CPU), "
              f"{sum(1 for g in gated if g)} texts with findings")

        pipelines(settings)  # a worker loads the models once at start; not counted
        ideas = list(db.session.scalars(db.select(Idea).where(Idea.conference_id == conference.id)))
        started = time.perf_counter()
        for start in range(0, len(ideas), 50):  # approvals arrive a few at a time
            precheck_ideas(conference, ideas[start:start + 50], settings)
        spent = time.perf_counter() - started
        print(f"2. checked at approval: {1000 * spent / max(len(ideas), 1):.1f} ms per idea ({spent:.1f} s in all)")

        _empty_caches()
        started, cpu = time.perf_counter(), time.process_time()
        if os.environ.get("GATE_BENCH_PROFILE"):
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            report = profiler.runcall(check_export, conference, data, settings)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        else:
            report = check_export(conference, data, settings)
        total, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"3. export final check, in-memory caches empty, engine results stored at approval: {total:.2f} s "
              f"for {report.checked_texts} texts ({len(report.blocking_items)} blocking, "
              f"{len(report.warning_items)} with warnings; {cpu:.2f} s CPU) -> budget 5 s: {'met' if total <= 5 else 'MISSED'}")
        db.session.remove()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
