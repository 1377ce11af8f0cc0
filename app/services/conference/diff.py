"""The dry run of a conference import: what would be added, changed and removed, matched by stable keys,
and which removals would detach ideas, assignments or theme tags (refused unless they are moved)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from flask_babel import gettext
from sqlalchemy import func, select

from app.extensions import db
from app.models import (
    AllowTerm, Assignment, BreakoutGroup, Conference, Draft, Idea, IdeaTheme, Session, Theme, ThemeKind,
)
from app.services.conference.errors import SetupError
from app.services.conference.spec import ConferenceSpec, SessionSpec, title_key

KINDS = ("conference", "day", "session", "group", "theme", "allowlist")
SESSION_FIELDS = ("title", "title_fr", "kind", "starts_at", "plan_section", "description", "position", "day")
THEME_FIELDS = ("name", "name_fr", "description", "description_fr", "keywords", "kind")
DAY_FIELDS = ("date", "title", "title_fr")
CONFERENCE_FIELDS = ("name", "short_name", "name_fr", "show_groups_in_exports")


@dataclass
class Change:
    """One thing the import adds, changes or removes."""

    kind: str  # one of KINDS
    key: str
    action: str  # added, changed, removed, kept
    label: str
    fields: tuple[str, ...] = ()
    in_use: int = 0  # ideas, drafts, assignments or theme tags that hang on a removed thing
    move_to: Optional[str] = None

    @property
    def blocked(self) -> bool:
        """A removal that would detach ideas or assignments and says nowhere to move them."""
        return self.action == "removed" and self.in_use > 0 and not self.move_to


@dataclass
class ImportPlan:
    """Everything an import would do, and the database rows each file entry matches."""

    spec: ConferenceSpec
    conference: Optional[Conference]
    changes: list[Change] = field(default_factory=list)
    day_rows: dict[int, Any] = field(default_factory=dict)  # day number → existing row
    session_rows: dict[str, Session] = field(default_factory=dict)  # spec key → existing row
    group_rows: dict[str, BreakoutGroup] = field(default_factory=dict)  # label (casefolded) → existing row
    theme_rows: dict[str, Theme] = field(default_factory=dict)  # code → existing row
    removed_rows: dict[tuple[str, str], Any] = field(default_factory=dict)  # (kind, key) → row to delete

    def of(self, kind: str, action: Optional[str] = None) -> list[Change]:
        """The changes of one kind (and action)."""
        return [c for c in self.changes if c.kind == kind and (action is None or c.action == action)]

    @property
    def blocked(self) -> list[Change]:
        """Removals refused until their ideas are moved."""
        return [c for c in self.changes if c.blocked]

    @property
    def has_changes(self) -> bool:
        """Whether applying would change anything."""
        return self.conference is None or any(c.action in ("added", "changed", "removed") for c in self.changes)

    def count(self, kind: str, action: str) -> int:
        """How many things of a kind the import adds, changes or removes."""
        return len(self.of(kind, action))


def session_in_use(session_id: int) -> int:
    """Ideas, drafts and assignments that point at a session."""
    return sum(db.session.scalar(select(func.count()).where(column == session_id)) or 0
               for column in (Idea.session_id, Draft.session_id, Assignment.session_id))


def group_in_use(group_id: int) -> int:
    """Ideas, drafts and assignments that point at a group."""
    return sum(db.session.scalar(select(func.count()).where(column == group_id)) or 0
               for column in (Idea.group_id, Draft.group_id, Assignment.group_id))


def theme_in_use(theme_id: int) -> int:
    """Theme tags on ideas, and themes merged into this one."""
    return (db.session.scalar(select(func.count()).where(IdeaTheme.theme_id == theme_id)) or 0) + (
        db.session.scalar(select(func.count()).where(Theme.merged_into_id == theme_id)) or 0)


def _differences(row: Any, wanted: dict[str, Any]) -> tuple[str, ...]:
    return tuple(name for name, value in wanted.items() if getattr(row, name, None) != value)


def _session_changes(spec: SessionSpec, row: Session) -> tuple[str, ...]:
    wanted = {"title": spec.title, "title_fr": spec.title_fr, "starts_at": spec.starts_at,
              "plan_section": spec.plan_section, "description": spec.description, "position": spec.position}
    changed = list(_differences(row, wanted))
    if row.kind.value != spec.kind:
        changed.append("kind")
    if row.day.number != spec.day_number:
        changed.append("day")
    if spec.code and (row.code or "") != spec.code:
        changed.append("code")
    return tuple(changed)


def _match_sessions(plan: ImportPlan, existing: list[Session]) -> None:
    by_code = {s.code.upper(): s for s in existing if s.code}
    unmatched = {s.id: s for s in existing}
    pending = []
    for spec in plan.spec.sessions:
        row = by_code.get(spec.code) if spec.code else None
        if row is not None and row.id in unmatched:
            plan.session_rows[spec.key] = unmatched.pop(row.id)
        else:
            pending.append(spec)
    by_title = {title_key(s.day.number, s.title): s for s in unmatched.values()}
    for spec in pending:
        row = by_title.get(title_key(spec.day_number, spec.title))
        if row is not None and row.id in unmatched:
            plan.session_rows[spec.key] = unmatched.pop(row.id)
    for spec in plan.spec.sessions:
        row = plan.session_rows.get(spec.key)
        if row is None:
            plan.changes.append(Change("session", spec.key, "added", spec.title))
        else:
            fields = _session_changes(spec, row)
            plan.changes.append(Change("session", spec.key, "changed" if fields else "kept", spec.title, fields))
    for row in unmatched.values():
        key = row.code or title_key(row.day.number, row.title)
        plan.removed_rows[("session", key)] = row
        plan.changes.append(Change("session", key, "removed", row.title, in_use=session_in_use(row.id)))


def _match_groups(plan: ImportPlan, existing: list[BreakoutGroup]) -> None:
    rows = {g.label.casefold(): g for g in existing if not g.is_plenary}
    for label in plan.spec.groups:
        row = rows.pop(label.casefold(), None)
        if row is None:
            plan.changes.append(Change("group", label, "added", label))
        else:
            plan.group_rows[label.casefold()] = row
            plan.changes.append(Change("group", label, "changed" if row.label != label else "kept", label,
                                       ("label",) if row.label != label else ()))
    for row in rows.values():
        plan.removed_rows[("group", row.label)] = row
        plan.changes.append(Change("group", row.label, "removed", row.label, in_use=group_in_use(row.id)))


def _match_themes(plan: ImportPlan, existing: list[Theme]) -> None:
    rows = {t.code.upper(): t for t in existing}
    for spec in plan.spec.themes or []:
        row = rows.pop(spec.code, None)
        if row is None:
            plan.changes.append(Change("theme", spec.code, "added", spec.name))
            continue
        plan.theme_rows[spec.code] = row
        wanted = {name: getattr(spec, name) for name in THEME_FIELDS if name != "kind"}
        fields = _differences(row, wanted) + (("kind",) if row.kind.value != spec.kind else ())
        plan.changes.append(Change("theme", spec.code, "changed" if fields else "kept", spec.name, fields))
    for row in rows.values():
        # Emerging themes are the co-chairs' own work during the event: a codebook file never removes them.
        action = "kept" if row.kind is ThemeKind.EMERGING else "removed"
        in_use = theme_in_use(row.id) if action == "removed" else 0
        if action == "removed":
            plan.removed_rows[("theme", row.code)] = row
        plan.changes.append(Change("theme", row.code, action, row.name, in_use=in_use))


def _day_label(number: int, title: str) -> str:
    return gettext("Day %(number)s", number=number) + (f" · {title}" if title else "")


def _match_days(plan: ImportPlan, conference: Conference) -> None:
    rows = {d.number: d for d in conference.days}
    for spec in plan.spec.days:
        row = rows.pop(spec.number, None)
        if row is None:
            plan.changes.append(Change("day", str(spec.number), "added", _day_label(spec.number, spec.title)))
            continue
        plan.day_rows[spec.number] = row
        fields = _differences(row, {"date": spec.date, "title": spec.title, "title_fr": spec.title_fr})
        plan.changes.append(Change("day", str(spec.number), "changed" if fields else "kept",
                                   _day_label(spec.number, spec.title), fields))
    for row in rows.values():
        plan.removed_rows[("day", str(row.number))] = row
        plan.changes.append(Change("day", str(row.number), "removed", _day_label(row.number, row.title)))


def _match_conference(plan: ImportPlan, conference: Conference) -> None:
    spec = plan.spec
    wanted = {"name": spec.name, "short_name": spec.short_name, "name_fr": spec.name_fr}
    if spec.show_groups_in_exports is not None:
        wanted["show_groups_in_exports"] = spec.show_groups_in_exports
    fields = _differences(conference, wanted)
    plan.changes.append(Change("conference", "", "changed" if fields else "kept", spec.name, fields))
    if spec.allowlist is not None:
        current = set(db.session.scalars(select(AllowTerm.term).where(AllowTerm.conference_id == conference.id)))
        for term in spec.allowlist:
            plan.changes.append(Change("allowlist", term, "kept" if term in current else "added", term))
        for term in current - set(spec.allowlist):
            plan.changes.append(Change("allowlist", term, "removed", term))


def _apply_moves(plan: ImportPlan, moves: dict[tuple[str, str], str]) -> None:
    targets = {"session": {s.key for s in plan.spec.sessions},
               "group": {g for g in plan.spec.groups} | {"Plenary"},
               "theme": {t.code for t in plan.spec.themes or []}}
    for (kind, key), target in moves.items():
        change = next((c for c in plan.of(kind, "removed") if c.key == key), None)
        if change is None:
            continue  # a move for something the file keeps: nothing to move
        if target not in targets.get(kind, set()):
            raise SetupError(gettext("Cannot move the ideas of %(key)s to %(target)s: that is not in the file.",
                                     key=key, target=target))
        change.move_to = target


def plan_import(conference: Optional[Conference], spec: ConferenceSpec,
                moves: Optional[dict[tuple[str, str], str]] = None) -> ImportPlan:
    """Compare the file with the conference in the database (None: a first import) without changing it."""
    plan = ImportPlan(spec=spec, conference=conference)
    if conference is None:
        plan.changes.append(Change("conference", "", "added", spec.name))
        plan.changes += [Change("day", str(d.number), "added", _day_label(d.number, d.title)) for d in spec.days]
        plan.changes += [Change("session", s.key, "added", s.title) for s in spec.sessions]
        plan.changes += [Change("group", g, "added", g) for g in spec.groups]
        plan.changes += [Change("theme", t.code, "added", t.name) for t in spec.themes or []]
        plan.changes += [Change("allowlist", t, "added", t) for t in spec.allowlist or []]
        return plan
    _match_conference(plan, conference)
    _match_days(plan, conference)
    _match_sessions(plan, [s for d in conference.days for s in d.sessions])
    _match_groups(plan, list(conference.groups))
    if spec.themes is not None:
        _match_themes(plan, list(conference.themes))
    _apply_moves(plan, moves or {})
    return plan


def parse_moves(values: Iterable[str]) -> dict[tuple[str, str], str]:
    """Read `kind:KEY=TARGET` moves (e.g. `group:Group H=Group G`, `theme:OLD=NEW`) as the CLI takes them."""
    moves: dict[tuple[str, str], str] = {}
    for value in values:
        kind, _, rest = value.partition(":")
        key, _, target = rest.partition("=")
        if kind not in ("session", "group", "theme") or not key.strip() or not target.strip():
            raise SetupError(gettext("Write a move as kind:KEY=TARGET, kind being session, group or theme "
                                     "(not %(value)r).", value=value))
        moves[(kind, key.strip() if kind == "group" else key.strip().upper() if kind == "theme" else key.strip())] = (
            target.strip().upper() if kind == "theme" else target.strip())
    return moves

