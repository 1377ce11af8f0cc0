"""Initials that the dotted-initials rules miss: hyphenated ("M-J. R.", "J-P. L.") and with a lower-case
particle ("AvdB", "JdlC" for names with "van den", "de la"). They stand for a person whoever it is."""
from __future__ import annotations

import re

from ..reasons import Reason
from .persons import PersonFinder, PersonStage

_HYPHENATED = re.compile(r"(?<![\w.-])[A-Z]-[A-Z]\.(?:[ \t]?[A-Z]\.){0,2}(?![\w-])")
_PARTICLE = re.compile(r"(?<![\w.-])[A-Z](?:v|vd|vdn|vd|d|de|dl|l|la|le|o|al|el|bin|ibn)[A-Z]{1,2}\.?(?![\w-])")


class CompoundInitials(PersonStage):
    """Hyphenated and particle initials not already covered."""

    id = "compound_initials"

    def run(self, pf: PersonFinder) -> None:
        """Add each such group of initials as a person."""
        ctx = pf.ctx
        allow = ctx.index.allow_forms
        for rx in (_HYPHENATED, _PARTICLE):
            for m in rx.finditer(ctx.text):
                i = _word_at(ctx, m.start())
                j = _word_at(ctx, m.start() + len(m.group().rstrip(".")) - 1)  # a final dot may be the sentence's
                if i is None or j is None or all(k in pf.covered for k in range(i, j + 1)):
                    continue
                if m.group().lower().rstrip(".") in allow:
                    continue
                pf._add(ctx.words[i], ctx.words[j], Reason.PERSON_INITIALS, None, False, key="u:" + m.group().lower())


def _word_at(ctx, pos: int):
    for w in ctx.words:
        if w.start <= pos < w.end:
            return w.i
    return None
