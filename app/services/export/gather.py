"""The export's query: the ideas matching the filters, read once into an ExportData.

This is the only place an export reads the database; the outline and the writers work on the
ExportData it returns. A merged proposal is reported under one theme (the theme most of its ideas
carry), with "see also" pointers from the others, and only a proposal raised by two or more
breakout groups counts as "raised by several groups".
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Optional

from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from app.extensions import db
from app.i18n import localized
from app.models import (
    BreakoutGroup,
    Conference,
    ConferenceDay,
    Idea,
    IdeaStatus,
    IdeaTheme,
    Session,
    Theme,
    ThemeKind,
    utcnow,
)
from app.services.export.entries import (
    EXPORTABLE_STATUSES,
    ExportData,
    ExportError,
    ExportFilters,
    IdeaEntry,
    ProposalEntry,
    SessionEntry,
    ThemeEntry,
)
from app.services.export.language import report_locale
from app.services.export.plan import plan_element

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



# (idea, the themes it is reported under sorted principal-first, whether a co-chair confirmed them)
Selected = tuple[Idea, list[Theme], bool]


def _query_ideas(conference: Conference, filters: ExportFilters) -> list[Idea]:
    """The ideas of the filtered status, day and session, in programme order, with what the export reads."""
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
    return list(db.session.scalars(query).unique())


def _select_themed(ideas: list[Idea], themes_by_id: dict[int, Theme], theme_code: Optional[str]) -> list[Selected]:
    """Each idea with its reported themes, keeping only those carrying the filtered theme."""
    selected: list[Selected] = []
    for idea in ideas:
        themes, confirmed = _effective_themes(idea, themes_by_id)
        if theme_code and theme_code not in {t.code for t in themes}:
            continue
        selected.append((idea, sorted(themes, key=_theme_order), confirmed))
    return selected


def _primary_theme(members: list[Selected], theme_code: Optional[str]) -> tuple[str, list[str]]:
    """The theme a merged proposal is reported under, and the other themes its ideas carry.

    The theme most of its ideas carry wins (ties: principal before emerging, codebook order); an
    export filtered to one theme reports it there, the only section it has.
    """
    counts: Counter = Counter()
    themes: dict[str, Theme] = {}
    for _, idea_themes, _ in members:
        for theme in idea_themes:
            counts[theme.code] += 1
            themes[theme.code] = theme
    if not counts:
        return "", []
    ranked = sorted(counts, key=lambda code: (-counts[code], _theme_order(themes[code])))
    primary = theme_code if theme_code in counts else ranked[0]
    return primary, [code for code in ranked if code != primary]


def _proposal_entries(selected: list[Selected], show_groups: bool, theme_code: Optional[str]) -> list[ProposalEntry]:
    """Proposals a co-chair accepted, counted over the exported ideas only (a tool suggestion is not a merge)."""
    members: dict[int, list[Selected]] = {}
    for entry in selected:
        idea = entry[0]
        if idea.proposal is not None and idea.proposal.status == "accepted":
            members.setdefault(idea.proposal_id, []).append(entry)
    proposals: list[ProposalEntry] = []
    for proposal_id, entries in sorted(members.items()):
        ideas = [entry[0] for entry in entries]
        own_title = (ideas[0].proposal.title or "").strip()
        primary, see_also = _primary_theme(entries, theme_code)
        proposals.append(ProposalEntry(
            id=proposal_id,
            title=own_title or ideas[0].text,
            has_own_title=bool(own_title),
            idea_ids=[i.id for i in ideas],
            groups_count=len({i.group_id for i in ideas if not i.group.is_plenary}),
            in_plenary=any(i.group.is_plenary for i in ideas),
            groups=sorted({i.group.label for i in ideas}) if show_groups else None,
            theme_code=primary,
            see_also=see_also,
        ))
    return proposals


def _idea_entry(entry: Selected, proposal: Optional[ProposalEntry], show_groups: bool,
                plan_days: set[int]) -> IdeaEntry:
    """One idea as exported: its text, themes, session, counts and place in the plan."""
    idea, themes, confirmed = entry
    if proposal is not None:
        count, in_plenary = proposal.groups_count, proposal.in_plenary
    else:
        count, in_plenary = (0, True) if idea.group.is_plenary else (1, False)
    day = idea.session.day.number
    session_section = idea.session.plan_section or ""
    return IdeaEntry(
        id=idea.id,
        text=idea.text,
        lang=idea.lang,
        theme_codes=[t.code for t in themes],
        themes_confirmed=confirmed,
        session_id=idea.session_id,
        session_title=localized(idea.session, "title"),
        day=day,
        plan_section=session_section,
        proposal_id=proposal.id if proposal is not None else None,
        groups_count=count,
        in_plenary=in_plenary,
        kind=idea.kind,
        support=idea.support or 0,
        group=idea.group.label if show_groups else None,
        plan_element=plan_element(idea.kind, idea.text, session_section, day in plan_days),
    )


def _place_proposals(proposals: list[ProposalEntry], ideas: list[IdeaEntry]) -> None:
    """A proposal goes where most of its ideas go (plan row or narrative), so it is reported once."""
    rows: dict[int, Counter] = {}
    for idea in ideas:
        if idea.proposal_id is not None:
            rows.setdefault(idea.proposal_id, Counter())[idea.plan_element] += 1
    for proposal in proposals:
        if proposal.id in rows:
            proposal.plan_element = rows[proposal.id].most_common(1)[0][0]


def _session_query(conference: Conference):
    return (select(Session).join(ConferenceDay, Session.day_id == ConferenceDay.id)
            .where(ConferenceDay.conference_id == conference.id)
            .order_by(ConferenceDay.number, Session.position))


def _session_entries(conference: Conference, filters: ExportFilters) -> tuple[list[SessionEntry], set[int]]:
    """The sessions within the filters, and the days that have plan sessions (whatever the filters)."""
    entries: list[SessionEntry] = []
    plan_days: set[int] = set()
    for s in db.session.scalars(_session_query(conference)):
        if s.plan_section:
            plan_days.add(s.day.number)
        if (filters.day is None or s.day.number == filters.day) and (
                filters.session_id is None or s.id == filters.session_id):
            entries.append(SessionEntry(id=s.id, title=localized(s, "title"), day=s.day.number, kind=s.kind.value,
                                        plan_section=s.plan_section or ""))
    return entries, plan_days


def _theme_entries(selected: list[Selected]) -> list[ThemeEntry]:
    """Every theme an exported idea carries (JSON readers resolve codes), principal ones first."""
    used: dict[int, Theme] = {t.id: t for _, themes, _ in selected for t in themes}
    return [ThemeEntry(code=t.code, name=localized(t, "name"), description=localized(t, "description"),
                       kind=t.kind.value) for t in sorted(used.values(), key=_theme_order)]


def gather_export(conference: Conference, filters: ExportFilters, now: Optional[datetime] = None) -> ExportData:
    """Read the ideas matching filters into an ExportData (the only database read of an export)."""
    validate_filters(conference, filters)
    theme_code = filters.theme_code.upper() if filters.theme_code else None
    themes_by_id = {t.id: t for t in db.session.scalars(select(Theme).where(Theme.conference_id == conference.id))}
    selected = _select_themed(_query_ideas(conference, filters), themes_by_id, theme_code)
    show_groups = bool(conference.show_groups_in_exports)
    groups = db.session.scalars(select(BreakoutGroup).where(BreakoutGroup.conference_id == conference.id))
    proposals = _proposal_entries(selected, show_groups, theme_code)
    by_id = {p.id: p for p in proposals}
    sessions, plan_days = _session_entries(conference, filters)
    ideas = [_idea_entry(entry, by_id.get(entry[0].proposal_id), show_groups, plan_days) for entry in selected]
    _place_proposals(proposals, ideas)
    themes = _theme_entries(selected)
    session_title = next((s.title for s in sessions if s.id == filters.session_id), None)
    theme_name = next((t.name for t in themes if t.code == theme_code), None)
    return ExportData(
        conference_name=localized(conference, "name"),
        conference_short_name=conference.short_name or "",
        generated_at=now or utcnow(),
        filters=ExportFilters(filters.day, filters.session_id, theme_code, filters.status),
        groups_total=sum(1 for g in groups if not g.is_plenary),
        show_groups=show_groups,
        themes=themes,
        sessions=sessions,
        ideas=ideas,
        proposals=proposals,
        filter_description=describe_filters(filters, session_title, theme_name),
        lang=report_locale(),
    )
