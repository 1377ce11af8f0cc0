"""Report exports: gather the ideas into a plain structure, then write it as DOCX, Markdown, CSV or JSON.

The query (`gather_export`) is the only place that reads the database; the writers take the
resulting `ExportData` and nothing else. That keeps what can reach a file explicit: idea text,
theme codebook, session titles, counts, and group labels only when the conference enables them.
No user of any kind (rapporteur, co-chair, drafter) is ever part of `ExportData`.

`run_export` ties it together for the views and the command line: gather, final anonymization
check (app.services.export_check), write, record (ExportRecord + audit) or refuse.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Optional, Sequence

from flask_babel import gettext, lazy_gettext, ngettext
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from app.extensions import db
from app.models import (
    BreakoutGroup,
    Conference,
    ConferenceDay,
    ExportRecord,
    Idea,
    IdeaStatus,
    IdeaTheme,
    Session,
    Theme,
    ThemeKind,
    User,
    utcnow,
)
from app.services import audit
from app.i18n import localized
from app.services.conference_setup import PLAN_SECTIONS
from app.services.report_language import report_locale, set_document_language, set_run_language

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


# --------------------------------------------------------------------------- the query


def _final_theme(theme: Theme, by_id: dict[int, Theme]) -> Theme:
    """Follow merged_into links to the theme that survived the merge (cycles cannot loop)."""
    seen = set()
    while theme.merged_into_id and theme.merged_into_id in by_id and theme.id not in seen:
        seen.add(theme.id)
        theme = by_id[theme.merged_into_id]
    return theme


def _effective_themes(idea: Idea, by_id: dict[int, Theme]) -> tuple[list[Theme], bool]:
    """The themes an idea is reported under: confirmed ones, else the best-ranked suggestion."""
    confirmed = [link.theme for link in idea.themes if link.confirmed]
    if confirmed:
        chosen, is_confirmed = confirmed, True
    elif idea.themes:
        chosen, is_confirmed = [min(idea.themes, key=lambda link: link.rank).theme], False
    else:
        return [], False
    unique: dict[int, Theme] = {}
    for theme in chosen:
        final = _final_theme(theme, by_id)
        unique.setdefault(final.id, final)
    return list(unique.values()), is_confirmed


def _theme_order(theme: Theme) -> tuple:
    """Principal themes in codebook (import) order, then emerging ones."""
    return (0 if theme.kind == ThemeKind.PRINCIPAL else 1, theme.id)


def describe_filters(filters: ExportFilters, session_title: Optional[str] = None,
                     theme_name: Optional[str] = None) -> str:
    """A human sentence for the title page: what this export holds."""
    status = gettext("Approved ideas") if filters.status == "approved" else gettext(
        "Ideas awaiting review (not yet approved)")
    parts = [status]
    if filters.day is not None:
        parts.append(gettext("Day %(number)s", number=filters.day))
    if filters.session_id is not None:
        parts.append(gettext("session: %(title)s", title=session_title or filters.session_id))
    if filters.theme_code:
        parts.append(gettext("theme: %(code)s", code=filters.theme_code) + (f" ({theme_name})" if theme_name else ""))
    if len(parts) == 1:
        parts.append(gettext("all days, sessions and themes"))
    return " · ".join(parts)


def validate_filters(conference: Conference, filters: ExportFilters) -> None:
    """Refuse filters that name nothing in this conference (a typo should not give an empty report)."""
    if filters.status not in EXPORTABLE_STATUSES:
        raise ExportError(gettext("Status must be one of %(choices)s.", choices=", ".join(EXPORTABLE_STATUSES)))
    if filters.day is not None and not any(d.number == filters.day for d in conference.days):
        raise ExportError(gettext("This conference has no Day %(number)s.", number=filters.day))
    if filters.session_id is not None:
        session = db.session.get(Session, filters.session_id)
        if session is None or session.day.conference_id != conference.id:
            raise ExportError(gettext("This conference has no session %(number)s.", number=filters.session_id))
        if filters.day is not None and session.day.number != filters.day:
            raise ExportError(gettext("Session %(session)s is not on Day %(day)s.",
                                      session=filters.session_id, day=filters.day))
    if filters.theme_code and not any(t.code == filters.theme_code.upper() for t in conference.themes):
        raise ExportError(gettext("This conference has no theme %(code)s.", code=filters.theme_code))


def gather_export(conference: Conference, filters: ExportFilters, now: Optional[datetime] = None) -> ExportData:
    """Read the ideas matching filters into an ExportData (the only database read of an export)."""
    validate_filters(conference, filters)
    theme_code = filters.theme_code.upper() if filters.theme_code else None
    query = (
        select(Idea)
        .join(Session, Idea.session_id == Session.id)
        .join(ConferenceDay, Session.day_id == ConferenceDay.id)
        .where(Idea.conference_id == conference.id, Idea.status == IdeaStatus(filters.status))
        .options(
            joinedload(Idea.session).joinedload(Session.day),
            joinedload(Idea.group),
            joinedload(Idea.proposal),
            selectinload(Idea.themes).joinedload(IdeaTheme.theme),
        )
        .order_by(ConferenceDay.number, Session.position, Idea.created_at, Idea.id)
    )
    if filters.day is not None:
        query = query.where(ConferenceDay.number == filters.day)
    if filters.session_id is not None:
        query = query.where(Idea.session_id == filters.session_id)
    ideas = list(db.session.scalars(query).unique())

    themes_by_id = {t.id: t for t in db.session.scalars(select(Theme).where(Theme.conference_id == conference.id))}
    show_groups = bool(conference.show_groups_in_exports)
    groups = list(db.session.scalars(select(BreakoutGroup).where(BreakoutGroup.conference_id == conference.id)))
    groups_total = sum(1 for g in groups if not g.is_plenary)

    selected: list[tuple[Idea, list[Theme], bool]] = []
    for idea in ideas:
        themes, confirmed = _effective_themes(idea, themes_by_id)
        if theme_code and theme_code not in {t.code for t in themes}:
            continue
        selected.append((idea, themes, confirmed))

    # Proposals count only when accepted by a co-chair; a tool suggestion is not a merge.
    members: dict[int, list[Idea]] = {}
    for idea, _, _ in selected:
        if idea.proposal is not None and idea.proposal.status == "accepted":
            members.setdefault(idea.proposal_id, []).append(idea)

    proposals: list[ProposalEntry] = []
    proposal_counts: dict[int, tuple[int, bool]] = {}
    for proposal_id, member_ideas in sorted(members.items()):
        proposal = member_ideas[0].proposal
        group_ids = {i.group_id for i in member_ideas if not i.group.is_plenary}
        in_plenary = any(i.group.is_plenary for i in member_ideas)
        proposal_counts[proposal_id] = (len(group_ids), in_plenary)
        own_title = (proposal.title or "").strip()
        proposals.append(ProposalEntry(
            id=proposal_id,
            title=own_title or member_ideas[0].text,
            has_own_title=bool(own_title),
            idea_ids=[i.id for i in member_ideas],
            groups_count=len(group_ids),
            in_plenary=in_plenary,
            groups=sorted({i.group.label for i in member_ideas}) if show_groups else None,
        ))

    idea_entries: list[IdeaEntry] = []
    used_theme_ids: set[int] = set()
    for idea, themes, confirmed in selected:
        accepted = idea.proposal_id in proposal_counts
        if accepted:
            count, in_plenary = proposal_counts[idea.proposal_id]
        else:
            count, in_plenary = (0, True) if idea.group.is_plenary else (1, False)
        themes = sorted(themes, key=_theme_order)
        used_theme_ids.update(t.id for t in themes)
        idea_entries.append(IdeaEntry(
            id=idea.id,
            text=idea.text,
            lang=idea.lang,
            theme_codes=[t.code for t in themes],
            themes_confirmed=confirmed,
            session_id=idea.session_id,
            session_title=localized(idea.session, "title"),
            day=idea.session.day.number,
            plan_section=idea.session.plan_section or "",
            proposal_id=idea.proposal_id if accepted else None,
            groups_count=count,
            in_plenary=in_plenary,
            kind=idea.kind,
            support=idea.support or 0,
            group=idea.group.label if show_groups else None,
        ))

    # Every theme an exported idea carries is described (JSON readers resolve codes); the Word and
    # Markdown reports show only the filtered theme's section.
    theme_entries = [
        ThemeEntry(code=t.code, name=localized(t, "name"), description=localized(t, "description"), kind=t.kind.value)
        for t in sorted((themes_by_id[i] for i in used_theme_ids), key=_theme_order)
    ]

    session_query = (
        select(Session).join(ConferenceDay, Session.day_id == ConferenceDay.id)
        .where(ConferenceDay.conference_id == conference.id)
        .order_by(ConferenceDay.number, Session.position)
    )
    if filters.day is not None:
        session_query = session_query.where(ConferenceDay.number == filters.day)
    if filters.session_id is not None:
        session_query = session_query.where(Session.id == filters.session_id)
    sessions = [
        SessionEntry(id=s.id, title=localized(s, "title"), day=s.day.number, kind=s.kind.value, plan_section=s.plan_section or "")
        for s in db.session.scalars(session_query)
    ]
    session_title = next((s.title for s in sessions if s.id == filters.session_id), None)
    theme_name = next((t.name for t in theme_entries if t.code == theme_code), None)
    return ExportData(
        conference_name=localized(conference, "name"),
        conference_short_name=conference.short_name or "",
        generated_at=now or utcnow(),
        filters=ExportFilters(filters.day, filters.session_id, theme_code, filters.status),
        groups_total=groups_total,
        show_groups=show_groups,
        themes=theme_entries,
        sessions=sessions,
        ideas=idea_entries,
        proposals=proposals,
        filter_description=describe_filters(filters, session_title, theme_name),
        lang=report_locale(),
    )


# --------------------------------------------------------------------------- the report outline


@dataclass
class ProposalBlock:
    """A merged proposal inside a theme section, with the wordings of its ideas."""

    proposal: ProposalEntry
    ideas: list[IdeaEntry]


@dataclass
class ThemeSection:
    """A section of the report: one theme's merged proposals, then its single ideas."""

    code: str
    title: str
    description: str
    proposals: list[ProposalBlock] = field(default_factory=list)
    singles: list[IdeaEntry] = field(default_factory=list)


