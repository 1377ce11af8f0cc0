"""Sign-in under attack, through the real routes and the real SQLite file: lockout by
(account, address) with an atomic counter, the same answer for unknown usernames, sessions
that end server-side, case-insensitive usernames, and the password policy for every role."""
from __future__ import annotations

import re
import statistics
import threading
import time

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import LoginThrottle, Role
from app.services.accounts import AccountError, change_password, create_user, find_user
from app.services.accounts.passwords import password_problem

PASSWORD = "correct-horse-battery"
MAX_FAILURES = 3  # LOGIN_MAX_FAILURES in the test config


def sign_in(client, username, password, address=None):
    """POST the sign-in form, from a given client address or the test client's own."""
    return client.post("/auth/login", data={"username": username, "password": password},
                       environ_base={"REMOTE_ADDR": address} if address else {})


def page(response) -> str:
    """The page without its CSRF tokens (signed with the time, so they differ between any two pages) and
    without the typed username the form gives back (the same for a real or an unknown account)."""
    text = re.sub(r'(csrf[-_]token"[^>]*(?:content|value)=")[^"]*', r"\1", response.get_data(as_text=True))
    return re.sub(r'(id="username"[^>]*value=")[^"]*', r"\1", text)


def test_lockout_is_per_address_so_the_owner_elsewhere_can_sign_in(app):
    attacker, owner = app.test_client(), app.test_client()
    for _ in range(MAX_FAILURES):
        assert sign_in(attacker, "cochair", "wrong-guess-123", "198.51.100.7").status_code == 401
    locked = sign_in(attacker, "cochair", PASSWORD, "198.51.100.7")
    assert locked.status_code == 429
    assert b"Too many failed attempts" in locked.data
    response = sign_in(owner, "cochair", PASSWORD, "203.0.113.5")
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_unknown_and_real_usernames_get_the_same_answers(app):
    client = app.test_client()
    wrong = sign_in(client, "cochair", "wrong-guess-123", "192.0.2.1")
    unknown = sign_in(client, "no-such-person", "wrong-guess-123", "192.0.2.2")
    assert (wrong.status_code, page(wrong)) == (unknown.status_code, page(unknown)) == (401, page(wrong))
    assert b"Wrong username or password" in wrong.data
    assert b'value="cochair"' in wrong.data and b'value="no-such-person"' in unknown.data  # kept for a retry
    for _ in range(MAX_FAILURES):
        sign_in(client, "cochair", "wrong-guess-123", "192.0.2.3")
        sign_in(client, "no-such-person", "wrong-guess-123", "192.0.2.4")
    locked_real = sign_in(client, "cochair", "wrong-guess-123", "192.0.2.3")
    locked_unknown = sign_in(client, "no-such-person", "wrong-guess-123", "192.0.2.4")
    assert locked_real.status_code == locked_unknown.status_code == 429
    assert page(locked_real) == page(locked_unknown)


def test_unknown_usernames_cost_a_hash_like_real_ones(app):
    client = app.test_client()

    def median_seconds(username, first_address):
        times = []
        for n in range(7):
            start = time.perf_counter()
            sign_in(client, username, "wrong-guess-123", f"{first_address}.{n}")
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    real, unknown = median_seconds("cochair", "10.1.1"), median_seconds("no-such-person", "10.2.2")
    assert 1 / 3 < unknown / real < 3, (real, unknown)  # without the dummy hash: about 1/10


def test_concurrent_guesses_cannot_check_more_passwords_than_the_limit(app):
    statuses: list[int] = []
    barrier = threading.Barrier(24)

    def guess():
        client = app.test_client()
        barrier.wait()
        statuses.append(sign_in(client, "drafter", "wrong-guess-123", "198.51.100.99").status_code)

    threads = [threading.Thread(target=guess) for _ in range(24)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(set(statuses)) == [401, 429]
    assert statuses.count(401) == MAX_FAILURES and statuses.count(429) == 24 - MAX_FAILURES
    with app.app_context():
        row = db.session.scalar(select(LoginThrottle).where(LoginThrottle.account == "drafter"))
        assert row.failures == 24 and row.address == "198.51.100.99"


def test_success_clears_the_counter(app):
    client = app.test_client()
    for _ in range(MAX_FAILURES - 1):
        sign_in(client, "cochair", "wrong-guess-123")
    assert sign_in(client, "cochair", PASSWORD).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(LoginThrottle)) is None


