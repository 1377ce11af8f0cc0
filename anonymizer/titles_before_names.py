"""Ranks and forms of address right before a removed name stay ("Insp. [Participant 2]").

The corpus spec counts a rank or courtesy title before a name as part of neither the name nor the
note's substance: the name goes, the rank is left (alone, "the Inspector said", it is a title and goes).
The recognizers often remove the rank with the name or as a title of its own; this last step of the
keep guard gives it back when a person's name follows it at once.
"""
from __future__ import annotations

import os
import re

from .reasons import ROSTER_REASONS
from .recognizers.base import Candidate
from .vocab import DATA, fold, read_lines

RANKS = frozenset(fold(line) for line in read_lines(os.path.join(DATA, "ranks_before_names.txt")))
_GAP = re.compile(r"\.?[ \t\u00a0]+")
_ADDRESSED_TITLE = re.compile(r"\.?[ \t\u00a0]+(?:(?:la|le|the)[ \t\u00a0]+|l['’])?", re.I)
_WORD = re.compile(r"[^\s]+")


def is_rank(surface: str) -> bool:
    """The words are one rank or form of address of the list ("Lcol", "lieutenante-colonelle", "Insp.")."""
    return " ".join(fold(surface).rstrip(".").split()) in RANKS


def keep_ranks_before_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """*cands* with ranks trimmed off the front of person spans, and without the title or guessed name that is
    only a rank standing right before a removed person."""
    for c in cands:
        if c.label == "PERSON" and c.action == "redact" and c.reason not in ROSTER_REASONS:
            _trim_rank(text, c)  # a roster name is the participant's own ("Major" may be a given name)
    person_starts = {c.start for c in cands if c.label == "PERSON" and c.action == "redact"}
    role_starts = {c.start for c in cands if c.label == "ROLE" and c.action == "redact"}
    out = []
    for c in cands:
        if c.label in ("ROLE", "PERSON") and c.action == "redact" and c.reason not in ROSTER_REASONS \
                and is_rank(text[c.start:c.end]):
            gap = _GAP.match(text, c.end)
            if gap and gap.end() in person_starts:
                continue
            addressed = _ADDRESSED_TITLE.match(text, c.end)
            if gap and (gap.end() in role_starts or (addressed and addressed.end() in role_starts)):
                continue  # "Madame la [Role]": the form of address stays, the title goes
        out.append(c)
    return out



def _trim_rank(text: str, c: Candidate) -> None:
    """A person span that opens with a rank ("Sgt Brannock", "Lieutenante-colonelle Pépin") starts at the name."""
    words = list(_WORD.finditer(text, c.start, c.end))
    for n in (3, 2, 1):
        if len(words) > n and is_rank(text[words[0].start():words[n - 1].end()]):
            if c.key == f"u:{fold(text[c.start:c.end])}":  # a name known by its spelling keeps one number
                c.key = f"u:{fold(text[words[n].start():c.end])}"
            c.start = words[n].start()
            return
