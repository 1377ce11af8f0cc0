"""Guards on what clients send, so malformed input gets a 4xx with a clear message, never a 500.

- Ids: every `<int:...>` route accepts only 0 to 2**63 - 1 (a bigger id is a 404, not an
  OverflowError in the database driver); `db_id` and `query_id` do the same for query and form values.
- JSON: the app's JSON provider refuses bodies nested deeper than MAX_JSON_DEPTH (no RecursionError)
  and strings holding a lone surrogate such as "\\ud800" (they cannot be encoded, so saving them
  would fail later); `json_object` says which of these went wrong.
"""
from __future__ import annotations

from typing import Any, Optional

from flask import Flask, current_app, request
from flask.json.provider import DefaultJSONProvider
from flask_babel import gettext
from werkzeug.exceptions import BadRequest
from werkzeug.routing import IntegerConverter

MAX_DB_ID = 2**63 - 1  # the largest id PostgreSQL's BIGINT and SQLite's INTEGER hold
MAX_JSON_DEPTH = 32


class InputError(ValueError):
    """Input the app refuses, with a message for the person or script that sent it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BadInput(BadRequest):
    """A 400 whose description is written for the user; the app's error page shows it."""

    def __init__(self, message: str):
        super().__init__(description=message)
        self.user_message = message


class BoundedIntConverter(IntegerConverter):
    """`<int:...>` limited to ids the database can hold; anything else does not match (404)."""

    def __init__(self, map, *args: Any, **kwargs: Any) -> None:  # noqa: A002 (werkzeug's name)
        kwargs.setdefault("min", 0)
        kwargs.setdefault("max", MAX_DB_ID)
        super().__init__(map, *args, **kwargs)


def db_id(value: Any) -> int:
    """A database id from text; ValueError for anything else (usable as `request.args.get(type=...)`)."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 19 or int(text) > MAX_DB_ID:
        raise ValueError(f"not an id: {text[:20]!r}")
    return int(text)


def query_id(name: str, default: Optional[int] = None) -> Optional[int]:
    """The id in query argument `name` (default when absent); 400 when it is not a valid id."""
    raw = request.args.get(name)
    if raw in (None, ""):
        return default
    try:
        return db_id(raw)
    except ValueError:
        raise BadInput(gettext("The “%(name)s” parameter must be an id (a whole number).", name=name)) from None


def _check_decoded(data: Any) -> None:
    """Refuse lone surrogates and deep nesting, walking the structure without recursion."""
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise InputError(gettext("The request data is nested more than %(num)d levels deep.", num=MAX_JSON_DEPTH))
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            for key, value in item.items():
                _check_text(key)
                stack.append((value, depth + 1))
        elif isinstance(item, list):
            stack.extend((value, depth + 1) for value in item)


NUL_MESSAGE = ("The text contains a NUL character (\\x00), which cannot be stored. Remove it and try again; "
               "your saved draft is kept.")


def _check_text(text: str) -> None:
    if "\x00" in text:
        raise InputError(NUL_MESSAGE)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(gettext("The text contains a character that cannot be stored (a lone surrogate such as "
                                 "\\ud800). Remove it and try again; your saved draft is kept.")) from exc


class SafeJSONProvider(DefaultJSONProvider):
    """Flask's JSON provider, refusing deep nesting and lone surrogates with an InputError."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        """Parse JSON like Flask does, then check what came out."""
        try:
            data = super().loads(s, **kwargs)
        except RecursionError as exc:
            raise InputError(gettext("The request data is nested more than %(num)d levels deep.", num=MAX_JSON_DEPTH)) from exc
        except UnicodeDecodeError as exc:
            raise InputError(gettext("The request data is not UTF-8 text.")) from exc
        _check_decoded(data)
        return data


def json_object() -> dict:
    """The request's JSON object; InputError with the reason when it is missing or refused."""
    if not request.is_json:
        raise InputError(gettext("The request data must be JSON. Reload the page; your draft is kept."))
    try:
        data = current_app.json.loads(request.get_data(cache=True))
    except InputError:
        raise
    except ValueError as exc:
        raise InputError(gettext("The request data is not valid JSON. Reload the page; your draft is kept.")) from exc
    if not isinstance(data, dict):
        raise InputError(gettext("The request data must be a JSON object. Reload the page; your draft is kept."))
    return data


def init_app(app: Flask) -> None:
    """Install the bounded id converter and the safe JSON provider (before any route is added)."""
    app.url_map.converters["int"] = BoundedIntConverter
    app.json = SafeJSONProvider(app)
    app.before_request(_refuse_nul_in_fields)


def _refuse_nul_in_fields() -> None:
    """Form and query values with a NUL byte: PostgreSQL cannot store them, so a 400, not a 500."""
    sources = [request.args] if request.is_json else [request.args, request.form]
    for values in sources:
        if any("\x00" in key or "\x00" in value for key, value in values.items(multi=True)):
            raise BadInput(NUL_MESSAGE)
