"""Running an export for the views and the command line: gather, final check, write, deliver, record.

An export is recorded (ExportRecord + audit) only once its file exists where it was asked for: the
caller's ``deliver`` runs before the commit, and if it fails nothing is recorded. Refused exports
are audited with ids and counts only.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Optional, Sequence

from flask_babel import force_locale, gettext
from sqlalchemy import select
from sqlalchemy.orm import defer, joinedload

from app.extensions import db
from app.models import Conference, User
from app.models_export import ExportRecord
from app.services import audit
from app.services.export.check.findings import CheckReport, check_export
from app.services.export.entries import FORMATS, ExportError, ExportFilters
from app.services.export.gather import gather_export
from app.services.export.language import report_locale
from app.services.export.writers import build
from app.services.instance_files import open_private


@dataclass
class ExportOutcome:
    """Either a recorded export, or the check report that refused it."""

    record: Optional[ExportRecord]
    report: CheckReport

    @property
    def refused(self) -> bool:
        """True when the final check refused the export."""
        return self.record is None


def export_filename(conference: Conference, format_name: str, at: datetime) -> str:
    """A safe file name: the conference's short name, 'export' and the time."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", conference.short_name or "conference").strip("-").lower() or "conference"
    return f"{stem[:60]}-export-{at:%Y%m%d-%H%M%S}.{FORMATS[format_name].extension}"


def run_export(conference: Conference, filters: ExportFilters, format_name: str, user: Optional[User],
               settings, via: str = "web", lang: Optional[str] = None,
               deliver: Optional[Callable[[bytes], None]] = None) -> ExportOutcome:
    """Gather, check, write and record an export in the report language lang (default: the current one).

    deliver(content), when given, puts the file where the caller wants it before anything is
    recorded; an exception it raises rolls back and propagates (no record, no audit entry).
    """
    with force_locale(lang or report_locale()):
        return _run_export(conference, filters, format_name, user, settings, via, deliver)


def _run_export(conference: Conference, filters: ExportFilters, format_name: str, user: Optional[User],
                settings, via: str, deliver: Optional[Callable[[bytes], None]]) -> ExportOutcome:
    """run_export's body, in the report's language."""
    if format_name not in FORMATS:
        raise ExportError(gettext("Format must be one of %(choices)s.", choices=", ".join(FORMATS)))
    data = gather_export(conference, filters)
    report = check_export(conference, data, settings)
    if report.refused:
        # Ids and counts only: the offending text stays out of the audit trail.
        audit.record(user, "export_refused", "conference", conference.id, format=format_name, via=via,
                     filters=data.filters.as_dict(), blocking_ideas=report.blocking_idea_ids,
                     warning_ideas=report.warning_idea_ids)
        db.session.commit()
        return ExportOutcome(None, report)
    content = build(data, format_name)
    if deliver is not None:
        try:
            deliver(content)
        except BaseException:
            db.session.rollback()
            raise
    record = ExportRecord(
        conference_id=conference.id, user_id=user.id if user is not None else None, at=data.generated_at,
        format=format_name, filters=data.filters.as_dict(), sha256=hashlib.sha256(content).hexdigest(),
        size=len(content), filename=export_filename(conference, format_name, data.generated_at), content=content,
    )
    db.session.add(record)
    db.session.flush()
    audit.record(user, "export", "export_record", record.id, format=format_name, via=via, lang=data.lang,
                 filters=record.filters, sha256=record.sha256, size=record.size, ideas=len(data.ideas))
    db.session.commit()
    return ExportOutcome(record, report)


def writable_target(path: str) -> None:
    """Raise OSError when a file cannot be written at path (checked before an export runs)."""
    directory = os.path.dirname(os.path.abspath(path)) or "."
    if os.path.isdir(path):
        raise IsADirectoryError(21, os.strerror(21), path)
    if not os.path.isdir(directory):
        raise FileNotFoundError(2, os.strerror(2), directory)
    if not os.access(directory, os.W_OK | os.X_OK):
        raise PermissionError(13, os.strerror(13), directory)


def write_file_atomically(path: str, content: bytes) -> None:
    """Write content to path (0600) through a temporary file beside it: a failure leaves no partial file."""
    writable_target(path)
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".export-", dir=directory)
    os.close(handle)
    try:
        with open_private(temporary) as stream:  # 0600: an export is for the drafter to pass on
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def list_exports(conference: Conference, limit: int = 100) -> Sequence[ExportRecord]:
    """Past exports of a conference, newest first (content is loaded only on download)."""
    return list(db.session.scalars(
        select(ExportRecord).where(ExportRecord.conference_id == conference.id)
        .options(defer(ExportRecord.content), joinedload(ExportRecord.user))
        .order_by(ExportRecord.at.desc(), ExportRecord.id.desc()).limit(limit)
    ))


def get_export(conference: Conference, record_id: int) -> Optional[ExportRecord]:
    """One past export of this conference, or None."""
    record = db.session.get(ExportRecord, record_id)
    return record if record is not None and record.conference_id == conference.id else None
