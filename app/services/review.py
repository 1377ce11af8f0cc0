"""The co-chairs' review: decisions on ideas, themes, the codebook, same-proposal merges, the dashboard.

Plain functions with explicit arguments (the views pass the signed-in user and the settings). Every
decision is written to the audit trail with ids and action names only, never idea text. Anything a
co-chair types that ends up stored (an edited idea, a reason, a proposal title) goes through the
anonymizer first, because the invariant holds for co-chairs too.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable, Mapping, Optional, Sequence

from flask_babel import gettext, ngettext
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.inputs import db_id
from app.models import (
    AuditEvent,
    BreakoutGroup,
    Conference,
    ConferenceDay,
    Idea,
    IdeaStatus,
    IdeaTheme,
    Proposal,
    Session,
    SessionKind,
    Theme,
    ThemeKind,
    User,
    as_utc,
    utcnow,
)
from app.services import audit, jobs
from app.services.nlp import idea_themes
from app.services.typed_text import clean_typed, scrub_roster, without_spans

MAX_IDEA_CHARS = 5_000
MAX_REASON_CHARS = 1_000
QUEUE_PAGE_SIZE = 100
POLL_LIMIT = 200
CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_-]{0,19}$")

PROPOSAL_SUGGESTED = "suggested"
PROPOSAL_ACCEPTED = "accepted"
PROPOSAL_UNDONE = "undone"
PROPOSAL_MERGED = "merged"  # folded into another proposal by a hand merge
LIVE_PROPOSAL_STATUSES = (PROPOSAL_SUGGESTED, PROPOSAL_ACCEPTED)


class ReviewError(ValueError):
    """A decision that cannot be made, with a message for the co-chair."""


# ---------------------------------------------------------------------------------------------
# The queue
# ---------------------------------------------------------------------------------------------

STATUS_CHOICES = ("submitted", "approved", "rejected", "returned", "all")


def _int_or_none(value: Any) -> Optional[int]:
    try:
        return db_id(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class QueueFilters:
    """What the queue shows: by day, session, group, theme and status (None = any)."""

    day_id: Optional[int] = None
    session_id: Optional[int] = None
    group_id: Optional[int] = None
    theme_id: Optional[int] = None
    status: str = "submitted"

    @classmethod
    def from_args(cls, args: Mapping[str, Any]) -> "QueueFilters":
        """Read filters from query arguments; anything unreadable is ignored rather than an error."""
        status = str(args.get("status") or "submitted")
        return cls(
            day_id=_int_or_none(args.get("day")),
            session_id=_int_or_none(args.get("session")),
            group_id=_int_or_none(args.get("group")),
            theme_id=_int_or_none(args.get("theme")),
            status=status if status in STATUS_CHOICES else "submitted",
        )

    def as_args(self) -> dict[str, Any]:
        """The filters as query arguments (for links and the poll URL)."""
        args = {"day": self.day_id, "session": self.session_id, "group": self.group_id,
                "theme": self.theme_id, "status": self.status}
        return {key: value for key, value in args.items() if value not in (None, "")}


def _idea_query(conference: Conference, filters: QueueFilters):
    query = (
        select(Idea)
        .where(Idea.conference_id == conference.id)
        .options(
            selectinload(Idea.themes).selectinload(IdeaTheme.theme),
            selectinload(Idea.session).selectinload(Session.day),
            selectinload(Idea.group),
            selectinload(Idea.proposal).selectinload(Proposal.ideas),
        )
    )
    if filters.status != "all":
        query = query.where(Idea.status == IdeaStatus(filters.status))
    if filters.session_id:
        query = query.where(Idea.session_id == filters.session_id)
    if filters.day_id:
        query = query.where(Idea.session_id.in_(select(Session.id).where(Session.day_id == filters.day_id)))
    if filters.group_id:
        query = query.where(Idea.group_id == filters.group_id)
    if filters.theme_id:
        # A theme "holds" an idea when a co-chair confirmed it or it is the top suggestion.
        query = query.where(Idea.id.in_(
            select(IdeaTheme.idea_id).where(
                IdeaTheme.theme_id == filters.theme_id,
                or_(IdeaTheme.confirmed.is_(True), IdeaTheme.rank == 1),
            )
        ))
    return query


def queue_ideas(conference: Conference, filters: QueueFilters, before_id: Optional[int] = None,
                limit: int = QUEUE_PAGE_SIZE) -> list[Idea]:
    """One page of the queue, newest first; before_id pages back to older ideas."""
    query = _idea_query(conference, filters)
    if before_id:
        query = query.where(Idea.id < before_id)
    return list(db.session.scalars(query.order_by(Idea.id.desc()).limit(limit)))


def latest_idea_id(conference: Conference) -> int:
    """The cursor a freshly loaded queue polls from: the newest idea id of the conference."""
    return db.session.scalar(select(func.max(Idea.id)).where(Idea.conference_id == conference.id)) or 0


@dataclass
class PollResult:
    """What changed since the page last asked: new ideas, and ideas someone else decided on."""

    new: list[Idea]
    changed: list[tuple[Idea, bool]]  # (idea, still matches the filters)
    cursor: int
    at: datetime


def poll_queue(conference: Conference, filters: QueueFilters, since_id: int,
               changed_since: Optional[datetime] = None) -> PollResult:
    """New ideas after since_id matching the filters (oldest first), and ideas changed since a time."""
    now = utcnow()
    new = list(db.session.scalars(
        _idea_query(conference, filters).where(Idea.id > since_id).order_by(Idea.id).limit(POLL_LIMIT)
    ))
    changed: list[tuple[Idea, bool]] = []
    if changed_since is not None:
        touched = list(db.session.scalars(
            _idea_query(conference, QueueFilters(status="all"))
            .where(Idea.id <= since_id, Idea.updated_at > changed_since)
            .order_by(Idea.id).limit(POLL_LIMIT)
        ))
        if touched:
            matching = set(db.session.scalars(
                _idea_query(conference, filters).with_only_columns(Idea.id)
                .where(Idea.id.in_([idea.id for idea in touched]))
            ))
            changed = [(idea, idea.id in matching) for idea in touched]
    cursor = max([since_id] + [idea.id for idea in new])
    if len(new) < POLL_LIMIT:
        # Ideas that arrived but do not match the filters still move the cursor on.
        cursor = max(cursor, latest_idea_id(conference))
    return PollResult(new=new, changed=changed, cursor=cursor, at=now)


def filter_choices(conference: Conference) -> dict[str, list]:
    """Days, sessions, groups and themes for the filter menus."""
    days = list(db.session.scalars(
        select(ConferenceDay).where(ConferenceDay.conference_id == conference.id).order_by(ConferenceDay.number)
        .options(selectinload(ConferenceDay.sessions))
    ))
    sessions = [s for day in days for s in day.sessions]
    themes = list(db.session.scalars(
        select(Theme).where(Theme.conference_id == conference.id, Theme.merged_into_id.is_(None))
        .order_by(Theme.retired, Theme.kind, Theme.code)
    ))
    return {"days": days, "sessions": sessions, "groups": list(conference.groups), "themes": themes}


def get_idea(conference: Conference, idea_id: int) -> Optional[Idea]:
    """An idea of this conference, or None."""
    idea = db.session.get(Idea, idea_id)
    return idea if idea is not None and idea.conference_id == conference.id else None


def get_theme(conference: Conference, theme_id: Optional[int]) -> Optional[Theme]:
    """A theme of this conference, or None."""
    theme = db.session.get(Theme, theme_id) if theme_id else None
    return theme if theme is not None and theme.conference_id == conference.id else None


def get_proposal(conference: Conference, proposal_id: int) -> Optional[Proposal]:
    """A proposal of this conference, or None."""
    proposal = db.session.get(Proposal, proposal_id)
    return proposal if proposal is not None and proposal.conference_id == conference.id else None


# ---------------------------------------------------------------------------------------------
# Decisions on ideas
# ---------------------------------------------------------------------------------------------

def _conference_of(idea: Idea) -> Conference:
    return db.session.get(Conference, idea.conference_id)


def _anonymize(text: str, conference: Conference, settings, lang: Optional[str] = None):
    # Imported here: the anonymizer loads spaCy, which only decisions that store typed text need.
    from app.services.anonymization import anonymize

    return anonymize(text, conference, settings, lang=lang)


def _clean_reason(reason: str, conference: Conference, settings) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ReviewError(gettext("Give a reason; the rapporteur and the audit trail need it."))
    if len(reason) > MAX_REASON_CHARS:
        raise ReviewError(gettext("Keep the reason under %(num)d characters.", num=MAX_REASON_CHARS))
    return clean_typed(reason, conference, settings)


def _touch(idea: Idea) -> None:
    # Theme changes do not touch the idea row; the poll finds changed ideas by updated_at.
    idea.updated_at = utcnow()


def _decide(user: User, idea: Idea, status: IdeaStatus, action: str, note: str | None = None) -> None:
    """Move an idea to status, keep or replace its review note, and audit the decision."""
    previous = idea.status.value
    idea.status = status
    if note is not None:
        idea.review_note = note
    _touch(idea)
    audit.record(user, action, "idea", idea.id, previous=previous)


def approve(user: User, idea: Idea) -> None:
    """Approve an idea for the report (the caller commits)."""
    _decide(user, idea, IdeaStatus.APPROVED, "idea.approve", note="")


def reject(user: User, idea: Idea, reason: str, settings) -> None:
    """Reject an idea with a reason (anonymized before it is stored)."""
    note = _clean_reason(reason, _conference_of(idea), settings)
    _decide(user, idea, IdeaStatus.REJECTED, "idea.reject", note=note)


def send_back(user: User, idea: Idea, reason: str, settings) -> None:
    """Return an idea to its group's rapporteur to rework, with what to change."""
    note = _clean_reason(reason, _conference_of(idea), settings)
    _decide(user, idea, IdeaStatus.RETURNED, "idea.return", note=note)


