"""The audit trail: who approved, exported, restored a term. Never who said what."""
from __future__ import annotations

import logging
from typing import Any, Optional

from app.extensions import db
from app.models import AuditEvent, User

log = logging.getLogger("app.audit")


def record(user: Optional[User], action: str, target_type: str = "", target_id: Optional[int] = None,
           **detail: Any) -> AuditEvent:
    """Add an audit event to the session (the caller commits with its own change)."""
    event = AuditEvent(
        user_id=user.id if user is not None else None,
        action=action,
        target_type=target_type,
        target_id=target_id,
        detail=detail,
    )
    db.session.add(event)
    # Ids and action names only: detail may hold a restored term, kept out of logs.
    log.info("audit %s %s#%s by user %s", action, target_type, target_id, user.id if user else None)
    return event
