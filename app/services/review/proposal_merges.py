"""Same proposal, several groups: suggested and hand merges of ideas into proposals, splits and undos.

"Raised by N of M groups" counts breakout groups only (the plenary is not one), and a proposal counts
as raised by several groups from two groups on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from flask_babel import gettext, ngettext
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db, services
from app.models import AuditEvent, BreakoutGroup, Conference, Idea, IdeaStatus, Proposal, Session, User
from app.services import audit
from app.services.nlp import idea_themes
from app.services.review.common import ReviewError, get_idea, get_proposal
from app.services.typed_text import clean_typed

PROPOSAL_SUGGESTED = "suggested"
PROPOSAL_ACCEPTED = "accepted"
PROPOSAL_UNDONE = "undone"
PROPOSAL_MERGED = "merged"  # folded into another proposal by a hand merge
LIVE_PROPOSAL_STATUSES = (PROPOSAL_SUGGESTED, PROPOSAL_ACCEPTED)
SEVERAL_GROUPS = 2  # "raised by several groups" starts here


def plenary_free_group_count(conference: Conference) -> int:
    """M in "raised by N of M groups": the conference's breakout groups (the plenary is not one)."""
    return db.session.scalar(
        select(func.count(BreakoutGroup.id))
        .where(BreakoutGroup.conference_id == conference.id, BreakoutGroup.is_plenary.is_(False))
    ) or 0


@dataclass
class Reach:
    """How widely a proposal was raised."""

    groups: int
    of_groups: int
    sessions: int
    group_labels: list[str] = field(default_factory=list)

    @property
    def several(self) -> bool:
        """Raised by several groups: two or more breakout groups."""
        return self.groups >= SEVERAL_GROUPS

    @property
    def text(self) -> str:
        """"raised by N of M groups, in S sessions"."""
        sessions = ngettext("%(num)d session", "%(num)d sessions", self.sessions)
        return ngettext("raised by %(count)s of %(num)d group, in %(sessions)s",
                        "raised by %(count)s of %(num)d groups, in %(sessions)s",
                        self.of_groups, count=self.groups, sessions=sessions)


def reach(proposal: Proposal, of_groups: int) -> Reach:
    """N of M groups (breakout groups only) and the number of sessions that raised a proposal."""
    groups = {idea.group.label for idea in proposal.ideas if not idea.group.is_plenary}
    sessions = {idea.session_id for idea in proposal.ideas}
    return Reach(groups=len(groups), of_groups=of_groups, sessions=len(sessions), group_labels=sorted(groups))


def _proposal_title(ideas: Sequence[Idea]) -> str:
    # The shortest idea usually states the proposal most plainly.
    text = min((idea.text for idea in ideas), key=len) if ideas else ""
    return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "…"


def _dismissed_sets(conference: Conference) -> list[set[int]]:
    """Idea sets co-chairs undid or dismissed: detection does not propose them again."""
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action.in_(("proposal.undo", "proposal.split")),
                                 AuditEvent.target_type == "proposal",
                                 AuditEvent.target_id.in_(select(Proposal.id)
                                                          .where(Proposal.conference_id == conference.id)))
    )
    sets = []
    for event in events:
        ids = (event.detail or {}).get("idea_ids") or []
        if ids:
            sets.append(set(ids))
    return sets


def _idea_records(ideas: Sequence[Idea]) -> list[Any]:
    """Ideas as the matcher reads them: text, group label, language (no id, no speaker)."""
    from app.services.review.proposals import IdeaRecord

    return [IdeaRecord(text=i.text, group=i.group.label, lang=i.lang or None) for i in ideas]


def matcher_for(conference: Conference):
    """The same-proposal matcher of a conference, on its own (cached) theme suggester.

    The method's default matcher reads the demo codebook; a conference's matcher must use the
    conference's codebook and what its co-chairs confirmed, and share the embedding cache. It is kept in
    the app's service container and rebuilt when the conference's suggester was rebuilt.
    """
    from app.services.review.proposals import ProposalMatcher

    suggester = idea_themes.suggester_for(conference)
    key = ("review.proposal_matcher", conference.id)
    cached = services().get(key)
    if cached is not None and cached.suggester is suggester:
        return cached
    matcher = ProposalMatcher(suggester=suggester)
    services().put(key, matcher)
    return matcher


