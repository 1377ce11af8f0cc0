"""Theme suggestions attached to ideas as they arrive.

Capture calls :func:`attach_suggestions` in the request that stores the ideas, so a new idea's
ranked suggestions are in the database before any co-chair can see it. Building a suggester (reading
the codebook, embedding its descriptions) is the slow part, so one suggester is kept per conference
and rebuilt only when the codebook changes; confirmations by co-chairs are fed to the cached
suggester as they happen instead of forcing a rebuild.
"""
from __future__ import annotations

import hashlib
import threading
from typing import Any, Iterable, Optional, Sequence

from sqlalchemy import delete, insert, select

from app.extensions import db
from app.models import Conference, Idea, IdeaStatus, IdeaTheme, Theme
from app.services.codebook import ThemeDef

# How many suggestions each idea carries (confirmed themes come on top of these).
SUGGESTIONS_PER_IDEA = 3

_lock = threading.Lock()
# conference id -> (codebook version, suggester)
_suggesters: dict[int, tuple[str, Any]] = {}


def active_themes(conference: Conference) -> list[Theme]:
    """The themes suggestions may point to: neither retired nor merged away."""
    return list(db.session.scalars(
        select(Theme)
        .where(Theme.conference_id == conference.id, Theme.retired.is_(False), Theme.merged_into_id.is_(None))
        .order_by(Theme.kind, Theme.code)
    ))


def theme_def(theme: Theme) -> ThemeDef:
    """The plain codebook entry the suggester reads, for a stored theme."""
    return ThemeDef(
        code=theme.code,
        name=theme.name,
        description=theme.description or "",
        keywords=tuple(theme.keyword_list),
        kind=theme.kind.value,
    )


