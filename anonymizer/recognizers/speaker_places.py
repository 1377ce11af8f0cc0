"""Places and nationalities that tell where a speaker comes from (kind PLACE), read from how people
say it rather than from the place alone.

A place goes when a cue ties it to a person: the speaker's own words ("I'm from", "I represent",
"my community of", "back home in", "as a Manitoban myself"), a person noun or a person before it
("the participant from", "a woman from … said", "Name, Halifax, Nova Scotia", "Name (Iqaluit)"), travel
and residence verbs with a person as subject ("who came down from", "she grew up in", "based in"),
a demonym before a person noun ("the Ghanaian expert") and the seat of a member ("the member for").
The same place as the subject of an idea stays ("shelters in Nunavut", "Canadian women", "funding for
the North"). Places are read whole from the gazetteer ("Cape Breton Island", "Addis Ababa",
"Halifax, Nova Scotia"), or as a capitalised run after a cue that only a place can follow.
The French cues are in :mod:`.french_origins`; both use the helpers here.
"""
from __future__ import annotations

import re

from ..gazetteer import capitalised_run, demonym_at, place_at, with_region
from ..given_names import is_given_name
from ..vocab import common_words, fold
from .base import Candidate
from .context import NoteContext
from .place_cues import (GENERIC_NOUNS, ROLE_NOUNS, PlaceFinder, determined_one, person_around, plural_noun,
                         read_place, sentence_start, speech_after)

_AS_A_DEMONYM = re.compile(r"\b(?:as|speaking as|en tant que|en tant qu['’]|comme|moi[, \t]+(?:qui suis[ \t]+)?)"
                           r"[ \t]*(?:(?:an?|une?|one|a proud|a fellow|fellow)[ \t]+)?(?=[^\W\d_])", re.I)
# ("as the only Inuk woman on the panel" is left to the quasi-identifier flag, which the rapporteur may keep)
_AFTER_AS_A = re.compile(r"[ \t]*(?:,|myself|herself|himself|themselves|ourselves|moi-même|elle-même|lui-même|moi|of|by|"
                         r"from|born|living|based|de|d['’]|née?|installée?|établie?|"
                         r"(?:[\w'’-]+[ \t]+)?(?:woman|women|man|mother|person|girl|femme|mère|fille|I|je|j['’]|and|et|"
                         r"who|qui)\b)", re.I)


# "of Korean descent", "d'origine vietnamienne", "Haitian-born"
_DESCENT = re.compile(r"\b(?:of|d['’]|de)[ \t]+(?=[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?[ \t]+(?:descent|origin|"
                      r"heritage|background|ancestry|extraction|parentage|roots)\b)|\bd['’]origine[ \t]+", re.I)
_BORN = re.compile(r"(?<![\w'’-])(?=[^\W\d_][\w'’]*(?:[ \t][^\W\d_][\w'’]*)?-born\b)")
# A demonym that is the noun of one person, in apposition: "Réjean, an Acadian from", "herself a
# Newfoundlander", "a Gaspésienne by birth", "Valentina, Colombienne installée à", "Lan, vietnamienne d'origine"
_APPOSED = re.compile(r"(?:,|\b(?:herself|himself|myself|themselves|elle-même|lui-même|moi-même))[ \t]*"
                      r"(?:(?:herself|himself|also|aussi|elle-même|lui-même)[ \t]+)?((?:an?|une?|one)[ \t]+)?"
                      r"(?=[^\W\d_])", re.I)
_NOUN_END = re.compile(r"[ \t]*(?:[,;:.)!?\n]|$|(?:by|from|who|of|de|du|des|qui|d['’]|and|et|living|based|born|"
                       r"née?|installée?|établie?|arrivée?|herself|himself|elle-même|lui-même)\b)", re.I)


def apposed_demonyms(f: PlaceFinder) -> None:
    """A demonym that names one person: after 'a'/'une' it must stand as a noun; without an article it
    must follow a name. A place after 'from'/'de' is then theirs too."""
    person_ends = {c.end for c in f.ctx.candidates("PERSON")}
    text = f.text
    for m in _APPOSED.finditer(text):
        end = demonym_at(text, m.end())
        if not end or not _NOUN_END.match(text, end):
            continue
        if m.group(1) is None and m.group().startswith(",") and m.start() not in person_ends \
                and not _opening_name(text, m.start()):
            continue
        f.emit_demonym(m.end(), end)
    for rx in (_DESCENT, _BORN):
        for m in rx.finditer(text):
            end = demonym_at(text, m.end()) or place_at(text, m.end())
            if end:
                f.emit(m.end(), end)