def detect_proposals(user: Optional[User], conference: Conference) -> int:
    """Propose near-duplicate ideas from different groups as one proposal each (status suggested).

    Earlier suggestions nobody accepted are replaced; accepted proposals and their ideas stay as they
    are; groupings co-chairs undid are not proposed again. Returns how many were suggested.
    """
    stale = list(db.session.scalars(
        select(Proposal).where(Proposal.conference_id == conference.id, Proposal.status == PROPOSAL_SUGGESTED)
    ))
    stale_ids = [p.id for p in stale]
    free = Idea.proposal_id.is_(None) if not stale_ids else or_(Idea.proposal_id.is_(None),
                                                                 Idea.proposal_id.in_(stale_ids))
    ideas = list(db.session.scalars(
        select(Idea).where(Idea.conference_id == conference.id, Idea.status != IdeaStatus.REJECTED, free)
        .options(selectinload(Idea.group)).order_by(Idea.id)
    ))
    # The model work first, while nothing is written: the write transaction below stays short.
    clusters = matcher_for(conference).group_proposals(_idea_records(ideas)) if len(ideas) >= 2 else []
    for proposal in stale:
        for idea in list(proposal.ideas):
            idea.proposal_id = None
        db.session.delete(proposal)
    db.session.flush()
    if len(ideas) < 2:
        return 0
    dismissed = _dismissed_sets(conference)
    created = 0
    for cluster in clusters:
        members = [ideas[i] for i in cluster if 0 <= i < len(ideas)]
        if len(members) < 2 or len({m.group_id for m in members}) < 2:
            continue
        ids = {m.id for m in members}
        if any(ids <= done for done in dismissed):
            continue
        proposal = Proposal(conference_id=conference.id, title=_proposal_title(members), status=PROPOSAL_SUGGESTED)
        db.session.add(proposal)
        for member in members:
            member.proposal = proposal
        created += 1
    db.session.flush()
    audit.record(user, "proposal.detect", "conference", conference.id, suggested=created)
    return created


def accept_proposal(user: User, proposal: Proposal) -> None:
    """Confirm a suggested proposal: its ideas are one proposal in the report."""
    if proposal.status != PROPOSAL_SUGGESTED:
        raise ReviewError(gettext("Only a suggested proposal can be accepted."))
    proposal.status = PROPOSAL_ACCEPTED
    audit.record(user, "proposal.accept", "proposal", proposal.id, idea_ids=[i.id for i in proposal.ideas])


def undo_proposal(user: User, proposal: Proposal) -> None:
    """Undo a merge (or dismiss a suggestion): every idea stands alone again, nothing is lost.

    A hand merge that folded earlier proposals in gives them their ideas back.
    """
    if proposal.status not in LIVE_PROPOSAL_STATUSES:
        raise ReviewError(gettext("This proposal was already undone."))
    idea_ids = [idea.id for idea in proposal.ideas]
    for idea in list(proposal.ideas):
        idea.proposal_id = None
    restored = []
    merge_event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "proposal.merge", AuditEvent.target_type == "proposal",
                                 AuditEvent.target_id == proposal.id).order_by(AuditEvent.id.desc()).limit(1)
    )
    for source_id, members in ((merge_event.detail or {}).get("from_proposals", {}) if merge_event else {}).items():
        source = db.session.get(Proposal, int(source_id))
        if source is None or source.status != PROPOSAL_MERGED:
            continue
        for idea_id in members:
            idea = db.session.get(Idea, idea_id)
            if idea is not None and idea.proposal_id is None:
                idea.proposal_id = source.id
        source.status = PROPOSAL_ACCEPTED
        restored.append(source.id)
    previous = proposal.status
    proposal.status = PROPOSAL_UNDONE
    db.session.flush()
    audit.record(user, "proposal.undo", "proposal", proposal.id, idea_ids=idea_ids, previous=previous,
                 restored=restored)


