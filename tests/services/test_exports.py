"""Export writers: what a drafter finds when opening the Word, Markdown, CSV and JSON files."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from docx import Document
from jsonschema import Draft202012Validator

from app.extensions import db
from app.services.export import entries, outline, writers
from app.services.export.writers import document_json, markdown as markdown_writer, table_csv, word
from app.services.export import ExportError, ExportFilters, gather_export
from tests.export.export_seed import (
    ASSISTANCE_IDEA,
    FIGURES_IDEA,
    FUNDING_IDEAS,
    FUNDING_TITLE,
    MEDIATION_IDEAS,
    NEGOTIATIONS_IDEA,
    PENDING_IDEA,
    PREVENTION_IDEA,
    REJECTED_IDEA,
    add_idea,
    add_proposal,
    conference,
    seed_report,
    session_titled,
)

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "app" / "export" / "schema.json").read_text())


@pytest.fixture
def seeded(app):
    """The app context with the seeded report."""
    with app.app_context():
        yield seed_report()


def _data(filters: ExportFilters = ExportFilters()):
    return gather_export(conference(), filters)


def _docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_only_approved_ideas_are_gathered(seeded):
    texts = {i.text for i in _data().ideas}
    assert NEGOTIATIONS_IDEA in texts and set(FUNDING_IDEAS) <= texts
    assert PENDING_IDEA not in texts and REJECTED_IDEA not in texts
    assert {i.text for i in _data(ExportFilters(status="submitted")).ideas} == {PENDING_IDEA}


def test_filters_by_day_session_and_theme(seeded):
    assert {i.day for i in _data(ExportFilters(day=2)).ideas} == {2}
    targets = session_titled("Targets").id
    assert {i.text for i in _data(ExportFilters(session_id=targets)).ideas} == set(MEDIATION_IDEAS) | {ASSISTANCE_IDEA}
    res = _data(ExportFilters(theme_code="res"))
    assert {i.text for i in res.ideas} == set(FUNDING_IDEAS) | {ASSISTANCE_IDEA}
    with pytest.raises(ExportError):
        _data(ExportFilters(theme_code="NOPE"))
    with pytest.raises(ExportError):
        _data(ExportFilters(day=9))
    with pytest.raises(ExportError):
        _data(ExportFilters(status="rejected"))


def test_groups_counted_out_of_non_plenary_groups(seeded):
    data = _data()
    assert data.groups_total == 3
    funding = next(p for p in data.proposals if p.id == seeded.funding_proposal)
    assert funding.groups_count == 3
    assert outline.raised_by(funding.groups_count, data.groups_total, funding.in_plenary) == "raised by 3 of 3 groups"
    prevention = next(i for i in data.ideas if i.id == seeded.prevention)
    assert prevention.groups_count == 0 and prevention.in_plenary


def test_a_suggested_proposal_is_not_a_merge(seeded):
    suggested = add_proposal("Tool suggestion", status="suggested")
    first = add_idea("Fund community radio programs run by women.", "Themes", "Group A", ("PART",), proposal=suggested)
    add_idea("Support radio programs that women run in their communities.", "Themes", "Group B", ("PART",),
             proposal=suggested)
    data = _data()
    assert suggested.id not in {p.id for p in data.proposals}
    entry = next(i for i in data.ideas if i.id == first.id)
    assert entry.proposal_id is None and entry.groups_count == 1


def test_word_document_structure(seeded):
    data = _data()
    document = Document(io.BytesIO(word.build_docx(data)))
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == "Title" and paragraphs[0].text == "Test consultation"
    text = _docx_text(document)
    assert "Chatham House Rule" in text
    assert "neither the identity nor the affiliation" in text
    # Contents: a TOC field for Word plus a plain list that reads without updating fields.
    assert 'TOC \\o "1-2"' in document.element.xml
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Contents"
    assert headings[1:] == ["PART — Participation and leadership of women",
                            "PREV — Prevention of conflict and of sexual and gender-based violence",
                            "RES — Resources and funding",
                            "The plan's structure (Day 2)"]
    for number, title in enumerate(headings[1:], start=1):
        assert f"{number}. {title}" in text
    # Merged proposals first, with "raised by N of M groups", then single ideas.
    res_start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("RES — "))
    res_part = [p.text for p in paragraphs[res_start:]]
    assert res_part[1] == "Proposals raised by several groups"
    assert res_part[2] == f"{FUNDING_TITLE} — raised by 3 of 3 groups"
    assert any(FUNDING_IDEAS[0] in line for line in res_part[3:6])
    assert any(PREVENTION_IDEA in p.text for p in paragraphs)
    # Day 2: per theme, a table of what was proposed for each part of the plan.
    tables = {tuple(c.text for c in t.rows[0].cells): t for t in document.tables}
    assert ("Plan element", "Proposed") in tables
    part_table = document.tables[0]
    rows = {row.cells[0].text: row.cells[1].text for row in part_table.rows[1:]}
    assert set(rows) == {"Targets", "Indicators"}
    assert MEDIATION_IDEAS[0] in rows["Targets"] and "raised by 2 of 3 groups" in rows["Targets"]
    assert FIGURES_IDEA in rows["Indicators"]
    res_table = document.tables[1]
    assert ASSISTANCE_IDEA in res_table.rows[1].cells[1].text
    # No person at all: no group labels (setting off), no template author.
    assert "Group A" not in text and "Group B" not in text
    assert document.core_properties.author == "" and document.core_properties.last_modified_by == ""


def test_word_theme_filter_keeps_one_section(seeded):
    document = Document(io.BytesIO(word.build_docx(_data(ExportFilters(theme_code="PREV")))))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Contents", "PREV — Prevention of conflict and of sexual and gender-based violence"]
    assert not document.tables


def test_markdown_has_the_same_structure(seeded):
    markdown = markdown_writer.build_markdown(_data()).decode("utf-8")
    assert markdown.startswith("# Test consultation\n")
    assert "> **Chatham House Rule.**" in markdown
    assert "## Contents" in markdown and "1. PART — Participation and leadership of women" in markdown
    assert "## RES — Resources and funding" in markdown
    assert f"- **{FUNDING_TITLE.replace(chr(39), chr(39))}** — raised by 3 of 3 groups" in markdown
    assert "### Single ideas" not in markdown.split("## RES")[1].split("## The plan")[0]
    assert "## The plan's structure (Day 2)" in markdown
    assert "| Plan element | Proposed |" in markdown
    assert "| Targets | • Half of the people trained in mediation" in markdown
    assert "Group A" not in markdown


def test_markdown_escapes_markup_in_idea_text(seeded):
    add_idea("# Not a heading <script>x</script> [link](http://example.org) *bold*", "Themes", "Group A", ("PART",))
    markdown = markdown_writer.build_markdown(_data()).decode("utf-8")
    assert "- \\# Not a heading \\<script\\>x\\</script\\> \\[link\\](http://example.org) \\*bold\\*" in markdown


def _csv_rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_one_row_per_idea(seeded):
    rows = _csv_rows(table_csv.build_csv(_data()))
    assert len(rows) == 9
    assert list(rows[0]) == ["id", "text", "theme_codes", "session_id", "session", "day", "plan_section",
                             "proposal_id", "groups_count", "lang", "kind", "support", "plan_element", "proposal_theme"]
    funding = next(r for r in rows if r["text"] == FUNDING_IDEAS[0])
    assert funding["theme_codes"] == "RES" and funding["session"] == "Themes" and funding["day"] == "1"
    assert funding["proposal_id"] == str(seeded.funding_proposal) and funding["groups_count"] == "3"
    single = next(r for r in rows if r["text"] == NEGOTIATIONS_IDEA)
    assert single["proposal_id"] == "" and single["groups_count"] == "1"


FORMULA_IDEAS = ["=SUM(A1:A9) hides the real budget", "+1 for shelters everywhere",
                 "-5% cuts to programs are a step back", "@all partners should report",
                 "\tindented text", "\rcarriage return first", "  =HYPERLINK(\"x\")"]


def test_csv_neutralizes_formula_cells(seeded):
    for text in FORMULA_IDEAS:
        add_idea(text, "Themes", "Group A", ("PART",))
    rows = _csv_rows(table_csv.build_csv(_data()))
    cells = {r["text"] for r in rows}
    for text in FORMULA_IDEAS:
        assert "'" + text in cells and text not in cells


def test_csv_ordinary_text_is_untouched():
    assert table_csv.neutralize_cell("Women should lead") == "Women should lead"
    assert table_csv.neutralize_cell(12) == 12


def _validate(instance, schema=None) -> None:
    """Validate with the reference implementation, ``format`` included (date-time needs rfc3339-validator)."""
    validator = Draft202012Validator(schema or SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def test_the_schema_is_valid_and_its_checks_bite(seeded):
    """The schema is itself valid, and a document breaking ``minimum`` or ``format`` is refused."""
    Draft202012Validator.check_schema(SCHEMA)
    assert "date-time" in Draft202012Validator.FORMAT_CHECKER.checkers
    document = json.loads(document_json.build_json(_data()))
    _validate(document)
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for key, bad in (("groups_total", -1), ("generated_at", "yesterday afternoon")):
        broken = {**document, key: bad}
        assert [list(e.path) for e in validator.iter_errors(broken)] == [[key]], key


def test_json_parses_back_and_follows_its_schema(seeded):
    document = json.loads(document_json.build_json(_data()))
    _validate(document)
    assert document["schema"] == "chatham-capture-export/1"
    assert document["groups_total"] == 3 and document["groups_shown"] is False
    assert [t["code"] for t in document["themes"]] == ["PART", "PREV", "RES"]
    funding = next(p for p in document["proposals"] if p["id"] == seeded.funding_proposal)
    assert funding["raised_by"] == "raised by 3 of 3 groups" and sorted(funding["idea_ids"]) == seeded.funding_ideas
    idea = next(i for i in document["ideas"] if i["id"] == seeded.figures)
    assert idea["plan_section"] == "indicators" and idea["theme_codes"] == ["PART"] and idea["day"] == 2
    assert all("group" not in i for i in document["ideas"])


def test_group_labels_only_when_the_conference_enables_them(seeded):
    data = _data()
    outputs = [writers.build(data, name) for name in ("md", "csv", "json")]
    docx_text = _docx_text(Document(io.BytesIO(word.build_docx(data))))
    for text in [o.decode("utf-8-sig") for o in outputs] + [docx_text]:
        assert "Group A" not in text and "Plenary" not in text
    conference().show_groups_in_exports = True
    db.session.commit()
    data = _data()
    assert "Group A" in _docx_text(Document(io.BytesIO(word.build_docx(data))))
    assert "Group A" in markdown_writer.build_markdown(data).decode()
    rows = _csv_rows(table_csv.build_csv(data))
    assert next(r for r in rows if r["text"] == NEGOTIATIONS_IDEA)["group"] == "Group A"
    document = json.loads(document_json.build_json(data))
    _validate(document)
    assert next(i for i in document["ideas"] if i["id"] == seeded.negotiations)["group"] == "Group A"


def test_no_user_data_in_any_format(seeded):
    data = _data()
    for name in entries.FORMATS:
        content = writers.build(data, name)
        text = _docx_text(Document(io.BytesIO(content))) if name == "docx" else content.decode("utf-8-sig")
        for username in ("rapporteur", "drafter", "cochair", "admin"):
            assert username not in text.lower()
        assert NEGOTIATIONS_IDEA in text, name  # ... while the ideas themselves are all there
