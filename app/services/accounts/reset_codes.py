"""One-time password reset codes: an administrator makes one (shown once), the user types it with a new
password on the sign-in page's "Reset with a code" form. No e-mail is involved."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta, timezone

from flask_babel import lazy_gettext
from sqlalchemy import delete, select

from app.extensions import db
from app.models import User, utcnow
from app.models_setup import PasswordResetCode
from app.services.accounts.accounts import AccountError, change_password, end_sessions, find_user

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or copied by hand
CODE_LENGTH = 12  # 60 bits
VALID_FOR = timedelta(hours=24)
INVALID_CODE = lazy_gettext("This code does not work: it is wrong, used or expired. "
                            "Ask an administrator for a new one.")


def _digest(code: str) -> str:
    return hashlib.sha256("".join(code.split()).replace("-", "").upper().encode()).hexdigest()


def issue_code(admin: User, user: User) -> str:
    """A new code for user (any older one stops working); the caller shows it once and never stores it."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    db.session.execute(delete(PasswordResetCode).where(PasswordResetCode.user_id == user.id))
    db.session.add(PasswordResetCode(user_id=user.id, code_sha256=_digest(code), created_by_id=admin.id,
                                     expires_at=utcnow() + VALID_FOR))
    db.session.commit()
    return "-".join(code[i:i + 4] for i in range(0, CODE_LENGTH, 4))


def _aware(moment):
    """SQLite gives back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def redeem_code(username: str, code: str, new_password: str) -> User:
    """Set a new password with a valid code; the code is spent and every session of the account ends."""
    user = find_user(username) if username.strip() else None
    stored = user and db.session.scalar(select(PasswordResetCode).where(PasswordResetCode.user_id == user.id))
    if (stored is None or not user.active or _aware(stored.expires_at) < utcnow()
            or not hmac.compare_digest(stored.code_sha256, _digest(code or ""))):
        raise AccountError(str(INVALID_CODE))
    change_password(user, new_password)  # AccountError when the password breaks the policy: the code stays valid
    db.session.delete(stored)
    db.session.commit()
    end_sessions(user)
    return user
