"""Spreadsheet formulas and cell ranges pasted into notes ("=SUM(A1:A9)", "B2:B14"): the name and
attribution rules would read them as initials plus an "(affiliation)", so candidates other than
contacts that overlap them are dropped."""
from __future__ import annotations

import re

from .recognizers.base import Candidate

_INERT = re.compile(r"(?<![\w=])=[A-Z][A-Z.]{1,15}\([^()\n]{0,120}\)|(?<![\w$])\$?[A-Z]{1,3}\$?\d{1,5}"
                    r":\$?[A-Z]{1,3}\$?\d{1,5}(?![\w])")


def drop_inert(text: str, cands: list[Candidate]) -> list[Candidate]:
    """*cands* without the non-contact candidates that overlap a formula or a cell range."""
    if "=" not in text and ":" not in text:
        return cands
    inert = [(m.start(), m.end()) for m in _INERT.finditer(text)]
    if not inert:
        return cands
    return [c for c in cands if c.label == "CONTACT" or not any(s < c.end and c.start < e for s, e in inert)]
