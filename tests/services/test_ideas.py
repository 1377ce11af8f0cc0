"""Splitting notes into ideas, the idempotent submit, the server's second pass, and edits."""
import threading

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEvent, BreakoutGroup, Draft, Idea, IdeaStatus, Session, User
from app.services.capture import drafts
from app.services.capture import ideas as idea_service
from app.services.anonymization import AnonymizerSettings
from app.services.capture import CaptureError, CapturePlace, compose, segments_of, split_into_ideas
from app.services.capture.restores import restore_refusal
from app.services.conference import current_conference


# --- splitting ----------------------------------------------------------------------------

def test_one_idea_per_paragraph():
    text = "Fund shelters in the north.\nThey need stable money.\n\nTrain police on SGBV."
    assert split_into_ideas(text) == [
        "Fund shelters in the north. They need stable money.", "Train police on SGBV."]


def test_one_idea_per_bullet_with_continuation_lines():
    text = "- Fund shelters\n  for at least five years\n* Train police\n• Publish data\n1. Count women\n2) Report yearly"
    assert split_into_ideas(text) == [
        "Fund shelters for at least five years", "Train police", "Publish data", "Count women", "Report yearly"]


def test_blank_and_whitespace_notes_give_no_ideas():
    assert split_into_ideas("") == []
    assert split_into_ideas(" \n\n  \r\n\t") == []
    assert split_into_ideas(" \n\n Train police \r\n\t") == ["Train police"]


def test_windows_line_endings_split_like_unix():
    assert split_into_ideas("one\r\n\r\ntwo") == ["one", "two"]


def test_hyphenated_words_are_not_bullets():
    assert split_into_ideas("Long-term funding\nfor co-ops") == ["Long-term funding for co-ops"]


def test_note_size_limits():
    with pytest.raises(CaptureError) as empty:
        idea_service.check_note_size("   ", 100)
    assert empty.value.status == 400
    with pytest.raises(CaptureError) as long:
        idea_service.check_note_size("x" * 101, 100)
    assert long.value.status == 413 and "100" in long.value.message
    idea_service.check_note_size("x" * 100, 100)


# --- composing the clean text from spans --------------------------------------------------

def test_compose_replaces_redactions_and_removes_flags_unless_kept():
    from anonymizer.results import Span

    text = "Odalys said, as the only Inuk woman there, that Kenora needs shelters."
    quasi = "the only Inuk woman there"
    q, k = text.index(quasi), text.index("Kenora")
    spans = [Span(0, 6, "PERSON", "redact", "name", "Odalys", "[Participant 1]"),
             Span(q, q + len(quasi), "QUASI", "flag", "identifying detail", quasi, None),
             Span(k, k + 6, "PLACE", "redact", "place", "Kenora", "[Place 1]")]
    segments = segments_of(text, spans)
    assert compose(segments) == "[Participant 1] said, as [detail removed], that [Place 1] needs shelters."
    assert compose(segments, restored=["kenora", "Odalys"], kept=[quasi]) == (
        "[Participant 1] said, as the only Inuk woman there, that Kenora needs shelters.")


def test_overlapping_spans_are_merged_not_duplicated():
    from anonymizer.results import Span

    text = "Marit Solvang spoke"
    segments = segments_of(text, [Span(0, 13, "PERSON", "redact", "a", "", "[P1]"),
                                  Span(6, 13, "PERSON", "redact", "b", "", "[P2]")])
    assert compose(segments) == "[P1] spoke"


# --- submitting ---------------------------------------------------------------------------

def _context(app):
    conference = current_conference()
    user = db.session.scalar(select(User).where(User.username == "rapporteur"))
    session = db.session.scalar(select(Session).where(Session.title == "Themes"))
    group = db.session.scalar(select(BreakoutGroup).where(BreakoutGroup.label == "Group A"))
    return conference, user, CapturePlace(session, group), AnonymizerSettings.from_config(app.config)


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_submit_stores_clean_ideas_once_per_key(app):
    with app.app_context():
        conference, user, place, settings = _context(app)
        key = idea_service.new_submission_key()
        texts = ["Odalys Verhaegen said shelters need funding for five years.",
                 "Train police on SGBV."]
        first = idea_service.submit_ideas(user, conference, place, key, texts, settings, 50_000)
        assert not first.replayed and len(first.ideas) == 2
        assert "Odalys" not in first.ideas[0].text and "Verhaegen" not in first.ideas[0].text
        assert "shelters" in first.ideas[0].text
        again = idea_service.submit_ideas(user, conference, place, key, texts, settings, 50_000)
        assert again.replayed
        assert [i.id for i in again.ideas] == [i.id for i in first.ideas]
        assert _count(Idea) == 2


def test_submit_destroys_draft_and_audits_count_only(app):
    with app.app_context():
        conference, user, place, settings = _context(app)
        drafts.save_draft(user.id, *place.key, "Teodor said fund shelters.", app.config["ENCRYPTION_KEY_PATH"], 600)
        idea_service.submit_ideas(user, conference, place, idea_service.new_submission_key(),
                                  ["Teodor Brancusi said fund shelters."], settings, 50_000)
        assert _count(Draft) == 0
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "submit_ideas"))
        assert event.detail["count"] == 1
        assert "Teodor" not in str(event.detail)


