"""Load and fault test against a real gunicorn on 127.0.0.1: rapporteurs, a co-chair, a drafter, kill -9.

    .venv/bin/python benchmarks/load_test.py --db sqlite
    .venv/bin/python benchmarks/load_test.py --db postgres --pg-url postgresql+psycopg://u:p@127.0.0.1/db

Seeds the demo conference (its codebook, roster and allow-list) in a temporary instance folder, starts
gunicorn (gunicorn.conf.py: model warm-up and a job-worker thread per worker), waits for /readyz, then
runs R rapporteurs x N notes (preview then submit; some submits are sent twice, some are cut short by the
client and sent again, as the capture page does), one co-chair confirming, editing and adding themes,
one drafter exporting. Midway one worker is killed with SIGKILL (gunicorn starts another); at the end
the whole server is killed with SIGKILL and started again, and the test waits for the job queue to
drain. Prints lost / duplicated ideas, 5xx, preview and submit p95, % of ideas with theme suggestions,
and worker RSS. The PostgreSQL database given is emptied first. Notes use invented names only.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

from load_server import rss_mb, start_server, wait_ready, worker_pids

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
PASSWORD = "load-test-password-1"
CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')
FORM_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
SPEAKERS = ["Ilse Ravnborg", "Tomasz Quellet", "Amara Lindqvist", "Renzo Okafor", "Wilhelmina Tsang"]
ASKS = ["multi-year core funding for women-led peacebuilding groups", "gender advisers in every mission",
        "survivor-centred services in rural clinics", "a seat for youth delegates at ceasefire talks",
        "public yearly reporting on the plan's indicators", "training on online harassment for police",
        "childcare so that women can attend consultations", "indigenous women's leadership programmes"]
WRAPPER = ("import os\nfrom app import create_app\napp = create_app({'INSTANCE_PATH_OVERRIDE': "
           "os.environ['BENCH_INSTANCE'], 'SQLALCHEMY_DATABASE_URI': os.environ['BENCH_DB']})\n")


def note_text(rng: random.Random) -> str:
    """A short note of 3-5 bullets with invented speakers and organizations."""
    lines = []
    for _ in range(rng.randint(3, 5)):
        lines.append(f"- {rng.choice(SPEAKERS)} said the plan needs {rng.choice(ASKS)}.")
    return "\n".join(lines)


def seed(db_url: str, instance: Path, rapporteurs: int) -> dict:
    """Migrate, import the demo conference with its codebook, create accounts; return their places."""
    from flask_migrate import upgrade
    from sqlalchemy import select, text

    from app import create_app
    from app.extensions import db
    from app.models import Assignment, Role, Session, SessionKind
    from app.services import conference as setup
    from app.services.accounts import create_user
    from app.services.review.codebook import load_default_codebook

    app = create_app({"INSTANCE_PATH_OVERRIDE": str(instance), "SQLALCHEMY_DATABASE_URI": db_url})
    data_dir = REPO / "app" / "data"
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
        upgrade()
        data = setup.parse_conference_file((data_dir / "demo_conference.yaml").read_text(encoding="utf-8"))
        data["themes"] = load_default_codebook()
        conference = setup.import_conference(data)
        setup.replace_roster(conference, setup.parse_roster_csv(
            (data_dir / "demo_roster.csv").read_text(encoding="utf-8")), app.config["ENCRYPTION_KEY_PATH"])
        setup.replace_allowlist(conference, setup.parse_allowlist(
            (data_dir / "demo_allowlist.txt").read_text(encoding="utf-8")))
        groups = [g for g in conference.groups if not g.is_plenary]
        breakouts = [s.id for s in db.session.scalars(select(Session)) if s.kind == SessionKind.BREAKOUT]
        places = {}
        for n in range(rapporteurs):
            user = create_user(f"rapp{n:02d}", PASSWORD, Role.RAPPORTEUR)
            group = groups[n % len(groups)]
            db.session.add(Assignment(user_id=user.id, group_id=group.id))
            places[user.username] = [(s, group.id) for s in breakouts]
        create_user("cochair", PASSWORD, Role.COCHAIR)
        create_user("drafter", PASSWORD, Role.DRAFTER)
        db.session.commit()
        db.engine.dispose()
    return places


class Stats:
    """Counters and latencies shared by the client threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = {"preview": [], "submit": []}
        self.timed: dict[str, list[tuple[float, float]]] = {"preview": [], "submit": []}  # (end, seconds)
        self.status_5xx = 0
        self.connection_errors = 0
        self.aborted = 0
        self.resends = 0
        self.expected: dict[str, int] = {}  # submission key -> ideas the server said it stored

    def add(self, kind: str, seconds: float, status: int) -> None:
        """Record one answered request."""
        with self.lock:
            if status >= 500:
                self.status_5xx += 1
            elif kind in self.latency and status < 400:
                self.latency[kind].append(seconds)
                self.timed[kind].append((time.monotonic(), seconds))