def reopen(user: User, idea: Idea) -> None:
    """Put a decided idea back in the queue (undo a hasty approve or reject)."""
    _decide(user, idea, IdeaStatus.SUBMITTED, "idea.reopen")


@dataclass
class EditOutcome:
    """What the anonymizer did to an edit: how much it removed and how much it flags for a look."""

    removed: int
    flagged: int
    changed: bool


def edit(user: User, idea: Idea, text: str, settings) -> EditOutcome:
    """Replace an idea's text with a co-chair's edit, anonymized again before it is stored.

    The new text is re-ranked for themes (confirmed themes stay).
    """
    text = (text or "").strip()
    if not text:
        raise ReviewError(gettext("An idea cannot be empty; reject it instead."))
    if len(text) > MAX_IDEA_CHARS:
        raise ReviewError(gettext("Keep an idea under %(num)d characters.", num=MAX_IDEA_CHARS))
    conference = _conference_of(idea)
    result = _anonymize(text, conference, settings, lang=idea.lang or None)
    clean = scrub_roster(without_spans(text, result.spans), conference, settings, idea.lang or None)
    removed = sum(1 for span in result.spans if span.action == "redact")
    flagged = sum(1 for span in result.spans if span.action == "flag")
    changed = clean != idea.text
    if changed:
        idea.text = clean
        if getattr(result, "lang", None):
            idea.lang = result.lang
        _touch(idea)
        jobs.enqueue_suggestions(conference, [idea])  # ranked by the job worker, not in this transaction
    audit.record(user, "idea.edit", "idea", idea.id, removed=removed, flagged=flagged, changed=changed)
    return EditOutcome(removed=removed, flagged=flagged, changed=changed)


