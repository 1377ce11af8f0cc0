"""The invariant for what co-chairs type: names go in through the real routes, none is stored.

Theme names, descriptions and keywords (add, rename, promote), reject and send-back reasons,
an edited idea and a proposal title each carry roster names (the conftest roster, invented),
in several spellings, a phone number and an e-mail. Then the SQLite file and every file under
instance/ are searched for them, and what IS stored is checked to be the anonymized text.
"""
from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Idea, IdeaStatus, Proposal, Theme
from tests.export.export_seed import add_idea
from tests.stored_data import stored_blobs

FORBIDDEN = ["Odalys", "Verhaegen", "Teodor", "Brancusi", "Solvang", "Harbourlight", "613-555-0142",
             "odalys.v@example.org"]


def _forbidden_in(blob: bytes) -> list[str]:
    lowered = blob.lower()
    return [name for name in FORBIDDEN if name.lower().encode("utf-8") in lowered]


def _ideas(app) -> list[int]:
    with app.app_context():
        texts = ["Shelters need stable funding.", "Train more mediators.", "Publish the targets yearly.",
                 "Fund women's groups for several years.", "Report on the budget every year."]
        return [add_idea(text, "Themes", "Group A", ("PART",), status=IdeaStatus.SUBMITTED).id for text in texts]


def _type_names_everywhere(app, client) -> dict:
    ideas = _ideas(app)
    ok = (200, 302)
    assert client.post("/review/themes", data={
        "code": "PRIO", "name": "Priorities of Odalys Verhaegen",
        "description": "What teodor brancusi of the Harbourlight Women's Collective asked for.",
        "keywords": "verhaegen, stable funding, Marit Solvang"}).status_code in ok
    with app.app_context():
        theme_id = db.session.scalar(select(Theme.id).where(Theme.code == "PRIO"))
    assert client.post(f"/review/themes/{theme_id}/rename", data={
        "name": "Brancusi's priorities for funding", "description": "Ask Verhae\u00adgen (613-555-0142).",
        "keywords": "solvang, odalys.v@example.org, budget"}).status_code in ok
    assert client.post("/review/themes/promote", data={
        "code": "EMRG", "name": "Ideas Marit Solvang raised", "keywords": "brancusi, mediation",
        "description": "From the HARBOURLIGHT WOMEN'S COLLECTIVE table.", "idea_ids": [ideas[4]]}).status_code in ok
    assert client.post(f"/review/ideas/{ideas[0]}/reject", data={"reason": "ask Odalys Verhaegen"}).status_code in ok
    assert client.post(f"/review/ideas/{ideas[1]}/return",
                       data={"reason": "Teodor Brancusi will call you at 613-555-0142"}).status_code in ok
    assert client.post(f"/review/ideas/{ideas[2]}/edit",
                       data={"text": "marit solvang wants the targets published yearly."}).status_code in ok
    assert client.post("/review/proposals/merge", data={
        "idea_ids": [ideas[2], ideas[3]], "title": "Verhaegen and Brancusi's funding proposal"}).status_code in ok
    return {"theme": theme_id, "ideas": ideas}


def _leaks(app) -> dict:
    found = {where: _forbidden_in(blob) for where, blob in stored_blobs(app, include_instance=True).items()}
    return {where: names for where, names in found.items() if names}


def test_no_name_a_cochair_types_is_stored(app, cochair_client):
    made = _type_names_everywhere(app, cochair_client)
    with app.app_context():
        theme = db.session.get(Theme, made["theme"])
        emerging = db.session.scalar(select(Theme).where(Theme.code == "EMRG"))
        ideas = [db.session.get(Idea, i) for i in made["ideas"]]
        proposal = db.session.scalar(select(Proposal).order_by(Proposal.id.desc()))
        audit = list(db.session.scalars(select(AuditEvent)))
        # The positive: the anonymized text IS what is stored.
        assert theme.name.startswith("[") and theme.name.endswith("'s priorities for funding"), theme.name
        assert theme.description.endswith("([Contact]).") and "\u00ad" not in theme.description
        assert "budget" in theme.keywords
        assert emerging.name == "Ideas [Participant 1] raised", emerging.name  # the name goes, the words stay
        assert "mediation" in emerging.keywords
        assert ideas[0].status == IdeaStatus.REJECTED and ideas[0].review_note.startswith("ask [")
        assert ideas[1].status == IdeaStatus.RETURNED and "will call you at [" in ideas[1].review_note
        assert ideas[2].text.endswith("wants the targets published yearly.") and ideas[2].text.startswith("[")
        assert proposal.title.endswith("funding proposal") and "[" in proposal.title
        renames = [e for e in audit if e.action == "theme.rename"]
        assert renames and renames[0].detail["name"] == theme.name
        assert all(not _forbidden_in(str(e.detail).encode()) for e in audit)
    assert _leaks(app) == {}


def test_the_search_would_find_a_stored_name(app):
    """The checker itself: a name stored in clear is found in the database file."""
    with app.app_context():
        add_idea("Odalys wrote this.", "Themes", "Group A")
    assert any("Odalys" in found for found in _leaks(app).values())
