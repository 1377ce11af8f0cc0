"""Where a rapporteur may capture: assigned (session, group) places, and what each place holds."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from flask_babel import gettext
from sqlalchemy import func, select

from app.extensions import db
from app.i18n import localized
from app.models import (
    Assignment,
    BreakoutGroup,
    Conference,
    ConferenceDay,
    Draft,
    Idea,
    IdeaStatus,
    Role,
    Session,
    SessionKind,
    User,
    as_utc,
    utcnow,
)

from app.services.capture.errors import CaptureError


# --- where a rapporteur may capture -------------------------------------------------------

@dataclass(frozen=True)
class CapturePlace:
    """One (session, group) pair a rapporteur reports on."""

    session: Session
    group: BreakoutGroup

    @property
    def key(self) -> tuple[int, int]:
        """(session id, group id)."""
        return (self.session.id, self.group.id)


def _conference_sessions(conference: Conference) -> list[Session]:
    return list(db.session.scalars(
        select(Session).join(ConferenceDay).where(ConferenceDay.conference_id == conference.id)
        .order_by(ConferenceDay.number, Session.position, Session.id)))


def _kind_fits(session: Session, group: BreakoutGroup) -> bool:
    """A standing assignment covers plenaries for the plenary group and breakouts for the others."""
    return (session.kind == SessionKind.PLENARY) == bool(group.is_plenary)


def assigned_places(user: User, conference: Optional[Conference]) -> list[CapturePlace]:
    """The (session, group) pairs the user captures for, in conference order.

    An assignment without a session covers every session of the matching kind (plenary
    sessions for the plenary group, breakouts for breakout groups); an assignment with a
    session covers exactly that one. Administrators may capture anywhere (support work).
    """
    if conference is None:
        return []
    sessions = _conference_sessions(conference)
    if user.role == Role.ADMIN:
        return [CapturePlace(s, g) for s in sessions for g in conference.groups if _kind_fits(s, g)]
    assignments = db.session.scalars(select(Assignment).where(Assignment.user_id == user.id)).all()
    wanted: set[tuple[int, int]] = set()
    for assignment in assignments:
        if assignment.group.conference_id != conference.id:
            continue
        if assignment.session_id is not None:
            wanted.add((assignment.session_id, assignment.group_id))
        else:
            wanted.update((s.id, assignment.group_id) for s in sessions if _kind_fits(s, assignment.group))
    groups = {g.id: g for g in conference.groups}
    return [CapturePlace(s, groups[gid]) for s in sessions for gid in sorted(groups, key=lambda i: groups[i].label)
            if (s.id, gid) in wanted]


def find_place(user: User, conference: Optional[Conference], session_id: int, group_id: int) -> CapturePlace:
    """The place if it exists in the conference and the user is assigned to it.

    Raises CaptureError 404 for an unknown session or group, 403 for one not assigned.
    """
    session = db.session.get(Session, session_id)
    group = db.session.get(BreakoutGroup, group_id)
    if conference is None or session is None or session.conference_id != conference.id:
        raise CaptureError(gettext("There is no such session in this conference."), 404)
    if group is None or group.conference_id != conference.id:
        raise CaptureError(gettext("There is no such group in this conference."), 404)
    if (session.id, group.id) not in {p.key for p in assigned_places(user, conference)}:
        raise CaptureError(gettext("You are not assigned to report for %(group)s in “%(session)s”.",
                                   group=group.label, session=localized(session, "title")), 403)
    return CapturePlace(session, group)


@dataclass
class PlaceSummary:
    """What the rapporteur's home page shows for one place."""

    place: CapturePlace
    idea_count: int
    draft_waiting: bool
    returned: list[Idea] = field(default_factory=list)


def returned_ideas(places: Sequence[CapturePlace]) -> list[Idea]:
    """The ideas of these places that co-chairs sent back to be reworked, oldest decision first."""
    keys = {p.key for p in places}
    if not keys:
        return []
    candidates = db.session.scalars(
        select(Idea).where(Idea.status == IdeaStatus.RETURNED, Idea.group_id.in_({g for _, g in keys}))
        .order_by(Idea.updated_at, Idea.id))
    return [i for i in candidates if (i.session_id, i.group_id) in keys]


def summarize_places(user: User, places: Sequence[CapturePlace]) -> list[PlaceSummary]:
    """Idea counts, waiting drafts (expired ones do not count) and sent-back ideas for each place."""
    counts = dict(((s, g), n) for s, g, n in db.session.execute(
        select(Idea.session_id, Idea.group_id, func.count(Idea.id)).group_by(Idea.session_id, Idea.group_id)))
    now = utcnow()
    drafts = {(d.session_id, d.group_id) for d in db.session.scalars(select(Draft).where(Draft.user_id == user.id))
              if as_utc(d.expires_at) > now}
    returned: dict[tuple[int, int], list[Idea]] = {}
    for idea in returned_ideas(places):
        returned.setdefault((idea.session_id, idea.group_id), []).append(idea)
    return [PlaceSummary(p, counts.get(p.key, 0), p.key in drafts, returned.get(p.key, [])) for p in places]


