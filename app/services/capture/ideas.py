"""Storing and editing ideas: submit idempotently, edit before approval.

Only text that went through the server's own pass (services.capture.storage: the anonymizer, then
the final roster scrub) is ever written to the idea table, for a new note and for an edit alike.
"""
from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from flask_babel import format_number, gettext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import Conference, Idea, IdeaStatus, User, utcnow
from app.services import audit, jobs
from app.services.capture import clean_ideas, drafts
from app.services.capture.errors import CaptureError
from app.services.capture.places import CapturePlace
from app.services.capture.restores import vet_restores_in
from app.services.capture.segments import Segment
from app.services.capture.storage import IDEA_SEPARATOR, CleanText, clean_for_storage, clean_ideas_for_storage

if TYPE_CHECKING:
    from app.services.anonymization import AnonymizerSettings

log = logging.getLogger(__name__)

SUBMISSION_KEY = re.compile(r"^[A-Za-z0-9-]{8,80}$")
MAX_IDEAS_PER_SUBMIT = 300
EDITABLE_STATUSES = (IdeaStatus.SUBMITTED, IdeaStatus.RETURNED)


def new_submission_key() -> str:
    """A fresh key for the next note the capture page submits."""
    return str(uuid.uuid4())


def check_note_size(text: str, max_chars: int) -> None:
    """Refuse an empty note or one over the configured size (CaptureError 400 / 413)."""
    if not text or not text.strip():
        raise CaptureError(gettext("The note is empty: type what the group said, then preview it."), 400)
    if len(text) > max_chars:
        raise CaptureError(gettext(
            "The note is %(length)s characters long; the limit is %(limit)s. "
            "Split it and submit it in parts. Your draft is kept.",
            length=format_number(len(text)), limit=format_number(max_chars)), 413)


@dataclass
class SubmitResult:
    """The stored ideas of one submission; replayed when a retry found them already stored."""

    ideas: list[Idea]
    replayed: bool = False
    removed_again: list[Segment] = field(default_factory=list)
    scrubbed: int = 0  # ideas the final roster scrub changed after the engine

    @property
    def removed_count(self) -> int:
        """How many items the server's own pass removed (the engine's, then the roster scrub's)."""
        return len(self.removed_again) + self.scrubbed


def _stored_for_key(submission_key: str) -> list[Idea]:
    return list(db.session.scalars(
        select(Idea).where(Idea.submission_key == submission_key).order_by(Idea.position)))


def _replay(existing: list[Idea], place: CapturePlace) -> SubmitResult:
    if any((i.session_id, i.group_id) != place.key for i in existing):
        raise CaptureError(gettext("This submission key was already used for another session or group. "
                                   "Reload the page and submit again."), 409)
    return SubmitResult(existing, replayed=True)


def _non_blank(texts: Sequence[str], meta: Sequence[tuple]) -> tuple[list, list]:
    """The non-blank texts (stripped) and the (kind, support, source) of each; missing meta is (None, 0, None)."""
    meta = list(meta) + [(None, 0, None)] * (len(texts) - len(meta))
    pairs = [(t.strip(), m) for t, m in zip(texts, meta) if isinstance(t, str) and t.strip()]
    return [t for t, _ in pairs], [m for _, m in pairs]


def _checked_texts(submission_key: str, texts: Sequence[str], meta: Sequence[tuple],
                   max_chars: int) -> tuple[list[str], list]:
    """The non-blank texts and their meta, or a CaptureError for a bad key, no ideas, too many or too long."""
    if not submission_key or not SUBMISSION_KEY.match(submission_key):
        raise CaptureError(gettext("The page's submission key is missing or malformed. Reload the page."), 400)
    texts, meta = _non_blank(texts, meta)
    if not texts:
        raise CaptureError(gettext("There are no ideas to submit: the note is empty."), 400)
    if len(texts) > MAX_IDEAS_PER_SUBMIT:
        raise CaptureError(gettext("At most %(num)d ideas can be submitted at once.", num=MAX_IDEAS_PER_SUBMIT), 400)
    check_note_size(IDEA_SEPARATOR.join(texts), max_chars)
    return texts, meta


def _new_ideas(conference: Conference, place: CapturePlace, submission_key: str, cleaned: list[CleanText],
               meta: list, sources: list) -> tuple[list[Idea], list[Segment], list[tuple[int, Segment]]]:
    """Idea rows for the cleaned texts (blank ones skipped), what was removed again, and the restores kept."""
    ideas: list[Idea] = []
    removed_again: list[Segment] = []
    restores: list[tuple[int, Segment]] = []
    for position, clean in enumerate(cleaned):
        # A clean idea (it has a kind) never opens on who did it, even when edited that way.
        text = clean_ideas.without_leading_actor(clean.text.strip()) if meta[position][0] else clean.text.strip()
        if not text:
            continue
        ideas.append(Idea(conference_id=conference.id, session_id=place.session.id, group_id=place.group.id,
                          text=text, lang=clean.lang, status=IdeaStatus.SUBMITTED,
                          submission_key=submission_key, position=position, kind=meta[position][0],
                          support=meta[position][1], source_text=sources[position]))
        removed_again.extend(clean.removed)
        restores.extend((len(ideas) - 1, segment) for segment in clean.restored_kept)
    return ideas, removed_again, restores


