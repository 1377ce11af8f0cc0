"""Capture helpers: who may capture where, the preview of an anonymized note, term restores.

Plain functions with explicit arguments. Raw note text passes through here in memory only:
nothing in this module stores or logs it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from flask_babel import gettext, lazy_gettext
from sqlalchemy import func, select

from app.extensions import db
from app.i18n import localized
from app.services.reason_words import reason_words
from app.models import (
    Assignment,
    BreakoutGroup,
    Conference,
    ConferenceDay,
    Draft,
    Idea,
    Role,
    Session,
    SessionKind,
    User,
    as_utc,
    utcnow,
)

if TYPE_CHECKING:  # the anonymizer (and its spaCy models) load on first use, not at app start
    from app.services.anonymization import AnonymizerSettings

# Labels a rapporteur may never put back: they name or reach a person.
NEVER_RESTORED_LABELS = frozenset({"PERSON", "CONTACT"})
# Shown instead of a flagged detail the rapporteur chose to remove, when the engine gives none.
DEFAULT_FLAG_PLACEHOLDER = "[detail removed]"
LABEL_NAMES = {
    "PERSON": lazy_gettext("person's name"),
    "ORG": lazy_gettext("organization"),
    "ROLE": lazy_gettext("role that singles out one person"),
    "CONTACT": lazy_gettext("contact detail"),
    "PLACE": lazy_gettext("place or nationality of a speaker"),
    "QUASI": lazy_gettext("detail that could identify someone"),
}
# Placeholders end up in stored ideas: one language for all of them, whatever the page's.
PLACEHOLDER_NAMES = {"PERSON": "person's name", "ORG": "organization", "ROLE": "role that singles out one person",
                     "CONTACT": "contact detail", "PLACE": "place or nationality of a speaker",
                     "QUASI": "detail that could identify someone"}


class CaptureError(ValueError):
    """A capture request that cannot be served, with a message for the rapporteur and a status."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


# --- where a rapporteur may capture -------------------------------------------------------

@dataclass(frozen=True)
class CapturePlace:
    """One (session, group) pair a rapporteur reports on."""

    session: Session
    group: BreakoutGroup

    @property
    def key(self) -> tuple[int, int]:
        """(session id, group id)."""
        return (self.session.id, self.group.id)


def _conference_sessions(conference: Conference) -> list[Session]:
    return list(db.session.scalars(
        select(Session).join(ConferenceDay).where(ConferenceDay.conference_id == conference.id)
        .order_by(ConferenceDay.number, Session.position, Session.id)))


def _kind_fits(session: Session, group: BreakoutGroup) -> bool:
    """A standing assignment covers plenaries for the plenary group and breakouts for the others."""
    return (session.kind == SessionKind.PLENARY) == bool(group.is_plenary)


def assigned_places(user: User, conference: Optional[Conference]) -> list[CapturePlace]:
    """The (session, group) pairs the user captures for, in conference order.

    An assignment without a session covers every session of the matching kind (plenary
    sessions for the plenary group, breakouts for breakout groups); an assignment with a
    session covers exactly that one. Administrators may capture anywhere (support work).
    """
    if conference is None:
        return []
    sessions = _conference_sessions(conference)
    if user.role == Role.ADMIN:
        return [CapturePlace(s, g) for s in sessions for g in conference.groups if _kind_fits(s, g)]
    assignments = db.session.scalars(select(Assignment).where(Assignment.user_id == user.id)).all()
    wanted: set[tuple[int, int]] = set()
    for assignment in assignments:
        if assignment.group.conference_id != conference.id:
            continue
        if assignment.session_id is not None:
            wanted.add((assignment.session_id, assignment.group_id))
        else:
            wanted.update((s.id, assignment.group_id) for s in sessions if _kind_fits(s, assignment.group))
    groups = {g.id: g for g in conference.groups}
    return [CapturePlace(s, groups[gid]) for s in sessions for gid in sorted(groups, key=lambda i: groups[i].label)
            if (s.id, gid) in wanted]


def find_place(user: User, conference: Optional[Conference], session_id: int, group_id: int) -> CapturePlace:
    """The place if it exists in the conference and the user is assigned to it.

    Raises CaptureError 404 for an unknown session or group, 403 for one not assigned.
    """
    session = db.session.get(Session, session_id)
    group = db.session.get(BreakoutGroup, group_id)
    if conference is None or session is None or session.conference_id != conference.id:
        raise CaptureError(gettext("There is no such session in this conference."), 404)
    if group is None or group.conference_id != conference.id:
        raise CaptureError(gettext("There is no such group in this conference."), 404)
    if (session.id, group.id) not in {p.key for p in assigned_places(user, conference)}:
        raise CaptureError(gettext("You are not assigned to report for %(group)s in “%(session)s”.",
                                   group=group.label, session=localized(session, "title")), 403)
    return CapturePlace(session, group)


