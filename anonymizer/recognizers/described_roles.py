"""Offices described in prose instead of named by a title: "who heads the shelter's legal desk", "she runs
the outreach unit of the network", "qui dirige le volet jeunesse du réseau".

A sentence that says what one person leads, heads or runs names her office as surely as a title does, so the
description goes whole, from its verb to the end of what is led (a ROLE): reading "[Role]" keeps the idea and
hides the post. Only a person can be the subject ("who", "she", "qui" after a person), and only a definite
thing ("the team", "le programme", "our network") is an office; "she runs a shelter" or "who leads the
discussion" describe work, not a post.
"""
from __future__ import annotations

import re

from ..reasons import Reason
from ..vocab import fold
from .base import Candidate
from .context import NoteContext
from .place_cues import ELIDED_ARTICLE, GENERIC_NOUNS, ROLE_NOUNS

_VERBS = (r"heads|headed|leads|led|runs|ran|manages|managed|chairs|chaired|co-chairs|co-leads|directs|directed|"
          r"coordinates|coordinated|oversees|oversaw|supervises|supervised|"
          r"dirige|dirigeait|codirige|préside|présidait|copréside|coordonne|coordonnait|gère|gérait|pilote|pilotait|"
          r"supervise|supervisait|chapeaute|chapeautait")
_DESCRIBED = re.compile(
    r"\b(?P<subject>who|she|he|qui|elle|il)\s+(?:(?:also|now|currently|still|aussi|maintenant|actuellement|toujours)\s+)?"
    r"(?P<office>(?:" + _VERBS + r")\s+(?:the|our|their|her|his|its|le|la|les|l['’]|son|sa|ses|notre|nos|leur)\s*"
    r"[^.;:()\n,—–!?\"“”«»]{3,90})", re.I)
# where the described office ends: another clause or a verb of saying
_CLAUSE_END = re.compile(r"\s+(?:who|which|that|and\s+(?:said|says|told|asked|spoke)|said|says|told|qui|où|et\s+(?:a|dit))\b"
                         r"|\s+(?:was|is|were|has|had|will|est|a|avait|sera)\s", re.I)
_NOT_OFFICES = frozenset(fold(w) for w in """discussion discussions conversation debate debat risk risque way point
meeting réunion reunion charge""".split())
_MAX_WORDS = 12
_PERSON_NOUNS = ROLE_NOUNS | GENERIC_NOUNS


class DescribedRoles:
    """A person's office said by what she leads, heads or runs."""

    id = "described_roles"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """ROLE candidates for the described offices of the note."""
        text = context.text
        out = []
        for m in _DESCRIBED.finditer(text):
            if m.group("subject").lower() == "qui" and not _person_before(context, m.start()):
                continue
            start, end = m.start("office"), _office_end(text, m.start("office"), m.end("office"))
            words = text[start:end].split()
            if len(words) < 3 or fold(words[2].strip("'’")) in _NOT_OFFICES or fold(words[1].split("'")[-1]) in _NOT_OFFICES:
                continue
            out.append(Candidate(start, end, "ROLE", Reason.ROLE, recognizer=self.id, score=0.7, prio=1))
        return out


def _office_end(text: str, start: int, end: int) -> int:
    """The description up to a new clause, at most a dozen words, without trailing spaces."""
    stop = _CLAUSE_END.search(text, start, end)
    if stop:
        end = stop.start()
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > _MAX_WORDS:
        end = start + words[_MAX_WORDS - 1].end()
    return start + len(text[start:end].rstrip())


def _person_before(ctx: NoteContext, pos: int) -> bool:
    """French "qui" refers to a person: a name found just before it, or a person noun ("l'avocate qui …")."""
    head = ctx.text[max(0, pos - 40):pos].rstrip(" ,")
    if any(pos - 3 <= c.end <= pos for c in ctx.candidates("PERSON")):
        return True
    last = re.search(r"([^\W\d_][\w'’-]*)$", head)
    return last is not None and ELIDED_ARTICLE.sub("", fold(last.group(1))) in _PERSON_NOUNS
