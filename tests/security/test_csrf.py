"""CSRF on every POST route, generated from app.url_map, with CSRF protection on as in production:
a POST without the token is refused with the plain message; the same POST with the token gets past it."""
from __future__ import annotations

import re

import pytest
from security_routes import build_url, route_cases, url_values

CSRF_MESSAGE = "Your session form expired"
PASSWORD = "correct-horse-battery"


def _token(client, path="/auth/login") -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get(path).get_data(as_text=True))
    assert match, "the sign-in form carries a CSRF token"
    return match.group(1)


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_every_post_route_requires_the_csrf_token(app):
    client = app.test_client()
    refused = client.post("/auth/login", data={"username": "admin", "password": PASSWORD})
    assert refused.status_code == 400 and CSRF_MESSAGE in refused.get_data(as_text=True)
    token = _token(client)
    assert client.post("/auth/login", data={"username": "admin", "password": PASSWORD,
                                            "csrf_token": token}).status_code == 302
    values, problems, checked = url_values(app), [], 0
    for case in route_cases(app, methods=("POST",)):
        url = build_url(app, case, values)
        for kind, response in (("form", client.post(url, data={})),
                               ("json", client.post(url, json={}, headers={"Accept": "application/json"}))):
            checked += 1
            if response.status_code != 400 or CSRF_MESSAGE not in response.get_data(as_text=True):
                problems.append(f"{case.name} ({kind}, no token): {response.status_code}")
        with_token = client.post(url, json={}, headers={"X-CSRFToken": token, "Accept": "application/json"})
        if CSRF_MESSAGE in with_token.get_data(as_text=True) or with_token.status_code >= 500:
            problems.append(f"{case.name} (with token): {with_token.status_code}")
    assert checked >= 2 * 31
    assert problems == []


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_a_token_from_another_session_is_refused(app):
    victim, attacker = app.test_client(), app.test_client()
    _token(victim)
    stolen = _token(attacker)
    response = victim.post("/auth/login", data={"username": "admin", "password": PASSWORD, "csrf_token": stolen})
    assert response.status_code == 400 and CSRF_MESSAGE in response.get_data(as_text=True)
