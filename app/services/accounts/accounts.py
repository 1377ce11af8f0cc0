"""Accounts: creation under the password policy, sign-in with a lockout by (account, address),
and ending every session of an account."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from flask_babel import gettext, lazy_gettext
from sqlalchemy import select

from app.extensions import db
from app.models import Role, User, username_key
from app.services.accounts import login_throttle
from app.services.accounts.passwords import password_problem

# Hash compared when the username is unknown or the attempt is refused, so every answer costs
# one hash check and timing does not reveal which usernames exist.
_DUMMY = User(username="", role=Role.RAPPORTEUR)
_DUMMY.set_password("not-a-real-password")

WRONG_CREDENTIALS = lazy_gettext("Wrong username or password.")
LOCKED = lazy_gettext("Too many failed attempts. Try again in a few minutes.")


class AccountError(ValueError):
    """A user-facing problem with an account request."""


def find_user(username: str) -> Optional[User]:
    """The account whose username matches, ignoring letter case."""
    return db.session.scalar(select(User).where(User.username_key == username_key(username)))


def _check_username(username: str) -> str:
    username = (username or "").strip()
    if not username or len(username) > 80:
        raise AccountError(gettext("A username of 1 to 80 characters is required."))
    if any(c.isspace() or not c.isprintable() for c in username):
        raise AccountError(gettext("A username cannot contain spaces or invisible characters."))
    return username


def create_user(username: str, password: str, role: Role | str) -> User:
    """Create an account; refuses duplicates (in any letter case), blank names and weak passwords."""
    username = _check_username(username)
    problem = password_problem(password, username)
    if problem:
        raise AccountError(problem)
    try:
        role = Role(role)
    except ValueError as exc:
        raise AccountError(gettext("Unknown role %(role)r; use one of %(choices)s.", role=role,
                                   choices=", ".join(r.value for r in Role))) from exc
    if find_user(username):
        raise AccountError(gettext("The username %(username)r is taken (letter case does not count).",
                                   username=username))
    user = User(username=username, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def change_password(user: User, password: str) -> None:
    """Set a new password under the policy; every session signed in with the old one ends."""
    problem = password_problem(password, user.username)
    if problem:
        raise AccountError(problem)
    user.set_password(password)
    db.session.commit()
    login_throttle.clear_account(user.username_key)


def end_sessions(user: User) -> None:
    """Invalidate every session cookie of the account (sign-out does this server-side)."""
    user.session_version = (user.session_version or 0) + 1
    db.session.commit()


@dataclass
class SignInResult:
    """Outcome of a sign-in attempt."""

    user: Optional[User]
    error: Optional[str] = None
    locked: bool = False


def authenticate(username: str, password: str, address: str, max_failures: int,
                 lockout_seconds: int) -> SignInResult:
    """Check credentials; the same answers whether the account exists or not.

    Each (typed username, address) may check max_failures passwords per lockout period;
    the next attempts get the lockout answer, for unknown usernames as for real ones.
    """
    password = password or ""
    key = username_key(username)
    if not login_throttle.take_attempt(key, address or "unknown", max_failures, lockout_seconds):
        _DUMMY.check_password(password)
        return SignInResult(None, str(LOCKED), locked=True)
    user = find_user(username) if key else None
    if user is None:
        _DUMMY.check_password(password)
        return SignInResult(None, str(WRONG_CREDENTIALS))
    if not user.check_password(password) or not user.active:
        return SignInResult(None, str(WRONG_CREDENTIALS))
    login_throttle.clear(key, address or "unknown")
    return SignInResult(user)
