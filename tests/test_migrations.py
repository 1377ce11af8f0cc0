"""The schema goes through migrations: the migrated database matches the models exactly."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.extensions import db


def test_migrations_match_the_models(app):
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == [], "models changed without a migration: run `flask db migrate`"
