"""Co-chairs' changes to the codebook: add, rename, merge, retire, restore, and promote a cluster.

A merge or a retirement is recorded in a :class:`~app.models_review.ThemeChange` with exactly the idea
links it moved or dropped, so that :mod:`app.services.review.theme_undo` can put them back for a while.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

from flask_babel import gettext
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Conference, Idea, IdeaStatus, IdeaTheme, Theme, ThemeKind, User
from app.models_review import ThemeChange
from app.services import audit, jobs
from app.services.nlp import idea_themes
from app.services.review.common import ReviewError, get_idea
from app.services.review.tags import confirm_theme

CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_-]{0,19}$")


def _clean_code(code: str) -> str:
    code = (code or "").strip().upper()
    if not CODE_PATTERN.match(code):
        raise ReviewError(gettext("A code is 1-20 capital letters, digits, - or _, starting with a letter."))
    return code


def _clean_keywords(keywords: str | Iterable[str]) -> str:
    parts = keywords.split(",") if isinstance(keywords, str) else list(keywords)
    return ", ".join(dict.fromkeys(p.strip() for p in parts if p and p.strip()))


def add_theme(user: User, conference: Conference, code: str, name: str, description: str = "",
              keywords: str | Iterable[str] = "", kind: ThemeKind = ThemeKind.PRINCIPAL) -> Theme:
    """Add a theme to the codebook; codes are unique in a conference, retired ones included."""
    code = _clean_code(code)
    name = " ".join((name or "").split())
    if not name:
        raise ReviewError(gettext("A theme needs a name."))
    exists = db.session.scalar(select(Theme.id).where(Theme.conference_id == conference.id, Theme.code == code))
    if exists:
        raise ReviewError(gettext("The code %(code)s is already in the codebook.", code=code))
    theme = Theme(conference_id=conference.id, code=code, name=name, description=(description or "").strip(),
                  keywords=_clean_keywords(keywords), kind=ThemeKind(kind))
    db.session.add(theme)
    db.session.flush()
    audit.record(user, "theme.add", "theme", theme.id, code=code, kind=theme.kind.value)
    return theme


def update_theme(user: User, theme: Theme, name: str, description: Optional[str] = None,
                 keywords: Optional[str] = None) -> Theme:
    """Rename a theme, and change its description and keywords when given."""
    name = " ".join((name or "").split())
    if not name:
        raise ReviewError(gettext("A theme needs a name."))
    old_name = theme.name
    theme.name = name
    if description is not None:
        theme.description = description.strip()
    if keywords is not None:
        theme.keywords = _clean_keywords(keywords)
    audit.record(user, "theme.rename", "theme", theme.id, code=theme.code, old_name=old_name, name=name)
    return theme


def _link_state(link: IdeaTheme) -> dict:
    return {"confirmed": bool(link.confirmed), "confidence": float(link.confidence or 0.0), "rank": int(link.rank or 0)}


def merge_themes(user: User, source: Theme, target: Theme) -> int:
    """Merge source into target: its idea links move to target, source is retired and points at target.

    Every moved link is recorded (with the target link's state where the idea had both) for the undo.
    """
    if source.id == target.id:
        raise ReviewError(gettext("Choose two different themes to merge."))
    if source.conference_id != target.conference_id:
        raise ReviewError(gettext("That theme does not exist."))
    if target.retired or target.merged_into_id:
        raise ReviewError(gettext("Theme %(code)s is retired; merge into an active theme.", code=target.code))
    if source.retired or source.merged_into_id:
        raise ReviewError(gettext("Theme %(code)s is already retired.", code=source.code))
    links = list(db.session.scalars(select(IdeaTheme).where(IdeaTheme.theme_id == source.id)))
    target_links = {link.idea_id: link for link in db.session.scalars(
        select(IdeaTheme).where(IdeaTheme.theme_id == target.id,
                                IdeaTheme.idea_id.in_([l.idea_id for l in links] or [0])))}
    moved = []
    for link in links:
        record = {"idea_id": link.idea_id, "source": _link_state(link)}
        existing = target_links.get(link.idea_id)
        if existing is not None:
            record["target_before"] = _link_state(existing)
            existing.confirmed = existing.confirmed or link.confirmed
            existing.confidence = max(existing.confidence, link.confidence)
            existing.rank = min(existing.rank, link.rank)
            db.session.delete(link)
        else:
            link.theme_id = target.id
        moved.append(record)
    source.retired = True
    source.merged_into_id = target.id
    db.session.add(ThemeChange(conference_id=source.conference_id, action="merge", theme_id=source.id,
                               target_id=target.id, user_id=getattr(user, "id", None), links=moved))
    audit.record(user, "theme.merge", "theme", source.id, code=source.code, into=target.code,
                 into_id=target.id, ideas_moved=len(moved))
    return len(moved)


def merge_preview(source: Theme) -> int:
    """How many ideas a merge of this theme would move (shown before the co-chair confirms)."""
    return db.session.scalar(select(func.count(IdeaTheme.id)).where(IdeaTheme.theme_id == source.id)) or 0


def retire_theme(user: User, theme: Theme) -> int:
    """Retire a theme: no longer suggested or offered; ideas confirmed under it keep the link.

    The suggestions it drops are recorded for the undo; returns how many.
    """
    if theme.retired:
        raise ReviewError(gettext("Theme %(code)s is already retired.", code=theme.code))
    theme.retired = True
    dropped = list(db.session.scalars(
        select(IdeaTheme).where(IdeaTheme.theme_id == theme.id, IdeaTheme.confirmed.is_(False))))
    records = [{"idea_id": link.idea_id, "source": _link_state(link)} for link in dropped]
    for link in dropped:
        db.session.delete(link)
    db.session.add(ThemeChange(conference_id=theme.conference_id, action="retire", theme_id=theme.id,
                               user_id=getattr(user, "id", None), links=records))
    audit.record(user, "theme.retire", "theme", theme.id, code=theme.code, suggestions_dropped=len(records))
    return len(records)


def restore_theme(user: User, theme: Theme) -> None:
    """Bring a retired (not merged) theme back into the codebook."""
    if theme.merged_into_id:
        raise ReviewError(gettext("A merged theme cannot be restored; its ideas moved to the target."))
    theme.retired = False
    audit.record(user, "theme.restore", "theme", theme.id, code=theme.code)


def codebook_sections(conference: Conference) -> dict[str, list[Theme]]:
    """The codebook in sections: principal, emerging, retired (merged ones included)."""
    themes = list(db.session.scalars(
        select(Theme).where(Theme.conference_id == conference.id).order_by(Theme.code)
    ))
    return {
        "principal": [t for t in themes if not t.retired and t.kind == ThemeKind.PRINCIPAL],
        "emerging": [t for t in themes if not t.retired and t.kind == ThemeKind.EMERGING],
        "retired": [t for t in themes if t.retired],
    }


def refresh_suggestions(conference: Conference) -> int:
    """Queue a re-ranking of the ideas still waiting for review after the codebook changed.

    The job worker does the ranking (see app.services.job_handlers); returns how many ideas wait.
    """
    jobs.enqueue(jobs.REFRESH, conference)
    jobs.enqueue(jobs.EMERGING, conference)
    return db.session.scalar(select(func.count(Idea.id)).where(
        Idea.conference_id == conference.id, Idea.status == IdeaStatus.SUBMITTED)) or 0


def rerank_waiting_ideas(conference: Conference) -> int:
    """Re-rank themes of ideas still waiting for review (the refresh job's work)."""
    ideas = list(db.session.scalars(
        select(Idea).where(Idea.conference_id == conference.id, Idea.status == IdeaStatus.SUBMITTED)
        .options(selectinload(Idea.themes))
    ))
    idea_themes.attach_suggestions(conference, ideas)
    return len(ideas)


def promote_candidate(user: User, conference: Conference, code: str, name: str, keywords: str,
                      idea_ids: Sequence[int], description: str = "") -> Theme:
    """Promote a candidate cluster into the codebook as an emerging theme, confirmed on its ideas."""
    theme = add_theme(user, conference, code, name, description, keywords, kind=ThemeKind.EMERGING)
    ideas = [idea for idea in (get_idea(conference, int(i)) for i in idea_ids) if idea is not None]
    for idea in ideas:
        confirm_theme(user, idea, theme)
    audit.record(user, "theme.promote", "theme", theme.id, code=theme.code, idea_ids=[i.id for i in ideas])
    return theme