@dataclass
class PlanItem:
    """One line of a plan table cell: a proposal or a single idea."""

    text: str
    raised: str  # "raised by 2 of 8 groups", or "" for a single idea
    groups: Optional[list[str]] = None


@dataclass
class PlanTable:
    """For one theme (or partner), what was proposed for each part of the plan."""

    code: str
    title: str
    rows: list[tuple[str, list[PlanItem]]]


@dataclass
class ReportOutline:
    """The shape shared by the Word and Markdown reports."""

    sections: list[ThemeSection]
    plan_tables: list[PlanTable]

    @property
    def contents(self) -> list[str]:
        """Top-level section titles, in order, for the contents list."""
        titles = [s.title for s in self.sections]
        if self.plan_tables:
            titles.append(str(PLAN_PART_TITLE))
        return titles


PLAN_PART_TITLE = lazy_gettext("The plan's structure (Day 2)")
# Within a theme, single ideas are grouped by kind in this order (ideas without a kind last).
KIND_ORDER = {k: n for n, k in enumerate(("proposal", "commitment", "figure", "concern", "finding", "question"))}
UNTHEMED = ThemeEntry(code="", name=lazy_gettext("Ideas not yet themed"), description="", kind="")


def raised_by(groups_count: int, groups_total: int, in_plenary: bool) -> str:
    """'raised by 5 of 8 groups' (plenary ideas are not a group; they are mentioned apart)."""
    if groups_count == 0:
        return gettext("raised in plenary") if in_plenary else ""
    text = ngettext("raised by %(count)s of %(num)d group", "raised by %(count)s of %(num)d groups",
                    groups_total, count=groups_count)
    return text + (gettext(" and in plenary") if in_plenary else "")