# ---------------------------------------------------------------------------------------------
# Themes on ideas
# ---------------------------------------------------------------------------------------------

def _usable_theme(theme: Optional[Theme], idea: Idea) -> Theme:
    if theme is None or theme.conference_id != idea.conference_id:
        raise ReviewError(gettext("That theme does not exist."))
    if theme.merged_into_id:
        theme = db.session.get(Theme, theme.merged_into_id)
    if theme.retired:
        raise ReviewError(gettext("Theme %(code)s is retired.", code=theme.code))
    return theme


def confirm_theme(user: User, idea: Idea, theme: Theme) -> IdeaTheme:
    """Confirm a theme on an idea (a suggestion or any other theme); an idea may carry several."""
    theme = _usable_theme(theme, idea)
    link = next((l for l in idea.themes if l.theme_id == theme.id), None)
    if link is None:
        link = IdeaTheme(idea_id=idea.id, theme_id=theme.id, confidence=1.0)
        idea.themes.append(link)
    link.theme = theme
    link.confirmed = True
    link.rank = 0
    _touch(idea)
    audit.record(user, "idea.theme_confirm", "idea", idea.id, theme_id=theme.id)
    db.session.flush()
    # No model work here: the suggester learns confirmations when the job worker next uses it.
    return link


def change_theme(user: User, idea: Idea, theme: Theme) -> IdeaTheme:
    """One click to say "this theme, not the suggestions": confirm it and drop unconfirmed ones."""
    theme = _usable_theme(theme, idea)
    for link in list(idea.themes):
        if not link.confirmed and link.theme_id != theme.id:
            idea.themes.remove(link)
    return confirm_theme(user, idea, theme)


def remove_theme(user: User, idea: Idea, theme: Theme) -> None:
    """Take a theme off an idea (a wrong suggestion or a confirmation made in error)."""
    link = next((l for l in idea.themes if l.theme_id == theme.id), None)
    if link is None:
        return
    idea.themes.remove(link)
    _touch(idea)
    audit.record(user, "idea.theme_remove", "idea", idea.id, theme_id=theme.id, was_confirmed=link.confirmed)


