"""What each kind of job does. Every handler is idempotent: it recomputes and replaces its own output.

Handlers read what they need, do the model work while holding no write lock (SQLite takes its write
lock at the first INSERT/UPDATE, PostgreSQL row locks at the first write), then write in one short
transaction that the queue commits together with the job's "done" mark.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import select

from app.extensions import db
from app.models import Conference, Idea, User
from app.models_jobs import Job
from app.services.nlp import idea_themes
from app.services.nlp import clustering
from app.services.review import codebook_changes, proposal_merges
from app.services.jobs import EMERGING, PROPOSALS, REFRESH, SUGGEST, enqueue, handler


def _conference(job: Job) -> Conference:
    conference = db.session.get(Conference, job.conference_id)
    if conference is None:
        raise LookupError("the job's conference no longer exists")
    return conference


@handler(SUGGEST)
def suggest_themes(job: Job) -> Optional[dict]:
    """Rank theme suggestions for the ideas of one submission or edit; then refresh emerging candidates."""
    conference = _conference(job)
    ids = [int(i) for i in (job.payload or {}).get("idea_ids", [])]
    ideas = list(db.session.scalars(
        select(Idea).where(Idea.id.in_(ids), Idea.conference_id == conference.id).order_by(Idea.id)))
    idea_themes.attach_suggestions(conference, ideas)
    enqueue(EMERGING, conference)
    return {"ideas": len(ideas)}


@handler(REFRESH)
def refresh_suggestions(job: Job) -> Optional[dict]:
    """Re-rank every idea waiting for review (after the codebook changed)."""
    return {"ideas": codebook_changes.rerank_waiting_ideas(_conference(job))}


@handler(EMERGING)
def emerging_candidates(job: Job) -> Optional[dict]:
    """Cluster the unthemed ideas; the result is what the dashboard and the codebook page show."""
    return clustering.compute_candidates(_conference(job))


@handler(PROPOSALS)
def detect_proposals(job: Job) -> Optional[dict]:
    """Look for the same proposal raised by several groups (asked for by a co-chair)."""
    user_id = (job.payload or {}).get("user_id")
    user = db.session.get(User, int(user_id)) if user_id else None
    return {"suggested": proposal_merges.detect_proposals(user, _conference(job))}