def idea_meta(idea: IdeaEntry) -> str:
    """Where an idea came from, for a report reader: 'Day 1 · Themes' (plus the group if enabled)."""
    parts = [gettext("Day %(number)s", number=idea.day), idea.session_title]
    if idea.group:
        parts.append(idea.group)
    if idea.kind:
        parts.append(idea.kind)
    if idea.support:
        parts.append(f"supported by {idea.support} in the room")
    return " · ".join(parts)


def _section_title(theme: ThemeEntry) -> str:
    return f"{theme.code} — {theme.name}" if theme.code else str(theme.name)


def build_outline(data: ExportData) -> ReportOutline:
    """Arrange ideas by theme (proposals first) and the Day 2 plan sessions as tables."""
    proposals = {p.id: p for p in data.proposals}
    themes = list(data.themes)
    only = data.filters.theme_code

    def codes_of(idea: IdeaEntry) -> list[str]:
        codes = [c for c in idea.theme_codes if c in data.theme_by_code]
        if only:
            codes = [c for c in codes if c == only]
        return codes or [""]

    # Ideas from a plan session go to the plan tables; the others to the theme sections.
    narrative = [i for i in data.ideas if i.plan_section not in PLAN_SECTIONS]
    planned = [i for i in data.ideas if i.plan_section in PLAN_SECTIONS]

    sections: list[ThemeSection] = []
    for theme in themes + [UNTHEMED]:
        in_theme = [i for i in narrative if theme.code in codes_of(i)]
        if not in_theme:
            continue
        section = ThemeSection(code=theme.code, title=_section_title(theme), description=theme.description)
        seen: set[int] = set()
        for idea in in_theme:
            proposal = proposals.get(idea.proposal_id) if idea.proposal_id else None
            if proposal and len(proposal.idea_ids) > 1:
                if proposal.id not in seen:
                    seen.add(proposal.id)
                    wordings = [i for i in in_theme if i.proposal_id == proposal.id]
                    section.proposals.append(ProposalBlock(proposal, wordings))
            else:
                section.singles.append(idea)
        section.proposals.sort(key=lambda b: (-b.proposal.groups_count, b.proposal.id))
        section.singles.sort(key=lambda i: KIND_ORDER.get(i.kind or "", len(KIND_ORDER)))  # by kind, stable
        sections.append(section)

    tables: list[PlanTable] = []
    for theme in themes + [UNTHEMED]:
        in_theme = [i for i in planned if theme.code in codes_of(i)]
        if not in_theme:
            continue
        rows = []
        for plan_section in PLAN_SECTIONS:
            items: list[PlanItem] = []
            seen = set()
            for idea in (i for i in in_theme if i.plan_section == plan_section):
                proposal = proposals.get(idea.proposal_id) if idea.proposal_id else None
                if proposal and len(proposal.idea_ids) > 1:
                    if proposal.id in seen:
                        continue
                    seen.add(proposal.id)
                    items.append(PlanItem(proposal.title,
                                          raised_by(proposal.groups_count, data.groups_total, proposal.in_plenary),
                                          proposal.groups))
                else:
                    items.append(PlanItem(idea.text, "", [idea.group] if idea.group else None))
            if items:
                rows.append((str(PLAN_SECTION_TITLES[plan_section]), items))
        tables.append(PlanTable(code=theme.code, title=_section_title(theme), rows=rows))
    return ReportOutline(sections=sections, plan_tables=tables)


