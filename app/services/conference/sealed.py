"""Uploads waiting for the administrator's confirmation, sealed into the confirmation form itself.

Between the preview and "Apply", the file travels back to the browser encrypted and authenticated
with the instance key (Fernet, with a time limit): nothing is written to disk or to the database in
clear (a roster holds participants' names), and a changed or stale form is refused.
"""
from __future__ import annotations

from cryptography.fernet import InvalidToken
from flask_babel import gettext

from app.services import keys
from app.services.conference.errors import SetupError

MAX_AGE_SECONDS = 30 * 60


def seal(key_path: str, purpose: str, content: bytes) -> str:
    """An opaque token that carries content for one purpose ("roster", "conference") back to the server."""
    return keys.fernet_for(key_path).encrypt(purpose.encode() + b"\n" + content).decode("ascii")


def unseal(key_path: str, purpose: str, token: str) -> bytes:
    """The content sealed for purpose; SetupError when the token is forged, for another purpose or stale."""
    try:
        data = keys.fernet_for(key_path).decrypt(token.encode("ascii"), ttl=MAX_AGE_SECONDS)
    except (InvalidToken, UnicodeEncodeError, ValueError):
        raise SetupError(gettext("This confirmation has expired or is not valid: upload the file again.")) from None
    label, _, content = data.partition(b"\n")
    if label != purpose.encode():
        raise SetupError(gettext("This confirmation has expired or is not valid: upload the file again."))
    return content
