"""Export views: choose filters and a format, pass the final check, download now or again later."""
from __future__ import annotations

import io
from typing import Mapping, Optional

from flask import abort, flash, jsonify, redirect, render_template, request, send_file, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from werkzeug.routing import BuildError

from app.export import bp
from app.extensions import db
from app.inputs import db_id
from app.i18n import normalize
from app.models import Idea, Role
from app.security import role_required
from app.services import audit
from app.services.anonymization import current_anonymizer_settings
from app.services.conference import current_conference
from app.services.export import (
    EXPORTABLE_STATUSES,
    FORMATS,
    PLAN_SECTION_TITLES,
    ExportError,
    ExportFilters,
    describe_filters,
    gather_export,
    get_export,
    list_exports,
    run_export,
)
from app.services.export.check.findings import check_export, clear_warnings, highlight_segments


def _conference():
    conference = current_conference()
    if conference is None:
        abort(404)
    return conference


def _int_or_none(value: Optional[str]) -> Optional[int]:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return db_id(value)
    except ValueError:
        raise ExportError(gettext("Day and session must be numbers.")) from None


def _filters_from(values: Mapping[str, str]) -> ExportFilters:
    """Filters from a form or query string (blank fields mean "all")."""
    theme = (values.get("theme") or "").strip().upper() or None
    status = (values.get("status") or "approved").strip()
    return ExportFilters(day=_int_or_none(values.get("day")), session_id=_int_or_none(values.get("session")),
                         theme_code=theme, status=status)


def _filter_args(filters: ExportFilters) -> dict:
    """Filters as query arguments, for links back to the same check."""
    args = {"day": filters.day, "session": filters.session_id, "theme": filters.theme_code,
            "status": filters.status if filters.status != "approved" else None}
    return {k: v for k, v in args.items() if v is not None}


def _wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json"


def _review_url(idea_id: int) -> Optional[str]:
    """Where a co-chair edits an idea (the review area's page), if that page exists."""
    try:
        return url_for("review.idea", idea_id=idea_id)
    except BuildError:
        return None


def _render_check(conference, filters: ExportFilters, data, report, status: int = 200, refused_format=None):
    ideas = {i.id: i for i in data.ideas}
    return render_template(
        "export/check.html",
        conference=conference,
        filters=filters,
        filter_args=_filter_args(filters),
        description=data.filter_description,
        report=report,
        ideas=ideas,
        segments=highlight_segments,
        refused_format=refused_format,
        can_clear=current_user.has_role(Role.COCHAIR),
        review_url=_review_url,
    ), status


@bp.get("/")
@role_required(Role.DRAFTER)
def index():
    """The drafters' start page: the export form and past exports."""
    conference = _conference()
    records = list_exports(conference)
    return render_template(
        "export/index.html",
        conference=conference,
        formats=FORMATS,
        statuses=EXPORTABLE_STATUSES,
        records=records,
        describe=lambda filters: describe_filters(ExportFilters(
            filters.get("day"), filters.get("session_id"), filters.get("theme"), filters.get("status", "approved"))),
        plan_titles=PLAN_SECTION_TITLES,
    )


@bp.post("/")
@role_required(Role.DRAFTER)
def create():
    """Make an export: refused with 409 and the ideas to fix, or served as a download."""
    conference = _conference()
    format_name = (request.form.get("format") or "").strip()
    try:
        filters = _filters_from(request.form)
        if format_name not in FORMATS:
            raise ExportError(gettext("Choose a format: Word, Markdown, CSV or JSON."))
        outcome = run_export(conference, filters, format_name, current_user, current_anonymizer_settings(), via="web",
                             lang=normalize(request.form.get("lang")))
    except ExportError as exc:
        if _wants_json():
            return jsonify(error=str(exc)), 400
        flash(str(exc), "error")
        return redirect(url_for("export.index"))
    if outcome.refused:
        report = outcome.report
        if _wants_json():
            return jsonify(
                error=gettext("The final anonymization check refused this export."),
                blocking_ideas=report.blocking_idea_ids,
                warning_ideas=report.warning_idea_ids,
                check_url=url_for("export.check", **_filter_args(filters)),
            ), 409
        data = gather_export(conference, filters)
        return _render_check(conference, filters, data, report, status=409, refused_format=FORMATS[format_name])
    return _send(outcome.record)


def _send(record):
    """Serve an export's bytes with its type, file name and hash."""
    # Werkzeug adds "; charset=utf-8" to text types itself; passing it too would say it twice.
    mimetype = FORMATS[record.format].mimetype.split(";")[0]
    response = send_file(io.BytesIO(record.content), mimetype=mimetype,
                         as_attachment=True, download_name=record.filename)
    response.headers["X-Export-Id"] = str(record.id)
    response.headers["X-Content-SHA256"] = record.sha256
    return response


@bp.get("/records/<int:record_id>")
@role_required(Role.DRAFTER)
def download(record_id: int):
    """Download a past export again, exactly as it was made (same bytes, same hash)."""
    record = get_export(_conference(), record_id)
    if record is None:
        abort(404)
    audit.record(current_user, "export_download", "export_record", record.id, sha256=record.sha256)
    db.session.commit()
    return _send(record)


@bp.get("/check")
@role_required(Role.DRAFTER, Role.COCHAIR)
def check():
    """Run the final check without exporting: which ideas block, which warnings wait for a co-chair."""
    conference = _conference()
    try:
        filters = _filters_from(request.args)
        data = gather_export(conference, filters)
    except ExportError as exc:
        flash(str(exc), "error")
        return redirect(url_for("export.check"))
    report = check_export(conference, data, current_anonymizer_settings())
    return _render_check(conference, filters, data, report)


@bp.post("/warnings/<int:idea_id>/clear")
@role_required(Role.COCHAIR)
def clear(idea_id: int):
    """A co-chair clears an idea's warnings once; they stay cleared until its text changes."""
    conference = _conference()
    idea = db.session.get(Idea, idea_id)
    if idea is None or idea.conference_id != conference.id:
        abort(404)
    count = clear_warnings(conference, idea, request.form.getlist("fingerprint"), current_user, current_anonymizer_settings())
    if count:
        flash(ngettext("Cleared %(num)d warning on idea %(idea)s.", "Cleared %(num)d warnings on idea %(idea)s.",
                       count, idea=idea.id), "success")
    else:
        flash(gettext("Nothing to clear on idea %(idea)s: its text may have changed. Check again.", idea=idea.id),
              "error")
    try:
        filters = _filters_from(request.form)
    except ExportError:
        filters = ExportFilters()
    return redirect(url_for("export.check", **_filter_args(filters)) + f"#idea-{idea.id}")
