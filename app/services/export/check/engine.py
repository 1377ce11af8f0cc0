"""The anonymizer's detections on export texts, stored per text hash so exports reuse earlier checks.

The export check's second layer runs the anonymizer engine over every text. That costs a model
run per text, too slow to repeat over 2,000 ideas at every export, so each idea is checked when
it is approved (precheck) and the findings are stored in ``check_result``: offsets, labels,
actions and reasons, never the text. A row is keyed by the text's hash and by a version of what
the engine was built from (roster, allow-list, model names), so a roster change or an edit of
the idea simply misses the stored result and the engine runs again.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Optional, Sequence

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db
from app.models import Conference
from app.models_export import CheckResult

log = logging.getLogger(__name__)

# Bump when the engine's output for the same inputs changes meaning (a new recognizer).
ENGINE_CHECK_REVISION = "2"  # 2: reason codes stored beside each span


@dataclass(frozen=True)
class Found:
    """One detection of the engine in a text."""

    start: int
    end: int
    label: str
    action: str
    reason: str
    text: str
    codes: tuple = ()


def text_hash(text: str, lang: Optional[str]) -> str:
    """A stored result's key for one text in one language."""
    return hashlib.sha256(f"{lang or ''}\x00{text}".encode("utf-8", "surrogatepass")).hexdigest()


def engine_version(conference: Conference, settings) -> str:
    """What the engine's detections depend on, as a short hash."""
    from app.services.anonymization import engine_version as built_from

    raw = f"{built_from(conference)}|{settings.en_model}|{settings.fr_model}|{ENGINE_CHECK_REVISION}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _stored(conference: Conference, version: str, hashes: Sequence[str]) -> dict[str, list]:
    found: dict[str, list] = {}
    unique = list(dict.fromkeys(hashes))
    for start in range(0, len(unique), 500):  # stay under SQLite's bound-parameter limit
        chunk = unique[start:start + 500]
        for key, findings in db.session.execute(
            select(CheckResult.text_hash, CheckResult.findings).where(
                CheckResult.conference_id == conference.id, CheckResult.version == version,
                CheckResult.text_hash.in_(chunk))):
            found[key] = findings
    return found


def _store(conference: Conference, version: str, rows: dict[str, list]) -> None:
    """Insert new results, ignoring ones another worker stored meanwhile; commits its own rows."""
    if not rows:
        return
    values = [{"conference_id": conference.id, "text_hash": key, "version": version, "findings": findings}
              for key, findings in rows.items()]
    dialect = db.engine.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - other databases fall back to a plain insert of what is new
        insert = None
    try:
        if insert is not None:
            db.session.execute(insert(CheckResult).values(values).on_conflict_do_nothing())
        else:
            db.session.add_all(CheckResult(**v) for v in values)
        db.session.commit()
    except SQLAlchemyError as exc:  # storing is an optimisation: the check itself already ran
        db.session.rollback()
        log.warning("could not store %d export check results (%s)", len(rows), type(exc).__name__)


def detect(conference: Conference, settings, texts: Sequence[tuple[str, Optional[str]]],
           use_cache: bool = True) -> list[list[Found]]:
    """The engine's spans for each (text, lang): stored results first, the engine for the rest."""
    version = engine_version(conference, settings)
    hashes = [text_hash(text, lang) for text, lang in texts]
    stored = _stored(conference, version, hashes) if use_cache else {}
    results: list[Optional[list[Found]]] = [
        [Found(s, e, label, action, reason, text[s:e], tuple(codes)) for s, e, label, action, reason, codes
         in stored[key]]
        if key in stored else None for key, (text, _) in zip(hashes, texts)]
    missing: dict[Optional[str], list[int]] = {}
    for index, found in enumerate(results):
        if found is None:
            missing.setdefault(texts[index][1], []).append(index)
    if not missing:
        return results  # type: ignore[return-value]
    from app.services.anonymization import engine_for

    engine = engine_for(conference, settings)
    new_rows: dict[str, list] = {}
    for lang, indexes in missing.items():
        outcomes = engine.anonymize_many([texts[i][0] for i in indexes], lang=lang)
        for index, outcome in zip(indexes, outcomes):
            text = texts[index][0]
            spans = [(s.start, s.end, s.label or "", s.action or "", s.reason or "",
                      tuple(getattr(c, "value", c) for c in s.codes)) for s in outcome.spans]
            results[index] = [Found(*span[:5], text[span[0]:span[1]], span[5]) for span in spans]
            new_rows[hashes[index]] = [[*span[:5], list(span[5])] for span in spans]
    if use_cache:
        _store(conference, version, new_rows)
    return results  # type: ignore[return-value]
