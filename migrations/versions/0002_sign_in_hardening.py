"""sign-in hardening: case-insensitive usernames, session versions, lockout by (account, address)

Revision ID: 0002_sign_in_hardening
Revises: 0001_initial
Create Date: 2026-12-01 18:30:00

The per-account counter (user.failed_logins, user.locked_until) let anyone lock any account
and raced under concurrent guesses; it is replaced by the login_throttle table, one row per
(typed username, client address), incremented with a single atomic statement.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_sign_in_hardening'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('login_throttle',
    sa.Column('account', sa.String(length=160), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('window_started_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('account', 'address', name=op.f('pk_login_throttle'))
    )
    with op.batch_alter_table('login_throttle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_throttle_window_started_at'), ['window_started_at'], unique=False)

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('username_key', sa.String(length=160), nullable=True))
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='0', nullable=False))
    _fill_username_keys()
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.alter_column('username_key', existing_type=sa.String(length=160), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_user_username_key'), ['username_key'])
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_logins')


def _fill_username_keys():
    """Lower-case every username; two accounts differing only in case must be merged by hand first."""
    connection = op.get_bind()
    user = sa.table('user', sa.column('id', sa.Integer), sa.column('username', sa.String),
                    sa.column('username_key', sa.String))
    seen = {}
    for user_id, username in connection.execute(sa.select(user.c.id, user.c.username)).all():
        key = username.strip().lower()
        if key in seen:
            raise RuntimeError(f"Accounts {seen[key]} and {user_id} differ only in letter case; "
                               "rename or remove one before upgrading.")
        seen[key] = user_id
        connection.execute(user.update().where(user.c.id == user_id).values(username_key=key))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_constraint(batch_op.f('uq_user_username_key'), type_='unique')
        batch_op.drop_column('session_version')
        batch_op.drop_column('username_key')

    with op.batch_alter_table('login_throttle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_throttle_window_started_at'))

    op.drop_table('login_throttle')
