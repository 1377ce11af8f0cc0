"""The role matrix, generated from app.url_map: every route and method, for every role and for a
visitor who is not signed in, gets the answer its role decorator promises."""
from __future__ import annotations

import pytest
from security_routes import IDENTITIES, PUBLIC_ENDPOINTS, build_url, route_cases, undecided_routes, url_values

from app.models import Role

PASSWORD = "correct-horse-battery"


def test_every_route_has_a_role_decision(app):
    assert undecided_routes(app) == [], "add @role_required (app/security.py) or list the route as public"
    assert len(route_cases(app)) >= 48


def _client_for(app, identity):
    client = app.test_client()
    if identity is not None:
        response = client.post("/auth/login", data={"username": identity.value, "password": PASSWORD})
        assert response.status_code == 302
    return client


def _problem(case, identity, response) -> str | None:
    """What is wrong with response for identity, or None when it is what the decorator promises."""
    status, location = response.status_code, response.headers.get("Location", "")
    to_login = status in (301, 302, 303) and "/auth/login" in location
    if case.endpoint == "health.readyz" and status == 503:
        return None  # "not ready yet" is readyz's contract while the models load (tests/test_health.py)
    if status >= 500:
        return f"{status} (server error)"
    if case.endpoint in PUBLIC_ENDPOINTS:  # open to all: the sign-in form answers 401 to a blank form
        return None if status != 403 else "403 on a public page"
    if case.allows(identity):
        if status in (401, 403) or (to_login and case.endpoint != "auth.logout"):
            return f"{status} {location} but the role is allowed"
        return None
    if identity is None:
        return None if to_login else f"{status} {location} instead of the sign-in page"
    return None if status == 403 else f"{status} {location} instead of 403"


@pytest.mark.parametrize("identity", IDENTITIES, ids=lambda r: r.value if r else "anonymous")
def test_role_matrix(app, identity):
    values, client = url_values(app), _client_for(app, identity)
    problems, checked = [], 0
    for case in route_cases(app):
        url = build_url(app, case, values)
        response = client.open(url, method=case.method, data={})
        checked += 1
        problem = _problem(case, identity, response)
        if problem:
            problems.append(f"{case.name} as {identity.value if identity else 'anonymous'}: {problem}")
    assert checked >= 48
    assert problems == []


def test_each_role_is_refused_somewhere_and_admin_nowhere(app):
    cases = route_cases(app)
    for role in (Role.RAPPORTEUR, Role.COCHAIR, Role.DRAFTER):
        assert any(not c.allows(role) for c in cases), role
    assert all(c.allows(Role.ADMIN) for c in cases)