# ---------------------------------------------------------------------------------------------
# The codebook
# ---------------------------------------------------------------------------------------------

def _clean_code(code: str) -> str:
    code = (code or "").strip().upper()
    if not CODE_PATTERN.match(code):
        raise ReviewError(gettext("A code is 1-20 capital letters, digits, - or _, starting with a letter."))
    return code


def _clean_keywords(keywords: str | Iterable[str]) -> str:
    parts = keywords.split(",") if isinstance(keywords, str) else list(keywords)
    return ", ".join(dict.fromkeys(p.strip() for p in parts if p and p.strip()))


def add_theme(user: User, conference: Conference, code: str, name: str, description: str = "",
              keywords: str | Iterable[str] = "", kind: ThemeKind = ThemeKind.PRINCIPAL) -> Theme:
    """Add a theme to the codebook; codes are unique in a conference, retired ones included."""
    code = _clean_code(code)
    name = " ".join((name or "").split())
    if not name:
        raise ReviewError(gettext("A theme needs a name."))
    exists = db.session.scalar(select(Theme.id).where(Theme.conference_id == conference.id, Theme.code == code))
    if exists:
        raise ReviewError(gettext("The code %(code)s is already in the codebook.", code=code))
    theme = Theme(conference_id=conference.id, code=code, name=name, description=(description or "").strip(),
                  keywords=_clean_keywords(keywords), kind=ThemeKind(kind))
    db.session.add(theme)
    db.session.flush()
    audit.record(user, "theme.add", "theme", theme.id, code=code, kind=theme.kind.value)
    return theme


def update_theme(user: User, theme: Theme, name: str, description: Optional[str] = None,
                 keywords: Optional[str] = None) -> Theme:
    """Rename a theme, and change its description and keywords when given."""
    name = " ".join((name or "").split())
    if not name:
        raise ReviewError(gettext("A theme needs a name."))
    old_name = theme.name
    theme.name = name
    if description is not None:
        theme.description = description.strip()
    if keywords is not None:
        theme.keywords = _clean_keywords(keywords)
    audit.record(user, "theme.rename", "theme", theme.id, code=theme.code, old_name=old_name, name=name)
    return theme


def merge_themes(user: User, source: Theme, target: Theme) -> int:
    """Merge source into target: its ideas move to target, source is retired and points at target."""
    if source.id == target.id:
        raise ReviewError(gettext("Choose two different themes to merge."))
    if source.conference_id != target.conference_id:
        raise ReviewError(gettext("That theme does not exist."))
    if target.retired or target.merged_into_id:
        raise ReviewError(gettext("Theme %(code)s is retired; merge into an active theme.", code=target.code))
    moved = 0
    links = list(db.session.scalars(select(IdeaTheme).where(IdeaTheme.theme_id == source.id)))
    target_links = {link.idea_id: link for link in db.session.scalars(
        select(IdeaTheme).where(IdeaTheme.theme_id == target.id,
                                IdeaTheme.idea_id.in_([l.idea_id for l in links] or [0])))}
    for link in links:
        existing = target_links.get(link.idea_id)
        if existing is not None:
            existing.confirmed = existing.confirmed or link.confirmed
            existing.confidence = max(existing.confidence, link.confidence)
            existing.rank = min(existing.rank, link.rank)
            db.session.delete(link)
        else:
            link.theme_id = target.id
        moved += 1
    source.retired = True
    source.merged_into_id = target.id
    audit.record(user, "theme.merge", "theme", source.id, code=source.code, into=target.code,
                 into_id=target.id, ideas_moved=moved)
    return moved


def retire_theme(user: User, theme: Theme) -> None:
    """Retire a theme: no longer suggested or offered; ideas confirmed under it keep the link."""
    theme.retired = True
    db.session.execute(
        IdeaTheme.__table__.delete().where(IdeaTheme.theme_id == theme.id, IdeaTheme.confirmed.is_(False))
    )
    audit.record(user, "theme.retire", "theme", theme.id, code=theme.code)


def restore_theme(user: User, theme: Theme) -> None:
    """Bring a retired (not merged) theme back into the codebook."""
    if theme.merged_into_id:
        raise ReviewError(gettext("A merged theme cannot be restored; its ideas moved to the target."))
    theme.retired = False
    audit.record(user, "theme.restore", "theme", theme.id, code=theme.code)


def codebook(conference: Conference) -> dict[str, list[Theme]]:
    """The codebook in sections: principal, emerging, retired (merged ones included)."""
    themes = list(db.session.scalars(
        select(Theme).where(Theme.conference_id == conference.id).order_by(Theme.code)
    ))
    return {
        "principal": [t for t in themes if not t.retired and t.kind == ThemeKind.PRINCIPAL],
        "emerging": [t for t in themes if not t.retired and t.kind == ThemeKind.EMERGING],
        "retired": [t for t in themes if t.retired],
    }