def session_for(base: str, username: str) -> tuple[requests.Session, str]:
    """A signed-in HTTP session and its CSRF token (from the login form, as a browser would)."""
    http = requests.Session()
    for _ in range(60):
        try:
            page = http.get(base + "/auth/login", timeout=30).text
            token = FORM_CSRF.search(page).group(1)
            http.post(base + "/auth/login", data={"username": username, "password": PASSWORD, "csrf_token": token},
                      timeout=30)
            home = http.get(base + "/", timeout=30).text
            return http, CSRF.search(home).group(1)
        except (requests.RequestException, AttributeError):
            time.sleep(1)
    raise RuntimeError(f"{username} could not sign in")


def post(http, url, stats: Stats, kind: str, token: str, timeout: float = 60, **kwargs):
    """POST with retries on connection errors (a killed worker), as the capture page retries."""
    for attempt in range(10):
        started = time.perf_counter()
        try:
            response = http.post(url, headers={"X-CSRFToken": token, "Accept": "application/json"},
                                 timeout=timeout, **kwargs)
        except requests.RequestException:
            with stats.lock:
                stats.connection_errors += 1
            time.sleep(0.5 * (attempt + 1))
            continue
        stats.add(kind, time.perf_counter() - started, response.status_code)
        if response.status_code in (502, 503, 504):
            time.sleep(0.5 * (attempt + 1))
            continue
        return response
    return None


def rapporteur(base, username, places, notes, stats: Stats, rng: random.Random, done: threading.Event,
               think: float = 0.0) -> None:
    """Preview then submit each note; resend some submits and cut some short, as a flaky network would.

    ``think``: mean seconds between two notes (uniform 0..2x), the time a rapporteur spends typing.
    """
    http, token = session_for(base, username)
    for n in range(notes):
        time.sleep(rng.uniform(0, 2 * think))
        session_id, group_id = places[n % len(places)]
        prefix = f"{base}/capture/{session_id}/{group_id}"
        text = note_text(rng)
        preview = post(http, prefix + "/preview", stats, "preview", token, json={"text": text})
        ideas = preview.json().get("ideas") if preview is not None and preview.ok else None
        ideas = ideas or [line[2:] for line in text.splitlines()]
        key = f"load-{uuid.uuid4()}"
        body = {"submission_key": key, "ideas": ideas}
        if rng.random() < 0.15:  # the client gives up before the answer, then sends again
            try:
                http.post(prefix + "/submit", json=body, timeout=0.05,
                          headers={"X-CSRFToken": token, "Accept": "application/json"})
            except requests.RequestException:
                with stats.lock:
                    stats.aborted += 1
        response = post(http, prefix + "/submit", stats, "submit", token, json=body)
        if response is not None and response.status_code in (200, 201):
            with stats.lock:
                stats.expected[key] = response.json()["stored"]
        if rng.random() < 0.2:  # a resend of a submit that had succeeded
            post(http, prefix + "/submit", stats, "resend", token, json=body)
            with stats.lock:
                stats.resends += 1
    done.set()


