"""Review views: the co-chairs' dashboard, live queue, theme codebook and same-proposal merges.

Thin views: they read the form, call app.services.review, commit, and answer with HTML (a redirect
back, with a flash) or, when the page's script asked for JSON, with the re-rendered idea.
No view shows who said anything: ideas carry only their session and group.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from flask import (
    abort,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext, ngettext
from flask_login import current_user

from app.extensions import db
from app.inputs import db_id, query_id
from app.models import Conference, Idea, Role, ThemeKind, as_utc, utcnow
from app.review import bp
from app.security import role_required
from app.services import review as service
from app.services.conference_setup import current_conference
from app.services import jobs
from app.services.french_names import set_theme_french
from app.services.export.check.precheck import precheck_approved
from app.services.idea_themes import active_themes
from app.services.typed_text import clean_keywords, clean_typed


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

@bp.app_template_global()
def suggestions_pending(idea: Idea) -> bool:
    """Whether an idea's theme suggestions are queued but not computed yet (read once per request)."""
    if not hasattr(g, "pending_idea_ids"):
        g.pending_idea_ids = jobs.pending_idea_ids(idea.conference_id)
    pending = g.pending_idea_ids
    return (idea.status.value == "submitted") if pending is None else idea.id in pending


def _settings():
    # Imported here so the review pages load even before spaCy is needed.
    from app.services.anonymization import AnonymizerSettings

    return AnonymizerSettings.from_config(current_app.config)


def _conference() -> Conference:
    conference = current_conference()
    if conference is None:
        abort(404)
    return conference


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json" or request.is_json


def _next_url(default: str) -> str:
    """Where to go back to: a local review URL only (never an open redirect)."""
    target = request.form.get("next") or request.args.get("next") or ""
    if target.startswith("/review") and not target.startswith("//") and "\\" not in target:
        return target
    return default


def _render_idea(idea: Idea, conference: Conference) -> str:
    return render_template("review/_idea.html", idea=idea, theme_options=active_themes(conference),
                           of_groups=service.plenary_free_group_count(conference),
                           next_url=_next_url(url_for("review.queue")))


def _idea_done(idea: Idea, conference: Conference, message: str):
    """Answer a decision on an idea: the re-rendered idea as JSON, or a redirect with a flash."""
    db.session.commit()
    if _wants_json():
        db.session.refresh(idea)
        return jsonify(ok=True, message=message, id=idea.id, status=idea.status.value,
                       html=_render_idea(idea, conference))
    flash(message, "success")
    return redirect(_next_url(url_for("review.queue")) + f"#idea-{idea.id}")


def _failed(error: service.ReviewError, default: str):
    db.session.rollback()
    if _wants_json():
        return jsonify(ok=False, error=str(error)), 400
    flash(str(error), "error")
    return redirect(_next_url(default))


def _idea_or_404(conference: Conference, idea_id: int) -> Idea:
    idea = service.get_idea(conference, idea_id)
    if idea is None:
        abort(404)
    return idea


def _ids(values) -> list[int]:
    """Integers from form values such as ["12", "40, 77"]; anything else is ignored."""
    ids: list[int] = []
    for value in values:
        for part in str(value).replace(";", ",").replace(" ", ",").split(","):
            part = part.strip().lstrip("#")
            if part.isdigit() and len(part) < 19:  # beyond 63 bits it cannot be an id
                ids.append(int(part))
    return list(dict.fromkeys(ids))


# ---------------------------------------------------------------------------------------------
# Dashboard
# ---------------------------------------------------------------------------------------------

@bp.get("/")
@role_required(Role.COCHAIR)
def dashboard():
    """The co-chairs' dashboard: who has reported, ideas per theme, widest proposals, new clusters."""
    conference = current_conference()
    if conference is None:
        return render_template("review/no_conference.html")
    figures = service.dashboard(conference)
    max_theme = max([c.total for c in figures["theme_counts"]] + [1])
    return render_template("review/dashboard.html", conference=conference, max_theme=max_theme,
                           candidates_pending=service.candidates_pending(conference),
                           of_groups=service.plenary_free_group_count(conference), **figures)


# ---------------------------------------------------------------------------------------------
# Queue
# ---------------------------------------------------------------------------------------------

@bp.get("/queue")
@role_required(Role.COCHAIR)
def queue():
    """The review queue, newest first, with filters; review.js polls for new ideas."""
    conference = current_conference()
    if conference is None:
        return render_template("review/no_conference.html")
    filters = service.QueueFilters.from_args(request.args)
    before = query_id("before")
    ideas = service.queue_ideas(conference, filters, before_id=before)
    more = len(ideas) == service.QUEUE_PAGE_SIZE
    return render_template(
        "review/queue.html", conference=conference, ideas=ideas, filters=filters,
        choices=service.filter_choices(conference), theme_options=active_themes(conference),
        of_groups=service.plenary_free_group_count(conference),
        cursor=service.latest_idea_id(conference), poll_at=utcnow().isoformat(),
        older_url=url_for("review.queue", before=ideas[-1].id, **filters.as_args()) if more else None,
        live=before is None, next_url=request.full_path.rstrip("?"),
    )