def refresh_suggestions(conference: Conference) -> int:
    """Queue a re-ranking of the ideas still waiting for review after the codebook changed.

    The job worker does the ranking (see app.services.job_handlers); returns how many ideas wait.
    """
    jobs.enqueue(jobs.REFRESH, conference)
    jobs.enqueue(jobs.EMERGING, conference)
    return db.session.scalar(select(func.count(Idea.id)).where(
        Idea.conference_id == conference.id, Idea.status == IdeaStatus.SUBMITTED)) or 0


def rerank_waiting_ideas(conference: Conference) -> int:
    """Re-rank themes of ideas still waiting for review (the refresh job's work)."""
    ideas = list(db.session.scalars(
        select(Idea).where(Idea.conference_id == conference.id, Idea.status == IdeaStatus.SUBMITTED)
        .options(selectinload(Idea.themes))
    ))
    idea_themes.attach_suggestions(conference, ideas)
    return len(ideas)


# ---------------------------------------------------------------------------------------------
# Candidate emerging themes
# ---------------------------------------------------------------------------------------------

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


def emerging_candidates(conference: Conference, limit: int = 10, wait: bool = True) -> list[Candidate]:
    """Clusters of ideas that fit no theme well, proposed as emerging themes, newest first.

    Computed by the job worker; this reads the newest result. When ideas or the codebook changed since,
    a fresh computation is queued and the last answer is shown meanwhile (restricted to ideas still
    unthemed). ``wait`` is kept for callers of the earlier in-request version and has no effect.
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
        Candidate(key="-".join(str(i) for i in sorted(ids)), words=list(words),
                  ideas=[by_id[i] for i in ids if i in by_id], label=label)
        for words, ids, label in result.get("candidates", [])
    ]
    candidates = [c for c in candidates if len(c.ideas) >= 2]
    candidates.sort(key=lambda c: max(i.id for i in c.ideas), reverse=True)
    return candidates[:limit]


def promote_candidate(user: User, conference: Conference, code: str, name: str, keywords: str,
                      idea_ids: Sequence[int], description: str = "") -> Theme:
    """Promote a candidate cluster into the codebook as an emerging theme, confirmed on its ideas."""
    theme = add_theme(user, conference, code, name, description, keywords, kind=ThemeKind.EMERGING)
    ideas = [idea for idea in (get_idea(conference, int(i)) for i in idea_ids) if idea is not None]
    for idea in ideas:
        confirm_theme(user, idea, theme)
    audit.record(user, "theme.promote", "theme", theme.id, code=theme.code, idea_ids=[i.id for i in ideas])
    return theme


# ---------------------------------------------------------------------------------------------
# Same proposal, several groups
# ---------------------------------------------------------------------------------------------

def plenary_free_group_count(conference: Conference) -> int:
    """M in "raised by N of M groups": the conference's breakout groups (the plenary is not one)."""
    return db.session.scalar(
        select(func.count(BreakoutGroup.id))
        .where(BreakoutGroup.conference_id == conference.id, BreakoutGroup.is_plenary.is_(False))
    ) or 0


@dataclass
class Reach:
    """How widely a proposal was raised."""

    groups: int
    of_groups: int
    sessions: int
    group_labels: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """"raised by N of M groups, in S sessions"."""
        sessions = ngettext("%(num)d session", "%(num)d sessions", self.sessions)
        return ngettext("raised by %(count)s of %(num)d group, in %(sessions)s",
                        "raised by %(count)s of %(num)d groups, in %(sessions)s",
                        self.of_groups, count=self.groups, sessions=sessions)


def reach(proposal: Proposal, of_groups: int) -> Reach:
    """N of M groups (breakout groups only) and the number of sessions that raised a proposal."""
    groups = {idea.group.label for idea in proposal.ideas if not idea.group.is_plenary}
    sessions = {idea.session_id for idea in proposal.ideas}
    return Reach(groups=len(groups), of_groups=of_groups, sessions=len(sessions), group_labels=sorted(groups))


def _proposal_title(ideas: Sequence[Idea]) -> str:
    # The shortest idea usually states the proposal most plainly.
    text = min((idea.text for idea in ideas), key=len) if ideas else ""
    return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "…"


def _dismissed_sets(conference: Conference) -> list[set[int]]:
    """Idea sets co-chairs undid or dismissed: detection does not propose them again."""
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action.in_(("proposal.undo", "proposal.split")))
    )
    sets = []
    for event in events:
        ids = (event.detail or {}).get("idea_ids") or []
        if ids:
            sets.append(set(ids))
    return sets


