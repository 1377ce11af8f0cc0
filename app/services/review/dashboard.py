"""The co-chairs' dashboard: who has reported, ideas per theme, widest proposals, newest clusters.

A session that has not started yet by the schedule (its day's date and start time, in the conference's
time zone) is not a silent room: its empty cells are shown as "not started", not as red zeros.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any, Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import current_app, has_app_context
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import (BreakoutGroup, Conference, ConferenceDay, Idea, IdeaStatus, IdeaTheme, Session,
                        SessionKind, as_utc, utcnow)
from app.services.nlp import idea_themes
from app.services.nlp.clustering import emerging_candidates
from app.services.review.proposal_merges import SEVERAL_GROUPS, proposals_overview

DEFAULT_TIMEZONE = "America/Toronto"


def conference_timezone() -> ZoneInfo:
    """The time zone the schedule is written in (CONFERENCE_TIMEZONE; Eastern time by default)."""
    name = current_app.config.get("CONFERENCE_TIMEZONE", DEFAULT_TIMEZONE) if has_app_context() else DEFAULT_TIMEZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def session_starts(session: Session) -> Optional[datetime]:
    """When a session starts by the schedule, or None when its day has no date."""
    if session.day is None or session.day.date is None:
        return None
    clock = time(0, 0)
    if session.starts_at:
        try:
            hours, minutes = (int(part) for part in session.starts_at.split(":", 1))
            clock = time(hours, minutes)
        except ValueError:
            clock = time(0, 0)
    return datetime.combine(session.day.date, clock, tzinfo=conference_timezone())


def not_started(session: Session, now: Optional[datetime] = None) -> bool:
    """Whether a session is still in the future by the schedule (unknown dates count as started)."""
    starts = session_starts(session)
    return starts is not None and starts > (now or utcnow())


@dataclass
class ReportingCell:
    """Ideas from one group in one session (None count: the group does not sit in that session)."""

    count: Optional[int]
    last_at: Optional[datetime] = None

    @property
    def silent(self) -> bool:
        """A group expected in the session that has sent nothing yet."""
        return self.count == 0


@dataclass
class ReportingRow:
    """One session of the reporting table; upcoming: not started yet by the schedule."""

    session: Session
    cells: list[ReportingCell]
    total: int
    upcoming: bool = False


def reporting(conference: Conference,
              now: Optional[datetime] = None) -> tuple[list[BreakoutGroup], list[ReportingRow]]:
    """Which sessions and groups have reported and how many ideas each (groups as columns)."""
    groups = list(conference.groups)
    sessions = list(db.session.scalars(
        select(Session).join(ConferenceDay).where(ConferenceDay.conference_id == conference.id)
        .order_by(ConferenceDay.number, Session.position).options(selectinload(Session.day))
    ))
    counts = {
        (session_id, group_id): (count, last)
        for session_id, group_id, count, last in db.session.execute(
            select(Idea.session_id, Idea.group_id, func.count(Idea.id), func.max(Idea.created_at))
            .where(Idea.conference_id == conference.id).group_by(Idea.session_id, Idea.group_id)
        )
    }
    rows = []
    for session in sessions:
        cells = []
        for group in groups:
            count, last = counts.get((session.id, group.id), (0, None))
            # A plenary is reported by the plenary "group"; breakouts by the breakout groups.
            expected = group.is_plenary == (session.kind == SessionKind.PLENARY)
            cells.append(ReportingCell(count=count if (expected or count) else None, last_at=as_utc(last)))
        total = sum(c.count or 0 for c in cells)
        rows.append(ReportingRow(session=session, cells=cells, total=total,
                                 upcoming=total == 0 and not_started(session, now)))
    return groups, rows


@dataclass
class ThemeCount:
    """Ideas under a theme: confirmed by co-chairs, and in all (confirmed or top suggestion)."""

    theme: Theme
    total: int
    confirmed: int


def theme_counts(conference: Conference) -> list[ThemeCount]:
    """Ideas per active theme (rejected ideas left out), largest first."""
    rows = db.session.execute(
        select(IdeaTheme.theme_id,
               func.count(func.distinct(IdeaTheme.idea_id)),
               func.count(func.distinct(IdeaTheme.idea_id)).filter(IdeaTheme.confirmed.is_(True)))
        .join(Idea, Idea.id == IdeaTheme.idea_id)
        .where(Idea.conference_id == conference.id, Idea.status != IdeaStatus.REJECTED,
               or_(IdeaTheme.confirmed.is_(True), IdeaTheme.rank == 1))
        .group_by(IdeaTheme.theme_id)
    ).all()
    by_theme = {theme_id: (total, confirmed) for theme_id, total, confirmed in rows}
    counts = [ThemeCount(theme=t, total=by_theme.get(t.id, (0, 0))[0], confirmed=by_theme.get(t.id, (0, 0))[1])
              for t in idea_themes.active_themes(conference)]
    counts.sort(key=lambda c: (-c.total, c.theme.code))
    return counts


def status_counts(conference: Conference) -> dict[str, int]:
    """Ideas by review status."""
    counts = Counter({status.value: 0 for status in IdeaStatus})
    for status, count in db.session.execute(
        select(Idea.status, func.count(Idea.id)).where(Idea.conference_id == conference.id).group_by(Idea.status)
    ):
        counts[status.value] = count
    return dict(counts)


def dashboard_figures(conference: Conference, with_candidates: bool = True, now: Optional[datetime] = None) -> dict[str, Any]:
    """Everything the dashboard shows, in one call (proposals: those raised by several groups)."""
    groups, rows = reporting(conference, now)
    return {
        "groups": groups,
        "rows": rows,
        "theme_counts": theme_counts(conference),
        "status_counts": status_counts(conference),
        "top_proposals": proposals_overview(conference, min_groups=SEVERAL_GROUPS)[:5],
        "candidates": emerging_candidates(conference, limit=3) if with_candidates else [],
    }
