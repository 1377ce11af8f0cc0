"""What the keep guard (:mod:`anonymizer.keep_guard`) knows is never a name: the lexicons of
headings and labels, real programmes and laws, and places named as subject matter, and the
patterns of programme and law names.

The lists live in ``data/en`` and ``data/fr`` (``keep_labels``, ``programmes``,
``subject_places``); each file's header gives its source and licence (general public knowledge,
CC0-1.0).
"""
from __future__ import annotations

import functools
import re

from .lexicon import PLACE_WORDS, ROLE_FIRST
from .text import fold_same_length
from .vocab import FUNCTION_WORDS, GENERIC_ALONE, ROLE_TITLES, load

KEEP_LABELS = load("keep_labels")
# "Écrivez-moi", "Dites-nous": a French verb with its pronoun, never a name
CLITIC_VERB = re.compile(r"-(?:moi|toi|nous|vous|le|la|les|lui|leur|leurs|y|en|t-il|t-elle|t-on)$", re.I)
PROGRAMMES = load("programmes")
SUBJECT_PLACES = load("subject_places") | PLACE_WORDS
# Words of titles that single out one person: never vetoed for their shape alone.
TITLE_WORDS = frozenset(w for t in ROLE_TITLES | GENERIC_ALONE for w in t.replace("-", " ").split()
                        if w not in FUNCTION_WORDS and len(w) > 2) | ROLE_FIRST

# Courtesy titles: they stay outside a person's span ("Mme [Participant 1]"), as in the
# annotation policy; "M." and "Me" are courtesy titles only in French sentences.
COURTESY = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "miss", "dr", "dr.", "mme", "mme.",
                      "mmes", "mlle", "mlle.", "madame", "monsieur", "mesdames", "messieurs", "dre", "dre."})
COURTESY_FR = frozenset({"m.", "me", "mm."})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "le", "la", "les", "un", "une", "ce", "cette", "l'"})
MODALS = frozenset({"will", "may", "can", "must", "shall", "might", "would", "could", "should"})
# Words a clause has and an organization's name never has: subject pronouns and modal verbs.
CLAUSE_WORDS = frozenset({"i", "we", "you", "they", "he", "she", "je", "nous", "vous", "ils", "elles", "on",
                          "can", "should", "must", "will", "would", "could", "doit", "devrait", "peut",
                          "pourrait", "faut", "think", "pense", "every", "each", "chaque"})
# Nouns after which a lone capital letter names a group, a table or a room ("group D").
GROUPING_NOUNS = frozenset({"group", "groupe", "table", "breakout", "atelier", "room", "salle", "panel", "session",
                            "sous-groupe", "subgroup", "team", "equipe", "cercle", "circle", "section", "annex",
                            "annexe", "appendix", "option", "scenario", "phase", "tier", "volet", "axe", "partie",
                            "part", "track", "discussion", "travail", "work", "focus", "concertation", "consultation",
                            "sous-table", "salon", "bloc", "block"})

# Words right before a place that make it someone's origin, not the setting of an idea.
ORIGIN_BEFORE = frozenset({"from", "venu", "venue", "venus", "venues", "originaire", "originaires", "native",
                           "represent", "represents", "representing", "represente", "representant", "representante"})
# Words before "à/in <place>" that make the place where a person lives or works ("en poste à X").
RESIDENCE_WORDS = frozenset({"habite", "habitent", "vit", "vivent", "base", "basee", "basees", "bases", "poste",
                             "installe", "installee", "etabli", "etablie", "residant", "residante", "reside",
                             "lives", "living", "based", "posted", "stationed", "works", "working", "travaille",
                             "demeure", "resides", "residing", "grew", "raised", "born", "nee", "ne"})
# Nouns before "de <place>" that make the place a setting ("la région de Rimouski").
SETTING_NOUNS = frozenset({"region", "ville", "village", "nord", "sud", "est", "ouest", "centre", "territoire",
                           "secteur", "quartier", "municipalite", "environs", "pres", "cote", "baie", "rive", "route",
                           "aeroport", "hopital", "region", "lac", "riviere", "ile", "iles"})
