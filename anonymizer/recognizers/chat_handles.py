"""Screen names in a pasted chat log: "10:02 amara_k: +1", "[14:31] Guest 4 (Nadia): agree", "09:58 Modératrice:".

A line that opens on a time stamp and a name before a colon is a chat message, and the name is its author,
whatever it looks like ("sam.h", "marie_t", "kofi88"): a screen name is chosen to be recognized, so it goes as a
person. A numbered guest label stays ("Guest 4" says nothing) but the name in brackets after it goes; a host's
title goes as a role ("Moderator", "Animatrice").
"""
from __future__ import annotations

import re

from ..gazetteer import is_place
from ..given_names import is_given_name
from ..reasons import Reason
from ..vocab import common_words, fold
from ..wordclass import is_common_key
from .base import Candidate
from .context import NoteContext
from .place_cues import read_place

_MESSAGE = re.compile(
    r"^[ \t>*-]*\[?\d{1,2}[:h]\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?\]?[ \t]*[-–]?[ \t]*"
    r"(?P<handle>[^\s:()\[\]]{2,32}(?:[ \t]+(?:\d{1,3}|[A-Za-z]{1,3}(?:-[A-Za-z]{1,3})?\.?))?)"
    r"[ \t]*(?:\((?P<name>[^()\n:]{2,40})\))?[ \t]*:(?P<message>[^\n]{0,120})", re.M)
# where the author says she is, in a self-introduction: "Ingrid, MPA, Winnipeg", "Ben / Public Safety / Ottawa",
# "good afternoon from The Hague", "Nadia here, in Halifax"
_INTRO_PLACE = re.compile(r"(?:[,/|—–]|,[ \t]+(?:in|à|au|en)|(?:\b(?:hi|hello|hey|morning|afternoon|evening|"
                          r"bonjour|allo|salut|coucou|joining|dialing|calling|connecting|here|ici|connectée?)\b"
                          r"[^,.!?\n]{0,25}?\b(?:from|depuis|de)))[ \t]+(?=[A-ZÀ-Ý])", re.I)
# the author's own name opening the message before a separator: "Ben / Public Safety / Ottawa", "Elsie, …"
_INTRO_NAME = re.compile(r"[ \t]*(?:(?:hi|hello|hey|morning|bonjour|allo|salut)[ \t]*[!,.]*[ \t]+)?"
                         r"(?P<name>[A-ZÀ-Ý][\w'’-]+(?:[ \t]+[A-ZÀ-Ý][\w'’.-]*)?)[ \t]*(?:[,/|—–]|[ \t]here\b|[ \t]ici\b)")
_GUEST = re.compile(r"^(?:guest|invitée?|participant|participante|user|utilisateur|utilisatrice|caller|phone)\s*\d*$", re.I)
_HOST_TITLES = frozenset(fold(w) for w in """moderator moderatrice modérateur modératrice host hôte hote facilitator
facilitatrice facilitateur animatrice animateur chair présidente président presidente president cochair co-chair
coprésidente rapporteur rapporteuse notetaker note-taker""".split())


class ChatHandles:
    """The authors of the messages of a chat log."""

    id = "chat_handles"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """A PERSON for each author's screen name (and the name after a guest label), a ROLE for a host's title."""
        out = []
        for m in _MESSAGE.finditer(context.text):
            handle = m.group("handle")
            key = fold(handle)
            if _HOST_TITLES.issuperset(key.split()):
                out.append(Candidate(m.start("handle"), m.end("handle"), "ROLE", Reason.ROLE, recognizer=self.id, prio=2))
            elif not _screen_name(handle):
                continue  # "10:00 Registration:", "12:30 Lunch:": an agenda, not a chat
            elif not _GUEST.match(handle):
                out.append(_person(m, "handle", 0.9))
            if m.group("name"):
                out.append(_person(m, "name", 0.9))
            out += _intro_places(context.text, m.start("message"), m.end("message"))
            intro = _INTRO_NAME.match(context.text, m.start("message"))
            if intro and not is_place(intro.group("name")) and not _HOST_TITLES.issuperset(fold(intro.group("name")).split()):
                out.append(_person(intro, "name", 0.8))
        return out


def _person(m: re.Match, group: str, score: float) -> Candidate:
    """The person named by one group of a match, numbered by its spelling (the same handle, the same number)."""
    return Candidate(m.start(group), m.end(group), "PERSON", Reason.PERSON_CONTEXT, recognizer=ChatHandles.id,
                     key="u:" + fold(m.group(group)), prio=4, score=score)


def _screen_name(handle: str) -> bool:
    """A chat author's name: with a dot, an underscore or a digit ("sam.h", "kofi88", "Guest 2"), of two words
    ("Tobias R-A"), a known given name, or a word that is no ordinary word; not an agenda item ("Lunch")."""
    first = handle.split()[0]
    if re.search(r"[._\d]", handle) or len(handle.split()) > 1 or is_given_name(fold(first)):
        return True
    return not is_common_key(fold(first), common_words())


def _intro_places(text: str, start: int, end: int) -> list[Candidate]:
    """Places in the opening words of a chat message that introduce its author."""
    out = []
    for cue in _INTRO_PLACE.finditer(text, start, min(end, start + 80)):
        span = read_place(text, cue.end())
        if span and span[1] <= end and is_place(text[span[0]:span[1]]):
            out.append(Candidate(span[0], span[1], "PLACE", Reason.ORIGIN, recognizer=ChatHandles.id, prio=2))
    return out
