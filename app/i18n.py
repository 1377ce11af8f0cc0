"""Interface language: which locale a request gets, the EN | FR switch, and helpers for templates.

Order of choice (issue 13): the signed-in user's saved preference, else ``?lang=`` (remembered in the
session), else the browser's ``Accept-Language``, else the conference default ``DEFAULT_LOCALE``.
The JavaScript reads its messages from a JSON block the base template renders: the messages are
found by Babel's own extractor in the scripts' ``t("…")`` / ``tn("…", "…", n)`` calls, so a string is
written once, in the script, and translated in the one French catalogue.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Optional
from urllib.parse import urlencode, urlsplit

from flask import Blueprint, Flask, current_app, has_request_context, redirect, request, session, url_for
from flask_babel import get_locale, get_translations, gettext, lazy_gettext, ngettext
from flask_login import current_user
from jinja2 import pass_context

from app.extensions import babel, db
from app.services.reason_words import reason_words

bp = Blueprint("i18n", __name__)

SESSION_KEY = "lang"
STATIC_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
SCRIPTS = ("capture.js", "review.js")
# BCP 47 tags for an idea's or a report's language (Word's w:lang, spell-check).
REGION_TAGS = {"en": "en-CA", "fr": "fr-CA"}


def supported() -> tuple[str, ...]:
    """The interface languages this app offers."""
    return tuple(current_app.config.get("LANGUAGES", ("en", "fr")))


def normalize(code: Optional[str]) -> Optional[str]:
    """'fr-CA', 'FR' or 'fr_CA' -> 'fr' when supported, else None."""
    if not code:
        return None
    base = code.replace("_", "-").split("-")[0].strip().lower()
    return base if base in supported() else None


def terminal_locale() -> str:
    """Outside a request (flask commands): the terminal's LC_ALL, LC_MESSAGES or LANG, else the default."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        lang = normalize(os.environ.get(variable, "").split(".")[0])
        if lang:
            return lang
    return current_app.config.get("DEFAULT_LOCALE", "en")


def select_locale() -> str:
    """The locale of this request (see the module docstring for the order)."""
    if not has_request_context():
        return terminal_locale()
    if current_user and current_user.is_authenticated:
        saved = normalize(getattr(current_user, "locale", None))
        if saved:
            return saved
    requested = normalize(request.args.get("lang"))
    if requested:
        session[SESSION_KEY] = requested
        return requested
    remembered = normalize(session.get(SESSION_KEY))
    if remembered:
        return remembered
    browser = request.accept_languages.best_match(supported())
    return normalize(browser) or current_app.config.get("DEFAULT_LOCALE", "en")


def current_lang() -> str:
    """The two-letter language of the current request ('en' or 'fr')."""
    locale = get_locale()
    return locale.language if locale else current_app.config.get("DEFAULT_LOCALE", "en")


def safe_next(target: Optional[str]) -> str:
    """A same-site relative path to go back to, else the start page."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("home")


@bp.route("/lang/<code>", methods=["GET", "POST"])
def switch(code: str):
    """Choose the interface language and go back to the page the user was on.

    Signed in: saved as the user's preference. Always: remembered in the session.
    """
    lang = normalize(code)
    if lang:
        session[SESSION_KEY] = lang
        if current_user.is_authenticated and current_user.locale != lang:
            current_user.locale = lang
            db.session.commit()
    return redirect(safe_next(request.values.get("next")))


def localized(obj: Any, field: str, lang: Optional[str] = None) -> str:
    """obj.<field>_fr in French when it is filled in, else obj.<field> (names, titles, descriptions)."""
    lang = lang or current_lang()
    if lang != "en":
        translated = getattr(obj, f"{field}_{lang}", "") or ""
        if translated.strip():
            return translated
    return getattr(obj, field, "") or ""


@lru_cache(maxsize=1)
def script_messages() -> tuple[tuple[Any, ...], ...]:
    """Every t("…") and tn("…", "…", n) message of the scripts, found by Babel's JS extractor."""
    from babel.messages.extract import extract_from_file

    found: dict[Any, None] = {}
    for name in SCRIPTS:
        path = os.path.join(STATIC_DIR, name)
        for _line, message, _comments, _context in extract_from_file(
            "javascript", path, keywords={"t": None, "tn": (1, 2)}
        ):
            found[message] = None
    return tuple(found)


