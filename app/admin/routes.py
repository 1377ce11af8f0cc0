"""Administrator views: conference overview, roster, allow-list, accounts. Thin: services do the work."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.admin import bp
from app.extensions import db
from app.inputs import db_id
from app.i18n import localized
from app.services.export.entries import PLAN_SECTION_TITLES
from app.models import Assignment, BreakoutGroup, Role, User
from app.security import role_required
from app.services import audit
from app.services import conference_setup as setup
from app.services.accounts import AccountError, create_user

MAX_UPLOAD_CHARS = 1_000_000


def _uploaded_text(field: str) -> str | None:
    """The text of an uploaded file, or None with a flash message when it is unusable."""
    upload = request.files.get(field)
    if upload is None or not upload.filename:
        flash(gettext("Choose a file to upload."), "error")
        return None
    raw = upload.read(MAX_UPLOAD_CHARS + 1)
    if len(raw) > MAX_UPLOAD_CHARS:
        flash(gettext("That file is too large."), "error")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        flash(gettext("The file must be UTF-8 text."), "error")
        return None


@bp.get("/")
@role_required(Role.ADMIN)
def index():
    """The conference at a glance, with the roster size, allow-list and accounts."""
    conference = setup.current_conference()
    users = db.session.scalars(select(User).order_by(User.role, User.username)).all()
    return render_template(
        "admin/index.html",
        conference=conference,
        roster_size=setup.roster_size(conference) if conference else 0,
        allowlist="\n".join(setup.allowlist_terms(conference)) if conference else "",
        users=users,
        roles=list(Role),
        plan_titles=PLAN_SECTION_TITLES,
    )


@bp.post("/conference")
@role_required(Role.ADMIN)
def import_conference():
    """Create a conference from an uploaded YAML or JSON file."""
    raw = _uploaded_text("conference_file")
    if raw is None:
        return redirect(url_for("admin.index")), 303
    try:
        data = setup.parse_conference_file(raw, request.files["conference_file"].filename or "")
        conference = setup.import_conference(data)
    except setup.SetupError as exc:  # its message is written for the administrator
        db.session.rollback()
        flash(gettext("Conference not imported: %(reason)s", reason=exc), "error")
        return _admin_page_with_error()
    except (ValueError, TypeError, KeyError, SQLAlchemyError) as exc:  # never show Python's own text
        db.session.rollback()
        current_app.logger.warning("conference import failed: %s", type(exc).__name__)
        flash(gettext("Conference not imported: %(reason)s", reason=setup.UNEXPECTED_SHAPE), "error")
        return _admin_page_with_error()
    audit.record(current_user, "import_conference", "conference", conference.id)
    db.session.commit()
    flash(gettext("Imported %(name)s.", name=localized(conference, "name")), "success")
    return redirect(url_for("admin.index")), 303


def _admin_page_with_error():
    """Back to the admin page with a 400 status, so scripts notice the failure."""
    response = index()
    return response, 400


def _conference_or_flash():
    """The current conference, or None with a message saying to import one first."""
    conference = setup.current_conference()
    if conference is None:
        flash(gettext("Import a conference first."), "error")
    return conference


@bp.post("/roster")
@role_required(Role.ADMIN)
def replace_roster():
    """Replace the roster with an uploaded `name,affiliation` CSV; it is stored encrypted."""
    conference = _conference_or_flash()
    if conference is None:
        return _admin_page_with_error()
    raw = _uploaded_text("roster_file")
    if raw is None:
        return _admin_page_with_error()
    try:
        entries = setup.parse_roster_csv(raw)
    except setup.SetupError as exc:
        flash(gettext("Roster not replaced: %(reason)s", reason=exc), "error")
        return _admin_page_with_error()
    count = setup.replace_roster(conference, entries, current_app.config["ENCRYPTION_KEY_PATH"])
    audit.record(current_user, "replace_roster", "conference", conference.id, entries=count)
    db.session.commit()
    flash(ngettext("Roster replaced: %(num)d entry, stored encrypted.",
                   "Roster replaced: %(num)d entries, stored encrypted.", count), "success")
    return redirect(url_for("admin.index")), 303


@bp.post("/allowlist")
@role_required(Role.ADMIN)
def replace_allowlist():
    """Replace the allow-list from the text area (one term a line)."""
    conference = _conference_or_flash()
    if conference is None:
        return _admin_page_with_error()
    try:
        terms = setup.parse_allowlist(request.form.get("allowlist", ""))
    except setup.SetupError as exc:
        flash(str(exc), "error")
        return _admin_page_with_error()
    count = setup.replace_allowlist(conference, terms)
    audit.record(current_user, "replace_allowlist", "conference", conference.id, terms=count)
    db.session.commit()
    flash(ngettext("Allow-list saved: %(num)d term.", "Allow-list saved: %(num)d terms.", count), "success")
    return redirect(url_for("admin.index")), 303


@bp.post("/settings")
@role_required(Role.ADMIN)
def settings():
    """Conference settings: whether exports may name the group that raised an idea, and whether a clean
    idea keeps the anonymized sentence it came from."""
    conference = _conference_or_flash()
    if conference is None:
        return _admin_page_with_error()
    conference.show_groups_in_exports = request.form.get("show_groups_in_exports") == "on"
    conference.keep_idea_sources = request.form.get("keep_idea_sources") == "on"
    audit.record(current_user, "change_settings", "conference", conference.id,
                 show_groups_in_exports=conference.show_groups_in_exports,
                 keep_idea_sources=conference.keep_idea_sources)
    db.session.commit()
    flash(gettext("Settings saved."), "success")
    return redirect(url_for("admin.index")), 303


@bp.post("/users")
@role_required(Role.ADMIN)
def add_user():
    """Create an account; a rapporteur may be assigned to groups at once."""
    try:
        user = create_user(request.form.get("username", ""), request.form.get("password", ""),
                           request.form.get("role", ""))
    except AccountError as exc:
        db.session.rollback()
        flash(str(exc), "error")
        return _admin_page_with_error()
    conference = setup.current_conference()
    group_ids = set(request.form.getlist("group_ids", type=db_id))
    if conference and group_ids:
        groups = db.session.scalars(select(BreakoutGroup).where(
            BreakoutGroup.conference_id == conference.id, BreakoutGroup.id.in_(group_ids)))
        db.session.add_all(Assignment(user_id=user.id, group_id=g.id) for g in groups)
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
        return _admin_page_with_error()
    user.active = not user.active
    audit.record(current_user, "activate_user" if user.active else "deactivate_user", "user", user.id)
    db.session.commit()
    flash(gettext("%(username)s is now active.", username=user.username) if user.active
          else gettext("%(username)s is now deactivated.", username=user.username), "success")
    return redirect(url_for("admin.index")), 303
