"""Names built like civil-society bodies ("<Capitalised words> Network / Coalition / Forum",
"Réseau <Name>", "Maison des femmes de <Place>"): they identify who was in the room, so they
go at every mention, with an acronym in parentheses right after them. Allow-listed bodies and
programme or plan names stay."""
from __future__ import annotations

import re

from ..lexicon import CIVIL_HEADS, FRENCH_CIVIL_HEADS, PLACE_WORDS, PROGRAMME_WORDS
from ..reasons import Reason
from ..vocab import FUNCTION_WORDS, SPEECH_VERBS, STOP_PARTICLES, SUBJECT_HEADS, fold
from .attribution import AttributionReader, ReaderStage
from .base import Candidate


class CivilSocietyNames(ReaderStage):
    """Civil-society organization names by their head-word."""

    id = "civil_society_orgs"

    def run(self, att: AttributionReader) -> None:
        """Find every name built around a civil-society head-word, capitalised or in lower case."""
        civil_society_names(att)
        lower_case_names(att)
        half_capitalised_names(att)


def civil_society_names(att: AttributionReader) -> None:
    """Names built like civil-society bodies ("<Capitalised modifiers> Network/Coalition/Forum",
    "Réseau <Name>", "Maison des femmes de <Place>") identify who was in the room: removed at
    every mention, with an acronym in parentheses right after them.  Allow-listed bodies and
    programme/plan names stay."""
    ctx = att.ctx
    words = ctx.words
    n = len(words)
    taken_until = -1
    for i, w in enumerate(words):
        if i <= taken_until or not _head_at(words, i):
            continue
        # walk left over capitalised modifiers (and particles between them)
        j = i
        while j - 1 >= 0 and ctx.gap(words[j - 1], words[j]) in (" ", "-", "'s ", "’s ", "' ") and \
                ((words[j - 1].cap or words[j - 1].upper) and (not words[j - 1].initial or not ctx.is_common(words[j - 1])) or
                 (words[j - 1].key in STOP_PARTICLES and j - 2 >= 0 and words[j - 2].cap)) and \
                words[j - 1].key not in FUNCTION_WORDS - STOP_PARTICLES:
            j -= 1
        while j < i and words[j].key in STOP_PARTICLES:
            j += 1
        if j < i and words[j].initial and ctx.is_common(words[j]) and not words[j].upper:
            j += 1  # a sentence-initial ordinary word is not part of the name
        # walk right: "Network of <Place>", "Maison des femmes de <Place>", "Réseau <Name>"
        k = i
        french_head = w.key in FRENCH_CIVIL_HEADS
        steps = 0
        while k + 1 < n and steps < 6 and ctx.gap(words[k], words[k + 1]) in (" ", "-", " - ") and "\n" not in ctx.gap(words[k], words[k + 1]):
            nx = words[k + 1]
            if (nx.cap or nx.upper) and not _shouted_word(nx):
                k += 1
            elif nx.key in STOP_PARTICLES and k + 2 < n and (words[k + 2].cap or (french_head and not words[k + 2].key in FUNCTION_WORDS)):
                k += 1
            elif french_head and steps < 3 and not ctx.is_common(nx) is False and nx.key not in FUNCTION_WORDS \
                    and k + 2 < n and words[k + 2].key in STOP_PARTICLES and k + 3 < n and words[k + 3].cap:
                k += 1
            else:
                break
            steps += 1
        while k > i and (words[k].key in STOP_PARTICLES or not (words[k].cap or words[k].upper)):
            k -= 1
        seg = words[j:k + 1]
        mods = [x for x in seg if x.key not in CIVIL_HEADS and x.key not in STOP_PARTICLES and (x.cap or x.upper)]
        if not mods:
            continue
        phrase = " ".join(x.key for x in seg)
        surface = fold(ctx.text[seg[0].start:seg[-1].end])
        if phrase in ctx.index.allow_forms or surface in ctx.index.allow_forms or \
                any(surface in f for f in ctx.index.allow_forms if len(f) > len(surface)):
            continue
        if any(x.key in SUBJECT_HEADS or x.key.rstrip("s") in PROGRAMME_WORDS for x in seg) or all(x.key in PLACE_WORDS or x.key in CIVIL_HEADS
                                                           or x.key in STOP_PARTICLES for x in seg):
            continue
        s, e = seg[0].start, seg[-1].end
        att.out.append(Candidate(s, e, "ORG", Reason.ORG_NAME, prio=3))
        taken_until = k
        m = re.match(r"\s*\(([A-Z][A-Za-z&-]{1,9})\)", ctx.text[e:e + 14])
        if m and sum(ch.isupper() for ch in m.group(1)) >= 2:
            att.out.append(Candidate(e + m.start(1), e + m.end(1), "ORG", Reason.ORG_NAME, prio=3))


