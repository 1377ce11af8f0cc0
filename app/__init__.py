"""The application factory, in small named steps (cookiecutter-flask style)."""
from __future__ import annotations

import logging
import os
from typing import Any, Mapping, Optional

from flask import Flask, redirect, render_template, url_for
from flask_babel import lazy_gettext
from flask_login import current_user

from app import config as default_config
from app import inputs
from app.extensions import ServiceContainer, csrf, db, limiter, login_manager, migrate
from app.rate_limits import trust_proxy

MIGRATIONS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "migrations")


def create_app(test_config: Optional[Mapping[str, Any]] = None) -> Flask:
    """Build the app: defaults, then instance/config.py, then DATABASE_URL, then the test config."""
    app = Flask(__name__, instance_relative_config=True)
    configure(app, test_config)
    inputs.init_app(app)  # bounded <int:> ids and safe JSON, before any route is added
    register_extensions(app)
    trust_proxy(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_security_headers(app)
    register_commands(app)
    configure_logging(app)
    from app.services import readiness

    readiness.install(app)  # model warm-up and the job worker thread, with the first request served
    return app


def configure(app: Flask, test_config: Optional[Mapping[str, Any]]) -> None:
    """Load settings and make sure instance/ holds the secrets it needs."""
    from app.services.instance_files import secure_instance
    from app.services.keys import load_or_create_secret

    app.config.from_object(default_config)
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_pyfile("config.py", silent=True)
    if os.environ.get("DATABASE_URL"):
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    app.config.setdefault(
        "SQLALCHEMY_DATABASE_URI", "sqlite:///" + os.path.join(app.instance_path, "capture.sqlite")
    )
    if test_config:
        app.config.from_mapping(test_config)
    instance = app.config.get("INSTANCE_PATH_OVERRIDE") or app.instance_path
    app.instance_path = instance
    os.makedirs(instance, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_or_create_secret(os.path.join(instance, "secret_key"))
    app.config.setdefault("ENCRYPTION_KEY_PATH", os.path.join(instance, "encryption.key"))
    secure_instance(instance, app.config["SQLALCHEMY_DATABASE_URI"])


def register_extensions(app: Flask) -> None:
    """Bind the extensions created in app.extensions, and give the app its service container."""
    app.extensions["services"] = ServiceContainer()
    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR, render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = lazy_gettext("Please sign in to continue.")
    login_manager.session_protection = "strong"

    from app import models_jobs  # noqa: F401 - the job table belongs to the schema
    from app import models_review  # noqa: F401 - so does the review's undo record
    from app import models_setup  # noqa: F401 - the reset-code table belongs to the schema
    from app import models_export  # noqa: F401 - and the export records
    from app.i18n import init_app as init_i18n
    from app.models import User

    init_i18n(app)

    @login_manager.user_loader
    def load_user(session_id: str) -> Optional[User]:
        """The user of a session cookie "id:version"; None once signed out (version bumped) or deactivated."""
        user_id, _, version = session_id.partition(":")
        if not (user_id.isdigit() and version.isdigit() and len(user_id) < 19 and len(version) < 19):
            return None
        user = db.session.get(User, int(user_id))
        return user if user is not None and user.active and user.session_version == int(version) else None


def register_blueprints(app: Flask) -> None:
    """One blueprint per area (CTFd style)."""
    from app.admin import bp as admin_bp
    from app.auth import bp as auth_bp
    from app.capture import bp as capture_bp
    from app.export import bp as export_bp
    from app.health import bp as health_bp
    from app.review import bp as review_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(capture_bp)
    app.register_blueprint(review_bp)
    app.register_blueprint(export_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(health_bp)

    @app.get("/")
    def home():
        """Send each role to the page it works in."""
        if not current_user.is_authenticated:
            return redirect(url_for("auth.login"))
        from app.models import Role

        target = {
            Role.RAPPORTEUR: "capture.index",
            Role.COCHAIR: "review.dashboard",
            Role.DRAFTER: "export.index",
            Role.ADMIN: "admin.index",
        }[current_user.role]
        return redirect(url_for(target))


def register_error_handlers(app: Flask) -> None:
    """Plain error pages that never echo what was submitted."""
    from flask import jsonify, request
    from flask_wtf.csrf import CSRFError

    def wants_json() -> bool:
        return request.is_json or request.accept_mimetypes.best == "application/json"

    def render_error(code: int, message: str):
        # A failed flush leaves the session unusable; rendering the page (which loads the user)
        # would then fail with PendingRollbackError and the server's bare page would show.
        try:
            db.session.rollback()
        except Exception:  # noqa: BLE001 - the error page must render whatever the database does
            app.logger.warning("rollback before the error page failed")
        if wants_json():
            return jsonify(error=str(message)), code
        return render_template("error.html", code=code, message=message), code

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(400, lazy_gettext(
            "Your session form expired. Reload the page and try again; your draft is kept."))

    for code, message in {
        400: lazy_gettext("The request could not be understood."),
        403: lazy_gettext("Your role does not give access to this page."),
        404: lazy_gettext("There is nothing at this address."),
        405: lazy_gettext("That action is not allowed here."),
        409: lazy_gettext("That changed in the meantime. Reload the page and try again."),
        413: lazy_gettext("What you sent is too large."),
        429: lazy_gettext("Too many requests in a short time. Wait a minute and try again; "
                          "nothing you typed is lost."),
        500: lazy_gettext("Something went wrong on the server. Nothing you typed was stored in clear."),
    }.items():
        app.register_error_handler(
            code, lambda error, c=code, m=message: render_error(c, getattr(error, "user_message", None) or m))


def register_security_headers(app: Flask) -> None:
    """Headers that keep notes from being framed, sniffed or cached on shared laptops."""

    @app.after_request
    def add_headers(response):
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("Cache-Control", "no-store")
        return response


def register_commands(app: Flask) -> None:
    """Register the flask CLI commands."""
    from app.cli import register

    register(app)


def configure_logging(app: Flask) -> None:
    """Log to stderr at INFO; the app logs actions and ids, never note text."""
    if not app.debug and not app.testing:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
