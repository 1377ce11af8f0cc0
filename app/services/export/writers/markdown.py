"""The Markdown report, with the same structure as the Word one."""
from __future__ import annotations

import re

from flask_babel import gettext

from app.services.export.entries import CHATHAM_HOUSE_NOTICE, ExportData
from app.services.export.outline import PLAN_PART_TITLE, PlanTable, ThemeSection, build_outline, idea_meta, raised_by
from app.services.export.writers.common import (
    generated_line,
    merged_heading,
    plan_intro,
    proposals_heading,
    see_also_heading,
    singles_heading,
)

# Characters with a meaning in Markdown (CommonMark escapable punctuation that can change rendering).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def md_escape(text: str) -> str:
    """Idea text as literal Markdown: no headings, links, HTML or list markers sneak in."""
    text = " ".join(text.split())  # one line: a newline would end the list item or table cell
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _meta(text: str) -> str:
    return f" *({md_escape(text)})*" if text else ""


def _front(data: ExportData, contents: list[str]) -> list[str]:
    """Title, filters, the Chatham House notice and the contents list."""
    lines = [
        f"# {md_escape(data.conference_name)}", "",
        gettext("Report of ideas raised at the consultation"), "",
        f"{md_escape(data.filter_description)}  ",
        generated_line(data), "",
        f"> **{gettext('Chatham House Rule')}.** {CHATHAM_HOUSE_NOTICE}", "",
        f"## {gettext('Contents')}", "",
    ]
    lines += [f"{n}. {md_escape(title)}" for n, title in enumerate(contents, start=1)]
    if not contents:
        lines.append(gettext("No ideas match these filters."))
    return lines + [""]


def _section(section: ThemeSection, data: ExportData) -> list[str]:
    """One theme: heading, description, proposals, single ideas, pointers."""
    lines = [f"## {md_escape(section.title)}", ""]
    if section.description:
        lines += [f"*{md_escape(section.description)}*", ""]
    for heading, blocks in ((proposals_heading(), section.proposals), (merged_heading(), section.merged)):
        if not blocks:
            continue
        lines += [f"### {heading}", ""]
        for block in blocks:
            proposal = block.proposal
            raised = raised_by(proposal.groups_count, data.groups_total, proposal.in_plenary)
            groups = _meta(", ".join(proposal.groups)) if proposal.groups else ""
            lines.append(f"- **{md_escape(proposal.title)}** — {raised}{groups}")
            lines += [f"  - {md_escape(idea.text)}{_meta(idea_meta(idea))}" for idea in block.wordings]
        lines.append("")
    if section.singles:
        lines += ["### " + singles_heading(bool(section.proposals or section.merged)), ""]
        lines += [f"- {md_escape(i.text)}{_meta(idea_meta(i))}" for i in section.singles] + [""]
    if section.see_also:
        lines += [f"### {see_also_heading()}", ""]
        lines += [f"- {md_escape(pointer.line)}" for pointer in section.see_also] + [""]
    return lines


def _plan_table(plan: PlanTable) -> list[str]:
    lines = [f"### {md_escape(plan.title)}", "", f"| {gettext('Plan element')} | {gettext('Proposed')} |",
             "| --- | --- |"]
    for element, items in plan.rows:
        cell = "<br>".join("• " + md_escape(item.text) + _meta(item.meta) for item in items)
        lines.append(f"| {md_escape(element)} | {cell} |")
    return lines + [""]


def build_markdown(data: ExportData) -> bytes:
    """The Markdown report, with the same structure as the Word one."""
    outline = build_outline(data)
    lines = _front(data, outline.contents)
    for section in outline.sections:
        lines += _section(section, data)
    if outline.plan_tables:
        lines += [f"## {md_escape(PLAN_PART_TITLE)}", "", plan_intro(), ""]
        for plan in outline.plan_tables:
            lines += _plan_table(plan)
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
