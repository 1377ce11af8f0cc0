"""Exports print clean ideas grouped by theme and kind, with the rapporteur-confirmed support count."""
from __future__ import annotations

import csv
import io
import json

from app.extensions import db
from tests.export.export_seed import add_idea

# Invented ideas, stored as a rapporteur's clean ideas would be (kind and support set).
FINDING = "Night buses doubled the number of women using the drop-in centre."
PROPOSAL = "An independent review board for shelters."
QUESTION = "How will the new fund be evaluated?"


def _seed(app):
    with app.app_context():
        for text, kind, support in ((FINDING, "finding", 0), (QUESTION, "question", 0), (PROPOSAL, "proposal", 3)):
            idea = add_idea(text, "Themes", "Group A", ("PREV",))
            idea.kind, idea.support = kind, support
        db.session.commit()


def test_markdown_groups_a_theme_by_kind_and_shows_support(app, drafter_client):
    _seed(app)
    body = drafter_client.post("/export/", data={"format": "md"}).data.decode("utf-8")
    assert body.index(PROPOSAL) < body.index(FINDING) < body.index(QUESTION)  # proposals first, questions last
    line = next(line for line in body.splitlines() if PROPOSAL in line)
    assert "proposal" in line and "supported by 3 in the room" in line


def test_csv_and_json_carry_kind_and_support(app, drafter_client):
    _seed(app)
    rows = list(csv.DictReader(io.StringIO(
        drafter_client.post("/export/", data={"format": "csv"}).data.decode("utf-8-sig"))))
    row = next(r for r in rows if r["text"] == PROPOSAL)
    assert (row["kind"], row["support"]) == ("proposal", "3")
    doc = json.loads(drafter_client.post("/export/", data={"format": "json"}).data)
    entry = next(i for i in doc["ideas"] if i["text"] == QUESTION)
    assert (entry["kind"], entry["support"]) == ("question", 0)
