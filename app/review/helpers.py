"""What the review views share: the conference, the settings, safe "next" URLs, id lists, idea kinds,
and the blueprint's one handler for ReviewError (a decision the co-chair cannot make)."""
from __future__ import annotations

from datetime import datetime

from babel.dates import format_time
from flask import abort, flash, g, jsonify, redirect, request, url_for
from flask_babel import get_locale, lazy_gettext

from app.extensions import db
from app.models import Conference, Idea
from app.review import bp
from app.services import jobs
from app.services.anonymization import current_anonymizer_settings as settings  # noqa: F401 - used by the review views
from app.services.conference import current_conference
from app.services.review.common import ReviewError
from app.services.review.dashboard import conference_timezone

# The kinds of clean idea (app.services.clean_ideas.KINDS) in the words a co-chair reads.
KIND_LABELS = {
    "proposal": lazy_gettext("proposal"),
    "finding": lazy_gettext("finding"),
    "concern": lazy_gettext("concern"),
    "question": lazy_gettext("question"),
    "commitment": lazy_gettext("commitment or action"),
    "figure": lazy_gettext("baseline, target or indicator"),
}


@bp.app_template_global()
def idea_kind_label(kind: str | None) -> str:
    """The words for a clean idea's kind in the page's language ("" when the idea has none)."""
    label = KIND_LABELS.get(kind or "")
    return str(label) if label is not None else (kind or "")


@bp.app_template_global()
def suggestions_pending(idea: Idea) -> bool:
    """Whether an idea's theme suggestions are queued but not computed yet (read once per request)."""
    if not hasattr(g, "pending_idea_ids"):
        g.pending_idea_ids = jobs.pending_idea_ids(idea.conference_id)
    pending = g.pending_idea_ids
    return (idea.status.value == "submitted") if pending is None else idea.id in pending


@bp.app_template_global()
def conference_clock(moment: datetime) -> str:
    """A time of day as the conference's clocks show it ("10:57"), in the page's language."""
    return format_time(moment.astimezone(conference_timezone()), "short", locale=get_locale())




def conference_or_404() -> Conference:
    """The current conference; 404 when none is set up."""
    conference = current_conference()
    if conference is None:
        abort(404)
    return conference


def wants_json() -> bool:
    """Whether the page's script asked for JSON rather than a redirect."""
    return request.accept_mimetypes.best == "application/json" or request.is_json


def next_url(default: str) -> str:
    """Where to go back to: a local review URL only (never an open redirect)."""
    target = request.form.get("next") or request.args.get("next") or ""
    if target.startswith("/review") and not target.startswith("//") and "\\" not in target:
        return target
    return default


def ids(values) -> list[int]:
    """Integers from form values such as ["12", "40, 77"]; anything else is ignored."""
    found: list[int] = []
    for value in values:
        for part in str(value).replace(";", ",").replace(" ", ",").split(","):
            part = part.strip().lstrip("#")
            if part.isdigit() and len(part) < 19:  # beyond 63 bits it cannot be an id
                found.append(int(part))
    return list(dict.fromkeys(found))


def _page_of_failed_request() -> str:
    """The review page a failed decision returns to: the area the request came from."""
    if request.path.startswith("/review/themes"):
        return url_for("review.themes")
    if request.path.startswith("/review/proposals"):
        return url_for("review.proposals")
    return url_for("review.queue")


@bp.errorhandler(ReviewError)
def review_error(error: ReviewError):
    """A decision the co-chair cannot make: nothing is kept; say why (JSON for the page's script)."""
    db.session.rollback()
    if wants_json():
        return jsonify(ok=False, error=str(error)), 400
    flash(str(error), "error")
    return redirect(next_url(_page_of_failed_request()))
