"""A checked conference file, normalized: what the conference should look like after an import.

Stable keys match the file to the database: a day by its number, a session by its `code` (or, when
the file gives none, its day and title), a group by its label, a theme by its code.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from app.services.conference.file import entry_getter

PLENARY_LABEL = "Plenary"


@dataclass(frozen=True)
class DaySpec:
    """One day as the file describes it."""

    number: int
    date: Optional[date]
    title: str
    title_fr: str


@dataclass(frozen=True)
class SessionSpec:
    """One session as the file describes it."""

    code: str
    day_number: int
    position: int
    title: str
    title_fr: str
    kind: str
    starts_at: Optional[str]
    plan_section: str
    description: str

    @property
    def key(self) -> str:
        """The stable key: the code, else the day and the title."""
        return self.code or title_key(self.day_number, self.title)


@dataclass(frozen=True)
class ThemeSpec:
    """One codebook theme as the file describes it."""

    code: str
    name: str
    name_fr: str
    description: str
    description_fr: str
    keywords: str
    kind: str


@dataclass
class ConferenceSpec:
    """The whole file: None for a part the file leaves out (left as it is)."""

    name: str
    short_name: str
    name_fr: str
    show_groups_in_exports: Optional[bool]
    groups: list[str]
    days: list[DaySpec]
    sessions: list[SessionSpec]
    themes: Optional[list[ThemeSpec]]
    allowlist: Optional[list[str]]


def title_key(day_number: int, title: str) -> str:
    """A session's key when it has no code: its day and its title, ignoring case and spacing."""
    return f"{day_number}/{' '.join(title.split()).casefold()}"


def _date(value: Any) -> Optional[date]:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _text(value: Any) -> str:
    return str(value or "").strip()


def theme_spec(theme: Any) -> ThemeSpec:
    """A ThemeSpec from a codebook entry (a mapping, or an object such as the bundled codebook's ThemeDef)."""
    get = entry_getter(theme)
    keywords = get("keywords", "") or ""
    if not isinstance(keywords, str):
        keywords = ", ".join(str(k) for k in keywords)
    kind = get("kind", "principal") or "principal"
    return ThemeSpec(code=_text(get("code")).upper(), name=_text(get("name")), name_fr=_text(get("name_fr")),
                     description=str(get("description", "") or ""), description_fr=str(get("description_fr", "") or ""),
                     keywords=keywords, kind=str(getattr(kind, "value", kind)))


def _sessions(day_number: int, day: dict) -> list[SessionSpec]:
    return [SessionSpec(
        code=_text(s.get("code")).upper(), day_number=day_number, position=position, title=_text(s.get("title")),
        title_fr=_text(s.get("title_fr")), kind=_text(s.get("kind") or "breakout").lower(),
        starts_at=_text(s.get("starts_at")) or None, plan_section=_text(s.get("plan_section")).lower(),
        description=str(s.get("description", "") or ""),
    ) for position, s in enumerate(day.get("sessions") or [])]


def build_spec(data: dict) -> ConferenceSpec:
    """Normalize a mapping that passed file.check_shape."""
    days, sessions = [], []
    for position, day in enumerate(data.get("days") or [], start=1):
        number = int(day.get("number", position))
        days.append(DaySpec(number=number, date=_date(day.get("date")), title=str(day.get("title", "") or ""),
                            title_fr=str(day.get("title_fr", "") or "")))
        sessions.extend(_sessions(number, day))
    themes = data.get("themes")
    allowlist = data.get("allowlist")
    show_groups = data.get("show_groups_in_exports")
    return ConferenceSpec(
        name=_text(data["name"]), short_name=_text(data.get("short_name")), name_fr=_text(data.get("name_fr")),
        show_groups_in_exports=None if show_groups is None else bool(show_groups),
        groups=[_text(g) for g in data.get("groups") or [] if _text(g)],
        days=days, sessions=sessions,
        themes=None if themes is None else [theme_spec(t) for t in themes],
        allowlist=None if allowlist is None else list(dict.fromkeys(_text(t) for t in allowlist if _text(t))),
    )
