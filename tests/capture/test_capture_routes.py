"""The rapporteur's pages and JSON endpoints, through the real routes."""
import re

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEvent, BreakoutGroup, Draft, Idea, IdeaStatus, Session

ROSTER_NOTE = ("- Odalys Verhaegen (Harbourlight Women's Collective) said shelters in the north need "
               "five-year funding.\n- Marit Solvang asked for SGBV training for police.\n")


@pytest.fixture
def ids(app):
    """Session and group ids by name."""
    with app.app_context():
        sessions = {s.title: s.id for s in db.session.scalars(select(Session))}
        groups = {g.label: g.id for g in db.session.scalars(select(BreakoutGroup))}
    return sessions, groups


@pytest.fixture
def themes_a(ids):
    """URL prefix of the rapporteur's breakout place: Themes session, Group A."""
    sessions, groups = ids
    return f"/capture/{sessions['Themes']}/{groups['Group A']}"


def _count(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


# --- home ---------------------------------------------------------------------------------

def test_home_lists_assigned_sessions_and_groups(rapporteur_client):
    page = rapporteur_client.get("/capture/").get_data(as_text=True)
    # Group A covers the three breakouts, the plenary group the plenary; Group B is not theirs.
    for title in ("Opening", "Themes", "Targets", "Indicators"):
        assert title in page
    assert "Group A" in page and "Plenary" in page
    assert "Group B" not in page
    assert page.count("Take notes") == 4


def test_home_shows_counts_and_waiting_drafts(rapporteur_client, themes_a):
    rapporteur_client.post(themes_a + "/draft", json={"text": "Fund shelters."})
    rapporteur_client.post(themes_a + "/submit", json={"submission_key": "k-0000000001", "ideas": ["One.", "Two."]})
    rapporteur_client.post(themes_a + "/draft", json={"text": "Next note."})
    page = rapporteur_client.get("/capture/").get_data(as_text=True)
    assert "Draft waiting" in page and "Continue" in page
    assert re.search(r'class="idea-count">2<', page)


def test_other_roles_cannot_capture(cochair_client, drafter_client, client, themes_a):
    assert cochair_client.get("/capture/").status_code == 403
    assert drafter_client.get(themes_a).status_code == 403
    assert client.get(themes_a).status_code == 302  # to the sign-in page


# --- the capture page and autosave -------------------------------------------------------

def test_capture_page_carries_key_and_endpoints(rapporteur_client, themes_a):
    response = rapporteur_client.get(themes_a)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert re.search(r'data-submission-key="[0-9a-f-]{36}"', page)
    assert 'src="/static/capture.js"' in page
    assert "<script>" not in page  # the CSP forbids inline scripts
    assert "Not saved yet" in page


def test_unknown_session_or_group_is_404_with_message(rapporteur_client, ids):
    sessions, groups = ids
    response = rapporteur_client.get(f"/capture/9999/{groups['Group A']}")
    assert response.status_code == 404 and b"no such session" in response.data
    response = rapporteur_client.get(f"/capture/{sessions['Themes']}/9999")
    assert response.status_code == 404 and b"no such group" in response.data
    response = rapporteur_client.post(f"/capture/9999/{groups['Group A']}/preview", json={"text": "x"})
    assert response.status_code == 404 and response.is_json and "session" in response.json["error"]


def test_unassigned_group_is_403_with_message(rapporteur_client, ids):
    sessions, groups = ids
    response = rapporteur_client.get(f"/capture/{sessions['Themes']}/{groups['Group B']}")
    assert response.status_code == 403
    assert "not assigned" in response.get_data(as_text=True) and "Group B" in response.get_data(as_text=True)
    response = rapporteur_client.post(f"/capture/{sessions['Themes']}/{groups['Group B']}/draft", json={"text": "x"})
    assert response.status_code == 403 and "not assigned" in response.json["error"]


def test_plenary_group_does_not_cover_breakouts(rapporteur_client, ids):
    sessions, groups = ids
    assert rapporteur_client.get(f"/capture/{sessions['Themes']}/{groups['Plenary']}").status_code == 403
    assert rapporteur_client.get(f"/capture/{sessions['Opening']}/{groups['Plenary']}").status_code == 200


def test_autosave_encrypts_and_reload_restores(app, rapporteur_client, themes_a):
    note = "Teodor Brancusi said <b>shelters</b> need funding."
    response = rapporteur_client.post(themes_a + "/draft", json={"text": note})
    assert response.status_code == 200 and response.json["saved"] is True
    with app.app_context():
        draft = db.session.scalar(select(Draft))
        assert b"Teodor" not in draft.ciphertext
    page = rapporteur_client.get(themes_a).get_data(as_text=True)
    assert "Draft restored" in page
    assert "Teodor Brancusi said &lt;b&gt;shelters&lt;/b&gt; need funding." in page


def test_autosave_of_empty_note_clears_draft(app, rapporteur_client, themes_a):
    rapporteur_client.post(themes_a + "/draft", json={"text": "something"})
    assert rapporteur_client.post(themes_a + "/draft", json={"text": "  "}).json["empty"] is True
    assert _count(app, Draft) == 0


def test_autosave_keeps_an_overlong_note_and_warns(app, rapporteur_client, themes_a):
    app.config["MAX_NOTE_CHARS"] = 100
    response = rapporteur_client.post(themes_a + "/draft", json={"text": "x" * 150})
    assert response.status_code == 200 and "100" in response.json["warning"]
    assert _count(app, Draft) == 1


@pytest.mark.parametrize("body", ["not json", "[1, 2]", '{"text": 5}'])
def test_json_endpoints_reject_invalid_data_with_json(rapporteur_client, themes_a, body):
    for endpoint in ("/draft", "/preview", "/restore", "/submit"):
        response = rapporteur_client.post(themes_a + endpoint, data=body, content_type="application/json")
        assert response.status_code == 400, endpoint
        assert response.is_json and response.json["error"]


def test_csrf_header_is_required_for_json_writes(app, rapporteur_client, themes_a):
    app.config["WTF_CSRF_ENABLED"] = True
    response = rapporteur_client.post(themes_a + "/draft", json={"text": "x"})
    assert response.status_code == 400 and response.is_json
    page = rapporteur_client.get(themes_a).get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    response = rapporteur_client.post(themes_a + "/draft", json={"text": "x"}, headers={"X-CSRFToken": token})
    assert response.status_code == 200


# --- preview and restore ------------------------------------------------------------------

def test_preview_shows_every_removal_with_reason(rapporteur_client, themes_a):
    response = rapporteur_client.post(themes_a + "/preview", json={"text": ROSTER_NOTE})
    assert response.status_code == 200
    data = response.json
    removed = [s for s in data["segments"] if s["kind"] == "redact"]
    assert removed and all(s["reason"] and s["placeholder"] for s in removed)
    removed_text = " ".join(s["text"] for s in removed)
    for name in ("Odalys", "Verhaegen", "Marit", "Solvang", "Harbourlight"):
        assert name in removed_text
        assert name not in data["text"]
    assert "".join(s["text"] for s in data["segments"]) == ROSTER_NOTE  # segments cover the note
    assert len(data["ideas"]) == 2 and "shelters" in data["ideas"][0]
    assert all(not s["restorable"] for s in removed if s["label"] == "PERSON")


def test_preview_refuses_empty_and_overlong_notes_and_keeps_draft(app, rapporteur_client, themes_a):
    response = rapporteur_client.post(themes_a + "/preview", json={"text": "   "})
    assert response.status_code == 400 and "empty" in response.json["error"]
    app.config["MAX_NOTE_CHARS"] = 50
    rapporteur_client.post(themes_a + "/draft", json={"text": "y" * 80})
    response = rapporteur_client.post(themes_a + "/preview", json={"text": "y" * 80})
    assert response.status_code == 413 and "draft is kept" in response.json["error"]
    assert _count(app, Draft) == 1


def test_one_word_note_previews(rapporteur_client, themes_a):
    response = rapporteur_client.post(themes_a + "/preview", json={"text": "Funding"})
    assert response.status_code == 200 and response.json["ideas"] == ["Funding"]


def test_preview_stores_nothing(app, rapporteur_client, themes_a):
    response = rapporteur_client.post(themes_a + "/preview", json={"text": ROSTER_NOTE})
    assert _count(app, Idea) == 0 and _count(app, Draft) == 0
    # The preview itself answered, with the clean ideas the rapporteur would submit.
    assert response.status_code == 200 and response.json["ideas"]
    assert any("five-year funding" in idea for idea in response.json["ideas"]), response.json["ideas"]


ROSTER_RESTORE_NOTE = ("Odalys Verhaegen of the Harbourlight Women's Collective said shelters need funding. "
                       "Verhaegen repeated it.")


def _restore(client, prefix, term, note, **extra):
    return client.post(prefix + "/restore", json={"term": term, "note": note, **extra})


def test_restore_refuses_roster_names_and_affiliations(rapporteur_client, themes_a):
    for term in ("Odalys Verhaegen", "Verhaegen", "Harbourlight Women's Collective"):
        response = _restore(rapporteur_client, themes_a, term, ROSTER_RESTORE_NOTE, label="")
        assert response.status_code == 422, term
        error = response.json["error"]
        assert "roster" in error or "never" in error or "affiliation" in error, error


def test_restore_allows_a_body_that_is_not_an_affiliation(rapporteur_client, themes_a):
    note = "The Brightwater Tenants Alliance runs shelters that need core funding."
    response = _restore(rapporteur_client, themes_a, "Brightwater Tenants Alliance", note)
    assert response.status_code == 200 and response.json["allowed"] is True


def test_restore_takes_the_label_from_the_server_never_the_page(rapporteur_client, themes_a):
    note = "Ms. Halldis Kowalczyk argued for core funding."
    for label in ("", "ORG", "PLACE", None):
        response = _restore(rapporteur_client, themes_a, "Halldis Kowalczyk", note, label=label)
        assert response.status_code == 422 and "person" in response.json["error"], label
    # A term the server did not remove from the note, or no note at all, is not restored either.
    assert "not removed" in _restore(rapporteur_client, themes_a, "core funding", note).json["error"]
    assert rapporteur_client.post(themes_a + "/restore", json={"term": "Halldis Kowalczyk"}).status_code == 422


@pytest.mark.parametrize("note", [
    "Halldis Kowalczyk from the Sablewood Tenants Alliance argued for core funding.",
    "[Participant 1] from the Sablewood Tenants Alliance argued for core funding.",
    "The Sablewood Tenants Alliance rep argued for core funding.",
])
def test_restore_refuses_the_speakers_affiliation(rapporteur_client, themes_a, note):
    response = _restore(rapporteur_client, themes_a, "Sablewood Tenants Alliance", note)
    assert response.status_code == 422 and "affiliation" in response.json["error"]


def test_a_speakers_affiliation_restored_anyway_is_removed_at_submit(rapporteur_client, themes_a):
    note = "[Participant 1] from the Sablewood Tenants Alliance argued for core funding."
    response = rapporteur_client.post(themes_a + "/submit", json={
        "submission_key": "k-attrib-0001", "ideas": [note], "restored": ["Sablewood Tenants Alliance"]})
    assert response.status_code == 201
    assert "Sablewood" not in response.json["ideas"][0]["text"] and "core funding" in response.json["ideas"][0]["text"]


def test_a_person_restored_anyway_is_removed_by_the_second_pass(rapporteur_client, themes_a):
    """The page offers no restore for names, but a crafted request must not store one either."""
    response = rapporteur_client.post(themes_a + "/submit", json={
        "submission_key": "k-person-0001", "ideas": ["Ms. Halldis Kowalczyk argued for core funding."],
        "restored": ["Halldis Kowalczyk", "Kowalczyk"]})
    assert response.status_code == 201
    assert "Kowalczyk" not in response.json["ideas"][0]["text"]
    assert "argued for core funding" in response.json["ideas"][0]["text"]  # the idea itself is stored


def test_token_endpoint_gives_a_fresh_csrf_token(rapporteur_client, client):
    assert rapporteur_client.get("/capture/token").json["csrf_token"]
    assert client.get("/capture/token").status_code == 302  # not signed in: to the login page


def test_flagged_detail_is_removed_unless_kept(app, rapporteur_client, themes_a):
    note = "As the only Inuk woman on the panel, she said shelters in Nunavut need funding."
    preview = rapporteur_client.post(themes_a + "/preview", json={"text": note}).json
    flags = [s for s in preview["segments"] if s["kind"] == "flag"]
    assert flags and "Inuk" not in preview["text"]  # removed by default
    assert "shelters in Nunavut need funding" in preview["text"]
    removed = rapporteur_client.post(themes_a + "/submit", json={"submission_key": "k-flag-000001", "ideas": [note]})
    assert "Inuk" not in removed.json["ideas"][0]["text"]
    assert "shelters in Nunavut need funding" in removed.json["ideas"][0]["text"]
    kept = rapporteur_client.post(themes_a + "/submit", json={
        "submission_key": "k-flag-000002", "ideas": [note], "kept": [f["text"] for f in flags]})
    assert "only Inuk woman" in kept.json["ideas"][0]["text"]


def test_restored_term_is_stored_and_audited_without_the_term(app, rapporteur_client, themes_a):
    note = "The Brightwater Tenants Alliance runs shelters that need core funding."
    response = rapporteur_client.post(themes_a + "/submit", json={
        "submission_key": "k-restore-0001", "ideas": [note], "restored": ["Brightwater Tenants Alliance"]})
    assert response.json["ideas"][0]["text"] == note
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "restore_term"))
        assert event.detail["label"] == "ORG" and event.target_type == "idea"
        assert event.detail["placeholder"].startswith("[") and "Brightwater" not in str(event.detail)


