"""The words of one idea in the review queue, translated once per page instead of once per idea.

A queue page shows 100 ideas with some 30 labels each; looking each one up through the template's
gettext (Jinja's wrapper, Markup, %-formatting) cost about 10 ms a page once the pages became
bilingual. The labels are marked here (so `make i18n-extract` finds them), translated once per request
and language, and the templates fill in numbers with ``%``: ``{{ L.pick % {'number': idea.id} }}``.
"""
from __future__ import annotations

from flask import g
from flask_babel import get_locale, lazy_gettext

from app.review import bp

IDEA_LABELS = {
    "idea": lazy_gettext("idea %(number)s"),
    "pick": lazy_gettext("Pick idea %(number)s for a hand merge"),
    "day": lazy_gettext("Day %(number)s"),
    "reason_label": lazy_gettext("Reason:"),
    "part_of": lazy_gettext("Part of"),
    "proposal": lazy_gettext("proposal #%(number)s"),
    "themes": lazy_gettext("Themes"),
    "retired": lazy_gettext("retired"),
    "take_off": lazy_gettext("Take theme %(code)s off idea %(number)s"),
    "suggested": lazy_gettext("Suggested (click to confirm):"),
    "confirm_name": lazy_gettext("Confirm: %(name)s"),
    "confirm_theme": lazy_gettext("Confirm theme %(code)s for idea %(number)s"),
    "pending": lazy_gettext("Theme suggestions pending…"),
    "no_theme": lazy_gettext("No theme suggested."),
    "theme_for": lazy_gettext("Theme for idea %(number)s"),
    "choose": lazy_gettext("Choose a theme…"),
    "set_theme": lazy_gettext("Set theme"),
    "add_theme": lazy_gettext("Add theme"),
    "for_idea": lazy_gettext("for idea %(number)s"),
    "approve": lazy_gettext("Approve"),
    "back": lazy_gettext("Back to queue"),
    "edit": lazy_gettext("Edit"),
    "edit_label": lazy_gettext("Text (anonymized again when saved)"),
    "save_edit": lazy_gettext("Save edit"),
    "reject": lazy_gettext("Reject"),
    "reason": lazy_gettext("Reason"),
    "send_back": lazy_gettext("Send back"),
    "send_back_label": lazy_gettext("What should the rapporteur change?"),
    "send_back_button": lazy_gettext("Send back to rapporteur"),
}


@bp.app_template_global()
def review_idea_labels() -> dict[str, str]:
    """The queue's idea labels in the page's language, looked up once per request."""
    key = str(get_locale())
    cached = getattr(g, "review_idea_labels", None)
    if cached is None or cached[0] != key:
        cached = (key, {name: str(label) for name, label in IDEA_LABELS.items()})
        g.review_idea_labels = cached
    return cached[1]
