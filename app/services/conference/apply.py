"""Applying an import plan: the conference is updated in place, so ideas, drafts, assignments and theme
tags keep pointing at the same rows; a removed session, group or theme hands its ideas to the one the
administrator chose, and is refused while something still hangs on it."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext
from sqlalchemy import delete, select, update

from app.extensions import db
from app.models import (
    AllowTerm, Assignment, BreakoutGroup, Conference, ConferenceDay, Draft, Idea, IdeaTheme, Session, SessionKind,
    Theme, ThemeKind,
)
from app.services.conference.diff import ImportPlan
from app.services.conference.errors import SetupError
from app.services.conference.spec import PLENARY_LABEL, SessionSpec, ThemeSpec


def blocked_message(plan: ImportPlan) -> str:
    """Why the plan cannot be applied: the removals that would detach ideas or assignments."""
    items = ", ".join(gettext("%(what)s (%(num)d in use)", what=c.label or c.key, num=c.in_use)
                      for c in plan.blocked)
    return gettext("Not applied: removing %(items)s would detach ideas or assignments. Keep them in the file, "
                   "or move what they hold to another session, group or theme.", items=items)


def apply_plan(plan: ImportPlan) -> Conference:
    """Make the database match the file (one transaction); refuses a plan with blocked removals."""
    if plan.blocked:
        raise SetupError(blocked_message(plan))
    conference = _conference(plan)
    days = _days(plan, conference)
    groups = _groups(plan, conference)
    sessions = {spec.key: _session(plan, spec, days[spec.day_number]) for spec in plan.spec.sessions}
    themes = {spec.code: _theme(plan, spec, conference) for spec in plan.spec.themes or []}
    db.session.flush()
    for change in plan.changes:
        if change.action == "removed" and change.move_to:
            target = {"session": sessions, "group": groups, "theme": themes}[change.kind][_target_key(change)]
            move_dependents(change.kind, plan.removed_rows[(change.kind, change.key)], target)
    _remove(plan)
    if plan.spec.allowlist is not None:
        _replace_allowlist(conference, plan.spec.allowlist)
    db.session.commit()
    return conference


def _target_key(change) -> str:
    return change.move_to.casefold() if change.kind == "group" else change.move_to


def _conference(plan: ImportPlan) -> Conference:
    spec = plan.spec
    conference = plan.conference
    if conference is None:
        conference = Conference(name=spec.name, show_groups_in_exports=bool(spec.show_groups_in_exports))
        db.session.add(conference)
    conference.name, conference.short_name, conference.name_fr = spec.name, spec.short_name, spec.name_fr
    if spec.show_groups_in_exports is not None:
        conference.show_groups_in_exports = spec.show_groups_in_exports
    return conference


def _days(plan: ImportPlan, conference: Conference) -> dict[int, ConferenceDay]:
    days = {}
    for spec in plan.spec.days:
        day = plan.day_rows.get(spec.number)
        if day is None:
            day = ConferenceDay(number=spec.number)
            conference.days.append(day)
        day.date, day.title, day.title_fr = spec.date, spec.title, spec.title_fr
        days[spec.number] = day
    return days


def _groups(plan: ImportPlan, conference: Conference) -> dict[str, BreakoutGroup]:
    groups = {}
    for label in plan.spec.groups:
        group = plan.group_rows.get(label.casefold())
        if group is None:
            group = BreakoutGroup(label=label, is_plenary=False)
            conference.groups.append(group)
        group.label = label
        groups[label.casefold()] = group
    plenary = next((g for g in conference.groups if g.is_plenary), None)
    if plenary is None:
        plenary = BreakoutGroup(label=PLENARY_LABEL, is_plenary=True)
        conference.groups.append(plenary)
    groups[PLENARY_LABEL.casefold()] = plenary
    return groups


def _session(plan: ImportPlan, spec: SessionSpec, day: ConferenceDay) -> Session:
    session = plan.session_rows.get(spec.key)
    if session is None:
        session = Session(title=spec.title, kind=SessionKind(spec.kind))
    if session.day is not day:
        day.sessions.append(session)
    session.title, session.title_fr, session.kind = spec.title, spec.title_fr, SessionKind(spec.kind)
    session.position, session.starts_at = spec.position, spec.starts_at
    session.plan_section, session.description = spec.plan_section, spec.description
    session.code = spec.code or session.code
    return session


def _theme(plan: ImportPlan, spec: ThemeSpec, conference: Conference) -> Theme:
    theme = plan.theme_rows.get(spec.code)
    if theme is None:
        theme = Theme(code=spec.code, name=spec.name)
        conference.themes.append(theme)
    theme.name, theme.name_fr = spec.name, spec.name_fr
    theme.description, theme.description_fr = spec.description, spec.description_fr
    theme.keywords, theme.kind = spec.keywords, ThemeKind(spec.kind)
    return theme


def move_dependents(kind: str, old: Any, new: Any) -> None:
    """Hand everything that points at a removed row to its replacement."""
    if kind == "session":
        for model in (Idea, Draft, Assignment):
            db.session.execute(update(model).where(model.session_id == old.id).values(session_id=new.id))
    elif kind == "group":
        for model in (Idea, Draft):
            db.session.execute(update(model).where(model.group_id == old.id).values(group_id=new.id))
        _move_assignments(old.id, new.id)
    else:
        tagged = select(IdeaTheme.idea_id).where(IdeaTheme.theme_id == new.id)
        db.session.execute(delete(IdeaTheme).where(IdeaTheme.theme_id == old.id, IdeaTheme.idea_id.in_(tagged)))
        db.session.execute(update(IdeaTheme).where(IdeaTheme.theme_id == old.id).values(theme_id=new.id))
        db.session.execute(update(Theme).where(Theme.merged_into_id == old.id).values(merged_into_id=new.id))
    db.session.flush()  # the assignment changes above, before expiring what the bulk updates made stale
    db.session.expire_all()


def _move_assignments(old_group_id: int, new_group_id: int) -> None:
    """Rapporteurs of a removed group are assigned to its replacement (once each)."""
    already = set(db.session.scalars(select(Assignment.user_id).where(Assignment.group_id == new_group_id)))
    for assignment in db.session.scalars(select(Assignment).where(Assignment.group_id == old_group_id)).all():
        if assignment.user_id in already:
            db.session.delete(assignment)
        else:
            assignment.group_id = new_group_id
            already.add(assignment.user_id)


def _remove(plan: ImportPlan) -> None:
    """Delete what the file no longer has (sessions before their days)."""
    order = {"session": 0, "group": 1, "theme": 2, "day": 3}
    for (kind, _key), row in sorted(plan.removed_rows.items(), key=lambda item: order[item[0][0]]):
        if kind == "day":
            db.session.refresh(row)
            if row.sessions:  # a matched session moved away leaves only removed ones; never delete a kept one
                kept = {s.id for s in plan.session_rows.values()}
                if any(s.id in kept for s in row.sessions):
                    continue
        db.session.delete(row)
        db.session.flush()


def _replace_allowlist(conference: Conference, terms: list[str]) -> None:
    db.session.execute(delete(AllowTerm).where(AllowTerm.conference_id == conference.id))
    db.session.add_all(AllowTerm(conference_id=conference.id, term=t) for t in terms)
