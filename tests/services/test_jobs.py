"""The job queue: submit enqueues instead of computing, pages say what is pending, the worker runs the
jobs, a job abandoned by a dead process is taken again, and exactly one worker wins each claim."""
from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from app.extensions import db
from app.models import BreakoutGroup, Idea, IdeaTheme, Session, utcnow
from app.models_jobs import Job
from app.services import jobs
from app.services.nlp import idea_themes
from job_support import run_jobs

NOTES = [
    ["Dedicated multi-year funding should go to grassroots women's organizations.",
     "Recruit and retain more women in police and peacekeeping contingents."],
    ["Prevent sexual and gender-based violence by training security forces.",
     "Budget lines for the plan must be visible in every department."],
    ["Women must sit at every peace negotiation table as full delegates."],
]


@pytest.fixture
def themes_a(app):
    """URL prefix of the rapporteur's Themes session, Group A."""
    with app.app_context():
        session_id = db.session.scalar(select(Session.id).where(Session.title == "Themes"))
        group_id = db.session.scalar(select(BreakoutGroup.id).where(BreakoutGroup.label == "Group A"))
    return f"/capture/{session_id}/{group_id}"


def _submit_notes(client, prefix: str) -> None:
    for n, ideas in enumerate(NOTES):
        response = client.post(prefix + "/submit", json={"submission_key": f"k-jobs-{n:06d}", "ideas": ideas})
        assert response.status_code in (200, 201), response.get_data(as_text=True)


def _suggestion_counts(app) -> dict[int, int]:
    with app.app_context():
        ideas = db.session.scalars(select(Idea.id)).all()
        counts = dict(db.session.execute(
            select(IdeaTheme.idea_id, func.count(IdeaTheme.theme_id)).group_by(IdeaTheme.idea_id)).all())
        return {idea_id: counts.get(idea_id, 0) for idea_id in ideas}


def test_submit_enqueues_and_the_queue_shows_pending_until_the_worker_runs(app, rapporteur_client,
                                                                         cochair_client, themes_a):
    _submit_notes(rapporteur_client, themes_a)
    counts = _suggestion_counts(app)
    assert len(counts) == 5 and set(counts.values()) == {0}, "submit must not compute suggestions"
    with app.app_context():
        queued = db.session.scalars(select(Job).where(Job.kind == jobs.SUGGEST)).all()
        assert [j.state for j in queued] == ["queued"] * 3
        assert sorted(i for j in queued for i in j.payload["idea_ids"]) == sorted(counts)
    page = cochair_client.get("/review/queue").get_data(as_text=True)
    assert page.count("Theme suggestions pending") == 5

    assert run_jobs(app) >= 3
    counts = _suggestion_counts(app)
    assert all(1 <= n <= idea_themes.SUGGESTIONS_PER_IDEA for n in counts.values()), counts
    page = cochair_client.get("/review/queue").get_data(as_text=True)
    assert "Theme suggestions pending" not in page
    assert "Suggested (click to confirm)" in page
    with app.app_context():
        states = db.session.scalars(select(Job.state).where(Job.kind == jobs.SUGGEST)).all()
        assert states == ["done"] * 3


def test_a_job_left_running_by_a_dead_worker_is_taken_again(app, rapporteur_client, themes_a):
    _submit_notes(rapporteur_client, themes_a)
    with app.app_context():
        # A worker claimed the first job, then its process died (kill -9): no heartbeat since.
        dead = jobs.claim("dead-host:4242:gone")
        assert dead is not None and dead.state == "running"
        dead_id = dead.id
        # A second job is running in a live worker (fresh heartbeat): it must not be taken.
        alive = jobs.claim("live-host:1:busy")
        alive_id = alive.id
        db.session.execute(update(Job).where(Job.id == dead_id)
                           .values(heartbeat_at=utcnow() - jobs.STALE_AFTER - timedelta(seconds=5)))
        db.session.commit()

    run_jobs(app)
    with app.app_context():
        redone = db.session.get(Job, dead_id)
        assert (redone.state, redone.attempts, redone.claimed_by) == ("done", 2, "test-worker")
        busy = db.session.get(Job, alive_id)
        assert (busy.state, busy.claimed_by) == ("running", "live-host:1:busy")
        # The live worker finishes its job later; then every idea has its suggestions.
        db.session.execute(update(Job).where(Job.id == alive_id).values(state="queued"))
        db.session.commit()
    run_jobs(app)
    counts = _suggestion_counts(app)
    assert len(counts) == 5 and all(n >= 1 for n in counts.values()), counts


