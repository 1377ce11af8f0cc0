"""Undo a theme merge or retirement for a while after it was made.

The undo puts back exactly the idea links the change moved or dropped (as recorded in its
:class:`~app.models_review.ThemeChange`): a merged theme becomes active again and gets its links back
from the target, which returns to the state it had before; a retired theme comes back with the
suggestions it lost. It is offered for ``THEME_UNDO_MINUTES`` (15 by default), and only while no later
change involves the same themes, so one undo never tangles with another.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

from flask import current_app, has_app_context
from flask_babel import gettext
from sqlalchemy import or_, select

from app.extensions import db
from app.models import Conference, Idea, IdeaTheme, Theme, User, as_utc, utcnow
from app.models_review import ThemeChange
from app.services import audit
from app.services.review.common import ReviewError, touch

DEFAULT_UNDO_MINUTES = 15


def undo_window() -> timedelta:
    """How long a theme merge or retirement can be undone."""
    minutes = current_app.config.get("THEME_UNDO_MINUTES", DEFAULT_UNDO_MINUTES) if has_app_context() \
        else DEFAULT_UNDO_MINUTES
    return timedelta(minutes=int(minutes))


def undo_until(change: ThemeChange) -> datetime:
    """The moment a change stops being undoable."""
    return as_utc(change.at) + undo_window()


def undoable_changes(conference: Conference, now: Optional[datetime] = None) -> list[ThemeChange]:
    """Merges and retirements of this conference that can still be undone, newest first."""
    since = as_utc(now or utcnow()) - undo_window()
    return list(db.session.scalars(
        select(ThemeChange).where(ThemeChange.conference_id == conference.id, ThemeChange.undone_at.is_(None),
                                  ThemeChange.at >= since)
        .order_by(ThemeChange.id.desc())
    ))


def get_change(conference: Conference, change_id: int) -> Optional[ThemeChange]:
    """A theme change of this conference, or None."""
    change = db.session.get(ThemeChange, change_id)
    return change if change is not None and change.conference_id == conference.id else None


def _check_undoable(change: ThemeChange, now: datetime) -> None:
    if change.undone_at is not None:
        raise ReviewError(gettext("This change was already undone."))
    if now > undo_until(change):
        raise ReviewError(gettext("This change is too old to undo; restore or merge the theme by hand."))
    themes = [change.theme_id] + ([change.target_id] if change.target_id else [])
    later = db.session.scalar(
        select(ThemeChange.id).where(
            ThemeChange.conference_id == change.conference_id, ThemeChange.id > change.id,
            ThemeChange.undone_at.is_(None),
            or_(ThemeChange.theme_id.in_(themes), ThemeChange.target_id.in_(themes))).limit(1))
    if later is not None:
        raise ReviewError(gettext("A later change involves the same themes: undo that one first."))
    theme = change.theme
    still = theme.retired and (theme.merged_into_id == change.target_id)
    if not still:
        raise ReviewError(gettext("Theme %(code)s was changed since; nothing to undo.", code=theme.code))


def _set_state(link: IdeaTheme, state: dict) -> None:
    link.confirmed = bool(state.get("confirmed"))
    link.confidence = float(state.get("confidence") or 0.0)
    link.rank = int(state.get("rank") or 0)


def _links_of(theme_id: int, idea_ids: list[int]) -> dict[int, IdeaTheme]:
    return {link.idea_id: link for link in db.session.scalars(
        select(IdeaTheme).where(IdeaTheme.theme_id == theme_id, IdeaTheme.idea_id.in_(idea_ids or [0])))}


def _put_back(change: ThemeChange) -> int:
    """Give the changed theme its recorded links back (taking them off the merge target); returns how many."""
    idea_ids = [int(record["idea_id"]) for record in change.links]
    ideas = {idea.id: idea for idea in db.session.scalars(select(Idea).where(Idea.id.in_(idea_ids or [0])))}
    on_source = _links_of(change.theme_id, idea_ids)
    on_target = _links_of(change.target_id, idea_ids) if change.target_id else {}
    restored = 0
    for record in change.links:
        idea = ideas.get(int(record["idea_id"]))
        if idea is None:
            continue  # the idea itself is gone: nothing to give back
        target_link = on_target.get(idea.id)
        if target_link is not None and "target_before" in record:
            _set_state(target_link, record["target_before"])
        elif target_link is not None and not (target_link.confirmed and not record["source"].get("confirmed")):
            db.session.delete(target_link)  # it was the moved link (a confirmation made since stays)
        link = on_source.get(idea.id)
        if link is None:
            link = IdeaTheme(idea_id=idea.id, theme_id=change.theme_id)
            db.session.add(link)
        _set_state(link, record["source"])
        touch(idea)
        restored += 1
    return restored


def undo_change(user: User, change: ThemeChange, now: Optional[datetime] = None) -> int:
    """Undo a merge or retirement: the theme is active again with exactly its links; returns how many."""
    now = as_utc(now or utcnow())
    _check_undoable(change, now)
    restored = _put_back(change)
    theme: Theme = change.theme
    theme.retired = False
    theme.merged_into_id = None
    change.undone_at = now
    db.session.flush()
    audit.record(user, f"theme.{change.action}_undo", "theme", theme.id, code=theme.code, change_id=change.id,
                 links_restored=restored)
    return restored
