"""What the app benchmarks share: a throw-away app instance and latency summaries."""
from __future__ import annotations

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
