"""Four more kinds of attributing text (kinds 7 to 10 of ``kinds.py``), each with its counter-examples.

7. ``employment``: a person's own or reported employment ties a body to her ("I worked for Health Canada for
   eleven years", "elle a fait carrière à la Gendarmerie royale du Canada", "retraitée de l'ASFC"): the body is
   ORG, even a public body that is otherwise kept; the same body as actor or object of an idea ("Health Canada
   works with shelters on …", "on travaille avec la GRC sur …") is KEEP.
8. ``office_caption``: a witness caption whose title runs long ("Name, Acting Director, Trade Controls and
   Sanctions, Body", "Nom, directrice, Direction des affaires consulaires, Organisme"): the whole title with its
   division is one ROLE span, the body ORG, the name PERSON; a division as the subject of an idea is KEEP and a
   generic plural ("directors general of the regions said …") unlabelled.
9. ``self_place``: a person says where she is in a self-introduction or a chat ("Name here, in Moncton",
   "ici Prénom, à Rimouski", "je me connecte de Kenora"): PLACE, with the name PERSON and her organization ORG;
   the place as the setting ("the shelters in Moncton are full") is KEEP.
10. ``person_place``: one person pointed at by a singular noun and a place ("the lawyer from Inuvik", "la dame
   de Sudbury", "her legal clinic in Halifax"): PLACE, and the descriptive group of a participant ORG (SPEC: any
   mention of a civil-society participant organization); plurals and groups as subject ("women from Inuvik
   face …") are KEEP.

Every template is written for this project; names come from the generator's Faker lists, bodies from
``data/public_bodies.txt``, places from ``data/places.txt``, groups from ``data/civil_society.txt``. Licence: CC0.
"""
from __future__ import annotations

from .fillers import VOWELS, Segs
from .kinds_bodies import _FR_ARTICLE
from .segments import fill_slots as _fill

# ---- bodies with the article or preposition they take --------------------------------------------------------
_FR_MASC = {"ministère", "Service", "Bureau", "Conseil", "Secrétariat", "Département", "département", "Centre",
            "Programme", "Haut-Commissariat", "Fonds", "gouvernement", "Tribunal", "Sénat", "Parlement", "Comité",
            "Collège", "Ministère"}
_FR_PREP = {"à": {"": "à ", "le ": "au ", "la ": "à la ", "l'": "à l'", "les ": "aux "},
            "de": {"": "de ", "le ": "du ", "la ": "de la ", "l'": "de l'", "les ": "des "},
            "par": {"": "par ", "le ": "par le ", "la ": "par la ", "l'": "par l'", "les ": "par les "}}


def _fr_article(name: str) -> str:
    """The article a French body's name takes ("" for "Santé Canada", "le " for "ministère de la Justice")."""
    first, last = name.split()[0].rstrip(","), name.split()[-1]
    if last == "Canada" and not {"du", "de", "des"} & set(name.split()):
        return ""
    if first[0] in VOWELS:
        return "l'"
    if first.endswith("s") and first not in _FR_MASC:
        return "les "
    return "le " if first in _FR_MASC else "la "


def _fr_named_body(writer, acronym_share: float) -> tuple[str, str]:
    """A French body and the article it takes: an acronym with its own article, or a listed name."""
    if writer.rng.random() < acronym_share:
        return writer.f.pick(_FR_ARTICLE)
    name = writer.f.body()
    return _fr_article(name), name


def _fr_body(writer, prep: str, label: str = "ORG") -> Segs:
    """A French body after "à" or "de", contracted as French writes it ("au ministère", "d'Affaires mondiales")."""
    art, name = _fr_named_body(writer, 0.35)
    lead = _FR_PREP[prep][art]
    if art == "" and prep == "de" and name[0] in VOWELS:
        lead = "d'"
    return [(lead, None), (name, label)]


