"""Slot fillers for the synthetic notes: each returns segments ``[(text, label or None), ...]``.

A label is one of PERSON, ORG, ROLE, PLACE (the gold semantics of the corpus SPEC), KEEP (subject
matter that must stay: a public body, a country, a figure; trained as no entity, scored as keep in
validation) or ``None`` (neutral text). Titles and honorifics before a name stay outside the PERSON
span; a police or military rank before a name is a ROLE of its own.
"""
from __future__ import annotations

import random

from .lexicon import Lexicon
from .roles import VOWELS, Titles

Segs = list[tuple[str, "str | None"]]
__all__ = ["Fillers", "Segs", "VOWELS"]


def _initials(given: str) -> str:
    """'Marie-Josée' -> 'M-J.', 'Ana' -> 'A.'."""
    return "-".join(p[0] for p in given.split("-") if p) + "."


class Fillers:
    """Draws names, organizations, titles and places for one language."""

    def __init__(self, lex: Lexicon, lang: str, rng: random.Random):  # noqa: D107
        self.lex, self.lang, self.rng = lex, lang, rng
        self.voc = lex.vocab[lang]
        self.titles = Titles(lex, lang, rng)

    def pick(self, xs):
        """One element, uniformly."""
        return xs[self.rng.randrange(len(xs))]

    # ---- people ------------------------------------------------------------------------
    def person_parts(self) -> tuple[str, str, bool]:
        """(given, surname, female): hyphenated given names, double surnames and particles included."""
        female = self.rng.random() < 0.6
        pool = self.lex.given_f if female else self.lex.given_m
        given = self.pick(pool)
        r = self.rng.random()
        if r < (0.14 if self.lang == "fr" else 0.06):
            given = f"{given}-{self.pick(pool)}"
        elif r < 0.18:
            given = f"{given} {self.pick(pool)}"
        sur = self.pick(self.lex.surnames)
        r = self.rng.random()
        if r < 0.07:
            sur = f"{sur}-{self.pick(self.lex.surnames)}"
        elif r < 0.16:
            part = self.pick(self.lex.particles)
            sur = f"{part}{sur}" if part.endswith("-") else f"{part} {sur}"
        return given, sur, female

    def person(self, titled: bool = True) -> Segs:
        """A person's name in one of many forms; an honorific may precede it, outside the span."""
        given, sur, female = self.person_parts()
        hon = self.pick(self.voc["honorific_f" if female else "honorific_m"])
        last = sur.split()[-1]
        r = self.rng.random()
        forms = [
            (0.24, lambda: [(f"{given} {sur}", "PERSON")]),
            (0.36, lambda: [(given.split()[0], "PERSON")]),
            (0.46, lambda: [(hon + " ", None), (sur, "PERSON")] if titled else [(sur, "PERSON")]),
            (0.50, lambda: [(hon + " ", None), (f"{given} {sur}", "PERSON")] if titled else [(f"{given} {sur}", "PERSON")]),
            (0.55, lambda: self.ranked(given, sur, female)),
            (0.61, lambda: [(f"{_initials(given)} {sur}", "PERSON")]),
            (0.64, lambda: [(f"{_initials(given)}{last[0]}.", "PERSON")]),
            (0.67, lambda: [(f"{_initials(given)} {last[0]}.", "PERSON")]),
            (0.70, lambda: [(f"{sur.upper()}, {given}", "PERSON")]),
            (0.76, lambda: [(sur, "PERSON")]),
            (0.80, lambda: [(f"{given} {sur}".lower(), "PERSON")]),
            (0.83, lambda: [(f"{given} {sur}".upper(), "PERSON")]),
            (0.86, lambda: [(f"{given} {sur.upper()}", "PERSON")]),
            (0.88, lambda: [(f"{given} {last[0]}.", "PERSON")]),
            (0.91, lambda: [(f"{self.pick(self.lex.given_f)[0]}. {given} {sur}", "PERSON")]),
            (0.93, lambda: [(given.split()[0].lower(), "PERSON")]),
            (0.95, lambda: [(self.monogram(given, sur), "PERSON")]),
            (0.97, lambda: [(f"{sur}, {_initials(given)}", "PERSON")]),
            (1.01, lambda: [(f"{given[0]}{last[0]}".upper(), "PERSON")]),
        ]
        return next(make for cut, make in forms if r < cut)()

    def monogram(self, given: str, sur: str) -> str:
        """Initials as note-takers write them: 'AvdB', 'J-P. L.', 'MJR'."""
        words = sur.split()
        if len(words) > 1:
            return given[0].upper() + "".join(w[0] for w in words[:-1]) + words[-1][0].upper()
        return self.pick([f"{_initials(given)} {sur[0]}.", "".join(p[0] for p in given.replace("-", " ").split()) + sur[0]])

    def ranked(self, given: str, sur: str, female: bool) -> Segs:
        """A rank before a name: "Chief Superintendent [Name]" (rank ROLE, name PERSON)."""
        rank = self.titles.rank(female)
        name = sur if self.rng.random() < 0.6 else f"{given} {sur}"
        return [(rank, "ROLE"), (" ", None), (name, "PERSON")]

    def speaker(self) -> Segs:
        """A name as a transcript speaker label (no trailing colon)."""
        given, sur, female = self.person_parts()
        hon = self.pick(self.voc["honorific_f" if female else "honorific_m"])
        r = self.rng.random()
        if r < 0.3:
            return [(f"{given} {sur}", "PERSON")]
        if r < 0.5:
            return [(hon + " ", None), (sur, "PERSON")]
        if r < 0.65:
            return [(hon.upper() + " ", None), (sur.upper(), "PERSON")]
        if r < 0.72:
            return [(hon + " ", None), (sur.upper(), "PERSON")]
        if r < 0.8:
            return self.ranked(given, sur, female)
        if r < 0.9:
            return [(given.split()[0], "PERSON")]
        return [(f"{given[0]}.{sur[0]}.", "PERSON")]

    def word_name(self) -> Segs:
        """A given name that is also a common word."""
        name = self.pick(self.lex.word_names)
        return [(name.lower() if self.rng.random() < 0.2 else name, "PERSON")]

    # ---- organizations --------------------------------------------------------------------
    def body(self, acronym: bool = False) -> str:
        """A public body's name (or acronym) in the note's language."""
        en, en_acr, fr, fr_acr = self.pick(self.lex.bodies)
        name, acr = (en, en_acr) if self.lang == "en" else (fr, fr_acr)
        if acronym and acr != "-":
            return acr.lower() if self.rng.random() < 0.15 else acr
        return name.lower() if self.rng.random() < 0.04 else name

    def cso(self) -> str:
        """An invented civil-society organization, or a real one in any of its forms."""
        c, r = self.lex.cso, self.rng.random()
        if r < 0.3:
            name, short, fr = self.pick(self.lex.real_cso)
            name = fr if self.lang == "fr" and fr != "-" and self.rng.random() < 0.7 else name
            return short if short != "-" and self.rng.random() < 0.35 else name
        if self.lang == "fr":
            name = f"{self.pick(c['fr_type'])} {self.pick(c['fr_noun'])} {self.pick(c['fr_place'])}"
            if r < 0.4:  # hyphen-joined names ("Réseau-Femmes Outaouais", "Alliance-Québec")
                name = f"{self.pick(c['fr_type'])}-{self.pick(['Québec', 'Canada', 'Acadie', 'Ontario', 'Femmes', 'Jeunesse', 'Solidarité'])}"
        elif r < 0.4:
            name = f"{self.pick(c['type'])}-{self.pick(['Canada', 'Québec', 'Atlantic', 'North', 'Prairies'])}"
        elif r < 0.55:
            name = f"{self.pick(c['place'])} {self.pick(c['noun'])} {self.pick(c['type'])}"
        elif r < 0.65:
            name = f"{self.pick(c['noun'])} {self.pick(c['type'])}-Canada"
        elif r < 0.8:
            name = f"{self.pick(c['noun'])} {self.pick(c['type'])} of {self.pick(self.lex.places)[0]}"
        else:
            name = f"{self.pick(c['place'])} {self.pick(c['type'])}"
        r = self.rng.random()
        if r < 0.12:
            return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())
        if r < 0.22:
            return name.lower()
        return name

    def cso_short(self) -> Segs:
        """A civil-society organization by the short name its own people use in speech ("At Northshore
        Mediation we…", "chez Regroupement des aînées"): an invented name without its head word, or a real
        one's short form."""
        c = self.lex.cso
        if self.rng.random() < 0.4:
            name, short, _fr = self.pick(self.lex.real_cso)
            return [(short if short != "-" else name, "ORG")]
        if self.lang == "fr":
            return [(f"{self.pick(c['fr_type'])} {self.pick(c['fr_place'])}", "ORG")]
        return [(f"{self.pick(c['place'])} {self.pick(c['noun'])}".replace("'s", "").replace("s'", "s"), "ORG")]

    def body_lower(self, keep: bool = False) -> Segs:
        """A public body in lower case, as texted notes write it ("cbsa said", "la grc estime")."""
        text = self.body(acronym=self.rng.random() < 0.7).lower()
        return [(text, "KEEP" if keep else "ORG")]

    def descriptive(self) -> Segs:
        """A local group named by what it is, in lower case ("the newcomer women's centre")."""
        group = self.pick(self.lex.cso["descriptive" if self.lang == "en" else "fr_descriptive"])
        if self.lang == "en":
            return [(self.pick(["the ", "a ", "our "]), None), (group, "ORG")]
        return [(self.pick(["la ", "le ", "notre "]) if self.rng.random() < 0.5 else "le ", None), (group, "ORG")]

    def affiliation(self) -> Segs:
        """An organization used as someone's affiliation."""
        r = self.rng.random()
        if r < 0.45:
            return [(self.cso(), "ORG")]
        if r < 0.55:
            return [(self.pick(self.voc["short_body"]), "ORG")]
        return [(self.body(acronym=r > 0.78), "ORG")]

    # ---- roles ----------------------------------------------------------------------------
    def title(self) -> str:
        """A bare title (a caption or a role after a name)."""
        return self.titles.title()

    def role(self) -> Segs:
        """A title with its article: ("the ", None), ("Deputy Minister", "ROLE")."""
        female = self.rng.random() < 0.6
        t = self.titles.title(female)
        return [(self.titles.article(t, female), None), (t, "ROLE")]

    def abbrev(self) -> Segs:
        """An abbreviated title standing alone for one person."""
        en, fr = self.pick(self.lex.abbrev)
        return [(en if self.lang == "en" else fr, "ROLE")]

    def address(self) -> Segs:
        """A form of address to a chair."""
        return [(self.pick(self.voc["address"]), "ROLE")]

    # ---- places ---------------------------------------------------------------------------
    def place(self) -> Segs:
        """A place of origin, sometimes with its region."""
        place, region = self.pick(self.lex.places)
        if region != "-" and self.rng.random() < 0.35:
            place = f"{place}, {region}"
        return [(place.lower() if self.rng.random() < 0.05 else place, "PLACE")]

    def demonym(self) -> Segs:
        """A nationality adjective as a speaker's origin."""
        row = self.pick(self.lex.countries)
        return [(row[1] if self.lang == "en" else row[3], "PLACE")]

    def resident(self) -> Segs:
        """A resident or nation noun ('Quebecer', 'Inuk')."""
        en, fr = self.pick(self.lex.residents)
        return [(en if self.lang == "en" else fr, "PLACE")]

    def country(self) -> str:
        """A country as subject matter."""
        row = self.pick(self.lex.countries)
        return row[0] if self.lang == "en" else row[2]

    def delegation(self) -> Segs:
        """A country speaking through its delegation (UN records: "the representative of Ghana")."""
        row = self.pick(self.lex.countries)
        return [(row[0] if self.lang == "en" else row[2], "PLACE")]

    def figure(self) -> str:
        """A figure or target."""
        n = self.rng.choice([5, 10, 12, 15, 20, 25, 30, 40, 50])
        if self.lang == "en":
            return self.pick([f"{n}%", f"${n} million", f"{n} per cent", f"{n * 100} officers"])
        return self.pick([f"{n} %", f"{n} millions de dollars", f"{n} pour cent", f"{n * 100} agentes"])

    # ---- subject matter (never labelled) ----------------------------------------------------
    def programme(self) -> str:
        """An invented programme, policy or agreement name."""
        sub = self.lex.subject
        kind = self.pick(sub["kind_en" if self.lang == "en" else "kind_fr"])
        if self.lang == "en":
            return f"{self.pick(sub['adj'])} {self.pick(sub['noun'])} {kind}"
        return f"{kind} {self.pick(['pour des communautés sûres', 'sur la médiation', 'de stabilisation', 'pour la paix', 'sur la sécurité des femmes', 'de réintégration'])}"

    def programme_acronym(self) -> str:
        """The initials of an invented programme."""
        name = self.programme()
        return "".join(w[0].upper() for w in name.split() if w[0].isalpha() and w.lower() not in ("de", "des", "pour", "la", "sur", "and"))

    def event(self) -> str:
        """An event as subject matter."""
        return self.pick(self.lex.subject["event_en" if self.lang == "en" else "event_fr"])

    def city(self) -> str:
        """A city as the setting of an idea."""
        return self.pick(self.lex.places)[0]
