"""Review views: the co-chairs' dashboard, the live queue and the decisions on one idea.

Thin views: they read the form, call app.services.review, commit, and answer with HTML (a redirect
back, with a flash) or, when the page's script asked for JSON, with the re-rendered idea. A ReviewError
raised by a service is answered by the blueprint's one handler (app.review.helpers).
No view shows who said anything: ideas carry only their session and group.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user

from app.extensions import db
from app.inputs import db_id, query_id
from app.models import Conference, Idea, Role, as_utc, utcnow
from app.review import bp
from app.review.helpers import conference_or_404, next_url, settings, wants_json
from app.security import role_required
from app.services.conference import current_conference
from app.services.export.check.precheck import precheck_approved
from app.services.nlp.idea_themes import active_themes
from app.services.nlp.clustering import candidates_pending
from app.services.review import common, decisions, queue as queue_service, tags
from app.services.review.dashboard import dashboard_figures
from app.services.review.proposal_merges import plenary_free_group_count, similar_ideas


def _render_idea(idea: Idea, conference: Conference) -> str:
    return render_template("review/_idea.html", idea=idea, theme_options=active_themes(conference),
                           of_groups=plenary_free_group_count(conference),
                           next_url=next_url(url_for("review.queue")))


def _idea_done(idea: Idea, conference: Conference, message: str):
    """Answer a decision on an idea: the re-rendered idea as JSON, or a redirect with a flash."""
    db.session.commit()
    if wants_json():
        db.session.refresh(idea)
        return jsonify(ok=True, message=message, id=idea.id, status=idea.status.value,
                       html=_render_idea(idea, conference))
    flash(message, "success")
    return redirect(next_url(url_for("review.queue")) + f"#idea-{idea.id}")


def _idea_or_404(conference: Conference, idea_id: int) -> Idea:
    idea = common.get_idea(conference, idea_id)
    if idea is None:
        abort(404)
    return idea


@bp.get("/")
@role_required(Role.COCHAIR)
def dashboard():
    """The co-chairs' dashboard: who has reported, ideas per theme, widest proposals, new clusters."""
    conference = current_conference()
    if conference is None:
        return render_template("review/no_conference.html")
    figures = dashboard_figures(conference)
    max_theme = max([c.total for c in figures["theme_counts"]] + [1])
    return render_template("review/dashboard.html", conference=conference, max_theme=max_theme,
                           candidates_pending=candidates_pending(conference),
                           of_groups=plenary_free_group_count(conference), **figures)


@bp.get("/queue")
@role_required(Role.COCHAIR)
def queue():
    """The review queue, newest first, with filters; review.js polls for new ideas."""
    conference = current_conference()
    if conference is None:
        return render_template("review/no_conference.html")
    filters = queue_service.QueueFilters.from_args(request.args)
    before = query_id("before")
    ideas = queue_service.queue_ideas(conference, filters, before_id=before)
    more = len(ideas) == queue_service.QUEUE_PAGE_SIZE
    return render_template(
        "review/queue.html", conference=conference, ideas=ideas, filters=filters,
        choices=queue_service.filter_choices(conference), theme_options=active_themes(conference),
        of_groups=plenary_free_group_count(conference),
        cursor=queue_service.latest_idea_id(conference), poll_at=utcnow().isoformat(),
        older_url=url_for("review.queue", before=ideas[-1].id, **filters.as_args()) if more else None,
        live=before is None, next_url=request.full_path.rstrip("?"),
    )


@bp.get("/queue.json")
@role_required(Role.COCHAIR)
def queue_poll():
    """New ideas since the `since` cursor (and ideas changed since `at`), rendered for the queue."""
    conference = conference_or_404()
    filters = queue_service.QueueFilters.from_args(request.args)
    since = query_id("since", default=0)
    changed_since: Optional[datetime] = None
    if request.args.get("at"):
        try:
            changed_since = as_utc(datetime.fromisoformat(request.args["at"]))
        except ValueError:
            changed_since = None
    result = queue_service.poll_queue(conference, filters, since, changed_since)
    theme_options = active_themes(conference)
    of_groups = plenary_free_group_count(conference)
    back = next_url(url_for("review.queue", **filters.as_args()))

    def render(idea: Idea) -> str:
        return render_template("review/_idea.html", idea=idea, theme_options=theme_options,
                               of_groups=of_groups, next_url=back)

    return jsonify(
        cursor=result.cursor,
        at=result.at.isoformat(),
        items=[{"id": idea.id, "status": idea.status.value, "html": render(idea)} for idea in result.new],
        changed=[{"id": idea.id, "status": idea.status.value, "matches": matches,
                  "html": render(idea) if matches else ""} for idea, matches in result.changed],
    )


