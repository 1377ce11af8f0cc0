"""Completing removals that stop short of the whole name or title, before overlaps are merged.

Recognizers find the parts; the words that join or introduce them would otherwise stay in the text: the
particles inside a name ("Van| den |Berg"), the linking words inside an organization's name ("High Commission| of
|Ghana"), compound initials before a name ("j-f| ouellet"), the form of address before a title
("Monsieur le| rapporteur"), a diplomat's posting after her title ("Permanent Representative of Ghana| to
the United Nations"), and a second bracket after a bracketed affiliation ("Name (Stirling) |(SNP)").
"""
from __future__ import annotations

import re

from .recognizers.base import Candidate
from .vocab import NAME_PARTICLES

# What may stand between two parts of one name, by label.
_GAPS = {
    "PERSON": re.compile(r"[ \t]+(?:(?:%s)[ \t]+){1,2}" % "|".join(
        re.escape(p) for p in sorted(NAME_PARTICLES, key=len, reverse=True) if " " not in p)),
    "ORG": re.compile(r"[ \t]+(?:of|for|de|du|des|pour)(?:[ \t]+(?:the|la|le|les))?[ \t]+|[ \t]+(?:de|pour)[ \t]+l['’]|"
                      r"[ \t]+d['’]"),
}
_INITIALS_BEFORE = re.compile(r"(?:^|(?<=[\s,;(]))([^\W\d_]\.?-[^\W\d_]\.?)[ \t]+$")
# The French form of address is said with the title and belongs to it: "Mme la présidente", "Monsieur le ministre".
_ADDRESS_BEFORE = re.compile(r"(?:^|(?<=[\s(«\"]))((?:M\.|Mme|Mlle|Monsieur|Madame|Mademoiselle)(?:[ \t]+(?:le|la|l['’]))?)[ \t]*$",
                             re.I)
# a second bracket after a person's bracketed affiliation is more of it: "Name (Stirling) (SNP)"
_SECOND_BRACKET = re.compile(r"\)[ \t]*\(([^()\n]{1,40})\)")
# A diplomat's posting completes her title: "… of Ghana to the United Nations", "… auprès de l'Union africaine".
_POSTING_AFTER = re.compile(r"[ \t]+(?:to|at)[ \t]+the[ \t]+(?:[A-Z][\w'’.-]*[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?)*[A-Z][\w'’.-]*"
                            r"|[ \t]+auprès[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|du|de)[ \t]*(?:[A-ZÉ][\w'’.-]*[ \t]*"
                            r"(?:(?:de|des|du|de la)[ \t]+)?)*[A-ZÉ][\w'’.-]*")
_POSTED = re.compile(r"\b(?:representative|ambassador|envoy|observer|représentante?|ambassadrice|ambassadeur|envoyée?|"
                     r"observat(?:eur|rice))\b", re.I)


def complete_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """*cands* plus one candidate for each removal completed as the module docstring says (the parts stay)."""
    redact = [c for c in cands if c.action == "redact"]
    added = []
    for label, gap in _GAPS.items():
        found = sorted((c for c in redact if c.label == label), key=lambda c: c.start)
        added += [_over(left, left.start, right.end, min(left.score, right.score)) for left, right in zip(found, found[1:])
                  if left.end < right.start and gap.fullmatch(text, left.end, right.start)]
    for c in redact:
        before = {"PERSON": _INITIALS_BEFORE, "ROLE": _ADDRESS_BEFORE}.get(c.label)
        if before and (m := before.search(text, max(0, c.start - 16), c.start)):
            added.append(_over(c, m.start(1), c.end))
        if c.label == "ROLE" and _POSTED.search(text, c.start, c.end) and (m := _POSTING_AFTER.match(text, c.end)):
            added.append(_over(c, c.start, m.end()))
        if c.label in ("ORG", "PLACE") and text[c.start - 1:c.start] == "(" and (m := _SECOND_BRACKET.match(text, c.end)):
            added.append(Candidate(m.start(1), m.end(1), "ORG", c.reason, c.recognizer, c.score, prio=c.prio))
    return cands + added


def _over(c: Candidate, start: int, end: int, score: float | None = None) -> Candidate:
    """A candidate like *c* over start..end."""
    return Candidate(start, end, c.label, c.reason, c.recognizer, c.score if score is None else score, key=c.key,
                     prio=c.prio)