def script_catalogue() -> dict[str, Any]:
    """The scripts' messages in the current language: msgid -> text, or -> [one, other] for plurals."""
    catalogue: dict[str, Any] = {}
    for message in script_messages():
        if isinstance(message, tuple):
            singular, plural = message[0], message[1]
            catalogue[singular] = [ngettext(singular, plural, 1), ngettext(singular, plural, 2)]
        else:
            catalogue[message] = gettext(message)
    return catalogue


def other_languages() -> list[tuple[str, str, str]]:
    """(code, label, name in its own language) of the languages the switch offers."""
    names = {"en": ("EN", "English"), "fr": ("FR", "Français")}
    return [(code, *names[code]) for code in supported() if code in names]


def switch_url(code: str) -> str:
    """The switch's link to code, coming back to this page (without its own ?lang=)."""
    args = [(key, value) for key, value in request.args.items(multi=True) if key != "lang"]
    here = request.path + ("?" + urlencode(args) if args else "")
    return url_for("i18n.switch", code=code, next=here)


STATUS_LABELS = {
    "submitted": lazy_gettext("Submitted"),
    "approved": lazy_gettext("Approved"),
    "rejected": lazy_gettext("Rejected"),
    "returned": lazy_gettext("Sent back"),
    "principal": lazy_gettext("principal"),
    "emerging": lazy_gettext("emerging"),
    "plenary": lazy_gettext("plenary"),
    "breakout": lazy_gettext("breakout"),
    "suggested": lazy_gettext("suggested"),
    "accepted": lazy_gettext("accepted"),
}


def status_label(value: str) -> str:
    """The words for an idea's status, a theme's kind or a session's kind in the current language."""
    label = STATUS_LABELS.get(value)
    return str(label) if label is not None else value


# Templates call gettext hundreds of times a page (a review queue of 100 ideas): they use the
# translations looked up once per render (context processor) instead of Flask-Babel's per-call lookup.
def _page_translations(context):
    translations = context.get("page_translations")
    return translations if translations is not None else get_translations()


@pass_context
def _template_gettext(context, string: str) -> str:
    return _page_translations(context).ugettext(string)


@pass_context
def _template_ngettext(context, singular: str, plural: str, number: int) -> str:
    return _page_translations(context).ungettext(singular, plural, number)


@pass_context
def _localized_filter(context, obj: Any, field: str) -> str:
    return localized(obj, field, context.get("page_lang"))


def compile_catalogues() -> list[str]:
    """Compile every app/translations/*/LC_MESSAGES/*.po whose .mo is missing or older (as pybabel compile)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    compiled = []
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "translations")
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if not name.endswith(".po"):
                continue
            po_path = os.path.join(folder, name)
            mo_path = po_path[:-3] + ".mo"
            if os.path.exists(mo_path) and os.path.getmtime(mo_path) >= os.path.getmtime(po_path):
                continue
            with open(po_path, "rb") as handle:
                catalog = read_po(handle)
            with open(mo_path, "wb") as handle:
                write_mo(handle, catalog)
            compiled.append(mo_path)
    return compiled


def init_app(app: Flask) -> None:
    """Bind Flask-Babel with the locale selector, the switch route and the template helpers."""
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.install_gettext_callables(_template_gettext, _template_ngettext, newstyle=True)
    app.register_blueprint(bp)

    @app.context_processor
    def language_helpers() -> dict[str, Any]:
        return {
            "page_lang": current_lang(),
            "page_translations": get_translations(),
            "current_lang": current_lang,
            "languages": other_languages,
            "localized": localized,
            "script_catalogue": script_catalogue,
            "switch_url": switch_url,
            "status_label": status_label,
            "reason_words": reason_words,
        }

    app.add_template_filter(_localized_filter, "localized")
