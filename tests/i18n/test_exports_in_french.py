"""Reports in the language the drafter chooses: headings, notice, counts and table headers in French,
each idea marked with its own language (w:lang) so Word spell-checks it correctly."""
from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from app.extensions import db
from tests.export.export_seed import add_idea, seed_report, theme

FRENCH_IDEA = "Les refuges ont besoin d'un financement pluriannuel stable et prévisible."
NOTICE_FR = "Ce rapport a été préparé selon la règle de Chatham House"


@pytest.fixture
def seeded(app):
    """The export seed plus one French idea, and a French name for the RES theme."""
    with app.app_context():
        seeded = seed_report()
        add_idea(FRENCH_IDEA, "Themes", "Group C", ("RES",), lang="fr")
        theme("RES").name_fr = "Ressources et financement"
        db.session.commit()
        return seeded


def languages_of(paragraph) -> set[str]:
    """Every w:lang value on the paragraph's runs."""
    return {lang.get(qn("w:val")) for lang in paragraph._p.iter(qn("w:lang"))}


def default_language(document) -> str:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    return defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val"))


def export(drafter_client, lang: str, format_name: str = "docx"):
    response = drafter_client.post("/export/", data={"format": format_name, "status": "approved", "lang": lang})
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.data


def test_word_report_in_french(drafter_client, seeded):
    document = Document(io.BytesIO(export(drafter_client, "fr")))
    texts = [p.text for p in document.paragraphs]
    assert "Rapport des idées soulevées pendant la consultation" in texts
    assert "Table des matières" in texts
    assert any(t.startswith(NOTICE_FR) for t in texts)
    assert "RES — Ressources et financement" in texts  # the theme's French name
    assert "Propositions soulevées par plusieurs groupes" in texts
    assert any("soulevée par 3 groupes sur 3" in t for t in texts)
    assert any(t.startswith("Idées approuvées") for t in texts)
    assert not any(t in texts for t in ("Contents", "Chatham House Rule", "Proposals raised by several groups"))
    plan_headers = [table.rows[0].cells[0].text + " | " + table.rows[0].cells[1].text for table in document.tables]
    assert plan_headers and set(plan_headers) == {"Élément du plan | Propositions"}
    # The report is French; the French idea is fr-CA, the English ideas keep en-CA.
    assert default_language(document) == "fr-CA"
    french = next(p for p in document.paragraphs if p.text.startswith(FRENCH_IDEA))
    assert languages_of(french) == {"fr-CA"}
    english = next(p for p in document.paragraphs if p.text.startswith("Peace negotiation teams"))
    assert languages_of(english) == {"en-CA"}


def test_word_report_in_english_marks_the_french_idea(drafter_client, seeded):
    document = Document(io.BytesIO(export(drafter_client, "en")))
    texts = [p.text for p in document.paragraphs]
    assert "Contents" in texts and "RES — Resources and funding" in texts
    assert default_language(document) == "en-CA"
    french = next(p for p in document.paragraphs if p.text.startswith(FRENCH_IDEA))
    assert languages_of(french) == {"fr-CA"}


def test_export_page_offers_the_report_language(drafter_client):
    page = drafter_client.get("/export/?lang=fr").get_data(as_text=True)
    assert "Langue du rapport" in page
    assert '<input type="radio" name="lang" value="fr" aria-describedby="lang-help" checked>' in page


def test_cli_exports_markdown_in_french(app, seeded, runner, tmp_path):
    out = tmp_path / "rapport.md"
    result = runner.invoke(args=["export", "--format", "md", "--out", str(out), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "## Table des matières" in text
    assert "> **Règle de Chatham House.** " + NOTICE_FR in text
    assert "| Élément du plan | Propositions |" in text
    assert "soulevée par 3 groupes sur 3" in text
    english = runner.invoke(args=["export", "--format", "md", "--out", str(tmp_path / "r.md"), "--lang", "en"])
    assert english.exit_code == 0
    assert "## Contents" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_json_notice_follows_the_report_language(drafter_client, seeded):
    import json

    document = json.loads(export(drafter_client, "fr", "json"))
    assert document["notice"].startswith(NOTICE_FR)
    assert any(p["raised_by"] == "soulevée par 3 groupes sur 3" for p in document["proposals"])
