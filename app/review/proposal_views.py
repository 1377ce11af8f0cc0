"""Same-proposal views: suggested and accepted proposals, detection, hand merges, splits and undos."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user

from app.extensions import db
from app.models import Conference, Role
from app.review import bp
from app.review.helpers import conference_or_404, ids, next_url, settings
from app.security import role_required
from app.services import jobs
from app.services.conference import current_conference
from app.services.review import proposal_merges as merges
from app.services.review.common import get_proposal


@bp.get("/proposals")
@role_required(Role.COCHAIR)
def proposals():
    """Suggested and accepted proposals, most groups first."""
    conference = current_conference()
    if conference is None:
        return render_template("review/no_conference.html")
    return render_template("review/proposals.html", conference=conference,
                           suggested=merges.proposals_overview(conference, merges.PROPOSAL_SUGGESTED),
                           accepted=merges.proposals_overview(conference, merges.PROPOSAL_ACCEPTED),
                           detection_pending=jobs.has_pending(conference.id, jobs.PROPOSALS))


def _proposal_done(message: str):
    db.session.commit()
    flash(message, "success")
    return redirect(next_url(url_for("review.proposals")))


def _proposal_or_404(conference: Conference, proposal_id: int):
    proposal = get_proposal(conference, proposal_id)
    if proposal is None:
        abort(404)
    return proposal


@bp.post("/proposals/detect")
@role_required(Role.COCHAIR)
def detect_proposals():
    """Look for the same proposal raised by several groups."""
    conference = conference_or_404()
    jobs.enqueue(jobs.PROPOSALS, conference, {"user_id": current_user.id})
    return _proposal_done(gettext("Looking for the same proposal across groups; "
                                  "suggestions appear here in a moment."))


@bp.post("/proposals/merge")
@role_required(Role.COCHAIR)
def merge_proposals():
    """Merge ideas (and proposals) a co-chair picked into one proposal."""
    conference = conference_or_404()
    form = request.form
    title = form.get("title", "")
    proposal = merges.merge_by_hand(current_user, conference, ids(form.getlist("idea_ids")),
                                    ids(form.getlist("proposal_ids")), title,
                                    settings() if title.strip() else None)
    return _proposal_done(ngettext("Proposal #%(number)s made of %(num)d idea.",
                                   "Proposal #%(number)s made of %(num)d ideas.", len(proposal.ideas),
                                   number=proposal.id))


@bp.post("/proposals/<int:proposal_id>/accept")
@role_required(Role.COCHAIR)
def accept_proposal(proposal_id: int):
    """Accept a suggested proposal."""
    proposal = _proposal_or_404(conference_or_404(), proposal_id)
    merges.accept_proposal(current_user, proposal)
    return _proposal_done(gettext("Proposal #%(number)s accepted.", number=proposal.id))


@bp.post("/proposals/<int:proposal_id>/split")
@role_required(Role.COCHAIR)
def split_proposal(proposal_id: int):
    """Take the ticked ideas out of a proposal."""
    proposal = _proposal_or_404(conference_or_404(), proposal_id)
    merges.split_proposal(current_user, proposal, ids(request.form.getlist("idea_ids")))
    return _proposal_done(gettext("Proposal #%(number)s split.", number=proposal.id))


@bp.post("/proposals/<int:proposal_id>/undo")
@role_required(Role.COCHAIR)
def undo_proposal(proposal_id: int):
    """Undo a merge (or dismiss a suggestion); every idea is kept."""
    proposal = _proposal_or_404(conference_or_404(), proposal_id)
    merges.undo_proposal(current_user, proposal)
    return _proposal_done(gettext("Proposal #%(number)s undone; its ideas stand alone again.", number=proposal.id))
