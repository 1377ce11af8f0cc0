"""Where a speaker comes from, said in French: "je viens de Chibougamau", "originaire de Port-au-Prince",
"la participante de Kuujjuaq", "le délégué de la Côte-Nord", "l'experte sénégalaise", "une aînée innue a
dit", "chez nous, au Nunavik", "ma communauté, Uashat", "en tant que Gaspésienne", "la députée de
Shefford". The same place as the subject of an idea stays ("la situation en Haïti", "les femmes
autochtones du Nunavik manquent de services"): a place goes only after a cue that ties it to a person.
"""
from __future__ import annotations

import re

from ..vocab import fold
from .context import NoteContext
from ..gazetteer import is_demonym
from .place_cues import (GENERIC_NOUNS, ROLE_NOUNS, SPOKE, PlaceFinder, determined_one, person_around, plural_noun,
                         read_place, sentence_start, speech_after)
from .speaker_places import as_a

_DE = r"(?:de[ \t]+la[ \t]+|de[ \t]+l['’][ \t]*|de[ \t]+|du[ \t]+|des[ \t]+|d['’][ \t]*)"
_A = r"(?:à[ \t]+|au[ \t]+|aux[ \t]+|en[ \t]+|dans[ \t]+(?:la[ \t]+|le[ \t]+|l['’]|les[ \t]+)?)"
_SELF_FR = [
    rf"\b(?:je[ \t]+viens|nous[ \t]+venons|je[ \t]+suis|nous[ \t]+sommes|j['’]arrive|nous[ \t]+arrivons)[ \t]+"
    rf"(?:(?:ici|aussi|moi-même|directement|originaires?|natifs?|natives?|née?s?|venue?s?|arrivée?s?)[ \t]+)*"
    rf"(?:{_DE}|{_A})",
    rf"\b(?:j['’][ \t]*habite|nous[ \t]+habitons|je[ \t]+vis|nous[ \t]+vivons|je[ \t]+demeure|nous[ \t]+demeurons|"
    rf"j['’][ \t]*ai[ \t]+grandi|nous[ \t]+avons[ \t]+grandi|je[ \t]+réside|nous[ \t]+résidons)[ \t]+"
    rf"(?:(?:toujours|encore|maintenant|aujourd'hui)[ \t]+)?{_A}",
    r"\b(?:je|nous)[ \t]+(?:représente|représentons)[ \t]+(?:(?:la|les)[ \t]+(?:ville|municipalité|communauté|"
    r"région|circonscription|province|femmes|gens)[ \t]+(?:de[ \t]+|d['’]))?",
    r"\b(?:je|nous)[ \t]+(?:vous[ \t]+|me[ \t]+|nous[ \t]+)?(?:parle|parlons|joins|joignons|suis[ \t]+avec[ \t]+vous|"
    r"sommes[ \t]+avec[ \t]+vous|me[ \t]+joins[ \t]+à[ \t]+vous|me[ \t]+trouve|nous[ \t]+trouvons|connecte|"
    r"connectons)[ \t]+(?:(?:aujourd['’]hui|ce[ \t]+matin|ici)[ \t]+)*(?:depuis|de|à|du|au|en)[ \t]+",
    r"\bchez[ \t]+nous[ \t]*,?[ \t]*(?:à|au|aux|en|dans[ \t]+(?:la|le|l['’]|les))[ \t]*",
    r"\b(?:ma|notre|mon)[ \t]+(?:communauté|ville|village|région|province|pays|territoire|nation|"
    r"réserve|circonscription|municipalité|île)[ \t]*(?:natale[ \t]*)?(?:,|de|d['’]|du|des|à|au|est|c['’]est)?[ \t]*",
    rf"\b(?:le|la|un|une)[ \t]+(?:député|députée|sénateur|sénatrice|maire|mairesse|chef|cheffe)[ \t]+{_DE}",
    rf"\ben[ \t]+tant[ \t]+que[ \t]+(?:femme|personne|résidente?|citoyenne?|mère)[ \t]+{_DE}",
]
_SELF_FR_RX = re.compile("|".join(f"(?:{p})" for p in _SELF_FR), re.I)
# Cues that say the origin of a person by themselves: "originaire de", "née à", "venue de", "arrivée de"
# (singular forms only: "les réfugiées arrivées de Syrie" is a group, not a speaker)
_ORIGIN_FR = re.compile(rf"\b(?:originaire|natif|native|née?|venue?|revenue?|arrivée?|en[ \t]+provenance|"
                        rf"(?:elle|il)[ \t]+(?:vient|venait|arrive|arrivait))[ \t]+(?:(?:tout[ \t]+droit|directement|"
                        rf"ici|ce[ \t]+matin|hier|exprès)[ \t]+)*(?:{_DE}|{_A})", re.I)
# Cues that need a person before them: "basée à Moncton", "qui habite à Gaspé", "qui a grandi en Haïti"
_RESIDENCE_FR = re.compile(rf"\b(?:basée?s?|établie?s?|installée?s?|en[ \t]+poste|affectée?s?|travaille|travaillait|"
                           rf"qui[ \t]+(?:vient|venait|arrive|arrivait|habite|habitent|vit|vivent|réside|résident|"
                           rf"demeure|demeurent)|(?:a|ont)[ \t]+grandi|qui[ \t]+a[ \t]+grandi)[ \t]+(?:{_DE}|{_A})", re.I)
