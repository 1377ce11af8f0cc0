"""set-up: a stable code per session (re-importing the conference matches by it) and one-time password
reset codes

Revision ID: 0008_session_codes_reset_codes
Revises: 0007_review_theme_change_undo
Create Date: 2026-12-01 21:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008_session_codes_reset_codes'
down_revision = '0007_review_theme_change_undo'
branch_labels = None
depends_on = None


def upgrade():
    # Existing sessions get no code: the import matches them by day and title until a file gives one.
    with op.batch_alter_table('session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code', sa.String(length=40), nullable=True))
    op.create_table('password_reset_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('code_sha256', sa.String(length=64), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_password_reset_code_created_by_id_user')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_password_reset_code_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_password_reset_code')),
    sa.UniqueConstraint('user_id', name=op.f('uq_password_reset_code_user_id'))
    )


def downgrade():
    op.drop_table('password_reset_code')
    with op.batch_alter_table('session', schema=None) as batch_op:
        batch_op.drop_column('code')
