"""French names and origins the other rules miss: a speaker's origin said in French ("d'origine
haïtienne", "née à X", "en tant qu'Acadienne", "je viens d'X"), initials with accents and hyphens
("M.-È. T."), a particle and surname after a found name ("Le Gall", "de la X"), and a given name that is
also a word where French syntax makes it a person ("Benjamin, jeune militant, a dit")."""
from __future__ import annotations

import re

from ..lexicon import PLACE_WORDS
from ..reasons import Reason
from ..vocab import DEMONYMS, fold
from .attribution import AttributionReader, ReaderStage
from .base import Candidate
from .context import NoteContext, word_index_at

_NAME_WORD = r"[A-ZÀ-ÖØ-Ý][\w’'-]+"

_ORIGIN_DEMONYM = re.compile(r"\b(?:d'|d’)origine\s+([^\W\d_][\w'’-]+)", re.I)
_NOT_SURNAME = frozenset({"centre", "comite", "reseau", "conseil", "ministere", "groupe", "canada", "quebec"})
# "comme" is left out: "des villes comme Gatineau" names places, not the speaker
_AS_A = re.compile(r"\b(?:en\s+tant\s+qu['’]\s*|en\s+tant\s+que\s+|moi\s+qui\s+suis\s+)([^\W\d_][\w'’-]+)", re.I)
_BORN_IN = re.compile(r"\b(?:née?s?|originaires?|native|natif)\s+(?:à|au|aux|en|de|du|des|d'|d’)\s*(?:la\s+|l'|l’)?", re.I)
_I_COME_FROM = re.compile(r"\b(?:je\s+viens|nous\s+venons|je\s+suis|nous\s+sommes|elle\s+vient|il\s+vient)\s+"
                          r"(?:de\s+la\s+|de\s+l'|de\s+|du\s+|des\s+|d'|d’)", re.I)


class FrenchOrigins(ReaderStage):
    """Where a speaker comes from, said in French."""

    id = "french_origins"

    def run(self, att: AttributionReader) -> None:
        """'d'origine haïtienne', 'née à Ségou', 'originaire de Gaspé', 'je viens d'Inukjuak'."""
        ctx = att.ctx
        for m in _AS_A.finditer(ctx.text):
            key = fold(m.group(1))
            if key in DEMONYMS or key in PLACE_WORDS and m.group(1)[:1].isupper():
                att._emit((m.start(1), m.end(1), "PLACE"), Reason.ORIGIN)
        for m in _ORIGIN_DEMONYM.finditer(ctx.text):
            if fold(m.group(1)) in DEMONYMS or fold(m.group(1)) in PLACE_WORDS:
                att._emit((m.start(1), m.end(1), "PLACE"), Reason.ORIGIN)
        for rx in (_BORN_IN, _I_COME_FROM):
            for m in rx.finditer(ctx.text):
                span = att.org_at(m.end())
                if span and (span[2] == "PLACE" or ctx.text[span[0]:span[0] + 1].isupper()):
                    att._emit((span[0], span[1], "PLACE"), Reason.ORIGIN)


_UP = "A-ZÀ-ÖØ-Ý"
# "M.-È. T.", "J.-S. G.", "Y. B.", "M-J. R.": a person's initials in French notes (a compound given
# name's initials are joined by a hyphen)
_INITIALS = re.compile(rf"(?<![\w.])[{_UP}]\.?-[{_UP}]\.\s?[{_UP}]\.(?:-[{_UP}]\.)?(?![\w])|"
                       rf"(?<![\w.])[{_UP}]\.\s[{_UP}]\.(?:-[{_UP}]\.)?(?![\w.])|"
                       rf"(?<![\w.])[{_UP}]\.\s(?:St|Ste|Mc|Mac|De|Du|Le|La)-?[{_UP}]\.(?![\w])")
_NOT_INITIALS = frozenset({"nb", "ps", "pps", "us", "un", "uk", "eu", "am", "pm"})