def test_running_a_job_twice_leaves_the_same_suggestions(app, rapporteur_client, themes_a):
    _submit_notes(rapporteur_client, themes_a)
    run_jobs(app)
    first = _suggestion_counts(app)
    with app.app_context():
        db.session.execute(update(Job).where(Job.kind == jobs.SUGGEST).values(state="queued"))
        db.session.commit()
    assert run_jobs(app) >= 3
    assert _suggestion_counts(app) == first


def test_only_one_worker_wins_a_claim(app, rapporteur_client, themes_a):
    rapporteur_client.post(themes_a + "/submit", json={"submission_key": "k-one-000001", "ideas": ["Fund shelters."]})
    with app.app_context():
        first = jobs.claim("worker-a")
        second = jobs.claim("worker-b")
        assert first is not None and first.claimed_by == "worker-a"
        assert second is None


def test_a_failing_job_is_retried_later_then_given_up(app, rapporteur_client, themes_a):
    rapporteur_client.post(themes_a + "/submit", json={"submission_key": "k-fail-00001", "ideas": ["Fund shelters."]})
    calls = []

    def broken(job):
        calls.append(job.id)
        raise RuntimeError("model crashed")

    saved = jobs.HANDLERS[jobs.SUGGEST]
    jobs.HANDLERS[jobs.SUGGEST] = broken
    try:
        with app.app_context():
            for _ in range(jobs.MAX_ATTEMPTS):
                db.session.execute(update(Job).values(run_after=utcnow() - timedelta(seconds=1)))
                db.session.commit()
                jobs.run_pending("test-worker")
            job = db.session.scalar(select(Job).where(Job.kind == jobs.SUGGEST))
            assert (job.state, job.attempts, job.error) == ("failed", jobs.MAX_ATTEMPTS, "RuntimeError")
    finally:
        jobs.HANDLERS[jobs.SUGGEST] = saved
    assert len(calls) == jobs.MAX_ATTEMPTS


def test_confirming_a_theme_does_no_model_work(app, rapporteur_client, cochair_client, themes_a):
    _submit_notes(rapporteur_client, themes_a)
    run_jobs(app)
    with app.app_context():
        idea_themes.forget_suggesters()
        idea_id, theme_id = db.session.execute(select(IdeaTheme.idea_id, IdeaTheme.theme_id).limit(1)).one()
    response = cochair_client.post(f"/review/ideas/{idea_id}/themes/confirm", data={"theme_id": theme_id})
    assert response.status_code == 302
    with app.app_context():
        assert idea_themes.cached_suggesters() == {}, "confirm must not build or feed the theme model"
        link = db.session.scalar(select(IdeaTheme).where(IdeaTheme.idea_id == idea_id,
                                                         IdeaTheme.theme_id == theme_id))
        assert link.confirmed, "the co-chair's confirmation itself is stored"
    with app.app_context():
        assert db.session.scalar(select(IdeaTheme.confirmed).where(
            IdeaTheme.idea_id == idea_id, IdeaTheme.theme_id == theme_id)) is True


def test_the_worker_thread_runs_jobs_by_itself(app, rapporteur_client, themes_a):
    _submit_notes(rapporteur_client, themes_a)
    worker = jobs.JobWorker(app)
    worker.start()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with app.app_context():
                left = db.session.scalar(select(func.count(Job.id)).where(Job.state.in_(jobs.UNFINISHED)))
                db.session.remove()
            if not left:
                break
            time.sleep(0.2)
    finally:
        worker.stopping.set()
        worker.join(timeout=30)
    counts = _suggestion_counts(app)
    assert all(n >= 1 for n in counts.values()), counts
