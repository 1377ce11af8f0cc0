"""Shared fixtures: an app on a fresh SQLite database in a temporary instance folder,
its client and CLI runner, and signed-in clients for each role (the Flask tutorial's shape)."""
from __future__ import annotations

import os
import shutil

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from app.models import Assignment, Role
from app.services import conference as setup
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


def _test_config_base() -> dict:
    return {"TESTING": True, "SECRET_KEY": "test-secret", "WTF_CSRF_ENABLED": False, "LOGIN_MAX_FAILURES": 3,
            "RATELIMIT_ENABLED": False}  # tests/security/test_rate_limits.py turns it on


def _test_config(instance) -> dict:
    return {**_test_config_base(), "INSTANCE_PATH_OVERRIDE": str(instance),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'test.sqlite'}"}


# The database-touching tests run on SQLite always, and again on PostgreSQL when CI (or you) gives
# one: TEST_DATABASE_URL=postgresql+psycopg://user:password@127.0.0.1/dbname (see .ci/run).
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
NO_POSTGRES = "PostgreSQL pass skipped: TEST_DATABASE_URL is not set (.ci/run sets it)"
# Browser tests (a live server and Chromium) stay on SQLite: they test the pages, not the database.
SQLITE_ONLY_FIXTURES = {"live_server", "page"}


def pytest_generate_tests(metafunc):
    """Give every test that uses the app a SQLite and a PostgreSQL run."""
    if "db_backend" not in metafunc.fixturenames:
        return
    backends = ["sqlite"]
    if not SQLITE_ONLY_FIXTURES & set(metafunc.fixturenames):
        backends.append(pytest.param("postgresql", marks=[
            pytest.mark.postgresql, pytest.mark.skipif(not TEST_DATABASE_URL, reason=NO_POSTGRES)]))
    metafunc.parametrize("db_backend", backends)


@pytest.fixture(scope="session")
def postgres_database():
    """The PostgreSQL test database, emptied and migrated once per test session."""
    from sqlalchemy import create_engine

    engine = create_engine(TEST_DATABASE_URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    template = create_app({**_test_config_base(), "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URL,
                           "INSTANCE_PATH_OVERRIDE": os.path.join(os.getcwd(), "instance", "pg-test")})
    with template.app_context():
        upgrade()
        tables = [t.name for t in db.metadata.sorted_tables]
        db.engine.dispose()
    return tables


def _empty_postgres(app, tables) -> None:
    """A clean slate for one test: every table emptied, ids from 1 again (migrations kept)."""
    with app.app_context():
        quoted = ", ".join(f'"{name}"' for name in tables)
        with db.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))


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


def pytest_configure(config):
    """Register the marker that changes the app fixture's config for one test."""
    config.addinivalue_line("markers", "app_config(**settings): extra config for the app fixture")


@pytest.fixture
def app(tmp_path, request, db_backend):
    """An app on a migrated, empty database (its own SQLite file, or the emptied PostgreSQL test
    database), with a small conference, roster and one user per role.

    `@pytest.mark.app_config(WTF_CSRF_ENABLED=True)` on a test changes settings before the app is built.
    """
    instance = tmp_path / "instance"
    instance.mkdir()
    marker = request.node.get_closest_marker("app_config")
    config = {**_test_config(instance), **(marker.kwargs if marker else {})}
    if db_backend == "postgresql":
        config["SQLALCHEMY_DATABASE_URI"] = TEST_DATABASE_URL
        app = create_app(config)
        _empty_postgres(app, request.getfixturevalue("postgres_database"))
    else:
        shutil.copy(request.getfixturevalue("migrated_database"), instance / "test.sqlite")
        app = create_app(config)
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