# --------------------------------------------------------------------------- writers


def build_docx(data: ExportData) -> bytes:
    """The Word report: title page, Chatham House notice, contents, theme sections, plan tables."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    outline = build_outline(data)
    document = Document()
    # The template's metadata names its author; an export carries no person at all.
    props = document.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.title = data.conference_name
    props.subject = gettext("Report of approved ideas (Chatham House Rule)")
    props.language = data.lang
    set_document_language(document, data.lang)
    props.comments = ""
    props.keywords = ""
    props.created = data.generated_at.replace(tzinfo=None)
    props.modified = data.generated_at.replace(tzinfo=None)
    props.revision = 1

    # Title page.
    document.add_paragraph(data.conference_name, style="Title")
    document.add_paragraph(gettext("Report of ideas raised at the consultation"), style="Subtitle")
    document.add_paragraph(data.filter_description)
    document.add_paragraph(generated_line(data))
    notice_heading = document.add_paragraph()
    notice_run = notice_heading.add_run(gettext("Chatham House Rule"))
    notice_run.bold = True
    notice = document.add_paragraph(str(CHATHAM_HOUSE_NOTICE))
    notice.paragraph_format.space_after = Pt(12)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # Contents: a TOC field for Word to fill in, and a plain list that reads without updating it.
    document.add_heading(gettext("Contents"), level=1)
    toc = document.add_paragraph()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = 'TOC \\o "1-2" \\h \\z \\u'
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    toc.add_run()._r.append(begin)
    toc.add_run()._r.append(instruction)
    toc.add_run()._r.append(separate)
    placeholder = toc.add_run(gettext("(Page numbers: right-click here and choose Update Field.)"))
    placeholder.italic = True
    toc.add_run()._r.append(end)
    for number, title in enumerate(outline.contents, start=1):
        document.add_paragraph(f"{number}. {title}")
    if not outline.contents:
        document.add_paragraph(gettext("No ideas match these filters."))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    grey = RGBColor(0x5B, 0x64, 0x75)
    # Resolve list styles once: python-docx looks a style name up by scanning every style,
    # which for thousands of ideas costs more than writing them.
    bullet_id = document.styles["List Bullet"].style_id
    bullet2_id = document.styles["List Bullet 2"].style_id

    def add_styled(text: str, style_id: str, lang: Optional[str] = None):
        paragraph = document.add_paragraph(text)
        paragraph._p.style = style_id
        if lang:  # the idea's own language, so Word spell-checks it as such
            set_run_language(paragraph, lang)
        return paragraph

    def add_meta(paragraph, text: str) -> None:
        if text:
            run = paragraph.add_run(f" ({text})")
            run.italic = True
            run.font.color.rgb = grey

    for section in outline.sections:
        document.add_heading(section.title, level=1)
        if section.description:
            document.add_paragraph(section.description).runs[0].italic = True
        if section.proposals:
            document.add_heading(gettext("Proposals raised by several groups"), level=2)
            for block in section.proposals:
                paragraph = add_styled("", bullet_id)
                paragraph.add_run(block.proposal.title).bold = True
                raised = raised_by(block.proposal.groups_count, data.groups_total, block.proposal.in_plenary)
                paragraph.add_run(f" — {raised}")
                if block.proposal.groups:
                    add_meta(paragraph, ", ".join(block.proposal.groups))
                wordings = [i for i in block.ideas
                            if block.proposal.has_own_title or i.text != block.proposal.title]
                for idea in wordings:
                    sub = add_styled(idea.text, bullet2_id, idea.lang)
                    add_meta(sub, idea_meta(idea))
        if section.singles:
            document.add_heading(gettext("Single ideas") if section.proposals else gettext("Ideas"), level=2)
            for idea in section.singles:
                paragraph = add_styled(idea.text, bullet_id, idea.lang)
                add_meta(paragraph, idea_meta(idea))

    if outline.plan_tables:
        document.add_heading(str(PLAN_PART_TITLE), level=1)
        document.add_paragraph(gettext(
            "For each theme or partner, the baselines, targets, actions and indicators proposed."))
        for plan in outline.plan_tables:
            document.add_heading(plan.title, level=2)
            table = document.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            header = table.rows[0].cells
            header[0].text, header[1].text = gettext("Plan element"), gettext("Proposed")
            for cell in header:
                cell.paragraphs[0].runs[0].bold = True
            for element, items in plan.rows:
                cells = table.add_row().cells
                cells[0].text = element
                first = True
                for item in items:
                    paragraph = cells[1].paragraphs[0] if first else cells[1].add_paragraph()
                    first = False
                    paragraph.add_run(item.text)
                    meta = ", ".join(filter(None, [item.raised, ", ".join(item.groups or [])]))
                    add_meta(paragraph, meta)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# Characters with a meaning in Markdown (CommonMark escapable punctuation that can change rendering).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def md_escape(text: str) -> str:
    """Idea text as literal Markdown: no headings, links, HTML or list markers sneak in."""
    text = " ".join(text.split())  # one line: a newline would end the list item or table cell
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def build_markdown(data: ExportData) -> bytes:
    """The Markdown report, with the same structure as the Word one."""
    outline = build_outline(data)
    lines = [
        f"# {md_escape(data.conference_name)}",
        "",
        gettext("Report of ideas raised at the consultation"),
        "",
        f"{md_escape(data.filter_description)}  ",
        generated_line(data),
        "",
        f"> **{gettext('Chatham House Rule')}.** {CHATHAM_HOUSE_NOTICE}",
        "",
        f"## {gettext('Contents')}",
        "",
    ]
    lines += [f"{n}. {md_escape(title)}" for n, title in enumerate(outline.contents, start=1)]
    if not outline.contents:
        lines.append(gettext("No ideas match these filters."))
    lines.append("")

    def meta(text: str) -> str:
        return f" *({md_escape(text)})*" if text else ""

    for section in outline.sections:
        lines += [f"## {md_escape(section.title)}", ""]
        if section.description:
            lines += [f"*{md_escape(section.description)}*", ""]
        if section.proposals:
            lines += [f"### {gettext('Proposals raised by several groups')}", ""]
            for block in section.proposals:
                raised = raised_by(block.proposal.groups_count, data.groups_total, block.proposal.in_plenary)
                groups = meta(", ".join(block.proposal.groups)) if block.proposal.groups else ""
                lines.append(f"- **{md_escape(block.proposal.title)}** — {raised}{groups}")
                for idea in block.ideas:
                    if block.proposal.has_own_title or idea.text != block.proposal.title:
                        lines.append(f"  - {md_escape(idea.text)}{meta(idea_meta(idea))}")
            lines.append("")
        if section.singles:
            lines += ["### " + (gettext("Single ideas") if section.proposals else gettext("Ideas")), ""]
            lines += [f"- {md_escape(i.text)}{meta(idea_meta(i))}" for i in section.singles]
            lines.append("")
    if outline.plan_tables:
        lines += [f"## {md_escape(PLAN_PART_TITLE)}", "",
                  gettext("For each theme or partner, the baselines, targets, actions and indicators proposed."), ""]
        for plan in outline.plan_tables:
            lines += [f"### {md_escape(plan.title)}", "",
                      f"| {gettext('Plan element')} | {gettext('Proposed')} |", "| --- | --- |"]
            for element, items in plan.rows:
                cell = "<br>".join(
                    "• " + md_escape(item.text)
                    + meta(", ".join(filter(None, [item.raised, ", ".join(item.groups or [])])))
                    for item in items
                )
                lines.append(f"| {md_escape(element)} | {cell} |")
            lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


# A spreadsheet treats a cell starting with these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize_cell(value):
    """A text cell a spreadsheet will not run: formula-like text gets a leading single quote."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START) or value.lstrip(" \u00a0").startswith(_FORMULA_START[:4]):
        return "'" + value
    return value