# a person's own trip home or here: "elle rentre à Rimouski ce soir", "nous retournons à Gaspé demain", "qui a
# pris le train de Matane" (a trip to a meeting, "elle va à Genève", says nothing of where someone lives)
_TRIP_FR = re.compile(r"\b(?:(?:rentre|rentrons|rentrent|rentrer|rentrait|retourne|retournons|retournent|retourner)"
                      r"[ \t]+(?:(?:ce[ \t]+soir|demain|chez[ \t]+(?:elle|lui|nous|eux)|bientôt)[ \t]+)*(?:à|au|aux|en)|"
                      r"pris[ \t]+(?:l['’]avion|le[ \t]+train|l['’]autobus|le[ \t]+bus|la[ \t]+route|le[ \t]+traversier)"
                      r"[ \t]+(?:depuis|de|à[ \t]+partir[ \t]+de))[ \t]+", re.I)
_HERE_FR = re.compile(r"\bici[ \t]*,?[ \t]*(?:à|au|aux|en)[ \t]+", re.I)
_WE_AFTER_FR = re.compile(r"[ \t]*,?[ \t]*(?:nous|on|je|j['’]|notre|nos|chez[ \t]+nous)\b", re.I)
_PERSON_DE = re.compile(rf"[ \t]*,?[ \t]*(?:(?:qui[ \t]+(?:vient|est|arrive)|venue?s?|arrivée?s?)[ \t]+)?"
                        rf"(?:(?:ici|tout[ \t]+droit)[ \t]+)?{_DE}", re.I)


_ADJECTIVE = re.compile(r"[ \t]+([a-zà-ÿ][\w'’-]*)")


class FrenchSpeakerPlaces:
    """Where a speaker comes from, said in French."""

    id = "french_speaker_places"

    def analyze(self, doc, context: NoteContext) -> list:
        """Places after the speaker's own cues, origin and residence cues and person nouns; demonyms
        after person nouns, after 'en tant que' and as the noun of a person who speaks."""
        f = PlaceFinder(context, self.id)
        text = context.text
        f.after_cues(_SELF_FR_RX)
        f.after_cues(_ORIGIN_FR)
        f.after_cues(_TRIP_FR)
        f.after_cues(_RESIDENCE_FR, check=lambda m, s: person_around(context, m, s))
        f.after_cues(_HERE_FR, check=lambda m, s: bool(_WE_AFTER_FR.match(text, s[1]))
                     or bool(re.search(r"\bnous[ \t]+(?:autres[ \t]+)?$", text[:m.start()], re.I)))
        _after_people(f)
        f.demonym_nouns(ROLE_NOUNS, french=True)
        as_a(f)
        _demonym_speakers(f)
        return f.out


def _after_people(f: PlaceFinder) -> None:
    """'la participante de Kuujjuaq', 'le délégué de la Côte-Nord', 'une femme de Sept-Îles a dit'."""
    text = f.text
    anchors = [(c.end, False) for c in f.ctx.candidates("PERSON")]
    for m in re.finditer(r"[^\W\d_][\w'’-]*", text):
        key = fold(m.group())
        if key in GENERIC_NOUNS:
            if not plural_noun(key):  # "les femmes du Nunavik": a group, never a speaker
                anchors.append((m.end(), True))
        elif key in ROLE_NOUNS and (not m.group()[:1].isupper() or m.group().isupper() or sentence_start(text, m.start())):
            anchors.append((m.end(), plural_noun(key)))
    for end, needs_speech in anchors:
        adjective = _ADJECTIVE.match(text, end)  # "l'infirmière sénégalaise de Gatineau"
        if adjective and is_demonym(adjective.group(1), specific=False):
            end = adjective.end()
        cue = _PERSON_DE.match(text, end)
        if not cue:
            continue
        span = read_place(text, cue.end(), capitalised=not needs_speech)
        if span and (not needs_speech or speech_after(text, span[1]) or determined_one(text, end)):
            f.emit(*span)


_DEMONYM_SUBJECT = re.compile(r"\b(?:une?|cette|ce|notre|la|le|l['’]|a|an|one|the|our|this)[ \t]*"
                              r"(?:(?:jeune|young|autre|other|vieille|old|aînée)[ \t]+)?([^\W\d_][\w'’-]*)(?=[ \t]+(?:(?:a|ont|had|has|also|aussi)[ \t]+)?"
                              r"([\w'’-]+))", re.I)


_APPOSED_DEMONYM = re.compile(r"[ \t]*[,(][ \t]*(?:la|le|l['’]|une?|the|a|an)[ \t]*([^\W\d_][\w'’-]*)", re.I)


def _demonym_speakers(f: PlaceFinder) -> None:
    """A demonym that is the noun of one person who speaks: 'une Haïtienne a rappelé', 'a Haitian noted', or
    stands in apposition to a name: 'Tania, la Chilienne' (never 'les Québécoises doivent être consultées')."""
    starts = {c.start for c in f.ctx.candidates("PERSON")}
    for c in f.ctx.candidates("PERSON"):  # "Tania, la Chilienne,", "edda (la danoise de l'ambassade)"
        m = _APPOSED_DEMONYM.match(f.text, c.end)
        if m and is_demonym(m.group(1)) and not fold(m.group(1)).endswith("s"):
            f.emit(m.start(1), m.end(1))
    for m in _DEMONYM_SUBJECT.finditer(f.text):
        name = re.compile(r"[ \t]+").match(f.text, m.end(1))
        if name and name.end() in starts and is_demonym(m.group(1)):  # "la Gaspésienne Odette Roy", "Kenyan lawyer"
            f.emit(m.start(1), m.end(1))
            continue
        plural = fold(m.group(1)).endswith("s") and not re.match(r"[ \t]+a[ \t]", f.text[m.end(1):])
        if is_demonym(m.group(1)) and fold(m.group(2)) in SPOKE and not plural:
            f.emit(m.start(1), m.end(1))
