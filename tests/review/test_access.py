"""Only co-chairs (and administrators) review; no page shows who said or typed anything."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Assignment, BreakoutGroup, Role
from app.services.accounts import create_user

from conftest import add_idea

PAGES = ["/review/", "/review/queue", "/review/queue.json", "/review/themes", "/review/proposals"]
POSTS = ["/review/ideas/{id}/approve", "/review/proposals/detect", "/review/themes", "/review/themes/1/retire",
         "/review/themes/1/merge", "/review/themes/changes/1/undo"]


@pytest.mark.parametrize("role_client", ["rapporteur_client", "drafter_client"])
def test_rapporteurs_and_drafters_get_403(request, sample, role_client):
    client = request.getfixturevalue(role_client)
    for url in PAGES + [f"/review/ideas/{sample['funding']}", "/review/themes/1/retire",
                        "/review/themes/1/merge?into=2"]:
        assert client.get(url).status_code == 403, url
    for url in POSTS:
        assert client.post(url.format(id=sample["funding"])).status_code == 403, url


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/review/queue")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_administrators_may_review(admin_client, sample):
    assert admin_client.get("/review/queue").status_code == 200


def test_no_review_page_names_the_rapporteur_or_a_participant(app, cochair_client):
    with app.app_context():
        rapporteur = create_user("quillon-marsh", "correct-horse-battery", Role.RAPPORTEUR)
        group_b = db.session.scalar(select(BreakoutGroup).where(BreakoutGroup.label == "Group B"))
        db.session.add(Assignment(user_id=rapporteur.id, group_id=group_b.id))
        db.session.commit()
        idea = add_idea("Fund shelters in rural and remote communities for the long term.", group="Group B")
        idea_id = idea.id
    cochair_client.post("/review/proposals/merge", data={"idea_ids": f"{idea_id}"})
    for url in PAGES + [f"/review/ideas/{idea_id}", "/review/queue?status=all"]:
        page = cochair_client.get(url).get_data(as_text=True)
        assert "quillon" not in page.lower(), url
        for name in ("Odalys", "Verhaegen", "Teodor", "Brancusi", "Marit", "Solvang", "Harbourlight"):
            assert name not in page, url
    assert "Group B" in cochair_client.get("/review/queue").get_data(as_text=True)
    # What the co-chairs do see: the idea itself.
    assert "Fund shelters in rural and remote communities" in cochair_client.get(
        f"/review/ideas/{idea_id}").get_data(as_text=True)
