"""Reading a conference file safely: YAML without anchors or aliases, and a shape check that turns
every malformed file into a SetupError with a plain sentence in the reader's language (never Python
exception text)."""
from __future__ import annotations

import json
from datetime import date
from typing import Any, Callable

import yaml
from flask_babel import gettext, lazy_gettext

from app.services.conference.errors import SetupError

MAX_FILE_CHARS = 1_000_000
RESERVED_GROUP = "plenary"  # every conference gets its own Plenary group
PLAN_SECTIONS = ("partners", "baselines", "targets", "actions", "indicators")
SESSION_KINDS = ("plenary", "breakout")


class ConferenceFileError(SetupError):
    """A conference file that cannot be read, with the reason."""


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing anchors and aliases (a "billion laughs" file stays small)."""

    def compose_node(self, parent, index):  # noqa: D102 (PyYAML's hook)
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ConferenceFileError(gettext("The conference file uses YAML anchors or aliases (& or *); "
                                              "write each value out in full."))
        return super().compose_node(parent, index)


def parse_structured_text(raw: str, filename: str = "") -> Any:
    """Parse YAML or JSON text (by the file name) without checking its shape."""
    if len(raw) > MAX_FILE_CHARS:
        raise ConferenceFileError(gettext("The conference file is too large."))
    try:
        return json.loads(raw) if filename.lower().endswith(".json") else yaml.load(raw, Loader=_NoAliasLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConferenceFileError(
            gettext("The conference file is not valid YAML near line %(line)d.", line=mark.line + 1)
            if mark is not None else gettext("The conference file is not valid YAML.")) from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ConferenceFileError(
            gettext("The conference file is not valid JSON near line %(line)d.", line=exc.lineno)
            if isinstance(exc, json.JSONDecodeError) else gettext("The conference file is not valid JSON.")) from None


def load_conference_text(raw: str, filename: str = "") -> dict[str, Any]:
    """Parse YAML or JSON text into a mapping whose shape the import can rely on."""
    data = parse_structured_text(raw, filename)
    check_shape(data)
    return data


# What each checked field is called in messages; lazy, so the message is in the reader's language.
FIELD_NAMES = {
    "name": lazy_gettext("The conference 'name'"),
    "name_fr": lazy_gettext("The conference 'name_fr'"),
    "short_name": lazy_gettext("'short_name'"),
    "group": lazy_gettext("A group label"),
    "day_date": lazy_gettext("A day 'date'"),
    "day_title": lazy_gettext("A day 'title'"),
    "session_title": lazy_gettext("Every session's 'title'"),
    "session_field": lazy_gettext("A session's '%(field)s'"),
    "theme_code": lazy_gettext("Every theme's 'code'"),
    "theme_name": lazy_gettext("Every theme's 'name'"),
    "theme_field": lazy_gettext("A theme's '%(field)s'"),
    "keyword": lazy_gettext("A theme keyword"),
    "allow_term": lazy_gettext("An allow-list term"),
}


def _what(key: str, field: str = "") -> str:
    name = str(FIELD_NAMES[key])
    return name % {"field": field} if field else name


def check_text(value: Any, what: str, max_chars: int, required: bool = False) -> None:
    """Refuse a value that is not short text (what: the field's name in the message)."""
    if value is None and not required:
        return
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ConferenceFileError(gettext("%(what)s must be text.", what=what))
    if required and not str(value).strip():
        raise ConferenceFileError(gettext("%(what)s is required.", what=what))
    if len(str(value)) > max_chars:
        raise ConferenceFileError(gettext("%(what)s is longer than %(num)d characters.", what=what, num=max_chars))


def _list_of(value: Any, kind: type, what: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, kind) for item in value):
        if kind is dict:
            raise ConferenceFileError(gettext("'%(what)s' must be a list of mappings.", what=what))
        raise ConferenceFileError(gettext("'%(what)s' must be a list of values.", what=what))
    return value


def check_shape(data: Any) -> None:
    """Refuse any structure the import could choke on, saying what is wrong."""
    if not isinstance(data, dict):
        raise ConferenceFileError(gettext("The conference file needs a top-level mapping with a 'name'."))
    check_text(data.get("name"), _what("name"), 300, required=True)
    check_text(data.get("name_fr"), _what("name_fr"), 300)
    check_text(data.get("short_name"), _what("short_name"), 80)
    for label in _list_of(data.get("groups"), object, "groups"):
        check_text(label, _what("group"), 80, required=True)
        if str(label).strip().lower() == RESERVED_GROUP:
            raise ConferenceFileError(gettext("'Plenary' cannot be a breakout group: every conference already has "
                                              "its Plenary. Remove it from 'groups'."))
    _check_unique(data)
    for day in _list_of(data.get("days"), dict, "days"):
        _check_day(day)
    for theme in _list_of(data.get("themes"), object, "themes"):
        _check_theme(entry_getter(theme))
    for term in _list_of(data.get("allowlist"), object, "allowlist"):
        check_text(term, _what("allow_term"), 300, required=True)


