"""What the app has stored, as bytes to search for raw names: the SQLite file and its journals,
or on PostgreSQL every row of every table as text; plus every file under instance/."""
from __future__ import annotations

import os

from sqlalchemy import text

from app.extensions import db


def stored_blobs(app, include_instance: bool = False) -> dict[str, bytes]:
    """{where: bytes} for the database (file or rows) and, if asked, every file under instance/."""
    blobs: dict[str, bytes] = {}
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            rows = []
            with db.engine.connect() as connection:
                for table in db.metadata.sorted_tables:
                    rows += connection.execute(text(f'SELECT t::text FROM "{table.name}" t')).scalars().all()
            assert rows, "the check must have seen stored rows"
            blobs["postgresql"] = "\n".join(rows).encode("utf-8")
            paths = []
        else:
            database_path = db.engine.url.database
            db.session.remove()
            db.engine.dispose()  # close every connection so the file on disk is complete
            assert os.path.getsize(database_path) > 0
            paths = [database_path + suffix for suffix in ("", "-wal", "-journal", "-shm")]
    if include_instance:
        paths += [os.path.join(folder, name) for folder, _, files in os.walk(app.instance_path) for name in files]
    for path in dict.fromkeys(paths):
        if os.path.exists(path):
            with open(path, "rb") as handle:
                blobs[path] = handle.read()
    return blobs
