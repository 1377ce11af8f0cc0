"""Approved ideas, themes and proposals for the export tests, created directly through the models
(as a co-chair's review would leave them), on the conftest conference: Groups A-C + Plenary,
Day 1 Opening (plenary) and Themes (breakout), Day 2 Targets and Indicators; themes PART, PREV, RES."""
from __future__ import annotations

import itertools
from dataclasses import dataclass

from sqlalchemy import select

from app.extensions import db
from app.models import BreakoutGroup, Conference, Idea, IdeaStatus, IdeaTheme, Proposal, Session, Theme

_keys = itertools.count(1)

FUNDING_TITLE = "Multi-year core funding for women's organizations"
FUNDING_IDEAS = (
    "Core funding for women's organizations should last beyond a single project cycle.",
    "Give women's groups multi-year core funding instead of short project grants.",
    "Core funding over several years would let women's rights organizations plan ahead.",
)
NEGOTIATIONS_IDEA = "Peace negotiation teams should include women at every level."
PREVENTION_IDEA = "Prevention work must start long before violence breaks out."
MEDIATION_IDEAS = (
    "Half of the people trained in mediation should be women by the end of the plan.",
    "Aim for parity between women and men among mediation trainees.",
)
FIGURES_IDEA = "Publish yearly figures on the share of women deployed in peace operations."
ASSISTANCE_IDEA = "Set a minimum share of development assistance for gender equality programs."
PENDING_IDEA = "Remote communities need stable staffing for their shelters."
REJECTED_IDEA = "This idea was rejected in review and must never be exported."


@dataclass
class Seeded:
    """Ids of what was created, for assertions."""

    funding_proposal: int
    mediation_proposal: int
    funding_ideas: list[int]
    mediation_ideas: list[int]
    negotiations: int
    prevention: int
    figures: int
    assistance: int
    pending: int
    rejected: int


def conference() -> Conference:
    """The conftest conference."""
    return db.session.scalar(select(Conference).order_by(Conference.id.desc()))


def group(label: str) -> BreakoutGroup:
    """A group of the test conference by label."""
    return db.session.scalar(select(BreakoutGroup).where(BreakoutGroup.label == label))


def session_titled(title: str) -> Session:
    """A session of the test conference by title."""
    return db.session.scalar(select(Session).where(Session.title == title))


def theme(code: str) -> Theme:
    """A theme of the test conference by code."""
    return db.session.scalar(select(Theme).where(Theme.code == code))


def add_idea(text: str, session: str, group_label: str, themes: tuple[str, ...] = (), *,
             status: IdeaStatus = IdeaStatus.APPROVED, proposal: Proposal | None = None,
             confirmed: bool = True, lang: str = "en") -> Idea:
    """Store an idea straight in the database, bypassing capture (as a co-chair edit would)."""
    conf = conference()
    idea = Idea(conference_id=conf.id, session_id=session_titled(session).id, group_id=group(group_label).id,
                text=text, lang=lang, status=status, submission_key=f"seed-{next(_keys)}", position=0,
                proposal_id=proposal.id if proposal else None)
    db.session.add(idea)
    db.session.flush()
    for rank, code in enumerate(themes):
        db.session.add(IdeaTheme(idea_id=idea.id, theme_id=theme(code).id, rank=rank, confidence=0.9,
                                 confirmed=confirmed))
    db.session.commit()
    return idea


def add_proposal(title: str = "", status: str = "accepted") -> Proposal:
    """A merged proposal (accepted by a co-chair unless said otherwise)."""
    proposal = Proposal(conference_id=conference().id, title=title, status=status)
    db.session.add(proposal)
    db.session.commit()
    return proposal


def seed_report() -> Seeded:
    """A small but complete report: a 3-group proposal, single ideas, a plenary idea, Day 2 plan ideas."""
    funding = add_proposal(FUNDING_TITLE)
    funding_ideas = [add_idea(text, "Themes", label, ("RES",), proposal=funding).id
                     for text, label in zip(FUNDING_IDEAS, ("Group A", "Group B", "Group C"))]
    negotiations = add_idea(NEGOTIATIONS_IDEA, "Themes", "Group A", ("PART",)).id
    prevention = add_idea(PREVENTION_IDEA, "Opening", "Plenary", ("PREV",)).id
    mediation = add_proposal("")
    mediation_ideas = [add_idea(text, "Targets", label, ("PART",), proposal=mediation).id
                       for text, label in zip(MEDIATION_IDEAS, ("Group A", "Group C"))]
    figures = add_idea(FIGURES_IDEA, "Indicators", "Group B", ("PART",)).id
    assistance = add_idea(ASSISTANCE_IDEA, "Targets", "Group B", ("RES",)).id
    pending = add_idea(PENDING_IDEA, "Themes", "Group B", ("PREV",), status=IdeaStatus.SUBMITTED).id
    rejected = add_idea(REJECTED_IDEA, "Themes", "Group C", ("PREV",), status=IdeaStatus.REJECTED).id
    return Seeded(funding.id, mediation.id, funding_ideas, mediation_ideas, negotiations, prevention, figures,
                  assistance, pending, rejected)


# A roster participant's name, planted in an approved idea (a co-chair edit gone wrong).
PLANTED_NAME_IDEA = "Odalys Verhaegen wants shelters to receive stable multi-year funding."
ROSTER_AFFILIATION_IDEA = "Harbourlight Women's Collective should lead the new working group."
CONTACT_IDEA = "Write to someone@example.org for the draft."
ROLE_IDEA = "The Deputy Minister should publish the budget every year."
PLACE_IDEA = "The Colombian expert asked for more money for rural shelters."
QUASI_IDEA = "As the only Inuk woman on the panel, she saw how the plan left communities out."