def _opening_name(text: str, pos: int) -> bool:
    """A single capitalised word opens the sentence just before *pos* ("Valentina, Colombienne …")."""
    m = re.search(r"(?:^|[.!?\n][ \t]*|^[ \t]*[-–•*][ \t]*)([A-ZÀ-Ý][\w'’-]+)$", text[max(0, pos - 40):pos], re.M)
    return bool(m) and (fold(m.group(1)) not in common_words() or is_given_name(fold(m.group(1))))


_I_AM = re.compile(r"\b(?:je[ \t]+suis|I['’]m|I[ \t]+am|nous[ \t]+sommes|we['’]re|we[ \t]+are)[ \t]+(?:(?:une?|an?|"
                   r"fière|fier|fières|fiers|proud|also|aussi|moi-même|myself|originally)[ \t]+)*(?=[^\W\d_])", re.I)


def as_a(f: PlaceFinder) -> None:
    """'As a Quebecer myself', 'speaking as an Inuk woman, I', 'en tant que Gaspésienne,', 'comme Acadienne, je';
    'I'm Haitian', 'je suis une Innue de Pessamit'."""
    for m in _AS_A_DEMONYM.finditer(f.text):
        end = demonym_at(f.text, m.end())
        if end and _AFTER_AS_A.match(f.text, end):
            f.emit_demonym(m.end(), end)
    for m in _I_AM.finditer(f.text):
        end = demonym_at(f.text, m.end())
        if end:
            f.emit_demonym(m.end(), end)


_SELF_EN = [
    r"\b(?:I['’]m|I am|we['’]re|we are)[ \t]+(?:(?:originally|also|actually|just|all|here|now|currently|visiting|"
    r"calling|dialing|dialling|joining|coming|zooming|speaking|tuning)[ \t]+)*(?:(?:in|you|us|to you|today|"
    r"this morning|this afternoon|virtually|remotely|online)[ \t]+)*from[ \t]+",
    r"\b(?:I['’]m|I am)[ \t]+an?[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?:woman|man|person|mother|girl|member|citizen|resident|"
    r"native|survivor|grandmother|youth|daughter|son)[ \t]+(?:from|of|in)[ \t]+",
    r"\b(?:she|he|they|who)(?:['’]s|['’]re|[ \t]+is|[ \t]+are|[ \t]+was|[ \t]+were)[ \t]+(?:(?:originally|also|"
    r"actually|all the way|here|visiting|joining us|calling in)[ \t]+)*from[ \t]+",
    r"\b(?:I['’]m|I am|we['’]re|we are)[ \t]+(?:(?:also|currently|now|still)[ \t]+)?(?:based|located|living|"
    r"stationed)[ \t]+(?:in|out of)[ \t]+",
    r"\b(?:I|we)[ \t]+(?:(?:originally|also|actually|still|currently|now|all|just)[ \t]+)?(?:come|came|live|lived|"
    r"grew up|was born|were born|was raised|were raised|flew|drove|travell?ed|moved here|called in|dialed in|"
    r"dialled in|joined|hail)(?:[ \t]+(?:down|up|over|in|here|all the way|and raised|today|this morning|yesterday|"
    r"to be here|to Ottawa))*[ \t]+(?:from|in|on)[ \t]+",
    r"\b(?:I|we)[ \t]+(?:(?:also|currently|proudly)[ \t]+)?(?:represent|am representing|are representing)[ \t]+"
    r"(?:the[ \t]+(?:city|town|village|community|region|province|territory|riding|people|women)[ \t]+of[ \t]+)?",
    r"\b(?:my|our)[ \t]+(?:home[ \t]+)?(?:community|hometown|home town|town|city|village|province|"
    r"territory|country|nation|reserve|region|riding|constituency|island)[ \t]*(?:of|,|is|in|up in|here in)[ \t]*",
    r"\bback home (?:in|on)[ \t]+",
    r"\b(?:I['’]m|I am)[ \t]+(?:(?:currently|now|still|here|also|today)[ \t]+)?(?:in|on)[ \t]+"
    r"(?=[A-ZÀ-Ý]|the[ \t]+(?:unceded|traditional|ancestral)|Treaty)",
    r"\b(?:on behalf of|speaking for|representing|au nom (?:de la|de l['’]|du|des|de|d['’])|représentante?s?|"
    r"parlant pour)[ \t]*(?=[^\W\d_])",
    r"\b(?:the|a)[ \t]+(?:member|MP|member of parliament|MPP|MLA|MNA|MHA|senator|councillor|councilor|mayor|"
    r"chief)[ \t]+for[ \t]+",
    r"\bas[ \t]+(?:someone|somebody|a (?:woman|man|mother|person|resident|native|daughter|son)|one)[ \t]+"
    r"(?:from|of)[ \t]+",
]
_SELF_EN_RX = re.compile("|".join(f"(?:{p})" for p in _SELF_EN), re.I)
_HERE_IN = re.compile(r"\b(?:here|out here|up here|down here)[ \t]+in[ \t]+", re.I)
_WE_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:we|I|our|my|us)\b", re.I)
# going home: "everyone heading home to Kugluktuk", "she flies back to Inuvik" (not "going to Geneva for talks")
_HOMEWARD = re.compile(r"\b(?:going|heading|flying|driving|travell?ing|getting|went|headed|flew|drove|returning|returned|"
                       r"goes|heads|flies|drives|returns)[ \t]+(?:back[ \t]+(?:home[ \t]+)?|home[ \t]+)to[ \t]+", re.I)