def test_logout_ends_the_session_server_side(app):
    client = app.test_client()
    assert sign_in(client, "cochair", PASSWORD).status_code == 302
    stolen = client.get_cookie("session").value
    assert client.get("/review/").status_code == 200
    client.post("/auth/logout")
    replay = app.test_client()
    replay.set_cookie("session", stolen)
    response = replay.get("/review/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_password_change_ends_other_sessions(app):
    client = app.test_client()
    assert sign_in(client, "drafter", PASSWORD).status_code == 302
    assert client.get("/export/").status_code == 200
    with app.app_context():
        change_password(find_user("drafter"), "a-brand-new-passphrase")
    assert client.get("/export/").status_code == 302
    assert sign_in(app.test_client(), "drafter", "a-brand-new-passphrase").status_code == 302


def test_usernames_are_case_insensitive(app, admin_client):
    assert sign_in(app.test_client(), "CoChair", PASSWORD).status_code == 302
    response = admin_client.post("/admin/users", data={"username": "ADMIN", "password": "a-long-passphrase",
                                                       "role": "admin"})
    assert response.status_code == 400
    assert b"is taken" in response.data
    with app.app_context(), pytest.raises(AccountError, match="taken"):
        create_user("Rapporteur", "a-long-passphrase", Role.RAPPORTEUR)


WEAK_PASSWORDS = {
    "aaaaaaaa": "at least 12",
    "12345678": "at least 12",
    "password": "at least 12",
    "aaaaaaaaaaaa": "different characters",
    "123456789012": "only digits",
    "Password2024!": "most common",
    "qwertyuiop123": "most common",
    "iloveyou1234": "most common",
    "the-quillon-account": "username",
}


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_weak_passwords_are_refused_for_every_role(admin_client, role):
    for password, reason in WEAK_PASSWORDS.items():
        response = admin_client.post("/admin/users", data={"username": "Quillon", "password": password,
                                                           "role": role})
        assert response.status_code == 400, password
        assert reason in response.get_data(as_text=True), password
    response = admin_client.post("/admin/users", data={"username": "Quillon", "password": "fennel-lantern-29",
                                                       "role": role})
    assert response.status_code == 303


def test_the_policy_explains_itself_and_accepts_test_and_demo_passwords():
    assert password_problem(PASSWORD, "cochair") is None
    assert password_problem("a-long-password", "newchair") is None
    assert "at least 12" in password_problem("short", "x")


def test_cli_refuses_a_weak_password(runner):
    result = runner.invoke(args=["create-user", "weakling", "--role", "admin", "--password", "password1234"])
    assert result.exit_code != 0 and "most common" in result.output


@pytest.mark.app_config(PROXY_COUNT=1)
def test_behind_a_proxy_the_lockout_uses_the_forwarded_address(app):
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    attacker, owner = app.test_client(), app.test_client()
    for _ in range(MAX_FAILURES + 1):
        attacker.post("/auth/login", data={"username": "cochair", "password": "wrong-guess-123"},
                      environ_base=proxy, headers={"X-Forwarded-For": "198.51.100.66"})
    response = owner.post("/auth/login", data={"username": "cochair", "password": PASSWORD},
                          environ_base=proxy, headers={"X-Forwarded-For": "203.0.113.20"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(LoginThrottle.address)) == "198.51.100.66"


def test_deactivating_an_account_ends_its_sessions(app, admin_client):
    client = app.test_client()
    assert sign_in(client, "drafter", PASSWORD).status_code == 302
    assert client.get("/export/").status_code == 200
    with app.app_context():
        drafter_id = find_user("drafter").id
    assert admin_client.post(f"/admin/users/{drafter_id}/active").status_code == 303
    assert client.get("/export/").status_code == 302
    assert sign_in(app.test_client(), "drafter", PASSWORD).status_code == 401


def test_demo_seed_passwords_follow_the_policy_and_sign_in(tmp_path):
    from app import create_app

    instance = tmp_path / "instance"
    app = create_app({"TESTING": True, "INSTANCE_PATH_OVERRIDE": str(instance), "RATELIMIT_ENABLED": False,
                      "WTF_CSRF_ENABLED": False, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'demo.sqlite'}"})
    output = app.test_cli_runner().invoke(args=["seed-demo"]).output
    accounts = re.findall(r"^  (?:Administrator|Co-chair|Report drafter|Rapporteur)\s+(\S+)\s+(\S+)$", output, re.M)
    assert len(accounts) == 5, output
    for username, password in accounts:
        assert password_problem(password, username) is None
        assert sign_in(app.test_client(), username, password).status_code == 302
    with app.app_context():
        db.engine.dispose()
