"""Sign-in, sign-out, role checks and lockout, through the real routes."""
from app.models import Role


def test_login_page_shows_form(client):
    response = client.get("/auth/login")
    assert response.status_code == 200
    assert b'name="password"' in response.data


def test_not_signed_in_redirects_to_login(client):
    response = client.get("/capture/")
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


def test_each_role_lands_on_its_page(app):
    expected = {Role.RAPPORTEUR: "/capture/", Role.COCHAIR: "/review/", Role.DRAFTER: "/export/",
                Role.ADMIN: "/admin/"}
    for role, path in expected.items():
        client = app.test_client()
        client.post("/auth/login", data={"username": role.value, "password": "correct-horse-battery"})
        assert client.get("/").headers["Location"].endswith(path)


def test_wrong_role_is_forbidden(rapporteur_client, drafter_client):
    assert rapporteur_client.get("/review/").status_code == 403
    assert rapporteur_client.get("/export/").status_code == 403
    assert drafter_client.get("/capture/").status_code == 403


def test_wrong_password_is_refused_without_saying_which_part(client, auth):
    response = auth.login("cochair", "wrong-password")
    assert response.status_code == 401
    assert b"Wrong username or password" in response.data
    assert auth.login("nobody", "wrong-password").status_code == 401


def test_lockout_after_repeated_failures(client, auth):
    for _ in range(3):
        auth.login("cochair", "wrong-password")
    response = auth.login("cochair")  # right password, but locked now
    assert response.status_code == 429
    assert b"Too many failed attempts" in response.data


def test_logout(client, auth):
    auth.login("cochair")
    auth.logout()
    assert client.get("/review/").status_code == 302


def test_open_redirect_is_ignored(client, auth):
    response = client.post("/auth/login?next=https://evil.example/",
                           data={"username": "cochair", "password": "correct-horse-battery"})
    assert response.headers["Location"] == "/"


def test_session_cookie_is_httponly_and_samesite(client, auth):
    response = auth.login("cochair")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_csrf_is_enforced(app):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    response = client.post("/auth/login", data={"username": "cochair", "password": "correct-horse-battery"})
    assert response.status_code == 400
