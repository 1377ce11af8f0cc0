"""Capture views: thin; the work is in the services.capture package.

JSON endpoints (autosave, preview, restore, submit from the page's script) answer errors in
JSON; page endpoints answer with the HTML error page. No view logs or flashes note text.
"""
from __future__ import annotations

from flask import current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import format_number, gettext, ngettext
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from app.capture import bp
from app.capture.forms import IdeaEditForm
from app.extensions import db
from app.i18n import safe_next
from app.inputs import InputError, json_object
from app.models import IdeaStatus, Role
from app.rate_limits import autosave_limits, edit_limits, preview_limits, submit_limits
from app.security import role_required
from app.services.anonymization import current_anonymizer_settings
from app.services.capture import clean_ideas, drafts
from app.services.capture import ideas as idea_service
from app.services.capture.errors import CaptureError
from app.services.capture.places import assigned_places, find_place, returned_ideas, summarize_places
from app.services.capture.preview import build_preview
from app.services.capture.restores import restore_decision
from app.services.capture.splitting import split_into_ideas
from app.services.conference import current_conference

JSON_ENDPOINTS = {"capture.autosave", "capture.preview", "capture.restore", "capture.token", "capture.split"}
AUTOSAVE_SECONDS = 4


@bp.errorhandler(CaptureError)
def capture_error(error: CaptureError):
    """A refusal with a clear message: JSON for the page's script, HTML otherwise."""
    if request.endpoint in JSON_ENDPOINTS or request.is_json:
        return jsonify(error=error.message), error.status
    return render_template("error.html", code=error.status, message=error.message), error.status


def _max_chars() -> int:
    return int(current_app.config["MAX_NOTE_CHARS"])


def _json_body() -> dict:
    """The request's JSON object, or a 400 with a clear message."""
    try:
        return json_object()
    except InputError as exc:
        raise CaptureError(exc.message, 400) from exc


def _text_field(data: dict, name: str = "text") -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise CaptureError(gettext("The field “%(name)s” must be text.", name=name), 400)
    return value


def _string_list(data, name: str) -> list[str]:
    """A list of short strings from JSON (a list) or a form (repeated fields)."""
    values = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values) or len(values) > 500:
        raise CaptureError(gettext("The field “%(name)s” must be a list of terms.", name=name), 400)
    return values


def _place(session_id: int, group_id: int):
    return find_place(current_user, current_conference(), session_id, group_id)


@bp.get("/")
@role_required(Role.RAPPORTEUR)
def index():
    """The rapporteur's home: their sessions and groups, ideas so far, drafts waiting."""
    conference = current_conference()
    places = assigned_places(current_user, conference)
    summaries = summarize_places(current_user, places)
    return render_template("capture/index.html", conference=conference, summaries=summaries,
                           returned=[(s.place, idea) for s in summaries for idea in s.returned])


@bp.get("/token")
@role_required(Role.RAPPORTEUR)
def token():
    """A fresh CSRF token, so a page whose sign-in was renewed can keep saving without a reload."""
    return jsonify(csrf_token=generate_csrf())


@bp.get("/<int:session_id>/<int:group_id>")
@role_required(Role.RAPPORTEUR)
def capture(session_id: int, group_id: int):
    """The note-taking page for one session and group, with the saved draft restored."""
    place = _place(session_id, group_id)
    draft = drafts.load_draft(current_user.id, session_id, group_id, current_app.config["ENCRYPTION_KEY_PATH"])
    return render_template("capture/capture.html", place=place, draft_text=draft or "",
                           draft_restored=bool(draft), submission_key=idea_service.new_submission_key(),
                           max_chars=_max_chars(), autosave_seconds=AUTOSAVE_SECONDS,
                           returned=[(place, idea) for idea in returned_ideas([place])])


@bp.post("/<int:session_id>/<int:group_id>/draft")
@autosave_limits
@role_required(Role.RAPPORTEUR)
def autosave(session_id: int, group_id: int):
    """Store the note as an encrypted draft (or drop the draft when the note is empty)."""
    place = _place(session_id, group_id)
    text = _text_field(_json_body())
    if not text.strip():
        drafts.destroy_draft(current_user.id, *place.key)
        db.session.commit()
        return jsonify(saved=True, empty=True)
    drafts.save_draft(current_user.id, place.session.id, place.group.id, text,
                      current_app.config["ENCRYPTION_KEY_PATH"], int(current_app.config["DRAFT_TTL_SECONDS"]))
    warning = None
    if len(text) > _max_chars():
        warning = gettext("The note is over %(limit)s characters: it is saved, but split it before "
                          "you preview and submit.", limit=format_number(_max_chars()))
    return jsonify(saved=True, warning=warning)


@bp.post("/<int:session_id>/<int:group_id>/preview")
@preview_limits
@role_required(Role.RAPPORTEUR)
def preview(session_id: int, group_id: int):
    """Anonymize the note and describe every removal and flag (nothing is stored)."""
    _place(session_id, group_id)
    text = _text_field(_json_body())
    idea_service.check_note_size(text, _max_chars())
    return jsonify(build_preview(text, current_conference(), current_anonymizer_settings()).as_json())


