"""Same proposal, several groups: detect, accept, split, merge by hand, undo, "N of M groups"."""
from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Idea, Proposal

from job_support import run_jobs
from conftest import add_idea


def _three_groups_same_proposal(app) -> list[int]:
    with app.app_context():
        return [
            add_idea("Create a dedicated fund for women peacebuilders in conflict zones.", group="Group A").id,
            add_idea("Set up a dedicated fund for women peacebuilders working in conflict zones.",
                     group="Group B").id,
            add_idea("A dedicated fund for women peacebuilders in conflict-affected zones is needed.",
                     group="Group C", session="Targets").id,
        ]


def test_merge_by_hand_links_every_idea_and_shows_n_of_m_groups(app, cochair_client, sample):
    ids = [sample["funding"], sample["police"], sample["opening"]]
    response = cochair_client.post("/review/proposals/merge", data={"idea_ids": ", ".join(map(str, ids))},
                                   follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "made of 3 ideas" in page
    # The plenary is not a breakout group: A and B of A, B, C; two sessions (Themes, Opening).
    assert "raised by 2 of 3 groups, in 2 sessions" in page
    with app.app_context():
        proposal = db.session.scalar(select(Proposal).where(Proposal.status == "accepted"))
        assert sorted(i.id for i in proposal.ideas) == sorted(ids)
    dashboard = cochair_client.get("/review/").get_data(as_text=True)
    assert "raised by 2 of 3 groups" in dashboard


def test_undo_keeps_every_idea(app, cochair_client, sample):
    ids = [sample["funding"], sample["police"]]
    cochair_client.post("/review/proposals/merge", data={"idea_ids": [str(i) for i in ids]})
    with app.app_context():
        proposal_id = db.session.scalar(select(Proposal.id))
    cochair_client.post(f"/review/proposals/{proposal_id}/undo")
    with app.app_context():
        assert db.session.get(Proposal, proposal_id).status == "undone"
        for idea_id in ids:
            idea = db.session.get(Idea, idea_id)
            assert idea is not None and idea.proposal_id is None
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "proposal.undo")).detail["idea_ids"] == ids


def test_hand_merge_of_proposals_can_be_undone_back_to_them(app, cochair_client, sample):
    cochair_client.post("/review/proposals/merge", data={"idea_ids": f"{sample['funding']},{sample['police']}"})
    cochair_client.post("/review/proposals/merge", data={"idea_ids": f"{sample['violence']},{sample['opening']}"})
    with app.app_context():
        first, second = db.session.scalars(select(Proposal.id).order_by(Proposal.id)).all()
    cochair_client.post("/review/proposals/merge", data={"proposal_ids": f"{first},{second}"})
    with app.app_context():
        merged = db.session.scalar(select(Proposal).where(Proposal.status == "accepted"))
        assert len(merged.ideas) == 4
        merged_id = merged.id
    cochair_client.post(f"/review/proposals/{merged_id}/undo")
    with app.app_context():
        assert db.session.get(Idea, sample["funding"]).proposal_id == first
        assert db.session.get(Idea, sample["opening"]).proposal_id == second
        assert db.session.get(Proposal, first).status == "accepted"


def test_split_takes_ideas_out(app, cochair_client, sample):
    ids = [sample["funding"], sample["police"], sample["violence"]]
    cochair_client.post("/review/proposals/merge", data={"idea_ids": [str(i) for i in ids]})
    with app.app_context():
        proposal_id = db.session.scalar(select(Proposal.id))
    cochair_client.post(f"/review/proposals/{proposal_id}/split", data={"idea_ids": [str(sample["violence"])]})
    with app.app_context():
        proposal = db.session.get(Proposal, proposal_id)
        assert sorted(i.id for i in proposal.ideas) == sorted(ids[:2])
        assert db.session.get(Idea, sample["violence"]).proposal_id is None
    # Splitting one more leaves a single idea: the proposal dissolves, ideas kept.
    cochair_client.post(f"/review/proposals/{proposal_id}/split", data={"idea_ids": [str(sample["police"])]})
    with app.app_context():
        assert db.session.get(Proposal, proposal_id).status == "undone"
        assert db.session.scalars(select(Idea).where(Idea.id.in_(ids))).all().__len__() == 3


def test_merge_needs_two_ideas(cochair_client, sample):
    response = cochair_client.post("/review/proposals/merge", data={"idea_ids": str(sample["funding"])},
                                   follow_redirects=True)
    assert "at least two ideas" in response.get_data(as_text=True)


def test_detect_suggests_near_duplicates_from_different_groups_then_accept(app, cochair_client, sample):
    ids = _three_groups_same_proposal(app)
    response = cochair_client.post("/review/proposals/detect", follow_redirects=True)
    page = response.get_data(as_text=True)
    # The request only queues the detection; the page says so until the job worker has run.
    assert "Looking for the same proposal across groups" in page
    assert run_jobs(app) >= 1
    page = cochair_client.get("/review/proposals").get_data(as_text=True)
    assert "Looking for the same proposal across groups…" not in page
    with app.app_context():
        suggested = db.session.scalars(select(Proposal).where(Proposal.status == "suggested")).all()
        matching = [p for p in suggested if set(ids) <= {i.id for i in p.ideas}]
        assert matching, "the three paraphrases should be proposed as one proposal"
        proposal_id = matching[0].id
    assert "raised by 3 of 3 groups, in 2 sessions" in page
    cochair_client.post(f"/review/proposals/{proposal_id}/accept")
    with app.app_context():
        assert db.session.get(Proposal, proposal_id).status == "accepted"
    # Detecting again keeps accepted proposals as they are.
    cochair_client.post("/review/proposals/detect")
    run_jobs(app)
    with app.app_context():
        assert db.session.get(Proposal, proposal_id).status == "accepted"
        assert {i.proposal_id for i in map(lambda i: db.session.get(Idea, i), ids)} == {proposal_id}


def test_dismissed_suggestion_is_not_proposed_again(app, cochair_client, sample):
    _three_groups_same_proposal(app)
    cochair_client.post("/review/proposals/detect")
    run_jobs(app)
    with app.app_context():
        before = db.session.scalar(select(Proposal).where(Proposal.status == "suggested"))
        dismissed = {i.id for i in before.ideas}
        dismissed_id = before.id
    cochair_client.post(f"/review/proposals/{dismissed_id}/undo")
    cochair_client.post("/review/proposals/detect")
    run_jobs(app)
    with app.app_context():
        for proposal in db.session.scalars(select(Proposal).where(Proposal.status == "suggested")):
            assert not {i.id for i in proposal.ideas} <= dismissed
    # The dismissed ideas themselves stay in the co-chairs' queue, each on its own.
    queue = cochair_client.get("/review/queue").get_data(as_text=True)
    assert all(f'id="idea-{idea_id}"' in queue for idea_id in dismissed), dismissed


def test_idea_page_offers_similar_ideas_from_other_groups(app, cochair_client, sample):
    ids = _three_groups_same_proposal(app)
    page = cochair_client.get(f"/review/ideas/{ids[0]}").get_data(as_text=True)
    assert "Maybe the same proposal" in page
    assert f"#{ids[1]}</a>" in page
