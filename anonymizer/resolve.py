"""Merging overlapping candidates: when in doubt, redact the union."""
from __future__ import annotations

import bisect

from .recognizers.legacy import Candidate

_LABEL_PRIO = {"CONTACT": 5, "PERSON": 4, "ORG": 3, "ROLE": 2, "PLACE": 2, "QUASI": 0}


def _strongest(group: list[Candidate]) -> Candidate:
    """The candidate whose label and identity the merged span takes.

    Unless a roster person is there, an organization wins over a guessed person: a roster
    organization read as a person by NER, or an organization name spanning the whole merge.
    """
    if not any(_is_roster_key(c.key, "p") for c in group):
        roster_orgs = [c for c in group if c.label == "ORG" and _is_roster_key(c.key, "o")]
        if roster_orgs:
            return max(roster_orgs, key=lambda c: c.end - c.start)
        # "Brightwater Women's Network": an organization's structure over the whole span beats
        # a guessed person on the same words.
        start, end = min(c.start for c in group), max(c.end for c in group)
        whole_orgs = [c for c in group if c.label == "ORG" and c.start == start and c.end == end]
        if whole_orgs and all(c.label != "PERSON" or c.start >= start and c.end <= end for c in group):
            return whole_orgs[0]
    return max(group, key=lambda c: (c.prio, _LABEL_PRIO.get(c.label, 0), c.end - c.start))


def _is_roster_key(key: str | None, kind: str) -> bool:
    """Roster identities are keyed 'p<n>' (person) and 'o<n>' (organization); guesses 'u:...'."""
    return bool(key) and key[0] == kind and key[1:2].isdigit()


def resolve(cands: list[Candidate]) -> list[Candidate]:
    """Union overlapping redactions (keeping the strongest label and identity); keep flags apart.

    Flags that lie entirely inside a redaction are dropped: there is nothing left to confirm.
    """
    red = sorted((c for c in cands if c.action == "redact" and c.end > c.start), key=lambda c: (c.start, -c.end))
    merged: list[list[Candidate]] = []
    for c in red:
        if merged and c.start < max(x.end for x in merged[-1]):
            merged[-1].append(c)
        else:
            merged.append([c])
    out = []
    for group in merged:
        s = min(c.start for c in group)
        e = max(c.end for c in group)
        best = _strongest(group)
        reasons = []
        for c in sorted(group, key=lambda c: -c.prio):
            if c.reason not in reasons:
                reasons.append(c.reason)
        out.append(Candidate(s, e, best.label, "; ".join(reasons[:3]), "redact", best.key, best.prio))
    flags = sorted((c for c in cands if c.action == "flag"), key=lambda c: (c.start, -c.end))
    kept_flags = []
    starts = [r.start for r in out]
    for f in flags:
        i = bisect.bisect_right(starts, f.start) - 1
        if i >= 0 and out[i].start <= f.start and f.end <= out[i].end:
            continue
        if kept_flags and f.start < kept_flags[-1].end:
            kept_flags[-1].end = max(kept_flags[-1].end, f.end)
            continue
        kept_flags.append(Candidate(f.start, f.end, f.label, f.reason, "flag", None, f.prio))
    return sorted(out + kept_flags, key=lambda c: (c.start, c.end))
