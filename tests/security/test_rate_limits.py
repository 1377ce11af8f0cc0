"""Rate limits (Flask-Limiter, in-memory storage) trigger on sign-in, preview, submit and autosave,
per user and per address, with a plain 429; other tests run with them off."""
from __future__ import annotations

import pytest
from security_routes import url_values

PASSWORD = "correct-horse-battery"
LOW_LIMITS = dict(
    RATELIMIT_ENABLED=True,
    RATELIMIT_SIGN_IN_PER_ADDRESS="4 per minute",
    RATELIMIT_PREVIEW_PER_USER="2 per minute",
    RATELIMIT_PREVIEW_PER_ADDRESS="3 per minute",
    RATELIMIT_SUBMIT_PER_USER="2 per minute",
    RATELIMIT_AUTOSAVE_PER_USER="3 per minute",
    LOGIN_MAX_FAILURES=100,
)


def _sign_in(client, username, address):
    return client.post("/auth/login", data={"username": username, "password": PASSWORD},
                       environ_base={"REMOTE_ADDR": address})


@pytest.mark.app_config(**LOW_LIMITS)
def test_sign_in_is_limited_per_address(app):
    client = app.test_client()
    statuses = [client.post("/auth/login", data={"username": f"guess{n}", "password": "wrong-guess-123"},
                            environ_base={"REMOTE_ADDR": "198.51.100.1"}).status_code for n in range(5)]
    assert statuses == [401, 401, 401, 401, 429]
    refused = client.post("/auth/login", data={"username": "cochair", "password": PASSWORD},
                          environ_base={"REMOTE_ADDR": "198.51.100.1"})
    assert refused.status_code == 429 and "Too many requests" in refused.get_data(as_text=True)
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    assert client.get("/auth/login", environ_base={"REMOTE_ADDR": "198.51.100.1"}).status_code == 200
    assert _sign_in(app.test_client(), "cochair", "198.51.100.2").status_code == 302


def _preview_poster(app):
    """Two signed-in clients from one address, and a function posting an (empty) note to preview."""
    values = url_values(app)
    url = f"/capture/{values['session_id']}/{values['group_id']}/preview"
    rapporteur, admin = app.test_client(), app.test_client()
    assert _sign_in(rapporteur, "rapporteur", "203.0.113.9").status_code == 302
    assert _sign_in(admin, "admin", "203.0.113.9").status_code == 302
    # An empty note is refused (400) without the anonymizer; it still counts against the limits.
    return rapporteur, admin, lambda client: client.post(url, json={"text": ""},
                                                        environ_base={"REMOTE_ADDR": "203.0.113.9"})


@pytest.mark.app_config(**{**LOW_LIMITS, "RATELIMIT_PREVIEW_PER_ADDRESS": "100 per minute"})
def test_preview_is_limited_per_user(app):
    rapporteur, admin, post = _preview_poster(app)
    assert [post(rapporteur).status_code for _ in range(3)] == [400, 400, 429]
    answer = post(rapporteur)
    assert answer.status_code == 429 and "Too many requests" in answer.get_json()["error"]
    assert post(admin).status_code == 400  # another user at the same address is not held back


@pytest.mark.app_config(**{**LOW_LIMITS, "RATELIMIT_PREVIEW_PER_USER": "100 per minute"})
def test_preview_is_limited_per_address(app):
    rapporteur, admin, post = _preview_poster(app)
    assert [post(rapporteur).status_code, post(rapporteur).status_code, post(admin).status_code] == [400] * 3
    assert post(admin).status_code == 429  # the address's 3 per minute are spent


@pytest.mark.app_config(**LOW_LIMITS)
def test_autosave_and_submit_are_limited_per_user(app, rapporteur_client):
    values = url_values(app)
    base = f"/capture/{values['session_id']}/{values['group_id']}"
    saves = [rapporteur_client.post(base + "/draft", json={"text": f"note {n}"}).status_code for n in range(4)]
    assert saves == [200, 200, 200, 429]
    submits = [rapporteur_client.post(base + "/submit", json={"submission_key": "", "ideas": []}).status_code
               for _ in range(3)]
    assert submits[-1] == 429 and 429 not in submits[:2]
