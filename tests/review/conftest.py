"""Fixtures for the review area: ideas stored the way capture stores them (no speaker, only
session and group), with theme suggestions attached by the real suggester."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import BreakoutGroup, Idea, IdeaStatus, Session, Theme
from app.services.conference import current_conference
from app.services.nlp.idea_themes import attach_suggestions


def add_idea(text: str, group: str = "Group A", session: str = "Themes", status: IdeaStatus = IdeaStatus.SUBMITTED,
             suggest: bool = True, lang: str = "en") -> Idea:
    """Store one idea in the current conference (inside an app context) and commit."""
    conference = current_conference()
    group_row = db.session.scalar(select(BreakoutGroup).where(BreakoutGroup.conference_id == conference.id,
                                                             BreakoutGroup.label == group))
    session_row = db.session.scalar(select(Session).where(Session.title == session))
    idea = Idea(conference_id=conference.id, session_id=session_row.id, group_id=group_row.id, text=text,
                lang=lang, status=status, submission_key=str(uuid.uuid4()), position=0)
    db.session.add(idea)
    db.session.flush()
    if suggest:
        attach_suggestions(conference, [idea])
    db.session.commit()
    return idea


def theme_id(code: str) -> int:
    """The id of a theme of the current conference."""
    return db.session.scalar(select(Theme.id).where(Theme.code == code))


@pytest.fixture
def sample(app):
    """A handful of ideas across days, sessions and groups; returns their ids by name."""
    with app.app_context():
        ids = {
            "funding": add_idea("Dedicated multi-year funding should go to grassroots women's organizations.",
                                group="Group A", session="Themes").id,
            "police": add_idea("Recruit and retain more women in police and peacekeeping contingents.",
                               group="Group B", session="Themes").id,
            "violence": add_idea("Prevent sexual and gender-based violence by training security forces.",
                                 group="Group C", session="Targets").id,
            "opening": add_idea("The plan should report progress every year in public.",
                                group="Plenary", session="Opening").id,
            "approved": add_idea("Budget lines for the plan must be visible in every department.",
                                 group="Group A", session="Indicators", status=IdeaStatus.APPROVED).id,
        }
    return ids


def confirm(idea_id: int, code: str) -> None:
    """Confirm a theme on an idea as the co-chair would, and commit."""
    from app.models import Idea, User
    from app.services import review

    cochair = db.session.scalar(select(User).where(User.username == "cochair"))
    review.confirm_theme(cochair, db.session.get(Idea, idea_id), db.session.get(Theme, theme_id(code)))
    db.session.commit()
