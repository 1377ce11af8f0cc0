"""Attribution: organizations and places that tell who spoke.

"Name (Org)", "the Org rep", "speaking for Org", "Name from Org", "our colleagues at Org":
the organization (or the speaker's place) goes; the same body as the subject of an idea stays
when it is on the allow-list. The :class:`AttributionReader` reads organization phrases for
the attribution, role, civil-society and origin recognizers of one note.
"""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import ATTRIB_NOUNS, CUE_RX, LOWER_ORG_HEADS, PLACE_WORDS, STRONG_HONORIFICS
from ..reasons import Reason
from ..vocab import FUNCTION_WORDS, ORG_HEADS, ORIGIN_PERSON_NOUNS, PERSON_NOUNS, SPEECH_VERBS, STOP_PARTICLES
from .base import Candidate, SharedStage
from .context import NoteContext, word_index_at

COLLECTIVE_HEADS = frozenset({"states", "state", "countries", "country", "nations", "governments", "organizations",
                               "organisations", "agencies", "bodies", "etats", "pays"})
_ANCHOR_NOUNS = frozenset({"someone", "somebody", "quelqu'un", "gentleman", "lady", "rep", "quelqu"})


class AttributionReader:
    """Organization-phrase reading shared by the attribution family of recognizers."""

    def __init__(self, ctx: NoteContext):  # noqa: D107
        self.ctx = ctx
        self.orgs = ctx.org_mentions
        self.out: list[Candidate] = []

    @property
    def persons(self) -> list[Candidate]:
        """Person candidates found so far in the note."""
        return self.ctx.candidates("PERSON")

    @property
    def roles(self) -> list[Candidate]:
        """Role candidates found so far in the note."""
        return self.ctx.candidates("ROLE")

    def org_at(self, pos: int, allow_lower_start: bool = False) -> Optional[tuple[int, int, str]]:
        """Read an organization/place name starting at *pos*: (start, end, 'ORG'|'PLACE')."""
        ctx = self.ctx
        pos = ctx.next_char_pos(pos)
        for s, e, reason, allowlisted, oid in self.orgs:
            if s == pos:
                # "<Demonym> <ACRONYM>" and "<Name> Canada" tails are part of the form already
                return (s, e, "ORG")
        i = word_index_at(ctx, pos)
        if i is None:
            return None
        w = ctx.words[i]
        if not (w.cap or w.upper or (allow_lower_start and not ctx.is_common(w))):
            return None
        run = [w]
        j = i + 1
        while j < len(ctx.words):
            nx = ctx.words[j]
            g = ctx.gap(run[-1], nx)
            if g not in (" ", "-", " - ", " – ", "'s ", "’s ") and not (g == " " or g.endswith("' ")):
                break
            if (nx.cap or nx.upper) and not (nx.upper and (nx.key in FUNCTION_WORDS or nx.key in SPEECH_VERBS)):
                run.append(nx)
            elif nx.key in STOP_PARTICLES and j + 1 < len(ctx.words) and (ctx.words[j + 1].cap or ctx.words[j + 1].upper):
                run.append(nx)
            elif nx.key in LOWER_ORG_HEADS or nx.key in ORG_HEADS:
                run.append(nx)
                break
            else:
                break
            j += 1
        keys = [x.key for x in run]
        phrase = " ".join(keys)
        if phrase in PLACE_WORDS or (len(run) == 1 and run[0].key in PLACE_WORDS):
            return (run[0].start, run[-1].end, "PLACE")
        if all(k in STRONG_HONORIFICS or k in FUNCTION_WORDS for k in keys):
            return None
        return (run[0].start, run[-1].end, "ORG")

    def _emit(self, span, reason: Reason = Reason.SPEAKER_AFFILIATION) -> None:
        """Add an ORG / PLACE candidate for *span* (a place is always an origin)."""
        s, e, kind = span
        if e <= s:
            return
        reason = Reason.ORIGIN if kind == "PLACE" else reason
        self.out.append(Candidate(s, e, kind, reason, prio=3 if kind == "ORG" else 2))

    def _after_anchor(self, s: int, e: int, kind: str) -> None:
        ctx = self.ctx
        t = ctx.text
        p = ctx.next_char_pos(e)
        if p < len(t) and t[p] == "(":
            close = t.find(")", p)
            nl = t.find("\n", p)
            if close == -1 or (nl != -1 and nl < close):
                close = nl if nl != -1 else len(t)
            self._paren(p + 1, close, kind)
            return
        # ", ORG)" inside "(Name, ORG)" / "(Mr. Name, ORG)"
        line_before = t[t.rfind("\n", 0, s) + 1:s]
        if p < len(t) and t[p] == "," and kind == "person" and line_before.rfind("(") > line_before.rfind(")"):
            close = t.find(")", p)
            if close != -1 and "\n" not in t[p:close]:
                self._paren(p + 1, close, kind)
        if kind == "person":
            wk = re.compile(r"\s+(?:has\s+|had\s+|also\s+|now\s+)*(?:done\s+\w+|worked|works|working|served|serves|volunteered|"
                            r"volunteers|consulted|written|reported|travaille|a travaillé)\s+(?:\w+\s+)?(?:with|for|at|pour|avec|à)\s+(?:the\s+|la\s+|l')?").match(t, e)
            if wk:
                span = self.org_at(wk.end())
                if span and span[2] == "ORG":
                    self._emit(span, Reason.SPEAKER_AFFILIATION)
            rel = re.compile(r",\s*(?:who|qui)\b[^.;\n()]{0,80}?\b(?:at|for|with|from|joined|à|pour|chez|du|de la|de l'|rejoint)"
                             r"\s+(?:the\s+|la\s+|le\s+|l')?").match(t, e)  # ", who has joined UNHCR as …"
            if rel:
                span = self.org_at(rel.end())
                if span and span[2] == "ORG" and (span[0] in {o[0] for o in self.orgs} or t[span[0]:span[1]].isupper()):
                    self._emit(span, Reason.SPEAKER_AFFILIATION)
        m = re.compile(r"\s*(?:,\s*)?(from|of|at|with|du|de la|de l'|des|de|d'|for)\s+(?:the\s+|la\s+|le\s+|l')?", re.I).match(t, e)
        if m and (kind != "noun" or m.group(1).lower() in ("from", "of", "at", "de", "du", "de la", "d'", "des", "de l'")):
            if m.group(1).lower() in ("for",) and kind != "role":
                return
            if m.group(1).lower() == "with" and kind == "person":
                return
            span = self.org_at(m.end())
            if span:
                label = span[2]
                if label == "PLACE" and kind in ("person", "noun", "role"):
                    self._emit(span, Reason.ORIGIN)
                elif label == "ORG":
                    self._emit(span, Reason.SPEAKER_AFFILIATION)

    def _paren(self, a: int, b: int, kind: str) -> None:
        ctx = self.ctx
        t = ctx.text
        pieces = []
        start = a
        for m in re.finditer(r"[,;/]", t[a:b]):
            pieces.append((start, a + m.start()))
            start = a + m.end()
        pieces.append((start, b))
        for ps, pe in pieces:
            seg = t[ps:pe]
            if not seg.strip():
                continue
            ls = ps + len(seg) - len(seg.lstrip())
            # "walk-in, X" / "volunteer with X" / "sitting in for X" / "registered at X"
            m = re.search(r"\b(?:with|at|from|for|of|de|du|d'|chez)\s+(?:the\s+|la\s+|le\s+|l')?(?=[A-ZÀ-Ý])", seg)
            first = t[ls:ls + 1]
            if first and (first.isupper() or first.isdigit() is False and first.isalpha() and self._known_org_at(ls)):
                span = self.org_at(ls)
                if span:
                    lab = span[2]
                    reason = Reason.ORIGIN if lab == "PLACE" else Reason.SPEAKER_AFFILIATION
                    if lab == "ORG" and kind in ("person", "role"):
                        # the whole piece: French names continue in lower case ("Médecins du monde")
                        span = (span[0], max(span[1], ps + len(seg.rstrip())), "ORG")
                    if lab == "PLACE" or span[1] - span[0] > 1:
                        self._emit(span, reason)
                    continue
            if m:
                span = self.org_at(ps + m.end())
                if span:
                    self._emit(span, Reason.SPEAKER_AFFILIATION)

    def _known_org_at(self, pos: int) -> bool:
        return any(s == pos for s, *_ in self.orgs)

    def _before_person_nouns(self) -> None:
        """'the CBSA rep', 'the DFO co-chair', 'the Danish expert' (ORG/PLACE before a person noun)."""
        ctx = self.ctx
        role_starts = {c.start for c in self.roles}
        for w in ctx.words:
            if not (w.key in ATTRIB_NOUNS or w.start in role_starts):
                continue
            if w.cap and w.start not in role_starts:
                continue
            after = ctx.word(w.i + 1)
            if after is not None and ctx.gap(w, after) == " " and after.key in COLLECTIVE_HEADS:
                continue  # "NATO member states", "UN member countries": bodies, not a person
            prev = ctx.word(w.i - 1)
            if not prev or ctx.gap(prev, w) not in (" ",):
                continue
            if not (prev.cap or prev.upper) or (prev.upper and prev.key in FUNCTION_WORDS):
                continue  # "AS CHAIR", "THE REP": in ALL-CAPS writing a function word is not a body
            # walk back over the capitalised modifier run
            j = prev.i
            while j - 1 >= 0 and ctx.gap(ctx.words[j - 1], ctx.words[j]) == " " and (ctx.words[j - 1].cap or ctx.words[j - 1].upper) \
                    and ctx.words[j - 1].key not in {"the", "a", "an"}:
                j -= 1
            a = ctx.words[j]
            if a.initial and ctx.is_common(a) and a.i == prev.i and not a.upper:
                continue
            keys = [x.key for x in ctx.words[j:prev.i + 1]]
            phrase = " ".join(keys)
            if phrase in PLACE_WORDS or all(k in PLACE_WORDS for k in keys):
                if w.key in ORIGIN_PERSON_NOUNS:
                    self.out.append(Candidate(a.start, prev.end, "PLACE", Reason.ORIGIN, prio=2))
                continue
            # A capitalised modifier of "rep" is an affiliation even when it is also a word
            # ("the <Name> rep", "the Justice rep"): when in doubt, remove.
            self.out.append(Candidate(a.start, prev.end, "ORG", Reason.SPEAKER_AFFILIATION, prio=3))

    def _cue_phrases(self) -> None:
        for m in CUE_RX.finditer(self.ctx.ftext):
            span = self.org_at(m.end(), allow_lower_start=False)
            if span:
                self._emit(span, Reason.AFFILIATION_CUE)


