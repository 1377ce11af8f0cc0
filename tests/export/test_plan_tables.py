"""Issue 12: Day-2 ideas fill the plan tables by their kind (baseline, target, indicator, action),
in Word, Markdown, CSV and JSON, in English and French."""
from __future__ import annotations

import csv
import io
import json

import pytest
from docx import Document

from app.extensions import db
from app.services.export.plan import plan_element
from tests.export.export_seed import add_idea

# Invented Day-2 ideas, all typed in the "Targets" session: the kind and wording decide the row.
BASELINE = "Only 9% of police officers deployed abroad are women today."
TARGET = "30% of police officers deployed abroad should be women by 2030."
INDICATOR = "The department should track the number of women in senior mission posts."
ACTION = "The department will publish a yearly public report on its peace and security spending."
NARRATIVE = "Rural shelters close too early in the evening."  # a Day-1 finding: no plan table
FR_TARGET = "La moitié des médiateurs formés devraient être des femmes d'ici 2030."
FR_INDICATOR = "Suivre le nombre de femmes dans les postes de direction des missions."


@pytest.mark.parametrize("kind, text, session, row", [
    ("figure", BASELINE, "targets", "baselines"),
    ("figure", TARGET, "baselines", "targets"),
    ("proposal", TARGET, "actions", "targets"),
    ("proposal", INDICATOR, "", "indicators"),
    ("commitment", ACTION, "targets", "actions"),
    ("proposal", "Fund shelters in every province.", "indicators", "actions"),
    ("proposal", "Fund shelters in every province.", "partners", "partners"),
    ("finding", NARRATIVE, "baselines", "baselines"),
    ("target", "Parity among trainees.", "indicators", "targets"),
    ("action", "A new fund.", "baselines", "actions"),
    ("figure", FR_TARGET, "", "targets"),
    ("proposal", FR_INDICATOR, "targets", "indicators"),
])
def test_the_kind_and_wording_choose_the_row(kind, text, session, row):
    assert plan_element(kind, text, session, on_plan_day=True) == row


def test_ideas_off_the_plan_day_stay_in_the_theme_sections():
    assert plan_element("figure", BASELINE, "", on_plan_day=False) is None
    assert plan_element("finding", NARRATIVE, "", on_plan_day=True) is None  # a Day-2 plenary finding
    assert plan_element(None, NARRATIVE, "targets", on_plan_day=True) == "targets"  # no kind: its session


def _seed(app):
    with app.app_context():
        for text, kind in ((BASELINE, "figure"), (TARGET, "figure"), (INDICATOR, "proposal"), (ACTION, "commitment")):
            add_idea(text, "Targets", "Group B", ("PART",)).kind = kind
        add_idea(NARRATIVE, "Themes", "Group A", ("PART",)).kind = "finding"
        db.session.commit()


def _table_rows(document) -> dict[str, str]:
    table = next(t for t in document.tables if t.rows[0].cells[0].text in ("Plan element", "Élément du plan"))
    return {row.cells[0].text: row.cells[1].text for row in table.rows[1:]}


def test_word_plan_table_has_a_row_per_kind(app, drafter_client):
    _seed(app)
    document = Document(io.BytesIO(drafter_client.post("/export/", data={"format": "docx"}).data))
    rows = _table_rows(document)
    assert list(rows) == ["Baselines", "Targets", "Actions", "Indicators"]
    assert BASELINE in rows["Baselines"] and TARGET in rows["Targets"]
    assert ACTION in rows["Actions"] and INDICATOR in rows["Indicators"]
    assert not any(NARRATIVE in cell for cell in rows.values())
    assert any(NARRATIVE in p.text for p in document.paragraphs)  # in the PART theme section instead


def test_french_word_plan_table(app, drafter_client):
    _seed(app)
    document = Document(io.BytesIO(drafter_client.post("/export/", data={"format": "docx", "lang": "fr"}).data))
    rows = _table_rows(document)
    assert list(rows) == ["Données de référence", "Cibles", "Mesures", "Indicateurs"]
    assert BASELINE in rows["Données de référence"] and INDICATOR in rows["Indicateurs"]


def test_markdown_csv_and_json_carry_the_plan_row(app, drafter_client):
    _seed(app)
    markdown = drafter_client.post("/export/", data={"format": "md"}).data.decode("utf-8")
    table_lines = {line.split("|")[1].strip(): line for line in markdown.splitlines() if line.startswith("| ")}
    assert BASELINE in table_lines["Baselines"] and ACTION in table_lines["Actions"]
    rows = list(csv.DictReader(io.StringIO(
        drafter_client.post("/export/", data={"format": "csv"}).data.decode("utf-8-sig"))))
    by_text = {r["text"]: r["plan_element"] for r in rows}
    assert by_text == {BASELINE: "baselines", TARGET: "targets", INDICATOR: "indicators", ACTION: "actions",
                       NARRATIVE: ""}
    ideas = json.loads(drafter_client.post("/export/", data={"format": "json"}).data)["ideas"]
    assert {i["text"]: i["plan_element"] for i in ideas}[TARGET] == "targets"
    assert {i["text"]: i["plan_section"] for i in ideas}[ACTION] == "targets"  # the session stays as it was
