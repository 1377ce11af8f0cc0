"""The gunicorn side of the load test: start it on 127.0.0.1, find its workers, read their memory, wait for /readyz."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent


def start_server(tmp: Path, port: int, workers: int, env: dict) -> subprocess.Popen:
    """gunicorn with the repository's gunicorn.conf.py, on 127.0.0.1 only."""
    log = open(tmp / "gunicorn.log", "ab")
    return subprocess.Popen(
        [str(REPO / ".venv" / "bin" / "gunicorn"), "-c", str(REPO / "gunicorn.conf.py"), "--pythonpath",
         f"{REPO},{tmp}", "-b", f"127.0.0.1:{port}", "-w", str(workers), "bench_app:app"],
        cwd=str(tmp), env=env, stdout=log, stderr=log, start_new_session=True)


def worker_pids(master: int) -> list[int]:
    """The gunicorn workers: the master's children."""
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def rss_mb(pid: int) -> float:
    """Resident memory of a process, MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def wait_ready(base: str, timeout: float) -> float:
    """Seconds until /readyz answered 200 ten times in a row (every worker ready)."""
    started = time.monotonic()
    streak = 0
    while time.monotonic() - started < timeout:
        try:
            streak = streak + 1 if requests.get(base + "/readyz", timeout=5).status_code == 200 else 0
        except requests.RequestException:
            streak = 0
        if streak >= 10:
            return time.monotonic() - started
        time.sleep(0.3)
    raise RuntimeError("the server never became ready")
