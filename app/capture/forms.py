"""Capture forms (Flask-WTF: CSRF token included)."""
from __future__ import annotations

from flask_babel import format_number, gettext, lazy_gettext
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, ValidationError


class IdeaEditForm(FlaskForm):
    """Edit the text of one submitted or returned idea."""

    text = TextAreaField(lazy_gettext("Idea"), validators=[DataRequired(message=lazy_gettext("An idea cannot be empty."))])

    def __init__(self, *args, max_chars: int = 50_000, **kwargs):
        """max_chars: the configured note limit, applied to one idea too."""
        super().__init__(*args, **kwargs)
        self.max_chars = max_chars

    def validate_text(self, field) -> None:
        """Refuse an idea over the note limit, saying what the limit is."""
        if field.data and len(field.data) > self.max_chars:
            raise ValidationError(gettext("An idea can be at most %(limit)s characters long.",
                                          limit=format_number(self.max_chars)))
