"""Titles for the synthetic notes: listed titles, compositional ones, offices, ranks and abbreviations.

A ROLE span is a title that singles out one person ("the Senior Adviser, Gender Equality", "la
sous-ministre adjointe", "the MP for Kenora", "Insp."); its article stays outside the span.
"""
from __future__ import annotations

import random

from .lexicon import Lexicon

VOWELS = "aeiouhéèêàâîôAEIOUHÉÈÊÀÂÎÔ"


class Titles:
    """Draws titles in one language; French titles come as (feminine, masculine) and one is chosen."""

    def __init__(self, lex: Lexicon, lang: str, rng: random.Random):  # noqa: D107
        self.lex, self.lang, self.rng = lex, lang, rng
        self.parts = lex.title_parts

    def pick(self, xs):
        """One element, uniformly."""
        return xs[self.rng.randrange(len(xs))]

    def _gender(self, pair, female: bool) -> str:
        return pair[0] if female else pair[1]

    def composed(self, female: bool) -> str:
        """"Senior Adviser, Gender Equality", "Director of Programs", "conseillère principale des politiques"."""
        p, r = self.parts, self.rng.random()
        if self.lang == "en":
            head = f"{self.pick(p['en_rank'])} {self.pick(p['en_function'])}" if r < 0.7 else self.pick(p["en_function"])
            tail = self.pick(p["en_portfolio"])
            return self.pick([f"{head}, {tail}", f"{head} for {tail}", f"{head} of {tail}", head, f"{head}, {tail}"])
        fn = self._gender(self.pick(p["fr_function"]), female)
        rank = self._gender(self.pick(p["fr_rank"]), female) if r < 0.6 else ""
        head = f"{fn} {rank}".strip()
        return self.pick([f"{head} {self.pick(p['fr_portfolio'])}", head, f"{head}, {self.pick(p['fr_portfolio'])}"])

    def office(self, female: bool) -> str:
        """A named office ("Deputy Minister of Justice", "MP for Yellowknife", "sénatrice de Gatineau")."""
        p = self.parts
        if self.rng.random() < 0.25:
            place = self.pick(self.lex.places)[0]
            pre = self.pick(p["en_place_office"]) if self.lang == "en" else self._gender(self.pick(p["fr_place_office"]), female)
            return f"{pre} {place}"
        return self.pick(p["en_office" if self.lang == "en" else "fr_office"])

    def rank(self, female: bool) -> str:
        """A police or military rank, full or abbreviated."""
        p = self.parts
        if self.rng.random() < 0.3:
            return self.pick(p["en_abbrev" if self.lang == "en" else "fr_abbrev"])
        key = self.pick(["police", "military"])
        if self.lang == "en":
            return self.pick(p[f"en_{key}"])
        return self._gender(self.pick(p[f"fr_{key}"]), female)

    def prose(self, female: bool) -> str:
        """A title described in a phrase ("head of the women's shelter in Inuvik")."""
        place = self.pick(self.lex.places)[0]
        if self.lang == "en":
            group = self.pick(self.lex.cso["descriptive"])
            head = self.pick(["executive director", "head", "director", "coordinator", "lead adviser", "manager",
                              "founder", "chair", "program lead", "president"])
            return self.pick([f"{head} of the {group} in {place}", f"{head} of the {group}",
                              f"{head} of the {place} detachment", f"lead adviser on the file",
                              f"{head} of the branch's reporting to the UN", f"{head} of the gender unit at the mission in {place}",
                              f"official who oversees the {group} network", f"person in charge of the deployments to {place}",
                              f"official who manages the department's reporting to the UN"])
        group = self.pick(self.lex.cso["fr_descriptive"])
        head = self._gender(self.pick([("directrice", "directeur"), ("responsable", "responsable"),
                                       ("coordonnatrice", "coordonnateur"), ("fondatrice", "fondateur"),
                                       ("présidente", "président")]), female)
        return self.pick([f"{head} de la {group} à {place}" if group.startswith(("maison", "clinique", "table", "banque", "banque"))
                          else f"{head} du {group} de {place}", f"{head} du dossier", f"{head} du détachement de {place}",
                          f"personne responsable de l'aide aux victimes à {place}", f"{head} du bureau de coordination de {place}"])

    def title(self, female: bool | None = None) -> str:
        """A bare title (a caption or a role after a name), drawn from every kind."""
        female = self.rng.random() < 0.6 if female is None else female
        r = self.rng.random()
        if r < 0.35:
            if self.lang == "en":
                return self.pick(self.lex.titles_en)
            return self._gender(self.pick(self.lex.titles_fr), female)
        if r < 0.65:
            return self.composed(female)
        if r < 0.85:
            return self.office(female)
        if r < 0.95:
            return self.rank(female)
        return self.prose(female)

    def article(self, title: str, female: bool) -> str:
        """The article a title takes in running text."""
        if self.lang == "en":
            return self.pick(["the ", "the ", "the ", "our ", "their ", "her ", "his ", "the acting "])
        if title[:1] in VOWELS:
            return "l'"
        return "la " if female else "le "
