"""Titles described in prose and the organizations of caption lines (runs after the trained model, so it
reads after every person and title found).

- "the person who runs the branch's reporting to the UN", "the woman who chairs the advisory circle",
  "the official responsible for gender equality at <Org>": a clause that describes one person's position
  is a ROLE (up to the verb of saying or the end of the clause), and the body after it goes.
- Captions and witness lists: "<Name>, <Title>, <Org>[, <Unit>]" and "<Title>, <Org>": every comma
  segment after a title on its line names the speaker's organization (or the title's sector, as in
  "Program Officer, Asia"), so it goes even when the body is allow-listed; "From the <Org>:" at the
  start of a line heads a witness entry.
"""
from __future__ import annotations

import re

from ..reasons import Reason
from ..vocab import HONORIFICS, ORG_HEADS, fold
from .attributed_groups import speaker_parentheses
from .attribution import AttributionReader, ReaderStage
from .base import Candidate
from .context_names import GROUP_WORDS

_SAY = r"(?:said|says|noted|notes|explained|argued|told|added|replied|stressed|asked|mentioned|responded|suggested|" \
       r"proposed|warned|insisted|agreed|disagreed|wants|thinks|believes|presented|described|called|opened|closed)"
_POSITION_VERBS = r"(?:runs|ran|heads|headed|leads|led|chairs|chaired|co-chairs|co-chaired|directs|directed|manages|" \
                  r"managed|oversees|oversaw|coordinates|coordinated|supervises|supervised|founded|co-founded|" \
                  r"is in charge of|was in charge of|is responsible for|was responsible for|is the head of|" \
                  r"was the head of|serves as|served as|acts as|sits as)"
# the position is an institution's unit or function ("the branch's reporting", "the subcommittee"), not a
# description ("a safe house", "the plan"), which the quasi-identifier layer flags instead
_UNITS = r"(?:branch|branch's|unit|office|division|team|file|program|programme|department|section|directorate|" \
         r"secretariat|committee|subcommittee|board|council|reporting|desk|portfolio|bureau|service|mission|" \
         r"delegation|task force|working group|caucus|commission|ministry|agency|advisory circle|" \
         r"advisory council|advisory group|advisory board|network|centre|center|cell|hub|fund|programs|programmes|" \
         r"operations|investigations|inspections|policy|policies|statistics|research)"
_RELATIVE_TITLE = re.compile(r"(?:\b(?:official|officer|lead|colleague|fonctionnaire)\s+)?"
                             r"\bwho\s+(?:also\s+|now\s+|currently\s+|still\s+)?" + _POSITION_VERBS
                             + r"\s+(?:the|our|their|its)\s+(?:[\w'’-]+\s+){0,4}?" + _UNITS
                             + r"\b[^.;:\n!?()]{0,60}?(?=\s*,|\s+(?:and|but|et|mais)\s|\s+" + _SAY + r"\b|\s+(?:in|until|since|during)\s+[A-Z0-9]"
                             r"|\s*[.;:\n!?()]|$)")
_RESPONSIBLE = re.compile(r"\b(?:person|woman|man|official|colleague|one|officer|lead|someone)\s+(?:who\s+is\s+|who's\s+)?"
                          r"(?P<r>(?:responsible|in\s+charge)\s+(?:for|of)\s+[^,.;:\n()]{2,60}?)"
                          r"(?=\s+(?:at|from|with|in)\s+(?:the\s+)?[A-Z]|\s+" + _SAY + r"\b|\s*[,.;:\n()]|$)")
# "la personne responsable de l'aide aux victimes au ministère de X a pris des notes"
_RESPONSABLE = re.compile(r"\b(?:personne|femme|homme|fonctionnaire|collègue|agente?|quelqu'un)\s+(?:qui\s+est\s+)?"
                          r"(?P<r>(?:responsable|chargée?|en\s+charge)\s+(?:de|du|des|d['’])\s*[^,.;:\n()]{2,90}?)"
                          r"(?=\s+(?:a|avait|est|était|dit|a\s+dit|souligne|affirme|explique|rappelle|pense|estime)\b"
                          r"|\s*[,.;:\n()]|$)")
