"""What an administrator changes on an existing account: role, groups, active."""
from __future__ import annotations

from typing import Iterable

from flask_babel import gettext
from sqlalchemy import select

from app.extensions import db
from app.models import Assignment, BreakoutGroup, Conference, Role, User
from app.services.accounts.accounts import AccountError, end_sessions


def groups_by_label(conference: Conference | None, labels: Iterable[str]) -> list[BreakoutGroup]:
    """The conference's groups with these labels (letter case ignored); AccountError naming any unknown one."""
    groups = {g.label.casefold(): g for g in (conference.groups if conference else [])}
    found = []
    for label in labels:
        group = groups.get(label.strip().casefold())
        if group is None:
            raise AccountError(gettext("No group labelled %(label)r.", label=label))
        found.append(group)
    return found


def set_groups(user: User, groups: Iterable[BreakoutGroup]) -> None:
    """Assign the account to exactly these groups (whole-event assignments; per-session ones are kept)."""
    wanted = {g.id for g in groups}
    current = {a.group_id: a for a in user.assignments if a.session_id is None}
    for group_id, assignment in current.items():
        if group_id not in wanted:
            db.session.delete(assignment)
    db.session.add_all(Assignment(user_id=user.id, group_id=g) for g in wanted - set(current))


def update_account(editor: User, user: User, role: str, active: bool, group_ids: Iterable[int],
                   conference: Conference | None) -> None:
    """Change an account's role, active state and groups; an administrator cannot lock themself out."""
    try:
        new_role = Role(role)
    except ValueError:
        raise AccountError(gettext("Unknown role %(role)r; use one of %(choices)s.", role=role,
                                   choices=", ".join(r.value for r in Role))) from None
    if user.id == editor.id and (new_role is not Role.ADMIN or not active):
        raise AccountError(gettext("You cannot remove your own administrator role or deactivate yourself."))
    ids = set(group_ids)
    groups = db.session.scalars(select(BreakoutGroup).where(
        BreakoutGroup.conference_id == conference.id, BreakoutGroup.id.in_(ids))).all() if conference and ids else []
    was_active = user.active
    user.role, user.active = new_role, active
    set_groups(user, groups)
    db.session.commit()
    if was_active and not active:
        end_sessions(user)
