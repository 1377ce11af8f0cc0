"""The review queue: decisions through the real routes, filters, the live poll, the audit trail."""
from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Idea, IdeaStatus

from conftest import add_idea, confirm, theme_id


def _audit_actions(idea_id: int) -> list[str]:
    return list(db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.target_type == "idea", AuditEvent.target_id == idea_id)
        .order_by(AuditEvent.id)))


def test_queue_shows_waiting_ideas_with_session_group_and_ranked_themes(cochair_client, sample):
    page = cochair_client.get("/review/queue").get_data(as_text=True)
    assert "grassroots women&#39;s organizations" in page
    assert "Group B" in page and "Day 1 · Themes" in page
    # Approved ideas are not waiting for review.
    assert "visible in every department" not in page
    # Each idea carries ranked theme suggestions with a confidence, one click to confirm.
    assert "/themes/confirm" in page and "%</span>" in page
    assert 'data-poll-url="/review/queue.json' in page
    assert "<script src=\"/static/review.js\"" in page


def test_approve_records_an_audit_event(app, cochair_client, sample):
    response = cochair_client.post(f"/review/ideas/{sample['funding']}/approve", follow_redirects=True)
    assert f"Idea #{sample['funding']} approved." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Idea, sample["funding"]).status is IdeaStatus.APPROVED
        assert _audit_actions(sample["funding"]) == ["idea.approve"]
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "idea.approve"))
        assert event.user.username == "cochair"
        assert "grassroots" not in str(event.detail)


def test_reject_needs_a_reason_and_stores_it_anonymized(app, cochair_client, sample):
    idea_id = sample["police"]
    response = cochair_client.post(f"/review/ideas/{idea_id}/reject", data={"reason": "  "}, follow_redirects=True)
    assert "Give a reason" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Idea, idea_id).status is IdeaStatus.SUBMITTED
    cochair_client.post(f"/review/ideas/{idea_id}/reject",
                        data={"reason": "Off topic, as Odalys Verhaegen pointed out"})
    with app.app_context():
        idea = db.session.get(Idea, idea_id)
        assert idea.status is IdeaStatus.REJECTED
        assert "Off topic" in idea.review_note
        assert "Odalys" not in idea.review_note and "Verhaegen" not in idea.review_note
        assert _audit_actions(idea_id) == ["idea.reject"]


def test_send_back_to_rapporteur(app, cochair_client, sample):
    idea_id = sample["violence"]
    cochair_client.post(f"/review/ideas/{idea_id}/return", data={"reason": "Two ideas in one: split them."})
    with app.app_context():
        idea = db.session.get(Idea, idea_id)
        assert idea.status is IdeaStatus.RETURNED and idea.review_note == "Two ideas in one: split them."
        assert _audit_actions(idea_id) == ["idea.return"]
    page = cochair_client.get("/review/queue?status=returned").get_data(as_text=True)
    assert "Two ideas in one" in page


def test_edit_is_anonymized_again_before_it_is_stored(app, cochair_client, sample):
    idea_id = sample["funding"]
    response = cochair_client.post(f"/review/ideas/{idea_id}/edit", data={
        "text": "Odalys Verhaegen from Harbourlight Women's Collective said funding for shelters must be multi-year."})
    assert response.status_code == 302
    with app.app_context():
        text = db.session.get(Idea, idea_id).text
        assert "Odalys" not in text and "Verhaegen" not in text and "Harbourlight" not in text
        assert "shelters" in text and "multi-year" in text
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "idea.edit"))
        assert event.detail["removed"] + event.detail["flagged"] >= 1
        assert "Odalys" not in str(event.detail)


def test_decisions_answer_json_with_the_rerendered_idea(cochair_client, sample):
    response = cochair_client.post(f"/review/ideas/{sample['police']}/approve",
                                   headers={"Accept": "application/json"})
    data = response.get_json()
    assert data["ok"] and data["status"] == "approved"
    assert f'id="idea-{sample["police"]}"' in data["html"] and "status-is-approved" in data["html"]
    missing = cochair_client.post(f"/review/ideas/{sample['police']}/reject", data={"reason": ""},
                                  headers={"Accept": "application/json"})
    assert missing.status_code == 400 and "reason" in missing.get_json()["error"]


def test_filters_by_day_session_group_theme_and_status(app, cochair_client, sample):
    def shown(query: str) -> set[int]:
        page = cochair_client.get("/review/queue" + query).get_data(as_text=True)
        return {i for i in sample.values() if f'id="idea-{i}"' in page}

    with app.app_context():
        from app.models import ConferenceDay, Session, BreakoutGroup
        day2 = db.session.scalar(select(ConferenceDay.id).where(ConferenceDay.number == 2))
        targets = db.session.scalar(select(Session.id).where(Session.title == "Targets"))
        group_b = db.session.scalar(select(BreakoutGroup.id).where(BreakoutGroup.label == "Group B"))
        res = theme_id("RES")
        # Confirm RES on the funding idea: a confirmed theme always counts for the theme filter.
        confirm(sample["funding"], "RES")
    waiting = {sample["funding"], sample["police"], sample["violence"], sample["opening"]}
    assert shown("") == waiting
    assert shown(f"?day={day2}") == {sample["violence"]}
    assert shown(f"?day={day2}&status=all") == {sample["violence"], sample["approved"]}
    assert shown(f"?session={targets}") == {sample["violence"]}
    assert shown(f"?group={group_b}") == {sample["police"]}
    assert sample["funding"] in shown(f"?theme={res}")
    assert shown("?status=approved") == {sample["approved"]}
    assert shown("?status=all") == set(sample.values())
    # Nonsense filters are ignored rather than an error.
    assert cochair_client.get("/review/queue?day=x&status=bogus").status_code == 200


