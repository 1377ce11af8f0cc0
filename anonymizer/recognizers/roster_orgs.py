"""Roster affiliations and allow-listed bodies, wherever the note names them.

A participant's organization (not allow-listed) goes at every mention: full name, acronym,
distinctive word, any case. Allow-listed public bodies are recorded as mentions only: the
attribution recognizers decide whether they tell who spoke (removed) or are the subject of an
idea (kept).
"""
from __future__ import annotations

from typing import Optional

from ..reasons import Reason
from ..vocab import STOP_PARTICLES, fold
from .base import Candidate
from .context import NoteContext


class RosterAffiliations:
    """Participant organizations from the roster; records every organization mention for later recognizers."""

    id = "roster_affiliations"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """Record the note's organization mentions; return those of participant organizations."""
        context.org_mentions[:] = find_org_mentions(context)
        return [Candidate(s, e, "ORG", Reason.ROSTER_AFFILIATION, recognizer=self.id, prio=3,
                          key=f"o{oid}" if oid is not None else None)
                for s, e, _kind, allowlisted, oid in context.org_mentions if not allowlisted]


def find_org_mentions(ctx: NoteContext) -> list[tuple[int, int, str, bool, Optional[int]]]:
    """Roster affiliation and allow-list mentions: (start, end, kind, allow-listed, roster org id)."""
    idx = ctx.index
    out = []
    for s, e, form in idx.org_matches(ctx.ftext):
        surface = ctx.text[s:e]
        hit = idx.org_forms.get(form)
        in_allow = form in idx.allow_forms
        words = surface.split()
        # one ordinary word must be written as a name; a longer form matches in any case
        if hit and not in_allow:
            content = [w for w in words if fold(w) not in STOP_PARTICLES]
            if len(content) < 2 and all(fold(w).strip("'’") in ctx.common for w in content) \
                    and not any(w[:1].isupper() for w in content):
                continue
            out.append((s, e, "roster affiliation", hit[1], hit[0]))
        elif in_allow:
            # one lower-case word is a mention only when the list has it as an acronym ("cbsa")
            if len(words) == 1 and not surface[:1].isupper() and surface.upper() not in idx.allow.terms:
                continue
            out.append((s, e, "allow-listed body", True, hit[0] if hit else None))
    _word_mentions(ctx, out)
    return out


def _word_mentions(ctx: NoteContext, out: list) -> None:
    """Acronyms and distinctive single words of roster organizations (any case)."""
    idx = ctx.index
    for w in ctx.words:
        letters = w.text.replace(".", "")
        speakerish = ctx.next_char(w.end) in "(:" and (ctx.line_start_before(w) or ctx.prev_char(w.start) in "(;,")
        if speakerish and len(letters) <= 3 and fold(w.text) not in idx.allow_forms:
            continue  # "GA (walk-in): ..." -- initials of a speaker, left to the person layer
        if w.upper or (sum(c.isupper() for c in w.text) >= 2 and len(w.text) <= 8):
            a = idx.org_acronyms.get(letters) or idx.org_acronyms.get(letters.upper() if w.upper else letters)
            if a:
                out.append((w.start, w.end, "roster affiliation (acronym)", a[1], a[0]))
                continue
            if letters in idx.derived_acronyms:
                out.append((w.start, w.end, "acronym of a listed public body", False, None))
                continue
        if w.cap and w.key in idx.org_words:
            oid = idx.org_words[w.key]
            o = ctx.roster.orgs[oid]
            if not o.allowlisted and not (w.initial and ctx.is_common(w)):
                out.append((w.start, w.end, "roster affiliation (short form)", False, oid))
        elif (not w.cap) and w.key in idx.org_words and not ctx.is_common(w) and len(w.key) >= 5:
            out.append((w.start, w.end, "roster affiliation (lower-case short form)", False, idx.org_words[w.key]))

