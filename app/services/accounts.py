"""Accounts: creation, and sign-in with a lockout after repeated failures."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Optional

from flask_babel import gettext
from sqlalchemy import select

from app.extensions import db
from app.models import Role, User, as_utc, utcnow

# Hash compared when the username is unknown, so timing does not reveal which usernames exist.
_DUMMY = User(username="", role=Role.RAPPORTEUR)
_DUMMY.set_password("not-a-real-password")


class AccountError(ValueError):
    """A user-facing problem with an account request."""


def create_user(username: str, password: str, role: Role | str) -> User:
    """Create an account; refuses duplicates, blank names and short passwords."""
    username = (username or "").strip()
    if not username or len(username) > 80:
        raise AccountError(gettext("A username of 1 to 80 characters is required."))
    if len(password or "") < 8:
        raise AccountError(gettext("The password must have at least 8 characters."))
    try:
        role = Role(role)
    except ValueError as exc:
        raise AccountError(gettext("Unknown role %(role)r; use one of %(choices)s.", role=role,
                                   choices=", ".join(r.value for r in Role))) from exc
    if db.session.scalar(select(User).where(User.username == username)):
        raise AccountError(gettext("The username %(username)r is taken.", username=username))
    user = User(username=username, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


@dataclass
class SignInResult:
    """Outcome of a sign-in attempt."""

    user: Optional[User]
    error: Optional[str] = None
    locked: bool = False


def authenticate(username: str, password: str, max_failures: int, lockout_seconds: int) -> SignInResult:
    """Check credentials; after max_failures wrong passwords the account locks for a while."""
    user = db.session.scalar(select(User).where(User.username == (username or "").strip()))
    generic = gettext("Wrong username or password.")
    if user is None:
        _DUMMY.check_password(password or "")
        return SignInResult(None, generic)
    now = utcnow()
    locked_until = as_utc(user.locked_until)
    if locked_until and locked_until > now:
        return SignInResult(None, gettext("Too many failed attempts. Try again in a few minutes."), locked=True)
    if not user.check_password(password or "") or not user.active:
        user.failed_logins += 1
        if user.failed_logins >= max_failures:
            user.locked_until = now + timedelta(seconds=lockout_seconds)
            user.failed_logins = 0
            db.session.commit()
            return SignInResult(None, gettext("Too many failed attempts. Try again in a few minutes."), locked=True)
        db.session.commit()
        return SignInResult(None, generic)
    user.failed_logins = 0
    user.locked_until = None
    db.session.commit()
    return SignInResult(user)
