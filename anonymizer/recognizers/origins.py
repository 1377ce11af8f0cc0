"""Places of origin of a speaker: "participant from X", "l'experte norvégienne", "Country: \"quote\"",
"who flew in from X". A place that is the subject of an idea stays."""
from __future__ import annotations

import re

from ..lexicon import PLACE_WORDS
from ..reasons import Reason
from ..vocab import DEMONYMS, ORIGIN_PERSON_NOUNS, fold
from .attribution import AttributionReader, ReaderStage
from .base import Candidate


class Origins(ReaderStage):
    """Where the person speaking comes from."""

    id = "origins"

    def run(self, att: AttributionReader) -> None:
        """Find origin phrases."""
        origins(att)
        self_described(att)


_POSSESSIVE_ENVOY = re.compile(r"['’]s\s+(?:representative|rep|delegate|delegation|ambassador|envoy|expert|participant|"
                               r"panellist|panelist|speaker|official|minister|colleague|counterpart)s?\b")


def origins(att: AttributionReader) -> None:
    """PLACE as speaker origin: 'participant from X', 'l'experte norvégienne', 'Country: "quote"',
    "Sweden's representative"."""
    ctx = att.ctx
    words = ctx.words
    for w in words:
        if w.possessive and w.cap and ctx.is_place(w.key) and _POSSESSIVE_ENVOY.match(ctx.text, w.end):
            att._emit((w.start, w.end, "PLACE"), Reason.ORIGIN)
    for w in words:
        if w.key in ORIGIN_PERSON_NOUNS and not w.cap:
            nx = ctx.word(w.i + 1)
            if nx and ctx.gap(w, nx) == " " and nx.key in DEMONYMS and ctx.lang == "fr":
                att.out.append(Candidate(nx.start, nx.end, "PLACE", Reason.ORIGIN, prio=2))
            m = re.compile(r"\s+(?:from|de|d'|du|venue? de|venant de)\s*", re.I).match(ctx.text, w.end)
            if m:
                span = att.org_at(m.end())
                if span and span[2] == "PLACE":
                    att._emit(span, Reason.ORIGIN)
                elif span and ctx.lang == "fr":
                    att._emit((span[0], span[1], "PLACE"), Reason.ORIGIN)
    for m in re.finditer(r"(?m)^[\s\-–•*]*([^\W\d_][\w' .-]{1,40}?)\s*:\s*[\"“«]", ctx.text):
        name = fold(m.group(1).strip())
        if name in PLACE_WORDS:
            att.out.append(Candidate(m.start(1), m.end(1), "PLACE", Reason.ORIGIN, prio=2))
    # "who flew in from X", "came from X" near a person
    for m in re.finditer(r"\b(?:flew in|flown in|came|comes|travelled|traveled|arrived|drove|travels|is|est venue?|arrivée?)\s+(?:(?:here|down|up|over|in|all the way)\s+)*(?:from|de|d')\s*", ctx.text):
        span = att.org_at(m.end())
        if span and (span[2] == "PLACE" or ctx.text[span[0]:span[1]][:1].isupper()):
            prev = ctx.text[max(0, m.start() - 60):m.start()]
            if re.search(r"\b(?:who|she|he|qui|elle|il)\s*$", prev) or _person_noun_before(prev) \
                    or any(c.end <= m.start() <= c.end + 60 for c in att.persons):
                att._emit((span[0], span[1], "PLACE"), Reason.ORIGIN)


_AS_A = re.compile(r"\b(?:[Aa]s an?|[Ee]n tant que|[Cc]omme)\s+([^\W\d_][\w'’-]+(?:\s+(?!myself|herself|himself|moi)"
                   r"[^\W\d_][\w'’-]+)?)"
                   r"(?=\s*(?:myself|herself|himself|moi-même|elle-même|lui-même|,|\s+(?:I|je|j['’])\b))")
_I_REPRESENT = re.compile(r"\b(?:(?:I|we)\s+(?:represent|come from|came from|came down from|came up from|am from|are from|"
                          r"live in|am based in|are based in|flew in from)|I['’]m\s+(?:from|based in)|we['’]re\s+(?:from|based in))\s+|"
                          r"\b(?:je|nous)\s+(?:représente|représentons|viens de|venons de|suis de|habite à)\s+", re.I)


def self_described(att: AttributionReader) -> None:
    """'As a Quebecer myself', 'I represent Halifax, Nova Scotia', 'je viens de Gaspé': the speaker's place."""
    ctx = att.ctx
    for m in _AS_A.finditer(ctx.text):
        if fold(m.group(1)) in PLACE_WORDS or fold(m.group(1)) in DEMONYMS:
            att._emit((m.start(1), m.end(1), "PLACE"), Reason.ORIGIN)
    for m in _I_REPRESENT.finditer(ctx.text):
        span = att.org_at(m.end(), allow_lower_start=False)
        if not span:
            continue
        end = span[1]
        more = re.match(r",\s+([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,2})", ctx.text[end:])
        if more:  # "Halifax, Nova Scotia": the province or country after the city
            end += more.end()
        att._emit((span[0], end, "PLACE"), Reason.ORIGIN)


def _person_noun_before(before: str) -> bool:
    """'one delegate flew in from', 'a participant who came from': a person noun just before the verb."""
    words = re.findall(r"[\w'’-]+", before)[-3:]
    return any(fold(w) in ORIGIN_PERSON_NOUNS or fold(w) in _TRAVELLERS for w in words)


_TRAVELLERS = frozenset({"delegate", "participant", "guest", "speaker", "panellist", "panelist", "visitor", "colleague",
                         "woman", "man", "elder", "youth", "expert", "someone", "one", "representative", "rep"})
