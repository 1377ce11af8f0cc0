"""The final export gate: planted identifying texts never leave; a clean report does.

Roster, organizations and contacts are invented (tests/export/gate_cases.py). Exports go through
the real routes and command; the gate is also run alone, without the anonymizer engine, to show
it does not depend on the engine's detection.
"""
from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.export.commands import EXIT_REFUSED
from app.extensions import db
from app.models import IdeaStatus, Theme
from app.models_export import CheckResult, ExportRecord
from app.services import conference as setup
from app.services.export.gate.final import GateContext, GateSettings
from tests.conftest import TEST_ALLOWLIST, TEST_CONFERENCE, TEST_ROSTER
from tests.export.export_seed import add_idea, conference
from tests.export.gate_cases import CODEBOOK_THEME, CONTROL, GATE_ROSTER, PLANTED


def _gate_world(app) -> None:
    """The conftest conference with the gate roster and a codebook theme full of capitalised words."""
    conf = conference()
    setup.replace_roster(conf, TEST_ROSTER + GATE_ROSTER, app.config["ENCRYPTION_KEY_PATH"])
    db.session.add(Theme(conference_id=conf.id, code=CODEBOOK_THEME["code"], name=CODEBOOK_THEME["name"],
                         description=CODEBOOK_THEME["description"], keywords=CODEBOOK_THEME["keywords"]))
    db.session.commit()


@pytest.fixture
def planted(app):
    """Every planted text as an approved idea of its own; returns {idea id: (text, expectation)}."""
    with app.app_context():
        _gate_world(app)
        return {add_idea(text, "Themes", "Group A", ("PART",), lang=lang).id: (text, want)
                for text, lang, want in PLANTED}


@pytest.fixture
def control(app):
    """Only clean ideas approved; returns {idea id: text}."""
    with app.app_context():
        _gate_world(app)
        return {add_idea(text, "Themes", "Group B", ("HRW",), lang=lang).id: text for text, lang in CONTROL}


def _records(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(ExportRecord.id)))


def test_at_least_sixty_planted_texts_in_every_spelling():
    assert len(PLANTED) >= 60
    spellings = {"\u200b", "\u00ad", "-\n", "\u0435", "+44", "+33", "+254", "@", "M.-C. P."}
    assert all(any(s in text for text, _, _ in PLANTED) for s in spellings)
    assert any(text.isupper() for text, _, _ in PLANTED) and any(text.islower() for text, _, _ in PLANTED)


def test_no_planted_text_is_exported_through_the_route(app, planted, drafter_client):
    response = drafter_client.post("/export/", data={"format": "json"}, headers={"Accept": "application/json"})
    assert response.status_code == 409
    body = response.get_json()
    blocking, warning = set(body["blocking_ideas"]), set(body["warning_ideas"])
    exported = [planted[i][0] for i in planted if i not in blocking | warning]
    refused_wrongly = [planted[i][0] for i, (_, want) in planted.items() if want == "refuse" and i not in blocking]
    print(f"\nplanted texts exported: {len(exported)} of {len(planted)}")
    assert exported == []
    assert refused_wrongly == [], "roster names and contacts must refuse, not wait for a co-chair"
    assert _records(app) == 0


def test_the_command_line_refuses_with_exit_3(app, planted, runner, tmp_path):
    out = tmp_path / "report.md"
    result = runner.invoke(args=["export", "--format", "md", "--out", str(out)])
    assert result.exit_code == EXIT_REFUSED
    # The gate's own ROSTER finding is listed only where the anonymizer's check has not already blocked
    # the same span, so a better anonymizer may list PERSON for it instead: either names the person.
    assert "Export refused" in result.output and "CONTACT" in result.output
    assert "ROSTER" in result.output or "PERSON" in result.output
    assert not out.exists() and _records(app) == 0
    for text, _, _ in PLANTED:  # the refusal names ids and labels, never the offending words
        assert text not in result.output


