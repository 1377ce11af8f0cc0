"""Accounts: create (a rapporteur unless chosen otherwise), edit role, groups and active state, and make a
one-time password reset code that is shown once."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from app.admin import bp
from app.admin.uploads import admin_page_with_error
from app.extensions import db
from app.inputs import db_id
from app.models import Role, User
from app.security import role_required
from app.services import audit
from app.services import conference as setup
from app.services.accounts import AccountError, create_user, issue_code, set_groups, update_account
from app.services.accounts.reset_codes import VALID_FOR


def _chosen_groups(conference):
    ids = set(request.form.getlist("group_ids", type=db_id))
    return [g for g in (conference.groups if conference else []) if g.id in ids]


@bp.post("/users")
@role_required(Role.ADMIN)
def add_user():
    """Create an account; a rapporteur may be assigned to groups at once."""
    try:
        user = create_user(request.form.get("username", ""), request.form.get("password", ""),
                           request.form.get("role", Role.RAPPORTEUR.value))
    except AccountError as exc:
        db.session.rollback()
        flash(str(exc), "error")
        return admin_page_with_error()
    set_groups(user, _chosen_groups(setup.current_conference()))
    audit.record(current_user, "create_user", "user", user.id, role=user.role.value)
    db.session.commit()
    flash(gettext("Created %(role)s %(username)s.", role=user.role.label.lower(), username=user.username), "success")
    return redirect(url_for("admin.index")), 303


@bp.post("/users/<int:user_id>/active")
@role_required(Role.ADMIN)
def toggle_user(user_id: int):
    """Deactivate or reactivate an account (not your own)."""
    user = db.get_or_404(User, user_id)
    if user.id == current_user.id:
        flash(gettext("You cannot deactivate your own account."), "error")
        return admin_page_with_error()
    user.active = not user.active
    audit.record(current_user, "activate_user" if user.active else "deactivate_user", "user", user.id)
    db.session.commit()
    flash(gettext("%(username)s is now active.", username=user.username) if user.active
          else gettext("%(username)s is now deactivated.", username=user.username), "success")
    return redirect(url_for("admin.index")), 303


def _edit_page(user: User, status: int = 200, code: str | None = None):
    return render_template("admin/account.html", user=user, roles=list(Role), conference=setup.current_conference(),
                           assigned={a.group_id for a in user.assignments}, code=code,
                           valid_hours=int(VALID_FOR.total_seconds() // 3600)), status


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_user(user_id: int):
    """One account: its role, groups and state (saved on POST), and a password reset code."""
    user = db.get_or_404(User, user_id)
    if request.method == "GET":
        return _edit_page(user)
    conference = setup.current_conference()
    try:
        update_account(current_user, user, request.form.get("role", ""), request.form.get("active") == "on",
                       [g.id for g in _chosen_groups(conference)], conference)
    except AccountError as exc:
        db.session.rollback()
        flash(str(exc), "error")
        return _edit_page(user, 400)
    audit.record(current_user, "edit_user", "user", user.id, role=user.role.value, active=user.active)
    db.session.commit()
    flash(gettext("Saved %(username)s.", username=user.username), "success")
    return redirect(url_for("admin.edit_user", user_id=user.id)), 303


@bp.post("/users/<int:user_id>/reset-code")
@role_required(Role.ADMIN)
def reset_code(user_id: int):
    """Make a one-time reset code and show it once (only its hash is kept)."""
    user = db.get_or_404(User, user_id)
    code = issue_code(current_user, user)
    audit.record(current_user, "issue_reset_code", "user", user.id)
    db.session.commit()
    response = _edit_page(user, 200, code)
    return response[0], 200, {"Cache-Control": "no-store"}