def merge_by_hand(user: User, conference: Conference, idea_ids: Sequence[int],
                  proposal_ids: Sequence[int] = (), title: str = "", settings=None) -> Proposal:
    """Make one accepted proposal of ideas (and whole proposals) a co-chair picked.

    Ideas already in a proposal bring that whole proposal along; those proposals are marked merged
    and get their ideas back if this merge is undone.
    """
    ideas: dict[int, Idea] = {}
    sources: dict[int, Proposal] = {}
    for idea_id in idea_ids:
        idea = get_idea(conference, int(idea_id))
        if idea is None:
            raise ReviewError(gettext("There is no idea #%(number)s.", number=idea_id))
        ideas[idea.id] = idea
        if idea.proposal is not None and idea.proposal.status in LIVE_PROPOSAL_STATUSES:
            sources[idea.proposal.id] = idea.proposal
    for proposal_id in proposal_ids:
        proposal = get_proposal(conference, int(proposal_id))
        if proposal is None or proposal.status not in LIVE_PROPOSAL_STATUSES:
            raise ReviewError(gettext("There is no open proposal #%(number)s.", number=proposal_id))
        sources[proposal.id] = proposal
    for source in sources.values():
        for idea in source.ideas:
            ideas[idea.id] = idea
    if len(ideas) < 2:
        raise ReviewError(gettext("Pick at least two ideas to merge into one proposal."))
    from_proposals = {str(source.id): [i.id for i in source.ideas] for source in sources.values()}
    title = " ".join((title or "").split())
    if title and settings is not None:
        title = clean_typed(title, conference, settings)
    merged = Proposal(conference_id=conference.id, status=PROPOSAL_ACCEPTED,
                      title=title or _proposal_title(list(ideas.values())))
    db.session.add(merged)
    for source in sources.values():
        source.status = PROPOSAL_MERGED
    for idea in ideas.values():
        idea.proposal = merged
    db.session.flush()
    audit.record(user, "proposal.merge", "proposal", merged.id, idea_ids=sorted(ideas),
                 from_proposals=from_proposals)
    return merged


def split_proposal(user: User, proposal: Proposal, idea_ids: Sequence[int]) -> Optional[Proposal]:
    """Take ideas out of a proposal: two or more become a proposal of their own, one stands alone.

    If fewer than two ideas remain, the proposal dissolves. Returns the new proposal, if any.
    """
    if proposal.status not in LIVE_PROPOSAL_STATUSES:
        raise ReviewError(gettext("This proposal is no longer open."))
    chosen = [idea for idea in proposal.ideas if idea.id in {int(i) for i in idea_ids}]
    if not chosen:
        raise ReviewError(gettext("Tick the ideas that are a different proposal."))
    before = [idea.id for idea in proposal.ideas]
    new_proposal = None
    if len(chosen) >= 2 and len(chosen) < len(before):
        new_proposal = Proposal(conference_id=proposal.conference_id, status=PROPOSAL_ACCEPTED,
                                title=_proposal_title(chosen))
        db.session.add(new_proposal)
    for idea in chosen:
        idea.proposal = new_proposal
    db.session.flush()
    db.session.expire(proposal, ["ideas"])
    remaining = list(proposal.ideas)
    if len(remaining) < 2:
        for idea in remaining:
            idea.proposal_id = None
        proposal.status = PROPOSAL_UNDONE
    db.session.flush()
    audit.record(user, "proposal.split", "proposal", proposal.id, idea_ids=before,
                 split_off=[i.id for i in chosen], new_proposal=new_proposal.id if new_proposal else None)
    return new_proposal


def proposals_overview(conference: Conference, status: Optional[str] = None,
                       min_groups: int = 0) -> list[tuple[Proposal, Reach]]:
    """Open proposals with their reach, most groups first (only those raised by min_groups or more)."""
    statuses = (status,) if status else LIVE_PROPOSAL_STATUSES
    proposals = list(db.session.scalars(
        select(Proposal).where(Proposal.conference_id == conference.id, Proposal.status.in_(statuses))
        .options(selectinload(Proposal.ideas).selectinload(Idea.group),
                 selectinload(Proposal.ideas).selectinload(Idea.session).selectinload(Session.day))
    ))
    of_groups = plenary_free_group_count(conference)
    rows = [(p, reach(p, of_groups)) for p in proposals]
    rows = [row for row in rows if row[1].groups >= min_groups]
    rows.sort(key=lambda row: (-row[1].groups, -row[1].sessions, -len(row[0].ideas), row[0].id))
    return rows


def similar_ideas(conference: Conference, idea: Idea, k: int = 5) -> list[Idea]:
    """The ideas from other groups most likely to be the same proposal as this one."""
    ideas = list(db.session.scalars(
        select(Idea).where(Idea.conference_id == conference.id, Idea.status != IdeaStatus.REJECTED)
        .options(selectinload(Idea.group), selectinload(Idea.session)).order_by(Idea.id)
    ))
    index = next((n for n, other in enumerate(ideas) if other.id == idea.id), None)
    if index is None:
        return []
    return [ideas[j] for j in matcher_for(conference).most_similar(_idea_records(ideas), index, k=k)]


