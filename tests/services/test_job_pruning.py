"""Finished jobs are pruned after a configurable age; failed ones, unfinished ones and the newest result
of each kind (what the review pages show) stay."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import utcnow
from app.models_jobs import Job
from app.services import jobs
from app.services.conference import current_conference


def _job(conference_id: int, kind: str, state: str, finished_hours_ago: float | None, result=None) -> Job:
    now = utcnow()
    finished = None if finished_hours_ago is None else now - timedelta(hours=finished_hours_ago)
    job = Job(kind=kind, conference_id=conference_id, payload={}, state=state, attempts=1, claimed_by="t",
              error="RuntimeError" if state == jobs.FAILED else "", created_at=now - timedelta(days=3),
              run_after=now - timedelta(days=3), finished_at=finished, result=result)
    db.session.add(job)
    db.session.flush()
    return job


def _seed(conference_id: int) -> dict[str, int]:
    """One job of each case; returns their ids by name."""
    return {name: _job(conference_id, kind, state, age, result).id for name, (kind, state, age, result) in {
        "old_done": (jobs.SUGGEST, jobs.DONE, 48, None),
        "old_cluster": (jobs.EMERGING, jobs.DONE, 50, {"key": "a", "candidates": []}),
        "newest_cluster": (jobs.EMERGING, jobs.DONE, 30, {"key": "b", "candidates": [[["water"], [1, 2], ""]]}),
        "recent_done": (jobs.SUGGEST, jobs.DONE, 1, None),
        "old_failed": (jobs.SUGGEST, jobs.FAILED, 72, None),
        "queued": (jobs.SUGGEST, jobs.QUEUED, None, None),
    }.items()}


def _remaining() -> set[int]:
    return set(db.session.scalars(select(Job.id)))


def test_done_jobs_older_than_the_age_go_and_the_rest_stays(app):
    with app.app_context():
        conference = current_conference()
        ids = _seed(conference.id)
        db.session.commit()
        assert jobs.prune_done(timedelta(hours=24)) == 2
        db.session.commit()
        assert _remaining() == {ids["newest_cluster"], ids["recent_done"], ids["old_failed"], ids["queued"]}
        # What the themes page reads is still there: the newest emerging-cluster result.
        assert jobs.latest_result(conference.id, jobs.EMERGING)["key"] == "b"
        failed = db.session.get(Job, ids["old_failed"])
        assert (failed.state, failed.error) == ("failed", "RuntimeError")


@pytest.mark.app_config(JOBS_KEEP_DONE_SECONDS=3600)
def test_run_jobs_once_prunes_with_the_configured_age(app, runner):
    with app.app_context():
        ids = _seed(current_conference().id)
        db.session.commit()
    result = runner.invoke(args=["run-jobs", "--once"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        remaining = _remaining()
        newest_cluster = jobs.latest_result(current_conference().id, jobs.EMERGING)
    # The queued job ran (it may queue fresh work of its own) and stays as the newest done SUGGEST job.
    assert ids["old_done"] not in remaining and ids["old_cluster"] not in remaining
    assert ids["recent_done"] not in remaining, "finished an hour ago: older than the configured age"
    assert {ids["old_failed"], ids["queued"]} <= remaining
    assert newest_cluster is not None, "the newest emerging-cluster result is never pruned"


def test_the_worker_prunes_at_most_every_few_minutes(app):
    with app.app_context():
        ids = _seed(current_conference().id)
        db.session.commit()
        worker = jobs.JobWorker(app)
        worker._prune_now_and_then()
        assert ids["old_done"] not in _remaining()
        later = _job(current_conference().id, jobs.SUGGEST, jobs.DONE, 40).id
        db.session.commit()
        worker._prune_now_and_then()  # within PRUNE_EVERY of the last pass: nothing happens
        assert later in _remaining()
