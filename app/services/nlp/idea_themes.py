"""Theme suggestions attached to ideas as they arrive.

The job worker (app.services.jobs) calls :func:`attach_suggestions` for ideas that capture or a co-chair's
edit queued: no request waits for the theme model. Building a suggester (reading the codebook, embedding
its descriptions) is the slow part, so one suggester is kept per conference in the app's service container
(``app.extensions.services()``), rebuilt only when the codebook changes; co-chairs' confirmations are read
from the database and taught to the cached suggester when it is next used, instead of forcing a rebuild.
"""
from __future__ import annotations

import hashlib
import threading
from typing import Any, Iterable, Optional, Sequence

from sqlalchemy import delete, insert, select

from app.extensions import db, services
from app.models import Conference, Idea, IdeaStatus, IdeaTheme, Theme
from app.services.review.codebook import ThemeDef

# How many suggestions each idea carries (confirmed themes come on top of these).
SUGGESTIONS_PER_IDEA = 3

# Service-container key of this app's suggesters: conference id -> (codebook version, suggester,
# confirmed examples it learned).
SUGGESTERS_KEY = "nlp.suggesters"
_lock = threading.Lock()  # check-and-update of one app's cache entry is one step


def cached_suggesters() -> dict[int, tuple[str, Any, set]]:
    """This app's cached suggesters, by conference id (needs an app context)."""
    return services().get_or_create(SUGGESTERS_KEY, dict)


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
    return [(text, codes) for _, text, codes in _confirmed_rows(conference)]


def _confirmed_rows(conference: Conference) -> list[tuple[int, str, list[str]]]:
    rows = db.session.execute(
        select(Idea.id, Idea.text, Theme.code)
        .join(IdeaTheme, IdeaTheme.idea_id == Idea.id)
        .join(Theme, Theme.id == IdeaTheme.theme_id)
        .where(Idea.conference_id == conference.id, IdeaTheme.confirmed.is_(True),
               Idea.status != IdeaStatus.REJECTED, Theme.retired.is_(False), Theme.merged_into_id.is_(None))
        .order_by(Idea.id, Theme.code)
    ).all()
    examples: dict[int, tuple[str, list[str]]] = {}
    for idea_id, text, code in rows:
        examples.setdefault(idea_id, (text, []))[1].append(code)
    return [(idea_id, text, codes) for idea_id, (text, codes) in examples.items()]


def suggester_for(conference: Conference, themes: Optional[Sequence[Theme]] = None):
    """The cached ThemeSuggester of a conference, rebuilt when its codebook changed.

    Confirmations are read from the database on each use: new ones are taught to the cached suggester
    (so a co-chair's confirm stays a plain database write, in any process), and a confirmation taken
    back forces a rebuild.
    """
    from app.services.nlp.themes import ThemeSuggester  # heavy imports (numpy, the models' modules)

    themes = list(themes) if themes is not None else active_themes(conference)
    version = codebook_version(themes)
    examples = {(idea_id, text, tuple(codes)) for idea_id, text, codes in _confirmed_rows(conference)}
    suggesters = cached_suggesters()
    with _lock:
        cached = suggesters.get(conference.id)
        if cached and cached[0] == version and cached[2] <= examples:
            for _, text, codes in sorted(examples - cached[2]):
                cached[1].add_confirmed(text, codes)
            cached[2].update(examples)
            return cached[1]
        suggester = ThemeSuggester([theme_def(t) for t in themes])
        for _, text, codes in sorted(examples):
            suggester.add_confirmed(text, codes)
        suggesters[conference.id] = (version, suggester, set(examples))
        return suggester


def forget_suggesters() -> None:
    """Drop this app's cached suggesters (tests, or after a bulk change in another process)."""
    with _lock:
        services().discard(SUGGESTERS_KEY)


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
