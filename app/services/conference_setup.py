"""Setting up a conference: import days, sessions, groups and the codebook; roster; allow-list."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any, Iterable, Optional

from flask_babel import gettext, lazy_gettext
from sqlalchemy import delete, select

from app.extensions import db
from app.models import (
    AllowTerm,
    BreakoutGroup,
    Conference,
    ConferenceDay,
    EncryptedRoster,
    Session,
    SessionKind,
    Theme,
    ThemeKind,
    utcnow,
)
from app.services import keys
from app.services.conference_file import ConferenceFileError, check_shape, load_conference_text

PLAN_SECTIONS = ("partners", "baselines", "targets", "actions", "indicators")


class SetupError(ValueError):
    """A conference file, roster or allow-list that cannot be imported, with the reason."""


UNEXPECTED_SHAPE = lazy_gettext("the file does not have the expected shape; compare it with "
                                "app/data/demo_conference.yaml.")


def current_conference() -> Optional[Conference]:
    """The conference this installation serves (the most recently created one)."""
    return db.session.scalar(select(Conference).order_by(Conference.id.desc()).limit(1))


def parse_conference_file(raw: str, filename: str = "") -> dict[str, Any]:
    """Read a conference description from YAML (anchors and aliases refused) or JSON text."""
    try:
        return load_conference_text(raw, filename)
    except ConferenceFileError as exc:
        raise SetupError(str(exc)) from None


def import_conference(data: dict[str, Any]) -> Conference:
    """Create a conference with its days, sessions, groups and theme codebook from a mapping.

    Shape: {name, short_name?, show_groups_in_exports?, groups: [label...],
    days: [{number, date?, title?, sessions: [{title, kind, starts_at?, plan_section?}]}],
    themes: [{code, name, description?, keywords?: [..] | "a, b", kind?}]}
    """
    try:
        check_shape(data)
    except ConferenceFileError as exc:
        raise SetupError(str(exc)) from None
    conference = Conference(
        name=str(data["name"]).strip(),
        short_name=str(data.get("short_name", "")).strip(),
        name_fr=str(data.get("name_fr", "") or "").strip(),
        show_groups_in_exports=bool(data.get("show_groups_in_exports", False)),
    )
    db.session.add(conference)
    labels = [str(g).strip() for g in data.get("groups", []) if str(g).strip()]
    if len(set(labels)) != len(labels):
        raise SetupError(gettext("Group labels must be unique."))
    for label in labels:
        conference.groups.append(BreakoutGroup(label=label, is_plenary=False))
    conference.groups.append(BreakoutGroup(label="Plenary", is_plenary=True))
    for day_number, day_data in enumerate(data.get("days", []), start=1):
        day = ConferenceDay(
            number=int(day_data.get("number", day_number)),
            date=_parse_date(day_data.get("date")),
            title=str(day_data.get("title", "")),
            title_fr=str(day_data.get("title_fr", "") or ""),
        )
        conference.days.append(day)
        for position, session_data in enumerate(day_data.get("sessions", [])):
            kind = str(session_data.get("kind", "breakout")).lower()
            if kind not in {k.value for k in SessionKind}:
                raise SetupError(gettext("Session kind must be plenary or breakout, not %(kind)r.", kind=kind))
            section = str(session_data.get("plan_section", "") or "").lower()
            if section and section not in PLAN_SECTIONS:
                raise SetupError(gettext("plan_section must be one of %(choices)s, not %(section)r.",
                                         choices=", ".join(PLAN_SECTIONS), section=section))
            if not session_data.get("title"):
                raise SetupError(gettext("Every session needs a title."))
            day.sessions.append(Session(
                title=str(session_data["title"]),
                title_fr=str(session_data.get("title_fr", "") or ""),
                kind=SessionKind(kind),
                position=position,
                starts_at=session_data.get("starts_at"),
                plan_section=section,
                description=str(session_data.get("description", "")),
            ))
    for theme_data in data.get("themes", []):
        conference.themes.append(theme_from_mapping(theme_data))
    db.session.commit()
    return conference


def theme_from_mapping(theme_data: Any) -> Theme:
    """A Theme from a codebook entry (mapping or object with code, name, description, keywords, kind)."""
    get = theme_data.get if isinstance(theme_data, dict) else lambda k, d=None: getattr(theme_data, k, d)
    keywords = get("keywords", "") or ""
    if not isinstance(keywords, str):
        keywords = ", ".join(str(k) for k in keywords)
    if not get("code") or not get("name"):
        raise SetupError(gettext("Every theme needs a code and a name."))
    kind = get("kind", "principal") or "principal"
    return Theme(
        code=str(get("code")).strip().upper(),
        name=str(get("name")).strip(),
        description=str(get("description", "") or ""),
        name_fr=str(get("name_fr", "") or "").strip(),
        description_fr=str(get("description_fr", "") or ""),
        keywords=keywords,
        kind=ThemeKind(getattr(kind, "value", kind)),
    )


def _parse_date(value: Any) -> Optional[date]:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise SetupError(gettext("Dates are written YYYY-MM-DD, not %(value)r.", value=value)) from exc


def parse_roster_csv(raw: str) -> list[tuple[str, str]]:
    """Read `name,affiliation` rows; the header is optional; blank names are an error."""
    try:
        rows = list(csv.reader(io.StringIO(raw.lstrip("\ufeff"))))
    except csv.Error:  # a field over 128 KB, a stray carriage return: say so plainly
        raise SetupError("The roster is not a readable CSV file of `name,affiliation` lines.") from None
    if rows and [c.strip().lower() for c in rows[0][:2]] == ["name", "affiliation"]:
        rows = rows[1:]
    entries: list[tuple[str, str]] = []
    for line_number, row in enumerate(rows, start=2):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) > 2 or not row[0].strip():
            raise SetupError(gettext("Roster line %(number)d: expected `name,affiliation`.", number=line_number))
        entries.append((row[0].strip(), row[1].strip() if len(row) > 1 else ""))
    if not entries:
        raise SetupError(gettext("The roster has no entries."))
    return entries


def replace_roster(conference: Conference, entries: Iterable[tuple[str, str]], key_path: str) -> int:
    """Encrypt and store the roster, replacing any previous one; returns the entry count."""
    entries = [(name, affiliation) for name, affiliation in entries]
    ciphertext = keys.encrypt(key_path, json.dumps(entries, ensure_ascii=False))
    stored = db.session.scalar(select(EncryptedRoster).where(EncryptedRoster.conference_id == conference.id))
    if stored is None:
        stored = EncryptedRoster(conference_id=conference.id, ciphertext=ciphertext)
        db.session.add(stored)
    stored.ciphertext = ciphertext
    stored.entry_count = len(entries)
    stored.updated_at = utcnow()
    db.session.commit()
    return len(entries)


def load_roster(conference: Conference, key_path: str) -> list[tuple[str, str]]:
    """Decrypt the roster into memory (never write the result anywhere)."""
    stored = db.session.scalar(select(EncryptedRoster).where(EncryptedRoster.conference_id == conference.id))
    if stored is None:
        return []
    return [(name, affiliation) for name, affiliation in json.loads(keys.decrypt(key_path, stored.ciphertext))]


def roster_size(conference: Conference) -> int:
    """How many roster entries are stored (readable without the key)."""
    stored = db.session.scalar(select(EncryptedRoster).where(EncryptedRoster.conference_id == conference.id))
    return stored.entry_count if stored else 0


def parse_allowlist(raw: str) -> list[str]:
    """One term a line; blank lines and # comments are skipped; duplicates dropped."""
    terms: list[str] = []
    for line in raw.splitlines():
        term = line.strip()
        if term and not term.startswith("#") and term not in terms:
            if len(term) > 300:
                raise SetupError(gettext("An allow-list term is longer than 300 characters."))
            terms.append(term)
    return terms


def replace_allowlist(conference: Conference, terms: Iterable[str]) -> int:
    """Replace the conference's allow-list; returns the number of terms."""
    terms = list(dict.fromkeys(terms))
    db.session.execute(delete(AllowTerm).where(AllowTerm.conference_id == conference.id))
    db.session.add_all(AllowTerm(conference_id=conference.id, term=t) for t in terms)
    db.session.commit()
    return len(terms)


def allowlist_terms(conference: Conference) -> list[str]:
    """The conference's allow-list terms."""
    return list(db.session.scalars(
        select(AllowTerm.term).where(AllowTerm.conference_id == conference.id).order_by(AllowTerm.id)
    ))
