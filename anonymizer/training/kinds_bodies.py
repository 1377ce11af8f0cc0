"""New kinds of attributing text about bodies and titles (kinds 4 to 6 of ``kinds.py``).

4. acronyms spelled letter by letter or in lower case, as speech-to-text writes them ("the c b s a rep", "la g r
   c", "dnd"): ORG when tied to a person, KEEP as the subject of an idea; titles spelled the same way ("the a d
   m", "she is the d g"): ROLE;
5. titles completed by an office or a body ("the Deputy Minister of Rural Affairs", "la directrice des
   communications", "the co-chairs", "les deux coprésidentes"): the whole title is ROLE; generic plurals
   ("directors of shelters said …") are not annotated;
6. a body right before a person's function ("the IRCC settlement officer", "l'agente de la GRC"): the body is
   ORG, the function ROLE when it is a title; an ordinary job word ("policy analyst") stays unlabelled, as the
   SPEC says.

Bodies are real public bodies (general knowledge, ``data/public_bodies.txt``). Licence: CC0.
"""
from __future__ import annotations

from .fillers import Segs
from .segments import fill_slots as _fill

# Title abbreviations that speech-to-text spells out: English | French (general knowledge of public-service usage).
_TITLE_ACR = [("dm", "sm"), ("adm", "sma"), ("dg", "dg"), ("ed", "de"), ("dga", "dga"), ("cds", "cemd"),
              ("sadm", "smad")]
_ACR_PERSON = {
    "en": ["the <a> rep said {I}", "<p> from <a> {V} that {I}", "the <a> guy wants data on {T}",
           "- <p> (<a>): {I}", "someone from <a> {V} that {I}", "the <a> officer {V} that {I}", "<p> at <a> says {I}"],
    "fr": ["le gars de <a> dit que {I}", "<p> de <a> {V} que {I}", "- <p> (<a>) : {I}",
           "quelqu'un de <a> {V} que {I}", "la personne de <a> trouve que {I}", "<p> chez <a> pense que {I}"],
}
_ACR_TITLE = {"en": ["the <t> {V} that {I}", "she is the <t>, so {I}", "our <t> wants a note on {T}"],
              "fr": ["la <t> {V} que {I}", "c'est elle la <t>, donc {I}", "le <t> veut une note sur {T}"]}
_ACR_SUBJECT = {"en": ["<a> should publish the numbers on {T}", "<a> needs to fund {T}"],
                "fr": ["<a> devrait publier les chiffres sur {T}", "il faut que <a> finance {T}"]}


def _spell(acr: str, rng) -> str:
    """An acronym as speech-to-text writes it: letter by letter, in lower case, or dotted."""
    letters = [c for c in acr.lower() if c.isalpha()]
    r = rng.random()
    if r < 0.5:
        return " ".join(letters)
    if r < 0.8:
        return "".join(letters)
    return ".".join(letters) + "." if r < 0.9 else " ".join(letters).upper()


def _body_acronym(writer) -> str:
    """A real public body's acronym in the note's language."""
    while True:
        en, en_acr, fr, fr_acr = writer.f.pick(writer.lex.bodies)
        acr = en_acr if writer.lang == "en" else fr_acr
        if acr != "-" and acr.replace(".", "").isalpha() and len(acr) <= 6:
            return acr


def spelled_acronym(writer) -> list[Segs]:
    """Kind 4: spelled or lower-case acronyms of bodies tied to a person (ORG) or titles (ROLE); subjects KEEP."""
    f, rng, lang = writer.f, writer.rng, writer.lang
    acr = lambda: [(_spell(_body_acronym(writer), rng), "ORG")]
    if rng.random() < 0.3:
        title = f.pick(_TITLE_ACR)[0 if lang == "en" else 1]
        out = [_fill(writer, f.pick(_ACR_TITLE[lang]), {"t": [(_spell(title, rng), "ROLE")]})]
    else:
        out = [_fill(writer, f.pick(_ACR_PERSON[lang]), {"a": acr, "p": f.person})]
    if rng.random() < 0.5:
        out.append(_fill(writer, f.pick(_ACR_SUBJECT[lang]), {"a": [(_spell(_body_acronym(writer), rng), "KEEP")]}))
    return out


_HEADS = {"en": ["Deputy Minister", "Associate Deputy Minister", "Assistant Deputy Minister", "director",
                 "Director General", "director general", "Executive Director", "head", "Vice-President", "manager",
                 "Chief", "senior director"],
          "fr": [("directrice", "directeur"), ("directrice générale", "directeur général"),
                 ("sous-ministre adjointe", "sous-ministre adjoint"), ("sous-ministre déléguée", "sous-ministre délégué"),
                 ("vice-présidente", "vice-président"), ("cheffe", "chef"), ("responsable", "responsable"),
                 ("gestionnaire", "gestionnaire")]}
_OFFICES = {"en": ["Rural Affairs", "refugee programs", "communications", "Policy and Planning", "the Women's Program",
                   "Northern Affairs", "International Security", "the settlement division", "Gender Equality",
                   "Indigenous Relations", "Consular Services", "the Africa bureau", "Operations"],
            "fr": ["des communications", "des programmes pour les réfugiés", "aux Affaires rurales", "des politiques",
                   "du Programme de promotion de la femme", "aux Affaires du Nord", "de la sécurité internationale",
                   "de la direction de l'établissement", "de l'égalité des genres", "des services consulaires",
                   "des opérations", "du bureau de l'Afrique"]}