def attribution_reader(ctx: NoteContext) -> AttributionReader:
    """The note's reader, created by the first attribution-family recognizer that runs."""
    reader = ctx.shared.get("attribution")
    if reader is None:
        reader = ctx.shared["attribution"] = AttributionReader(ctx)
    return reader


class ReaderStage(SharedStage):
    """Base of the attribution-family recognizers: stages of the note's attribution reader."""

    def shared(self, context: NoteContext) -> AttributionReader:
        """The note's attribution reader."""
        return attribution_reader(context)

    def emitted(self, shared: AttributionReader) -> list[Candidate]:
        """What the reader has emitted so far."""
        return shared.out


class Attribution(ReaderStage):
    """Organizations after a person, role or person noun; before 'rep'; after an affiliation cue."""

    id = "attribution"

    def run(self, att: AttributionReader) -> None:
        """Read after every anchor, before person nouns, and after cue phrases."""
        ctx = att.ctx
        anchors = [(c.start, c.end, "person") for c in att.persons] + [(c.start, c.end, "role") for c in att.roles]
        for w in ctx.words:
            if (w.key in PERSON_NOUNS and (not w.cap or w.initial)) or w.key in _ANCHOR_NOUNS:
                anchors.append((w.start, w.end, "noun"))
        for s, e, kind in anchors:
            att._after_anchor(s, e, kind)
        att._before_person_nouns()
        att._cue_phrases()