def _en_body(writer, label: str = "ORG", article: bool = True) -> Segs:
    """An English body by name or acronym, with "the" where its name takes one ("the Department of Justice")."""
    name = writer.f.body(acronym=writer.rng.random() < 0.35)
    bare = name.isupper() or name.startswith("UN Women") or \
        name.split()[-1] in ("Canada", "Heritage", "Justice") and " of " not in name
    return ([] if bare or not article else [("the ", None)]) + [(name, label)]


def _first_name(writer) -> Segs:
    """A given name alone, as people introduce themselves in a chat."""
    return [(writer.f.person_parts()[0].split()[0], "PERSON")]


def _place(writer, label: str = "PLACE") -> Segs:
    """A place from the generator's list."""
    return [(writer.f.pick(writer.lex.places)[0], label)]


# ---- 7. employment --------------------------------------------------------------------------------------------
_EMPLOYMENT = {
    "en": ["I worked for <b> for eleven years, and {I}", "<p> is now a policy analyst at <b>",
           "<p> spent a decade with <b> before moving to the community side", "I'm with <b>, but {I}",
           "I retired from <b> in {Y}, so speaking freely: {I}", "<p> is on secondment from <b> this year",
           "<p>, formerly of <b>, {V} that {I}", "my twenty years at <b> taught me that {I}",
           "<p> used to work at <b> and {V} that {I}", "she joined <b> last spring and {V} that {I}",
           "he's been at <b> since the nineties; {I}", "<p> (ex-<x>) {V} that {I}"],
    "fr": ["je travaille chez <x> depuis huit ans et {I}", "<p> a fait carrière <à>",
           "retraitée <de>, <p> {V} que {I}", "détaché <de>, il {V} que {I}",
           "employée <de> depuis vingt ans, elle {V} que {I}", "j'ai passé dix ans <à> avant de rejoindre le milieu communautaire",
           "<p> occupe désormais un poste d'analyste <à>", "je suis <à>, mais je parle en mon nom : {I}",
           "<p>, ancienne <de>, {V} que {I}", "il a quitté <x> l'an dernier et {V} que {I}",
           "<p> travaillait <à> jusqu'en {Y}", "elle est prêtée <par> pour l'année"],
}
_EMPLOYMENT_KEEP = {
    "en": ["<b> works with shelters on {T}", "we work with <b> on {T}", "<b> should fund {T}",
           "<b> has a new plan on {T}", "ask <b> for the data on {T}"],
    "fr": ["on travaille avec <x> sur {T}", "il faut que <x> finance {T}", "<x> travaille avec les refuges sur {T}",
           "<x> a un nouveau plan sur {T}"],
}


def _fr_bare(writer, label: str) -> Segs:
    """A French body with its own article, as a subject or object ("la GRC", "Santé Canada")."""
    art, name = _fr_named_body(writer, 0.5)
    return ([(art, None)] if art else []) + [(name, label)]


def employment(writer) -> list[Segs]:
    """Kind 7: employment ties a body to a person (ORG); the body as actor or object of an idea (KEEP)."""
    f, lang, rng = writer.f, writer.lang, writer.rng
    if lang == "en":
        slots = {"b": _en_body(writer), "x": _en_body(writer, article=False), "p": f.person}
    else:
        slots = {"à": _fr_body(writer, "à"), "de": _fr_body(writer, "de"), "par": _fr_body(writer, "par"),
                 "x": _fr_bare(writer, "ORG"), "p": f.person}
    out = [_fill(writer, f.pick(_EMPLOYMENT[lang]), slots)]
    if rng.random() < 0.5:
        keep = _en_body(writer, "KEEP", article=False) if lang == "en" else _fr_bare(writer, "KEEP")
        out.append(_fill(writer, f.pick(_EMPLOYMENT_KEEP[lang]), {"b": keep, "x": keep}))
    return out


# ---- 8. office_caption ----------------------------------------------------------------------------------------
_DIV_TOPIC = ["Settlement", "Regional", "Trade", "Consular", "Humanitarian", "Peace and Stabilization", "Gender Equality",
              "Refugee", "Northern", "International", "Strategic", "Indigenous", "Border", "Crime Prevention",
              "Family Violence", "Human Rights", "Arms Control", "Grants and Contributions", "Victim", "Digital",
              "Intelligence", "Conflict Prevention", "Youth"]
