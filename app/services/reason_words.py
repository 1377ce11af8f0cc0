"""Why a span was removed or flagged, in the page's language.

The anonymizer gives each span reason codes with English and French messages (anonymizer.reasons);
pages show the main code's message in the current language. Spans without codes show their own
reason text, translated when the catalogue has it (the export gate's reasons, marked with N_).
"""
from __future__ import annotations

from typing import Any

from flask_babel import get_locale, gettext

from app.services.anonymization import reason_message


def _value(span: Any, name: str, default: Any = None) -> Any:
    value = getattr(span, name, None)
    if value is None and isinstance(span, dict):
        value = span.get(name)
    return default if value is None else value


def reason_words(span: Any, lang: str | None = None) -> str:
    """The span's main reason in lang (default: the page's), from its reason codes when it has some."""
    codes = _value(span, "codes", ()) or ()
    if codes:
        locale = get_locale()
        message = reason_message(codes[0], lang or (locale.language if locale else "en"))
        if message:
            return message
    text = str(_value(span, "reason", "") or "")
    return gettext(text) if text else ""  # the export gate's own reasons are in the catalogue