_TRAVEL = re.compile(r"\b(?:came|comes|come|coming|flew|flown|flies|drove|drives|travell?ed|travels|arrived|arrives|"
                     r"joined|joins|joining|visiting|dialed|dialled|called|zoomed|hails|hailed|made the trip|connected|"
                     r"speaking|calling|dialing|dialling|zooming|tuning|logging|phoning|"
                     r"made the journey|logged on|logged in|phoned in|tuned in)(?:[ \t]+(?:in|down|up|over|here|all the way|us|"
                     r"today|tonight|this morning|yesterday|to Ottawa|to be here|to join us|by phone|by video|by zoom|"
                     r"on zoom|on teams|online|remotely|virtually|via video|via zoom|via teams|in person|by video link))*"
                     r"[ \t]+from[ \t]+", re.I)
_GREETING = re.compile(r"\b(?:greetings|hello|hi|hey|salut|bonjour|salutations|bonsoir|cheers|regards|love|kwe|"
                       r"ullaakkut|aanii|tansi)[ \t]+(?:(?:everyone|all|folks|à tous|à toutes|tout le monde)[ \t]*,?[ \t]*)?"
                       r"(?:from|de|du|des|d['’])[ \t]*", re.I)
_RESIDENCE = re.compile(r"\b(?:lives|lived|living|grew up|was born|were born|born and raised|raised|resides|"
                        r"resided|is based|are based|based|located|stationed|settled|posted|works|worked|working)"
                        r"(?:[ \t]+(?:and raised|up|now|currently|still))*[ \t]+(?:in|out of|at|to)[ \t]+(?=[A-ZÀ-Ý])", re.I)
_PERSON_FROM = re.compile(r"[ \t]*,?[ \t]*(?:(?:who|that)[ \t]+(?:is|was|are|were|['’]s)[ \t]+)?(?:(?:originally|"
                          r"all the way|here|visiting|joining us|calling in|dialing in|in|up|down)[ \t]+)*"
                          r"(?:from|of)[ \t]+", re.I)
_LABEL_LINE = re.compile(r"(?m)^[ \t]*(?:[-–•*>][ \t]*)?(?=[^\W\d_])")


# after a speaker's body or title, a comma and a town: her town ("…, Org, Town", "…, de Ville")
_UNIT = r"(?:regional[ \t]+)?(?:office|branch|chapter|section|detachment|bureau)"
_AFTER_AFFILIATION = (r"(?:[ \t]*\)?[ \t]*(?:,|–|—)[ \t]*(?:" + _UNIT + r"[ \t]+(?:in|at|à|de|du|d['’])[ \t]*)?"
                      r"(?:(?:de|du|à|au|en|from|in|based[ \t]+in|now|originally[ \t]+from|basée?[ \t]+à)[ \t]+|d['’][ \t]*)?|"
                      r"[ \t]*\([ \t]*|"
                      # her body's office there: "the X office in Town", "le bureau de X à Ville"
                      r"[ \t]+" + _UNIT + r"[ \t]+(?:in|at|à|de|du)[ \t]+)")


