"""Screen names in a pasted chat log: "10:02 amara_k: +1", "[14:31] Guest 4 (Nadia): agree", "09:58 Modératrice:".

A line that opens on a time stamp and a name before a colon is a chat message, and the name is its author,
whatever it looks like ("sam.h", "marie_t", "kofi88"): a screen name is chosen to be recognized, so it goes as a
person. A numbered guest label stays ("Guest 4" says nothing) but the name in brackets after it goes; a host's
title goes as a role ("Moderator", "Animatrice").
"""
from __future__ import annotations

import re

from ..reasons import Reason
from ..vocab import fold
from .base import Candidate
from .context import NoteContext

_MESSAGE = re.compile(
    r"^[ \t>*-]*\[?\d{1,2}[:h]\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?\]?[ \t]*[-–]?[ \t]*"
    r"(?P<handle>[^\s:()\[\]]{2,32}(?:[ \t]+\d{1,3})?)[ \t]*(?:\((?P<name>[^()\n:]{2,40})\))?[ \t]*:", re.M)
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
            elif not _GUEST.match(handle) and not handle.isdigit():
                out.append(Candidate(m.start("handle"), m.end("handle"), "PERSON", Reason.PERSON_CONTEXT,
                                     recognizer=self.id, key="u:" + key, prio=4, score=0.9))
            if m.group("name"):
                out.append(Candidate(m.start("name"), m.end("name"), "PERSON", Reason.PERSON_CONTEXT, recognizer=self.id,
                                     key="u:" + fold(m.group("name")), prio=4, score=0.9))
        return out