@dataclass
class PlaceSummary:
    """What the rapporteur's home page shows for one place."""

    place: CapturePlace
    idea_count: int
    draft_waiting: bool


def summarize_places(user: User, places: Sequence[CapturePlace]) -> list[PlaceSummary]:
    """Idea counts and waiting drafts for each place (expired drafts do not count)."""
    counts = dict(((s, g), n) for s, g, n in db.session.execute(
        select(Idea.session_id, Idea.group_id, func.count(Idea.id)).group_by(Idea.session_id, Idea.group_id)))
    now = utcnow()
    drafts = {(d.session_id, d.group_id) for d in db.session.scalars(select(Draft).where(Draft.user_id == user.id))
              if as_utc(d.expires_at) > now}
    return [PlaceSummary(p, counts.get(p.key, 0), p.key in drafts) for p in places]


# --- the preview --------------------------------------------------------------------------

@dataclass
class Segment:
    """A piece of the previewed note: plain text, or a removal / flag with its reason."""

    kind: str  # "text" | "redact" | "flag"
    text: str  # the original text of this piece (shown only to the rapporteur who typed it)
    placeholder: str = ""
    label: str = ""
    reason: str = ""
    restorable: bool = False

    def as_dict(self) -> dict:
        """JSON form for the capture page."""
        return {"kind": self.kind, "text": self.text, "placeholder": self.placeholder, "label": self.label,
                "label_name": str(LABEL_NAMES.get(self.label, self.label.lower())), "reason": self.reason,
                "restorable": self.restorable}


@dataclass
class Preview:
    """The anonymized note as segments, its default text and ideas, and its language."""

    segments: list[Segment]
    lang: str
    text: str = ""
    ideas: list[str] = field(default_factory=list)

    @property
    def removals(self) -> list[Segment]:
        """The redacted segments."""
        return [s for s in self.segments if s.kind == "redact"]

    @property
    def flags(self) -> list[Segment]:
        """The flagged segments awaiting the rapporteur's decision."""
        return [s for s in self.segments if s.kind == "flag"]


def _span_value(span, name: str, default=""):
    value = getattr(span, name, None)
    if value is None and isinstance(span, dict):
        value = span.get(name)
    return default if value is None else value


def _ordered_spans(spans: Iterable) -> list:
    """Spans by start; an overlapping span is absorbed by the earlier one (redact wins over flag)."""
    chosen: list = []
    for span in sorted(spans, key=lambda s: (_span_value(s, "start", 0), -_span_value(s, "end", 0))):
        start, end = _span_value(span, "start", 0), _span_value(span, "end", 0)
        if end <= start:
            continue
        if chosen and start < chosen[-1][1]:
            prev = chosen[-1]
            merged_action = "redact" if "redact" in (prev[2], _span_value(span, "action")) else "flag"
            chosen[-1] = (prev[0], max(prev[1], end), merged_action, prev[3])
            continue
        chosen.append((start, end, _span_value(span, "action", "redact"), span))
    return chosen


def segments_of(text: str, spans: Iterable) -> list[Segment]:
    """Cut text into plain segments and removal/flag segments."""
    segments: list[Segment] = []
    cursor = 0
    for start, end, action, span in _ordered_spans(spans):
        if start > cursor:
            segments.append(Segment("text", text[cursor:start]))
        label = str(_span_value(span, "label", "")).upper()
        kind = "flag" if action == "flag" else "redact"
        placeholder = _span_value(span, "placeholder", "") or (
            DEFAULT_FLAG_PLACEHOLDER if kind == "flag" else f"[{PLACEHOLDER_NAMES.get(label, 'removed')}]")
        reason = reason_words(span) or gettext("may identify someone")
        # An organization named as the speaker's affiliation would attribute what was said.
        from app.services.anonymization import is_attribution

        attributed = label == "ORG" and is_attribution(_span_value(span, "codes", ()) or ())
        segments.append(Segment(kind, text[start:end], placeholder, label, reason,
                                restorable=kind == "redact" and label not in NEVER_RESTORED_LABELS
                                and not attributed))
        cursor = max(cursor, end)
    if cursor < len(text):
        segments.append(Segment("text", text[cursor:]))
    return segments


