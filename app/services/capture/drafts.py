"""Autosaved drafts: encrypted at rest, destroyed on submit or expiry."""
from __future__ import annotations

from datetime import timedelta
from typing import Optional

from sqlalchemy import delete, select

from app.extensions import db
from app.models import Draft, as_utc, utcnow
from app.services import keys


def save_draft(user_id: int, session_id: int, group_id: int, text: str, key_path: str,
               ttl_seconds: int) -> Draft:
    """Encrypt and store (or replace) the rapporteur's draft for a session and group."""
    draft = db.session.scalar(select(Draft).where(
        Draft.user_id == user_id, Draft.session_id == session_id, Draft.group_id == group_id))
    now = utcnow()
    if draft is None:
        draft = Draft(user_id=user_id, session_id=session_id, group_id=group_id)
        db.session.add(draft)
    draft.ciphertext = keys.encrypt(key_path, text)
    draft.updated_at = now
    draft.expires_at = now + timedelta(seconds=ttl_seconds)
    db.session.commit()
    return draft


def load_draft(user_id: int, session_id: int, group_id: int, key_path: str) -> Optional[str]:
    """The decrypted draft text, or None if there is none or it expired (then it is destroyed)."""
    draft = db.session.scalar(select(Draft).where(
        Draft.user_id == user_id, Draft.session_id == session_id, Draft.group_id == group_id))
    if draft is None:
        return None
    if as_utc(draft.expires_at) <= utcnow():
        db.session.delete(draft)
        db.session.commit()
        return None
    try:
        return keys.decrypt(key_path, draft.ciphertext)
    except ValueError:
        return None


def destroy_draft(user_id: int, session_id: int, group_id: int) -> None:
    """Delete the draft (on submit). The caller commits."""
    db.session.execute(delete(Draft).where(
        Draft.user_id == user_id, Draft.session_id == session_id, Draft.group_id == group_id))


def purge_expired() -> int:
    """Delete every expired draft; returns how many."""
    result = db.session.execute(delete(Draft).where(Draft.expires_at <= utcnow()))
    db.session.commit()
    return result.rowcount or 0
