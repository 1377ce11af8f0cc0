"""Slot fillers for the synthetic notes: each returns segments ``[(text, label or None), ...]``.

A label is one of PERSON, ORG, ROLE, PLACE (the gold semantics of the corpus SPEC); ``None`` is
text that must stay. Titles and honorifics before a name stay outside the PERSON span.
"""
from __future__ import annotations

import random

from .lexicon import Lexicon

Segs = list[tuple[str, "str | None"]]
VOWELS = "aeiouhéèêàâîôAEIOUHÉÈÊÀÂÎÔ"


class Fillers:
    """Draws names, organizations, titles and places for one language."""

    def __init__(self, lex: Lexicon, lang: str, rng: random.Random):  # noqa: D107
        self.lex, self.lang, self.rng = lex, lang, rng
        self.voc = lex.vocab[lang]

    def pick(self, xs):
        """One element, uniformly."""
        return xs[self.rng.randrange(len(xs))]

    # ---- people ------------------------------------------------------------------------
    def person_parts(self) -> tuple[str, str, bool]:
        """(given, surname, female)."""
        female = self.rng.random() < 0.6
        given = self.pick(self.lex.given_f if female else self.lex.given_m)
        if self.lang == "fr" and self.rng.random() < 0.12:
            given = f"{given}-{self.pick(self.lex.given_f if female else self.lex.given_m)}"
        sur = self.pick(self.lex.surnames)
        if self.rng.random() < 0.06:
            sur = f"{sur}-{self.pick(self.lex.surnames)}"
        if self.rng.random() < 0.05:
            sur = f"{self.pick(['van den', 'van der', 'de', 'da', 'bin', 'al', 'von', 'dos', 'van'])} {sur}"
        return given, sur, female

    def person(self, titled: bool = True) -> Segs:
        """A person's name in one of many forms; an honorific may precede it, outside the span."""
        given, sur, female = self.person_parts()
        hon = self.pick(self.voc["honorific_f" if female else "honorific_m"])
        ini = lambda g: "-".join(p[0] for p in g.split("-")) + "."
        r = self.rng.random()
        forms = [
            (0.28, [(f"{given} {sur}", "PERSON")]),
            (0.42, [(given, "PERSON")]),
            (0.54, [(hon + " ", None), (sur, "PERSON")] if titled else [(sur, "PERSON")]),
            (0.58, [(hon + " ", None), (f"{given} {sur}", "PERSON")] if titled else [(f"{given} {sur}", "PERSON")]),
            (0.66, [(f"{ini(given)} {sur}", "PERSON")]),
            (0.70, [(f"{ini(given)}{sur[0]}.", "PERSON")]),
            (0.74, [(f"{ini(given)} {sur[0]}.", "PERSON")]),
            (0.78, [(f"{sur.upper()}, {given}", "PERSON")]),
            (0.85, [(sur, "PERSON")]),
            (0.89, [(f"{given} {sur}".lower(), "PERSON")]),
            (0.92, [(f"{given} {sur}".upper(), "PERSON")]),
            (0.95, [(f"{given} {sur[0]}.", "PERSON")]),
            (0.97, [(f"{self.pick(self.lex.given_f)[0]}. {given} {sur}", "PERSON")]),
            (1.01, [(f"{given[0]}{sur[0]}".upper(), "PERSON")]),
        ]
        return next(segs for cut, segs in forms if r < cut)

    def speaker(self) -> Segs:
        """A name as a transcript speaker label (no trailing colon)."""
        given, sur, female = self.person_parts()
        hon = self.pick(self.voc["honorific_f" if female else "honorific_m"])
        r = self.rng.random()
        if r < 0.35:
            return [(f"{given} {sur}", "PERSON")]
        if r < 0.6:
            return [(hon + " ", None), (sur, "PERSON")]
        if r < 0.75:
            return [(hon.upper() + " ", None), (sur.upper(), "PERSON")]
        if r < 0.9:
            return [(given, "PERSON")]
        return [(f"{given[0]}.{sur[0]}.", "PERSON")]

    def word_name(self) -> Segs:
        """A given name that is also a common word."""
        name = self.pick(self.lex.word_names)
        return [(name.lower() if self.rng.random() < 0.15 else name, "PERSON")]

    # ---- organizations --------------------------------------------------------------------
    def body(self, acronym: bool = False) -> str:
        """A public body's name (or acronym) in the note's language."""
        en, en_acr, fr, fr_acr = self.pick(self.lex.bodies)
        name, acr = (en, en_acr) if self.lang == "en" else (fr, fr_acr)
        if acronym and acr != "-":
            return acr.lower() if self.rng.random() < 0.1 else acr
        return name

    def cso(self) -> str:
        """An invented civil-society organization."""
        c, r = self.lex.cso, self.rng.random()
        if self.lang == "fr":
            name = f"{self.pick(c['fr_type'])} {self.pick(c['fr_noun'])} {self.pick(c['fr_place'])}"
        elif r < 0.5:
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
        if r < 0.2:
            return name.lower()
        return name

    def affiliation(self) -> Segs:
        """An organization used as someone's affiliation."""
        r = self.rng.random()
        name = self.cso() if r < 0.4 else self.body(acronym=r > 0.7)
        return [(name, "ORG")]

    # ---- roles ----------------------------------------------------------------------------
    def title(self) -> str:
        """A bare title (a caption or a role after a name)."""
        if self.lang == "en":
            return self.pick(self.lex.titles_en)
        fem, masc = self.pick(self.lex.titles_fr)
        return fem if self.rng.random() < 0.6 else masc

    def role(self) -> Segs:
        """A title with its article: ("the ", None), ("Deputy Minister", "ROLE")."""
        if self.lang == "en":
            t = self.pick(self.lex.titles_en)
            art = self.pick(["the ", "the ", "the ", "our ", "their ", "her ", "his "])
            return [(art, None), (t, "ROLE")]
        fem, masc = self.pick(self.lex.titles_fr)
        female = self.rng.random() < 0.6
        t = fem if female else masc
        art = "l'" if t[0] in VOWELS else ("la " if female else "le ")
        return [(art, None), (t, "ROLE")]

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
        return [(place, "PLACE")]

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