def csv_columns(data: ExportData) -> list[str]:
    """The CSV header; `group` only when the conference shows groups in exports."""
    columns = ["id", "text", "theme_codes", "session_id", "session", "day", "plan_section",
               "proposal_id", "groups_count", "lang", "kind", "support"]
    return columns + (["group"] if data.show_groups else [])


def build_csv(data: ExportData) -> bytes:
    """One row per idea, safe to open in a spreadsheet (UTF-8 with BOM so accents survive Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_columns(data))
    for idea in data.ideas:
        row = [idea.id, idea.text, ";".join(idea.theme_codes), idea.session_id, idea.session_title, idea.day,
               idea.plan_section, idea.proposal_id if idea.proposal_id is not None else "", idea.groups_count,
               idea.lang, idea.kind or "", idea.support]
        if data.show_groups:
            row.append(idea.group or "")
        writer.writerow([neutralize_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def export_as_dict(data: ExportData) -> dict:
    """The JSON document (its schema: app/export/schema.json)."""
    def idea_dict(idea: IdeaEntry) -> dict:
        entry = {
            "id": idea.id, "text": idea.text, "lang": idea.lang, "theme_codes": idea.theme_codes,
            "themes_confirmed": idea.themes_confirmed, "session_id": idea.session_id, "day": idea.day,
            "plan_section": idea.plan_section or None, "proposal_id": idea.proposal_id,
            "groups_count": idea.groups_count, "in_plenary": idea.in_plenary,
            "kind": idea.kind, "support": idea.support,
        }
        if data.show_groups:
            entry["group"] = idea.group
        return entry

    def proposal_dict(proposal: ProposalEntry) -> dict:
        entry = {
            "id": proposal.id, "title": proposal.title, "idea_ids": proposal.idea_ids,
            "groups_count": proposal.groups_count, "in_plenary": proposal.in_plenary,
            "raised_by": raised_by(proposal.groups_count, data.groups_total, proposal.in_plenary),
        }
        if data.show_groups:
            entry["groups"] = proposal.groups
        return entry

    return {
        "schema": SCHEMA_ID,
        "conference": {"name": data.conference_name, "short_name": data.conference_short_name},
        "generated_at": data.generated_at.isoformat(),
        "notice": str(CHATHAM_HOUSE_NOTICE),
        "filters": data.filters.as_dict(),
        "groups_total": data.groups_total,
        "groups_shown": data.show_groups,
        "themes": [asdict(t) for t in data.themes],
        "sessions": [asdict(s) | {"plan_section": s.plan_section or None} for s in data.sessions],
        "proposals": [proposal_dict(p) for p in data.proposals],
        "ideas": [idea_dict(i) for i in data.ideas],
    }


def build_json(data: ExportData) -> bytes:
    """The JSON export (UTF-8, readable indentation)."""
    return (json.dumps(export_as_dict(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


BUILDERS = {"docx": build_docx, "md": build_markdown, "csv": build_csv, "json": build_json}


def generated_line(data: ExportData) -> str:
    """'Generated 2026-12-01 18:20 UTC · 42 ideas', in the report's language."""
    at = data.generated_at.strftime("%Y-%m-%d %H:%M")
    return ngettext("Generated %(at)s UTC · %(num)d idea", "Generated %(at)s UTC · %(num)d ideas",
                    len(data.ideas), at=at)