@bp.get("/queue.json")
@role_required(Role.COCHAIR)
def queue_poll():
    """New ideas since the `since` cursor (and ideas changed since `at`), rendered for the queue."""
    conference = _conference()
    filters = service.QueueFilters.from_args(request.args)
    since = query_id("since", default=0)
    changed_since: Optional[datetime] = None
    if request.args.get("at"):
        try:
            changed_since = as_utc(datetime.fromisoformat(request.args["at"]))
        except ValueError:
            changed_since = None
    result = service.poll_queue(conference, filters, since, changed_since)
    theme_options = active_themes(conference)
    of_groups = service.plenary_free_group_count(conference)
    next_url = _next_url(url_for("review.queue", **filters.as_args()))

    def render(idea: Idea) -> str:
        return render_template("review/_idea.html", idea=idea, theme_options=theme_options,
                               of_groups=of_groups, next_url=next_url)

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
    conference = _conference()
    item = _idea_or_404(conference, idea_id)
    similar = service.similar_ideas(conference, item)
    return render_template("review/idea.html", idea=item, similar=similar, theme_options=active_themes(conference),
                           of_groups=service.plenary_free_group_count(conference),
                           next_url=url_for("review.idea", idea_id=item.id))


@bp.post("/ideas/<int:idea_id>/approve")
@role_required(Role.COCHAIR)
def approve(idea_id: int):
    """Approve an idea for the report."""
    conference = _conference()
    item = _idea_or_404(conference, idea_id)
    service.approve(current_user, item)
    response = _idea_done(item, conference, gettext("Idea #%(number)s approved.", number=item.id))
    precheck_approved(conference, item, _settings())  # after the commit: exports find it checked
    return response


@bp.post("/ideas/<int:idea_id>/reopen")
@role_required(Role.COCHAIR)
def reopen(idea_id: int):
    """Put a decided idea back in the queue."""
    conference = _conference()
    item = _idea_or_404(conference, idea_id)
    service.reopen(current_user, item)
    return _idea_done(item, conference, gettext("Idea #%(number)s is back in the queue.", number=item.id))


@bp.post("/ideas/<int:idea_id>/reject")
@role_required(Role.COCHAIR)
def reject(idea_id: int):
    """Reject an idea with a reason."""
    conference = _conference()
    item = _idea_or_404(conference, idea_id)
    try:
        service.reject(current_user, item, request.form.get("reason", ""), _settings())
    except service.ReviewError as error:
        return _failed(error, url_for("review.queue"))
    return _idea_done(item, conference, gettext("Idea #%(number)s rejected.", number=item.id))


@bp.post("/ideas/<int:idea_id>/return")
@role_required(Role.COCHAIR)
def send_back(idea_id: int):
    """Send an idea back to its group's rapporteur with what to change."""
    conference = _conference()
    item = _idea_or_404(conference, idea_id)
    try:
        service.send_back(current_user, item, request.form.get("reason", ""), _settings())
    except service.ReviewError as error:
        return _failed(error, url_for("review.queue"))
    return _idea_done(item, conference, gettext("Idea #%(number)s sent back to the rapporteur.", number=item.id))


@bp.post("/ideas/<int:idea_id>/edit")
@role_required(Role.COCHAIR)
def edit(idea_id: int):
    """Edit an idea's text; the edit is anonymized again before it is stored."""
    conference = _conference()
    item = _idea_or_404(conference, idea_id)
    try:
        outcome = service.edit(current_user, item, request.form.get("text", ""), _settings())
    except service.ReviewError as error:
        return _failed(error, url_for("review.queue"))
    message = (gettext("Idea #%(number)s edited.", number=item.id) if outcome.changed
               else gettext("Idea #%(number)s unchanged.", number=item.id))
    if outcome.removed or outcome.flagged:
        message += (f" The anonymizer removed {outcome.removed + outcome.flagged} passage(s) that could "
                    "identify someone; check the text.")
    return _idea_done(item, conference, message)


