"""The job table: model work queued off the request path (see app.services.jobs).

Kept apart from app/models.py so the core schema module stays short; the app factory imports it so the
table is part of the metadata that migrations are compared with.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models import utcnow


class Job(db.Model):
    """Model work (theme suggestions, emerging clusters, proposal grouping) queued off the request path.

    A worker claims a queued job atomically, keeps ``heartbeat_at`` fresh while it runs, and marks it
    done; a job left "running" by a dead process is claimed again once its heartbeat is stale.
    """

    __tablename__ = "job"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), index=True)
    payload: Mapped[dict] = mapped_column(JSON, default=dict)  # ids only, never text
    state: Mapped[str] = mapped_column(String(10), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str] = mapped_column(String(80), default="")
    error: Mapped[str] = mapped_column(String(200), default="")  # exception type only
    result: Mapped[Optional[dict]] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    run_after: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    heartbeat_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
