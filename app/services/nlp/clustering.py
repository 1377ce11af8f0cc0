"""Emerging clusters: ideas that fit no theme well, gathered into candidate emerging themes.

The clustering is slow (the theme model), so it never runs in a request: the job worker (the background
thread or process of app.services.jobs) computes it with :func:`compute_candidates`, and the pages read
the newest result with :func:`emerging_candidates`, which queues a fresh computation when ideas or the
codebook changed since. A cluster is only shown when it has at least two of the ideas still unthemed and
words (or a label) that say what it is about, so every page that lists clusters lists the same ones.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any, Optional, Sequence

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Conference, Idea, IdeaStatus, IdeaTheme, Theme, as_utc
from app.services import jobs
from app.services.nlp import idea_themes


@dataclass
class Candidate:
    """A cluster of ideas that fit no theme well, proposed as an emerging theme."""

    key: str
    words: list[str]
    ideas: list[Idea]
    label: str = ""

    @property
    def suggested_code(self) -> str:
        """A code a co-chair can accept or change: letters of the first characteristic word."""
        letters = re.sub(r"[^A-Za-z]", "", (self.words[0] if self.words else "NEW")).upper()
        return (letters[:6] or "NEW")


def unthemed_pool(conference: Conference) -> list[Idea]:
    """Ideas (not rejected) no co-chair has themed yet: where emerging themes are looked for.

    The suggester itself decides which of them fit no theme well (by meaning, not by the rank).
    """
    confirmed = select(IdeaTheme.idea_id).where(IdeaTheme.confirmed.is_(True))
    return list(db.session.scalars(
        select(Idea).where(Idea.conference_id == conference.id, Idea.status != IdeaStatus.REJECTED,
                           Idea.id.not_in(confirmed))
        .options(selectinload(Idea.group), selectinload(Idea.session)).order_by(Idea.id)
    ))


def _normalize_candidate(raw: Any) -> tuple[list[int], list[str], str]:
    """Read one candidate from the suggester, whatever record shape it uses."""
    get = raw.get if isinstance(raw, dict) else (lambda name, default=None: getattr(raw, name, default))
    members = None
    for name in ("indices", "members", "idea_indices", "items", "ideas"):
        members = get(name)
        if members is not None:
            break
    words = None
    for name in ("words", "keywords", "terms", "top_words"):
        words = get(name)
        if words is not None:
            break
    label = get("label") or get("name") or ""
    if members is None and isinstance(raw, (tuple, list)) and len(raw) >= 2:
        members, words = raw[0], raw[1]
    return [int(m) for m in (members or [])], [str(w) for w in (words or [])], str(label or "")


def _find_candidates(suggester, texts: list[str], langs: list[Optional[str]], ids: list[int]):
    raw_candidates = []
    for raw in suggester.emerging_candidates(texts, langs=langs) or []:
        indices, words, label = _normalize_candidate(raw)
        raw_candidates.append((words, [ids[i] for i in indices if 0 <= i < len(ids)], label))
    return raw_candidates


def _candidate_key(themes: Sequence[Theme], ideas: Sequence[Idea]) -> str:
    """What a candidate list was computed from: the codebook and the unthemed ideas as they were."""
    digest = hashlib.sha256(idea_themes.codebook_version(themes).encode())
    for idea in ideas:
        digest.update(f"{idea.id}:{as_utc(idea.updated_at)}|".encode())
    return digest.hexdigest()


def compute_candidates(conference: Conference) -> dict[str, Any]:
    """Cluster the unthemed ideas (the emerging-candidates job's work; slow, never in a request)."""
    ideas = unthemed_pool(conference)
    themes = idea_themes.active_themes(conference)
    key = _candidate_key(themes, ideas)
    if len(ideas) < 2 or not themes:
        return {"key": key, "candidates": []}
    suggester = idea_themes.suggester_for(conference, themes)
    found = _find_candidates(suggester, [i.text for i in ideas], [i.lang or None for i in ideas],
                             [i.id for i in ideas])
    return {"key": key, "candidates": [list(c) for c in found]}


def candidates_pending(conference: Conference) -> bool:
    """Whether fresh emerging candidates are still being computed."""
    return jobs.has_pending(conference.id, jobs.EMERGING)


def emerging_candidates(conference: Conference, limit: int = 10) -> list[Candidate]:
    """Clusters of ideas that fit no theme well, proposed as emerging themes, newest first.

    Computed by the job worker; this reads the newest result. When ideas or the codebook changed since,
    a fresh computation is queued and the last answer is shown meanwhile, restricted to ideas still
    unthemed. A cluster left with fewer than two such ideas, or with nothing to call it by, is not a
    candidate: the dashboard and the codebook page both read this list, so they never disagree.
    """
    ideas = unthemed_pool(conference)
    if len(ideas) < 2:
        return []
    themes = idea_themes.active_themes(conference)
    if not themes:
        return []
    result = jobs.latest_result(conference.id, jobs.EMERGING) or {}
    if result.get("key") != _candidate_key(themes, ideas) and not candidates_pending(conference):
        jobs.enqueue(jobs.EMERGING, conference)
        db.session.commit()
    by_id = {idea.id: idea for idea in ideas}
    candidates = [
        Candidate(key="-".join(str(i) for i in sorted(ids)), words=[w for w in map(str, words) if w.strip()],
                  ideas=[by_id[i] for i in ids if i in by_id], label=str(label or "").strip())
        for words, ids, label in result.get("candidates", [])
    ]
    candidates = [c for c in candidates if len(c.ideas) >= 2 and (c.words or c.label)]
    candidates.sort(key=lambda c: max(i.id for i in c.ideas), reverse=True)
    return candidates[:limit]
