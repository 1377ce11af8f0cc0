"""Clean ideas in the capture flow: the preview offers them, the submit stores them with kind and support."""
import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import BreakoutGroup, Idea, Session

# Invented people and bodies (not from any corpus).
NOTE = ("- Dr. Wenonah Castellucci (Larkspur Housing Trust) said shelters in the north need five-year funding.\n"
        "- Everyone agreed.\n"
        "- Tobiah Renwick-Mbeki proposed an independent shelter ombudsperson.\n"
        "- Send the budget table to wenonah.c@larkspur.example.org\n")
NAMES = ("Wenonah", "Castellucci", "Larkspur", "Tobiah", "Renwick")


@pytest.fixture
def themes_a(app):
    with app.app_context():
        session = db.session.scalar(select(Session).where(Session.title == "Themes"))
        group = db.session.scalar(select(BreakoutGroup).where(BreakoutGroup.label == "Group A"))
        return f"/capture/{session.id}/{group.id}"


def test_preview_offers_clean_ideas_linked_to_their_source(rapporteur_client, themes_a):
    preview = rapporteur_client.post(themes_a + "/preview", json={"text": NOTE}).json
    ideas = preview["clean_ideas"]
    assert [(i["text"], i["kind"], i["support"]) for i in ideas] == [
        ("Shelters in the north need five-year funding.", "proposal", 1),
        ("An independent shelter ombudsperson.", "proposal", 0),
    ]
    for idea in ideas:  # each source range points into the anonymized text the page shows
        assert preview["text"][idea["start"]:idea["end"]].lower() == idea["text"].lower()
    assert not any(name in str(ideas) for name in NAMES)


def test_submit_stores_clean_ideas_with_kind_and_support(app, rapporteur_client, themes_a):
    response = rapporteur_client.post(themes_a + "/submit", json={
        "submission_key": "k-clean-000001",
        "ideas": ["Shelters in the north need five-year funding.",
                  "An independent ombudsperson, as Tobiah Renwick-Mbeki put it."],
        "idea_meta": [{"kind": "proposal", "support": 4}, {"kind": "proposal", "support": 0}]})
    assert response.status_code == 201
    stored = response.json["ideas"]
    assert [(i["kind"], i["support"]) for i in stored] == [("proposal", 4), ("proposal", 0)]
    assert "Renwick" not in stored[1]["text"]  # an edited clean idea is anonymized again
    assert "independent ombudsperson" in stored[1]["text"]
    with app.app_context():
        rows = db.session.scalars(select(Idea).where(Idea.submission_key == "k-clean-000001")
                                  .order_by(Idea.position)).all()
        assert [(r.text, r.kind, r.support) for r in rows][0] == (
            "Shelters in the north need five-year funding.", "proposal", 4)
        assert not any(name in r.text for r in rows for name in NAMES)


def test_submit_without_meta_keeps_working(app, rapporteur_client, themes_a):
    response = rapporteur_client.post(themes_a + "/submit", json={
        "submission_key": "k-clean-000002", "ideas": ["Fund night buses."]})
    assert response.status_code == 201
    assert (response.json["ideas"][0]["kind"], response.json["ideas"][0]["support"]) == (None, 0)


@pytest.mark.parametrize("meta", [
    [{"kind": "proposal", "support": 1}],                       # fewer entries than ideas
    [{"kind": "wish", "support": 0}, {"kind": "finding", "support": 0}],
    [{"kind": "finding", "support": -1}, {"kind": "finding", "support": 0}],
    [{"kind": "finding", "support": "3"}, {"kind": "finding", "support": 0}],
    "proposal",
])
def test_malformed_meta_is_refused(rapporteur_client, themes_a, meta):
    response = rapporteur_client.post(themes_a + "/submit", json={
        "submission_key": "k-clean-000003", "ideas": ["One idea.", "Another idea."], "idea_meta": meta})
    assert response.status_code == 400 and response.json["error"]


SOURCE = "Dr. Wenonah Castellucci said shelters in the north need five-year funding."


def test_source_sentence_is_not_kept_by_default(app, rapporteur_client, themes_a):
    response = rapporteur_client.post(themes_a + "/submit", json={
        "submission_key": "k-clean-000010", "ideas": ["Shelters in the north need five-year funding."],
        "idea_meta": [{"kind": "proposal", "support": 0, "source": SOURCE}]})
    assert response.status_code == 201
    with app.app_context():
        row = db.session.scalar(select(Idea).where(Idea.submission_key == "k-clean-000010"))
        assert row.source_text is None


def test_source_sentence_is_kept_anonymized_when_the_conference_says_so(app, admin_client, rapporteur_client,
                                                                         themes_a):
    admin_client.post("/admin/settings", data={"keep_idea_sources": "on"})
    response = rapporteur_client.post(themes_a + "/submit", json={
        "submission_key": "k-clean-000011", "ideas": ["Shelters in the north need five-year funding."],
        "idea_meta": [{"kind": "proposal", "support": 2, "source": SOURCE}]})
    assert response.status_code == 201
    with app.app_context():
        row = db.session.scalar(select(Idea).where(Idea.submission_key == "k-clean-000011"))
        assert "said shelters in the north need five-year funding." in row.source_text
        assert "Wenonah" not in row.source_text and "Castellucci" not in row.source_text