def test_concurrent_retries_store_the_ideas_once(app):
    """Two requests with the same key at once (a double click on flaky Wi-Fi)."""
    key = idea_service.new_submission_key()
    results, errors = [], []
    barrier = threading.Barrier(2)

    def submit():
        with app.app_context():
            conference, user, place, settings = _context(app)
            barrier.wait()
            try:
                result = idea_service.submit_ideas(
                    user, conference, place, key, ["Fund shelters.", "Train police."], settings, 50_000)
                results.append((result.replayed, tuple(i.id for i in result.ideas)))
            except Exception as exc:  # surfaced below
                errors.append(exc)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(replayed for replayed, _ in results) == [False, True]
    assert len({ids for _, ids in results}) == 1
    with app.app_context():
        assert _count(Idea) == 2


def test_key_reused_for_another_group_is_refused(app):
    with app.app_context():
        conference, user, place, settings = _context(app)
        key = idea_service.new_submission_key()
        idea_service.submit_ideas(user, conference, place, key, ["Fund shelters."], settings, 50_000)
        plenary = next(g for g in conference.groups if g.is_plenary)
        opening = db.session.scalar(select(Session).where(Session.title == "Opening"))
        with pytest.raises(CaptureError) as refused:
            idea_service.submit_ideas(user, conference, CapturePlace(opening, plenary), key, ["x"], settings, 50_000)
        assert refused.value.status == 409


@pytest.mark.parametrize("key", ["", "short", "has spaces in it", "x" * 81, "semi;colon-key"])
def test_malformed_keys_are_refused(app, key):
    with app.app_context():
        conference, user, place, settings = _context(app)
        with pytest.raises(CaptureError):
            idea_service.submit_ideas(user, conference, place, key, ["Fund shelters."], settings, 50_000)


def test_restored_term_survives_only_when_not_a_roster_entry_or_person(app):
    with app.app_context():
        conference, user, place, settings = _context(app)
        text = ("Marit Solvang from the Harbourlight Women's Collective said shelters need funding. "
                "The Brightwater Tenants Alliance runs shelters that need core funding.")
        result = idea_service.submit_ideas(
            user, conference, place, idea_service.new_submission_key(), [text], settings, 50_000,
            restored=["Marit Solvang", "Harbourlight Women's Collective", "Brightwater Tenants Alliance"])
        stored = result.ideas[0].text
        assert "Marit" not in stored and "Solvang" not in stored and "Harbourlight" not in stored
        assert "The Brightwater Tenants Alliance runs shelters that need core funding." in stored
        restores = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "restore_term")).all()
        assert [(e.detail["label"], e.target_type, e.target_id) for e in restores] == [
            ("ORG", "idea", result.ideas[0].id)]
        assert "Brightwater" not in str(restores[0].detail)  # the placeholder, never the term


def test_without_restore_the_second_pass_removes_the_term(app):
    with app.app_context():
        conference, user, place, settings = _context(app)
        result = idea_service.submit_ideas(
            user, conference, place, idea_service.new_submission_key(),
            ["The Brightwater rep argued for core funding."], settings, 50_000)
        assert "Brightwater" not in result.ideas[0].text and "core funding" in result.ideas[0].text
        assert result.removed_again


def test_restore_refusals(app):
    with app.app_context():
        conference, _, _, settings = _context(app)
        assert restore_refusal("Odalys Verhaegen", conference, settings)
        assert restore_refusal("Harbourlight Women's Collective", conference, settings)
        assert restore_refusal("Harbourlight", conference, settings)
        assert restore_refusal("DND", conference, settings)  # an allow-listed body, but a participant's affiliation
        assert restore_refusal("odalys", conference, settings)
        assert restore_refusal("jo.smith@example.org", conference, settings)
        assert restore_refusal("Halldis Kowalczyk", conference, settings, label="PERSON")
        assert restore_refusal("", conference, settings)
        assert restore_refusal("x" * 500, conference, settings)
        assert restore_refusal("Kenora", conference, settings) is None
        assert restore_refusal("Brightwater", conference, settings) is None


# --- editing ------------------------------------------------------------------------------

def _one_idea(app, text="Fund shelters in the north."):
    conference, user, place, settings = _context(app)
    result = idea_service.submit_ideas(user, conference, place, idea_service.new_submission_key(), [text],
                                       settings, 50_000)
    return conference, user, settings, result.ideas[0]


def test_edit_is_anonymized_again_and_returned_goes_back_to_review(app):
    with app.app_context():
        conference, user, settings, idea = _one_idea(app)
        idea.status = IdeaStatus.RETURNED
        idea.review_note = "Say which shelters."
        db.session.commit()
        result = idea_service.edit_idea(user, conference, idea, "Teodor Brancusi wants shelters in Nunavut funded.",
                                        settings, 50_000)
        assert "Teodor" not in idea.text and "Brancusi" not in idea.text
        assert "wants shelters in Nunavut funded." in idea.text
        assert result.removed_again
        assert idea.status == IdeaStatus.SUBMITTED
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "edit_idea")).target_id == idea.id


def test_approved_idea_cannot_be_edited(app):
    with app.app_context():
        conference, user, settings, idea = _one_idea(app)
        idea.status = IdeaStatus.APPROVED
        db.session.commit()
        with pytest.raises(CaptureError) as refused:
            idea_service.edit_idea(user, conference, idea, "Something else.", settings, 50_000)
        assert refused.value.status == 409
        assert db.session.get(Idea, idea.id).text == "Fund shelters in the north."