@bp.get("/ideas/<int:idea_id>")
@role_required(Role.COCHAIR)
def idea(idea_id: int):
    """One idea with the ideas from other groups most likely to be the same proposal."""
    conference = conference_or_404()
    item = _idea_or_404(conference, idea_id)
    return render_template("review/idea.html", idea=item, similar=similar_ideas(conference, item),
                           theme_options=active_themes(conference),
                           of_groups=plenary_free_group_count(conference),
                           next_url=url_for("review.idea", idea_id=item.id))


@bp.post("/ideas/<int:idea_id>/approve")
@role_required(Role.COCHAIR)
def approve(idea_id: int):
    """Approve an idea for the report."""
    conference = conference_or_404()
    item = _idea_or_404(conference, idea_id)
    decisions.approve(current_user, item)
    response = _idea_done(item, conference, gettext("Idea #%(number)s approved.", number=item.id))
    precheck_approved(conference, item, settings())  # after the commit: exports find it checked
    return response


@bp.post("/ideas/<int:idea_id>/reopen")
@role_required(Role.COCHAIR)
def reopen(idea_id: int):
    """Put a decided idea back in the queue."""
    conference = conference_or_404()
    item = _idea_or_404(conference, idea_id)
    decisions.reopen(current_user, item)
    return _idea_done(item, conference, gettext("Idea #%(number)s is back in the queue.", number=item.id))


@bp.post("/ideas/<int:idea_id>/reject")
@role_required(Role.COCHAIR)
def reject(idea_id: int):
    """Reject an idea with a reason."""
    conference = conference_or_404()
    item = _idea_or_404(conference, idea_id)
    decisions.reject(current_user, item, request.form.get("reason", ""), settings())
    return _idea_done(item, conference, gettext("Idea #%(number)s rejected.", number=item.id))


@bp.post("/ideas/<int:idea_id>/return")
@role_required(Role.COCHAIR)
def send_back(idea_id: int):
    """Send an idea back to its group's rapporteur with what to change."""
    conference = conference_or_404()
    item = _idea_or_404(conference, idea_id)
    decisions.send_back(current_user, item, request.form.get("reason", ""), settings())
    return _idea_done(item, conference, gettext("Idea #%(number)s sent back to the rapporteur.", number=item.id))


@bp.post("/ideas/<int:idea_id>/edit")
@role_required(Role.COCHAIR)
def edit(idea_id: int):
    """Edit an idea's text; the edit is anonymized again before it is stored."""
    conference = conference_or_404()
    item = _idea_or_404(conference, idea_id)
    outcome = decisions.edit(current_user, item, request.form.get("text", ""), settings())
    message = (gettext("Idea #%(number)s edited.", number=item.id) if outcome.changed
               else gettext("Idea #%(number)s unchanged.", number=item.id))
    removed = outcome.removed + outcome.flagged
    if removed:
        message += " " + ngettext(
            "The anonymizer removed %(num)d passage that could identify someone; check the text.",
            "The anonymizer removed %(num)d passages that could identify someone; check the text.", removed)
    return _idea_done(item, conference, message)


@bp.post("/ideas/<int:idea_id>/themes/<action>")
@role_required(Role.COCHAIR)
def idea_theme(idea_id: int, action: str):
    """Confirm a theme, change to a theme (dropping other suggestions) or remove one."""
    conference = conference_or_404()
    item = _idea_or_404(conference, idea_id)
    theme = common.get_theme(conference, request.form.get("theme_id", type=db_id))
    if action not in ("confirm", "change", "remove"):
        abort(404)
    if theme is None:
        raise common.ReviewError(gettext("Choose a theme."))
    if action == "confirm":
        tags.confirm_theme(current_user, item, theme)
        message = gettext("Theme %(code)s confirmed on idea #%(number)s.", code=theme.code, number=item.id)
    elif action == "change":
        tags.change_theme(current_user, item, theme)
        message = gettext("Idea #%(number)s is now under %(code)s.", number=item.id, code=theme.code)
    else:
        tags.remove_theme(current_user, item, theme)
        message = gettext("Theme %(code)s taken off idea #%(number)s.", code=theme.code, number=item.id)
    return _idea_done(item, conference, message)
