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

from anonymizer import AllowList, AnonymizationResult, AnonymizerEngine, Roster, load_pipelines
from anonymizer.pipeline import DEFAULT_MODELS, load_model
from anonymizer.vocab import fold  # noqa: F401 - the roster's folding, for services that compare terms with it
from sqlalchemy import select

from app.extensions import db
from app.models import AllowTerm, Conference, EncryptedRoster
from app.services.conference_setup import allowlist_terms, load_roster

if TYPE_CHECKING:
    from spacy.language import Language

_lock = threading.Lock()
_pipelines: dict[tuple[str, str], dict] = {}
_engines: dict[int, tuple[str, AnonymizerEngine]] = {}


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
    key = (settings.en_model, settings.fr_model)
    with _lock:
        if key not in _pipelines:
            _pipelines[key] = load_pipelines(en_model=settings.en_model, fr_model=settings.fr_model)
        return _pipelines[key]


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


def engine_for(conference: Optional[Conference], settings: AnonymizerSettings) -> AnonymizerEngine:
    """The engine for a conference, with its roster and allow-list (cached)."""
    models = pipelines(settings)
    if conference is None:
        return AnonymizerEngine(models, roster=Roster.empty(), allowlist=AllowList.empty())
    version = _version(conference)
    cached = _engines.get(conference.id)
    if cached and cached[0] == version:
        return cached[1]
    engine = AnonymizerEngine(
        models,
        roster=Roster.from_entries(load_roster(conference, settings.key_path)),
        allowlist=AllowList(allowlist_terms(conference)),
    )
    with _lock:
        _engines[conference.id] = (version, engine)
    return engine


def anonymize(text: str, conference: Optional[Conference], settings: AnonymizerSettings,
              lang: Optional[str] = None) -> AnonymizationResult:
    """Anonymize one note or idea for a conference."""
    return engine_for(conference, settings).anonymize(text, lang=lang)


def forget_engines() -> None:
    """Drop cached engines (after a roster change in another process, or in tests)."""
    with _lock:
        _engines.clear()


def reason_message(code, lang: str) -> Optional[str]:
    """The plain-words message of an anonymizer reason code in lang ('en' or 'fr').

    None when this anonymizer gives no reason codes (then its own English reason is shown).
    """
    try:
        from anonymizer.reasons import message
    except ImportError:
        return None
    try:
        return message(code, lang)
    except (KeyError, ValueError):
        return None
