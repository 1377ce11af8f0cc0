"""Setting up a conference: import (dry run, then apply in place), the encrypted roster, the allow-list."""
from __future__ import annotations

import json
from typing import Any, Iterable, Optional

from flask_babel import gettext, lazy_gettext
from sqlalchemy import delete, select

from app.extensions import db
from app.models import AllowTerm, Conference, EncryptedRoster, Theme, ThemeKind, utcnow
from app.services import keys
from app.services.conference.apply import apply_plan
from app.services.conference.diff import ImportPlan, plan_import
from app.services.conference.errors import SetupError
from app.services.conference.file import (
    PLAN_SECTIONS, check_shape, load_conference_text, parse_structured_text,
)
from app.services.conference.spec import build_spec, theme_spec

__all__ = ["PLAN_SECTIONS", "SetupError", "UNEXPECTED_SHAPE", "current_conference", "parse_conference_file",
           "parse_codebook_file", "preview_import", "import_conference", "theme_from_mapping", "replace_roster",
           "load_roster", "roster_size", "parse_allowlist", "replace_allowlist", "allowlist_terms"]

UNEXPECTED_SHAPE = lazy_gettext("the file does not have the expected shape; compare it with "
                                "app/data/demo_conference.yaml.")


def current_conference() -> Optional[Conference]:
    """The conference this installation serves (the most recently created one)."""
    return db.session.scalar(select(Conference).order_by(Conference.id.desc()).limit(1))


def parse_conference_file(raw: str, filename: str = "") -> dict[str, Any]:
    """Read a conference description from YAML (anchors and aliases refused) or JSON text."""
    return load_conference_text(raw, filename)


def parse_codebook_file(raw: str, filename: str = "") -> list[dict]:
    """Read a theme codebook (a list of themes, or a mapping with a `themes` list) as conference-file themes."""
    data = parse_structured_text(raw, filename)
    themes = data.get("themes") if isinstance(data, dict) else data
    check_shape({"name": "codebook", "themes": themes})
    return list(themes or [])


def preview_import(data: dict[str, Any], moves: Optional[dict[tuple[str, str], str]] = None) -> ImportPlan:
    """The dry run: what importing data into the current conference would add, change and remove."""
    check_shape(data)
    return plan_import(current_conference(), build_spec(data), moves)


def import_conference(data: dict[str, Any], moves: Optional[dict[tuple[str, str], str]] = None) -> Conference:
    """Create the conference, or update the current one in place by stable keys (session, group and theme
    codes); refuses removals that would detach ideas or assignments unless `moves` says where they go.

    Shape: {name, short_name?, name_fr?, show_groups_in_exports?, groups: [label...],
    days: [{number, date?, title?, sessions: [{title, code?, kind, starts_at?, plan_section?}]}],
    themes?: [{code, name, description?, keywords?: [..] | "a, b", kind?}], allowlist?: [term...]}
    """
    return apply_plan(preview_import(data, moves))


def theme_from_mapping(theme_data: Any) -> Theme:
    """A Theme row from a codebook entry (mapping or object with code, name, description, keywords, kind)."""
    check_shape({"name": "codebook", "themes": [theme_data]})
    spec = theme_spec(theme_data)

    return Theme(code=spec.code, name=spec.name, description=spec.description, name_fr=spec.name_fr,
                 description_fr=spec.description_fr, keywords=spec.keywords, kind=ThemeKind(spec.kind))


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
