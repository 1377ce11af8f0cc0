"""Sessions and groups, one at a time: edit a session, add, rename or remove a group (what a removed
group holds moves to the group the administrator chooses)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from app.admin import bp
from app.admin.uploads import admin_page_with_error, conference_or_flash
from app.extensions import db
from app.inputs import db_id
from app.models import BreakoutGroup, Role, Session
from app.security import role_required
from app.services import audit
from app.services import conference as setup
from app.services.conference.diff import group_in_use
from app.services.conference.editing import add_group, remove_group, rename_group, update_session
from app.services.conference.file import PLAN_SECTIONS
from app.services.export.entries import PLAN_SECTION_TITLES


def _structure_page(status: int = 200):
    conference = conference_or_flash()
    if conference is None:
        return admin_page_with_error()
    return render_template("admin/structure.html", conference=conference, plan_sections=PLAN_SECTIONS,
                           plan_titles=PLAN_SECTION_TITLES,
                           in_use={g.id: group_in_use(g.id) for g in conference.groups}), status


def _own(model, object_id: int):
    """A session or group of the current conference, or 404."""
    row = db.get_or_404(model, object_id)
    conference = setup.current_conference()
    if conference is None or row.conference_id != conference.id:
        abort(404)
    return row


@bp.get("/structure")
@role_required(Role.ADMIN)
def structure():
    """Sessions and groups of the current conference, editable."""
    return _structure_page()


def _done(message: str, action: str, target_type: str, target_id: int):
    audit.record(current_user, action, target_type, target_id)
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("admin.structure")), 303


def _refused(exc: Exception):
    db.session.rollback()
    flash(str(exc), "error")
    return _structure_page(400)


@bp.post("/sessions/<int:session_id>")
@role_required(Role.ADMIN)
def save_session(session_id: int):
    """Save a session's titles, kind, start time, plan section and code."""
    session = _own(Session, session_id)
    try:
        update_session(session, request.form.to_dict())
    except setup.SetupError as exc:
        return _refused(exc)
    return _done(gettext("Saved the session %(title)s.", title=session.title), "edit_session", "session", session.id)


@bp.post("/groups")
@role_required(Role.ADMIN)
def create_group():
    """Add a breakout group."""
    conference = conference_or_flash()
    if conference is None:
        return admin_page_with_error()
    try:
        group = add_group(conference, request.form.get("label", ""))
    except setup.SetupError as exc:
        return _refused(exc)
    return _done(gettext("Added %(label)s.", label=group.label), "add_group", "group", group.id)


@bp.post("/groups/<int:group_id>")
@role_required(Role.ADMIN)
def save_group(group_id: int):
    """Rename a group; its ideas and rapporteurs stay with it."""
    group = _own(BreakoutGroup, group_id)
    try:
        rename_group(group, request.form.get("label", ""))
    except setup.SetupError as exc:
        return _refused(exc)
    return _done(gettext("Renamed to %(label)s.", label=group.label), "rename_group", "group", group.id)


@bp.post("/groups/<int:group_id>/remove")
@role_required(Role.ADMIN)
def delete_group(group_id: int):
    """Remove a group; what it holds moves to the chosen group, and without one the removal is refused."""
    group = _own(BreakoutGroup, group_id)
    target_id = request.form.get("move_to", type=db_id)
    target = db.session.get(BreakoutGroup, target_id) if target_id else None
    label = group.label
    try:
        moved = remove_group(group, target)
    except setup.SetupError as exc:
        return _refused(exc)
    message = (gettext("Removed %(label)s; %(num)d ideas, drafts or assignments moved to %(target)s.",
                       label=label, num=moved, target=target.label) if moved
               else gettext("Removed %(label)s.", label=label))
    return _done(message, "remove_group", "group", group_id)