def _idea_records(ideas: Sequence[Idea]) -> list[Any]:
    """Ideas as the matcher reads them: text, group label, language (no id, no speaker)."""
    from app.services.proposals import IdeaRecord

    return [IdeaRecord(text=i.text, group=i.group.label, lang=i.lang or None) for i in ideas]


_matchers: dict[int, Any] = {}


def matcher_for(conference: Conference):
    """The same-proposal matcher of a conference, on its own (cached) theme suggester.

    The method's default matcher reads the demo codebook; a conference's matcher must use the
    conference's codebook and what its co-chairs confirmed, and share the embedding cache.
    """
    from app.services.proposals import ProposalMatcher

    suggester = idea_themes.suggester_for(conference)
    cached = _matchers.get(conference.id)
    if cached is not None and cached.suggester is suggester:
        return cached
    matcher = ProposalMatcher(suggester=suggester)
    _matchers[conference.id] = matcher
    return matcher


def detect_proposals(user: Optional[User], conference: Conference) -> int:
    """Propose near-duplicate ideas from different groups as one proposal each (status suggested).

    Earlier suggestions nobody accepted are replaced; accepted proposals and their ideas stay as they
    are; groupings co-chairs undid are not proposed again. Returns how many were suggested.
    """
    stale = list(db.session.scalars(
        select(Proposal).where(Proposal.conference_id == conference.id, Proposal.status == PROPOSAL_SUGGESTED)
    ))
    stale_ids = [p.id for p in stale]
    free = Idea.proposal_id.is_(None) if not stale_ids else or_(Idea.proposal_id.is_(None),
                                                                 Idea.proposal_id.in_(stale_ids))
    ideas = list(db.session.scalars(
        select(Idea).where(Idea.conference_id == conference.id, Idea.status != IdeaStatus.REJECTED, free)
        .options(selectinload(Idea.group)).order_by(Idea.id)
    ))
    # The model work first, while nothing is written: the write transaction below stays short.
    clusters = matcher_for(conference).group_proposals(_idea_records(ideas)) if len(ideas) >= 2 else []
    for proposal in stale:
        for idea in list(proposal.ideas):
            idea.proposal_id = None
        db.session.delete(proposal)
    db.session.flush()
    if len(ideas) < 2:
        return 0
    dismissed = _dismissed_sets(conference)
    created = 0
    for cluster in clusters:
        members = [ideas[i] for i in cluster if 0 <= i < len(ideas)]
        if len(members) < 2 or len({m.group_id for m in members}) < 2:
            continue
        ids = {m.id for m in members}
        if any(ids <= done for done in dismissed):
            continue
        proposal = Proposal(conference_id=conference.id, title=_proposal_title(members), status=PROPOSAL_SUGGESTED)
        db.session.add(proposal)
        for member in members:
            member.proposal = proposal
        created += 1
    db.session.flush()
    audit.record(user, "proposal.detect", "conference", conference.id, suggested=created)
    return created


def accept_proposal(user: User, proposal: Proposal) -> None:
    """Confirm a suggested proposal: its ideas are one proposal in the report."""
    if proposal.status != PROPOSAL_SUGGESTED:
        raise ReviewError(gettext("Only a suggested proposal can be accepted."))
    proposal.status = PROPOSAL_ACCEPTED
    audit.record(user, "proposal.accept", "proposal", proposal.id, idea_ids=[i.id for i in proposal.ideas])


def undo_proposal(user: User, proposal: Proposal) -> None:
    """Undo a merge (or dismiss a suggestion): every idea stands alone again, nothing is lost.

    A hand merge that folded earlier proposals in gives them their ideas back.
    """
    if proposal.status not in LIVE_PROPOSAL_STATUSES:
        raise ReviewError(gettext("This proposal was already undone."))
    idea_ids = [idea.id for idea in proposal.ideas]
    for idea in list(proposal.ideas):
        idea.proposal_id = None
    restored = []
    merge_event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "proposal.merge", AuditEvent.target_type == "proposal",
                                 AuditEvent.target_id == proposal.id).order_by(AuditEvent.id.desc()).limit(1)
    )
    for source_id, members in ((merge_event.detail or {}).get("from_proposals", {}) if merge_event else {}).items():
        source = db.session.get(Proposal, int(source_id))
        if source is None or source.status != PROPOSAL_MERGED:
            continue
        for idea_id in members:
            idea = db.session.get(Idea, idea_id)
            if idea is not None and idea.proposal_id is None:
                idea.proposal_id = source.id
        source.status = PROPOSAL_ACCEPTED
        restored.append(source.id)
    previous = proposal.status
    proposal.status = PROPOSAL_UNDONE
    db.session.flush()
    audit.record(user, "proposal.undo", "proposal", proposal.id, idea_ids=idea_ids, previous=previous,
                 restored=restored)


