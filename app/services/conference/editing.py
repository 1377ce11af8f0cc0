"""Editing the conference's sessions and groups one at a time on the admin pages (the file import does
it in bulk). Removing a group that holds ideas, drafts or assignments needs a group to move them to."""
from __future__ import annotations

from typing import Optional

from flask_babel import gettext

from app.extensions import db
from app.models import BreakoutGroup, Conference, Session, SessionKind
from app.services.conference.apply import move_dependents
from app.services.conference.diff import group_in_use
from app.services.conference.errors import SetupError
from app.services.conference.file import ConferenceFileError, check_session, check_text


def update_session(session: Session, form: dict[str, str]) -> None:
    """Change a session's titles, kind, start time and plan section, checked as the conference file is."""
    values = {field: (form.get(field) or "").strip() for field in
              ("title", "title_fr", "kind", "starts_at", "plan_section", "code")}
    check_session(values)
    if values["starts_at"] and not _is_time(values["starts_at"]):
        raise SetupError(gettext("A start time is written HH:MM, for example 09:30."))
    code = values["code"].upper() or None
    if code and any(s.code == code and s.id != session.id for d in session.day.conference.days for s in d.sessions):
        raise SetupError(gettext("Session codes must be unique."))
    session.title, session.title_fr = values["title"], values["title_fr"]
    session.kind = SessionKind(values["kind"] or "breakout")
    session.starts_at = values["starts_at"] or None
    session.plan_section = values["plan_section"].lower()
    session.code = code
    db.session.commit()


def _is_time(value: str) -> bool:
    hours, _, minutes = value.partition(":")
    return hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and int(hours) < 24 and int(minutes) < 60


def _check_label(conference: Conference, label: str, group: Optional[BreakoutGroup] = None) -> str:
    label = " ".join((label or "").split())
    try:
        check_text(label, gettext("A group label"), 80, required=True)
    except ConferenceFileError as exc:
        raise SetupError(str(exc)) from None
    if label.casefold() == "plenary":
        raise SetupError(gettext("Every conference already has its Plenary."))
    if any(g.label.casefold() == label.casefold() and g is not group for g in conference.groups):
        raise SetupError(gettext("Group labels must be unique."))
    return label


def add_group(conference: Conference, label: str) -> BreakoutGroup:
    """A new breakout group."""
    group = BreakoutGroup(label=_check_label(conference, label), is_plenary=False)
    conference.groups.append(group)
    db.session.commit()
    return group


def rename_group(group: BreakoutGroup, label: str) -> None:
    """A new label for a group; its ideas and rapporteurs stay with it."""
    if group.is_plenary:
        raise SetupError(gettext("The Plenary keeps its name."))
    group.label = _check_label(group.conference, label, group)
    db.session.commit()


def remove_group(group: BreakoutGroup, move_to: Optional[BreakoutGroup]) -> int:
    """Delete a group; what it holds moves to move_to. Refused while it holds something and move_to is None."""
    if group.is_plenary:
        raise SetupError(gettext("The Plenary cannot be removed."))
    in_use = group_in_use(group.id)
    if in_use and (move_to is None or move_to.id == group.id or move_to.conference_id != group.conference_id):
        raise SetupError(gettext("%(label)s holds %(num)d ideas, drafts or assignments: choose a group to move "
                                 "them to.", label=group.label, num=in_use))
    if in_use:
        move_dependents("group", group, move_to)
    db.session.delete(group)
    db.session.commit()
    return in_use