@pytest.mark.parametrize("text,lang,want", PLANTED, ids=[f"planted-{n}" for n in range(len(PLANTED))])
def test_the_gate_alone_finds_each_planted_text(text, lang, want):
    findings = _gate().check(text, lang)
    assert findings, text
    if want == "refuse":
        assert any(f.refuses for f in findings), [f.label for f in findings]
    else:
        assert {f.label for f in findings} == {"POSSIBLE_NAME"}
    for finding in findings:  # offsets point into the original text, invisible characters included
        assert 0 <= finding.start < finding.end <= len(text)


@pytest.mark.parametrize("text,lang", CONTROL, ids=[f"control-{n}" for n in range(len(CONTROL))])
def test_the_gate_leaves_clean_text_alone(text, lang):
    assert _gate().check(text, lang) == []
    # The same gate is not blind: the same text with a roster participant named in it is stopped.
    named = _gate().check(text + " Teodor Brancusi said so.", lang)
    assert any(f.refuses for f in named), [f.label for f in named]


_GATE: list[GateContext] = []


def _gate() -> GateContext:
    """One gate context for the unit cases (built once: its dictionaries load once per process)."""
    if not _GATE:
        codebook = []
        for theme in TEST_CONFERENCE["themes"] + [CODEBOOK_THEME]:
            codebook += [theme["name"], theme.get("description", "")] + theme["keywords"].split(",")
        from app import config

        settings = GateSettings(config.ANONYMIZER_EN_MODEL, config.ANONYMIZER_FR_MODEL)
        _GATE.append(GateContext(TEST_ROSTER + GATE_ROSTER, TEST_ALLOWLIST, codebook, settings))
    return _GATE[0]


def test_the_clean_control_exports_with_its_text(app, control, drafter_client):
    response = drafter_client.post("/export/", data={"format": "json"})
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    exported = {idea["id"]: idea["text"] for idea in json.loads(response.data)["ideas"]}
    print(f"\ncontrol ideas exported: {len(exported)} of {len(control)}")
    assert exported == control
    markdown = drafter_client.post("/export/", data={"format": "md"})
    assert markdown.status_code == 200 and "Partners will fund shelters in every region." in markdown.get_data(
        as_text=True)
    assert _records(app) == 2


def test_a_possible_name_blocks_until_a_cochair_clears_it(app, control, drafter_client, cochair_client):
    with app.app_context():
        idea = add_idea("The Brackenridge Foundation should fund the shelters.", "Themes", "Group C", ("RES",))
        idea_id = idea.id
    refused = drafter_client.post("/export/", data={"format": "json"}, headers={"Accept": "application/json"})
    assert refused.status_code == 409 and refused.get_json()["warning_ideas"] == [idea_id]
    page = cochair_client.get("/export/check").get_data(as_text=True)
    assert "POSSIBLE_NAME" in page or "possible name" in page.lower()
    with app.app_context():
        from app.services.anonymization import AnonymizerSettings
        from app.services.export.check.findings import check_idea

        item = check_idea(conference(), db.session.get(type(idea), idea_id), AnonymizerSettings.from_config(app.config))
        fingerprints = [s.fingerprint for s in item.open_warnings]
        assert {s.label for s in item.open_warnings} >= {"POSSIBLE_NAME"} and not item.blocking
    cochair_client.post(f"/export/warnings/{idea_id}/clear", data={"fingerprint": fingerprints})
    done = drafter_client.post("/export/", data={"format": "json"})
    assert done.status_code == 200
    assert "Brackenridge" in {i["id"]: i["text"] for i in json.loads(done.data)["ideas"]}[idea_id]


def test_an_idea_is_checked_when_approved_and_the_result_stored(app, cochair_client):
    from app.services.export.check.engine import text_hash

    text = "Shelters need stable funding in every region."
    with app.app_context():
        _gate_world(app)
        idea_id = add_idea(text, "Themes", "Group A", ("RES",), status=IdeaStatus.SUBMITTED).id
        assert db.session.scalar(select(func.count(CheckResult.id))) == 0
    assert cochair_client.post(f"/review/ideas/{idea_id}/approve").status_code in (200, 302)
    with app.app_context():
        rows = {row.text_hash: row for row in db.session.scalars(select(CheckResult))}
        assert text_hash(text, "en") in rows  # the idea, and the codebook texts every export holds
        assert len(rows) > 1 and all("Shelters" not in json.dumps(r.findings) for r in rows.values())
