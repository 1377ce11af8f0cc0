"""Quasi-identifiers: self-identifying details, flagged (not removed) for the rapporteur to confirm."""
from __future__ import annotations

import bisect
import re

from ..reasons import Reason
from ..vocab import SPEECH_VERBS, fold
from .base import Candidate
from .context import NoteContext

_PATTERNS = [
    re.compile(r"\b(?:as\s+)?(?:the|la|le|l'|one of the)\s+(?:only|youngest|oldest|sole|lone|seule|seul|"
               r"plus jeune|plus âgée|plus âgé|unique)\b[^.;:()\n\"“”«»]{2,90}", re.I),
    re.compile(r"\b(?:the|la|le)\s+(?:first|last|première|premier|dernière|dernier)\s+(?:\w+\s+){0,3}?"
               r"(?:woman|man|person|female|male|femme|homme|personne|one|Indigenous|Black|Inuk|Muslim)\b[^.;:()\n]{0,80}", re.I),
    re.compile(r"\b(?:who|whose|qui|dont)\s+(?!is\b|are\b|was\b|were\b|est\b|sont\b)[^.;:()\n\"“”«»]{3,100}", re.I),
    re.compile(r"\b(?:a|an|une|un)\s+(?:retired|former|ancienne|ancien|retraitée|retraité)\s+[^.;:()\n]{2,80}", re.I),
    re.compile(r"\bla même qui\b[^.;:()\n]{2,80}", re.I),
]


class QuasiIdentifiers:
    """Self-identifying details, flagged (not removed) for the rapporteur to confirm.

    The flag covers the identifying phrase only ("as the only Inuk woman on the panel"), not the
    rest of the sentence: if the reviewer removes the flagged text, the idea itself survives.
    """

    id = "quasi"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """Flag every self-identifying phrase."""
        return find_quasi(context)


def find_quasi(ctx: NoteContext) -> list[Candidate]:
    """Flags for the phrases the quasi-identifier patterns find."""
    out = []
    for rx in _PATTERNS:
        for m in rx.finditer(ctx.text):
            s, e = m.start(), _quasi_end(ctx, m.start(), m.end())
            if e - s < 8:
                continue
            out.append(Candidate(s, e, "QUASI", Reason.QUASI, recognizer=QuasiIdentifiers.id, score=0.5, action="flag",
                                 prio=0))
    return out


_QUASI_MAX = 80
_QUASI_TRAILING = frozenset(fold(w) for w in "and|or|but|et|ou|mais|then|also|has|had|have|was|is|a|ont|est|who|qui|,".split("|"))


def _quasi_end(ctx: NoteContext, s: int, e: int) -> int:
    """Where the identifying phrase starting at *s* ends: before a comma, before the main clause's
    speech verb ("... who led the 2014 review | said ..."), and within a short length."""
    comma = ctx.text.find(",", s, e)
    if comma > s:
        e = comma
    i = bisect.bisect_left(ctx.word_starts, s)
    first = True
    while i < len(ctx.words) and ctx.words[i].start < e:
        w = ctx.words[i]
        if not first and w.key in SPEECH_VERBS and not w.cap and (ctx.pos(w) in ("VERB", "AUX") or w.key.endswith(("ed", "é", "aid", "it"))):
            e = w.start
            break
        if w.start > s + 2:
            first = False
        i += 1
    if e - s > _QUASI_MAX:
        cut = ctx.text.rfind(" ", s, s + _QUASI_MAX)
        e = cut if cut > s else s + _QUASI_MAX
    # drop dangling conjunctions and auxiliaries ("who led the review and | said")
    while True:
        chunk = ctx.text[s:e].rstrip(" ,;")
        last = chunk.rsplit(" ", 1)
        if len(last) == 2 and fold(last[1]) in _QUASI_TRAILING:
            e = s + len(last[0])
            continue
        return s + len(chunk)
