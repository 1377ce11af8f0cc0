"""Failed sign-in counting by (typed username, client address), atomic on SQLite and PostgreSQL.

Every attempt first takes a slot with one INSERT ... ON CONFLICT DO UPDATE SET failures =
failures + 1 RETURNING failures, and only an attempt whose slot is within the limit has its
password checked; so concurrent guesses can never check more passwords than the limit, whatever
their timing. A successful sign-in deletes the row. A window opens at the first failure and the
row is purged when it is older than the lockout period.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite

from app.extensions import db
from app.models import LoginThrottle, utcnow

ACCOUNT_CHARS = 160
ADDRESS_CHARS = 64


def _insert():
    """The dialect's INSERT, which both SQLite and PostgreSQL extend with ON CONFLICT."""
    dialect = db.session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(LoginThrottle)
    if dialect == "sqlite":
        return sqlite.insert(LoginThrottle)
    raise RuntimeError(f"Sign-in throttling supports SQLite and PostgreSQL, not {dialect}.")


def take_attempt(account: str, address: str, max_failures: int, window_seconds: int) -> bool:
    """Count one attempt for (account, address); False when the limit is reached (the lockout)."""
    now = utcnow()
    table = LoginThrottle.__table__
    db.session.execute(delete(LoginThrottle).where(
        LoginThrottle.window_started_at < now - timedelta(seconds=window_seconds)))
    statement = _insert().values(account=account[:ACCOUNT_CHARS], address=address[:ADDRESS_CHARS],
                                 failures=1, window_started_at=now)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.account, table.c.address],
        set_={"failures": table.c.failures + 1},
    ).returning(table.c.failures)
    failures = db.session.execute(statement).scalar_one()
    db.session.commit()
    return failures <= max_failures


def clear(account: str, address: str) -> None:
    """Forget the failures of (account, address) after a successful sign-in."""
    db.session.execute(delete(LoginThrottle).where(
        LoginThrottle.account == account[:ACCOUNT_CHARS], LoginThrottle.address == address[:ADDRESS_CHARS]))
    db.session.commit()


def clear_account(account: str) -> None:
    """Forget every failure for an account (an administrator reset its password)."""
    db.session.execute(delete(LoginThrottle).where(LoginThrottle.account == account[:ACCOUNT_CHARS]))
    db.session.commit()
