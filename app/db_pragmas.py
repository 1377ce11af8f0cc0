"""SQLite settings applied to every new connection: WAL and a busy timeout.

WAL lets readers (every page, the job worker's reads) proceed while one writer commits, and the busy
timeout makes a second writer wait for the lock instead of failing with "database is locked". Both
matter once several gunicorn workers and the job worker share one SQLite file. PostgreSQL needs none.
"""
import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine

BUSY_TIMEOUT_MS = 15_000


@event.listens_for(Engine, "connect")
def _sqlite_on_connect(dbapi_connection, connection_record) -> None:
    """Switch a new SQLite connection to WAL with a busy timeout (no-op for other databases)."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()
