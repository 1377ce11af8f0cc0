"""The JSON export (its schema: app/export/schema.json)."""
from __future__ import annotations

import json
from dataclasses import asdict

from app.services.export.entries import CHATHAM_HOUSE_NOTICE, SCHEMA_ID, ExportData, IdeaEntry, ProposalEntry
from app.services.export.outline import raised_by


def _idea(idea: IdeaEntry, show_groups: bool) -> dict:
    entry = {
        "id": idea.id, "text": idea.text, "lang": idea.lang, "theme_codes": idea.theme_codes,
        "themes_confirmed": idea.themes_confirmed, "session_id": idea.session_id, "day": idea.day,
        "plan_section": idea.plan_section or None, "proposal_id": idea.proposal_id,
        "groups_count": idea.groups_count, "in_plenary": idea.in_plenary,
        "kind": idea.kind, "support": idea.support, "plan_element": idea.plan_element,
    }
    if show_groups:
        entry["group"] = idea.group
    return entry


def _proposal(proposal: ProposalEntry, data: ExportData) -> dict:
    entry = {
        "id": proposal.id, "title": proposal.title, "idea_ids": proposal.idea_ids,
        "groups_count": proposal.groups_count, "in_plenary": proposal.in_plenary,
        "raised_by": raised_by(proposal.groups_count, data.groups_total, proposal.in_plenary),
        "several_groups": proposal.several_groups,
        "theme_code": proposal.theme_code or None, "see_also": proposal.see_also,
        "plan_element": proposal.plan_element,
    }
    if data.show_groups:
        entry["groups"] = proposal.groups
    return entry


def export_as_dict(data: ExportData) -> dict:
    """The JSON document (its schema: app/export/schema.json)."""
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
        "proposals": [_proposal(p, data) for p in data.proposals],
        "ideas": [_idea(i, data.show_groups) for i in data.ideas],
    }


def build_json(data: ExportData) -> bytes:
    """The JSON export (UTF-8, readable indentation)."""
    return (json.dumps(export_as_dict(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
