"""The signature under an e-mail pasted into a note.

After a sign-off on its own line ("Best,", "Cheers,", "Cordialement,") the lines down to the next blank line are
the writer's card: her name, then her title, organization, city, phone and handle. Every line of it tells who
wrote, so it is read as a structure rather than word by word: the name goes as a person (an initial alone too:
"P."), a part with a title word as a role (and the parts after it, the division and the body, as her
organization), a part that opens on a known place as her place, and any other part in capitals as her
organization. Contacts are left to the contact recognizers; a line that reads as a sentence ends the card.
"""
from __future__ import annotations

import re

from ..gazetteer import place_at, with_region
from ..given_names import is_given_name
from ..reasons import Reason
from ..vocab import common_words, fold
from ..wordclass import is_common_key
from .base import Candidate
from .context import NoteContext
from .trained_span_edges import has_title_word

__all__ = ["SIGN_OFF_WORDS", "SignatureBlocks"]

# the closing words of an e-mail, alone on their line
SIGN_OFF_WORDS = (r"thanks|thank you|many thanks|thanks again|best|best regards|all the best|regards|kind regards|"
                  r"warm regards|cheers|warmly|sincerely|take care|merci|merci beaucoup|merci encore|cordialement|"
                  r"amitiés|bien à vous|salutations|bonne journée|à bientôt|au plaisir")
_SIGN_OFF_LINE = re.compile(r"^[ \t>]*(?:" + SIGN_OFF_WORDS + r")[ \t]*[,!.]?[ \t]*\n", re.I | re.M)
# "— Amara", "-- P.", "Amara K.", "Q": the writer's name under the sign-off
_NAME_LINE = re.compile(r"[ \t>]*(?:[-–—]{1,2}[ \t]*)?(?P<name>(?:[A-ZÀ-Ý][\w'’.-]*|[A-ZÀ-Ý]\.?)"
                        r"(?:[ \t]+(?:[A-ZÀ-Ý][\w'’.-]*|d[eu']|van|von|de la|le|la|al|bin|ibn)){0,3})[ \t]*$")
# parts of a card line: "Policy Lead, Harbour Youth Forum · Sudbury | 705-555-0100"
_PART = re.compile(r"[^,·|•;]+")
_CONTACT_LIKE = re.compile(r"[@\d]|https?:|www\.|\.(?:org|com|ca|net)\b", re.I)
_PRONOUNS = re.compile(r"^\(?\s*(?:she|he|they|elle|il|iel)\s*/\s*\w+(?:\s*/\s*\w+)?\s*\)?$", re.I)
_HEADER = re.compile(r"(?:from|to|cc|sent|date|subject|de|à|envoyé|objet)\s*:", re.I)
_MAX_LINES = 6


class SignatureBlocks:
    """The name, title, organization and place of an e-mail's signature."""

    id = "signature_blocks"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """Candidates for each card that follows a sign-off line."""
        text = context.text
        out: list[Candidate] = []
        for sign_off in _SIGN_OFF_LINE.finditer(text):
            out += self._card(text, sign_off.end())
        return out

    def _card(self, text: str, pos: int) -> list[Candidate]:
        """The card that starts at *pos*: nothing unless its first line is a name."""
        lines = _lines(text, pos)
        if not lines:
            return []
        first = _NAME_LINE.match(text, lines[0][0], lines[0][1])
        if not first or not _names_a_person(first.group("name")):
            return []
        out = [Candidate(first.start("name"), first.end("name"), "PERSON", Reason.PERSON_CONTEXT, recognizer=self.id,
                         prio=3, score=0.85)]
        for start, end in lines[1:]:
            if _reads_as_sentence(text[start:end]):
                break
            out += _card_line(text, start, end)
        return out


def _lines(text: str, pos: int) -> list[tuple[int, int]]:
    """The lines from *pos* down to a blank line, a quoted header or the sixth line."""
    out = []
    while pos < len(text) and len(out) < _MAX_LINES:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip(" \t>")
        if not line or _HEADER.match(line) or not line.strip("-–—_= "):
            break  # a blank line, a quoted header ("From: …") or a rule ends the card
        out.append((pos, end))
        pos = end + 1
    return out


def _names_a_person(name: str) -> bool:
    """An initial, a given name, or words that are not ordinary words and no title."""
    words = name.replace(".", " ").split()
    if len(words) == 1 and len(words[0]) <= 2:
        return True  # "P.", "Q", "JB": a writer signing with her initials
    if has_title_word(name) or place_at(name, 0) == len(name):
        return False
    return is_given_name(fold(words[0])) or not all(is_common_key(fold(w), common_words()) for w in words)


def _reads_as_sentence(line: str) -> bool:
    """A line of running text, not a part of a card."""
    words = line.split()
    return len(words) > 12 or (len(words) > 5 and line.rstrip()[-1:] in ".?!")


def _card_line(text: str, start: int, end: int) -> list[Candidate]:
    """One line of the card: a title (the parts after it are her division and body), a place, or a body."""
    out: list[Candidate] = []
    after_title = False
    for part in _PART.finditer(text, start, end):
        s, e = _stripped(text, part.start(), part.end())
        surface = text[s:e]
        if e <= s or _CONTACT_LIKE.search(surface) or _PRONOUNS.match(surface) or not surface[:1].isupper():
            continue
        place = place_at(text, s)
        if place is not None and place >= e - 1:
            out.append(Candidate(s, with_region(text, s, place), "PLACE", Reason.ORIGIN, recognizer=SignatureBlocks.id,
                                 prio=2, score=0.85))
        elif has_title_word(surface) and not after_title:
            out.append(Candidate(s, e, "ROLE", Reason.ROLE, recognizer=SignatureBlocks.id, prio=2, score=0.85))
            after_title = True
        elif all(w[:1].isupper() or len(w) <= 3 for w in surface.split()):  # not "Sent from my phone"
            out.append(Candidate(s, e, "ORG", Reason.SPEAKER_AFFILIATION, recognizer=SignatureBlocks.id, prio=2,
                                 score=0.8))
    return out


def _stripped(text: str, s: int, e: int) -> tuple[int, int]:
    """The part without its surrounding spaces and dashes."""
    while s < e and text[s] in " \t-–—/":
        s += 1
    while e > s and text[e - 1] in " \t-–—/.":
        e -= 1
    return s, e
