"""Migration 0002_sign_in_hardening on a database with accounts: keys filled, sign-in works, and back."""
from __future__ import annotations

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from app import create_app
from app.extensions import db


def test_upgrade_fills_username_keys_and_downgrade_restores_the_old_columns(tmp_path):
    instance = tmp_path / "instance"
    app = create_app({"TESTING": True, "INSTANCE_PATH_OVERRIDE": str(instance), "SECRET_KEY": "t",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'm.sqlite'}"})
    with app.app_context():
        upgrade(revision="0001_initial")
        db.session.execute(sa.text(
            "INSERT INTO user (username, password_hash, role, active, failed_logins, created_at) "
            "VALUES ('Quillon-Marsh', 'x', 'COCHAIR', 1, 4, '2026-01-01 00:00:00')"))
        db.session.commit()
        upgrade(revision="0002_sign_in_hardening")
        # Read with SQL: the User model already has later revisions' columns (user.locale).
        user = db.session.execute(sa.text(
            "SELECT username, username_key, session_version FROM user WHERE username_key = 'quillon-marsh'")).one()
        assert user.username == "Quillon-Marsh" and user.username_key == "quillon-marsh"
        assert user.session_version == 0
        db.session.remove()
        downgrade(revision="0001_initial")
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("user")}
        assert {"failed_logins", "locked_until"} <= columns and "username_key" not in columns
        assert "login_throttle" not in sa.inspect(db.engine).get_table_names()
        db.engine.dispose()
