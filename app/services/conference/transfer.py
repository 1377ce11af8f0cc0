"""The whole conference set-up as one conference file, for the next event or a second installation:
days, sessions (with their codes), groups, the theme codebook (principal and emerging, not retired)
and the allow-list. Never the roster (participants' names change with the event and stay encrypted
here), ideas or accounts."""
from __future__ import annotations

from typing import Any

import yaml

from app.models import Conference
from app.services.conference.setup import allowlist_terms

HEADER = ("# Conference set-up exported from the deliberation capture tool. Import it with\n"
          "# `flask import-conference FILE --yes` or on the Administration page. The roster is not included.\n")


def _session_code(day_number: int, position: int, code: str | None) -> str:
    return code or f"D{day_number}-S{position + 1}"


def _day(day) -> dict[str, Any]:
    return {
        "number": day.number, **({"date": day.date.isoformat()} if day.date else {}),
        "title": day.title, "title_fr": day.title_fr,
        "sessions": [{
            "code": _session_code(day.number, s.position, s.code), "title": s.title, "title_fr": s.title_fr,
            "kind": s.kind.value, **({"starts_at": s.starts_at} if s.starts_at else {}),
            **({"plan_section": s.plan_section} if s.plan_section else {}),
            **({"description": s.description} if s.description else {}),
        } for s in day.sessions],
    }


def setup_as_data(conference: Conference) -> dict[str, Any]:
    """The conference set-up as a mapping in the conference-file shape."""
    return {
        "name": conference.name, "name_fr": conference.name_fr, "short_name": conference.short_name,
        "show_groups_in_exports": bool(conference.show_groups_in_exports),
        "groups": [g.label for g in conference.groups if not g.is_plenary],
        "days": [_day(day) for day in conference.days],
        "themes": [{"code": t.code, "name": t.name, "name_fr": t.name_fr, "description": t.description,
                    "description_fr": t.description_fr,
                    "keywords": [k.strip() for k in (t.keywords or "").split(",") if k.strip()],
                    "kind": t.kind.value} for t in conference.themes if not t.retired],
        "allowlist": allowlist_terms(conference),
    }


def export_setup_yaml(conference: Conference) -> str:
    """The set-up file's text (YAML, UTF-8, no anchors: the importer refuses them)."""

    class _NoAliases(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:  # noqa: D102 (PyYAML's hook)
            return True

    return HEADER + yaml.dump(setup_as_data(conference), Dumper=_NoAliases, allow_unicode=True, sort_keys=False,
                              width=110)
