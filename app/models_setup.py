"""Tables of the set-up and administration area kept apart from app/models.py: one-time password reset
codes. The app factory imports this module so the table is part of the migrated schema."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models import User, utcnow


class PasswordResetCode(db.Model):
    """A one-time code an administrator gives a user who forgot their password.

    Only the code's SHA-256 is stored (the code is shown once, to the administrator); it works once,
    until it expires, and a newer code for the same account replaces it.
    """

    __tablename__ = "password_reset_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), unique=True)
    code_sha256: Mapped[str] = mapped_column(String(64))
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship(foreign_keys=[user_id])
