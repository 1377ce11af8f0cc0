"""Cost of one pathological note through the real routes: 50,000 characters of one hyphenated token.

    .venv/bin/python benchmarks/long_note_bench.py

Preview and submit go through the Flask app (test client, real SQLite in a temporary folder, real spaCy);
the theme model is not on the submit path (submit only queues a job), so the times are the anonymizer's
and the database's. Also times the anonymizer alone on the same note, to tell which part is slow.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    """Seed a small conference, then time preview, submit and the bare anonymizer on the long note."""
    from flask_migrate import upgrade
    from sqlalchemy import select

    from app import create_app
    from app.extensions import db
    from app.models import Assignment, BreakoutGroup, Role, Session, SessionKind
    from app.services import conference as setup
    from app.services.accounts import create_user
    from app.services.anonymization import AnonymizerSettings, anonymize

    tmp = Path(tempfile.mkdtemp(prefix="wps-long-"))
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "INSTANCE_PATH_OVERRIDE": str(tmp),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'long.sqlite'}", "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade()
        conference = setup.import_conference({"name": "Long-note bench", "groups": ["Group A"], "days": [
            {"number": 1, "sessions": [{"title": "Themes", "kind": "breakout"}]}],
            "themes": [{"code": "RES", "name": "Resources", "keywords": "funding"}]})
        user = create_user("rapporteur", "long-note-password", Role.RAPPORTEUR)
        group = db.session.scalar(select(BreakoutGroup).where(BreakoutGroup.label == "Group A"))
        db.session.add(Assignment(user_id=user.id, group_id=group.id))
        db.session.commit()
        session_id = next(s.id for s in db.session.scalars(select(Session)) if s.kind == SessionKind.BREAKOUT)
        prefix = f"/capture/{session_id}/{group.id}"
        note = "-".join(["peacebuilding"] * 4000)[:50_000]
        settings = AnonymizerSettings.from_config(app.config)
        anonymize("Warm-up.", conference, settings)  # models loaded, as /readyz guarantees
        started = time.perf_counter()
        anonymize(note, conference, settings)
        bare = time.perf_counter() - started
    client = app.test_client()
    client.post("/auth/login", data={"username": "rapporteur", "password": "long-note-password"})
    started = time.perf_counter()
    preview = client.post(prefix + "/preview", json={"text": note})
    preview_s = time.perf_counter() - started
    started = time.perf_counter()
    submit = client.post(prefix + "/submit", json={"submission_key": "long-note-0001", "ideas": [note]})
    submit_s = time.perf_counter() - started
    print(f"note: {len(note):,} characters, one hyphenated token")
    print(f"preview {preview_s:.2f} s (HTTP {preview.status_code}; target <= 2 s)")
    print(f"submit  {submit_s:.2f} s (HTTP {submit.status_code}; target <= 3 s)")
    print(f"anonymizer alone on the same note: {bare:.2f} s")


if __name__ == "__main__":
    main()
