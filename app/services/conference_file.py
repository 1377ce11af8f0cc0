"""Reading a conference file safely: YAML without anchors or aliases, and a shape check that turns
every malformed file into a SetupError with a plain sentence (never Python exception text)."""
from __future__ import annotations

import json
from datetime import date
from typing import Any

import yaml
from flask_babel import gettext

MAX_FILE_CHARS = 1_000_000
RESERVED_GROUP = "plenary"  # every conference gets its own Plenary group


class ConferenceFileError(ValueError):
    """A conference file that cannot be read, with the reason (conference_setup re-raises it as SetupError)."""


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing anchors and aliases (a "billion laughs" file stays small)."""

    def compose_node(self, parent, index):  # noqa: D102 (PyYAML's hook)
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ConferenceFileError(gettext("The conference file uses YAML anchors or aliases (& or *); "
                                              "write each value out in full."))
        return super().compose_node(parent, index)


def load_conference_text(raw: str, filename: str = "") -> dict[str, Any]:
    """Parse YAML or JSON text into a mapping whose shape import_conference can rely on."""
    if len(raw) > MAX_FILE_CHARS:
        raise ConferenceFileError(gettext("The conference file is too large."))
    try:
        data = json.loads(raw) if filename.lower().endswith(".json") else yaml.load(raw, Loader=_NoAliasLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConferenceFileError(
            gettext("The conference file is not valid YAML near line %(line)d.", line=mark.line + 1)
            if mark is not None else gettext("The conference file is not valid YAML.")) from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ConferenceFileError(
            gettext("The conference file is not valid JSON near line %(line)d.", line=exc.lineno)
            if isinstance(exc, json.JSONDecodeError) else gettext("The conference file is not valid JSON.")) from None
    check_shape(data)
    return data


def _text(value: Any, what: str, max_chars: int, required: bool = False) -> None:
    if value is None and not required:
        return
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ConferenceFileError(f"{what} must be text.")
    if required and not str(value).strip():
        raise ConferenceFileError(f"{what} is required.")
    if len(str(value)) > max_chars:
        raise ConferenceFileError(f"{what} is longer than {max_chars} characters.")


def _list_of(value: Any, kind: type, what: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, kind) for item in value):
        noun = "mappings" if kind is dict else "values"
        raise ConferenceFileError(f"'{what}' must be a list of {noun}.")
    return value


def check_shape(data: Any) -> None:
    """Refuse any structure import_conference could choke on, saying what is wrong."""
    if not isinstance(data, dict):
        raise ConferenceFileError(gettext("The conference file needs a top-level mapping with a 'name'."))
    _text(data.get("name"), "The conference 'name'", 300, required=True)
    _text(data.get("short_name"), "'short_name'", 80)
    for label in _list_of(data.get("groups"), object, "groups"):
        _text(label, "A group label", 80, required=True)
        if str(label).strip().lower() == RESERVED_GROUP:
            raise ConferenceFileError(gettext("'Plenary' cannot be a breakout group: every conference already has "
                                              "its Plenary. Remove it from 'groups'."))
    _check_unique(data)
    for day in _list_of(data.get("days"), dict, "days"):
        if day.get("number") is not None and (isinstance(day["number"], bool) or not isinstance(day["number"], int)
                                              or not 0 < day["number"] < 1000):
            raise ConferenceFileError(gettext("A day 'number' must be a whole number from 1 to 999."))
        if not isinstance(day.get("date"), (date, type(None))):
            _text(day.get("date"), "A day 'date'", 10)
        _text(day.get("title"), "A day 'title'", 300)
        for session in _list_of(day.get("sessions"), dict, "sessions"):
            _text(session.get("title"), "Every session's 'title'", 300, required=True)
            for field, limit in (("kind", 20), ("starts_at", 5), ("plan_section", 40), ("description", 5000)):
                _text(session.get(field), f"A session's '{field}'", limit)
    for theme in _list_of(data.get("themes"), object, "themes"):
        _check_theme(_getter(theme))


def _getter(theme: Any):
    """Read a codebook entry given as a mapping or as an object (the bundled codebook's ThemeDef)."""
    if isinstance(theme, dict):
        return theme.get
    if not hasattr(theme, "code"):
        raise ConferenceFileError(gettext("'themes' must be a list of mappings."))
    return lambda key, default=None: getattr(theme, key, default)


def _check_theme(get) -> None:
    _text(get("code"), "Every theme's 'code'", 20, required=True)
    _text(get("name"), "Every theme's 'name'", 300, required=True)
    _text(get("description"), "A theme's 'description'", 5000)
    _text(get("kind"), "A theme's 'kind'", 20)
    if get("kind") not in (None, "", "principal", "emerging"):
        raise ConferenceFileError(gettext("A theme's 'kind' must be principal or emerging."))
    keywords = get("keywords")
    if isinstance(keywords, (list, tuple)):
        for keyword in keywords:
            _text(keyword, "A theme keyword", 200)
    else:
        _text(keywords, "A theme's 'keywords'", 5000)


def _check_unique(data: dict) -> None:
    """Group labels, day numbers and theme codes that would collide in the database."""
    labels = [str(g).strip() for g in _list_of(data.get("groups"), object, "groups")]
    if len(set(labels)) != len(labels):
        raise ConferenceFileError(gettext("Group labels must be unique."))
    days = _list_of(data.get("days"), dict, "days")
    numbers = [day.get("number", position) for position, day in enumerate(days, start=1)]
    if len(set(map(str, numbers))) != len(numbers):
        raise ConferenceFileError(gettext("Day numbers must be unique."))
    codes = [str(_getter(t)("code", "")).strip().upper() for t in _list_of(data.get("themes"), object, "themes")]
    if len(set(codes)) != len(codes):
        raise ConferenceFileError(gettext("Theme codes must be unique."))
