"""Kinds of attributing text that outside writers use and the older templates lacked, with their counter-examples.

Each kind gives one attributing line (labels as the corpus SPEC says) and, half the time, a line where the same
kind of word is subject matter (KEEP) or ordinary text (unlabelled):

1. ``lower_names``: lower-case first names in fast bullets ("- lou de la maison des aînées dit que …", "merci à
   kit pour l'interprétation"), short names and names that are also words ("rose", "hope") in person positions;
   counter-examples use the same words as words ("c'est claire", "we hope to").
2. ``demonym_person``: a demonym that points at one person ("une bénévole sénégalaise", "the Kenyan lawyer",
   "l'invitée colombo-canadienne"): PLACE; subject uses ("Ukrainian refugees need …") are KEEP.
3. ``trip``: a person's trip or origin told as a story ("flew in from Whitehorse", "elle rentre à Chibougamau ce
   soir"): PLACE; a place as the setting ("shelters in Iqaluit are full") is KEEP.
4. ``spelled_acronym``: acronyms as speech-to-text writes them ("the c b s a rep", "la g r c", "dnd"): ORG when
   tied to a person, KEEP as the subject; titles spelled the same way ("the e d"): ROLE.
5. ``completed_title``: a title completed by its office or body ("the Deputy Minister of Rural Affairs", "la
   directrice des communications", "les deux coprésidentes"): the whole title is ROLE; generic plurals
   ("directors of shelters said …") are not annotated.
6. ``body_function``: a body right before a person's function noun ("the IRCC settlement officer", "l'agente de
   la GRC"): the body is ORG; the function is ROLE when it is a title, and stays unlabelled when it is an
   ordinary job word (SPEC: "policy analyst" is not ROLE).
7-10. ``employment``, ``office_caption``, ``self_place``, ``person_place``: see ``kinds_more.py``.

All words here are written for this project or are real public bodies and places (general knowledge); names
come from the generator's Faker lists. Licence: CC0.
"""
from __future__ import annotations

from .fillers import Segs
from .kinds_bodies import body_function, completed_title, spelled_acronym
from .kinds_more import employment, office_caption, person_place, self_place
from .segments import capitalize_first
from .segments import fill_slots as _fill

KINDS = ("lower_names", "demonym_person", "trip", "spelled_acronym", "completed_title", "body_function",
         "employment", "office_caption", "self_place", "person_place")
RATE = 0.60  # share of notes that get one line of a new kind: 6% of notes for each of the ten kinds

_SHORT = ["jo", "lou", "ana", "kit", "max", "eva", "ali", "zoe", "liv", "noa", "ida", "uma", "bo", "lea", "kai",
          "mo", "tam", "raj", "ines", "bastien", "nour", "yan", "ode", "sam"]
_WORDY = {"en": ["hope", "will", "grace", "joy", "rose", "mark", "dawn", "june", "faith", "claire", "olivier"],
          "fr": ["claire", "rose", "constance", "olivier", "blanche", "prudence", "victoire", "aurore", "céleste",
                 "hope", "will"]}