# Person words before "of <place>" that make the place someone's origin ("an Elder of Arviat").
ORIGIN_PERSONS_OF = frozenset({"elder", "elders", "member", "members", "resident", "residents", "woman", "women",
                               "man", "men", "youth", "chief", "councillor", "councilor", "mayor", "people",
                               "citizen", "citizens", "native", "daughter", "son", "survivor", "survivors"})

# Words that label a line ("Moderator: Jo Smith"); committee titles (Chair, Clerk) are not here:
# they single out one person even as a label.
LINE_LABEL_ROLES = frozenset({"moderator", "facilitator", "rapporteur", "rapporteuse", "speaker", "host",
                              "notetaker", "note-taker", "animateur", "animatrice", "moderateur", "moderatrice",
                              "secretaire de seance", "intervenant", "intervenante"})
LANGUAGE_CODES = frozenset({"fr", "en", "eng", "fra", "iu", "cr", "es", "ar"})
# Articles that never open a name written in capitals ("THE FLOOR"); "LE", "LA" open surnames.
SHOUTED_ARTICLES = frozenset({"the", "a", "an", "un", "une", "les", "des"})

# Head words that close a law's or a programme's name in English ("Victims Bill of Rights",
# "Jordan's Principle"), and open one in French ("Loi sur les Indiens", "Principe de Jordan").
# ("Policy", "Strategy" and their French forms are left out: they end job titles and branch names,
# "Director General, Trade Policy"; named policies and strategies are in the lexicon.)
_EN_HEADS = r"(?:Act|Principle|Bill of Rights|Charter|Convention|Declaration|Treaty|Protocol)"
# Only the word right before an English head counts ("Jordan's Principle"), so a name further
# left ("Amara Okafor and the ... Act") is never taken for part of a law's name.
_EN_PROGRAMME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[ \t]+" + _EN_HEADS + r"\b")
_EN_PROGRAMME_CAPS = re.compile(r"(?<![\w'’-])[A-Z][A-Z'’-]*[ \t]+" + _EN_HEADS.upper() + r"\b")
_FR_HEADS = r"(?:Loi|Charte|Principe|Convention|Déclaration|Traité|Protocole)"
_FR_LINK = r"(?:de|du|des|d['’]|sur|pour|la|le|les|l['’]|en|et|à|aux?|canadienne|canadien|nationale|national|" \
           r"fédérale|fédéral|québécoise|québécois|internationale|international)"
_FR_PROGRAMME = re.compile(r"\b" + _FR_HEADS + r"(?:[ \t]+|(?<=['’]))(?:" + _FR_LINK + r"(?:[ \t]+|(?<=['’])))*"
                           r"[A-ZÀ-Ý][\w'’-]*")
_OPERATION = re.compile(r"\b(?:Operation|Opération|OPERATION|OPÉRATION)[ \t]+[A-ZÀ-Ý][\w'’-]*")


@functools.lru_cache(maxsize=1)
def _programme_rx() -> re.Pattern:
    """One alternation over the folded programme lexicon, longest first, on word boundaries."""
    forms = sorted(PROGRAMMES, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")


@functools.lru_cache(maxsize=1)
def _place_rx() -> re.Pattern:
    forms = sorted((f for f in SUBJECT_PLACES if len(f) >= 3), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w'-])")


def place_spans(folded: str) -> list[tuple[int, int]]:
    """(start, end) of the places of ``SUBJECT_PLACES`` in a folded (same-length) text."""
    return [(m.start(), m.end()) for m in _place_rx().finditer(folded)]


def programme_spans(text: str, folded: str | None = None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(lexicon mentions, pattern mentions) of programme and law names in *text*, as (start, end).

    Lexicon mentions are real programmes matched in any case; pattern mentions are capitalised
    names closed (English) or opened (French) by a law or programme head word.
    """
    folded = folded if folded is not None else fold_same_length(text)
    lexicon = [(m.start(), m.end()) for m in _programme_rx().finditer(folded)]
    pattern = [(m.start(), m.end()) for rx in (_EN_PROGRAMME, _EN_PROGRAMME_CAPS, _FR_PROGRAMME, _OPERATION)
               for m in rx.finditer(text)]
    return lexicon, pattern


def hashtag(text: str, start: int) -> bool:
    """The word at *start* is written as a hashtag ("#JeunesseFPS"): a topic, never a person or a body."""
    return text[max(0, start - 1):start] == "#"
