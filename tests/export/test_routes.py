"""The drafters' export pages, as a drafter and a co-chair use them."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re

import pytest
from docx import Document
from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEvent
from app.models_export import ExportRecord
from tests.export.export_seed import (
    FUNDING_TITLE,
    PLANTED_NAME_IDEA,
    ROLE_IDEA,
    add_idea,
    seed_report,
    session_titled,
)

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def seeded(app):
    """The seeded report (committed; the context is closed again before requests)."""
    with app.app_context():
        return seed_report()


def _records(app) -> list[ExportRecord]:
    with app.app_context():
        records = list(db.session.scalars(select(ExportRecord).order_by(ExportRecord.id)))
        for record in records:
            db.session.expunge(record)
        return records


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/export/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_other_roles_get_403(app, seeded, rapporteur_client, cochair_client, drafter_client):
    for url in ("/export/", "/export/records/1"):
        assert rapporteur_client.get(url).status_code == 403
        assert cochair_client.get(url).status_code == 403
    assert rapporteur_client.post("/export/", data={"format": "csv"}).status_code == 403
    assert cochair_client.post("/export/", data={"format": "csv"}).status_code == 403
    assert rapporteur_client.get("/export/check").status_code == 403
    # Only co-chairs clear warnings; a drafter sees them but cannot.
    assert drafter_client.post(f"/export/warnings/{seeded.negotiations}/clear").status_code == 403
    assert rapporteur_client.post(f"/export/warnings/{seeded.negotiations}/clear").status_code == 403
    assert _records(app) == []


def test_drafter_exports_word_and_gets_it_recorded(app, seeded, drafter_client):
    page = drafter_client.get("/export/")
    assert page.status_code == 200 and b"No exports yet" in page.data
    response = drafter_client.post("/export/", data={"format": "docx"})
    assert response.status_code == 200
    assert response.mimetype == DOCX_MIME
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and ".docx" in disposition
    body = response.data
    assert response.headers["X-Content-SHA256"] == hashlib.sha256(body).hexdigest()
    document = Document(io.BytesIO(body))
    assert document.paragraphs[0].text == "Test consultation"
    assert any(p.text == f"{FUNDING_TITLE} — raised by 3 of 3 groups" for p in document.paragraphs)
    [record] = _records(app)
    assert record.format == "docx" and record.size == len(body) and record.content == body
    assert record.sha256 == hashlib.sha256(body).hexdigest()
    assert record.filters == {"day": None, "session_id": None, "theme": None, "status": "approved"}
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export"))
        assert event.target_id == record.id and event.detail["sha256"] == record.sha256
        assert event.user.username == "drafter"


def test_past_exports_listed_with_hash_and_downloadable_again(app, seeded, drafter_client):
    first = drafter_client.post("/export/", data={"format": "json", "day": "2"})
    assert first.status_code == 200
    [record] = _records(app)
    page = drafter_client.get("/export/").get_data(as_text=True)
    assert record.sha256 in page and "Day 2" in page and "drafter" in page
    again = drafter_client.get(f"/export/records/{record.id}")
    assert again.status_code == 200
    assert again.data == first.data and again.mimetype == "application/json"
    assert f"filename={record.filename}" in again.headers["Content-Disposition"]
    assert again.headers["X-Content-SHA256"] == record.sha256
    assert drafter_client.get("/export/records/999").status_code == 404
    document = json.loads(again.data)
    assert {i["day"] for i in document["ideas"]} == {2}


def test_filters_reach_the_export(app, seeded, drafter_client):
    with app.app_context():
        targets = session_titled("Targets").id
    response = drafter_client.post("/export/", data={"format": "csv", "session": str(targets), "theme": "res"})
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == [str(seeded.assistance)]
    assert response.mimetype == "text/csv"
    bad = drafter_client.post("/export/", data={"format": "csv", "theme": "NOPE"})
    assert bad.status_code == 302
    assert b"no theme NOPE" in drafter_client.get("/export/").data


def test_formula_cells_neutralized_in_the_downloaded_csv(app, seeded, drafter_client):
    with app.app_context():
        add_idea("=SUM of all funding should be public", "Themes", "Group A", ("RES",))
    rows = list(csv.DictReader(io.StringIO(
        drafter_client.post("/export/", data={"format": "csv"}).data.decode("utf-8-sig"))))
    assert "'=SUM of all funding should be public" in {r["text"] for r in rows}


def test_planted_roster_name_refuses_the_export(app, seeded, drafter_client, cochair_client):
    with app.app_context():
        planted = add_idea(PLANTED_NAME_IDEA, "Themes", "Group B", ("RES",)).id
    response = drafter_client.post("/export/", data={"format": "docx"})
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "refused" in page and f"Idea {planted}" in page
    assert re.search(r'<mark class="redacted"[^>]*>Odalys Verhaegen</mark>', page)
    assert _records(app) == []
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export_refused"))
        assert event.detail["blocking_ideas"] == [planted]
        assert "Odalys" not in json.dumps(event.detail)
    # JSON clients get the ids to fix.
    as_json = drafter_client.post("/export/", data={"format": "csv"}, headers={"Accept": "application/json"})
    assert as_json.status_code == 409 and as_json.get_json()["blocking_ideas"] == [planted]
    # The co-chairs reach the same list.
    check = cochair_client.get("/export/check")
    assert check.status_code == 200 and f"Idea {planted}" in check.get_data(as_text=True)


def test_cochair_clears_a_warning_once_and_exports_go_through(app, seeded, drafter_client, cochair_client):
    with app.app_context():
        flagged = add_idea(ROLE_IDEA, "Themes", "Group A", ("PART",)).id
    refused = drafter_client.post("/export/", data={"format": "md"})
    assert refused.status_code == 409
    drafter_page = refused.get_data(as_text=True)
    assert "Warnings waiting for a co-chair (1)" in drafter_page and "Clear checked" not in drafter_page
    page = cochair_client.get("/export/check").get_data(as_text=True)
    fingerprints = re.findall(r'name="fingerprint" value="([^"]+)"', page)
    assert len(fingerprints) == 1 and fingerprints[0].startswith("ROLE:")
    cleared = cochair_client.post(f"/export/warnings/{flagged}/clear", data={"fingerprint": fingerprints})
    assert cleared.status_code == 302 and "/export/check" in cleared.headers["Location"]
    assert "Nothing blocks an export" in cochair_client.get("/export/check").get_data(as_text=True)
    for _ in range(2):  # cleared once, it stays cleared
        response = drafter_client.post("/export/", data={"format": "md"})
        assert response.status_code == 200 and ROLE_IDEA.encode() in response.data


def test_group_labels_appear_only_when_enabled(app, seeded, drafter_client):
    response = drafter_client.post("/export/", data={"format": "md"})
    assert b"Group A" not in response.data
    with app.app_context():
        from tests.export.export_seed import conference

        conference().show_groups_in_exports = True
        db.session.commit()
    response = drafter_client.post("/export/", data={"format": "md"})
    assert b"Group A" in response.data


def test_export_form_needs_csrf_token(app, seeded, drafter_client):
    app.config["WTF_CSRF_ENABLED"] = True
    assert drafter_client.post("/export/", data={"format": "csv"}).status_code == 400
    with app.app_context():
        assert db.session.scalar(select(func.count(ExportRecord.id))) == 0
