"""Typed SQLAlchemy 2 models of the export area: the exports made, and the final check's records.

Nothing here holds a speaker: export files hold anonymized ideas only, and check records hold offsets,
labels and reasons, never text.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models import User, utcnow


class ExportRecord(db.Model):
    """An export a drafter made: kept so it can be downloaded again and audited."""

    __tablename__ = "export_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), index=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    format: Mapped[str] = mapped_column(String(10))
    filters: Mapped[dict] = mapped_column(JSON, default=dict)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)

    user: Mapped[Optional[User]] = relationship()


class ClearedWarning(db.Model):
    """A weak export-check detection on an idea that a co-chair cleared once, for good."""

    __tablename__ = "cleared_warning"
    __table_args__ = (UniqueConstraint("idea_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("idea.id"), index=True)
    # label + hash of the flagged text, so the warning reappears if the text changes.
    fingerprint: Mapped[str] = mapped_column(String(100))
    cleared_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CheckResult(db.Model):
    """The anonymizer's findings on one export text, stored when an idea is approved.

    Keyed by a hash of the text and of what the check depends on (roster, allow-list, models):
    offsets, labels and reasons only, never the text, so exports reuse approval-time checks.
    """

    __tablename__ = "check_result"
    __table_args__ = (UniqueConstraint("conference_id", "text_hash", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), index=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(64))
    findings: Mapped[list] = mapped_column(JSON, default=list)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
