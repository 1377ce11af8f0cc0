"""The final anonymization check: what refuses an export, what a co-chair clears once."""
from __future__ import annotations

import pytest
from flask import current_app
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, User
from app.models_export import ClearedWarning
from app.services.anonymization import AnonymizerSettings
from app.services.export.check.findings import (
    BLOCK,
    WARN,
    RosterIndex,
    check_export,
    clear_warnings,
    highlight_segments,
)
from app.services.export import ExportFilters, gather_export
from tests.conftest import TEST_ALLOWLIST, TEST_ROSTER
from tests.export.export_seed import (
    CONTACT_IDEA,
    PLACE_IDEA,
    PLANTED_NAME_IDEA,
    QUASI_IDEA,
    ROLE_IDEA,
    ROSTER_AFFILIATION_IDEA,
    add_idea,
    conference,
    seed_report,
    theme,
)


@pytest.fixture
def seeded(app):
    """The app context with the seeded (clean) report."""
    with app.app_context():
        yield seed_report()


def _check(filters: ExportFilters = ExportFilters()):
    settings = AnonymizerSettings.from_config(current_app.config)
    return check_export(conference(), gather_export(conference(), filters), settings)


def _cochair() -> User:
    return db.session.scalar(select(User).where(User.username == "cochair"))


def test_clean_report_passes(seeded):
    report = _check()
    assert not report.refused
    assert report.checked_texts >= 9
    assert report.blocking_items == [] and report.warning_items == []


@pytest.mark.parametrize("text", [PLANTED_NAME_IDEA, ROSTER_AFFILIATION_IDEA, CONTACT_IDEA])
def test_name_affiliation_or_contact_refuses_and_points_at_the_idea(seeded, text):
    idea = add_idea(text, "Themes", "Group B", ("RES",))
    report = _check()
    assert report.refused
    assert report.blocking_idea_ids == [idea.id]
    item = report.blocking_items[0]
    assert item.text == text
    assert all(s.severity == BLOCK for s in item.blocking)


def test_planted_roster_name_span_is_highlighted(seeded):
    idea = add_idea(PLANTED_NAME_IDEA, "Themes", "Group B", ("RES",))
    item = _check().blocking_items[0]
    assert item.target_id == idea.id
    marked = [seg for seg in highlight_segments(item) if seg.label]
    assert [seg.text for seg in marked] == ["Odalys Verhaegen"]
    assert marked[0].severity == BLOCK
    assert "".join(seg.text for seg in highlight_segments(item)) == PLANTED_NAME_IDEA


def test_weak_detections_are_warnings_that_block_until_cleared(seeded):
    ideas = [add_idea(text, "Themes", "Group A", ("PART",)) for text in (ROLE_IDEA, PLACE_IDEA, QUASI_IDEA)]
    report = _check()
    assert report.refused and not report.blocking_items
    assert sorted(report.warning_idea_ids) == sorted(i.id for i in ideas)
    labels = {item.target_id: {s.label for s in item.open_warnings} for item in report.warning_items}
    # "Inuk" is in no dictionary the final gate reads: a possible name as well as the engine's QUASI.
    assert labels == {ideas[0].id: {"ROLE"}, ideas[1].id: {"PLACE"}, ideas[2].id: {"QUASI", "POSSIBLE_NAME"}}
    settings = AnonymizerSettings.from_config(current_app.config)
    for item in report.warning_items:
        idea = next(i for i in ideas if i.id == item.target_id)
        assert clear_warnings(conference(), idea, [s.fingerprint for s in item.open_warnings], _cochair(),
                              settings) == len(item.open_warnings)
    again = _check()
    assert not again.refused and again.cleared_count == 4
    # Cleared once, cleared for good: a later check still passes.
    assert not _check().refused
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export_warning_cleared")) is not None


def test_a_cleared_warning_comes_back_when_the_text_changes(seeded):
    idea = add_idea(ROLE_IDEA, "Themes", "Group A", ("PART",))
    settings = AnonymizerSettings.from_config(current_app.config)
    item = _check().warning_items[0]
    clear_warnings(conference(), idea, [s.fingerprint for s in item.open_warnings], _cochair(), settings)
    assert not _check().refused
    idea.text = "The Deputy Minister should publish the whole budget every single year."
    db.session.commit()
    report = _check()
    assert report.refused and report.warning_idea_ids == [idea.id]


def test_blocking_findings_cannot_be_cleared(seeded):
    idea = add_idea(PLANTED_NAME_IDEA, "Themes", "Group B", ("RES",))
    settings = AnonymizerSettings.from_config(current_app.config)
    item = _check().blocking_items[0]
    assert clear_warnings(conference(), idea, [s.fingerprint for s in item.spans], _cochair(), settings) == 0
    assert db.session.scalar(select(ClearedWarning)) is None
    assert _check().refused


def test_theme_names_are_checked_too(seeded):
    theme("PREV").description = "Proposed by Teodor Brancusi at the opening."
    db.session.commit()
    report = _check()
    assert report.refused
    assert [(i.kind, i.target_id, i.field) for i in report.blocking_items] == [("theme", "PREV", "description")]
    # Filtered to another theme, the description is not in the export and not checked.
    assert not _check(ExportFilters(theme_code="RES")).refused


def test_roster_index_classifies_and_the_gate_scans():
    index = RosterIndex(TEST_ROSTER, TEST_ALLOWLIST)
    assert index.matches("Odalys") and index.matches("Harbourlight Women's Collective")
    assert not index.matches("the Deputy Minister") and not index.matches("women")
    from app import config
    from app.services.export.gate.final import GateContext, GateSettings

    gate = GateContext(TEST_ROSTER, TEST_ALLOWLIST, [],
                       GateSettings(config.ANONYMIZER_EN_MODEL, config.ANONYMIZER_FR_MODEL))
    text = "Funding for Harbourlight Women's Collective and odalys verhaegen; DND should lead."
    hits = [text[f.start:f.end] for f in gate.check(text, "en") if f.refuses]
    # The allow-listed department is not a finding; the civil-society affiliation and the name are.
    assert "Harbourlight Women's Collective" in hits and "odalys" in hits and "verhaegen" in hits
    assert not any("DND" in hit for hit in hits)


def test_warning_severity_is_warn_not_block(seeded):
    add_idea(ROLE_IDEA, "Themes", "Group A", ("PART",))
    item = _check().warning_items[0]
    assert {s.severity for s in item.spans} == {WARN}
