"""Importing the conference file: a dry run first (what would be added, changed, removed), then "Apply"
with the file sealed in the form; and the whole set-up as a file for the next event."""
from __future__ import annotations

import json

from flask import Response, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy.exc import SQLAlchemyError

from app.admin import bp
from app.admin.uploads import admin_page_with_error, as_text, uploaded_bytes
from app.extensions import db
from app.models import Role
from app.security import role_required
from app.services import audit
from app.services import conference as setup
from app.services.conference import sealed
from app.services.conference.apply import apply_plan, blocked_message
from app.services.conference.summary import change_line, result_line, summary_lines
from app.services.conference.transfer import export_setup_yaml

PURPOSE = "conference"


def _data(files: dict) -> dict:
    """The conference mapping from the sealed files: the conference file, and the codebook if one came."""
    data = setup.parse_conference_file(files["conference"], files["conference_name"])
    if files.get("codebook"):
        data["themes"] = setup.parse_codebook_file(files["codebook"], files["codebook_name"])
    return data


def _moves() -> dict[tuple[str, str], str]:
    """The administrator's choices of where the ideas of a removed thing go (form fields move:kind:key)."""
    moves = {}
    for name, target in request.form.items():
        kind, _, key = name.removeprefix("move:").partition(":")
        if name.startswith("move:") and target and kind in ("session", "group", "theme"):
            moves[(kind, key)] = target
    return moves


def _preview_page(plan, token: str, status: int = 200):
    targets = {"session": [(s.key, s.title) for s in plan.spec.sessions],
               "group": [(g, g) for g in [*plan.spec.groups, "Plenary"]],
               "theme": [(t.code, f"{t.code} · {t.name}") for t in plan.spec.themes or []]}
    changes = [(c, change_line(c)) for c in plan.changes
               if c.action in ("added", "changed", "removed") and c.kind not in ("allowlist", "conference")]
    return render_template("admin/conference_preview.html", plan=plan, token=token, summary=summary_lines(plan),
                           changes=changes, targets=targets), status


@bp.post("/conference")
@role_required(Role.ADMIN)
def import_conference():
    """The dry run of an uploaded YAML or JSON conference file (and optional codebook): nothing changes yet."""
    upload = uploaded_bytes("conference_file")
    if upload is None:
        return admin_page_with_error()
    codebook = uploaded_bytes("codebook_file", required=False)
    try:
        files = {"conference": as_text(upload[0]), "conference_name": upload[1],
                 "codebook": as_text(codebook[0]) if codebook else "", "codebook_name": codebook[1] if codebook else ""}
        plan = setup.preview_import(_data(files))
    except setup.SetupError as exc:  # its message is written for the administrator
        flash(gettext("Conference not imported: %(reason)s", reason=exc), "error")
        return admin_page_with_error()
    token = sealed.seal(current_app.config["ENCRYPTION_KEY_PATH"], PURPOSE, json.dumps(files).encode())
    return _preview_page(plan, token)


@bp.post("/conference/apply")
@role_required(Role.ADMIN)
def apply_conference():
    """Apply the previewed import, with the administrator's moves; refused while a removal is blocked."""
    token = request.form.get("token", "")
    try:
        files = json.loads(sealed.unseal(current_app.config["ENCRYPTION_KEY_PATH"], PURPOSE, token))
        plan = setup.preview_import(_data(files), _moves())
        if plan.blocked:
            flash(blocked_message(plan), "error")
            return _preview_page(plan, token, 409)
        conference = apply_plan(plan)
    except setup.SetupError as exc:
        db.session.rollback()
        flash(gettext("Conference not imported: %(reason)s", reason=exc), "error")
        return admin_page_with_error()
    except (ValueError, TypeError, KeyError, SQLAlchemyError) as exc:  # never show Python's own text
        db.session.rollback()
        current_app.logger.warning("conference import failed: %s", type(exc).__name__)
        flash(gettext("Conference not imported: %(reason)s", reason=setup.UNEXPECTED_SHAPE), "error")
        return admin_page_with_error()
    audit.record(current_user, "import_conference", "conference", conference.id,
                 **{f"{kind}s_{action}": plan.count(kind, action) for kind in ("session", "group", "theme")
                    for action in ("added", "changed", "removed")})
    db.session.commit()
    flash(result_line(conference, plan), "success")
    return redirect(url_for("admin.index")), 303


@bp.get("/setup.yaml")
@role_required(Role.ADMIN)
def export_setup():
    """The whole conference set-up as a conference file (no roster, no accounts, no ideas)."""
    conference = setup.current_conference()
    if conference is None:
        flash(gettext("Import a conference first."), "error")
        return admin_page_with_error(404)
    audit.record(current_user, "export_setup", "conference", conference.id)
    db.session.commit()
    return Response(export_setup_yaml(conference), mimetype="application/yaml",
                    headers={"Content-Disposition": 'attachment; filename="conference-setup.yaml"'})
