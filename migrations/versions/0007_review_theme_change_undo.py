"""review: theme_change, the record that lets co-chairs undo a theme merge or retirement for a while

Revision ID: 0007_review_theme_change_undo
Revises: 0006_i18n_locale_french_names
Create Date: 2026-12-01 21:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007_review_theme_change_undo'
down_revision = '0006_i18n_locale_french_names'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'theme_change',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('conference_id', sa.Integer(), nullable=False),
        sa.Column('action', sa.String(length=10), nullable=False),
        sa.Column('theme_id', sa.Integer(), nullable=False),
        sa.Column('target_id', sa.Integer(), nullable=True),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('links', sa.JSON(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['conference_id'], ['conference.id'],
                                name=op.f('fk_theme_change_conference_id_conference')),
        sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_theme_change_theme_id_theme')),
        sa.ForeignKeyConstraint(['target_id'], ['theme.id'], name=op.f('fk_theme_change_target_id_theme')),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_theme_change_user_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_theme_change')),
    )
    with op.batch_alter_table('theme_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_change_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_theme_change_theme_id'), ['theme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_theme_change_at'), ['at'], unique=False)


def downgrade():
    with op.batch_alter_table('theme_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_change_at'))
        batch_op.drop_index(batch_op.f('ix_theme_change_theme_id'))
        batch_op.drop_index(batch_op.f('ix_theme_change_conference_id'))
    op.drop_table('theme_change')
