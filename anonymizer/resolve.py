"""Merging overlapping candidates: when in doubt, redact the union.

Kept apart from detection (the recognizers) and from replacement (:mod:`anonymizer.replace`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from .reasons import Reason
from .recognizers.base import Candidate

_LABEL_PRIO = {"CONTACT": 5, "PERSON": 4, "ORG": 3, "ROLE": 2, "PLACE": 2, "QUASI": 0}


@dataclass
class Decision:
    """One span to remove or flag, with every reason and recognizer behind it (strongest first)."""

    start: int
    end: int
    label: str
    action: str
    key: Optional[str] = None
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    recognizers: tuple[str, ...] = field(default_factory=tuple)
    score: float = 1.0

    @property
    def reason(self) -> Reason:
        """The main reason (of the strongest candidate)."""
        return self.reasons[0]


def _strongest(group: list[Candidate]) -> Candidate:
    """The candidate whose label and identity the merged span takes.

    Unless a roster person is there, an organization wins over a guessed person: a roster
    organization read as a person by NER, or an organization name spanning the whole merge.
    """
    if not any(_is_roster_key(c.key, "p") for c in group):
        roster_orgs = [c for c in group if c.label == "ORG" and _is_roster_key(c.key, "o")]
        if roster_orgs:
            return max(roster_orgs, key=lambda c: c.end - c.start)
        start, end = min(c.start for c in group), max(c.end for c in group)
        whole_orgs = [c for c in group if c.label == "ORG" and c.start == start and c.end == end]
        if whole_orgs and all(c.label != "PERSON" or c.start >= start and c.end <= end for c in group):
            return whole_orgs[0]
    return max(group, key=lambda c: (c.prio, _LABEL_PRIO.get(c.label, 0), c.end - c.start))


def _is_roster_key(key: Optional[str], kind: str) -> bool:
    """Roster identities are keyed 'p<n>' (person) and 'o<n>' (organization); guesses 'u:...'."""
    return bool(key) and key[0] == kind and key[1:2].isdigit()


def _unique(items) -> tuple:
    out: list = []
    for x in items:
        if x not in out:
            out.append(x)
    return tuple(out)


def resolve(cands: list[Candidate]) -> list[Decision]:
    """Union overlapping redactions (keeping the strongest label and identity); keep flags apart.

    Flags that lie entirely inside a redaction are dropped: there is nothing left to confirm.
    """
    red = sorted((c for c in cands if c.action == "redact" and c.end > c.start), key=lambda c: (c.start, -c.end))
    groups: list[list[Candidate]] = []
    group_end = -1
    for c in red:
        if groups and c.start < group_end:
            groups[-1].append(c)
            group_end = max(group_end, c.end)
        else:
            groups.append([c])
            group_end = c.end
    out = []
    for group in groups:
        best = _strongest(group)
        ordered = [best] + sorted((c for c in group if c is not best), key=lambda c: -c.prio)
        out.append(Decision(min(c.start for c in group), max(c.end for c in group), best.label, "redact", best.key,
                            _unique(c.reason for c in ordered), _unique(c.recognizer for c in ordered if c.recognizer),
                            max(c.score for c in group)))
    return sorted(out + _flags(cands, out), key=lambda d: (d.start, d.end))


def _flags(cands: list[Candidate], redactions: list[Decision]) -> list[Decision]:
    flags = sorted((c for c in cands if c.action == "flag"), key=lambda c: (c.start, -c.end))
    kept: list[Decision] = []
    starts = [r.start for r in redactions]
    for f in flags:
        i = bisect.bisect_right(starts, f.start) - 1
        if i >= 0 and redactions[i].start <= f.start and f.end <= redactions[i].end:
            continue
        if kept and f.start < kept[-1].end:
            kept[-1].end = max(kept[-1].end, f.end)
            continue
        kept.append(Decision(f.start, f.end, f.label, "flag", None, (f.reason,), _unique([f.recognizer]), f.score))
    return kept
