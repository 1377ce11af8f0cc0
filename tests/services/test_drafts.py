"""Encrypted drafts: what a rapporteur types survives a closed tab, and never sits in clear."""
from datetime import timedelta

from sqlalchemy import select

from app.extensions import db
from app.models import Draft, utcnow
from app.services.capture import drafts

NOTE = "Odalys said shelters in the north need stable funding."


def _ids(app):
    from app.models import BreakoutGroup, Session, User

    user = db.session.scalar(select(User).where(User.username == "rapporteur"))
    session = db.session.scalar(select(Session).where(Session.title == "Themes"))
    group = db.session.scalar(select(BreakoutGroup).where(BreakoutGroup.label == "Group A"))
    return user.id, session.id, group.id


def test_saved_draft_loads_back_and_is_encrypted(app):
    with app.app_context():
        key = app.config["ENCRYPTION_KEY_PATH"]
        user_id, session_id, group_id = _ids(app)
        drafts.save_draft(user_id, session_id, group_id, NOTE, key, 600)
        assert drafts.load_draft(user_id, session_id, group_id, key) == NOTE
        stored = db.session.scalar(select(Draft))
        assert b"Odalys" not in stored.ciphertext and b"shelters" not in stored.ciphertext


def test_saving_again_replaces_the_one_draft(app):
    with app.app_context():
        key = app.config["ENCRYPTION_KEY_PATH"]
        ids = _ids(app)
        drafts.save_draft(*ids, "first", key, 600)
        drafts.save_draft(*ids, "second", key, 600)
        assert db.session.query(Draft).count() == 1
        assert drafts.load_draft(*ids, key) == "second"


def test_expired_draft_is_destroyed_on_load_and_by_purge(app):
    with app.app_context():
        key = app.config["ENCRYPTION_KEY_PATH"]
        ids = _ids(app)
        drafts.save_draft(*ids, NOTE, key, 600)
        draft = db.session.scalar(select(Draft))
        draft.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        assert drafts.load_draft(*ids, key) is None
        assert db.session.query(Draft).count() == 0
        drafts.save_draft(*ids, NOTE, key, 600)
        db.session.scalar(select(Draft)).expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        assert drafts.purge_expired() == 1


def test_destroy_removes_the_draft(app):
    with app.app_context():
        key = app.config["ENCRYPTION_KEY_PATH"]
        ids = _ids(app)
        drafts.save_draft(*ids, NOTE, key, 600)
        user_id, session_id, group_id = ids
        other = (user_id, session_id + 1, group_id)  # the same rapporteur's draft for another session
        drafts.save_draft(*other, NOTE, key, 600)
        drafts.destroy_draft(*ids)
        db.session.commit()
        assert drafts.load_draft(*ids, key) is None
        assert drafts.load_draft(*other, key) == NOTE  # only that draft went


def test_draft_under_another_key_reads_as_none(app, tmp_path):
    with app.app_context():
        ids = _ids(app)
        drafts.save_draft(*ids, NOTE, app.config["ENCRYPTION_KEY_PATH"], 600)
        assert drafts.load_draft(*ids, str(tmp_path / "other.key")) is None
        assert drafts.load_draft(*ids, app.config["ENCRYPTION_KEY_PATH"]) == NOTE
