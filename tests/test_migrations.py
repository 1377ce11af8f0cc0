"""The schema goes through migrations: the migrated database matches the models exactly, and every
migration upgrades and downgrades, on SQLite and (when TEST_DATABASE_URL is set) on PostgreSQL."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from app.extensions import db


def test_migrations_match_the_models(app):
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == [], "models changed without a migration: run `flask db migrate`"


def _tables() -> set[str]:
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def test_migrations_downgrade_to_nothing_and_upgrade_again(app):
    with app.app_context():
        assert {"idea", "job", "conference"} <= _tables()
        downgrade(revision="0001_initial")
        assert "job" not in _tables() and "idea" in _tables()
        downgrade(revision="base")
        assert _tables() == set()
        upgrade()
        assert _tables() == {table.name for table in db.metadata.sorted_tables}
        db.engine.dispose()