@bp.post("/ideas/<int:idea_id>/themes/<action>")
@role_required(Role.COCHAIR)
def idea_theme(idea_id: int, action: str):
    """Confirm a theme, change to a theme (dropping other suggestions) or remove one."""
    conference = _conference()
    item = _idea_or_404(conference, idea_id)
    theme = service.get_theme(conference, request.form.get("theme_id", type=db_id))
    if action not in ("confirm", "change", "remove"):
        abort(404)
    try:
        if theme is None:
            raise service.ReviewError(gettext("Choose a theme."))
        if action == "confirm":
            service.confirm_theme(current_user, item, theme)
            message = gettext("Theme %(code)s confirmed on idea #%(number)s.", code=theme.code, number=item.id)
        elif action == "change":
            service.change_theme(current_user, item, theme)
            message = gettext("Idea #%(number)s is now under %(code)s.", number=item.id, code=theme.code)
        else:
            service.remove_theme(current_user, item, theme)
            message = gettext("Theme %(code)s taken off idea #%(number)s.", code=theme.code, number=item.id)
    except service.ReviewError as error:
        return _failed(error, url_for("review.queue"))
    return _idea_done(item, conference, message)


# ---------------------------------------------------------------------------------------------
# Codebook
# ---------------------------------------------------------------------------------------------

@bp.get("/themes")
@role_required(Role.COCHAIR)
def themes():
    """The theme codebook and the candidate emerging themes."""
    conference = current_conference()
    if conference is None:
        return render_template("review/no_conference.html")
    counts = {c.theme.id: c for c in service.theme_counts(conference)}
    return render_template("review/themes.html", conference=conference, codebook=service.codebook(conference),
                           counts=counts, candidates=service.emerging_candidates(conference),
                           candidates_pending=service.candidates_pending(conference),
                           theme_options=active_themes(conference))


def _codebook_done(conference: Conference, message: str, refresh: bool = True):
    if refresh:
        service.refresh_suggestions(conference)
    db.session.commit()
    flash(message, "success")
    return redirect(_next_url(url_for("review.themes")))


@bp.post("/themes")
@role_required(Role.COCHAIR)
def add_theme():
    """Add a theme to the codebook."""
    conference = _conference()
    form = request.form
    try:
        kind = ThemeKind(form.get("kind", "principal"))
    except ValueError:
        kind = ThemeKind.PRINCIPAL
    try:
        name, description, keywords = _clean_theme_fields(conference, form)
        theme = service.add_theme(current_user, conference, form.get("code", ""), name, description or "",
                                  keywords or "", kind)
    except service.ReviewError as error:
        return _failed(error, url_for("review.themes"))
    return _codebook_done(conference, gettext("Theme %(code)s added.", code=theme.code))


def _clean_theme_fields(conference: Conference, form) -> tuple[str, Optional[str], Optional[str]]:
    """A theme's name, description and keywords anonymized before they are stored (None: not sent)."""
    settings = _settings()
    description, keywords = form.get("description"), form.get("keywords")
    return (clean_typed(form.get("name", ""), conference, settings),
            None if description is None else clean_typed(description, conference, settings),
            None if keywords is None else clean_keywords(keywords, conference, settings))


def _theme_or_404(conference: Conference, theme_id: int):
    theme = service.get_theme(conference, theme_id)
    if theme is None:
        abort(404)
    return theme


@bp.post("/themes/<int:theme_id>/rename")
@role_required(Role.COCHAIR)
def rename_theme(theme_id: int):
    """Rename a theme (and change its description and keywords)."""
    conference = _conference()
    theme = _theme_or_404(conference, theme_id)
    try:
        service.update_theme(current_user, theme, *_clean_theme_fields(conference, request.form))
        set_theme_french(theme, request.form.get("name_fr"), request.form.get("description_fr"))
    except service.ReviewError as error:
        return _failed(error, url_for("review.themes"))
    return _codebook_done(conference, gettext("Theme %(code)s updated.", code=theme.code))


@bp.post("/themes/<int:theme_id>/merge")
@role_required(Role.COCHAIR)
def merge_theme(theme_id: int):
    """Merge a theme into another: its ideas move to the target."""
    conference = _conference()
    source = _theme_or_404(conference, theme_id)
    target = service.get_theme(conference, request.form.get("into", type=db_id))
    try:
        if target is None:
            raise service.ReviewError(gettext("Choose the theme to merge into."))
        moved = service.merge_themes(current_user, source, target)
    except service.ReviewError as error:
        return _failed(error, url_for("review.themes"))
    return _codebook_done(conference, ngettext(
        "Theme %(source)s merged into %(target)s; %(num)d idea link moved.",
        "Theme %(source)s merged into %(target)s; %(num)d idea links moved.", moved,
        source=source.code, target=target.code))


@bp.post("/themes/<int:theme_id>/retire")
@role_required(Role.COCHAIR)
def retire_theme(theme_id: int):
    """Retire a theme."""
    conference = _conference()
    theme = _theme_or_404(conference, theme_id)
    service.retire_theme(current_user, theme)
    return _codebook_done(conference, gettext("Theme %(code)s retired.", code=theme.code))