_DIV_HEAD = ["Programs", "Security", "Operations", "Policy", "Affairs", "Services", "Controls and Sanctions",
             "Initiatives", "Partnerships", "Coordination", "Policy and Research", "Programs and Partnerships"]
_DIV_UNIT = ["Branch", "Directorate", "Bureau", "Division", "Sector", ""]
_EN_TITLES = ["Acting Director", "Director General", "Acting Director General", "Senior Director", "Director",
              "Executive Director", "Assistant Deputy Minister", "Associate Assistant Deputy Minister", "Vice-President",
              "Chief", "Senior Advisor", "Deputy Director"]
_FR_UNIT = ["Direction", "Direction générale", "Division", "Secteur", "Bureau"]
_FR_TOPIC = ["des programmes d'établissement", "de la sécurité régionale", "des contrôles commerciaux et des sanctions",
             "des affaires consulaires", "de la paix et de la stabilisation", "de l'égalité des genres",
             "des opérations humanitaires", "des relations autochtones", "de la prévention du crime",
             "des politiques stratégiques", "des droits de la personne", "du contrôle des armements",
             "des subventions et contributions", "de l'aide aux victimes", "de la sécurité frontalière",
             "des affaires du Nord", "de la prévention des conflits"]
_FR_TITLES = [("directrice", "directeur"), ("directrice générale", "directeur général"),
              ("directrice par intérim", "directeur par intérim"), ("sous-ministre adjointe", "sous-ministre adjoint"),
              ("vice-présidente", "vice-président"), ("gestionnaire principale", "gestionnaire principal"),
              ("directrice exécutive", "directeur exécutif"), ("conseillère principale", "conseiller principal")]
_CAPTION = {
    "en": ["<p>, <r>, <b>", "Witness: <p>, <r>, <b>", "<p> (<r>, <b>)", "- <p>, <r>, <b>: {I}",
           "Appearing: <p>, <r>, <b>", "<p> — <r>, <b>", "<p>, <r>, <b>, {V} that {I}", "<p>, <r> at <b>, {V} that {I}",
           "From <b>: <p>, <r>"],
    "fr": ["<p>, <r>, <b>", "Témoin : <p>, <r>, <b>", "<p> (<r>, <b>)", "- <p>, <r>, <b> : {I}",
           "Comparaît : <p>, <r>, <b>", "<p> — <r>, <b>", "<p>, <r>, <b>, {V} que {I}", "De <b> : <p>, <r>",
           "<p>, <r> (<b>), {V} que {I}"],
}
_CAPTION_KEEP = {"en": ["the <d> branch should publish its data on {T}", "<d> is where the money for {T} sits",
                        "directors general of the regions said {I}", "assistant deputy ministers rarely ask about {T}"],
                 "fr": ["<a><d> devrait publier ses données sur {T}", "c'est <a><d> qui finance {T}",
                        "les directrices générales des régions ont dit que {I}",
                        "des sous-ministres adjoints parlent souvent de {T}"]}


def _division(writer) -> str:
    """An invented division of 2 to 5 capitalised words ("Trade Controls and Sanctions", "Regional Security")."""
    f = writer.f
    words = f"{f.pick(_DIV_TOPIC)} {f.pick(_DIV_HEAD)}"
    unit = f.pick(_DIV_UNIT)
    return f"{words} {unit}" if unit and len(words.split()) < 5 else words


