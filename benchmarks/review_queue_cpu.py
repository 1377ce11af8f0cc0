"""CPU time of the review queue page with many ideas, without the theme model (fast to set up).

    .venv/bin/python benchmarks/review_queue_cpu.py [--root TREE] [--ideas 2000] [--repeat 40] [--lang en]

Stores synthesized ideas (generic sentence parts, no corpus text) in a throw-away SQLite instance of the
app found in TREE (default: this checkout), gives each three theme suggestions and a quarter of them a
confirmed theme, then times GET /review/queue (the 100 newest waiting ideas) signed in as a co-chair:
median and spread of the process CPU time per request, which two busy cores disturb less than wall time.
``--root`` lets the same script time an older checkout (e.g. ``git archive COMMIT | tar -x -C DIR``).
"""
from __future__ import annotations

import argparse
import itertools
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ACTORS = ["The next plan", "Each department", "The government", "Local programs", "Funding programs"]
ACTIONS = ["should fund", "must measure", "should report on", "should support", "must publish data on"]
TOPICS = ["women's participation in peace talks", "shelters in rural areas", "community mediation networks",
          "girls' schooling in crises", "refugee women's health", "early warning of violence"]
TAILS = ["every year.", "with clear targets.", "in every region.", "through independent reviews."]


def build(app, count: int, rng: random.Random) -> None:
    """The conference, a co-chair, and `count` ideas with suggestions (some confirmed)."""
    from flask_migrate import upgrade

    from app.extensions import db
    from app.models import Idea, IdeaTheme, Role, Session
    from app.services import conference as setup
    from app.services.accounts import create_user

    upgrade()
    groups = [f"Group {letter}" for letter in "ABCDEFGH"]
    conference = setup.import_conference({
        "name": "Benchmark", "groups": groups,
        "days": [{"number": 1, "sessions": [{"title": "Opening", "kind": "plenary"},
                                            {"title": "Priorities", "kind": "breakout"}]}],
        "themes": [{"code": f"T{n:02d}", "name": f"Theme number {n}", "keywords": "funding"} for n in range(13)],
    })
    create_user("bench-cochair", "correct-horse-battery", Role.COCHAIR)
    db.session.commit()
    session = db.session.query(Session).filter_by(title="Priorities").one()
    rows = {g.label: g for g in conference.groups}
    themes = list(conference.themes)
    texts = [" ".join(p) for p in itertools.product(ACTORS, ACTIONS, TOPICS, TAILS)]
    for n in range(count):
        idea = Idea(conference_id=conference.id, session_id=session.id, group_id=rows[rng.choice(groups)].id,
                    text=f"{texts[n % len(texts)]} ({n})", lang="en", submission_key=str(uuid.uuid4()), position=0)
        db.session.add(idea)
        db.session.flush()
        for rank, theme in enumerate(rng.sample(themes, 3), start=1):
            db.session.add(IdeaTheme(idea_id=idea.id, theme_id=theme.id, rank=rank, confidence=0.5 / rank,
                                     confirmed=(rank == 1 and n % 4 == 0)))
    db.session.commit()


def main() -> None:
    """Build, warm up, time, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--ideas", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    sys.path.insert(0, args.root)
    from app import create_app

    workdir = Path(tempfile.mkdtemp(prefix="review-queue-cpu-"))
    try:
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                          "RATELIMIT_ENABLED": False, "INSTANCE_PATH_OVERRIDE": str(workdir / "instance"),
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'bench.sqlite'}"})
        with app.app_context():
            build(app, args.ideas, random.Random(11))
        client = app.test_client()
        client.post("/auth/login", data={"username": "bench-cochair", "password": "correct-horse-battery"})
        url = "/review/queue" + (f"?lang={args.lang}" if args.lang != "en" else "")
        for _ in range(5):
            assert client.get(url).status_code == 200
        cpu = []
        for _ in range(args.repeat):
            start = time.process_time()
            response = client.get(url)
            cpu.append(time.process_time() - start)
            assert response.status_code == 200
        cpu.sort()
        print(f"{args.root}: /review/queue ({args.lang}, {args.ideas} ideas) CPU median "
              f"{statistics.median(cpu) * 1000:.1f} ms, quartiles {cpu[len(cpu) // 4] * 1000:.1f}-"
              f"{cpu[3 * len(cpu) // 4] * 1000:.1f} ms (n={len(cpu)})")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