# --- submit -------------------------------------------------------------------------------

def test_submit_is_idempotent_over_http(app, rapporteur_client, themes_a):
    body = {"submission_key": "3f1c6a2e-0000-4000-8000-000000000001",
            "ideas": ["Odalys Verhaegen wants shelters funded.", "Train police."]}
    first = rapporteur_client.post(themes_a + "/submit", json=body)
    assert first.status_code == 201 and first.json["stored"] == 2 and first.json["replayed"] is False
    assert "Odalys" not in first.json["ideas"][0]["text"]
    assert "wants shelters funded." in first.json["ideas"][0]["text"]
    assert first.json["next_submission_key"] != body["submission_key"]
    retry = rapporteur_client.post(themes_a + "/submit", json=body)
    assert retry.status_code == 200 and retry.json["replayed"] is True
    assert [i["id"] for i in retry.json["ideas"]] == [i["id"] for i in first.json["ideas"]]
    assert _count(app, Idea) == 2


def test_submit_destroys_the_draft_and_records_count(app, rapporteur_client, themes_a):
    rapporteur_client.post(themes_a + "/draft", json={"text": "Fund shelters."})
    rapporteur_client.post(themes_a + "/submit", json={"submission_key": "k-0000000002", "ideas": ["Fund shelters."]})
    assert _count(app, Draft) == 0
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "submit_ideas"))
        assert event.detail["count"] == 1