def cochair(base, stats: Stats, stop: threading.Event, rng: random.Random) -> None:
    """Confirm suggested themes, edit ideas, add a theme now and then, look at the codebook and dashboard."""
    http, token = session_for(base, "cochair")
    added = 0
    while not stop.is_set():
        try:
            page = http.get(base + "/review/queue", timeout=60).text
        except requests.RequestException:
            time.sleep(1)
            continue
        ideas = re.findall(r'id="idea-(\d+)"', page)
        themes = re.findall(r'name="theme_id" value="(\d+)"', page)
        if ideas and themes:
            idea = rng.choice(ideas)
            post(http, f"{base}/review/ideas/{idea}/themes/confirm", stats, "cochair", token,
                 data={"theme_id": rng.choice(themes), "csrf_token": token})
            if rng.random() < 0.3:
                post(http, f"{base}/review/ideas/{idea}/edit", stats, "cochair", token,
                     data={"text": f"The group asked for {rng.choice(ASKS)}.", "csrf_token": token})
        if rng.random() < 0.1 and added < 3:
            added += 1
            post(http, f"{base}/review/themes", stats, "cochair", token, data={
                "code": f"LOAD{added}", "name": f"Load theme {added}", "keywords": "radio, childcare, youth",
                "kind": "emerging", "csrf_token": token})
        for path in ("/review/themes", "/review/"):
            try:
                stats.add("page", 0, http.get(base + path, timeout=60).status_code)
            except requests.RequestException:
                pass
        stop.wait(1.0)


def drafter(base, stats: Stats, stop: threading.Event) -> None:
    """Export the ideas awaiting review as CSV every few seconds."""
    http, token = session_for(base, "drafter")
    while not stop.wait(5.0):
        post(http, base + "/export/", stats, "export", token, timeout=120,
             data={"format": "csv", "status": "submitted", "csrf_token": token})


def outcome(db_url: str, instance: Path, stats: Stats) -> dict:
    """Lost and duplicated ideas, and the share of ideas with theme suggestions, from the database."""
    from sqlalchemy import func, select

    from app import create_app
    from app.extensions import db
    from app.models import Idea, IdeaTheme
    from app.models_jobs import Job

    app = create_app({"INSTANCE_PATH_OVERRIDE": str(instance), "SQLALCHEMY_DATABASE_URI": db_url})
    with app.app_context():
        stored = dict(db.session.execute(
            select(Idea.submission_key, func.count(Idea.id)).group_by(Idea.submission_key)).all())
        themed = db.session.scalar(select(func.count(func.distinct(IdeaTheme.idea_id))))
        total = db.session.scalar(select(func.count(Idea.id)))
        jobs = dict(db.session.execute(select(Job.state, func.count(Job.id)).group_by(Job.state)).all())
        db.engine.dispose()
    lost = sum(max(0, n - stored.get(key, 0)) for key, n in stats.expected.items())
    duplicated = sum(max(0, stored.get(key, 0) - n) for key, n in stats.expected.items())
    return {"lost": lost, "duplicated": duplicated, "ideas": total, "themed": themed, "jobs": jobs}


def drain(db_url: str, instance: Path, timeout: float) -> float:
    """Seconds until no job is queued or running."""
    from sqlalchemy import func, select

    from app import create_app
    from app.extensions import db
    from app.models_jobs import Job

    app = create_app({"INSTANCE_PATH_OVERRIDE": str(instance), "SQLALCHEMY_DATABASE_URI": db_url})
    started = time.monotonic()
    with app.app_context():
        while time.monotonic() - started < timeout:
            left = db.session.scalar(select(func.count(Job.id)).where(Job.state.in_(("queued", "running"))))
            db.session.rollback()
            if not left:
                break
            time.sleep(1)
        db.engine.dispose()
    return time.monotonic() - started


def p95(values: list[float]) -> float:
    """95th percentile (nearest rank), seconds."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]


def parse_args() -> argparse.Namespace:
    """Command-line settings (defaults: 20 rapporteurs x 10 notes, 2 workers, 3 s think time)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    parser.add_argument("--rapporteurs", type=int, default=20)
    parser.add_argument("--notes", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--think", type=float, default=3.0,
                        help="mean seconds a rapporteur types between notes (0: back-to-back, a stress test)")
    parser.add_argument("--drain-timeout", type=float, default=600)
    return parser.parse_args()


