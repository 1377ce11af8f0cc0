"""Warm start: load the models once per worker, in the background, and say when the worker is ready.

A worker answers requests at once (``/healthz``); ``/readyz`` turns 200 only when the anonymizer's
spaCy pipelines and the theme model are loaded, so a proxy or the capture page can wait for it instead
of a rapporteur's first preview paying the 8-15 s of loading.
"""
from __future__ import annotations

import logging
import os
import threading

from app.extensions import db

log = logging.getLogger(__name__)

ANONYMIZER = "anonymizer"
THEMES = "theme model"

_ready: set[str] = set()
_failed: set[str] = set()
_started = False
_lock = threading.Lock()


def loading() -> list[str]:
    """The models this process has not finished loading (empty when ready)."""
    return [name for name in (ANONYMIZER, THEMES) if name not in _ready]


def failed() -> list[str]:
    """Models whose warm-up failed (the first request that needs them loads them again)."""
    return sorted(_failed)


def _warm_anonymizer(app) -> None:
    from app.services.anonymization import AnonymizerSettings
    from app.services.capture.warm import warm_up as warm_capture
    from app.services.conference import current_conference

    settings = AnonymizerSettings.from_config(app.config)
    # One short note through the capture path: loads spaCy, decrypts the roster, builds the engine,
    # the clean-idea extractor and the final gate's dictionaries, and pays the first-call costs.
    warm_capture(current_conference(), settings)


def _warm_themes(app) -> None:
    from app.services.nlp import idea_themes
    from app.services.conference import current_conference
    from app.services.nlp.embedding import get_embedder
    from app.services.nlp.lemmatizer import get_lemmatizer

    get_embedder().queries(["Warm-up idea."])
    get_lemmatizer().lemmas("Warm-up idea.", "en")
    conference = current_conference()
    if conference is not None and idea_themes.active_themes(conference):
        idea_themes.suggester_for(conference)


def warm_up(app) -> None:
    """Load every model now, in this thread (the background thread's work)."""
    for name, step in ((ANONYMIZER, _warm_anonymizer), (THEMES, _warm_themes)):
        with app.app_context():
            try:
                step(app)
                _ready.add(name)
                _failed.discard(name)
            except Exception as exc:  # noqa: BLE001 - the app stays up; first use loads lazily
                _failed.add(name)
                log.error("warm-up of the %s failed (%s)", name, type(exc).__name__)
            finally:
                db.session.remove()


def start_warm_up(app) -> bool:
    """Start the warm-up thread once per process; False if it was already started."""
    global _started
    with _lock:
        if _started:
            return False
        _started = True
    threading.Thread(target=warm_up, args=(app,), name="model-warm-up", daemon=True).start()
    return True


_background_pid = 0


def start_background(app) -> None:
    """Everything a serving process runs beside requests: the model warm-up and the job worker."""
    global _background_pid
    if _background_pid == os.getpid():
        return  # the hot path: every request of a process that already started them
    from app.services import jobs

    _background_pid = os.getpid()
    if app.config.get("WARM_UP", not app.testing):
        start_warm_up(app)
    if app.config.get("JOBS_WORKER_THREAD", not app.testing):
        jobs.start_worker(app)


def install(app) -> None:
    """Start the background work with the first request a process serves.

    Under gunicorn, ``gunicorn.conf.py`` starts it as soon as a worker has loaded the app; this hook
    covers ``flask run`` and any other server. CLI commands serve no request and start nothing.
    """

    @app.before_request
    def _start_background() -> None:
        start_background(app)
