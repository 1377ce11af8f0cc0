"""What every admin view shares: reading an upload, answering with the admin page and an error status."""
from __future__ import annotations

from typing import Optional

from flask import flash, request
from flask_babel import gettext

from app.services import conference as setup

MAX_UPLOAD_BYTES = 5_000_000  # an XLSX roster of a few thousand rows stays well under this


def uploaded_bytes(field: str, required: bool = True) -> Optional[tuple[bytes, str]]:
    """The bytes and file name of an upload, or None (with a flash message when it was required or too large)."""
    upload = request.files.get(field)
    if upload is None or not upload.filename:
        if required:
            flash(gettext("Choose a file to upload."), "error")
        return None
    raw = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(raw) > MAX_UPLOAD_BYTES:
        flash(gettext("That file is too large."), "error")
        return None
    return raw, upload.filename


def as_text(raw: bytes) -> str:
    """Text of a conference or codebook file (UTF-8, with or without a BOM)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise setup.SetupError(gettext("The file must be UTF-8 text.")) from None


def conference_or_flash():
    """The current conference, or None with a message saying to import one first."""
    conference = setup.current_conference()
    if conference is None:
        flash(gettext("Import a conference first."), "error")
    return conference


def admin_page_with_error(status: int = 400):
    """Back to the admin page with an error status, so scripts notice the failure."""
    from app.admin.routes import index

    return index(), status
