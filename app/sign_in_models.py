"""The sign-in throttle's table and the case-insensitive username key (app.models re-exports both)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


def username_key(username: str) -> str:
    """The case-insensitive form of a username (what uniqueness and sign-in compare)."""
    return (username or "").strip().lower()


class LoginThrottle(db.Model):
    """Failed sign-ins per (username key, client address): one counter row, updated atomically.

    Keyed by address as well as account, so guesses from one place cannot lock the owner out
    elsewhere; keyed by the typed username, known or not, so a lockout never reveals an account.
    """

    __tablename__ = "login_throttle"

    account: Mapped[str] = mapped_column(String(160), primary_key=True)
    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class SessionVersioned:
    """Makes Flask-Login's session cookie hold "id:session_version", so bumping the version
    (at sign-out and password change) ends every session signed in before."""

    def get_id(self) -> str:
        """What the session cookie holds: the id and the session version."""
        return f"{self.id}:{self.session_version or 0}"
