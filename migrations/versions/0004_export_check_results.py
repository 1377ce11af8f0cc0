"""export check results: the anonymizer's findings per text hash, stored at approval

Revision ID: 0004_export_check_results
Revises: 0003_job_queue
Create Date: 2026-12-01 18:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004_export_check_results'
down_revision = '0003_job_queue'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('check_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('version', sa.String(length=64), nullable=False),
    sa.Column('findings', sa.JSON(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], name=op.f('fk_check_result_conference_id_conference')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_result')),
    sa.UniqueConstraint('conference_id', 'text_hash', 'version', name=op.f('uq_check_result_conference_id'))
    )
    with op.batch_alter_table('check_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_result_conference_id'), ['conference_id'], unique=False)


def downgrade():
    with op.batch_alter_table('check_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_result_conference_id'))

    op.drop_table('check_result')
