"""The plain structure of an export: what an export file may contain, gathered once.

The query (app.services.export.gather) is the only place that reads the database; the writers
(app.services.export.writers) take an `ExportData` and nothing else. That keeps what can reach a
file explicit: idea text, theme codebook, session titles, counts, and group labels only when the
conference enables them. No user of any kind (rapporteur, co-chair, drafter) is ever part of it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

from flask_babel import lazy_gettext

SCHEMA_ID = "chatham-capture-export/1"

# Only these statuses can be exported; rejected and returned ideas never leave the review area.
EXPORTABLE_STATUSES = ("approved", "submitted")

# Lazy: read in the report's language (run_export forces it), or the page's.
PLAN_SECTION_TITLES = {
    "partners": lazy_gettext("Partners' programs"),
    "baselines": lazy_gettext("Baselines"),
    "targets": lazy_gettext("Targets"),
    "actions": lazy_gettext("Actions"),
    "indicators": lazy_gettext("Indicators"),
}

CHATHAM_HOUSE_NOTICE = lazy_gettext(
    "This report was prepared under the Chatham House Rule: the information it contains may be used, "
    "but neither the identity nor the affiliation of any speaker or participant may be revealed. "
    "Do not add names, affiliations, roles or other details that could identify who said what."
)


@dataclass(frozen=True)
class ExportFormat:
    """A file format drafters can export to."""

    name: str
    extension: str
    mimetype: str
    label: str


FORMATS: dict[str, ExportFormat] = {
    "docx": ExportFormat("docx", "docx",
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
    "md": ExportFormat("md", "md", "text/markdown; charset=utf-8", "Markdown"),
    "csv": ExportFormat("csv", "csv", "text/csv; charset=utf-8", lazy_gettext("CSV (spreadsheet)")),
    "json": ExportFormat("json", "json", "application/json", "JSON"),
}


class ExportError(ValueError):
    """A filter or format that cannot be exported, with a reason a drafter can act on."""


# --------------------------------------------------------------------------- the plain structure


@dataclass(frozen=True)
class ExportFilters:
    """Which ideas an export holds. None means "all"."""

    day: Optional[int] = None
    session_id: Optional[int] = None
    theme_code: Optional[str] = None
    status: str = "approved"

    def as_dict(self) -> dict:
        """The filters as stored in ExportRecord.filters and in the JSON export."""
        return {"day": self.day, "session_id": self.session_id, "theme": self.theme_code, "status": self.status}


@dataclass
class ThemeEntry:
    """A theme of the codebook as exported."""

    code: str
    name: str
    description: str
    kind: str


@dataclass
class SessionEntry:
    """A session as exported."""

    id: int
    title: str
    day: int
    kind: str
    plan_section: str


@dataclass
class IdeaEntry:
    """One idea as exported: clean text and where it sits, never who said it."""

    id: int
    text: str
    lang: str
    theme_codes: list[str]
    themes_confirmed: bool
    session_id: int
    session_title: str
    day: int
    plan_section: str
    proposal_id: Optional[int]
    groups_count: int
    in_plenary: bool
    group: Optional[str] = None  # only when the conference shows groups in exports
    kind: Optional[str] = None  # clean-idea kind, when the rapporteur submitted clean ideas
    support: int = 0  # people in the room who supported it, as the rapporteur confirmed (a count only)
    # Where a Day-2 idea goes in the plan tables (partners, baselines, targets, actions, indicators):
    # decided by its kind and wording (app.services.export.plan), None for the narrative sections.
    plan_element: Optional[str] = None


@dataclass
class ProposalEntry:
    """A proposal merged from ideas raised by several groups."""

    id: int
    title: str
    has_own_title: bool
    idea_ids: list[int]
    groups_count: int
    in_plenary: bool
    groups: Optional[list[str]] = None  # only when the conference shows groups in exports
    # The one theme the proposal is reported under (its members' most common theme) and the other
    # themes its members carry, where the report only points to it ("see also").
    theme_code: str = ""
    see_also: list[str] = field(default_factory=list)
    plan_element: Optional[str] = None  # the plan table row of most of its ideas, None for the narrative

    @property
    def several_groups(self) -> bool:
        """Raised by at least two breakout groups: what "raised by several groups" promises."""
        return self.groups_count >= 2


@dataclass
class ExportData:
    """Everything an export file may contain, gathered once."""

    conference_name: str
    conference_short_name: str
    generated_at: datetime
    filters: ExportFilters
    groups_total: int
    show_groups: bool
    themes: list[ThemeEntry]
    sessions: list[SessionEntry]
    ideas: list[IdeaEntry]
    proposals: list[ProposalEntry]
    filter_description: str = ""
    lang: str = "en"  # the report's language (headings, notice); each idea keeps its own

    @property
    def theme_by_code(self) -> dict[str, ThemeEntry]:
        """Themes keyed by code."""
        return {t.code: t for t in self.themes}


