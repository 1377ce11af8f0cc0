"""Tables of the review area beyond the core schema: the record that lets a co-chair undo a theme change.

Kept apart from app/models.py (see app/models_jobs.py); the app factory imports it so the table is part
of the metadata that migrations are compared with.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models import Theme, User, utcnow


class ThemeChange(db.Model):
    """A theme merge or retirement, with exactly what it moved or dropped, so it can be undone for a while.

    ``links`` holds ids and numbers only, never text: for a merge, each idea link that moved from the
    source to the target (and, where the idea already had the target, that link's state before); for a
    retirement, each suggestion it took off.
    """

    __tablename__ = "theme_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), index=True)
    action: Mapped[str] = mapped_column(String(10))  # "merge" or "retire"
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id"), index=True)
    target_id: Mapped[Optional[int]] = mapped_column(ForeignKey("theme.id"), nullable=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"), nullable=True)
    links: Mapped[list] = mapped_column(JSON, default=list)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    undone_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)

    theme: Mapped[Theme] = relationship(foreign_keys=[theme_id])
    target: Mapped[Optional[Theme]] = relationship(foreign_keys=[target_id])
    user: Mapped[Optional[User]] = relationship()
