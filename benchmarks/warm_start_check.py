"""After a restart, how soon can a rapporteur preview, and how long does that first preview take?

    .venv/bin/python benchmarks/warm_start_check.py [--server gunicorn|flask] [--words 300]

Seeds a throw-away instance (``flask init-db``, ``flask seed-demo``), starts the server as the README
does (gunicorn with gunicorn.conf.py, one worker; or ``flask run``), then, as the capture page does:
waits for ``/readyz`` (the page keeps Preview disabled until then), signs the demo rapporteur in and
times the first preview, then the first submit, then a second preview. Prints the seconds. The bar
(issue 11): the first preview a rapporteur can request answers in <= 1 s.
"""
from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
from capture_bench import make_note  # noqa: E402
from load_server import wait_ready  # noqa: E402

WRAPPER = ("import os\nfrom app import create_app\napp = create_app({'INSTANCE_PATH_OVERRIDE': "
           "os.environ['BENCH_INSTANCE'], 'SQLALCHEMY_DATABASE_URI': os.environ['BENCH_DB']})\n")
CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')
FORM_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
CAPTURE_LINK = re.compile(r'href="(/capture/\d+/\d+)"')


def _seed(tmp: Path, env: dict) -> str:
    """init-db and seed-demo in the instance; the rapporteur's password."""
    flask = [str(REPO / ".venv" / "bin" / "flask"), "--app", "bench_app:app"]
    subprocess.run(flask + ["init-db"], cwd=tmp, env=env, check=True, capture_output=True)
    out = subprocess.run(flask + ["seed-demo"], cwd=tmp, env=env, check=True, capture_output=True, text=True).stdout
    return re.search(r"Rapporteur\s+rapporteur\s+(\S+)", out).group(1)


def _start(tmp: Path, env: dict, server: str, port: int) -> subprocess.Popen:
    log = open(tmp / "server.log", "ab")
    if server == "gunicorn":
        cmd = [str(REPO / ".venv" / "bin" / "gunicorn"), "-c", str(REPO / "gunicorn.conf.py"), "--pythonpath",
               f"{REPO},{tmp}", "-b", f"127.0.0.1:{port}", "-w", "1", "bench_app:app"]
    else:
        cmd = [str(REPO / ".venv" / "bin" / "flask"), "--app", "bench_app:app", "run", "--port", str(port)]
    return subprocess.Popen(cmd, cwd=tmp, env=env, stdout=log, stderr=log, start_new_session=True)


def _sign_in(base: str, password: str) -> tuple[requests.Session, str]:
    http = requests.Session()
    token = FORM_CSRF.search(http.get(base + "/auth/login", timeout=30).text).group(1)
    http.post(base + "/auth/login", data={"username": "rapporteur", "password": password, "csrf_token": token},
              timeout=30)
    home = http.get(base + "/capture/", timeout=30).text
    return http, CAPTURE_LINK.search(home).group(1)


def _timed(http, url: str, token: str, body: dict) -> float:
    start = time.perf_counter()
    response = http.post(url, json=body, headers={"X-CSRFToken": token}, timeout=120)
    elapsed = time.perf_counter() - start
    assert response.status_code in (200, 201), (response.status_code, response.text[:200])
    return elapsed


def main() -> None:
    """Seed, start, wait for ready, time the first preview and submit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", choices=("gunicorn", "flask"), default="gunicorn")
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    import random

    tmp = Path(tempfile.mkdtemp(prefix="warm-start-"))
    (tmp / "bench_app.py").write_text(WRAPPER)
    instance = tmp / "instance"
    env = {**os.environ, "BENCH_INSTANCE": str(instance), "BENCH_DB": f"sqlite:///{instance / 'demo.sqlite'}",
           "PYTHONPATH": f"{REPO}:{tmp}"}
    password = _seed(tmp, env)
    base = f"http://127.0.0.1:{args.port}"
    started = time.monotonic()
    process = _start(tmp, env, args.server, args.port)
    try:
        ready = wait_ready(base, 300)
        http, capture = _sign_in(base, password)
        token = CSRF.search(http.get(base + capture, timeout=30).text).group(1)
        notes = [make_note(args.words, [("Wren Halvorsen", "Tidewater Relief Network")], random.Random(n))
                 for n in range(2)]
        first = _timed(http, base + capture + "/preview", token, {"text": notes[0]})
        submit = _timed(http, base + capture + "/submit", token, {"submission_key": "warm-start-0001",
                                                                   "ideas_text": "- Fund shelters.\n- Train police."})
        second = _timed(http, base + capture + "/preview", token, {"text": notes[1]})
        print(f"warm start ({args.server}, 1 worker): ready after {ready:.1f} s (started {time.monotonic() - started:.0f} s ago)")
        print(f"  first preview after ready ({args.words} words): {first:.2f} s   (bar: <= 1 s)")
        print(f"  first submit:                                 {submit:.2f} s")
        print(f"  second preview:                               {second:.2f} s")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