def test_submit_refuses_bad_input(app, rapporteur_client, themes_a):
    cases = [
        ({"submission_key": "k-0000000003", "ideas": []}, 400),
        ({"submission_key": "k-0000000003", "ideas": ["  "]}, 400),
        ({"submission_key": "k-0000000003", "ideas": "not a list"}, 400),
        ({"submission_key": "k-0000000003", "ideas": [1, 2]}, 400),
        ({"submission_key": "", "ideas": ["x"]}, 400),
        ({"submission_key": 7, "ideas": ["x"]}, 400),
        ({"submission_key": "k-0000000003", "ideas": ["x"], "restored": "Kenora"}, 400),
    ]
    for body, status in cases:
        response = rapporteur_client.post(themes_a + "/submit", json=body)
        assert response.status_code == status, body
        assert response.json["error"]
    app.config["MAX_NOTE_CHARS"] = 20
    response = rapporteur_client.post(themes_a + "/submit", json={"submission_key": "k-0000000004", "ideas": ["z" * 30]})
    assert response.status_code == 413
    assert _count(app, Idea) == 0


def test_submit_without_script_uses_the_form(app, rapporteur_client, themes_a):
    response = rapporteur_client.post(themes_a + "/submit", data={
        "submission_key": "k-0000000005", "ideas_text": "- Fund shelters\n- Marit Solvang: train police"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/capture/ideas")
    page = rapporteur_client.get("/capture/ideas").get_data(as_text=True)
    assert "Fund shelters" in page and "train police" in page and "Solvang" not in page


# --- my group's ideas ---------------------------------------------------------------------

def _submit(client, prefix, ideas, key):
    return client.post(prefix + "/submit", json={"submission_key": key, "ideas": ideas}).json["ideas"]


def test_ideas_page_shows_status_note_and_edit_links(app, rapporteur_client, themes_a):
    stored = _submit(rapporteur_client, themes_a, ["Fund shelters.", "Train police.", "Publish data."], "k-0000000006")
    with app.app_context():
        returned, approved = db.session.get(Idea, stored[1]["id"]), db.session.get(Idea, stored[2]["id"])
        returned.status, returned.review_note = IdeaStatus.RETURNED, "Which police services?"
        approved.status = IdeaStatus.APPROVED
        db.session.commit()
    page = rapporteur_client.get("/capture/ideas").get_data(as_text=True)
    assert "Co-chair's note:</strong> Which police services?" in page
    assert f"/capture/ideas/{stored[0]['id']}/edit" in page and f"/capture/ideas/{stored[1]['id']}/edit" in page
    assert f"/capture/ideas/{stored[2]['id']}/edit" not in page and "read-only" in page


def test_edit_anonymizes_again(app, rapporteur_client, themes_a):
    idea_id = _submit(rapporteur_client, themes_a, ["Fund shelters."], "k-0000000007")[0]["id"]
    assert rapporteur_client.get(f"/capture/ideas/{idea_id}/edit").status_code == 200
    response = rapporteur_client.post(f"/capture/ideas/{idea_id}/edit",
                                      data={"text": "Odalys Verhaegen: fund shelters for five years."})
    assert response.status_code == 302
    with app.app_context():
        text = db.session.get(Idea, idea_id).text
    assert "Odalys" not in text and "Verhaegen" not in text and "five years" in text


def test_edit_refuses_empty_text_approved_ideas_and_other_groups(app, rapporteur_client, themes_a, ids):
    idea_id = _submit(rapporteur_client, themes_a, ["Fund shelters."], "k-0000000008")[0]["id"]
    response = rapporteur_client.post(f"/capture/ideas/{idea_id}/edit", data={"text": ""})
    assert response.status_code == 400 and b"cannot be empty" in response.data
    with app.app_context():
        idea = db.session.get(Idea, idea_id)
        idea.status = IdeaStatus.APPROVED
        other = Idea(conference_id=idea.conference_id, session_id=idea.session_id,
                     group_id=ids[1]["Group B"], text="Other group's idea", submission_key="k-other-0001")
        db.session.add(other)
        db.session.commit()
        other_id = other.id
    response = rapporteur_client.post(f"/capture/ideas/{idea_id}/edit", data={"text": "changed"})
    assert response.status_code == 409 and b"can no longer be edited" in response.data
    assert rapporteur_client.get(f"/capture/ideas/{other_id}/edit").status_code == 404
    assert "Other group" not in rapporteur_client.get("/capture/ideas").get_data(as_text=True)


def test_script_in_notes_is_shown_as_text(rapporteur_client, themes_a):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)> Fund shelters.'
    rapporteur_client.post(themes_a + "/draft", json={"text": payload})
    page = rapporteur_client.get(themes_a).get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    _submit(rapporteur_client, themes_a, [payload], "k-0000000009")
    ideas_page = rapporteur_client.get("/capture/ideas").get_data(as_text=True)
    assert "<img src=x" not in ideas_page and "&lt;img src=x" in ideas_page


PERSON_NAMES = ["Halldis Kowalczyk", "Baptiste Oyelaran", "Ysolde Marchetti", "Tomasz Quennell", "Aroha Lindgren",
                "Wanjiru Castellanos", "Ilse Brannigan", "Oskar Nakamura-Reyes", "Fenna Dubrovski", "Kojo Haldane"]


@pytest.mark.parametrize("label", ["", "ORG", "PLACE"])
def test_no_person_name_is_restored_whatever_label_the_page_sends(rapporteur_client, themes_a, label):
    refused = 0
    for name in PERSON_NAMES:
        note = f"Ms. {name} argued that shelters need core funding."
        response = _restore(rapporteur_client, themes_a, name, note, label=label)
        refused += response.status_code == 422 and response.json["allowed"] is False
    assert refused == len(PERSON_NAMES)