def codebook_version(themes: Iterable[Theme]) -> str:
    """A fingerprint of the codebook: any add, rename, merge or retire changes it."""
    digest = hashlib.sha256()
    for theme in sorted(themes, key=lambda t: t.code):
        digest.update("\x1f".join((theme.code, theme.name, theme.description or "", theme.keywords or "",
                                   theme.kind.value)).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


def confirmed_examples(conference: Conference) -> list[tuple[str, list[str]]]:
    """(idea text, confirmed theme codes) for every idea a co-chair has themed, active themes only."""
    rows = db.session.execute(
        select(Idea.id, Idea.text, Theme.code)
        .join(IdeaTheme, IdeaTheme.idea_id == Idea.id)
        .join(Theme, Theme.id == IdeaTheme.theme_id)
        .where(Idea.conference_id == conference.id, IdeaTheme.confirmed.is_(True),
               Idea.status != IdeaStatus.REJECTED, Theme.retired.is_(False), Theme.merged_into_id.is_(None))
        .order_by(Idea.id)
    ).all()
    examples: dict[int, tuple[str, list[str]]] = {}
    for idea_id, text, code in rows:
        examples.setdefault(idea_id, (text, []))[1].append(code)
    return list(examples.values())


def suggester_for(conference: Conference, themes: Optional[Sequence[Theme]] = None):
    """The cached ThemeSuggester of a conference, rebuilt when its codebook changed."""
    from app.services.themes import ThemeSuggester  # the method engineer's module; heavy imports

    themes = list(themes) if themes is not None else active_themes(conference)
    version = codebook_version(themes)
    cached = _suggesters.get(conference.id)
    if cached and cached[0] == version:
        return cached[1]
    with _lock:
        cached = _suggesters.get(conference.id)
        if cached and cached[0] == version:
            return cached[1]
        suggester = ThemeSuggester([theme_def(t) for t in themes])
        for text, codes in confirmed_examples(conference):
            suggester.add_confirmed(text, codes)
        _suggesters[conference.id] = (version, suggester)
        return suggester


def learn_confirmation(conference: Conference, idea: Idea) -> None:
    """Teach the cached suggester an idea's confirmed themes (nothing to do if none is cached)."""
    cached = _suggesters.get(conference.id)
    if not cached:
        return
    codes = [link.theme.code for link in idea.themes
             if link.confirmed and not link.theme.retired and link.theme.merged_into_id is None]
    if codes:
        cached[1].add_confirmed(idea.text, codes)


_warm_started = False
_warm_lock = threading.Lock()  # not _lock: that one is held for a whole suggester build


def warm_up_in_background(app) -> None:
    """Load the models and build the current conference's suggester in a thread, once per process.

    Without this the first rapporteur to submit after a restart would wait for the models to load.
    """
    global _warm_started
    if _warm_started:
        return
    with _warm_lock:
        if _warm_started:
            return
        _warm_started = True

    def run() -> None:
        from app.services.conference_setup import current_conference

        with app.app_context():
            try:
                conference = current_conference()
                if conference is not None and active_themes(conference):
                    suggester_for(conference)
            except Exception:  # a warm-up failure must not take the app down; the first use retries
                import logging

                logging.getLogger(__name__).exception("theme suggester warm-up failed")
            finally:
                db.session.remove()

    threading.Thread(target=run, name="theme-suggester-warm-up", daemon=True).start()


def forget_suggesters() -> None:
    """Drop every cached suggester (tests, or after a bulk change in another process)."""
    with _lock:
        _suggesters.clear()


def attach_suggestions(conference: Conference, ideas: Sequence[Idea]) -> None:
    """Rank theme suggestions for newly stored (or edited) ideas (the caller commits).

    Replaces each idea's unconfirmed suggestions with fresh ones; confirmed themes stay as the
    co-chairs set them and are never ranked below a suggestion.
    """
    ideas = [idea for idea in ideas if idea is not None]
    if not ideas:
        return
    themes = active_themes(conference)
    if not themes:
        return
    by_code = {theme.code: theme for theme in themes}
    suggester = suggester_for(conference, themes)
    db.session.flush()  # ideas need ids before links can point at them
    # One batched call: the embedding model is much faster on a note's ideas together.
    ranked_lists = suggester.suggest_many([idea.text for idea in ideas], k=SUGGESTIONS_PER_IDEA,
                                          langs=[idea.lang or None for idea in ideas])
    store_suggestions(ideas, [[(by_code[code], float(conf)) for code, conf in ranked if code in by_code]
                              for ranked in ranked_lists])


def store_suggestions(ideas: Sequence[Idea], ranked_lists: Sequence[Sequence[tuple[Theme, float]]]) -> None:
    """Write ranked (theme, confidence) suggestions on ideas, keeping their confirmed themes.

    Set-based (one delete and one insert per chunk of ideas) so that re-ranking every waiting idea
    after a codebook change stays quick.
    """
    for start in range(0, len(ideas), 500):
        chunk = list(ideas[start:start + 500])
        chunk_ranked = ranked_lists[start:start + 500]
        ids = [idea.id for idea in chunk]
        confirmed: dict[int, dict[int, IdeaTheme]] = {}
        for link in db.session.scalars(
            select(IdeaTheme).where(IdeaTheme.idea_id.in_(ids), IdeaTheme.confirmed.is_(True))
        ):
            confirmed.setdefault(link.idea_id, {})[link.theme_id] = link
        db.session.execute(
            delete(IdeaTheme).where(IdeaTheme.idea_id.in_(ids), IdeaTheme.confirmed.is_(False)),
            execution_options={"synchronize_session": False},
        )
        rows = []
        for idea, ranked in zip(chunk, chunk_ranked):
            mine = confirmed.get(idea.id, {})
            rank = 1
            for theme, confidence in ranked:
                if theme.id in mine:
                    # Keep the suggester's confidence visible on a confirmed theme.
                    mine[theme.id].confidence = confidence
                    continue
                rows.append({"idea_id": idea.id, "theme_id": theme.id, "rank": rank,
                             "confidence": confidence, "confirmed": False})
                rank += 1
        if rows:
            db.session.execute(insert(IdeaTheme), rows)
        for idea in chunk:
            # The links changed behind the ORM's back: reload them on next access.
            db.session.expire(idea, ["themes"])
