"""What every part of the review shares: the error a co-chair sees, and lookups scoped to a conference."""
from __future__ import annotations

from typing import Optional

from app.extensions import db
from app.models import Conference, Idea, Proposal, Theme, utcnow


class ReviewError(ValueError):
    """A decision that cannot be made, with a message for the co-chair."""


def get_idea(conference: Conference, idea_id: int) -> Optional[Idea]:
    """An idea of this conference, or None."""
    idea = db.session.get(Idea, idea_id)
    return idea if idea is not None and idea.conference_id == conference.id else None


def get_theme(conference: Conference, theme_id: Optional[int]) -> Optional[Theme]:
    """A theme of this conference, or None."""
    theme = db.session.get(Theme, theme_id) if theme_id else None
    return theme if theme is not None and theme.conference_id == conference.id else None


def get_proposal(conference: Conference, proposal_id: int) -> Optional[Proposal]:
    """A proposal of this conference, or None."""
    proposal = db.session.get(Proposal, proposal_id)
    return proposal if proposal is not None and proposal.conference_id == conference.id else None


def conference_of(idea: Idea) -> Conference:
    """The conference an idea belongs to."""
    return db.session.get(Conference, idea.conference_id)


def touch(idea: Idea) -> None:
    """Mark an idea changed: theme changes do not touch the idea row, and the poll finds changes by updated_at."""
    idea.updated_at = utcnow()
