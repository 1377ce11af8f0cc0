"""What the app benchmarks share: a throw-away app instance, the demo capture set-up and latency summaries."""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@contextmanager
def throwaway_app(prefix: str, **config) -> Iterator:
    """An app on a temporary instance folder and SQLite file, removed afterwards."""
    from app import create_app

    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    instance = workdir / "instance"
    try:
        yield create_app({"TESTING": True, "SECRET_KEY": "bench", "INSTANCE_PATH_OVERRIDE": str(instance),
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'bench.sqlite'}", **config})
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def summary(samples: list[float]) -> str:
    """Median and 95th percentile of timings in seconds, printed in milliseconds."""
    ordered = sorted(samples)
    if not ordered:
        return "no samples"
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"median {statistics.median(ordered) * 1000:8.1f} ms   p95 {p95 * 1000:8.1f} ms   (n={len(ordered)})"


def note_bench_args(description: str) -> argparse.Namespace:
    """The options the note benchmarks share: timed repetitions, warm-up, note length, random seed."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def signed_in_rapporteur(app):
    """A test client signed in as the rapporteur that :func:`seed_demo_capture` created."""
    client = app.test_client()
    response = client.post("/auth/login", data={"username": "bench-rapporteur", "password": "correct-horse-battery"})
    assert response.status_code == 302, "bench rapporteur could not sign in"
    return client


def seed_demo_capture(app):
    """Migrate, import the demo conference (with the default codebook), roster and allow-list, and assign a
    rapporteur ("bench-rapporteur") to the first breakout group. Needs an app context.

    Returns the capture URL prefix of that group, the roster and the conference.
    """
    from flask_migrate import upgrade

    from app.cli import DATA_DIR
    from app.extensions import db
    from app.models import Assignment, Role, Session
    from app.services import conference as setup
    from app.services.accounts import create_user

    upgrade()
    data = setup.parse_conference_file((DATA_DIR / "demo_conference.yaml").read_text(encoding="utf-8"))
    if not data.get("themes"):  # the demo file leaves the codebook to app/data/codebook.yaml
        from app.services.review.codebook import load_default_codebook

        data["themes"] = [{"code": t.code, "name": t.name, "description": t.description,
                           "keywords": list(t.keywords), "kind": t.kind} for t in load_default_codebook()]
    conference = setup.import_conference(data)
    roster = setup.parse_roster_csv((DATA_DIR / "demo_roster.csv").read_text(encoding="utf-8"))
    setup.replace_roster(conference, roster, app.config["ENCRYPTION_KEY_PATH"])
    setup.replace_allowlist(conference, setup.parse_allowlist(
        (DATA_DIR / "demo_allowlist.txt").read_text(encoding="utf-8")))
    user = create_user("bench-rapporteur", "correct-horse-battery", Role.RAPPORTEUR)
    group = next(g for g in conference.groups if not g.is_plenary)
    db.session.add(Assignment(user_id=user.id, group_id=group.id))
    db.session.commit()
    session = next(s for s in db.session.query(Session).all() if s.kind.value == "breakout")
    return f"/capture/{session.id}/{group.id}", roster, conference