_NAME_LINES = {
    "en": ["- <n> -> wants the data on {T}", "thanks to <n> for the interpretation", "picking this up tomorrow w/ <n>",
           "- <n> from the {DESC} says {I}", "<n> asked abt {T}", "- <n>: {I}", "<n> + <n> to draft the para on {T}",
           "ask <n> re {T}", "- per <n>, {I}"],
    "fr": ["- <n> de la maison des aînées dit que {I}", "merci à <n> pour l'interprétation",
           "on se revoit jeudi avec <n>", "- <n> -> veut les données sur {T}", "<n> propose que {I}", "- <n> : {I}",
           "<n> et <n> rédigent le paragraphe sur {T}", "demander à <n> pour {T}", "- selon <n>, {I}"],
}
_WORD_USES = {
    "en": [("we <w> to see {T} in the next plan", "hope"), ("the group <w> send a note on {T}", "will"),
           ("a <w> was given to each survivor at the close", "rose"), ("there is little <w> that {I}", "hope"),
           ("we <w> the anniversary of {U} next year", "mark"), ("in <w>, the plan on {T} gets its review", "june"),
           ("say it with <w> and patience: {I}", "grace")],
    "fr": [("c'est <w> que {I}", "claire"), ("une <w> blanche a été remise à chaque survivante", "rose"),
           ("il faut travailler avec <w> sur {T}", "constance"), ("faire preuve de <w> avec les données sur {T}", "prudence"),
           ("une <w> pour les survivantes : {I}", "victoire"), ("un <w> a été planté devant le centre", "olivier"),
           ("la réponse est <w> : {I}", "claire")],
}
_PERSON_NOUNS = {"en": ["lawyer", "caregiver", "volunteer", "nurse", "guest", "grandmother", "student", "elder",
                        "doctor", "journalist", "organizer", "mother", "woman", "speaker"],
                 "fr": [("bénévole", "bénévole"), ("invitée", "invité"), ("avocate", "avocat"),
                        ("infirmière", "infirmier"), ("étudiante", "étudiant"), ("aînée", "aîné"),
                        ("journaliste", "journaliste"), ("militante", "militant"), ("femme", "homme"),
                        ("intervenante", "intervenant")]}
_NATIONS = {"en": ["Innu", "Cree", "Dene", "Mi'kmaw", "Anishinaabe", "Mohawk", "Atikamekw", "Filipina", "Inuk"],
            "fr": [("innue", "innu"), ("crie", "cri"), ("dénée", "déné"), ("mi'kmaq", "mi'kmaq"),
                   ("anishinaabe", "anishinaabe"), ("mohawk", "mohawk"), ("atikamekw", "atikamekw"),
                   ("philippine", "philippin")]}
_HYPHEN_FR = ["colombo", "italo", "haïtiano", "sino", "libano", "franco", "afro", "indo", "vietnamo", "syro"]


def _lower_name(writer) -> str:
    """A first name as fast notes type it: short, a word-name, or a Faker given name, in lower case."""
    r = writer.rng.random()
    if r < 0.4:
        return writer.f.pick(_SHORT)
    if r < 0.7:
        return writer.f.pick(_WORDY[writer.lang])
    return writer.f.person_parts()[0].split()[0].split("-")[0].lower()


def lower_names(writer) -> list[Segs]:
    """Kind 1: lower-case first names in person positions; the same words as words elsewhere."""
    lang, f = writer.lang, writer.f
    line = _fill(writer, f.pick(_NAME_LINES[lang]), {"n": lambda: [(_lower_name(writer), "PERSON")]})
    out = [line]
    if writer.rng.random() < 0.5:
        template, word = f.pick(_WORD_USES[lang])
        out.append(_fill(writer, template, {"w": [(word, "KEEP")]}))
    return out


def _demonym(writer, female: bool) -> str:
    """A demonym for one person: a country's, a nation's, or a hyphen-joined one ("colombo-canadienne")."""
    f, r = writer.f, writer.rng.random()
    row = f.pick(writer.lex.countries)
    if writer.lang == "en":
        if r < 0.2:
            return f.pick(_NATIONS["en"])
        return f"{row[1]}-Canadian" if r < 0.35 else row[1]
    if r < 0.2:
        return f.pick(_NATIONS["fr"])[0 if female else 1]
    if r < 0.35:
        return f"{f.pick(_HYPHEN_FR)}-{'canadienne' if female else 'canadien'}"
    return row[3] if female else row[4]


