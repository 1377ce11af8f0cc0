"""The CSV export: one row per idea, safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import io

from app.services.export.entries import ExportData

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
               "proposal_id", "groups_count", "lang", "kind", "support", "plan_element", "proposal_theme"]
    return columns + (["group"] if data.show_groups else [])


def build_csv(data: ExportData) -> bytes:
    """One row per idea (UTF-8 with BOM so accents survive Excel).

    plan_element is the plan table row the idea fills (decided by its kind); proposal_theme the one
    theme its merged proposal is reported under.
    """
    proposal_theme = {p.id: p.theme_code for p in data.proposals}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_columns(data))
    for idea in data.ideas:
        merged = idea.proposal_id is not None
        row = [idea.id, idea.text, ";".join(idea.theme_codes), idea.session_id, idea.session_title, idea.day,
               idea.plan_section, idea.proposal_id if merged else "", idea.groups_count,
               idea.lang, idea.kind or "", idea.support, idea.plan_element or "",
               proposal_theme.get(idea.proposal_id, "") if merged else ""]
        if data.show_groups:
            row.append(idea.group or "")
        writer.writerow([neutralize_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")
