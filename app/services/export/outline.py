"""The report's outline, shared by the Word and Markdown writers.

Theme sections hold the narrative: proposals raised by several (two or more) breakout groups
first, then other merged proposals, then single ideas by kind, then "see also" pointers to
proposals reported under another theme. A merged proposal appears once, under its primary theme
(app.services.export.gather decides it), with every wording of its ideas. Day-2 ideas that belong
to the plan (app.services.export.plan) fill one table per theme: a row per part of the plan.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from flask_babel import gettext, lazy_gettext, ngettext

from app.services.conference import PLAN_SECTIONS
from app.services.export.entries import PLAN_SECTION_TITLES, ExportData, IdeaEntry, ProposalEntry, ThemeEntry

PLAN_PART_TITLE = lazy_gettext("The plan's structure (Day 2)")
# Within a theme, single ideas are grouped by kind in this order (ideas without a kind last).
KIND_ORDER = {k: n for n, k in enumerate(("proposal", "commitment", "action", "target", "figure", "baseline",
                                          "indicator", "concern", "finding", "question"))}
KIND_LABELS = {
    "proposal": lazy_gettext("proposal"), "finding": lazy_gettext("finding"), "concern": lazy_gettext("concern"),
    "question": lazy_gettext("question"), "commitment": lazy_gettext("commitment"), "figure": lazy_gettext("figure"),
    "baseline": lazy_gettext("baseline"), "target": lazy_gettext("target"), "indicator": lazy_gettext("indicator"),
    "action": lazy_gettext("action"),
}
UNTHEMED = ThemeEntry(code="", name=lazy_gettext("Ideas not yet themed"), description="", kind="")


@dataclass
class ProposalBlock:
    """A merged proposal inside a theme section, with the wordings of its ideas."""

    proposal: ProposalEntry
    ideas: list[IdeaEntry]

    @property
    def wordings(self) -> list[IdeaEntry]:
        """The ideas worth printing under the title (the one whose text is the title is not repeated)."""
        return [i for i in self.ideas if self.proposal.has_own_title or i.text != self.proposal.title]


@dataclass
class SeeAlso:
    """A pointer from a theme to a proposal reported under its primary theme."""

    title: str
    section_title: str

    @property
    def line(self) -> str:
        """'Title (see the theme X — Name)', in the report's language."""
        return gettext("%(title)s (see %(theme)s)", title=self.title, theme=self.section_title)


@dataclass
class ThemeSection:
    """A section of the report: one theme's proposals, single ideas and pointers."""

    code: str
    title: str
    description: str
    proposals: list[ProposalBlock] = field(default_factory=list)  # raised by two or more groups
    merged: list[ProposalBlock] = field(default_factory=list)  # merged, but by fewer than two groups
    singles: list[IdeaEntry] = field(default_factory=list)
    see_also: list[SeeAlso] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing to print under this theme."""
        return not (self.proposals or self.merged or self.singles or self.see_also)


@dataclass
class PlanItem:
    """One line of a plan table cell: a proposal, a single idea, or a pointer to another theme's table."""

    text: str
    raised: str  # "raised by 2 of 8 groups", or "" for a single idea
    groups: Optional[list[str]] = None
    see_also: str = ""  # the theme whose table holds this proposal

    @property
    def meta(self) -> str:
        """What follows the text in brackets: where it was raised, or where it is reported."""
        if self.see_also:
            return gettext("see %(theme)s", theme=self.see_also)
        return ", ".join(filter(None, [self.raised, ", ".join(self.groups or [])]))


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


def raised_by(groups_count: int, groups_total: int, in_plenary: bool) -> str:
    """'raised by 5 of 8 groups' (plenary ideas are not a group; they are mentioned apart)."""
    if groups_count == 0:
        return gettext("raised in plenary") if in_plenary else ""
    text = ngettext("raised by %(count)s of %(num)d group", "raised by %(count)s of %(num)d groups",
                    groups_total, count=groups_count)
    return text + (gettext(" and in plenary") if in_plenary else "")


def idea_meta(idea: IdeaEntry) -> str:
    """Where an idea came from, for a report reader: 'Day 1 · Themes' (plus group, kind and support)."""
    parts = [gettext("Day %(number)s", number=idea.day), idea.session_title]
    if idea.group:
        parts.append(idea.group)
    if idea.kind:
        parts.append(str(KIND_LABELS.get(idea.kind, idea.kind)))
    if idea.support:
        parts.append(ngettext("supported by %(num)d in the room", "supported by %(num)d in the room", idea.support))
    return " · ".join(parts)


def section_title(theme: ThemeEntry) -> str:
    """'RES — Resources' (or the untitled section's name)."""
    return f"{theme.code} — {theme.name}" if theme.code else str(theme.name)