def demonym_person(writer) -> list[Segs]:
    """Kind 2: a demonym pointing at one person (PLACE); the same demonyms for a whole group (KEEP)."""
    f, rng, fr = writer.f, writer.rng, writer.lang == "fr"
    female = rng.random() < 0.6
    dem = [(_demonym(writer, female), "PLACE")]
    if fr:
        noun = f.pick(_PERSON_NOUNS["fr"])[0 if female else 1]
        art = "l'" if noun[0] in "aeéiou" else ("la " if female else "le ")
        t = f.pick([f"{art}{noun} <d> {{V}} que {{I}}", f"une {noun} <d> qui a pris la parole {{V}} que {{I}}",
                    f"selon {art}{noun} <d> du cercle, {{I}}", f"- {noun} <d> : {{I}}"])
        t = t.replace("une ", "un ") if not female else t
    else:
        noun = f.pick(_PERSON_NOUNS["en"])
        a = "an" if dem[0][0][:1] in "AEIOU" else "a"
        t = f.pick([f"the <d> {noun} {{V}} that {{I}}", f"{a} <d> {noun} who spoke first {{V}} that {{I}}",
                    f"according to the <d> {noun} in our circle, {{I}}", f"- <d> {noun}: {{I}}"])
    out = [_fill(writer, t, {"d": dem})]
    if rng.random() < 0.5:
        row = f.pick(writer.lex.countries)
        if fr:
            plural = row[3] if row[3].endswith("s") else row[3] + "s"
            t = f.pick(["les femmes <d> en général ont besoin de {T}", "les réfugiées <d> attendent plus de {T}"])
            out.append(_fill(writer, t, {"d": [(plural, "KEEP")]}))
        else:
            t = f.pick(["<d> refugees need better {T}", "<d> women in general face barriers to {T}"])
            out.append(_fill(writer, t, {"d": [(row[1], "KEEP")]}))
    return out


_TRIPS = {
    "en": ["<p>, who flew in from <l>, {V} that {I}", "<p> is heading back to <l> tonight", "she flew in from <l> this morning",
           "<p> drove down from <l> for the day and {V} that {I}", "he's heading back to <l> tonight, so {I}",
           "<p> (just in from <l>) {V} that {I}", "<p> took the bus from <l> to be here"],
    "fr": ["<p>, arrivée en train de <l>, {V} que {I}", "elle rentre à <l> ce soir", "<p> repart à <l> demain matin",
           "<p>, arrivée de <l> hier soir, {V} que {I}", "il rentre à <l> ce soir donc {I}",
           "<p> (descendue de <l> pour la journée) {V} que {I}", "<p> a fait la route depuis <l>"],
}
_SETTINGS = {"en": ["shelters in <l> are full", "flights to <l> cost too much for survivors", "in <l>, {I}"],
             "fr": ["les refuges de <l> débordent", "les vols vers <l> coûtent trop cher aux survivantes", "à <l>, {I}"]}


def trip(writer) -> list[Segs]:
    """Kind 3: a person's trip or origin told as a story (PLACE); the same places as settings (KEEP)."""
    f, lang = writer.f, writer.lang
    place = lambda: [(f.pick(writer.lex.places)[0], "PLACE")]
    out = [_fill(writer, f.pick(_TRIPS[lang]), {"p": f.person, "l": place})]
    if writer.rng.random() < 0.5:
        out.append(_fill(writer, f.pick(_SETTINGS[lang]), {"l": [(f.city(), "KEEP")]}))
    return out


def new_kind_lines(writer) -> tuple[str, list[Segs]]:
    """For about RATE of notes, one new kind (its name) and its lines; otherwise ("", [])."""
    if writer.rng.random() >= RATE:
        return "", []
    kind = writer.f.pick(KINDS)
    lines = MAKERS[kind](writer)
    if kind not in ("lower_names", "spelled_acronym") and writer.rng.random() < 0.7:
        lines = [capitalize_first(segs) for segs in lines]
    return kind, lines



MAKERS = dict(zip(KINDS, (lower_names, demonym_person, trip, spelled_acronym, completed_title, body_function,
                          employment, office_caption, self_place, person_place)))