_CHAIRS = {"en": [("the ", "co-chairs"), ("our two ", "co-chairs"), ("both ", "co-chairs"), ("the ", "co-facilitators")],
           "fr": [("les deux ", "coprésidentes"), ("les ", "coprésidents"), ("les ", "coprésidentes"),
                  ("leurs deux ", "coanimatrices")]}
_GENERIC = {"en": ["directors of shelters said {I}", "heads of agencies often say {I}",
                   "chairs of committees rarely ask about {T}"],
            "fr": ["des directrices de refuges disent que {I}", "les responsables d'organismes trouvent que {I}",
                   "des gestionnaires de programmes parlent souvent de {T}"]}


def _completed(writer) -> str:
    """A title and the office or body that completes it ("Deputy Minister of Rural Affairs")."""
    f, rng = writer.f, writer.rng
    if writer.lang == "en":
        return f"{f.pick(_HEADS['en'])} {f.pick(['of', 'of', 'for'])} {f.pick(_OFFICES['en'])}"
    head = f.pick(_HEADS["fr"])[0 if rng.random() < 0.6 else 1]
    return f"{head} {f.pick(_OFFICES['fr'])}"


def completed_title(writer) -> list[Segs]:
    """Kind 5: a title completed by its office (ROLE, whole), or a chair's plural title; generic plurals unlabelled."""
    f, rng, lang = writer.f, writer.rng, writer.lang
    if rng.random() < 0.3:
        art, chairs = f.pick(_CHAIRS[lang])
        t = f"{art}<r> ont proposé que {{I}}" if lang == "fr" else f"{art}<r> asked whether {{I}}"
        out = [_fill(writer, t, {"r": [(chairs, "ROLE")]})]
    else:
        title = _completed(writer)
        if lang == "en":
            t = f.pick(["the <r> {V} that {I}", "we heard from the <r> that {I}", "<p>, the <r>, {V} that {I}"])
        else:
            art = "l'" if title[0] in "aeéiou" else "la " if title.split()[0].endswith(("e", "ée")) else "le "
            t = f.pick([art + "<r> {V} que {I}", "selon " + art + "<r>, {I}", "<p>, " + art + "<r>, {V} que {I}"])
        out = [_fill(writer, t, {"r": [(title, "ROLE")], "p": f.person})]
    if rng.random() < 0.5:
        out.append(_fill(writer, f.pick(_GENERIC[lang]), {}))
    return out


_JOBS = {"en": ["settlement officer", "policy analyst", "program officer", "caseworker", "lawyer", "liaison officer",
                "researcher", "analyst"],
         "fr": ["agente", "analyste", "avocate", "agente de liaison", "chercheuse", "agent"]}
_BODY_TITLES = {"en": ["co-chair", "director general", "deputy head", "ombudsperson", "chief of staff"],
                "fr": ["coprésidente", "directrice générale", "cheffe de cabinet", "ombudsman"]}
# French acronyms with the article they take (real public bodies, general knowledge)
_FR_ARTICLE = [("la ", "GRC"), ("l'", "ASFC"), ("le ", "SCC"), ("le ", "MDN"), ("la ", "SQ"), ("le ", "SPVM"),
               ("l'", "ACIA"), ("le ", "MPO"), ("la ", "CISR")]


def body_function(writer) -> list[Segs]:
    """Kind 6: a body before a person's function (ORG; ROLE when it is a title, job words unlabelled)."""
    f, rng, lang = writer.f, writer.rng, writer.lang
    is_title = rng.random() < 0.35
    fn = [(f.pick(_BODY_TITLES[lang]), "ROLE" if is_title else None)] if is_title else [(f.pick(_JOBS[lang]), None)]
    if lang == "en":
        body = [(_body_acronym(writer) if rng.random() < 0.7 else f.body(), "ORG")]
        t = f.pick(["the <b> <f> {V} that {I}", "<p>, the <b> <f>, {V} that {I}", "our <b> <f> wants data on {T}"])
        out = [_fill(writer, t, {"b": body, "f": fn, "p": f.person})]
    else:
        art, acr = f.pick(_FR_ARTICLE)
        lead = "l'" if fn[0][0][0] in "aeéiou" else "la " if fn[0][0].endswith("e") else "le "
        de_art, a_art = {"la ": "de la ", "l'": "de l'", "le ": "du "}[art], {"la ": "à la ", "l'": "à l'", "le ": "au "}[art]
        t = f.pick([lead + "<f> " + de_art + "<b> {V} que {I}", "<p>, <f> " + a_art + "<b>, {V} que {I}"])
        out = [_fill(writer, t, {"b": [(acr, "ORG")], "f": fn, "p": f.person})]
    if rng.random() < 0.5:
        b = [(_body_acronym(writer), "KEEP")]
        t = "<b> settlement officers across the country need training on {T}" if lang == "en" else \
            "les agentes de <b> partout au pays ont besoin de formation sur {T}"
        out.append(_fill(writer, t, {"b": b}))
    return out
