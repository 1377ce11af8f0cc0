"""What the place-of-a-speaker recognizers share: the person nouns, the verbs of taking the floor, who is
the subject of a cue, how a place is read after a cue, and the finder that collects the PLACE candidates
(with the places listed after the first one, and never the host country). The English cues are in
:mod:`.speaker_places`, the French ones in :mod:`.french_origins`.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from ..gazetteer import capitalised_run, demonym_at, is_demonym, norm, place_at, with_region
from ..reasons import Reason
from ..vocab import COMMON_ACRONYMS, FUNCTION_WORDS, ORG_HEADS, ORIGIN_PERSON_NOUNS, PERSON_NOUNS, SPEECH_VERBS, fold
from .base import Candidate
from .context import NoteContext

_ARTICLE = re.compile(r"(?:the|la|le|les|l['’])[ \t]+|l['’]", re.I)
# Nouns for a person in the room ("participant", "délégué", "colleague"): a place after "from" is theirs.
ROLE_NOUNS = (ORIGIN_PERSON_NOUNS | PERSON_NOUNS | frozenset({
    "someone", "somebody", "anyone", "quelqu'un", "intervenant", "intervenante", "intervenants", "intervenantes",
    "temoin", "temoins", "militant", "militante", "militants", "militantes", "aine", "ainee", "aines", "ainees",
    "ami", "amie", "amis", "amies", "partenaire", "partenaires", "expert", "expertes", "experts", "porte-parole",
    "participants", "participantes", "collegues", "invite", "invitee", "invites", "invitees", "benevole", "benevoles",
    "volunteer", "volunteers", "survivor", "survivante", "leader",
    "advocate", "organizer", "organiser", "facilitator", "moderator", "animatrice", "animateur", "witness",
    "rep", "reps", "elder", "elders", "councillor", "councilor", "chief", "mayor", "cheffe", "mairesse", "maire",
    "conseillere", "conseiller", "deputy", "chef", "agent", "agente", "policier", "policiere", "gendarme", "constable",
    "soldier", "soldat", "soldate", "nurse", "infirmiere", "infirmier", "doctor", "medecin", "lawyer", "avocate",
    "avocat", "juriste", "teacher", "enseignante", "enseignant", "worker", "travailleuse", "travailleur", "coordinator",
    "coordonnatrice", "coordonnateur", "journaliste", "chercheuse", "chercheur", "researcher", "directrice",
    "director", "manager", "gestionnaire", "fonctionnaire", "diplomate", "interprete", "interpreter"}))
# Nouns for people in general: a place after them is theirs only when they speak ("a woman from
# Kuujjuaq said"), not in "women from Sudan face violence".
GENERIC_NOUNS = frozenset({"woman", "man", "women", "men", "people", "person", "youth", "mother", "girl", "boy",
                           "lady", "gentleman", "guy", "gal", "gars", "folks", "femme", "femmes", "homme", "hommes",
                           "jeune", "jeunes",
                           "mere", "meres", "fille", "filles", "gens", "personne", "personnes", "dame", "monsieur",
                           "grandmother", "grand-mere", "family", "famille", "student", "students", "etudiante",
                           "member", "members", "membre", "membres", "staff", "official", "officials", "officer",
                           "officers", "resident", "residents", "citizen", "citizens", "native", "natives"})
# "l'invitée", "d'experte", "qu'elle": a French word after its elided article or conjunction
ELIDED_ARTICLE = re.compile(r"^(?:l|d|qu)['’]")
_SENTENCE_END = re.compile(r"[.!?;\n]")


# Verbs of a person taking the floor that the attribution lists leave out (they are too common there)
SPOKE = SPEECH_VERBS | frozenset({
    "raconte", "parle", "temoigne", "partage", "evoque", "souleve", "decrit", "demande", "presente", "plaide",
    "talked", "raised", "spoke", "described", "shared", "told", "asked", "pointed", "urged", "called", "recounted",
    "testified", "presented", "shares", "raises", "asks", "tells", "thinks", "believes", "feels", "proposed",
    "recommended", "stated", "observed", "wondered", "questioned", "cautioned", "wants", "wanted", "hopes", "pushed",
    "estime", "pense", "croit", "propose", "suggere", "recommande", "affirme", "declare", "signale", "observe",
    "regrette", "denonce", "reclame", "souhaite", "juge", "considere", "trouve", "questionne", "interroge",
    "mentionne", "repond", "replique", "intervient", "enchaine", "conclut", "prend", "rappelle",
    "pleaded", "welcomed", "thanked", "remercie", "rappelle", "souligne", "insiste", "ajoute", "precise", "indique"})


def is_speech_verb(word: str) -> bool:
    """*word* is a verb of taking the floor, in the singular or, in French, the plural ("rappellent")."""
    key = fold(word)
    return key in SPOKE or (key.endswith("nt") and key[:-2] in SPOKE)


def speech_after(text: str, pos: int, span: int = 90) -> bool:
    """A speech verb follows in the same sentence ("… from Kuujjuaq said", "… de Sept-Îles a rappelé")."""
    window = text[pos:pos + span]
    cut = _SENTENCE_END.search(window)
    window = window[:cut.start()] if cut else window
    return any(is_speech_verb(w) for w in re.findall(r"[\w'’-]+", window))


_PRONOUN_AFTER = re.compile(r"[ \t]*,[ \t]*(?:she|he|they|I|we|elle|il|elles|ils|je|j['’]|nous)\b", re.I)


def person_around(ctx: NoteContext, m: re.Match, span: tuple[int, int]) -> bool:
    """A person is the subject of the cue ("she grew up in X", "who came down from X") or is named right
    after the place ("Based in X, she …"); not a mere pronoun earlier in the sentence ("She said the fund
    works in Haiti")."""
    return subject_before(ctx, m.start()) or bool(_PRONOUN_AFTER.match(ctx.text, span[1]))


_FILLERS = frozenset(fold(w) for w in """has|had|have|was|were|is|are|been|now|also|still|currently|originally|just|
recently|first|later|then|actually|herself|himself|themselves|all|both|who|that|qui|a|ont|est|sont|aussi|toujours|
encore|elle-meme|lui-meme|deja|recemment|d'abord|ensuite|y|s'est|se|sont""".replace("\n", "").split("|"))
_OF_WORDS = frozenset({"of", "the", "de", "du", "des", "la", "le", "les", "d", "l"})
_SUBJECTS = frozenset(fold(w) for w in "who|she|he|they|I|we|qui|elle|il|elles|ils|je|j'|nous|on".split("|"))


def subject_before(ctx: NoteContext, pos: int) -> bool:
    """The words just before *pos*, past auxiliaries and adverbs, end in a subject that is a person: a
    pronoun ("she", "elle"), a person noun ("one delegate"), a found name ("E. Tanaka"), or "who"/"qui"
    after one of them ("a delegate who", "Amina, who"; not "women who", "un organisme qui")."""
    base = max(0, pos - 80)
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", ctx.text[base:pos]))
    ends = {c.end for c in ctx.candidates("PERSON")}
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        key = _key(w.group())
        if re.search(r"[.!?;:\n]", ctx.text[base + w.end():pos]):
            return False
        if key in _RELATIVES:
            return k > 0 and (_is_person_word(words[k - 1], base, ends) or words[k - 1].group()[:1].isupper())
        if _is_person_word(w, base, ends):
            return True
        complement = key in _OF_WORDS or w.group()[:1].isupper()  # "un agent de la GRC en poste à …"
        if key not in _FILLERS and not key.endswith("ly") and not complement:
            return False
    return False


_RELATIVES = frozenset({"who", "qui", "that"})


def _key(word: str) -> str:
    return re.sub(r"^(?:l|d|j|qu|n|s)['’]", "", fold(word))  # "L'intervenante", "qu'elle"


def _is_person_word(w: re.Match, base: int, ends: set) -> bool:
    """A pronoun, a person noun (a group of people only when it is a role: "delegates", not "women"),
    a demonym or the end of a found name."""
    key = _key(w.group())
    if base + w.end() in ends or (key in _SUBJECTS and key not in _RELATIVES) or key in ROLE_NOUNS:
        return True
    if key in GENERIC_NOUNS:
        return not plural_noun(key) and key not in ("people", "men", "women", "folks", "staff")
    return is_demonym(key) and not key.endswith("s")


_TREATY = re.compile(r"Treaty[ \t]+\d{1,2}(?:[ \t]+(?:territory|lands?)\b)?|(?:(?:le[ \t]+)?territoire[ \t]+du[ \t]+|le[ \t]+)?"
                     r"[Tt]raité[ \t]+(?:no[ \t]*|n°[ \t]*)?\d{1,2}\b")
_LANDS = re.compile(r"(?:the|le|les|la)[ \t]+(?:(?:unceded|traditional|ancestral|unsurrendered|shared|occupied|and|"
                    r"non[ \t]+cédés?|traditionnels?|ancestraux|ancestral|et)[ \t]+)*(?:territory|territories|lands|land|"
                    r"homelands|territoire|territoires|terres)[ \t]+(?:(?:non[ \t]+cédés?|traditionnels?|ancestraux)[ \t]+)*"
                    r"(?:of|de|du|des|d['’])[ \t]*(?:(?:the|la|le|les|l['’])[ \t]*)?(?:(?:nation|peuple|people|nations|"
                    r"peuples)[ \t]+(?:de[ \t]+|du[ \t]+|des[ \t]+|d['’])?)?", re.I)


# "the community of X", "la communauté de X", "la ville de X": the place is X
_SETTLEMENT = re.compile(r"(?:(?:the|la|le|l['’])[ \t]*)?(?:(?:small|remote|northern|petite|petit)[ \t]+)?(?:community|town|"
                         r"city|village|hamlet|municipality|region|island|communauté|ville|municipalité|région|île|"
                         r"réserve|collectivité)[ \t]+(?:of|de|du|d['’])[ \t]*", re.I)


def read_place(text: str, pos: int, capitalised: bool = True) -> Optional[tuple[int, int]]:
    """The place at *pos* after a cue (an article skipped): a gazetteer place, or when *capitalised*
    a run of capitalised words that is not an organization; with its province or country after it."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    treaty = _TREATY.match(text, pos)
    if treaty:  # "from Treaty 6 territory"
        return pos, treaty.end()
    land = _LANDS.match(text, pos) or _SETTLEMENT.match(text, pos)
    if land:  # "from the unceded territory of the Algonquin Anishinaabe", "du territoire non cédé de la nation X"
        pos = land.end()
    art = _ARTICLE.match(text, pos)
    start, end = pos, place_at(text, pos)  # "La Paz", "Le Caire", "The Pas" keep their article
    if end is None and art:
        start, end = art.end(), place_at(text, art.end())
    if end is None and capitalised:
        end = capitalised_run(text, start)
        if end is not None and (any(fold(w) in ORG_HEADS for w in re.findall(r"[\w'’]+", text[start:end]))
                                or text[start:end] in COMMON_ACRONYMS):
            return None  # an organization, or the acronym of a plan or a field ("partenaire du PNA")
    if end is None:
        return None
    return start, with_region(text, start, end)


_LISTED = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+)(?:(?:and|or|et|ou)[ \t]+)?(?:de[ \t]+la[ \t]+|de[ \t]+l['’]|du[ \t]+|"
                     r"des[ \t]+|de[ \t]+|d['’]|à[ \t]+|au[ \t]+|aux[ \t]+|en[ \t]+|from[ \t]+|in[ \t]+|the[ \t]+|la[ \t]+|"
                     r"le[ \t]+|l['’])?", re.I)


# The consultation's own country: "here in Canada", "notre pays, le Canada", "as Canadians" say nothing
# of who spoke.
HOST_PLACES = frozenset({"canada", "le canada", "the country", "le pays", "canadian", "canadians", "canadien",
                         "canadienne", "canadiens", "canadiennes"})


# "an Acadian from …", "a Cree Elder from …", "une aînée crie du …": the place after the person the demonym names
_DEMONYM_FROM = re.compile(r"((?:[ \t]+[^\W\d_][\w'’-]*){0,2}?)[ \t]+(?:from|of|de|du|des|d['’])[ \t]*(?=[^\W\d_])", re.I)


# "the only Inuk woman on the panel", "la seule Innue": a quasi-identifier the rapporteur may keep (the
# quasi recognizer flags the whole phrase), not a plain origin
_UNIQUE_BEFORE = re.compile(r"\b(?:only|sole|lone|first|seule?|première|premier|unique)[ \t]+$", re.I)


class PlaceFinder:
    """Collects the PLACE candidates of one note."""

    def __init__(self, ctx: NoteContext, rid: str):  # noqa: D107
        self.ctx = ctx
        self.text = ctx.text
        self.rid = rid
        self.out: list[Candidate] = []

    def emit(self, start: int, end: int, score: float = 0.9) -> None:
        """A PLACE of origin from *start* to *end*, and the known places listed with it ("de la
        Gaspésie et du Bas-Saint-Laurent", "from Iqaluit, Arviat and Rankin Inlet")."""
        while end > start:
            if norm(self.text[start:end]) in HOST_PLACES:
                return  # the host country is where everyone is from: never an origin that identifies
            self.out.append(Candidate(start, end, "PLACE", Reason.ORIGIN, recognizer=self.rid, prio=2, score=score))
            more = _LISTED.match(self.text, end)
            nxt = place_at(self.text, more.end()) if more else None
            start, end = (more.end(), with_region(self.text, more.end(), nxt)) if nxt else (end, end)

    def emit_demonym(self, start: int, end: int) -> None:
        """A demonym that names a person, and the place after it ("an Acadian from the Acadian Peninsula",
        "Atikamekw de Manawan", "une aînée crie de Chisasibi")."""
        self.emit(start, end)
        cue = _DEMONYM_FROM.match(self.text, end)
        nouns = cue.group(1).split() if cue else []
        if any(w.isupper() or fold(w) in FUNCTION_WORDS or fold(w) in SPEECH_VERBS for w in nouns):
            return  # only the person's nouns between ("Elder", "social worker"), not a verb ("A DEMANDÉ DES FONDS")
        span = read_place(self.text, cue.end()) if cue else None
        if span:
            self.emit(*span)

    def after_cues(self, rx: re.Pattern, capitalised: bool = True,
                   check: Optional[Callable[[re.Match, tuple[int, int]], bool]] = None) -> None:
        """Every place right after a match of *rx*, when *check* (if given) accepts it."""
        for m in rx.finditer(self.text):
            span = read_place(self.text, m.end(), capitalised)
            if span and (check is None or check(m, span)):
                self.emit(*span)

    def demonym_nouns(self, nouns: frozenset, french: bool) -> None:
        """'the Ghanaian expert', 'a Cree elder … said' (English, the demonym first) or 'l'experte
        sénégalaise', 'une aînée innue' (French, the demonym after the noun)."""
        text = self.text
        for m in re.finditer(r"[^\W\d_][\w'’-]*", text):
            key = ELIDED_ARTICLE.sub("", fold(m.group()))  # "l'invitée", "d'experte": the noun after its article
            if key not in nouns and key not in GENERIC_NOUNS:
                continue
            if french:
                gap = re.compile(r"[ \t]+").match(text, m.end())
                end = demonym_at(text, gap.end()) if gap else None
                if end and self._noun_speaks(m, key, end):
                    self.emit_demonym(gap.end(), end)
                continue
            for s, e in _demonym_before(self.ctx, m.start()):
                if self._noun_speaks(m, key, m.end()) and not _UNIQUE_BEFORE.search(text, max(0, s - 20), s):
                    self.emit_demonym(s, e)  # and the place after her: "a Cree Elder from Treaty 11 territory"

    def _noun_speaks(self, m: re.Match, key: str, end: int) -> bool:
        """A singular role noun is a person in the room; a plural one or a generic noun only when a
        speech verb follows ('the Kenyan delegates said'; not 'Canadian women should lead')."""
        if key in GENERIC_NOUNS and (plural_noun(key) or key in ("people", "men", "women", "folks", "staff")):
            return False  # "Haitian women say …": a group of people, not one speaker
        if key in GENERIC_NOUNS or plural_noun(key):
            return speech_after(self.text, end)
        return True


def sentence_start(text: str, pos: int) -> bool:
    """*pos* opens a sentence, a line or a bullet."""
    return bool(re.search(r"(?:^|[.!?:;\n][\"”»)]?)[ \t]*(?:[-–•*>][ \t]*)?$", text[max(0, pos - 6):pos]))


def plural_noun(key: str) -> bool:
    """A plural person noun ("delegates", "participantes", "invités"), which may be a group, not a speaker."""
    return key.endswith(("s", "x")) and key != "porte-parole"


def _demonym_before(ctx: NoteContext, pos: int) -> list[tuple[int, int]]:
    """The demonym or place just before a noun at *pos*: 'Sri Lankan rep', 'Cree elder', 'Ghanaian gender
    expert', 'the Rankin Inlet participant', 'our kuujjuaq colleague'."""
    text = ctx.text
    lo = max(0, pos - 50)
    prev = [(lo + w.start(), lo + w.end()) for w in re.finditer(r"[^\W\d_][\w'’-]*", text[lo:pos])]
    if not prev or text[prev[-1][1]:pos].strip(" \t"):
        return []
    tries = [prev[-2:], prev[-1:]] if len(prev) >= 2 else [prev[-1:]]
    if len(prev) >= 2 and text[prev[-1][0]].islower() == text[pos].islower() and not text[prev[-1][0]].isupper() \
            and _tagged_modifier(ctx, prev[-1][0]):
        tries.append([prev[-2]])  # one lower-case modifier between ("Ghanaian gender expert")
    for seq in tries:
        s, e = seq[0][0], seq[-1][1]
        if not re.fullmatch(r"[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?", text[s:e]) and len(seq) > 1:
            continue
        if is_demonym(text[s:e]):
            return [(s, e)]
    # a place made an adjective: "the Iqaluit participant", "the Regina youth delegate" (one modifier between)
    lower_modifier = len(prev) >= 2 and text[prev[-1][0]].islower() and _tagged_modifier(ctx, prev[-1][0]) \
        and _tagged_modifier(ctx, pos) \
        and bool(re.search(r"\b(?:the|an?|our|this|their)[ \t]+$", text[lo:prev[-2][0]], re.I))
    for last in ([prev[-1], prev[-2]] if lower_modifier else [prev[-1]]):
        j = prev.index(last)
        for k in range(min(3, j + 1), 0, -1):
            start = prev[j - k + 1][0]
            if place_at(text, start) == last[1] and norm(text[start:last[1]]) not in HOST_PLACES:
                return [(start, last[1])]
    return []


def _tagged_modifier(ctx: NoteContext, pos: int) -> bool:
    """The word at *pos* is an adjective or a noun modifier (spaCy's tag), not a verb ("the Philippines get")."""
    token = ctx.tokens.at(pos) if ctx.tokens is not None else None
    return token is not None and token.pos_ in ("ADJ", "NOUN")


def determined_one(text: str, noun_end: int) -> bool:
    """A generic noun made one of us: 'our elder', 'notre aînée' (a story's 'a woman from X' is not a speaker)."""
    before = text[max(0, noun_end - 30):noun_end]
    if re.search(r"\b(?:our|my|notre|mon|ma)[ \t]+(?:[\w'’-]+[ \t]+)?[\w'’-]+$", before, re.I):
        return True
    # "le monsieur de Chicoutimi trouve …", "the gentleman from Kenora": one person the note points back to
    return bool(re.search(r"(?:^|[.;:!?\n(—–-]\s*|\b(?:et|and|mais|but|puis|then)\s+)(?:the|this|that|la|le|l['’]|cette|ce)[ \t]*"
                          r"[\w'’-]+$", before, re.I))