class _Placement:
    """Which theme sections an idea or proposal sits in, for one export."""

    def __init__(self, data: ExportData):  # noqa: D107
        self.data = data
        self.only = data.filters.theme_code
        self.proposals = {p.id: p for p in data.proposals}
        self.titles = {t.code: section_title(t) for t in data.themes} | {"": section_title(UNTHEMED)}

    def codes_of(self, idea: IdeaEntry) -> list[str]:
        """The sections of a single idea: its themes (the filtered one only), or the untitled section."""
        codes = [c for c in idea.theme_codes if c in self.data.theme_by_code and (not self.only or c == self.only)]
        return codes or [""]

    def merged(self, idea: IdeaEntry) -> Optional[ProposalEntry]:
        """The proposal an idea was merged into with at least one other exported idea."""
        proposal = self.proposals.get(idea.proposal_id) if idea.proposal_id else None
        return proposal if proposal is not None and len(proposal.idea_ids) > 1 else None

    def home(self, proposal: ProposalEntry) -> str:
        """The section a proposal is reported under (its primary theme when the report has it)."""
        return proposal.theme_code if proposal.theme_code in self.titles else ""

    def pointers(self, proposal: ProposalEntry) -> list[str]:
        """The other sections that point to it."""
        return [c for c in proposal.see_also if c in self.titles and c != self.home(proposal)
                and (not self.only or c == self.only)]

    def row(self, idea: IdeaEntry) -> Optional[str]:
        """The plan row an idea goes to (its proposal's, when merged), or None for the narrative."""
        proposal = self.merged(idea)
        return proposal.plan_element if proposal is not None else idea.plan_element


def _narrative_section(theme: ThemeEntry, ideas: Iterable[IdeaEntry], place: _Placement) -> ThemeSection:
    """One theme's section from the narrative ideas."""
    section = ThemeSection(code=theme.code, title=section_title(theme), description=theme.description)
    seen: set[int] = set()
    for idea in ideas:
        proposal = place.merged(idea)
        if proposal is None:
            if theme.code in place.codes_of(idea):
                section.singles.append(idea)
            continue
        if proposal.id in seen:
            continue
        if place.home(proposal) == theme.code:
            seen.add(proposal.id)
            block = ProposalBlock(proposal, [i for i in ideas if i.proposal_id == proposal.id])
            (section.proposals if proposal.several_groups else section.merged).append(block)
        elif theme.code in place.pointers(proposal):
            seen.add(proposal.id)
            section.see_also.append(SeeAlso(proposal.title, place.titles[place.home(proposal)]))
    section.proposals.sort(key=lambda b: (-b.proposal.groups_count, b.proposal.id))
    section.singles.sort(key=lambda i: KIND_ORDER.get(i.kind or "", len(KIND_ORDER)))  # by kind, stable
    return section


def _plan_table(theme: ThemeEntry, ideas: list[IdeaEntry], place: _Placement, groups_total: int) -> PlanTable:
    """One theme's plan table: for each part of the plan, its proposals and ideas (or pointers)."""
    rows = []
    for element in PLAN_SECTIONS:
        items: list[PlanItem] = []
        seen: set[int] = set()
        for idea in (i for i in ideas if place.row(i) == element):
            proposal = place.merged(idea)
            if proposal is None:
                if theme.code in place.codes_of(idea):
                    items.append(PlanItem(idea.text, "", [idea.group] if idea.group else None))
            elif proposal.id not in seen and place.home(proposal) == theme.code:
                seen.add(proposal.id)
                items.append(PlanItem(proposal.title, raised_by(proposal.groups_count, groups_total,
                                                                proposal.in_plenary), proposal.groups))
            elif proposal.id not in seen and theme.code in place.pointers(proposal):
                seen.add(proposal.id)
                items.append(PlanItem(proposal.title, "", see_also=place.titles[place.home(proposal)]))
        if items:
            rows.append((str(PLAN_SECTION_TITLES[element]), items))
    return PlanTable(code=theme.code, title=section_title(theme), rows=rows)


def build_outline(data: ExportData) -> ReportOutline:
    """Arrange ideas by theme (proposals first) and the Day-2 plan ideas as tables."""
    place = _Placement(data)
    narrative = [i for i in data.ideas if place.row(i) is None]
    planned = [i for i in data.ideas if place.row(i) is not None]
    themes = [t for t in data.themes if not place.only or t.code == place.only] + [UNTHEMED]
    sections = [s for s in (_narrative_section(t, narrative, place) for t in themes) if not s.empty]
    tables = [t for t in (_plan_table(theme, planned, place, data.groups_total) for theme in themes) if t.rows]
    return ReportOutline(sections=sections, plan_tables=tables)