def compose(segments: Sequence[Segment], restored: Iterable[str] = (), kept: Iterable[str] = ()) -> str:
    """The clean text: removals become placeholders unless restored; flags go unless kept."""
    restored_set = {t.strip().casefold() for t in restored}
    kept_set = {t.strip().casefold() for t in kept}
    parts = []
    for segment in segments:
        key = segment.text.strip().casefold()
        if segment.kind == "text":
            parts.append(segment.text)
        elif segment.kind == "redact" and segment.restorable and key in restored_set:
            parts.append(segment.text)
        elif segment.kind == "flag" and key in kept_set:
            parts.append(segment.text)
        else:
            parts.append(segment.placeholder)
    return "".join(parts)


def build_preview(text: str, conference: Optional[Conference], settings: AnonymizerSettings,
                  lang: Optional[str] = None) -> Preview:
    """Anonymize a note and describe every removal, with the default clean text and ideas."""
    from app.services.anonymization import anonymize
    from app.services.ideas import split_into_ideas

    result = anonymize(text, conference, settings, lang=lang)
    segments = segments_of(text, result.spans)
    clean = compose(segments)
    return Preview(segments, getattr(result, "lang", None) or lang or "en", clean, split_into_ideas(clean))


# --- restoring a wrongly removed term ------------------------------------------------------

MAX_TERM_CHARS = 200


def _roster_matches(engine, term: str) -> bool:
    """True when the engine's roster index knows the term, or a word of it, as a participant
    name (any variant) or an affiliation (any form, acronym or distinctive word), allow-listed
    bodies included: putting an affiliation back next to a speaker would attribute them."""
    index = getattr(engine, "index", None)
    if index is None:
        return False
    from app.services.anonymization import fold

    folded = fold(term)
    tokens = tuple(folded.replace("'s", "").replace(",", " ").split())
    try:
        if tokens in index.full or folded in index.org_forms or folded in index.org_words:
            return True
        if term.strip() in index.org_acronyms or term.strip().upper() in index.org_acronyms:
            return True
        return any(t in index.single or t in index.org_words for t in tokens)
    except (AttributeError, TypeError):  # an engine without a roster index: the probes below decide
        return False


# Neutral frames for asking the engine what a term is on its own; a bare one-word text would be
# too little context for the statistical model, so the term is always put in a short sentence.
RESTORE_PROBES = ("We discussed {} today.", "They talked about {}.")
ROSTER_REFUSAL = lazy_gettext("This term is a participant's name or affiliation on the roster; it cannot be restored.")


def _probe_labels(engine, term: str, frame: str) -> tuple[set[str], bool]:
    """Labels the engine redacts over the term in one frame, and whether a roster rule fired."""
    from app.services.anonymization import is_roster

    offset = frame.index("{}")
    result = engine.anonymize(frame.format(term))
    labels, roster = set(), False
    for span in result.spans:
        if _span_value(span, "action") != "redact":
            continue
        if _span_value(span, "end", 0) <= offset or _span_value(span, "start", 0) >= offset + len(term):
            continue
        labels.add(str(_span_value(span, "label", "")).upper())
        roster = roster or is_roster(_span_value(span, "codes", ()) or ())
    return labels, roster


def restore_refusal(term: str, conference: Optional[Conference], settings: AnonymizerSettings,
                    label: str = "") -> Optional[str]:
    """Why term may not be restored, or None when it may.

    The engine decides: a term its roster index knows (a participant's name in any variant,
    an affiliation in any form) or reads as a contact detail stays removed. A term the engine
    labelled a person's name or contact in the note (label) is refused too; the submit's second
    pass enforces that again in context, whatever the page sends. (A bare term is too little
    context to call it a person: the small models call many proper nouns PERSON out of context.)
    """
    from app.services.anonymization import engine_for

    term = (term or "").strip()
    if not term:
        return gettext("There is no term to restore.")
    if len(term) > MAX_TERM_CHARS:
        return gettext("A restored term can be at most %(num)d characters.", num=MAX_TERM_CHARS)
    if label.upper() == "PERSON":
        return gettext("A person's name can never be restored.")
    if label.upper() in NEVER_RESTORED_LABELS:
        return gettext("A contact detail can never be restored.")
    engine = engine_for(conference, settings)
    from app.services.typed_text import roster_hit

    if _roster_matches(engine, term) or roster_hit(term, conference, settings):
        return str(ROSTER_REFUSAL)
    probes = [_probe_labels(engine, term, frame) for frame in RESTORE_PROBES]
    if any(roster for _, roster in probes):
        return str(ROSTER_REFUSAL)
    if any("CONTACT" in labels for labels, _ in probes):
        return gettext("A contact detail can never be restored.")
    return None