def _long_title(writer, female: bool) -> str:
    """A title with its division, one ROLE: "Acting Director, Settlement Programs", "directrice, Direction des …"."""
    f, rng = writer.f, writer.rng
    if writer.lang == "en":
        if rng.random() < 0.3:
            office = f"{f.pick(_DIV_TOPIC)} {f.pick(_DIV_HEAD)}".lower()
            return f"{f.pick(['director general', 'director', 'executive director'])} of the {office} " \
                   f"{f.pick(['directorate', 'branch', 'division'])}"
        return f"{f.pick(_EN_TITLES)}, {_division(writer)}"
    title = f.pick(_FR_TITLES)[0 if female else 1]
    r = rng.random()
    if r < 0.1:
        city = f.pick(writer.lex.places)[0]
        head = f.pick(["procureure générale" if female else "procureur général", "juge en chef"])
        return f"{head} près la cour d'appel " \
               f"{'d' + chr(39) if city[0] in VOWELS else 'de '}{city}"
    if r < 0.35:
        return f"{title.split()[0]} de la direction {f.pick(_FR_TOPIC)}"
    return f"{title}, {f.pick(_FR_UNIT)} {f.pick(_FR_TOPIC)}"


def office_caption(writer) -> list[Segs]:
    """Kind 8: a caption's long title with its division (one ROLE), the body ORG; divisions as subjects KEEP."""
    f, lang, rng = writer.f, writer.lang, writer.rng
    given, sur, female = f.person_parts()
    forms = [f"{given} {sur}"] * 4 + [sur, f"{given[0]}. {sur}", f"{given} {sur.upper()}", f"{sur.upper()}, {given}"]
    name = [(f.pick(forms), "PERSON")]
    body = [(f.body(acronym=rng.random() < 0.25), "ORG")]
    out = [_fill(writer, f.pick(_CAPTION[lang]), {"p": name, "r": [(_long_title(writer, female), "ROLE")], "b": body})]
    if rng.random() < 0.5:
        d = f"{f.pick(_DIV_TOPIC)} {f.pick(_DIV_HEAD)}" if lang == "en" else f"{f.pick(_FR_UNIT)} {f.pick(_FR_TOPIC)}"
        art = "la " if d.startswith(("Direction", "Division")) else "le "
        out.append(_fill(writer, f.pick(_CAPTION_KEEP[lang]), {"d": [(d, "KEEP")], "a": [(art, None)]}))
    return out


# ---- 9. self_place --------------------------------------------------------------------------------------------
_SELF = {
    "en": ["<n> here, in <l>", "<n>, <o>, joining from <l>", "greetings from <l>!", "hi all, <n> from <o>, dialling in from <l>",
           "<n> here - in <l> today", "hello from <l>! <n>, <o>", "<n> (<o>) - joining from <l>",
           "good morning from <l>, this is <n>", "<n> joining from sunny <l>", "it's <n>, logging on from <l>",
           "<n> in <l>, with <o>", "waving from <l> - <n>"],
    "fr": ["je me connecte de <l>", "<n>, en direct de <l>", "ici <n>, à <l>", "bonjour de <l>! <n>, <o>",
           "<n> (<o>), je suis à <l> aujourd'hui", "salutations de <l>", "<n> de <o>, connectée depuis <l>",
           "bonjour tout le monde, <n> ici, de <l>", "coucou de <l> : <n>, <o>", "<n>, <o>, je me joins à vous de <l>",
           "je suis à <l> cette semaine, c'est <n>", "<n> qui vous écrit de <l>"],
}
_SETTING = {"en": ["the shelters in <l> are full", "in <l>, {I}", "<l> has no beds left for survivors",
                   "rents in <l> keep women in violent homes", "the police in <l> do not call back"],
            "fr": ["les refuges de <l> débordent", "à <l>, {I}", "<l> n'a plus de places pour les survivantes",
                   "les loyers à <l> gardent les femmes dans des foyers violents", "la police de <l> ne rappelle pas"]}


def self_place(writer) -> list[Segs]:
    """Kind 9: where a person says she is in a chat or an introduction (PLACE); a place as setting (KEEP)."""
    f, lang = writer.f, writer.lang
    org = lambda: f.cso_short() if writer.rng.random() < 0.4 else f.affiliation()
    out = [_fill(writer, f.pick(_SELF[lang]), {"n": lambda: _first_name(writer), "o": org, "l": _place(writer)})]
    if writer.rng.random() < 0.5:
        out.append(_fill(writer, f.pick(_SETTING[lang]), {"l": _place(writer, "KEEP")}))
    return out


