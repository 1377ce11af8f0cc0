"""Files under instance/ (the SQLite database and its journals, keys, exports) readable by their owner only.

SQLite creates its database with the process umask (usually 0644: world-readable) and gives its
-wal/-shm/-journal files the database file's mode; so the database file is created here, empty
and 0600, before the engine first opens it, and an existing one is tightened to 0600.
"""
from __future__ import annotations

import os
import stat
from typing import Optional

from sqlalchemy.engine import make_url

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
_SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def sqlite_file(database_uri: str) -> Optional[str]:
    """The file path of a SQLite URL, or None for other databases and in-memory SQLite."""
    url = make_url(database_uri)
    if not url.drivername.startswith("sqlite") or url.database in (None, "", ":memory:"):
        return None
    if url.database.startswith("file:"):
        return None
    return url.database


def _tighten(path: str, mode: int) -> None:
    try:
        current = stat.S_IMODE(os.stat(path).st_mode)
        if current & ~mode:
            os.chmod(path, current & mode)
    except FileNotFoundError:
        pass
    except PermissionError:
        pass  # not our file: leave it to whoever owns it


def create_private_file(path: str) -> None:
    """Create path empty with mode 0600 if it does not exist yet."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        pass


def open_private(path: str, mode: str = "wb"):
    """Open path for writing, creating it 0600 (exports written by the CLI, for instance)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    _tighten(path, PRIVATE_FILE)
    return os.fdopen(fd, mode)


def secure_instance(instance_path: str, database_uri: str) -> None:
    """Make instance/ 0700, and the SQLite database (created if absent) and its journals 0600."""
    _tighten(instance_path, PRIVATE_DIR)
    path = sqlite_file(database_uri)
    if path is None:
        return
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(directory):
        create_private_file(path)
    for suffix in _SQLITE_COMPANIONS:
        _tighten(path + suffix, PRIVATE_FILE)
    for name in ("secret_key", "encryption.key"):
        _tighten(os.path.join(instance_path, name), PRIVATE_FILE)