_VERB_BEFORE = frozenset({"should", "must", "to", "will", "would", "could", "can", "may", "might", "shall", "please",
                          "doit", "doivent", "devrait", "devraient", "faut"})


def _head_at(words, i: int) -> bool:
    """A capitalised civil-society head-word; in ALL-CAPS writing, not a verb after a modal ('SHOULD FUND')."""
    w = words[i]
    if w.key not in CIVIL_HEADS or not (w.cap or w.upper):
        return False
    return not (w.upper and i > 0 and words[i - 1].key in _VERB_BEFORE)


def _shouted_word(w) -> bool:
    """In ALL-CAPS writing, a function word or a verb of saying ('SAID', 'ARE') ends a name."""
    return w.upper and (w.key in FUNCTION_WORDS or w.key in SPEECH_VERBS)


def lower_case_names(att: AttributionReader) -> None:
    """'the harrowgate tenants clinic', 'le réseau cormoran': a civil-society name typed in lower
    case is a name when a word of it is not ordinary vocabulary (uncertain means removed)."""
    ctx, words = att.ctx, att.ctx.words
    for i, w in enumerate(words):
        if w.key not in CIVIL_HEADS or w.cap or w.upper:
            continue
        left = _lower_run(ctx, range(i - 1, max(-1, i - 4), -1), w)
        right = _lower_run(ctx, range(i + 1, min(len(words), i + 3)), w) if w.key in FRENCH_CIVIL_HEADS else []
        odd = [x for x in left + right if not ctx.is_common(x) and x.key not in PLACE_WORDS]
        if not odd:
            continue
        start = min([w.start] + [x.start for x in left if x.start >= min(o.start for o in odd)])
        end = max([w.end] + [x.end for x in right if x.end <= max(o.end for o in odd)])
        att.out.append(Candidate(start, end, "ORG", Reason.ORG_NAME, prio=3))


def half_capitalised_names(att: AttributionReader) -> None:
    """'the Harbourfront hub', 'the Kessler youth shelter': a coined capitalised word before a lower-case
    civil-society head-word (one lower-case modifier may sit between) names one local organization."""
    ctx, words = att.ctx, att.ctx.words
    for i, w in enumerate(words):
        if w.key not in CIVIL_HEADS or w.cap or w.upper or ctx.lang_at(w.start) != "en":
            continue
        for j in (i - 1, i - 2):
            name = words[j] if j >= 0 else None
            if name is None or not name.cap or name.upper or name.initial or ctx.is_common(name) \
                    or name.key in PLACE_WORDS or ctx.in_place_name(name):
                continue
            between = words[j + 1:i]
            if all(ctx.gap(a, b) == " " for a, b in zip(words[j:i], words[j + 1:i + 1])) and \
                    all(not x.cap and x.key not in FUNCTION_WORDS for x in between):
                att.out.append(Candidate(name.start, w.end, "ORG", Reason.ORG_NAME, prio=3))
                break


def _lower_run(ctx, indexes, anchor) -> list:
    """Consecutive lower-case content words (no function words) in the given direction from *anchor*, joined by
    plain spaces (a bracket or a line break ends the name: "ines (entraide …)" is a person and a group)."""
    out = []
    prev = anchor
    for k in indexes:
        x = ctx.words[k]
        gap = ctx.text[min(x.end, prev.end):max(x.start, prev.start)]
        if x.cap or x.upper or x.key in FUNCTION_WORDS or gap.strip() or "\n" in gap:
            break
        out.append(x)
        prev = x
    return out
