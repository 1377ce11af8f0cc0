"""Rate limits (Flask-Limiter) on the views that cost CPU or guess passwords.

Each limited view has a per-address limit and, where a user is signed in, a per-user one; the
figures come from the app config (RATELIMIT_*), so a site can tune them without code. Beyond a
limit the app answers 429 with a plain message (JSON for the page's scripts).
"""
from __future__ import annotations

from typing import Callable, Optional

from flask import Flask, current_app
from flask_limiter.util import get_remote_address
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

from app.extensions import limiter


def user_or_address() -> str:
    """The signed-in user's id, or the client address for anonymous requests."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"address:{get_remote_address()}"


def _setting(name: str) -> Callable[[], str]:
    return lambda: current_app.config[name]


def _limits(user_setting: Optional[str], address_setting: str,
            methods: Optional[list[str]] = None) -> Callable:
    """A decorator applying a per-address and (optionally) a per-user limit to a view."""

    def decorate(view: Callable) -> Callable:
        view = limiter.limit(_setting(address_setting), key_func=get_remote_address, methods=methods)(view)
        if user_setting:
            view = limiter.limit(_setting(user_setting), key_func=user_or_address, methods=methods)(view)
        return view

    return decorate


def trust_proxy(app: Flask) -> None:
    """Behind PROXY_COUNT reverse proxies, take the client address from X-Forwarded-For.

    Without it every request would seem to come from the proxy: one address for the whole venue,
    so a few wrong passwords would lock an account for everyone.
    """
    count = int(app.config.get("PROXY_COUNT", 0))
    if count > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


sign_in_limits = _limits(None, "RATELIMIT_SIGN_IN_PER_ADDRESS", methods=["POST"])
preview_limits = _limits("RATELIMIT_PREVIEW_PER_USER", "RATELIMIT_PREVIEW_PER_ADDRESS")
submit_limits = _limits("RATELIMIT_SUBMIT_PER_USER", "RATELIMIT_SUBMIT_PER_ADDRESS")
autosave_limits = _limits("RATELIMIT_AUTOSAVE_PER_USER", "RATELIMIT_AUTOSAVE_PER_ADDRESS")
# An edit is anonymized again like a submit: the same budget, on the POST only (the form's GET is cheap).
edit_limits = _limits("RATELIMIT_SUBMIT_PER_USER", "RATELIMIT_SUBMIT_PER_ADDRESS", methods=["POST"])
