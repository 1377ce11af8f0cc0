"""Checking ideas as co-chairs approve them, so an export's final check finds the results ready.

The final check of 2,000 ideas must take seconds, but the anonymizer engine costs a model run per
text. Each idea is therefore checked once, right after its approval is committed: the gate's
result is cached in memory and the engine's is stored by text hash (app.services.export.check.engine).
An export then computes only what changed since.
"""
from __future__ import annotations

import logging
from typing import Iterable

from sqlalchemy import select

from app.extensions import db
from app.models import Conference, Idea, Theme

log = logging.getLogger(__name__)


def precheck_ideas(conference: Conference, ideas: Iterable[Idea], settings) -> None:
    """Run both layers of the final check on ideas (and the codebook texts every export holds)."""
    from app.services.export.check import engine as engine_check
    from app.services.export.check.findings import gate_findings

    pairs = [(idea.text, idea.lang) for idea in ideas]
    if not pairs:
        return
    for theme in db.session.scalars(select(Theme).where(Theme.conference_id == conference.id)):
        pairs.append((theme.name, None))
        if (theme.description or "").strip():
            pairs.append((theme.description, None))
    gate_findings(conference, settings, pairs, True, None)
    engine_check.detect(conference, settings, pairs, True)


def precheck_approved(conference: Conference, idea: Idea, settings) -> None:
    """precheck_ideas for one just-approved idea; a failure costs only speed at export, never the approval."""
    try:
        precheck_ideas(conference, [idea], settings)
    except Exception as exc:  # noqa: BLE001 - the export runs the full check anyway
        db.session.rollback()
        log.warning("export precheck failed for idea %s (%s)", idea.id, type(exc).__name__)
