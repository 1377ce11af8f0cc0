"""idea kind and support: clean ideas carry their kind, a confirmed support count and (when the
conference keeps sources) the anonymized sentence they came from

Revision ID: 0005_idea_kind_support
Revises: 0004_export_check_results
Create Date: 2026-12-01 18:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005_idea_kind_support'
down_revision = '0004_export_check_results'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('support', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('source_text', sa.Text(), nullable=True))
    with op.batch_alter_table('conference', schema=None) as batch_op:
        batch_op.add_column(sa.Column('keep_idea_sources', sa.Boolean(), server_default='0', nullable=False))


def downgrade():
    with op.batch_alter_table('conference', schema=None) as batch_op:
        batch_op.drop_column('keep_idea_sources')
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.drop_column('source_text')
        batch_op.drop_column('support')
        batch_op.drop_column('kind')