class FrenchInitials:
    """Initials of a person, with accents and hyphens ("M.-È. T."), that the other rules do not read."""

    id = "french_initials"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """Every initials group that is not a common dotted abbreviation."""
        out = []
        for m in _INITIALS.finditer(context.text):
            letters = fold("".join(c for c in m.group() if c.isalpha()))
            if letters in _NOT_INITIALS:
                continue
            out.append(Candidate(m.start(), m.end(), "PERSON", Reason.PERSON_INITIALS, recognizer=self.id,
                                 key="u:" + letters, prio=4, score=0.8))
        return out


# After a found name: a particle and a capitalised surname ("Mathilde Le Gall", "Solange de Varennes",
# "Victor de la Durantaye", "Anouk Van den Broeck", "Rémi St-Onge")
_PARTICLE_SURNAME = re.compile(
    r"[ \t]+((?:[Dd]e[ \t]+[Ll]a|[Dd]e[ \t]+[Ll]['’]|[Vv]an[ \t]+[Dd]e[nr]?|[Vv]an[ \t]+[Dd]er|[Dd]e|[Dd]u|[Dd]es|[Dd]['’]|[Vv]an|[Vv]on|"
    rf"[Ll]e|[Ll]a|[Dd]i|[Dd]a|[Dd]os|[Dd]el|[Bb]en|[Bb]in|[Ii]bn)[ \t]*)([{_UP}][\w’'-]*(?:-[{_UP}][\w’'-]*)*)")
_SAINT = re.compile(rf"[ \t]+((?:St|Ste|Saint|Sainte)-[{_UP}][\w-]*)")


class FrenchNameParticles:
    """The particle and surname after a found name, which the other rules stop before."""

    id = "french_name_particles"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """Extend every found person over '<particle> <Surname>' right after it."""
        ctx, out = context, []
        mentions = {m[0] for m in ctx.org_mentions}
        for c in ctx.candidates("PERSON"):
            m = _PARTICLE_SURNAME.match(ctx.text, c.end) or _SAINT.match(ctx.text, c.end)
            if m is None:
                continue
            surname_start = m.start(m.lastindex)
            i = word_index_at(ctx, surname_start)
            w = ctx.words[i] if i is not None else None
            if w is None or w.start in mentions or fold(w.text) in _NOT_SURNAME or _body_word(w.key) or \
                    (m.group(1)[:1].islower() and ctx.is_place(w.key)) or ctx.text[c.end:surname_start].count("\n"):
                continue
            out.append(Candidate(c.start, m.end(), "PERSON", Reason.PERSON_CONTEXT, recognizer=self.id, key=c.key,
                                 prio=4, score=0.8))
        return out


def _body_word(key: str) -> bool:
    """A public body's head word ("de la Gendarmerie royale"): the body after a name, not its surname."""
    from .context_names import _BODY_WORDS
    from ..vocab import ORG_HEADS

    return key in _BODY_WORDS or key in ORG_HEADS


# "Benjamin, jeune militant de Uashat, a demandé ...": a given name opening a sentence, then an apposition
_GIVEN_APPOSITION = re.compile(rf"(?:^|(?<=[.!?;:»]\s)|(?<=\n)|(?<=[-–•*]\s))({_NAME_WORD}),\s[^,.;:\n]{{2,70}},\s+\w+")


class FrenchGivenNames:
    """Given names that are also ordinary words, where French syntax makes them a person: a sentence
    opened by '<Given name>, <apposition>, <verb>'."""

    id = "french_given_names"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """A known given name before an apposition set off by commas."""
        from ..given_names import is_given_name

        out = []
        for m in _GIVEN_APPOSITION.finditer(context.text):
            key = fold(m.group(1))
            if is_given_name(key) and key not in PLACE_WORDS and key not in DEMONYMS:
                out.append(Candidate(m.start(1), m.end(1), "PERSON", Reason.PERSON_CONTEXT, recognizer=self.id,
                                     key="u:" + key, prio=4, score=0.7))
        return out
