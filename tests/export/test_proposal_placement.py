"""Issue 11, finding 8 (exports): a merged proposal sits under one theme, its primary one, with
"see also" pointers from the others; "raised by several groups" means two groups or more."""
from __future__ import annotations

import io
import json

from docx import Document

from app.services.export import ExportFilters, gather_export
from tests.export.export_seed import add_idea, add_proposal, conference

TITLE = "Protect shelter funding from year-end cuts"
WORDINGS = ("Shelter budgets should be protected from year-end cuts.",
            "Year-end cuts must never reach shelter budgets.",
            "Ring-fence the money for shelters at the end of each year.")
SAME_GROUP_TITLE = "Evening hours for drop-in centres"
SAME_GROUP = ("Drop-in centres should stay open in the evening.", "Open drop-in centres after work hours.")


def _seed(app):
    """Two wordings under RES, one under PREV, from three groups; and a proposal of one group only."""
    with app.app_context():
        proposal = add_proposal(TITLE)
        add_idea(WORDINGS[0], "Themes", "Group A", ("RES",), proposal=proposal)
        add_idea(WORDINGS[1], "Themes", "Group B", ("RES",), proposal=proposal)
        add_idea(WORDINGS[2], "Themes", "Group C", ("PREV",), proposal=proposal)
        one_group = add_proposal(SAME_GROUP_TITLE)
        for text in SAME_GROUP:
            add_idea(text, "Themes", "Group A", ("PART",), proposal=one_group)
        return proposal.id


def _sections(markdown: str) -> dict[str, str]:
    parts = markdown.split("\n## ")
    return {part.split("\n", 1)[0]: part for part in parts[1:]}


def test_primary_theme_is_the_theme_most_of_its_ideas_carry(app):
    proposal_id = _seed(app)
    with app.app_context():
        data = gather_export(conference(), ExportFilters())
        proposal = next(p for p in data.proposals if p.id == proposal_id)
        assert (proposal.theme_code, proposal.see_also, proposal.several_groups) == ("RES", ["PREV"], True)
        filtered = gather_export(conference(), ExportFilters(theme_code="PREV"))
        assert next(p for p in filtered.proposals if p.id == proposal_id).theme_code == "PREV"


def test_markdown_prints_a_proposal_once_with_a_pointer(app, drafter_client):
    _seed(app)
    markdown = drafter_client.post("/export/", data={"format": "md"}).data.decode("utf-8")
    assert markdown.count(f"**{TITLE}**") == 1
    sections = _sections(markdown)
    res = next(body for title, body in sections.items() if title.startswith("RES"))
    prev = next(body for title, body in sections.items() if title.startswith("PREV"))
    assert f"**{TITLE}** — raised by 3 of 3 groups" in res
    assert all(wording in res for wording in WORDINGS)  # every wording, even the PREV-only one
    assert not any(wording in prev for wording in WORDINGS)
    assert "### See also" in prev and f"{TITLE} (see RES — Resources and funding)" in prev


def test_one_group_is_not_several_groups(app, drafter_client):
    _seed(app)
    markdown = drafter_client.post("/export/", data={"format": "md"}).data.decode("utf-8")
    part = next(body for title, body in _sections(markdown).items() if title.startswith("PART"))
    assert "Proposals raised by several groups" not in part
    assert "### Other merged proposals" in part and f"**{SAME_GROUP_TITLE}** — raised by 1 of 3 groups" in part
    several = [block for block in markdown.split("### ") if block.startswith("Proposals raised by several groups")]
    assert several and all("raised by 1 of" not in block.split("\n### ")[0] for block in several)


def test_word_and_json_agree(app, drafter_client):
    proposal_id = _seed(app)
    document = Document(io.BytesIO(drafter_client.post("/export/", data={"format": "docx"}).data))
    lines = [p.text for p in document.paragraphs]
    assert sum(line.startswith(f"{TITLE} — raised by") for line in lines) == 1
    assert f"{TITLE} (see RES — Resources and funding)" in lines
    doc = json.loads(drafter_client.post("/export/", data={"format": "json"}).data)
    entry = next(p for p in doc["proposals"] if p["id"] == proposal_id)
    assert (entry["theme_code"], entry["see_also"], entry["several_groups"]) == ("RES", ["PREV"], True)
    one = next(p for p in doc["proposals"] if p["title"] == SAME_GROUP_TITLE)
    assert one["several_groups"] is False and one["groups_count"] == 1


def test_french_report_points_in_french(app, drafter_client):
    _seed(app)
    markdown = drafter_client.post("/export/", data={"format": "md", "lang": "fr"}).data.decode("utf-8")
    assert "### Voir aussi" in markdown and "### Autres propositions regroupées" in markdown
