"""Administrator views: the overview, settings and allow-list. Thin: services do the work. The other
views of the area: conference_views (import, set-up export), roster_views, account_views, structure_views."""
from flask import redirect, render_template, request, url_for
from flask import flash
from flask_babel import gettext, ngettext
from flask_login import current_user
from sqlalchemy import select

from app.admin import bp
from app.admin.uploads import admin_page_with_error, conference_or_flash
from app.extensions import db
from app.models import Role, User
from app.security import role_required
from app.services import audit
from app.services import conference as setup
from app.services.export.entries import PLAN_SECTION_TITLES


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
        default_role=Role.RAPPORTEUR,
        plan_titles=PLAN_SECTION_TITLES,
    )


@bp.post("/allowlist")
@role_required(Role.ADMIN)
def replace_allowlist():
    """Replace the allow-list from the text area (one term a line)."""
    conference = conference_or_flash()
    if conference is None:
        return admin_page_with_error()
    try:
        terms = setup.parse_allowlist(request.form.get("allowlist", ""))
    except setup.SetupError as exc:
        flash(str(exc), "error")
        return admin_page_with_error()
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
    conference = conference_or_flash()
    if conference is None:
        return admin_page_with_error()
    conference.show_groups_in_exports = request.form.get("show_groups_in_exports") == "on"
    conference.keep_idea_sources = request.form.get("keep_idea_sources") == "on"
    audit.record(current_user, "change_settings", "conference", conference.id,
                 show_groups_in_exports=conference.show_groups_in_exports,
                 keep_idea_sources=conference.keep_idea_sources)
    db.session.commit()
    flash(gettext("Settings saved."), "success")
    return redirect(url_for("admin.index")), 303