# --- the server-side pass before storing ---------------------------------------------------

@dataclass
class CleanText:
    """Text after the server's own anonymization pass, and what that pass did."""

    text: str
    lang: str
    removed: list[Segment]
    restored_kept: list[Segment]


def vet_restores(terms: Iterable[str], conference: Optional[Conference],
                 settings: AnonymizerSettings) -> list[str]:
    """The restored terms that may stay (each checked by restore_refusal), without duplicates."""
    unique = list(dict.fromkeys(t.strip() for t in terms if t and t.strip()))
    return [t for t in unique if restore_refusal(t, conference, settings) is None]


def clean_for_storage(text: str, conference: Optional[Conference], settings: AnonymizerSettings,
                      allowed_restores: Iterable[str] = (), kept: Iterable[str] = (),
                      lang: Optional[str] = None) -> CleanText:
    """Anonymize text again before it is stored.

    Everything the engine redacts goes, except terms in allowed_restores (already vetted by
    vet_restores: not a roster entry, person or contact); flagged details go unless the
    rapporteur chose to keep them.
    """
    from app.services.anonymization import anonymize

    result = anonymize(text, conference, settings, lang=lang)
    segments = segments_of(text, result.spans)
    allowed = list(allowed_restores)
    kept = list(kept)
    clean = compose(segments, restored=allowed, kept=kept)
    allowed_keys = {t.strip().casefold() for t in allowed}
    kept_keys = {t.strip().casefold() for t in kept}
    kept_restores = [s for s in segments if s.kind == "redact" and s.restorable
                     and s.text.strip().casefold() in allowed_keys]
    removed = [s for s in segments if (s.kind == "redact" and s not in kept_restores)
               or (s.kind == "flag" and s.text.strip().casefold() not in kept_keys)]
    return CleanText(clean, getattr(result, "lang", None) or lang or "en", removed, kept_restores)


IDEA_SEPARATOR = "\n\n"


def _spans_within(spans: Iterable, start: int, end: int) -> list[dict]:
    """The spans overlapping [start, end), clipped to it and shifted to start at 0."""
    inside = []
    for span in spans:
        s, e = _span_value(span, "start", 0), _span_value(span, "end", 0)
        if e <= start or s >= end:
            continue
        inside.append({"start": max(s, start) - start, "end": min(e, end) - start,
                       "label": _span_value(span, "label"), "action": _span_value(span, "action", "redact"),
                       "reason": _span_value(span, "reason"), "placeholder": _span_value(span, "placeholder", None)})
    return inside


def clean_ideas_for_storage(texts: Sequence[str], conference: Optional[Conference], settings: AnonymizerSettings,
                            allowed_restores: Iterable[str] = (), kept: Iterable[str] = (),
                            lang: Optional[str] = None) -> list[CleanText]:
    """Anonymize the ideas of one note again, as ONE note, before they are stored.

    One pass over the whole note keeps the engine's note-level consistency (a name found in one
    idea is removed from every idea, with the same placeholder) and costs one model run, not one
    per idea. Each idea then gets its own spans and the same rules as clean_for_storage.
    """
    from app.services.anonymization import anonymize

    texts = list(texts)
    joined = IDEA_SEPARATOR.join(texts)
    result = anonymize(joined, conference, settings, lang=lang)
    allowed = list(allowed_restores)
    kept = list(kept)
    allowed_keys = {t.strip().casefold() for t in allowed}
    kept_keys = {t.strip().casefold() for t in kept}
    cleaned: list[CleanText] = []
    offset = 0
    for text in texts:
        segments = segments_of(text, _spans_within(result.spans, offset, offset + len(text)))
        offset += len(text) + len(IDEA_SEPARATOR)
        kept_restores = [s for s in segments if s.kind == "redact" and s.restorable
                         and s.text.strip().casefold() in allowed_keys]
        removed = [s for s in segments if (s.kind == "redact" and s not in kept_restores)
                   or (s.kind == "flag" and s.text.strip().casefold() not in kept_keys)]
        cleaned.append(CleanText(compose(segments, restored=allowed, kept=kept),
                                 getattr(result, "lang", None) or lang or "en", removed, kept_restores))
    return cleaned
