"""Theme suggestions attached as ideas arrive: ranked, with confidence, confirmed themes kept,
one suggester per conference rebuilt only when the codebook changes."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import BreakoutGroup, Idea, IdeaTheme, Session, Theme, User
from app.services import review
from app.services.nlp import idea_themes
from app.services.conference import current_conference


def _idea(text: str, group: str = "Group A") -> Idea:
    conference = current_conference()
    idea = Idea(conference_id=conference.id,
                session_id=db.session.scalar(select(Session.id).where(Session.title == "Themes")),
                group_id=db.session.scalar(select(BreakoutGroup.id).where(BreakoutGroup.label == group)),
                text=text, submission_key=str(uuid.uuid4()), position=0)
    db.session.add(idea)
    db.session.flush()
    return idea


def test_new_ideas_get_ranked_suggestions_with_confidence(app):
    with app.app_context():
        conference = current_conference()
        funding = _idea("Increase the budget and long-term funding for women's organizations.")
        leaders = _idea("Women's leadership and participation in peace talks must grow.")
        idea_themes.attach_suggestions(conference, [funding, leaders])
        db.session.commit()
        for idea, expected in ((funding, "RES"), (leaders, "PART")):
            links = sorted(db.session.get(Idea, idea.id).themes, key=lambda l: l.rank)
            assert 1 <= len(links) <= idea_themes.SUGGESTIONS_PER_IDEA
            assert [l.rank for l in links] == list(range(1, len(links) + 1))
            assert links[0].theme.code == expected
            confidences = [l.confidence for l in links]
            assert confidences == sorted(confidences, reverse=True)
            assert all(0.0 <= c <= 1.0 for c in confidences)
            assert not any(l.confirmed for l in links)


def test_reranking_keeps_confirmed_themes(app):
    with app.app_context():
        conference = current_conference()
        cochair = db.session.scalar(select(User).where(User.username == "cochair"))
        idea = _idea("Increase the budget and long-term funding for women's organizations.")
        idea_themes.attach_suggestions(conference, [idea])
        prev = db.session.scalar(select(Theme).where(Theme.code == "PREV"))
        review.confirm_theme(cochair, idea, prev)
        db.session.commit()
        idea_themes.attach_suggestions(conference, [idea])
        db.session.commit()
        links = db.session.get(Idea, idea.id).themes
        assert [(l.theme.code, l.rank) for l in links if l.confirmed] == [("PREV", 0)]
        assert len({l.theme_id for l in links}) == len(links)


def test_suggester_is_cached_and_rebuilt_when_the_codebook_changes(app):
    with app.app_context():
        conference = current_conference()
        first = idea_themes.suggester_for(conference)
        assert idea_themes.suggester_for(conference) is first
        cochair = db.session.scalar(select(User).where(User.username == "cochair"))
        review.add_theme(cochair, conference, "CLIM", "Climate change and security",
                         "Droughts, floods and climate shocks that drive conflict.", "climate, drought, flood")
        db.session.commit()
        rebuilt = idea_themes.suggester_for(conference)
        assert rebuilt is not first
        idea = _idea("Climate shocks such as drought and floods fuel conflict over land.")
        idea_themes.attach_suggestions(conference, [idea])
        assert "CLIM" in [l.theme.code for l in idea.themes]


def test_retired_themes_are_not_suggested(app):
    with app.app_context():
        conference = current_conference()
        cochair = db.session.scalar(select(User).where(User.username == "cochair"))
        review.retire_theme(cochair, db.session.scalar(select(Theme).where(Theme.code == "RES")))
        idea = _idea("Increase the budget and long-term funding for women's organizations.")
        idea_themes.attach_suggestions(conference, [idea])
        assert "RES" not in [l.theme.code for l in idea.themes]
        # The idea still gets its suggestions, from the themes still in the codebook.
        assert 1 <= len(idea.themes) <= idea_themes.SUGGESTIONS_PER_IDEA
        assert {l.theme.code for l in idea.themes} <= {"PART", "PREV"}


def test_no_themes_means_no_suggestions(app):
    with app.app_context():
        conference = current_conference()
        for theme in conference.themes:
            theme.retired = True
        idea = _idea("Anything at all.")
        idea_themes.attach_suggestions(conference, [idea])
        assert db.session.scalars(select(IdeaTheme)).all() == []
        assert db.session.get(Idea, idea.id).text == "Anything at all."  # the idea itself is kept, unthemed
