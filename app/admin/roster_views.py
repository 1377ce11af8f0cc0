"""Replacing the roster: the uploaded file is read and previewed ("28 people, 19 organizations; 2 rows
skipped: ..."), and replaces the stored roster only when the administrator confirms."""
from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user

from app.admin import bp
from app.admin.uploads import admin_page_with_error, conference_or_flash, uploaded_bytes
from app.extensions import db
from app.models import Role
from app.security import role_required
from app.services import audit
from app.services import conference as setup
from app.services.conference import sealed

PURPOSE = "roster"


@bp.post("/roster")
@role_required(Role.ADMIN)
def replace_roster():
    """Preview an uploaded roster (CSV or XLSX); nothing is stored until the administrator confirms."""
    conference = conference_or_flash()
    upload = uploaded_bytes("roster_file") if conference else None
    if upload is None:
        return admin_page_with_error()
    try:
        preview = setup.read_roster(*upload)
    except setup.SetupError as exc:
        flash(gettext("Roster not replaced: %(reason)s", reason=exc), "error")
        return admin_page_with_error()
    key_path = current_app.config["ENCRYPTION_KEY_PATH"]
    name = " ".join(upload[1].split())[:200].encode("utf-8", "replace")  # one line: the separator follows
    token = sealed.seal(key_path, PURPOSE, name + b"\n" + upload[0])
    return render_template("admin/roster_preview.html", preview=preview, token=token,
                           current_size=setup.roster_size(conference))


@bp.post("/roster/confirm")
@role_required(Role.ADMIN)
def confirm_roster():
    """Replace the stored roster (encrypted) with the previewed file."""
    conference = conference_or_flash()
    if conference is None:
        return admin_page_with_error()
    try:
        filename, _, raw = sealed.unseal(current_app.config["ENCRYPTION_KEY_PATH"], PURPOSE,
                                         request.form.get("token", "")).partition(b"\n")
        preview = setup.read_roster(raw, filename.decode("utf-8", "replace"))
    except setup.SetupError as exc:
        flash(gettext("Roster not replaced: %(reason)s", reason=exc), "error")
        return admin_page_with_error()
    count = setup.replace_roster(conference, preview.entries, current_app.config["ENCRYPTION_KEY_PATH"])
    audit.record(current_user, "replace_roster", "conference", conference.id, entries=count,
                 skipped=len(preview.skipped))
    db.session.commit()
    flash(ngettext("Roster replaced: %(num)d entry, stored encrypted.",
                   "Roster replaced: %(num)d entries, stored encrypted.", count), "success")
    return redirect(url_for("admin.index")), 303