@bp.post("/themes/<int:theme_id>/restore")
@role_required(Role.COCHAIR)
def restore_theme(theme_id: int):
    """Bring a retired theme back."""
    conference = _conference()
    theme = _theme_or_404(conference, theme_id)
    try:
        service.restore_theme(current_user, theme)
    except service.ReviewError as error:
        return _failed(error, url_for("review.themes"))
    return _codebook_done(conference, gettext("Theme %(code)s restored.", code=theme.code))


@bp.post("/themes/promote")
@role_required(Role.COCHAIR)
def promote_theme():
    """Promote a candidate cluster into the codebook as an emerging theme."""
    conference = _conference()
    form = request.form
    try:
        name, description, keywords = _clean_theme_fields(conference, form)
        theme = service.promote_candidate(current_user, conference, form.get("code", ""), name, keywords or "",
                                          _ids(form.getlist("idea_ids")), description or "")
    except service.ReviewError as error:
        return _failed(error, url_for("review.themes"))
    return _codebook_done(conference, ngettext(
        "Emerging theme %(code)s added, on %(num)d idea.", "Emerging theme %(code)s added, on %(num)d ideas.",
        len(form.getlist("idea_ids")), code=theme.code))


# ---------------------------------------------------------------------------------------------
# Same proposal, several groups
# ---------------------------------------------------------------------------------------------

@bp.get("/proposals")
@role_required(Role.COCHAIR)
def proposals():
    """Suggested and accepted proposals, most groups first."""
    conference = current_conference()
    if conference is None:
        return render_template("review/no_conference.html")
    return render_template("review/proposals.html", conference=conference,
                           suggested=service.proposals_overview(conference, service.PROPOSAL_SUGGESTED),
                           accepted=service.proposals_overview(conference, service.PROPOSAL_ACCEPTED),
                           detection_pending=jobs.has_pending(conference.id, jobs.PROPOSALS))


def _proposal_done(message: str):
    db.session.commit()
    flash(message, "success")
    return redirect(_next_url(url_for("review.proposals")))


def _proposal_or_404(conference: Conference, proposal_id: int):
    proposal = service.get_proposal(conference, proposal_id)
    if proposal is None:
        abort(404)
    return proposal


@bp.post("/proposals/detect")
@role_required(Role.COCHAIR)
def detect_proposals():
    """Look for the same proposal raised by several groups."""
    conference = _conference()
    jobs.enqueue(jobs.PROPOSALS, conference, {"user_id": current_user.id})
    return _proposal_done(gettext("Looking for the same proposal across groups; "
                                  "suggestions appear here in a moment."))


@bp.post("/proposals/merge")
@role_required(Role.COCHAIR)
def merge_proposals():
    """Merge ideas (and proposals) a co-chair picked into one proposal."""
    conference = _conference()
    form = request.form
    try:
        proposal = service.merge_by_hand(current_user, conference, _ids(form.getlist("idea_ids")),
                                         _ids(form.getlist("proposal_ids")), form.get("title", ""),
                                         _settings() if form.get("title", "").strip() else None)
    except service.ReviewError as error:
        return _failed(error, url_for("review.proposals"))
    return _proposal_done(ngettext("Proposal #%(number)s made of %(num)d idea.",
                                   "Proposal #%(number)s made of %(num)d ideas.", len(proposal.ideas),
                                   number=proposal.id))


@bp.post("/proposals/<int:proposal_id>/accept")
@role_required(Role.COCHAIR)
def accept_proposal(proposal_id: int):
    """Accept a suggested proposal."""
    conference = _conference()
    proposal = _proposal_or_404(conference, proposal_id)
    try:
        service.accept_proposal(current_user, proposal)
    except service.ReviewError as error:
        return _failed(error, url_for("review.proposals"))
    return _proposal_done(gettext("Proposal #%(number)s accepted.", number=proposal.id))


@bp.post("/proposals/<int:proposal_id>/split")
@role_required(Role.COCHAIR)
def split_proposal(proposal_id: int):
    """Take the ticked ideas out of a proposal."""
    conference = _conference()
    proposal = _proposal_or_404(conference, proposal_id)
    try:
        service.split_proposal(current_user, proposal, _ids(request.form.getlist("idea_ids")))
    except service.ReviewError as error:
        return _failed(error, url_for("review.proposals"))
    return _proposal_done(gettext("Proposal #%(number)s split.", number=proposal.id))


@bp.post("/proposals/<int:proposal_id>/undo")
@role_required(Role.COCHAIR)
def undo_proposal(proposal_id: int):
    """Undo a merge (or dismiss a suggestion); every idea is kept."""
    conference = _conference()
    proposal = _proposal_or_404(conference, proposal_id)
    try:
        service.undo_proposal(current_user, proposal)
    except service.ReviewError as error:
        return _failed(error, url_for("review.proposals"))
    return _proposal_done(gettext("Proposal #%(number)s undone; its ideas stand alone again.", number=proposal.id))
