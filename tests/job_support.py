"""Run the job queue in a test, as the worker thread of a serving process would."""
from __future__ import annotations

from app.extensions import db


def run_jobs(app) -> int:
    """Run every runnable job (theme suggestions, clusters, proposals); how many ran."""
    from app.services import jobs

    with app.app_context():
        ran = jobs.run_pending(worker_id="test-worker")
        db.session.remove()
    return ran