def test_poll_returns_only_ideas_newer_than_the_cursor(app, cochair_client, sample):
    first = cochair_client.get("/review/queue.json?since=0").get_json()
    assert {item["id"] for item in first["items"]} == {sample["funding"], sample["police"], sample["violence"],
                                                       sample["opening"]}
    cursor = first["cursor"]
    assert cochair_client.get(f"/review/queue.json?since={cursor}").get_json()["items"] == []
    with app.app_context():
        new_id = add_idea("Fund community-based early warning networks led by women.", group="Group C").id
    polled = cochair_client.get(f"/review/queue.json?since={cursor}").get_json()
    assert [item["id"] for item in polled["items"]] == [new_id]
    assert "early warning networks" in polled["items"][0]["html"]
    assert polled["cursor"] == new_id
    # The poll honours the filters: a Group C idea is not news for a Group A view.
    with app.app_context():
        from app.models import BreakoutGroup
        group_a = db.session.scalar(select(BreakoutGroup.id).where(BreakoutGroup.label == "Group A"))
    filtered = cochair_client.get(f"/review/queue.json?since={cursor}&group={group_a}").get_json()
    assert filtered["items"] == [] and filtered["cursor"] == new_id


def test_poll_reports_ideas_another_cochair_decided(app, cochair_client, sample):
    first = cochair_client.get("/review/queue.json?since=0").get_json()
    cochair_client.post(f"/review/ideas/{sample['police']}/approve")
    polled = cochair_client.get("/review/queue.json", query_string={"since": first["cursor"], "at": first["at"]}).get_json()
    changed = {item["id"]: item for item in polled["changed"]}
    assert changed[sample["police"]]["status"] == "approved"
    assert changed[sample["police"]]["matches"] is False  # no longer waiting: the page greys it out


def test_confirm_change_and_remove_themes_in_one_click(app, cochair_client, sample):
    idea_id = sample["violence"]
    with app.app_context():
        prev, res, part = theme_id("PREV"), theme_id("RES"), theme_id("PART")
    cochair_client.post(f"/review/ideas/{idea_id}/themes/confirm", data={"theme_id": prev})
    cochair_client.post(f"/review/ideas/{idea_id}/themes/confirm", data={"theme_id": res})
    with app.app_context():
        confirmed = {l.theme.code for l in db.session.get(Idea, idea_id).themes if l.confirmed}
        assert confirmed == {"PREV", "RES"}  # several themes per idea
    cochair_client.post(f"/review/ideas/{idea_id}/themes/remove", data={"theme_id": res})
    with app.app_context():
        assert {l.theme.code for l in db.session.get(Idea, idea_id).themes if l.confirmed} == {"PREV"}
    # "Set theme" replaces the unconfirmed suggestions with the chosen theme.
    other = sample["police"]
    cochair_client.post(f"/review/ideas/{other}/themes/change", data={"theme_id": part})
    with app.app_context():
        links = db.session.get(Idea, other).themes
        assert [(l.theme.code, l.confirmed) for l in links] == [("PART", True)]
        actions = _audit_actions(other)
        assert actions == ["idea.theme_confirm"]
    bad = cochair_client.post(f"/review/ideas/{other}/themes/confirm", data={"theme_id": 99999},
                              headers={"Accept": "application/json"})
    assert bad.status_code == 400


def test_reopen_puts_a_decided_idea_back(app, cochair_client, sample):
    cochair_client.post(f"/review/ideas/{sample['approved']}/reopen")
    with app.app_context():
        assert db.session.get(Idea, sample["approved"]).status is IdeaStatus.SUBMITTED


def test_unknown_idea_is_404(cochair_client, sample):
    assert cochair_client.post("/review/ideas/99999/approve").status_code == 404


def test_csrf_is_required_for_decisions(app, cochair_client, sample):
    app.config["WTF_CSRF_ENABLED"] = True
    response = cochair_client.post(f"/review/ideas/{sample['funding']}/approve")
    assert response.status_code == 400
    with app.app_context():
        assert db.session.get(Idea, sample["funding"]).status is IdeaStatus.SUBMITTED


def test_each_idea_shows_its_kind_and_confirmed_support(app, cochair_client):
    from conftest import add_idea

    with app.app_context():
        proposal = add_idea("An independent ombudsperson for the plan.", suggest=False)
        proposal.kind, proposal.support = "proposal", 4
        action = add_idea("Each department publishes its plan spending every year.", group="Group B", suggest=False)
        action.kind = "commitment"
        plain = add_idea("The plan should report progress in public.", group="Group C", suggest=False)
        db.session.commit()
        ids = (proposal.id, action.id, plain.id)
    page = cochair_client.get("/review/queue").get_data(as_text=True)

    def header(idea_id: int) -> str:
        return page.split(f'id="idea-{idea_id}"')[1].split("</header>")[0]

    assert '<span class="review-idea-kind">proposal</span>' in header(ids[0])
    assert "supported by 4 in the room" in header(ids[0])
    assert '<span class="review-idea-kind">commitment or action</span>' in header(ids[1])
    assert "supported by" not in header(ids[1])  # no count confirmed: nothing claimed
    assert "review-idea-kind" not in header(ids[2])
    french = cochair_client.get("/review/queue?lang=fr").get_data(as_text=True)
    first = french.split(f'id="idea-{ids[0]}"')[1].split("</header>")[0]
    assert '<span class="review-idea-kind">proposition</span>' in first
    assert "appuyée par 4 personnes dans la salle" in first
