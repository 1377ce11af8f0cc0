"""The review queue: ideas by day, session, group, theme and status, newest first, and the live poll."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping, Optional

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.inputs import db_id
from app.models import Conference, ConferenceDay, Idea, IdeaStatus, IdeaTheme, Proposal, Session, Theme, utcnow

QUEUE_PAGE_SIZE = 100
POLL_LIMIT = 200
STATUS_CHOICES = ("submitted", "approved", "rejected", "returned", "all")


def _int_or_none(value: Any) -> Optional[int]:
    try:
        return db_id(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class QueueFilters:
    """What the queue shows: by day, session, group, theme and status (None = any)."""

    day_id: Optional[int] = None
    session_id: Optional[int] = None
    group_id: Optional[int] = None
    theme_id: Optional[int] = None
    status: str = "submitted"

    @classmethod
    def from_args(cls, args: Mapping[str, Any]) -> "QueueFilters":
        """Read filters from query arguments; anything unreadable is ignored rather than an error."""
        status = str(args.get("status") or "submitted")
        return cls(
            day_id=_int_or_none(args.get("day")),
            session_id=_int_or_none(args.get("session")),
            group_id=_int_or_none(args.get("group")),
            theme_id=_int_or_none(args.get("theme")),
            status=status if status in STATUS_CHOICES else "submitted",
        )

    def as_args(self) -> dict[str, Any]:
        """The filters as query arguments (for links and the poll URL)."""
        args = {"day": self.day_id, "session": self.session_id, "group": self.group_id,
                "theme": self.theme_id, "status": self.status}
        return {key: value for key, value in args.items() if value not in (None, "")}


def _idea_query(conference: Conference, filters: QueueFilters):
    query = (
        select(Idea)
        .where(Idea.conference_id == conference.id)
        .options(
            selectinload(Idea.themes).selectinload(IdeaTheme.theme),
            selectinload(Idea.session).selectinload(Session.day),
            selectinload(Idea.group),
            selectinload(Idea.proposal).selectinload(Proposal.ideas),
        )
    )
    if filters.status != "all":
        query = query.where(Idea.status == IdeaStatus(filters.status))
    if filters.session_id:
        query = query.where(Idea.session_id == filters.session_id)
    if filters.day_id:
        query = query.where(Idea.session_id.in_(select(Session.id).where(Session.day_id == filters.day_id)))
    if filters.group_id:
        query = query.where(Idea.group_id == filters.group_id)
    if filters.theme_id:
        # A theme "holds" an idea when a co-chair confirmed it or it is the top suggestion.
        query = query.where(Idea.id.in_(
            select(IdeaTheme.idea_id).where(
                IdeaTheme.theme_id == filters.theme_id,
                or_(IdeaTheme.confirmed.is_(True), IdeaTheme.rank == 1),
            )
        ))
    return query


def queue_ideas(conference: Conference, filters: QueueFilters, before_id: Optional[int] = None,
                limit: int = QUEUE_PAGE_SIZE) -> list[Idea]:
    """One page of the queue, newest first; before_id pages back to older ideas."""
    query = _idea_query(conference, filters)
    if before_id:
        query = query.where(Idea.id < before_id)
    return list(db.session.scalars(query.order_by(Idea.id.desc()).limit(limit)))


def latest_idea_id(conference: Conference) -> int:
    """The cursor a freshly loaded queue polls from: the newest idea id of the conference."""
    return db.session.scalar(select(func.max(Idea.id)).where(Idea.conference_id == conference.id)) or 0


@dataclass
class PollResult:
    """What changed since the page last asked: new ideas, and ideas someone else decided on."""

    new: list[Idea]
    changed: list[tuple[Idea, bool]]  # (idea, still matches the filters)
    cursor: int
    at: datetime


def poll_queue(conference: Conference, filters: QueueFilters, since_id: int,
               changed_since: Optional[datetime] = None) -> PollResult:
    """New ideas after since_id matching the filters (oldest first), and ideas changed since a time."""
    now = utcnow()
    new = list(db.session.scalars(
        _idea_query(conference, filters).where(Idea.id > since_id).order_by(Idea.id).limit(POLL_LIMIT)
    ))
    changed: list[tuple[Idea, bool]] = []
    if changed_since is not None:
        touched = list(db.session.scalars(
            _idea_query(conference, QueueFilters(status="all"))
            .where(Idea.id <= since_id, Idea.updated_at > changed_since)
            .order_by(Idea.id).limit(POLL_LIMIT)
        ))
        if touched:
            matching = set(db.session.scalars(
                _idea_query(conference, filters).with_only_columns(Idea.id)
                .where(Idea.id.in_([idea.id for idea in touched]))
            ))
            changed = [(idea, idea.id in matching) for idea in touched]
    cursor = max([since_id] + [idea.id for idea in new])
    if len(new) < POLL_LIMIT:
        # Ideas that arrived but do not match the filters still move the cursor on.
        cursor = max(cursor, latest_idea_id(conference))
    return PollResult(new=new, changed=changed, cursor=cursor, at=now)


def filter_choices(conference: Conference) -> dict[str, list]:
    """Days, sessions, groups and themes for the filter menus."""
    days = list(db.session.scalars(
        select(ConferenceDay).where(ConferenceDay.conference_id == conference.id).order_by(ConferenceDay.number)
        .options(selectinload(ConferenceDay.sessions))
    ))
    sessions = [s for day in days for s in day.sessions]
    themes = list(db.session.scalars(
        select(Theme).where(Theme.conference_id == conference.id, Theme.merged_into_id.is_(None))
        .order_by(Theme.retired, Theme.kind, Theme.code)
    ))
    return {"days": days, "sessions": sessions, "groups": list(conference.groups), "themes": themes}


