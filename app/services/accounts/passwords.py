"""The password policy every account follows, whatever its role.

At least 12 characters; not one of the 10,000 most common passwords (also after stripping the
digits and symbols people add at either end: "Password2024!" is "password"); not only digits and
symbols; at least 5 different characters; never containing the username. The list is bundled in
app/data/common_passwords.txt (source and licence at its top), so nothing is fetched at run time.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from flask_babel import gettext

MIN_LENGTH = 12
MAX_LENGTH = 256  # hashing cost stays bounded
MIN_DISTINCT = 5
COMMON_PASSWORDS_PATH = Path(__file__).resolve().parents[2] / "data" / "common_passwords.txt"
_EDGE_CHARACTERS = "0123456789!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~ "


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The bundled list of common passwords, lower-cased."""
    lines = COMMON_PASSWORDS_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(password: str, username: str = "") -> Optional[str]:
    """Why password may not be used (a sentence for the person choosing it), or None when it is fine."""
    password = password or ""
    if len(password) < MIN_LENGTH:
        return gettext("The password must have at least %(num)d characters.", num=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return gettext("The password must have at most %(num)d characters.", num=MAX_LENGTH)
    lowered = password.lower()
    core = lowered.strip(_EDGE_CHARACTERS)
    if not core:
        return gettext("The password cannot be only digits and symbols.")
    if len(set(lowered)) < MIN_DISTINCT:
        return gettext("The password must use at least %(num)d different characters.", num=MIN_DISTINCT)
    common = common_passwords()
    if lowered in common or core in common:
        return gettext("That password is one of the most common passwords; choose another.")
    name = (username or "").strip().lower()
    if len(name) >= 3 and name in lowered:
        return gettext("The password cannot contain the username.")
    return None
