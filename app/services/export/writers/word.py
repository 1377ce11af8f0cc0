"""The Word report: title page, Chatham House notice, contents, theme sections, plan tables."""
from __future__ import annotations

import io
from typing import Optional

from flask_babel import gettext

from app.services.export.entries import CHATHAM_HOUSE_NOTICE, ExportData
from app.services.export.language import set_document_language, set_run_language
from app.services.export.outline import (
    PLAN_PART_TITLE,
    PlanTable,
    ProposalBlock,
    ReportOutline,
    ThemeSection,
    build_outline,
    idea_meta,
    raised_by,
)
from app.services.export.writers.common import (
    generated_line,
    merged_heading,
    plan_intro,
    proposals_heading,
    see_also_heading,
    singles_heading,
)

GREY = (0x5B, 0x64, 0x75)


def _blank_properties(document, data: ExportData) -> None:
    """The template's metadata names its author; an export carries no person at all."""
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


def _title_page(document, data: ExportData) -> None:
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document.add_paragraph(data.conference_name, style="Title")
    document.add_paragraph(gettext("Report of ideas raised at the consultation"), style="Subtitle")
    document.add_paragraph(data.filter_description)
    document.add_paragraph(generated_line(data))
    document.add_paragraph().add_run(gettext("Chatham House Rule")).bold = True
    notice = document.add_paragraph(str(CHATHAM_HOUSE_NOTICE))
    notice.paragraph_format.space_after = Pt(12)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _field_char(kind: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _contents(document, outline: ReportOutline) -> None:
    """A TOC field for Word to fill in, and a plain list that reads without updating it."""
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document.add_heading(gettext("Contents"), level=1)
    toc = document.add_paragraph()
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = 'TOC \\o "1-2" \\h \\z \\u'
    toc.add_run()._r.append(_field_char("begin"))
    toc.add_run()._r.append(instruction)
    toc.add_run()._r.append(_field_char("separate"))
    toc.add_run(gettext("(Page numbers: right-click here and choose Update Field.)")).italic = True
    toc.add_run()._r.append(_field_char("end"))
    for number, title in enumerate(outline.contents, start=1):
        document.add_paragraph(f"{number}. {title}")
    if not outline.contents:
        document.add_paragraph(gettext("No ideas match these filters."))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


class _Body:
    """Writes the report's body into a document, with list styles resolved once.

    python-docx looks a style name up by scanning every style, which for thousands of ideas costs
    more than writing them.
    """

    def __init__(self, document, data: ExportData):  # noqa: D107
        from docx.shared import RGBColor

        self.document, self.data = document, data
        self.grey = RGBColor(*GREY)
        self.bullet = document.styles["List Bullet"].style_id
        self.bullet2 = document.styles["List Bullet 2"].style_id

    def styled(self, text: str, style_id: str, lang: Optional[str] = None):
        """A paragraph in a list style, marked with the idea's own language so Word spell-checks it as such."""
        paragraph = self.document.add_paragraph(text)
        paragraph._p.style = style_id
        if lang:
            set_run_language(paragraph, lang)
        return paragraph

    def meta(self, paragraph, text: str) -> None:
        """Grey italic '(where it came from)' after a line."""
        if text:
            run = paragraph.add_run(f" ({text})")
            run.italic = True
            run.font.color.rgb = self.grey

    def proposal(self, block: ProposalBlock) -> None:
        """A proposal's title, how many groups raised it, and its wordings."""
        proposal = block.proposal
        paragraph = self.styled("", self.bullet)
        paragraph.add_run(proposal.title).bold = True
        paragraph.add_run(f" — {raised_by(proposal.groups_count, self.data.groups_total, proposal.in_plenary)}")
        if proposal.groups:
            self.meta(paragraph, ", ".join(proposal.groups))
        for idea in block.wordings:
            self.meta(self.styled(idea.text, self.bullet2, idea.lang), idea_meta(idea))

    def section(self, section: ThemeSection) -> None:
        """One theme's heading, description, proposals, single ideas and pointers."""
        document = self.document
        document.add_heading(section.title, level=1)
        if section.description:
            document.add_paragraph(section.description).runs[0].italic = True
        for heading, blocks in ((proposals_heading(), section.proposals), (merged_heading(), section.merged)):
            if blocks:
                document.add_heading(heading, level=2)
                for block in blocks:
                    self.proposal(block)
        if section.singles:
            document.add_heading(singles_heading(bool(section.proposals or section.merged)), level=2)
            for idea in section.singles:
                self.meta(self.styled(idea.text, self.bullet, idea.lang), idea_meta(idea))
        if section.see_also:
            document.add_heading(see_also_heading(), level=2)
            for pointer in section.see_also:
                self.styled(pointer.line, self.bullet)

    def plan_table(self, plan: PlanTable) -> None:
        """One theme's table: a row per part of the plan, its items in the second column."""
        self.document.add_heading(plan.title, level=2)
        table = self.document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        header = table.rows[0].cells
        header[0].text, header[1].text = gettext("Plan element"), gettext("Proposed")
        for cell in header:
            cell.paragraphs[0].runs[0].bold = True
        for element, items in plan.rows:
            cells = table.add_row().cells
            cells[0].text = element
            for number, item in enumerate(items):
                paragraph = cells[1].paragraphs[0] if number == 0 else cells[1].add_paragraph()
                paragraph.add_run(item.text)
                self.meta(paragraph, item.meta)


def build_docx(data: ExportData) -> bytes:
    """The Word report: title page, Chatham House notice, contents, theme sections, plan tables."""
    from docx import Document

    outline = build_outline(data)
    document = Document()
    _blank_properties(document, data)
    _title_page(document, data)
    _contents(document, outline)
    body = _Body(document, data)
    for section in outline.sections:
        body.section(section)
    if outline.plan_tables:
        document.add_heading(str(PLAN_PART_TITLE), level=1)
        document.add_paragraph(plan_intro())
        for plan in outline.plan_tables:
            body.plan_table(plan)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
