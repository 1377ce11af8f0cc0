"""Secrets and encryption keys kept in instance/, created on first run."""
from __future__ import annotations

import os
import secrets
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken


def _write_private(path: str, data: bytes) -> None:
    """Write a file readable by its owner only, without racing another process."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def load_or_create_secret(path: str) -> str:
    """The Flask secret key: read it, or generate one the first time."""
    if not os.path.exists(path):
        try:
            _write_private(path, secrets.token_hex(32).encode())
        except FileExistsError:
            pass  # another worker created it first
    with open(path, "rb") as fh:
        return fh.read().decode().strip()


@lru_cache(maxsize=8)
def fernet_for(path: str) -> Fernet:
    """The Fernet cipher whose key lives at path (created on first use)."""
    if not os.path.exists(path):
        try:
            _write_private(path, Fernet.generate_key())
        except FileExistsError:
            pass
    with open(path, "rb") as fh:
        return Fernet(fh.read().strip())


def encrypt(path: str, plaintext: str) -> bytes:
    """Encrypt text with the key at path."""
    return fernet_for(path).encrypt(plaintext.encode("utf-8"))


def decrypt(path: str, token: bytes) -> str:
    """Decrypt a token made by encrypt; raises ValueError if the key does not fit."""
    try:
        return fernet_for(path).decrypt(bytes(token)).decode("utf-8")
    except InvalidToken as exc:
        raise ValueError("cannot decrypt: wrong key or damaged data") from exc