class SpeakerPlaces:
    """Where a speaker comes from, said in English (and the cue-free captions of both languages)."""

    id = "speaker_places"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """Places after the speaker's own cues, travel and residence cues, person nouns and names;
        demonyms before person nouns and after 'as a'."""
        f = PlaceFinder(context, self.id)
        text = context.text
        f.after_cues(_SELF_EN_RX)
        f.after_cues(_HERE_IN, check=lambda m, s: bool(_WE_AFTER.match(text, s[1]))
                     or bool(re.search(r"\b(?:we|us)[ \t]+$", text[:m.start()], re.I)))
        f.after_cues(_TRAVEL, check=lambda m, s: person_around(context, m, s))
        f.after_cues(_HOMEWARD)
        f.after_cues(_GREETING, capitalised=False)
        f.after_cues(_RESIDENCE, check=lambda m, s: person_around(context, m, s))
        self._after_people(f)
        f.demonym_nouns(ROLE_NOUNS, french=False)
        as_a(f)
        apposed_demonyms(f)
        self._captions(f)
        self._based(f)
        return f.out

    @staticmethod
    def _after_people(f: PlaceFinder) -> None:
        """'the participant from Rankin Inlet', 'a woman from Kuujjuaq said', 'Name of Iqaluit'."""
        text = f.text
        anchors = [(c.end, False) for c in f.ctx.candidates("PERSON")]
        for m in re.finditer(r"[^\W\d_][\w'’-]*", text):
            key = fold(m.group())
            if key in GENERIC_NOUNS:
                if not plural_noun(key) and key not in ("people", "men", "women", "folks", "staff"):
                    anchors.append((m.end(), True))  # "women from Sudan face violence": a group, never a speaker
            elif key in ROLE_NOUNS and (not m.group()[:1].isupper() or m.group().isupper()
                                        or sentence_start(text, m.start())):
                anchors.append((m.end(), plural_noun(key)))
        for end, weak in anchors:
            cue = _PERSON_FROM.match(text, end)
            if not cue:
                continue
            span = read_place(text, cue.end(), capitalised=not weak and "of" not in cue.group().lower())
            if span and (not weak or speech_after(text, span[1]) or determined_one(text, end)):
                f.emit(*span)

    @staticmethod
    def _captions(f: PlaceFinder) -> None:
        """'Name, Halifax, Nova Scotia', 'Name (Iqaluit)', 'Name – Yellowknife', 'Name (Yorkton—Melville, CPC)';
        and a line opened by a place that speaks in the first person ('Kenya: we support …')."""
        text = f.text
        ends = [(c.end, r"[ \t]*(?:,|\(|–|—|-)[ \t]*") for c in f.ctx.candidates("PERSON")]
        for m in re.finditer(r"(?<![\w'’-])[^\W\d_][\w'’-]*(?:[ \t]+(?:\d{1,3}|[A-Z])\b)?(?=[ \t]*\()", text):
            if fold(m.group().split()[0]) in ROLE_NOUNS:  # "Speaker 3 (Kenya):", "Témoin B (Haïti)"
                ends.append((m.end(), r"[ \t]*\([ \t]*"))
        # "Name, Org, Town", "I'm the lead at Org, from Town", "analyste chez Org, de Ville": her town
        ends += [(c.end, _AFTER_AFFILIATION) for c in f.ctx.candidates("ORG") + f.ctx.candidates("ROLE")]
        for end0, rx in ends:
            m = re.compile(rx).match(text, end0)
            if not m:
                continue
            end = place_at(text, m.end())
            if end is None and m.group().strip() == "(":
                end = capitalised_run(text, m.end())
                if end is not None and not re.compile(r"[ \t]*[,)]").match(text, end):
                    end = None
            if end is not None:
                f.emit(m.end(), with_region(text, m.end(), end))
        for m in _LABEL_LINE.finditer(text):
            end = place_at(text, m.end())
            if end and re.compile(r"[ \t]*:[ \t]*[\"“«]?[ \t]*(?:[^\n]{0,40}?\b)?(?:we|I|our|my|nous|je|notre|"
                                  r"j['’])\b", re.I).match(text, end):
                f.emit(m.end(), end)

    @staticmethod
    def _based(f: PlaceFinder) -> None:
        """'a Whitehorse-based lawyer': a place made an adjective of a person."""
        text = f.text
        for m in re.finditer(r"-based[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+)?([^\W\d_][\w'’-]*)", text):
            if fold(m.group(1)) not in ROLE_NOUNS | GENERIC_NOUNS:
                continue
            for w in re.finditer(r"(?<![\w'’.-])[^\W\d_]", text[max(0, m.start() - 40):m.start()]):
                k = max(0, m.start() - 40) + w.start()
                if place_at(text, k) == m.start():
                    f.emit(k, m.start())
                    break
