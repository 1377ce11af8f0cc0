"""The review service: proposals' reach, merges and undo, theme merges, dashboard figures."""
from __future__ import annotations

import uuid

from sqlalchemy import select

from app.extensions import db
from app.models import BreakoutGroup, Idea, IdeaStatus, IdeaTheme, Session, Theme, User
from app.services import review
from app.services.conference import current_conference


def _idea(text: str, group: str, session: str = "Themes", status: IdeaStatus = IdeaStatus.SUBMITTED) -> Idea:
    conference = current_conference()
    idea = Idea(conference_id=conference.id,
                session_id=db.session.scalar(select(Session.id).where(Session.title == session)),
                group_id=db.session.scalar(select(BreakoutGroup.id).where(BreakoutGroup.label == group)),
                text=text, status=status, submission_key=str(uuid.uuid4()), position=0)
    db.session.add(idea)
    db.session.flush()
    return idea


def _cochair() -> User:
    return db.session.scalar(select(User).where(User.username == "cochair"))


def test_reach_counts_breakout_groups_of_the_conference_and_sessions(app):
    with app.app_context():
        conference = current_conference()
        ideas = [_idea("one", "Group A"), _idea("two", "Group A", "Targets"), _idea("three", "Group C"),
                 _idea("four", "Plenary", "Opening")]
        proposal = review.merge_by_hand(_cochair(), conference, [i.id for i in ideas])
        reach = review.reach(proposal, review.plenary_free_group_count(conference))
        assert (reach.groups, reach.of_groups, reach.sessions) == (2, 3, 3)
        assert reach.text == "raised by 2 of 3 groups, in 3 sessions"
        assert reach.group_labels == ["Group A", "Group C"]


def test_undo_restores_folded_proposals_and_loses_no_idea(app):
    with app.app_context():
        conference = current_conference()
        a, b, c, d = (_idea(t, g) for t, g in (("a", "Group A"), ("b", "Group B"), ("c", "Group C"), ("d", "Group A")))
        first = review.merge_by_hand(_cochair(), conference, [a.id, b.id])
        second = review.merge_by_hand(_cochair(), conference, [c.id, d.id])
        both = review.merge_by_hand(_cochair(), conference, [a.id], proposal_ids=[second.id])
        assert {i.id for i in both.ideas} == {a.id, b.id, c.id, d.id}
        assert first.status == second.status == "merged"
        review.undo_proposal(_cochair(), both)
        db.session.commit()
        assert {i.id for i in first.ideas} == {a.id, b.id}
        assert {i.id for i in second.ideas} == {c.id, d.id}
        assert both.status == "undone" and both.ideas == []
        assert db.session.scalar(select(db.func.count(Idea.id))) == 4


def test_split_off_two_ideas_makes_a_new_proposal(app):
    with app.app_context():
        conference = current_conference()
        ideas = [_idea(t, g) for t, g in (("a", "Group A"), ("b", "Group B"), ("c", "Group C"), ("d", "Group A"))]
        proposal = review.merge_by_hand(_cochair(), conference, [i.id for i in ideas])
        new = review.split_proposal(_cochair(), proposal, [ideas[2].id, ideas[3].id])
        assert {i.id for i in new.ideas} == {ideas[2].id, ideas[3].id}
        assert {i.id for i in proposal.ideas} == {ideas[0].id, ideas[1].id}
        assert proposal.status == "accepted"


def test_merge_themes_keeps_one_link_per_idea(app):
    with app.app_context():
        prev = db.session.scalar(select(Theme).where(Theme.code == "PREV"))
        res = db.session.scalar(select(Theme).where(Theme.code == "RES"))
        both = _idea("both", "Group A")
        only_prev = _idea("prev", "Group B")
        db.session.add_all([
            IdeaTheme(idea_id=both.id, theme_id=prev.id, rank=0, confidence=1.0, confirmed=True),
            IdeaTheme(idea_id=both.id, theme_id=res.id, rank=2, confidence=0.4, confirmed=False),
            IdeaTheme(idea_id=only_prev.id, theme_id=prev.id, rank=1, confidence=0.7, confirmed=False),
        ])
        db.session.flush()
        moved = review.merge_themes(_cochair(), prev, res)
        db.session.commit()
        assert moved == 2
        links = db.session.scalars(select(IdeaTheme).where(IdeaTheme.idea_id == both.id)).all()
        assert [(l.theme_id, l.confirmed, l.rank, l.confidence) for l in links] == [(res.id, True, 0, 1.0)]
        assert db.session.scalar(select(IdeaTheme.theme_id).where(IdeaTheme.idea_id == only_prev.id)) == res.id


def test_theme_counts_and_reporting_leave_out_rejected_ideas(app):
    with app.app_context():
        conference = current_conference()
        res = db.session.scalar(select(Theme).where(Theme.code == "RES"))
        kept = _idea("kept", "Group A")
        dropped = _idea("dropped", "Group B", status=IdeaStatus.REJECTED)
        for idea in (kept, dropped):
            db.session.add(IdeaTheme(idea_id=idea.id, theme_id=res.id, rank=1, confidence=0.8))
        db.session.commit()
        counts = {c.theme.code: (c.total, c.confirmed) for c in review.theme_counts(conference)}
        assert counts["RES"] == (1, 0) and counts["PART"] == (0, 0)
        groups, rows = review.reporting(conference)
        themes_row = next(r for r in rows if r.session.title == "Themes")
        by_group = {g.label: c.count for g, c in zip(groups, themes_row.cells)}
        assert by_group == {"Group A": 1, "Group B": 1, "Group C": 0, "Plenary": None}
        assert themes_row.cells[2].silent


def test_queue_filters_from_query_arguments():
    filters = review.QueueFilters.from_args({"day": "2", "group": "x", "status": "nope", "theme": ""})
    assert filters == review.QueueFilters(day_id=2, status="submitted")
    assert filters.as_args() == {"day": 2, "status": "submitted"}
