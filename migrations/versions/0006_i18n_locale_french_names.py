"""i18n: each user's interface language; French names of the conference, days, sessions and themes

Revision ID: 0006_i18n_locale_french_names
Revises: 0005_idea_kind_support
Create Date: 2026-12-01 18:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006_i18n_locale_french_names'
down_revision = '0005_idea_kind_support'
branch_labels = None
depends_on = None

# server_default '' so rows that exist before the upgrade get an empty French name (English shown).
FRENCH_COLUMNS = [
    ('conference', 'name_fr', sa.String(length=300)),
    ('conference_day', 'title_fr', sa.String(length=300)),
    ('session', 'title_fr', sa.String(length=300)),
    ('theme', 'name_fr', sa.String(length=300)),
    ('theme', 'description_fr', sa.Text()),
]


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locale', sa.String(length=5), nullable=True))
    for table, column, kind in FRENCH_COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(column, kind, nullable=False, server_default=''))


def downgrade():
    for table, column, _kind in reversed(FRENCH_COLUMNS):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column(column)
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('locale')