def run_load(base: str, server: subprocess.Popen, places: dict, args) -> dict:
    """All clients at once; kill -9 of one worker once half the notes are stored."""
    stats, stop, rng = Stats(), threading.Event(), random.Random(args.seed)
    done = [threading.Event() for _ in places]
    threads = [threading.Thread(target=rapporteur, args=(base, name, places[name], args.notes, stats,
                                                         random.Random(rng.random()), done[i], args.think))
               for i, name in enumerate(places)]
    side = [threading.Thread(target=cochair, args=(base, stats, stop, random.Random(1))),
            threading.Thread(target=drafter, args=(base, stats, stop))]
    started = time.monotonic()
    for thread in threads + side:
        thread.start()
    while len(stats.expected) < args.rapporteurs * args.notes // 2 and time.monotonic() - started < 900:
        time.sleep(0.2)  # mid-run, with requests in flight
    victims = worker_pids(server.pid)
    killed_at = time.monotonic()
    if victims:
        os.kill(victims[0], signal.SIGKILL)
        print(f"kill -9 of worker {victims[0]} after {killed_at - started:.0f} s", flush=True)
    for thread in threads:
        thread.join(timeout=1800)
    load_s = time.monotonic() - started
    stop.set()
    for thread in side:
        thread.join(timeout=120)
    rss = [rss_mb(pid) for pid in worker_pids(server.pid)]
    return {"stats": stats, "killed_at": killed_at, "load_s": load_s, "rss": rss}


def report(args, run: dict, result: dict, ready_again: float, drained: float, rss_after: list) -> None:
    """Print the figures."""
    stats, mb = run["stats"], (lambda values: ", ".join(f"{v:.0f} MB" for v in values))
    print(f"load phase {run['load_s']:.0f} s (think time {args.think:.1f} s): {len(stats.expected)} notes stored "
          f"of {args.rapporteurs * args.notes}, {stats.resends} resends, {stats.aborted} aborted submits, "
          f"{stats.connection_errors} connection errors")
    print(f"lost ideas {result['lost']}, duplicated ideas {result['duplicated']}, 5xx answers {stats.status_5xx}")
    for kind in ("preview", "submit"):
        values = stats.latency[kind]
        calm = [sec for end, sec in stats.timed[kind] if not run["killed_at"] - 1 <= end <= run["killed_at"] + 15]
        print(f"{kind} p95 {p95(values):.2f} s (median {statistics.median(values):.2f}; "
              f"outside the 15 s after the worker kill {p95(calm):.2f} s)")
    print(f"after kill -9 and restart (ready in {ready_again:.1f} s, queue drained in {drained:.0f} s): "
          f"{result['themed']} of {result['ideas']} ideas have theme suggestions "
          f"({100 * result['themed'] / max(1, result['ideas']):.1f} %); jobs {result['jobs']}")
    print(f"worker RSS at end of load: {mb(run['rss'])}; after restart and drain: {mb(rss_after)}")


def main() -> None:
    """Seed, serve, load, kill, restart, drain, report."""
    args = parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="wps-load-"))
    instance = tmp / "instance"
    instance.mkdir()
    if args.db == "postgres" and not args.pg_url:
        sys.exit("--pg-url (or BENCH_DATABASE_URL) is needed for --db postgres")
    db_url = args.pg_url if args.db == "postgres" else f"sqlite:///{tmp / 'load.sqlite'}"
    (tmp / "bench_app.py").write_text(WRAPPER)
    places = seed(db_url, instance, args.rapporteurs)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "BENCH_INSTANCE": str(instance), "BENCH_DB": db_url, "GUNICORN_THREADS": "4"}
    server = start_server(tmp, port, args.workers, env)
    print(f"server ready in {wait_ready(base, 300):.1f} s ({args.workers} workers, {args.db})", flush=True)
    run = run_load(base, server, places, args)
    # The whole server dies mid-queue (kill -9 of the master and every worker), then starts again.
    os.killpg(server.pid, signal.SIGKILL)
    server.wait()
    server = start_server(tmp, port, args.workers, env)
    ready_again = wait_ready(base, 300)
    drained = drain(db_url, instance, args.drain_timeout)
    rss_after = [rss_mb(pid) for pid in worker_pids(server.pid)]
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=60)
    report(args, run, outcome(db_url, instance, run["stats"]), ready_again, drained, rss_after)
    print(f"(instance and gunicorn log in {tmp})")


if __name__ == "__main__":
    main()
