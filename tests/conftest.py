"""Shared fixtures: an app on a fresh SQLite database in a temporary instance folder,
its client and CLI runner, and signed-in clients for each role (the Flask tutorial's shape)."""
from __future__ import annotations

import shutil

import pytest
from flask_migrate import upgrade

from app import create_app
from app.extensions import db
from app.models import Assignment, Role
from app.services import conference_setup as setup
from app.services.accounts import create_user

PASSWORD = "correct-horse-battery"

TEST_CONFERENCE = {
    "name": "Test consultation",
    "groups": ["Group A", "Group B", "Group C"],
    "days": [
        {"number": 1, "sessions": [
            {"title": "Opening", "kind": "plenary"},
            {"title": "Themes", "kind": "breakout"},
        ]},
        {"number": 2, "sessions": [
            {"title": "Targets", "kind": "breakout", "plan_section": "targets"},
            {"title": "Indicators", "kind": "breakout", "plan_section": "indicators"},
        ]},
    ],
    "themes": [
        {"code": "PART", "name": "Participation and leadership of women", "keywords": "participation, leadership"},
        {"code": "PREV", "name": "Prevention of conflict and of sexual and gender-based violence", "keywords": "prevention"},
        {"code": "RES", "name": "Resources and funding", "keywords": "funding, budget"},
    ],
}

# Invented for these tests; no resemblance to any corpus.
TEST_ROSTER = [
    ("Odalys Verhaegen", "Harbourlight Women's Collective"),
    ("Teodor Brancusi", "Harbourlight Women's Collective"),
    ("Marit Solvang", "Department of National Defence"),
]
TEST_ALLOWLIST = ["Department of National Defence", "DND", "UN Women", "UNSCR 1325", "C-NAP", "WPS"]


def _test_config(instance) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "INSTANCE_PATH_OVERRIDE": str(instance),
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'test.sqlite'}",
        "WTF_CSRF_ENABLED": False,
        "LOGIN_MAX_FAILURES": 3,
    }


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """The .mo catalogues, compiled as `make i18n-compile` does when a .po is newer (or none exists)."""
    from app.i18n import compile_catalogues

    compile_catalogues()


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory):
    """Run the real migrations once; each test starts from a copy of the result."""
    instance = tmp_path_factory.mktemp("template") / "instance"
    template = create_app(_test_config(instance))
    with template.app_context():
        upgrade()
        db.engine.dispose()
    return instance / "test.sqlite"


@pytest.fixture
def app(tmp_path, migrated_database):
    """An app on its own migrated SQLite file, with a small conference, roster and one user per role."""
    instance = tmp_path / "instance"
    instance.mkdir()
    shutil.copy(migrated_database, instance / "test.sqlite")
    app = create_app(_test_config(instance))
    with app.app_context():
        conference = setup.import_conference(TEST_CONFERENCE)
        setup.replace_roster(conference, TEST_ROSTER, app.config["ENCRYPTION_KEY_PATH"])
        setup.replace_allowlist(conference, TEST_ALLOWLIST)
        for role in Role:
            user = create_user(role.value, PASSWORD, role)
            if role is Role.RAPPORTEUR:
                group_a = next(g for g in conference.groups if g.label == "Group A")
                plenary = next(g for g in conference.groups if g.is_plenary)
                db.session.add_all([Assignment(user_id=user.id, group_id=group_a.id),
                                    Assignment(user_id=user.id, group_id=plenary.id)])
        db.session.commit()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    """A test client, not signed in."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A runner for the app's CLI commands."""
    return app.test_cli_runner()


class AuthActions:
    """Sign in and out through the real routes."""

    def __init__(self, client):
        self._client = client

    def login(self, username: str, password: str = PASSWORD):
        """Sign in as username."""
        return self._client.post("/auth/login", data={"username": username, "password": password})

    def logout(self):
        """Sign out."""
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client):
    """Sign-in helper bound to the client."""
    return AuthActions(client)


def _client_as(app, role: Role):
    client = app.test_client()
    response = AuthActions(client).login(role.value)
    assert response.status_code == 302, "test user could not sign in"
    return client


@pytest.fixture
def rapporteur_client(app):
    """A client signed in as the rapporteur of Group A (and the plenary)."""
    return _client_as(app, Role.RAPPORTEUR)


@pytest.fixture
def cochair_client(app):
    """A client signed in as a co-chair."""
    return _client_as(app, Role.COCHAIR)


@pytest.fixture
def drafter_client(app):
    """A client signed in as a report drafter."""
    return _client_as(app, Role.DRAFTER)


@pytest.fixture
def admin_client(app):
    """A client signed in as the administrator."""
    return _client_as(app, Role.ADMIN)


# Browser fixtures live in one place so the whole session shares one Playwright and one Chromium.
from browser_support import browser, live_server, page  # noqa: E402,F401
