"""Decisions on ideas: approve, reject, send back, reopen, edit (an edit is anonymized again)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from flask_babel import gettext

from app.models import Conference, Idea, IdeaStatus, User
from app.services import audit, jobs
from app.services.review.common import ReviewError, conference_of, touch
from app.services.typed_text import clean_typed, scrub_roster, without_spans

MAX_IDEA_CHARS = 5_000
MAX_REASON_CHARS = 1_000


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


def _decide(user: User, idea: Idea, status: IdeaStatus, action: str, note: str | None = None) -> None:
    """Move an idea to status, keep or replace its review note, and audit the decision."""
    previous = idea.status.value
    idea.status = status
    if note is not None:
        idea.review_note = note
    touch(idea)
    audit.record(user, action, "idea", idea.id, previous=previous)


def approve(user: User, idea: Idea) -> None:
    """Approve an idea for the report (the caller commits)."""
    _decide(user, idea, IdeaStatus.APPROVED, "idea.approve", note="")


def reject(user: User, idea: Idea, reason: str, settings) -> None:
    """Reject an idea with a reason (anonymized before it is stored)."""
    note = _clean_reason(reason, conference_of(idea), settings)
    _decide(user, idea, IdeaStatus.REJECTED, "idea.reject", note=note)


def send_back(user: User, idea: Idea, reason: str, settings) -> None:
    """Return an idea to its group's rapporteur to rework, with what to change."""
    note = _clean_reason(reason, conference_of(idea), settings)
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
    conference = conference_of(idea)
    result = _anonymize(text, conference, settings, lang=idea.lang or None)
    clean = scrub_roster(without_spans(text, result.spans), conference, settings, idea.lang or None)
    removed = sum(1 for span in result.spans if span.action == "redact")
    flagged = sum(1 for span in result.spans if span.action == "flag")
    changed = clean != idea.text
    if changed:
        idea.text = clean
        if getattr(result, "lang", None):
            idea.lang = result.lang
        touch(idea)
        jobs.enqueue_suggestions(conference, [idea])  # ranked by the job worker, not in this transaction
    audit.record(user, "idea.edit", "idea", idea.id, removed=removed, flagged=flagged, changed=changed)
    return EditOutcome(removed=removed, flagged=flagged, changed=changed)