@bp.post("/split")
@autosave_limits
@role_required(Role.RAPPORTEUR)
def split():
    """The ideas of an (anonymized) text by the one splitting rule: the page shows them as it is edited."""
    text = _text_field(_json_body())
    idea_service.check_note_size(text or " ", _max_chars())
    return jsonify(ideas=split_into_ideas(text))


@bp.post("/<int:session_id>/<int:group_id>/restore")
@preview_limits
@role_required(Role.RAPPORTEUR)
def restore(session_id: int, group_id: int):
    """Check whether a removed term may be put back (the roster and the engine decide)."""
    _place(session_id, group_id)
    data = _json_body()
    term = _text_field(data, "term")
    if not term.strip():
        raise CaptureError(gettext("Choose a removed term to restore."), 400)
    note = _text_field(data, "note")
    if len(note) > _max_chars():
        idea_service.check_note_size(note, _max_chars())
    # The label comes from the server's own detection of the note; the page's "label" is ignored.
    refusal = restore_decision(term, note, current_conference(), current_anonymizer_settings())
    if refusal:
        return jsonify(allowed=False, error=refusal), 422
    return jsonify(allowed=True, term=term.strip())


@bp.post("/<int:session_id>/<int:group_id>/submit")
@submit_limits
@role_required(Role.RAPPORTEUR)
def submit(session_id: int, group_id: int):
    """Store the confirmed ideas once (idempotent on the page's submission key)."""
    place = _place(session_id, group_id)
    meta = ()
    if request.is_json:
        data = _json_body()
        if "ideas_text" in data:  # the anonymized text as edited: split here, by the one rule
            ideas = split_into_ideas(_text_field(data, "ideas_text"))
        else:
            ideas = _string_list(data, "ideas")
        meta = clean_ideas.parse_idea_meta(data.get("idea_meta"), len(ideas))
        key = data.get("submission_key", "")
    else:
        data = request.form
        ideas = split_into_ideas(data.get("ideas_text", ""))
        key = data.get("submission_key", "")
    if not isinstance(key, str):
        raise CaptureError(gettext("The page's submission key is missing or malformed. Reload the page."), 400)
    result = idea_service.submit_ideas(
        current_user, current_conference(), place, key, ideas, current_anonymizer_settings(), _max_chars(),
        restored=_string_list(data, "restored"), kept=_string_list(data, "kept"), meta=meta,
        note=data.get("note") if request.is_json else None)
    if request.is_json:
        return jsonify(
            stored=len(result.ideas), replayed=result.replayed, removed_again=result.removed_count,
            ideas=[{"id": i.id, "position": i.position, "text": i.text, "status": i.status.value,
                    "kind": i.kind, "support": i.support, "lang": i.lang} for i in result.ideas],
            next_submission_key=idea_service.new_submission_key(),
        ), (200 if result.replayed else 201)
    flash(ngettext("%(num)d idea stored for %(group)s.", "%(num)d ideas stored for %(group)s.", len(result.ideas),
                   group=place.group.label), "success")
    return redirect(url_for("capture.my_ideas"))


@bp.get("/ideas")
@role_required(Role.RAPPORTEUR)
def my_ideas():
    """The ideas of the rapporteur's groups, editable until a co-chair approves them."""
    places = assigned_places(current_user, current_conference())
    ideas = idea_service.ideas_for_places(places)
    by_place = []
    for place in places:
        place_ideas = [i for i in ideas if (i.session_id, i.group_id) == place.key]
        if place_ideas:
            by_place.append((place, place_ideas))
    return render_template("capture/ideas.html", by_place=by_place, is_editable=idea_service.is_editable)


def _flash_edit(removed: int, resent: bool) -> None:
    """Say what an edit did: saved (and resent for review), and what the server removed again."""
    if removed:
        flash(ngettext("Idea saved. %(num)d identifying item was removed again.",
                       "Idea saved. %(num)d identifying items were removed again.", removed), "info")
    else:
        flash(gettext("Idea saved."), "success")
    if resent:
        flash(gettext("The idea is back with the co-chairs for review."), "success")


@bp.route("/ideas/<int:idea_id>/edit", methods=["GET", "POST"])
@edit_limits
@role_required(Role.RAPPORTEUR)
def edit_idea(idea_id: int):
    """Edit one idea of the rapporteur's groups; the edit is anonymized again."""
    places = assigned_places(current_user, current_conference())
    idea = idea_service.find_idea(idea_id, places)
    if idea is None:
        raise CaptureError(gettext("There is no such idea among your groups' ideas."), 404)
    if not idea_service.is_editable(idea):
        raise CaptureError(gettext("This idea has been approved or rejected by a co-chair and can no longer be edited."),
                           409)
    form = IdeaEditForm(data={"text": idea.text} if request.method == "GET" else None,
                        max_chars=_max_chars())
    if request.method == "POST":
        if not form.validate_on_submit():
            return render_template("capture/edit_idea.html", form=form, idea=idea), 400
        was_returned = idea.status == IdeaStatus.RETURNED
        result = idea_service.edit_idea(current_user, current_conference(), idea, form.text.data,
                                        current_anonymizer_settings(), _max_chars())
        _flash_edit(result.removed_count, was_returned)
        return redirect(safe_next(request.args.get("next")) if request.args.get("next") else url_for("capture.my_ideas"))
    return render_template("capture/edit_idea.html", form=form, idea=idea)
