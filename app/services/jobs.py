"""A durable job queue in the database: model work runs here, never inside a request's write transaction.

Requests only *enqueue* (one row, in the same transaction as the ideas it is about, so a note and its
pending suggestions commit together). A worker -- a thread in each web process (``JobWorker``) or a
separate ``flask run-jobs`` process -- claims one job at a time with a conditional UPDATE that only one
claimant can win (``... WHERE id = ? AND state = 'queued'``; on PostgreSQL the candidate row is also read
``FOR UPDATE SKIP LOCKED`` so workers do not queue behind each other). While a job runs, a heartbeat
thread refreshes ``heartbeat_at``; a job left "running" by a process that died (kill -9, OOM, deploy) is
claimed again once its heartbeat is older than ``STALE_AFTER``. Handlers are idempotent (they replace
what they computed before), so running a job twice is harmless.

Payloads hold ids only, never idea text; errors are stored and logged by exception type only.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from datetime import timedelta
from typing import Callable, Iterable, Optional

from sqlalchemy import and_, delete, func, or_, select, update

from app.extensions import db
from app.models import Conference, Idea, utcnow
from app.models_jobs import Job

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
UNFINISHED = (QUEUED, RUNNING)
STALE_AFTER = timedelta(seconds=60)  # a running job whose heartbeat is older was abandoned
HEARTBEAT_SECONDS = 10.0
MAX_ATTEMPTS = 5
POLL_SECONDS = 0.5
PRUNE_EVERY = timedelta(minutes=10)  # how often a worker deletes old finished jobs

SUGGEST = "suggest_themes"  # payload: {"idea_ids": [...]}
REFRESH = "refresh_suggestions"  # every idea waiting for review, after a codebook change
EMERGING = "emerging_candidates"  # result: {"key": ..., "candidates": [[words, ids, label], ...]}
PROPOSALS = "detect_proposals"  # payload: {"user_id": ...}
# At most one queued job of these kinds per conference: a newer one would compute the same thing.
COALESCED = frozenset({REFRESH, EMERGING, PROPOSALS})

HANDLERS: dict[str, Callable[[Job], Optional[dict]]] = {}
_wake = threading.Event()


def handler(kind: str):
    """Register the function that runs jobs of ``kind`` (it returns the job's result, or None)."""
    def register(function):
        HANDLERS[kind] = function
        return function
    return register


def enqueue(kind: str, conference: Conference | int, payload: Optional[dict] = None) -> Optional[Job]:
    """Add a job (the caller commits, so the job commits with the change that needs it).

    For coalesced kinds an already queued job of the same kind and conference is reused.
    """
    conference_id = conference if isinstance(conference, int) else conference.id
    if kind in COALESCED:
        queued = db.session.scalar(select(Job).where(
            Job.kind == kind, Job.conference_id == conference_id, Job.state == QUEUED).limit(1))
        if queued is not None:
            return queued
    job = Job(kind=kind, conference_id=conference_id, payload=payload or {}, state=QUEUED, attempts=0,
              claimed_by="", error="", created_at=utcnow(), run_after=utcnow())
    db.session.add(job)
    _wake.set()
    return job


def enqueue_suggestions(conference: Conference, ideas: Iterable[Idea]) -> Optional[Job]:
    """Queue theme suggestions for stored ideas (they need ids: the session is flushed)."""
    ideas = [idea for idea in ideas if idea is not None]
    if not ideas:
        return None
    db.session.flush()
    return enqueue(SUGGEST, conference, {"idea_ids": [idea.id for idea in ideas]})


def _claimable(now):
    return or_(Job.state == QUEUED,
               and_(Job.state == RUNNING, or_(Job.heartbeat_at.is_(None), Job.heartbeat_at < now - STALE_AFTER)))


def claim(worker_id: str) -> Optional[Job]:
    """Take the oldest runnable job for this worker, or None. Exactly one worker wins each job."""
    for _ in range(5):
        now = utcnow()
        candidate = select(Job.id).where(_claimable(now), Job.run_after <= now).order_by(Job.id).limit(1)
        if db.engine.dialect.name == "postgresql":
            candidate = candidate.with_for_update(skip_locked=True)
        job_id = db.session.scalar(candidate)
        if job_id is None:
            db.session.commit()
            return None
        won = db.session.execute(
            update(Job).where(Job.id == job_id, _claimable(now))
            .values(state=RUNNING, attempts=Job.attempts + 1, claimed_by=worker_id, started_at=now,
                    heartbeat_at=now),
            execution_options={"synchronize_session": False},
        ).rowcount == 1
        db.session.commit()
        if won:
            job = db.session.get(Job, job_id)
            db.session.refresh(job)
            return job
    return None


class _Heartbeat:
    """Refreshes a running job's heartbeat from a side thread, in its own short transactions."""

    def __init__(self, app, job_id: int, worker_id: str) -> None:
        self._app, self._job_id, self._worker_id = app, job_id, worker_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"job-heartbeat-{job_id}", daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(HEARTBEAT_SECONDS):
            try:
                with self._app.app_context(), db.engine.begin() as connection:
                    connection.execute(update(Job).where(Job.id == self._job_id, Job.claimed_by == self._worker_id)
                                       .values(heartbeat_at=utcnow()))
            except Exception as exc:  # noqa: BLE001 - a missed beat only risks a harmless rerun
                log.warning("job %s heartbeat failed (%s)", self._job_id, type(exc).__name__)


def execute(job: Job, worker_id: str) -> bool:
    """Run a claimed job and record the outcome; True when it is done."""
    from flask import current_app

    from app.services import job_handlers  # noqa: F401 - registers the handlers

    job_id, kind, attempts = job.id, job.kind, job.attempts
    run = HANDLERS.get(kind)
    try:
        if run is None:
            raise LookupError(f"no handler for {kind}")
        with _Heartbeat(current_app._get_current_object(), job_id, worker_id):
            result = run(job)
        db.session.execute(update(Job).where(Job.id == job_id).values(
            state=DONE, finished_at=utcnow(), error="", result=result), execution_options={"synchronize_session": False})
        db.session.commit()
        return True
    except Exception as exc:  # noqa: BLE001 - the job is retried; the worker must live on
        db.session.rollback()
        give_up = attempts >= MAX_ATTEMPTS or isinstance(exc, LookupError)
        log.error("job %s (%s) failed on attempt %d: %s", job_id, kind, attempts, type(exc).__name__)
        db.session.execute(update(Job).where(Job.id == job_id).values(
            state=FAILED if give_up else QUEUED, error=type(exc).__name__[:200], heartbeat_at=None,
            run_after=utcnow() + timedelta(seconds=2 ** attempts)), execution_options={"synchronize_session": False})
        db.session.commit()
        return False


def run_pending(worker_id: Optional[str] = None, limit: Optional[int] = None) -> int:
    """Claim and run jobs until none is runnable (or ``limit`` ran); how many ran. Needs an app context."""
    worker_id = worker_id or default_worker_id()
    count = 0
    while limit is None or count < limit:
        job = claim(worker_id)
        if job is None:
            break
        execute(job, worker_id)
        count += 1
    return count


def default_worker_id() -> str:
    """host:pid:thread, so a job's claimant can be traced to a process."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"[:80]


def pending_idea_ids(conference_id: int) -> set[int] | None:
    """Ideas whose theme suggestions are still to be computed; None means "every idea waiting for review"."""
    ids: set[int] = set()
    for kind, payload in db.session.execute(
        select(Job.kind, Job.payload).where(Job.conference_id == conference_id, Job.state.in_(UNFINISHED),
                                            Job.kind.in_((SUGGEST, REFRESH)))
    ):
        if kind == REFRESH:
            return None
        ids.update(int(i) for i in (payload or {}).get("idea_ids", []))
    return ids


def has_pending(conference_id: int, kind: str) -> bool:
    """Whether a job of this kind is queued or running for the conference."""
    return db.session.scalar(select(Job.id).where(
        Job.conference_id == conference_id, Job.kind == kind, Job.state.in_(UNFINISHED)).limit(1)) is not None


def latest_result(conference_id: int, kind: str) -> Optional[dict]:
    """The result of the newest finished job of this kind for the conference."""
    return db.session.scalar(select(Job.result).where(
        Job.conference_id == conference_id, Job.kind == kind, Job.state == DONE)
        .order_by(Job.finished_at.desc(), Job.id.desc()).limit(1))


def prune_done(keep_for: timedelta, now=None) -> int:
    """Delete jobs that finished ``done`` more than ``keep_for`` ago; how many went (the caller commits).

    Failed jobs stay for inspection. The newest done job of each kind and conference stays whatever its
    age: its result is what the review pages show (``latest_result``) until a fresh one is computed.
    """
    cutoff = (now or utcnow()) - keep_for
    newest = select(func.max(Job.id)).where(Job.state == DONE).group_by(Job.conference_id, Job.kind)
    return db.session.execute(
        delete(Job).where(Job.state == DONE, Job.finished_at < cutoff, Job.id.not_in(newest)),
        execution_options={"synchronize_session": False},
    ).rowcount


def keep_done_for(config) -> timedelta:
    """How long finished jobs are kept: ``JOBS_KEEP_DONE_SECONDS`` (default one day)."""
    return timedelta(seconds=int(config.get("JOBS_KEEP_DONE_SECONDS", 24 * 3600)))


class JobWorker(threading.Thread):
    """The per-process worker thread: claims and runs jobs until the process exits."""

    def __init__(self, app) -> None:
        super().__init__(name="job-worker", daemon=True)
        self.app = app
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.stopping = threading.Event()
        self._pruned_at = None

    def _prune_now_and_then(self) -> None:
        now = utcnow()
        if self._pruned_at is not None and now - self._pruned_at < PRUNE_EVERY:
            return
        self._pruned_at = now
        pruned = prune_done(keep_done_for(self.app.config), now)
        db.session.commit()
        if pruned:
            log.info("job worker: %d finished jobs pruned", pruned)

    def run(self) -> None:
        """Poll for jobs; sleep briefly when the queue is empty (or woken by a local enqueue)."""
        while not self.stopping.is_set():
            ran = 0
            try:
                with self.app.app_context():
                    ran = run_pending(self.worker_id, limit=20)
                    self._prune_now_and_then()
                    db.session.remove()
            except Exception as exc:  # noqa: BLE001 - e.g. the database restarting; try again shortly
                log.error("job worker: %s", type(exc).__name__)
            if not ran:
                _wake.wait(POLL_SECONDS)
                _wake.clear()


_worker: Optional[JobWorker] = None
_worker_lock = threading.Lock()


def start_worker(app) -> Optional[JobWorker]:
    """Start this process's worker thread once (unless JOBS_WORKER_THREAD is off)."""
    global _worker
    if not app.config.get("JOBS_WORKER_THREAD", not app.testing):
        return None
    with _worker_lock:
        if _worker is None or not _worker.is_alive() or os.getpid() != _worker_pid:
            _start(app)
        return _worker


_worker_pid = 0


def _start(app) -> None:
    global _worker, _worker_pid
    _worker = JobWorker(app)
    _worker_pid = os.getpid()
    _worker.start()
