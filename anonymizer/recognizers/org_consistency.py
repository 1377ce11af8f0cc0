"""Note-level consistency for organizations: once a civil-society organization's name goes, its short forms in
the same note go too. The spec counts a participant organization at every mention, and notes name one in full
once, then by its acronym ("Lakehead-Superior Newcomer Women's Network" … "LSNWN hears …") or by its head-word
with an article ("the Coalition has been tracking …", "la Coalition demande …"). Public bodies are left alone:
they are subject matter unless a frame attributes them.
"""
from __future__ import annotations

import re

from ..lexicon import CIVIL_HEADS, FRENCH_CIVIL_HEADS
from ..reasons import Reason
from ..vocab import STOP_PARTICLES, fold
from .base import Candidate
from .context import NoteContext

_PUBLIC_REASONS = frozenset({Reason.PUBLIC_BODY_ATTRIBUTED})
_HEADS = CIVIL_HEADS | FRENCH_CIVIL_HEADS
_PARTS = re.compile(r"[^\W\d_][\w'’]*")
_ARTICLE = re.compile(r"^(?:the|la|le|les|l')\s*")


class OrgConsistency:
    """The acronym and the article-and-head short form of every civil-society organization the note names."""

    id = "org_consistency"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """Mentions of found organizations' short forms not covered yet."""
        text = context.text
        public = [(s, e) for s, e, kind, allowed, oid in context.org_mentions if allowed or oid is None]
        forms: dict[str, Candidate] = {}
        for c in context.candidates("ORG"):
            if c.reason in _PUBLIC_REASONS or any(s < c.end and c.start < e for s, e in public):
                continue
            for form in _short_forms(text[c.start:c.end]):
                forms.setdefault(form, c)
        if not forms:
            return []
        found = context.candidates()
        rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
        out = []
        for m in rx.finditer(text):
            source = forms[m.group(1)]
            if source.key is None:  # the same organization, the same placeholder number
                source.key = "u:" + _ARTICLE.sub("", fold(text[source.start:source.end]))
            overlapping = [c for c in found if c.start < m.end() and m.start() < c.end]
            for c in overlapping:  # a short form another recognizer found: the same organization, the same number
                if c.label == "ORG" and c.key is None and m.start() <= c.start and c.end <= m.end():
                    c.key = source.key
            if overlapping:
                continue  # inside (or at the edge of) a removal already: the name itself
            out.append(Candidate(m.start(), m.end(), "ORG", Reason.ORG_NAME, recognizer=self.id, key=source.key,
                                 prio=3, score=0.8))
        return out


def _short_forms(name: str) -> list[str]:
    """'Lakehead-Superior Newcomer Women's Network' -> ['LSNWN', 'the Network']; a French head comes first:
    'Coalition pour la paix' -> ['la Coalition', 'le Coalition' …] (the article as written varies)."""
    words = _PARTS.findall(name)
    content = [w for w in words if fold(w) not in STOP_PARTICLES]
    capitals = [w for w in content if w[:1].isupper()]
    forms = []
    if len(capitals) >= 3 and len(capitals) == len(content):
        forms.append("".join(w[0] for w in capitals))
    for head in {content[0], content[-1]} if len(content) >= 2 else ():
        if head[:1].isupper() and fold(head) in _HEADS:
            forms += [f"{article} {head}" for article in ("the", "The", "la", "La", "le", "Le")]
            forms += [f"{article}{head}" for article in ("l'", "L'", "l’", "L’")]
    return forms
