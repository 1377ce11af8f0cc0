"""Time each export format for 2,000 approved ideas, with the final anonymization check apart.

    .venv/bin/python benchmarks/export_bench.py [--ideas 2000] [--seed 7]

Builds a throw-away instance (temporary SQLite file, migrated) holding the demo conference,
roster and allow-list from app/data, and approved ideas synthesized from generic sentence parts
(no corpus text), themed and merged into proposals. Prints, per format: the final check's time,
the file building time, the end-to-end `run_export` time (gather + check + build + record) and
the file size.
"""
from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SUBJECTS = ["The new plan", "Every department", "The government", "Each partner department", "Local programs",
            "The next action plan", "The budget", "Every mission", "The national strategy", "Each program"]
VERBS = ["should include", "must fund", "needs to measure", "should report on", "has to protect",
         "should support", "must consult", "should track"]
OBJECTS = ["women's participation in peace talks", "survivors of gender-based violence",
           "grassroots women's organizations", "women serving in peace operations",
           "girls' education in crisis settings", "community mediation networks", "shelters in rural areas",
           "a gender analysis of every budget line", "the share of women in senior positions",
           "climate and security risks for women"]
TAILS = ["every year.", "by the end of the plan.", "with clear targets.", "in every region.",
         "through independent reviews.", "with stable multi-year funding.", "and publish the results.",
         "from the start."]


class Timer:
    """Wall and CPU seconds of a block."""

    def __enter__(self) -> "Timer":
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu

    def __str__(self) -> str:
        return f"{self.wall:.2f}/{self.cpu:.2f} s"


def synthesize(count: int, rng: random.Random) -> list[str]:
    """Distinct generic idea sentences."""
    combos = list(itertools.product(SUBJECTS, VERBS, OBJECTS, TAILS))
    rng.shuffle(combos)
    return [" ".join(parts) for parts in combos[:count]]


def build_database(app, count: int, rng: random.Random):
    """The demo conference with `count` approved ideas, themes and proposals."""
    from flask_migrate import upgrade

    from app.cli import DATA_DIR
    from app.extensions import db
    from app.models import Idea, IdeaStatus, IdeaTheme, Proposal
    from app.services import conference as setup
    from app.services.review.codebook import load_default_codebook

    upgrade()
    data = setup.parse_conference_file((DATA_DIR / "demo_conference.yaml").read_text(encoding="utf-8"))
    data["themes"] = load_default_codebook()
    conference = setup.import_conference(data)
    setup.replace_roster(conference, setup.parse_roster_csv((DATA_DIR / "demo_roster.csv").read_text("utf-8")),
                         app.config["ENCRYPTION_KEY_PATH"])
    setup.replace_allowlist(conference, setup.parse_allowlist((DATA_DIR / "demo_allowlist.txt").read_text("utf-8")))
    sessions = [s for day in conference.days for s in day.sessions]
    groups = [g for g in conference.groups if not g.is_plenary]
    plenary = next(g for g in conference.groups if g.is_plenary)
    themes = list(conference.themes)
    ideas = []
    for position, text in enumerate(synthesize(count, rng)):
        session = rng.choice(sessions)
        group = plenary if session.kind.value == "plenary" else rng.choice(groups)
        idea = Idea(conference_id=conference.id, session_id=session.id, group_id=group.id, text=text, lang="en",
                    status=IdeaStatus.APPROVED, submission_key=f"bench-{position}", position=0)
        db.session.add(idea)
        ideas.append(idea)
    db.session.flush()
    for idea in ideas:
        for rank, theme in enumerate(rng.sample(themes, rng.choice((1, 1, 2)))):
            db.session.add(IdeaTheme(idea_id=idea.id, theme_id=theme.id, rank=rank, confidence=0.8, confirmed=True))
    # About a fifth of the ideas merged into proposals of 2-6 ideas from one session.
    by_session: dict[int, list] = {}
    for idea in ideas:
        by_session.setdefault(idea.session_id, []).append(idea)
    proposals = 0
    for members in by_session.values():
        rng.shuffle(members)
        cursor = 0
        while cursor < len(members) * 0.2:
            size = rng.randint(2, 6)
            proposal = Proposal(conference_id=conference.id, title="", status="accepted")
            db.session.add(proposal)
            db.session.flush()
            for idea in members[cursor:cursor + size]:
                idea.proposal_id = proposal.id
            cursor += size
            proposals += 1
    db.session.commit()
    return conference, proposals


def main(argv=None) -> int:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    from app import create_app
    from app.extensions import db
    from app.services import export as exports
    from app.services.anonymization import AnonymizerSettings, pipelines
    from app.services.export.check.findings import check_export
    from app.services.export.gate.cache import forget_contexts

    workdir = Path(tempfile.mkdtemp(prefix="export-bench-"))
    try:
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "INSTANCE_PATH_OVERRIDE": str(workdir),
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'bench.sqlite'}"})
        with app.app_context():
            rng = random.Random(args.seed)
            started = time.perf_counter()
            conference, proposals = build_database(app, args.ideas, rng)
            print(f"Database: {args.ideas} approved ideas, {proposals} proposals "
                  f"({time.perf_counter() - started:.1f} s to build)")
            settings = AnonymizerSettings.from_config(app.config)
            started = time.perf_counter()
            pipelines(settings)
            print(f"spaCy models loaded once per process: {time.perf_counter() - started:.1f} s (not counted below)")

            filters = exports.ExportFilters()
            with Timer() as gather_time:
                data = exports.gather_export(conference, filters)
            with Timer() as check_time:
                report = check_export(conference, data, settings, use_cache=False)
            print(f"Gather (query): {gather_time}; final check, cold: {check_time} for {report.checked_texts} texts "
                  f"({1000 * check_time.cpu / max(report.checked_texts, 1):.1f} ms CPU/text), "
                  f"{len(report.blocking_items)} blocking, {len(report.warning_items)} with warnings")
            if report.refused:
                print("The check refuses this synthetic set; end-to-end times below are for refusals.")
            print()
            print("Times are wall s / CPU s (CPU is what to compare on a busy machine).")
            print("export = gather + final check + build + record; cold: the check runs the anonymizer on every")
            print("text; warm: unchanged texts reuse the same engine's earlier result.")
            print(f"{'format':<6} {'build':>13} {'export cold':>13} {'(check)':>13} {'export warm':>13} "
                  f"{'(check)':>9} {'size bytes':>12}")
            for name in exports.FORMATS:
                with Timer() as build_time:
                    content = exports.build(data, name)
                forget_contexts()  # cold: the gate's results are computed again (the engine's stay stored)
                with Timer() as cold:
                    outcome = exports.run_export(conference, filters, name, None, settings, via="bench")
                cold_check = outcome.report.seconds
                with Timer() as warm:
                    outcome = exports.run_export(conference, filters, name, None, settings, via="bench")
                size = outcome.record.size if outcome.record is not None else len(content)
                print(f"{name:<6} {build_time!s:>13} {cold!s:>13} {cold_check:>11.2f} s {warm!s:>13} "
                      f"{outcome.report.seconds:>7.2f} s {size:>12,}")
            db.session.remove()
            db.engine.dispose()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
