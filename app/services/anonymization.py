"""The app's one door to the anonymizer package.

spaCy models load once per process; an engine is cached per conference and
rebuilt when its roster or allow-list changes. The decrypted roster lives only
inside the engine, in memory.
"""
from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from anonymizer import AllowList, AnonymizationResult, AnonymizerEngine, Roster
from anonymizer.pipeline import DEFAULT_MODELS, load_model
from anonymizer.reasons import is_attribution, is_roster, is_weak_person  # noqa: F401 - reason codes, for the preview and export gate
from anonymizer.reasons import message as _code_message
from anonymizer.vocab import fold  # noqa: F401 - the roster's folding, for services that compare terms with it
from sqlalchemy import select

from app.extensions import db, services
from app.models import AllowTerm, Conference, EncryptedRoster
from app.services.conference import allowlist_terms, load_roster

if TYPE_CHECKING:
    from spacy.language import Language

_lock = threading.Lock()
_pipelines: dict[tuple[str, str], dict] = {}  # per process: read-only and expensive to load
ENGINES = "anonymizer.engines"  # per app, in the service container: conference id -> (version, engine)


@dataclass(frozen=True)
class AnonymizerSettings:
    """What the service needs from the app's configuration."""

    en_model: str
    fr_model: str
    key_path: str

    @classmethod
    def from_config(cls, config) -> "AnonymizerSettings":
        """Read the settings from a Flask config mapping."""
        return cls(config["ANONYMIZER_EN_MODEL"], config["ANONYMIZER_FR_MODEL"], config["ENCRYPTION_KEY_PATH"])


def pipelines(settings: AnonymizerSettings) -> dict:
    """The spaCy pipelines, loaded once per process."""
    return shared_pipelines(settings.en_model, settings.fr_model)


def shared_pipelines(en_model: Optional[str] = None, fr_model: Optional[str] = None) -> dict:
    """One spaCy pipeline per language and process, shared by the anonymizer and the theme lemmatizer.

    Loaded with the lemmatizer *disabled* rather than excluded: the anonymizer's ``nlp(text)`` runs
    without it as before, and the theme lemmatizer runs it explicitly on a tagged doc. One load instead
    of two saves about 60 MB and a second of start-up per process. Model names default to env
    ANONYMIZER_EN_MODEL / ANONYMIZER_FR_MODEL (an empty French name means English only).
    """
    en_model = en_model or os.environ.get("ANONYMIZER_EN_MODEL") or DEFAULT_MODELS["en"]
    fr_model = fr_model if fr_model is not None else (os.environ.get("ANONYMIZER_FR_MODEL") or DEFAULT_MODELS["fr"])
    key = (en_model, fr_model)
    with _lock:
        if key not in _pipelines:
            loaded = {}
            for lang, name in (("en", en_model), ("fr", fr_model)):
                if name:
                    nlp = load_model(name, exclude=[])
                    if "lemmatizer" in nlp.pipe_names:
                        nlp.disable_pipe("lemmatizer")
                    loaded[lang] = nlp
            _pipelines[key] = loaded
        return dict(_pipelines[key])


def models_loaded() -> bool:
    """Whether this process has loaded the anonymizer's spaCy pipelines."""
    return bool(_pipelines)


def load_spacy_model(lang: str, exclude: list[str]) -> "Language":
    """A spaCy pipeline for lang under the configured model name (env ANONYMIZER_EN_MODEL /
    ANONYMIZER_FR_MODEL, as the anonymizer reads it), with other components than the anonymizer's.

    Raises OSError when the model is not installed; nothing is ever downloaded.
    """
    name = os.environ.get(f"ANONYMIZER_{lang.upper()}_MODEL") or DEFAULT_MODELS[lang]
    return load_model(name, exclude=exclude)


def _version(conference: Conference) -> str:
    """A fingerprint of what the engine was built from: roster time and allow-list terms."""
    roster_time = db.session.scalar(
        select(EncryptedRoster.updated_at).where(EncryptedRoster.conference_id == conference.id)
    )
    terms = db.session.scalars(select(AllowTerm.term).where(AllowTerm.conference_id == conference.id))
    digest = hashlib.sha256("\n".join(sorted(terms)).encode()).hexdigest()
    return f"{roster_time}|{digest}"


def engine_version(conference: Conference) -> str:
    """What a conference's engine is built from (roster time, allow-list), for keying stored checks."""
    return _version(conference)


def engine_for(conference: Optional[Conference], settings: AnonymizerSettings) -> AnonymizerEngine:
    """The engine for a conference, with its roster and allow-list (cached)."""
    models = pipelines(settings)
    if conference is None:
        return AnonymizerEngine(models, roster=Roster.empty(), allowlist=AllowList.empty())
    version = _version(conference)
    engines = services().get_or_create(ENGINES, dict)
    cached = engines.get(conference.id)
    if cached and cached[0] == version:
        return cached[1]
    engine = AnonymizerEngine(
        models,
        roster=Roster.from_entries(load_roster(conference, settings.key_path)),
        allowlist=AllowList(allowlist_terms(conference)),
    )
    engines[conference.id] = (version, engine)
    return engine


def anonymize(text: str, conference: Optional[Conference], settings: AnonymizerSettings,
              lang: Optional[str] = None, keep_parse: bool = False) -> AnonymizationResult:
    """Anonymize one note or idea for a conference (keep_parse: hand the spaCy parse over in result.doc)."""
    engine = engine_for(conference, settings)
    if keep_parse:
        return engine.anonymize(text, lang=lang, keep_parse=True)
    return engine.anonymize(text, lang=lang)


def forget_engines() -> None:
    """Drop this app's cached engines (after a roster change in another process, or in tests)."""
    services().discard(ENGINES)


def reason_message(code, lang: str) -> Optional[str]:
    """The plain-words message of an anonymizer reason code in lang ('en' or 'fr').

    None for a code anonymizer.reasons does not know (then the span's own English reason is shown).
    """
    try:
        return _code_message(code, lang)
    except (KeyError, ValueError):
        return None


def current_anonymizer_settings() -> AnonymizerSettings:
    """The running app's anonymizer settings: the one place views and CLI commands read them from."""
    from flask import current_app

    return AnonymizerSettings.from_config(current_app.config)
