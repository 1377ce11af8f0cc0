"""Spans that read as subject matter whatever recognizer found them: a law's name, a hashtag, an office inside a
law's title, and an office that the note proposes to create or fill ("appoint an ombudsperson for veterans",
"nommer une commissaire aux victimes", "the future commissioner"): an idea about a post, not a person.
"""
from __future__ import annotations

import re

from .keep_lexicon import hashtag
from .legislation import in_law_title, names_legislation
from .recognizers.base import Candidate

# a verb of creating, appointing or asking, then "a"/"un"; or a word that makes the office a future one
_PROPOSED_BEFORE = re.compile(
    r"(?:\b(?:appoint|appoints|appointing|create|creates|creating|establish|establishes|establishing|propose|proposes|"
    r"proposing|recommend|recommends|need|needs|want|wants|name|nommer|nomme|nommant|créer|crée|créant|instaurer|"
    r"instaure|établir|désigner|désigne|proposer|propose|proposent|proposons|recommande|recommandent|demande|"
    r"demandent|exige|exigent|faut|financer)\s+(?:at\s+least\s+)?(?:a|an|one|un|une)\s+"
    r"|\b(?:futur|future|futurs|futures|proposed|éventuel|éventuelle|prospective)\s+)"
    r"(?:[\w'’-]+\s+){0,2}$", re.I)


# a newly appointed person is still one person ("the new Deputy Minister said"); a future office is none yet
_FUTURE_START = re.compile(r"(?:futur|future|proposed|éventuel|éventuelle|prospective)\s", re.I)


def proposed_office(text: str, start: int) -> bool:
    """The title at *start* names an office the note proposes to create or fill."""
    return bool(_PROPOSED_BEFORE.search(text, max(0, start - 80), start) or _FUTURE_START.match(text, start))


def subject_phrase(text: str, c: Candidate) -> bool:
    """The candidate is subject matter by its phrase (see the module docstring), whatever found it."""
    if c.label in ("PERSON", "ORG") and (names_legislation(text, c.start, c.end) or hashtag(text, c.start)):
        return True
    if c.label in ("ROLE", "ORG") and in_law_title(text, c.start):
        return True
    return c.label == "ROLE" and proposed_office(text, c.start)
