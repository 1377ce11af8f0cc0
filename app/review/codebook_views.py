"""Codebook views: the theme codebook page, adding and renaming themes, promoting a cluster, and the
merges and retirements a co-chair confirms first and can undo for a while."""
from __future__ import annotations

from typing import Optional

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user

from app.extensions import db
from app.inputs import db_id
from app.models import Conference, Role, Theme, ThemeKind
from app.review import bp
from app.review.helpers import conference_clock, conference_or_404, ids, next_url, settings
from app.security import role_required
from app.services.conference import current_conference
from app.services.french_names import set_theme_french
from app.services.nlp.embedding import uses_fallback
from app.services.nlp.idea_themes import active_themes
from app.services.nlp.clustering import candidates_pending, emerging_candidates
from app.services.review import codebook_changes as changes
from app.services.review import theme_undo
from app.services.review.common import ReviewError, get_theme
from app.services.review.dashboard import theme_counts
from app.services.typed_text import clean_keywords, clean_typed


@bp.get("/themes")
@role_required(Role.COCHAIR)
def themes():
    """The theme codebook, recent changes that can be undone, and the candidate emerging themes."""
    conference = current_conference()
    if conference is None:
        return render_template("review/no_conference.html")
    counts = {c.theme.id: c for c in theme_counts(conference)}
    return render_template("review/themes.html", conference=conference,
                           codebook=changes.codebook_sections(conference), counts=counts,
                           candidates=emerging_candidates(conference),
                           candidates_pending=candidates_pending(conference),
                           undoable=theme_undo.undoable_changes(conference), undo_until=theme_undo.undo_until,
                           theme_options=active_themes(conference), theme_model_fallback=uses_fallback())


def _codebook_done(conference: Conference, message: str, refresh: bool = True):
    if refresh:
        changes.refresh_suggestions(conference)
    db.session.commit()
    flash(message, "success")
    return redirect(next_url(url_for("review.themes")))


def _clean_theme_fields(conference: Conference, form) -> tuple[str, Optional[str], Optional[str]]:
    """A theme's name, description and keywords anonymized before they are stored (None: not sent)."""
    anonymizer_settings = settings()
    description, keywords = form.get("description"), form.get("keywords")
    return (clean_typed(form.get("name", ""), conference, anonymizer_settings),
            None if description is None else clean_typed(description, conference, anonymizer_settings),
            None if keywords is None else clean_keywords(keywords, conference, anonymizer_settings))


def _theme_or_404(conference: Conference, theme_id: int) -> Theme:
    theme = get_theme(conference, theme_id)
    if theme is None:
        abort(404)
    return theme


@bp.post("/themes")
@role_required(Role.COCHAIR)
def add_theme():
    """Add a theme to the codebook."""
    conference = conference_or_404()
    form = request.form
    try:
        kind = ThemeKind(form.get("kind", "principal"))
    except ValueError:
        kind = ThemeKind.PRINCIPAL
    name, description, keywords = _clean_theme_fields(conference, form)
    theme = changes.add_theme(current_user, conference, form.get("code", ""), name, description or "",
                              keywords or "", kind)
    return _codebook_done(conference, gettext("Theme %(code)s added.", code=theme.code))


@bp.post("/themes/<int:theme_id>/rename")
@role_required(Role.COCHAIR)
def rename_theme(theme_id: int):
    """Rename a theme (and change its description and keywords)."""
    conference = conference_or_404()
    theme = _theme_or_404(conference, theme_id)
    changes.update_theme(current_user, theme, *_clean_theme_fields(conference, request.form))
    set_theme_french(theme, request.form.get("name_fr"), request.form.get("description_fr"))
    return _codebook_done(conference, gettext("Theme %(code)s updated.", code=theme.code))


def _merge_target(conference: Conference, source: Theme) -> Theme:
    target = get_theme(conference, request.values.get("into", type=db_id))
    if target is None:
        raise ReviewError(gettext("Choose the theme to merge into."))
    if target.id == source.id:
        raise ReviewError(gettext("Choose two different themes to merge."))
    return target


def _undo_note(conference: Conference) -> str:
    change = theme_undo.undoable_changes(conference)[0]
    return gettext("You can undo this on the codebook page until %(time)s.",
                   time=conference_clock(theme_undo.undo_until(change)))


@bp.route("/themes/<int:theme_id>/merge", methods=["GET", "POST"])
@role_required(Role.COCHAIR)
def merge_theme(theme_id: int):
    """Merge a theme into another, once the co-chair confirmed what will move (GET shows the question)."""
    conference = conference_or_404()
    source = _theme_or_404(conference, theme_id)
    target = _merge_target(conference, source)
    if request.method == "GET" or request.form.get("confirm") != "yes":
        return render_template("review/confirm_theme_change.html", action="merge", theme=source, target=target,
                               ideas=changes.merge_preview(source))
    moved = changes.merge_themes(current_user, source, target)
    db.session.flush()
    message = ngettext("Theme %(source)s merged into %(target)s; %(num)d idea link moved.",
                       "Theme %(source)s merged into %(target)s; %(num)d idea links moved.", moved,
                       source=source.code, target=target.code)
    return _codebook_done(conference, message + " " + _undo_note(conference))


@bp.route("/themes/<int:theme_id>/retire", methods=["GET", "POST"])
@role_required(Role.COCHAIR)
def retire_theme(theme_id: int):
    """Retire a theme, once the co-chair confirmed (GET shows the question)."""
    conference = conference_or_404()
    theme = _theme_or_404(conference, theme_id)
    if request.method == "GET" or request.form.get("confirm") != "yes":
        return render_template("review/confirm_theme_change.html", action="retire", theme=theme, target=None,
                               ideas=changes.merge_preview(theme))
    changes.retire_theme(current_user, theme)
    db.session.flush()
    return _codebook_done(conference, gettext("Theme %(code)s retired.", code=theme.code) + " "
                          + _undo_note(conference))


@bp.post("/themes/changes/<int:change_id>/undo")
@role_required(Role.COCHAIR)
def undo_theme_change(change_id: int):
    """Undo a recent merge or retirement: the theme and exactly the idea links it moved come back."""
    conference = conference_or_404()
    change = theme_undo.get_change(conference, change_id)
    if change is None:
        abort(404)
    restored = theme_undo.undo_change(current_user, change)
    return _codebook_done(conference, ngettext(
        "Theme %(code)s is back, with %(num)d idea link.", "Theme %(code)s is back, with %(num)d idea links.",
        restored, code=change.theme.code))


@bp.post("/themes/<int:theme_id>/restore")
@role_required(Role.COCHAIR)
def restore_theme(theme_id: int):
    """Bring a retired theme back."""
    conference = conference_or_404()
    theme = _theme_or_404(conference, theme_id)
    changes.restore_theme(current_user, theme)
    return _codebook_done(conference, gettext("Theme %(code)s restored.", code=theme.code))


@bp.post("/themes/promote")
@role_required(Role.COCHAIR)
def promote_theme():
    """Promote a candidate cluster into the codebook as an emerging theme."""
    conference = conference_or_404()
    form = request.form
    name, description, keywords = _clean_theme_fields(conference, form)
    theme = changes.promote_candidate(current_user, conference, form.get("code", ""), name, keywords or "",
                                      ids(form.getlist("idea_ids")), description or "")
    return _codebook_done(conference, ngettext(
        "Emerging theme %(code)s added, on %(num)d idea.", "Emerging theme %(code)s added, on %(num)d ideas.",
        len(form.getlist("idea_ids")), code=theme.code))