_AT_BODY = re.compile(r"\s+(?:at|from|with)\s+(?:the\s+)?(?=[A-Z])")
_FROM_HEADER = re.compile(r"(?m)^[ \t]*(?:[-•*][ \t]*)?(?:From|Of|For)[ \t]+(?:the[ \t]+)?(?=[A-Z])")
_COMMA = re.compile(r",[ \t]+(?=[A-Z])")


class SpeakerTitles(ReaderStage):
    """Relative-clause titles; organizations after titles in captions; witness-list headers."""

    id = "speaker_titles"

    def run(self, att: AttributionReader) -> None:
        """Find the prose titles, then read the caption lines."""
        ctx = att.ctx
        for m in _RELATIVE_TITLE.finditer(ctx.text):
            att.out.append(Candidate(m.start(), m.end(), "ROLE", Reason.ROLE, prio=2))
        for m in _RESPONSIBLE.finditer(ctx.text):  # "the person responsible for gender equality at <Org>"
            att.out.append(Candidate(m.start("r"), m.end("r"), "ROLE", Reason.ROLE, prio=2))
            at = _AT_BODY.match(ctx.text, m.end("r"))
            span = att.org_at(at.end()) if at else None
            if span and span[2] == "ORG":
                att._emit(span)
        for m in _RESPONSABLE.finditer(ctx.text):  # "la personne responsable de ... au ministère de X"
            att.out.append(Candidate(m.start("r"), m.end("r"), "ROLE", Reason.ROLE, prio=2))
        for c in list(att.roles) + [c for c in att.out if c.label == "ROLE"]:
            _caption_tail(att, c.end)
        for m in _FROM_HEADER.finditer(ctx.text):
            span = att.org_at(m.end())
            if span and span[2] == "ORG" and ctx.next_char(span[1]) == ":":
                att._emit(span, Reason.SPEAKER_AFFILIATION)
        _witness_headers(att)
        speaker_parentheses(att)


def _witness_headers(att: AttributionReader) -> None:
    """A witness list's body on a line of its own, above the line naming its witness:
    "Department of Justice" / "<Name>, Senior Counsel"."""
    ctx = att.ctx
    person_starts = {c.start for c in att.persons}
    pos = 0
    for line in ctx.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        body = line.strip(" \t-•*:")
        if not body or len(body) > 90 or not body[:1].isupper():
            continue
        lead = start + line.index(body)
        span = att.org_at(lead)
        if not span or span[2] != "ORG" or span[1] != lead + len(body) or not _names_a_body(ctx, span):
            continue
        nxt = ctx.next_char_pos(pos)
        if nxt in person_starts or ctx.text[nxt:nxt + 1] in "-•*" and ctx.next_char_pos(nxt + 1) in person_starts:
            att._emit(span, Reason.SPEAKER_AFFILIATION)


def _names_a_body(ctx, span) -> bool:
    """A listed organization, an acronym or a name with an organization head-word ("... Centre")."""
    if any(s == span[0] for s, *_ in ctx.org_mentions):
        return True
    words = ctx.text[span[0]:span[1]].split()
    if fold(words[0]) in GROUP_WORDS:
        return False  # "Group C", "Session 2 – ...": a heading of the notes
    return (len(words) == 1 and words[0].isupper() and len(words[0]) >= 2) or any(
        fold(w) in ORG_HEADS for w in words)


def _caption_tail(att: AttributionReader, end: int) -> None:
    """', <Org>[, <Unit>]' after a title, up to the end of its line (a caption or witness-list entry)."""
    ctx = att.ctx
    line_end = ctx.text.find("\n", end)
    line_end = len(ctx.text) if line_end == -1 else line_end
    pos = end
    for _ in range(3):
        m = _COMMA.match(ctx.text, pos)
        if not m or m.end() >= line_end:
            return
        span = att.org_at(m.end())
        if not span or span[1] > line_end or fold(ctx.text[span[0]:span[1]].split()[0]).rstrip(".") in HONORIFICS:
            return  # "Madame la présidente, Mmes et MM. les membres": people addressed, not a body
        att._emit(span)
        pos = span[1]
        # "<Sector> at <Org>": the organization after the sector goes too
        at = re.match(r"[ \t]+(?:at|of|with)[ \t]+(?:the[ \t]+)?(?=[A-Z])", ctx.text[pos:line_end])
        if at:
            more = att.org_at(pos + at.end())
            if more and more[1] <= line_end:
                att._emit(more)
                pos = more[1]
