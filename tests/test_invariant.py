"""The invariant: only non-attributed text is ever stored or logged.

Notes full of names (roster participants and people who are not on the roster), affiliations,
e-mail addresses and phone numbers go through the real HTTP routes (autosave, preview, restore,
submit, edit, and some refused requests). Then the raw bytes of the SQLite file (and any
journal), every file under instance/ and everything logged at DEBUG must not contain any of them.
"""
import logging
import os

from sqlalchemy import select

from app.extensions import db
from app.models import BreakoutGroup, Idea, Session
from app.services.conference import current_conference
from tests.stored_data import stored_blobs

# Roster participants and their civil-society affiliation (tests/conftest.py), people and an
# organization that are not on the roster, and contact details. All invented.
FORBIDDEN = [
    "Odalys", "Verhaegen", "Teodor", "Brancusi", "Marit", "Solvang", "Harbourlight",
    "Halldis Kowalczyk", "Kowalczyk", "Baptiste Oyelaran", "Oyelaran", "Sablewood",
    "ingrid.k@sablewood.example.org", "sablewood.example", "613 555 0142", "555 0142", "613-555-0199",
    "@odalys_v",
]

NOTES = [
    ("- Odalys Verhaegen (Harbourlight Women's Collective) said shelters in the north need five-year funding.\n"
     "- Teodor Brancusi agreed with Odalys and asked that Harbourlight be consulted on the new targets.\n"
     "- Marit Solvang from DND said recruitment targets for women should be published every year.\n"),
    ("Ms. Halldis Kowalczyk of the Sablewood Tenants Alliance argued that housing is a security issue.\n\n"
     "Dr. Baptiste Oyelaran noted that local women's groups need core funding, not project funding.\n\n"
     "Kowalczyk offered to share data: write to ingrid.k@sablewood.example.org or call +1 613 555 0142.\n\n"
     "Oyelaran can be reached at 613-555-0199 or @odalys_v on social media.\n"),
    ("Mme Odalys Verhaegen a dit que les refuges du Nord ont besoin d'un financement stable.\n\n"
     "Marit Solvang a rappelé que les cibles doivent être publiées chaque année.\n"),
]


def _forbidden_in(blob: bytes) -> list[str]:
    lowered = blob.lower()
    return [name for name in FORBIDDEN if name.lower().encode("utf-8") in lowered]


