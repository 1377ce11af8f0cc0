"""Flask extensions, created unbound here and bound in the app factory.

Models import ``db`` from this module, so nothing imports the app object itself
(the cookiecutter-flask layout).
"""
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from app import db_pragmas  # noqa: F401 - SQLite WAL and busy timeout on every connection

# Named constraints keep Alembic migrations portable between SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base whose metadata names every constraint."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
# Limits are set per view in app.rate_limits; storage comes from RATELIMIT_STORAGE_URI.
limiter = Limiter(key_func=get_remote_address)
# Interface language (English and French); the locale selector lives in app.i18n.
babel = Babel()


class ServiceContainer:
    """Per-app state of the services (anonymizer engines, theme suggesters, matchers, caches).

    The factory creates one and puts it in ``app.extensions["services"]``; services reach it through
    :func:`services`. Keeping this state on the app, not in module globals, means two apps in one process
    (tests, a CLI beside a worker) never see each other's engines or caches. spaCy pipelines themselves
    stay shared per process: they are read-only and loading them is the expensive part.
    """

    def __init__(self) -> None:
        import threading

        self._lock = threading.RLock()
        self._items: dict = {}

    def get_or_create(self, key, factory):
        """The item stored under ``key``, built once by ``factory()`` under the container's lock."""
        with self._lock:
            if key not in self._items:
                self._items[key] = factory()
            return self._items[key]

    def get(self, key, default=None):
        """The item stored under ``key``, or ``default``."""
        with self._lock:
            return self._items.get(key, default)

    def put(self, key, value) -> None:
        """Store (or replace) the item under ``key``."""
        with self._lock:
            self._items[key] = value

    def discard(self, key) -> None:
        """Forget the item under ``key`` if there is one (e.g. when a roster changes)."""
        with self._lock:
            self._items.pop(key, None)


def services() -> ServiceContainer:
    """The current app's service container (needs an app context)."""
    from flask import current_app

    return current_app.extensions["services"]
