"""Note-level consistency: once a name is found, every other mention of its parts in the note goes.

Runs last: it reads the person candidates of every recognizer before it (roster, NER, context,
a trained model...). A lower-case particle before a surname ("de Haas", "bin Rashid") is made
part of the name.
"""
from __future__ import annotations

import bisect
import re

from ..given_names import is_given_name
from ..lexicon import PLACE_WORDS
from ..reasons import Reason
from ..text import fold_same_length
from ..vocab import HONORIFICS, NAME_PARTICLES, NON_PERSON_PROPER
from .base import Candidate
from .context import NoteContext

_PARTICLE_BEFORE = re.compile(r"(?:(?<=[\s(\[\"“])|^)(?:de la|de|van der|van den|van|von|bin|ben|al|el|da|di|del|dos|du"
                              r"|le|ter|ibn|bint|ó)\s$")
_PARTICLE_INLINE = re.compile(r"(?:\b(?:de la|de|van der|van den|van|von|bin|ben|al|el|da|di|del|dos|du|ibn|bint)\s)$")


class Consistency:
    """Every other mention of a found name's parts, in any case."""

    id = "consistency"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """Mentions of found names' parts not covered yet; particles attached to found surnames."""
        persons = context.candidates("PERSON")
        if not persons:
            return []
        for c in persons:  # a recognizer that gives no identity (a model): the words are the identity
            if c.key is None:
                c.key = "u:" + " ".join(w.key for w in _words_in(context, c.start, c.end))
        ident = _identities(context, persons)
        out = _mentions(context, ident)
        _attach_particles(context.text, persons + out)
        return out


def _words_in(ctx: NoteContext, start: int, end: int) -> list:
    lo, hi = bisect.bisect_left(ctx.word_starts, start), bisect.bisect_right(ctx.word_starts, end)
    return [w for w in ctx.words[lo:hi] if start <= w.start and w.end <= end]


def _identities(ctx: NoteContext, persons: list[Candidate]) -> dict[str, str]:
    """Folded name part -> identity key, multi-word names first so single mentions inherit them."""
    ident: dict[str, str] = {}
    for c in sorted(persons, key=lambda c: -(c.end - c.start)):
        for w in _words_in(ctx, c.start, c.end):
            k = w.key.rstrip(".")
            if len(k) < 2 or k in NAME_PARTICLES or k in HONORIFICS or k in NON_PERSON_PROPER or k in PLACE_WORDS:
                continue
            ident.setdefault(k, c.key or f"u:{k}")
            for part in re.split(r"[-_.]", k):  # a hyphenated surname's parts, a screen name's ("sam_brisebois")
                if len(part) >= 3 and part not in NAME_PARTICLES and part not in ctx.common:
                    ident.setdefault(part, c.key or f"u:{k}")
    for c in persons:  # a single unknown mention takes the identity of the full name containing it
        if c.key and c.key.startswith("u:") and " " not in c.key and c.key[2:] in ident:
            c.key = ident[c.key[2:]]
    return ident


def _mentions(ctx: NoteContext, ident: dict[str, str]) -> list[Candidate]:
    text = ctx.text
    covered = [(c.start, c.end) for cs in ctx.found.values() for c in cs if c.action == "redact"]
    # allow-listed bodies ("Pêches et Océans Canada") are subject matter unless attributed
    folded = fold_same_length(text)
    for s, e, form in ctx.index.org_matches(folded):
        if form in ctx.index.allow_forms:
            covered.append((s, e))
    mask = bytearray(len(text) + 1)  # a character mask keeps this linear on very long notes
    for s, e in covered:
        mask[s:e] = b"\x01" * (e - s)
    out = []
    for w in ctx.words:
        k = w.key.rstrip(".")
        if k not in ident or mask[w.start]:
            continue
        if not (w.cap or w.upper) and (k in ctx.common or (len(k) < 4 and not is_given_name(k))):
            continue  # a short lower-case word is the name only when it is a given name ("sam"), never "ana" the word
        if w.upper and len(k) <= 3 and k in ctx.common:
            continue
        start = w.start
        m = _PARTICLE_INLINE.search(text[max(0, w.start - 8):w.start])
        if m and w.cap:
            start = w.start - len(m.group())
        out.append(Candidate(start, w.end, "PERSON", Reason.NAME_CONSISTENCY, recognizer=Consistency.id,
                             key=ident[k], prio=4, score=0.8))
    return out


def _attach_particles(text: str, cands: list[Candidate]) -> None:
    """'(de Haas spoke', 'Mr. bin Rashid': a lower-case particle before a surname is part of it."""
    for c in cands:
        if c.label != "PERSON" or c.action != "redact" or not text[c.start:c.start + 1].isupper():
            continue
        m = _PARTICLE_BEFORE.search(text, max(0, c.start - 12), c.start)
        if not m:
            continue
        before = text[:m.start()].rstrip(" ")
        prev_word = re.search(r"(\w+)[.]?$", before)
        if not before or before[-1] in "(\n[\"“:;," or (prev_word and (prev_word.group(1)[:1].isupper())):
            c.start = m.start()