def _exercise_routes(app, client):
    with app.app_context():
        session_id = db.session.scalar(select(Session.id).where(Session.title == "Themes"))
        group_id = db.session.scalar(select(BreakoutGroup.id).where(BreakoutGroup.label == "Group A"))
        other_group = db.session.scalar(select(BreakoutGroup.id).where(BreakoutGroup.label == "Group B"))
    prefix = f"/capture/{session_id}/{group_id}"
    stored_ids = []
    for number, note in enumerate(NOTES):
        assert client.post(prefix + "/draft", json={"text": note[: len(note) // 2]}).status_code == 200
        assert client.post(prefix + "/draft", json={"text": note}).status_code == 200
        assert b"draft" in client.get(prefix).data.lower()  # the draft is restored into the page
        preview = client.post(prefix + "/preview", json={"text": note})
        assert preview.status_code == 200
        for term in ("Odalys Verhaegen", "Harbourlight Women's Collective", "ingrid.k@sablewood.example.org"):
            assert client.post(prefix + "/restore", json={"term": term, "note": note, "label": ""}).status_code == 422
        key = f"invariant-{number:04d}-key"
        body = {"submission_key": key, "ideas": preview.json["ideas"],
                # A rapporteur trying to restore names: the server's second pass refuses them.
                "restored": ["Odalys Verhaegen", "Kowalczyk", "Harbourlight"]}
        submitted = client.post(prefix + "/submit", json=body)
        assert submitted.status_code == 201, submitted.json
        assert client.post(prefix + "/submit", json=body).status_code == 200  # a retry
        # The raw note submitted directly (no preview) is anonymized on the server too.
        direct = client.post(prefix + "/submit", json={"submission_key": key + "-raw", "ideas": [note]})
        assert direct.status_code == 201
        stored_ids += [i["id"] for i in submitted.json["ideas"]]
    # Edits with names are anonymized again.
    assert client.post(f"/capture/ideas/{stored_ids[0]}/edit",
                       data={"text": "Teodor Brancusi and Halldis Kowalczyk: fund shelters."}).status_code == 302
    # Refused requests carrying raw notes must not leak through logs or error pages.
    refused = client.post(f"/capture/{session_id}/{other_group}/preview", json={"text": NOTES[1]})
    assert refused.status_code == 403 and not _forbidden_in(refused.data)
    too_long = NOTES[0] * 2000
    refused = client.post(prefix + "/preview", json={"text": too_long})
    assert refused.status_code == 413 and not _forbidden_in(refused.data)
    refused = client.post(prefix + "/submit", json={"submission_key": "bad key!", "ideas": [NOTES[0]]})
    assert refused.status_code == 400 and not _forbidden_in(refused.data)
    # What the rapporteur's pages show afterwards is clean as well.
    for page in ("/capture/", "/capture/ideas", prefix):
        assert not _forbidden_in(client.get(page).data), page
    # ... and what the notes said is there for the rapporteur: the clean ideas were stored and are shown.
    shown = client.get("/capture/ideas").get_data(as_text=True)
    assert "five-year funding" in shown and "core funding" in shown and "fund shelters" in shown


def test_no_name_reaches_the_database_instance_files_or_logs(app, rapporteur_client, caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("werkzeug", "app", "sqlalchemy", "anonymizer"):
        caplog.set_level(logging.DEBUG, logger=name)

    _exercise_routes(app, rapporteur_client)

    leaks = _database_leaks(app)
    for folder, _, files in os.walk(app.instance_path):
        for filename in files:
            path = os.path.join(folder, filename)
            with open(path, "rb") as fh:
                found = _forbidden_in(fh.read())
            if found:
                leaks[path] = found
    log_text = "\n".join(
        f"{r.name} {r.levelname} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    found = _forbidden_in(log_text.encode("utf-8"))
    if found:
        leaks["log"] = found
    assert not leaks, f"raw names leaked: {leaks}"
    assert caplog.records, "the check must have seen the log output"


def _database_leaks(app) -> dict:
    """Forbidden strings in the stored database: the SQLite file's raw bytes (and journals), or on
    PostgreSQL every row of every table as text."""
    found = {where: _forbidden_in(blob) for where, blob in stored_blobs(app).items()}
    return {where: names for where, names in found.items() if names}


def test_the_leak_check_finds_a_raw_name_stored_behind_the_anonymizers_back(app):
    """The check on the real thing: an idea written straight to the database, not through the anonymizer,
    is found in the stored bytes; the clean text of the same idea is stored and not mistaken for a leak."""
    clean = "Shelters in the north need five-year funding."
    with app.app_context():
        conference = current_conference()
        session_id = db.session.scalar(select(Session.id).where(Session.title == "Themes"))
        group_id = db.session.scalar(select(BreakoutGroup.id).where(BreakoutGroup.label == "Group A"))
        for number, text in enumerate((clean, "Halldis Kowalczyk said " + clean.lower())):
            db.session.add(Idea(conference_id=conference.id, session_id=session_id, group_id=group_id,
                                text=text, submission_key=f"leak-check-{number}", position=number))
        db.session.commit()
    blobs = stored_blobs(app)
    assert any(clean.encode("utf-8") in blob for blob in blobs.values()), "the clean idea is stored"
    leaks = _database_leaks(app)
    assert leaks and all(names == ["Halldis Kowalczyk", "Kowalczyk"] for names in leaks.values()), leaks