def merge_by_hand(user: User, conference: Conference, idea_ids: Sequence[int],
                  proposal_ids: Sequence[int] = (), title: str = "", settings=None) -> Proposal:
    """Make one accepted proposal of ideas (and whole proposals) a co-chair picked.

    Ideas already in a proposal bring that whole proposal along; those proposals are marked merged
    and get their ideas back if this merge is undone.
    """
    ideas: dict[int, Idea] = {}
    sources: dict[int, Proposal] = {}
    for idea_id in idea_ids:
        idea = get_idea(conference, int(idea_id))
        if idea is None:
            raise ReviewError(gettext("There is no idea #%(number)s.", number=idea_id))
        ideas[idea.id] = idea
        if idea.proposal is not None and idea.proposal.status in LIVE_PROPOSAL_STATUSES:
            sources[idea.proposal.id] = idea.proposal
    for proposal_id in proposal_ids:
        proposal = get_proposal(conference, int(proposal_id))
        if proposal is None or proposal.status not in LIVE_PROPOSAL_STATUSES:
            raise ReviewError(gettext("There is no open proposal #%(number)s.", number=proposal_id))
        sources[proposal.id] = proposal
    for source in sources.values():
        for idea in source.ideas:
            ideas[idea.id] = idea
    if len(ideas) < 2:
        raise ReviewError(gettext("Pick at least two ideas to merge into one proposal."))
    from_proposals = {str(source.id): [i.id for i in source.ideas] for source in sources.values()}
    title = " ".join((title or "").split())
    if title and settings is not None:
        title = clean_typed(title, conference, settings)
    merged = Proposal(conference_id=conference.id, status=PROPOSAL_ACCEPTED,
                      title=title or _proposal_title(list(ideas.values())))
    db.session.add(merged)
    for source in sources.values():
        source.status = PROPOSAL_MERGED
    for idea in ideas.values():
        idea.proposal = merged
    db.session.flush()
    audit.record(user, "proposal.merge", "proposal", merged.id, idea_ids=sorted(ideas),
                 from_proposals=from_proposals)
    return merged


def split_proposal(user: User, proposal: Proposal, idea_ids: Sequence[int]) -> Optional[Proposal]:
    """Take ideas out of a proposal: two or more become a proposal of their own, one stands alone.

    If fewer than two ideas remain, the proposal dissolves. Returns the new proposal, if any.
    """
    if proposal.status not in LIVE_PROPOSAL_STATUSES:
        raise ReviewError(gettext("This proposal is no longer open."))
    chosen = [idea for idea in proposal.ideas if idea.id in {int(i) for i in idea_ids}]
    if not chosen:
        raise ReviewError(gettext("Tick the ideas that are a different proposal."))
    before = [idea.id for idea in proposal.ideas]
    new_proposal = None
    if len(chosen) >= 2 and len(chosen) < len(before):
        new_proposal = Proposal(conference_id=proposal.conference_id, status=PROPOSAL_ACCEPTED,
                                title=_proposal_title(chosen))
        db.session.add(new_proposal)
    for idea in chosen:
        idea.proposal = new_proposal
    db.session.flush()
    db.session.expire(proposal, ["ideas"])
    remaining = list(proposal.ideas)
    if len(remaining) < 2:
        for idea in remaining:
            idea.proposal_id = None
        proposal.status = PROPOSAL_UNDONE
    db.session.flush()
    audit.record(user, "proposal.split", "proposal", proposal.id, idea_ids=before,
                 split_off=[i.id for i in chosen], new_proposal=new_proposal.id if new_proposal else None)
    return new_proposal


def proposals_overview(conference: Conference, status: Optional[str] = None) -> list[tuple[Proposal, Reach]]:
    """Open proposals with their reach, most groups first."""
    statuses = (status,) if status else LIVE_PROPOSAL_STATUSES
    proposals = list(db.session.scalars(
        select(Proposal).where(Proposal.conference_id == conference.id, Proposal.status.in_(statuses))
        .options(selectinload(Proposal.ideas).selectinload(Idea.group),
                 selectinload(Proposal.ideas).selectinload(Idea.session).selectinload(Session.day))
    ))
    of_groups = plenary_free_group_count(conference)
    rows = [(p, reach(p, of_groups)) for p in proposals]
    rows.sort(key=lambda row: (-row[1].groups, -row[1].sessions, -len(row[0].ideas), row[0].id))
    return rows