def _check_day(day: dict) -> None:
    if day.get("number") is not None and (isinstance(day["number"], bool) or not isinstance(day["number"], int)
                                          or not 0 < day["number"] < 1000):
        raise ConferenceFileError(gettext("A day 'number' must be a whole number from 1 to 999."))
    if not isinstance(day.get("date"), (date, type(None))):
        check_text(day.get("date"), _what("day_date"), 10)
        try:
            date.fromisoformat(str(day["date"]))
        except ValueError:
            raise ConferenceFileError(gettext("Dates are written YYYY-MM-DD, not %(value)r.",
                                              value=str(day["date"]))) from None
    check_text(day.get("title"), _what("day_title"), 300)
    check_text(day.get("title_fr"), _what("day_title"), 300)
    for session in _list_of(day.get("sessions"), dict, "sessions"):
        check_session(session)


def check_session(session: dict) -> None:
    """Refuse a session entry with a missing title, an unknown kind or plan section, or overlong fields."""
    check_text(session.get("title"), _what("session_title"), 300, required=True)
    for field, limit in (("title_fr", 300), ("code", 40), ("kind", 20), ("starts_at", 5), ("plan_section", 40),
                         ("description", 5000)):
        check_text(session.get(field), _what("session_field", field), limit)
    kind = str(session.get("kind") or "breakout").lower()
    if kind not in SESSION_KINDS:
        raise ConferenceFileError(gettext("Session kind must be plenary or breakout, not %(kind)r.", kind=kind))
    section = str(session.get("plan_section") or "").lower()
    if section and section not in PLAN_SECTIONS:
        raise ConferenceFileError(gettext("plan_section must be one of %(choices)s, not %(section)r.",
                                          choices=", ".join(PLAN_SECTIONS), section=section))


def entry_getter(theme: Any) -> Callable:
    """Read a codebook entry given as a mapping or as an object (the bundled codebook's ThemeDef)."""
    if isinstance(theme, dict):
        return theme.get
    if not hasattr(theme, "code"):
        raise ConferenceFileError(gettext("'%(what)s' must be a list of mappings.", what="themes"))
    return lambda key, default=None: getattr(theme, key, default)


def _check_theme(get: Callable) -> None:
    check_text(get("code"), _what("theme_code"), 20, required=True)
    check_text(get("name"), _what("theme_name"), 300, required=True)
    for field, limit in (("name_fr", 300), ("description", 5000), ("description_fr", 5000), ("kind", 20)):
        check_text(get(field), _what("theme_field", field), limit)
    if get("kind") not in (None, "", "principal", "emerging"):
        raise ConferenceFileError(gettext("A theme's 'kind' must be principal or emerging."))
    keywords = get("keywords")
    if isinstance(keywords, (list, tuple)):
        for keyword in keywords:
            check_text(keyword, _what("keyword"), 200)
    else:
        check_text(keywords, _what("theme_field", "keywords"), 5000)


def _check_unique(data: dict) -> None:
    """Group labels, day numbers, session codes and theme codes that would collide in the database."""
    labels = [str(g).strip().casefold() for g in _list_of(data.get("groups"), object, "groups")]
    if len(set(labels)) != len(labels):
        raise ConferenceFileError(gettext("Group labels must be unique."))
    days = _list_of(data.get("days"), dict, "days")
    numbers = [day.get("number", position) for position, day in enumerate(days, start=1)]
    if len(set(map(str, numbers))) != len(numbers):
        raise ConferenceFileError(gettext("Day numbers must be unique."))
    session_codes = [str(s["code"]).strip().upper() for day in days
                     for s in _list_of(day.get("sessions"), dict, "sessions") if s.get("code")]
    if len(set(session_codes)) != len(session_codes):
        raise ConferenceFileError(gettext("Session codes must be unique."))
    codes = [str(entry_getter(t)("code", "")).strip().upper() for t in _list_of(data.get("themes"), object, "themes")]
    if len(set(codes)) != len(codes):
        raise ConferenceFileError(gettext("Theme codes must be unique."))