def _store(user: User, conference: Conference, place: CapturePlace, ideas: list[Idea],
           restores: list[tuple[int, Segment]]) -> None:
    """Add the ideas, their audit events and theme jobs, destroy the draft, commit (one transaction)."""
    db.session.add_all(ideas)
    db.session.flush()
    for index, segment in restores:
        # The label and the placeholder the term replaced: never the restored words themselves.
        audit.record(user, "restore_term", "idea", ideas[index].id, label=segment.label,
                     placeholder=segment.placeholder)
    audit.record(user, "submit_ideas", "session", place.session.id, count=len(ideas), group_id=place.group.id)
    drafts.destroy_draft(user.id, place.session.id, place.group.id)
    suggest_themes(conference, ideas)  # committed with the ideas: a crash cannot lose the job
    db.session.commit()


def submit_ideas(user: User, conference: Conference, place: CapturePlace, submission_key: str,
                 texts: Sequence[str], settings: AnonymizerSettings, max_chars: int,
                 restored: Iterable[str] = (), kept: Iterable[str] = (),
                 meta: Sequence[tuple] = (), note: Optional[str] = None) -> SubmitResult:
    """Anonymize the ideas again and store them once per submission key; destroy the draft.

    A retry with a key already stored returns the stored ideas and stores nothing (also when
    two requests race: the unique (submission_key, position) constraint decides, the loser
    reads the winner's rows). Restored terms are vetted like a /restore, on the previewed *note*
    when the page sends it (the context the rapporteur restored them in), else on the ideas.
    Audit: "submit_ideas" with the count only, and one "restore_term" event per restored term
    that survived into a stored idea. *meta* gives each text's clean-idea kind, confirmed
    support count and source (see services.capture.clean_ideas).
    """
    existing = _stored_for_key(submission_key) if SUBMISSION_KEY.match(submission_key or "") else []
    if existing:
        return _replay(existing, place)
    texts, meta = _checked_texts(submission_key, texts, meta, max_chars)
    context = note if isinstance(note, str) and note.strip() and len(note) <= max_chars else IDEA_SEPARATOR.join(texts)
    allowed = vet_restores_in(restored, context, conference, settings)
    kept = [k for k in kept if isinstance(k, str)]
    cleaned = clean_ideas_for_storage(texts, conference, settings, allowed_restores=allowed, kept=kept)
    ideas, removed_again, restores = _new_ideas(conference, place, submission_key, cleaned, meta,
                                                clean_ideas.kept_sources(conference, meta, settings))
    try:
        _store(user, conference, place, ideas, restores)
    except IntegrityError:
        # Another request with the same key won the race: answer with what it stored.
        db.session.rollback()
        existing = _stored_for_key(submission_key)
        if not existing:
            raise
        return _replay(existing, place)
    return SubmitResult(ideas, replayed=False, removed_again=removed_again, scrubbed=sum(c.scrubbed for c in cleaned))


def suggest_themes(conference: Conference, ideas: Sequence[Idea]) -> None:
    """Queue theme suggestions for stored ideas (the caller commits).

    The job worker ranks them (app.services.jobs): submitting never waits for the theme model, and a
    failure in the suggester can never cost a rapporteur a submitted note.
    """
    jobs.enqueue_suggestions(conference, ideas)


def ideas_for_places(places: Sequence[CapturePlace]) -> list[Idea]:
    """Every idea stored for these places, newest session first, in submitted order."""
    keys = {p.key for p in places}
    if not keys:
        return []
    group_ids = {g for _, g in keys}
    candidates = db.session.scalars(
        select(Idea).where(Idea.group_id.in_(group_ids)).order_by(Idea.created_at, Idea.position, Idea.id))
    return [i for i in candidates if (i.session_id, i.group_id) in keys]


def is_editable(idea: Idea) -> bool:
    """A rapporteur may edit an idea until a co-chair approves (or rejects) it."""
    return idea.status in EDITABLE_STATUSES


@dataclass
class EditResult:
    """The edited idea and what the server's pass removed again."""

    idea: Idea
    removed_again: list[Segment]
    scrubbed: int = 0

    @property
    def removed_count(self) -> int:
        """How many items the server's own pass removed (the engine's, then the roster scrub's)."""
        return len(self.removed_again) + self.scrubbed


def edit_idea(user: User, conference: Conference, idea: Idea, new_text: str,
              settings: AnonymizerSettings, max_chars: int) -> EditResult:
    """Replace an idea's text with the re-anonymized edit; a returned idea goes back to review."""
    if not is_editable(idea):
        raise CaptureError(gettext("This idea has been approved or rejected by a co-chair and can no longer be edited."),
                           409)
    check_note_size(new_text, max_chars)
    cleaned = clean_for_storage(new_text, conference, settings)
    if not cleaned.text.strip():
        raise CaptureError(gettext("Nothing would be left of this idea after anonymization."), 400)
    idea.text = clean_ideas.without_leading_actor(cleaned.text.strip()) if idea.kind else cleaned.text.strip()
    idea.lang = cleaned.lang
    if idea.status == IdeaStatus.RETURNED:
        idea.status = IdeaStatus.SUBMITTED
    idea.updated_at = utcnow()
    audit.record(user, "edit_idea", "idea", idea.id)
    suggest_themes(conference, [idea])  # the suggestions follow the new text
    db.session.commit()
    return EditResult(idea, cleaned.removed, cleaned.scrubbed)


def find_idea(idea_id: int, places: Sequence[CapturePlace]) -> Optional[Idea]:
    """The idea if it belongs to one of the places, else None."""
    idea = db.session.get(Idea, idea_id)
    if idea is None or (idea.session_id, idea.group_id) not in {p.key for p in places}:
        return None
    return idea