def similar_ideas(conference: Conference, idea: Idea, k: int = 5) -> list[Idea]:
    """The ideas from other groups most likely to be the same proposal as this one."""
    ideas = list(db.session.scalars(
        select(Idea).where(Idea.conference_id == conference.id, Idea.status != IdeaStatus.REJECTED)
        .options(selectinload(Idea.group), selectinload(Idea.session)).order_by(Idea.id)
    ))
    index = next((n for n, other in enumerate(ideas) if other.id == idea.id), None)
    if index is None:
        return []
    return [ideas[j] for j in matcher_for(conference).most_similar(_idea_records(ideas), index, k=k)]


# ---------------------------------------------------------------------------------------------
# The dashboard
# ---------------------------------------------------------------------------------------------

@dataclass
class ReportingCell:
    """Ideas from one group in one session (None count: the group does not sit in that session)."""

    count: Optional[int]
    last_at: Optional[datetime] = None

    @property
    def silent(self) -> bool:
        """A group expected in the session that has sent nothing yet."""
        return self.count == 0


@dataclass
class ReportingRow:
    """One session of the reporting table."""

    session: Session
    cells: list[ReportingCell]
    total: int


def reporting(conference: Conference) -> tuple[list[BreakoutGroup], list[ReportingRow]]:
    """Which sessions and groups have reported and how many ideas each (groups as columns)."""
    groups = list(conference.groups)
    sessions = list(db.session.scalars(
        select(Session).join(ConferenceDay).where(ConferenceDay.conference_id == conference.id)
        .order_by(ConferenceDay.number, Session.position).options(selectinload(Session.day))
    ))
    counts = {
        (session_id, group_id): (count, last)
        for session_id, group_id, count, last in db.session.execute(
            select(Idea.session_id, Idea.group_id, func.count(Idea.id), func.max(Idea.created_at))
            .where(Idea.conference_id == conference.id).group_by(Idea.session_id, Idea.group_id)
        )
    }
    rows = []
    for session in sessions:
        cells = []
        for group in groups:
            count, last = counts.get((session.id, group.id), (0, None))
            # A plenary is reported by the plenary "group"; breakouts by the breakout groups.
            expected = group.is_plenary == (session.kind == SessionKind.PLENARY)
            cells.append(ReportingCell(count=count if (expected or count) else None, last_at=as_utc(last)))
        rows.append(ReportingRow(session=session, cells=cells, total=sum(c.count or 0 for c in cells)))
    return groups, rows


@dataclass
class ThemeCount:
    """Ideas under a theme: confirmed by co-chairs, and in all (confirmed or top suggestion)."""

    theme: Theme
    total: int
    confirmed: int


def theme_counts(conference: Conference) -> list[ThemeCount]:
    """Ideas per active theme (rejected ideas left out), largest first."""
    rows = db.session.execute(
        select(IdeaTheme.theme_id,
               func.count(func.distinct(IdeaTheme.idea_id)),
               func.count(func.distinct(IdeaTheme.idea_id)).filter(IdeaTheme.confirmed.is_(True)))
        .join(Idea, Idea.id == IdeaTheme.idea_id)
        .where(Idea.conference_id == conference.id, Idea.status != IdeaStatus.REJECTED,
               or_(IdeaTheme.confirmed.is_(True), IdeaTheme.rank == 1))
        .group_by(IdeaTheme.theme_id)
    ).all()
    by_theme = {theme_id: (total, confirmed) for theme_id, total, confirmed in rows}
    counts = [ThemeCount(theme=t, total=by_theme.get(t.id, (0, 0))[0], confirmed=by_theme.get(t.id, (0, 0))[1])
              for t in idea_themes.active_themes(conference)]
    counts.sort(key=lambda c: (-c.total, c.theme.code))
    return counts


def status_counts(conference: Conference) -> dict[str, int]:
    """Ideas by review status."""
    counts = Counter({status.value: 0 for status in IdeaStatus})
    for status, count in db.session.execute(
        select(Idea.status, func.count(Idea.id)).where(Idea.conference_id == conference.id).group_by(Idea.status)
    ):
        counts[status.value] = count
    return dict(counts)


def dashboard(conference: Conference, with_candidates: bool = True) -> dict[str, Any]:
    """Everything the dashboard shows, in one call."""
    groups, rows = reporting(conference)
    return {
        "groups": groups,
        "rows": rows,
        "theme_counts": theme_counts(conference),
        "status_counts": status_counts(conference),
        "top_proposals": proposals_overview(conference)[:5],
        "candidates": emerging_candidates(conference, limit=3, wait=False) if with_candidates else [],
    }