# ---- 10. person_place -----------------------------------------------------------------------------------------
_ONE_EN = ["lawyer", "woman", "man", "nurse", "elder", "caseworker", "teacher", "organizer", "midwife", "student",
           "grandmother", "gentleman", "lady"]
_ONE_FR = [("juriste", "juriste"), ("dame", "monsieur"), ("avocate", "avocat"), ("infirmière", "infirmier"),
           ("militante", "militant"), ("jeune femme", "jeune homme"), ("intervenante", "intervenant"),
           ("aînée", "aîné"), ("enseignante", "enseignant")]
_PERSON_PLACE = {
    "en": ["the <w> from <l> {V} that {I}", "the <w> from <l> disagreed", "- <w> from <l>: {I}",
           "one <w> from <l> {V} that {I}", "the <w> (from <l>) wants a note on {T}", "her <g> in <l> {V} that {I}",
           "the <g> in <l> she runs has no funding for {T}", "his <g> in <l> has waited two years for {T}",
           "the young <w> from up in <l> {V} that {I}", "the <w> from <l> at the back asked about {T}"],
    "fr": ["<a><w> de <l> {V} que {I}", "<a><w> de <l> n'était pas d'accord", "- <a><w> de <l> : {I}",
           "<a><w> <d> de <l> {V} que {I}", "<a><w> de <l> a répondu que {I}", "son <g> à <l> {V} que {I}",
           "<a><g> de <l> qu'elle dirige manque de fonds pour {T}", "selon <a><w> de <l>, {I}",
           "<a><w> de <l> (au fond de la salle) {V} que {I}", "- <a><w> <d> de <l> : {I}", "<a><w> venue de <l> veut une note sur {T}"],
}
_GROUPS = {"en": ["women from <l> face barriers to {T}", "young people from <l> need {T}",
                  "families in <l> wait months for {T}", "elders from <l> are left out of {T}"],
           "fr": ["les femmes de <l> ont besoin de {T}", "les aînées de <l> attendent {T}",
                  "les jeunes de <l> n'ont pas accès à {T}", "les familles de <l> patientent longtemps avant d'obtenir {T}"]}
_FR_FEM_GROUP = ("maison", "clinique", "table", "banque")


def _group(writer) -> tuple[Segs, bool]:
    """A participant's descriptive group (ORG) and whether its French head noun is feminine."""
    g = writer.f.pick(writer.lex.cso["descriptive" if writer.lang == "en" else "fr_descriptive"])
    return [(g, "ORG")], g.split()[0] in _FR_FEM_GROUP


def person_place(writer) -> list[Segs]:
    """Kind 10: one person by a singular noun and a place (PLACE; her group ORG); plurals as subject (KEEP)."""
    f, lang, rng = writer.f, writer.lang, writer.rng
    group, fem_group = _group(writer)
    t = f.pick(_PERSON_PLACE[lang])
    if lang == "en":
        slots = {"w": [(f.pick(_ONE_EN), None)], "g": group, "l": _place(writer)}
    else:
        female = rng.random() < 0.65
        noun = f.pick(_ONE_FR)[0 if female else 1]
        row = f.pick(writer.lex.countries)
        art = "l'" if noun[0] in VOWELS else "la " if female else "le "
        if "<g>" in t:
            art = "l'" if group[0][0][0] in VOWELS else "la " if fem_group else "le "
            t = t.replace("son <g>", "sa <g>") if fem_group and group[0][0][0] not in VOWELS else t
            t = t.replace("qu'elle", "qu'il") if rng.random() < 0.3 else t
        t = t.replace("venue", "venu") if not female else t
        slots = {"a": [(art, None)], "w": [(noun, None)], "g": group, "l": _place(writer),
                 "d": [(row[3] if female else row[4], "PLACE")]}
    out = [_fill(writer, t, slots)]
    if rng.random() < 0.5:
        out.append(_fill(writer, f.pick(_GROUPS[lang]), {"l": _place(writer, "KEEP")}))
    return out