def build(data: ExportData, format_name: str) -> bytes:
    """The export file's bytes in one of FORMATS."""
    if format_name not in BUILDERS:
        raise ExportError(gettext("Format must be one of %(choices)s.", choices=", ".join(FORMATS)))
    return BUILDERS[format_name](data)


# --------------------------------------------------------------------------- running and recording


@dataclass
class ExportOutcome:
    """Either a recorded export, or the check report that refused it."""

    record: Optional[ExportRecord]
    report: "object"  # export_check.CheckReport

    @property
    def refused(self) -> bool:
        """True when the final check refused the export."""
        return self.record is None


def export_filename(conference: Conference, format_name: str, at: datetime) -> str:
    """A safe file name: the conference's short name, 'export' and the time."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", conference.short_name or "conference").strip("-").lower() or "conference"
    return f"{stem[:60]}-export-{at:%Y%m%d-%H%M%S}.{FORMATS[format_name].extension}"


def run_export(conference: Conference, filters: ExportFilters, format_name: str, user: Optional[User],
               settings, via: str = "web", lang: Optional[str] = None) -> ExportOutcome:
    """Gather, check, write and record an export in the report language lang (default: the current one).

    The caller gets the ExportRecord (content, sha256) to serve, or the check report to show;
    refused exports are audited.
    """
    from flask_babel import force_locale

    with force_locale(lang or report_locale()):
        return _run_export(conference, filters, format_name, user, settings, via)


def _run_export(conference: Conference, filters: ExportFilters, format_name: str, user: Optional[User],
                settings, via: str) -> ExportOutcome:
    """run_export's body, in the report's language."""
    from app.services.export_check import check_export

    if format_name not in FORMATS:
        raise ExportError(gettext("Format must be one of %(choices)s.", choices=", ".join(FORMATS)))
    data = gather_export(conference, filters)
    report = check_export(conference, data, settings)
    if report.refused:
        # Ids and counts only: the offending text stays out of the audit trail.
        audit.record(user, "export_refused", "conference", conference.id, format=format_name, via=via,
                     filters=data.filters.as_dict(), blocking_ideas=report.blocking_idea_ids,
                     warning_ideas=report.warning_idea_ids)
        db.session.commit()
        return ExportOutcome(None, report)
    content = build(data, format_name)
    record = ExportRecord(
        conference_id=conference.id,
        user_id=user.id if user is not None else None,
        at=data.generated_at,
        format=format_name,
        filters=data.filters.as_dict(),
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        filename=export_filename(conference, format_name, data.generated_at),
        content=content,
    )
    db.session.add(record)
    db.session.flush()
    audit.record(user, "export", "export_record", record.id, format=format_name, via=via, lang=data.lang,
                 filters=record.filters, sha256=record.sha256, size=record.size, ideas=len(data.ideas))
    db.session.commit()
    return ExportOutcome(record, report)


def list_exports(conference: Conference, limit: int = 100) -> Sequence[ExportRecord]:
    """Past exports of a conference, newest first (content is loaded only on download)."""
    from sqlalchemy.orm import defer

    return list(db.session.scalars(
        select(ExportRecord).where(ExportRecord.conference_id == conference.id)
        .options(defer(ExportRecord.content), joinedload(ExportRecord.user))
        .order_by(ExportRecord.at.desc(), ExportRecord.id.desc()).limit(limit)
    ))


def get_export(conference: Conference, record_id: int) -> Optional[ExportRecord]:
    """One past export of this conference, or None."""
    record = db.session.get(ExportRecord, record_id)
    return record if record is not None and record.conference_id == conference.id else None
