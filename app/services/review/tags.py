"""Themes on ideas: confirm a suggestion, change to another theme, take one off."""
from __future__ import annotations

from typing import Optional

from flask_babel import gettext

from app.extensions import db
from app.models import Idea, IdeaTheme, Theme, User
from app.services import audit
from app.services.review.common import ReviewError, touch


def _usable_theme(theme: Optional[Theme], idea: Idea) -> Theme:
    if theme is None or theme.conference_id != idea.conference_id:
        raise ReviewError(gettext("That theme does not exist."))
    if theme.merged_into_id:
        theme = db.session.get(Theme, theme.merged_into_id)
    if theme.retired:
        raise ReviewError(gettext("Theme %(code)s is retired.", code=theme.code))
    return theme


def confirm_theme(user: User, idea: Idea, theme: Theme) -> IdeaTheme:
    """Confirm a theme on an idea (a suggestion or any other theme); an idea may carry several."""
    theme = _usable_theme(theme, idea)
    link = next((l for l in idea.themes if l.theme_id == theme.id), None)
    if link is None:
        link = IdeaTheme(idea_id=idea.id, theme_id=theme.id, confidence=1.0)
        idea.themes.append(link)
    link.theme = theme
    link.confirmed = True
    link.rank = 0
    touch(idea)
    audit.record(user, "idea.theme_confirm", "idea", idea.id, theme_id=theme.id)
    db.session.flush()
    # No model work here: the suggester learns confirmations when the job worker next uses it.
    return link


def change_theme(user: User, idea: Idea, theme: Theme) -> IdeaTheme:
    """One click to say "this theme, not the suggestions": confirm it and drop unconfirmed ones."""
    theme = _usable_theme(theme, idea)
    for link in list(idea.themes):
        if not link.confirmed and link.theme_id != theme.id:
            idea.themes.remove(link)
    return confirm_theme(user, idea, theme)


def remove_theme(user: User, idea: Idea, theme: Theme) -> None:
    """Take a theme off an idea (a wrong suggestion or a confirmation made in error)."""
    link = next((l for l in idea.themes if l.theme_id == theme.id), None)
    if link is None:
        return
    idea.themes.remove(link)
    touch(idea)
    audit.record(user, "idea.theme_remove", "idea", idea.id, theme_id=theme.id, was_confirmed=link.confirmed)


