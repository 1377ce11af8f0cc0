"""Context patterns for the trained model's spans: where a place is a speaker's origin, where a body is the
subject of speech or presence (so stands for the people who spoke or came), and the cues that tie a body to a
speaker (``attributed``: "officials of …", "Jo (…)", "… rep", "speaking for …", a witness introduced by her body)."""
from __future__ import annotations

import re

from .trained_span_edges import WORD
from .trained_span_lines import opens_line

__all__ = ["COLLECTIVE_BEFORE", "DATE_BEFORE", "FOR_BEFORE", "ORIGIN_AFTER", "ORIGIN_BEFORE", "PAREN_BEFORE",
           "PRESENT_AFTER", "SAID", "attributed", "heard_as_witness"]

# a month after a word of time ("by June", "d'ici juin"): a date, though June is also a name
DATE_BEFORE = re.compile(r"\b(?:by|in|until|till|since|before|after|from|early|late|mid|next|last|this|en|d['’]ici|"
                         r"depuis|avant|après|jusqu['’]en|jusqu['’]à|fin|début|mi|dès|de)[ \t-]+$", re.I)
# a people named by its demonym after a collective noun ("la diaspora soudanaise"), not one speaker
COLLECTIVE_BEFORE = re.compile(r"\b(?:diaspora|diasporas|community|communities|communauté|communautés|population|"
                               r"populations|people|peoples|peuple|peuples|refugees|réfugiés|réfugiées|nationals|"
                               r"ressortissants|ressortissantes)[ \t]+$", re.I)

# A body as the subject of speech or presence: "la grc a dit", "cbsa has said", "l'asfc n'était pas présente",
# "the sq sent someone", "justice wasn't in the room"
PRESENT_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:a|ont|avait|avaient|has|have|had)\s+(?:dit|noté|souligné|rappelé|précisé|ajouté|expliqué|"
    r"répondu|indiqué|affirmé|said|noted|stressed|explained|added|replied|told us)\b|"
    r"(?:n['’]|ne\s+)?(?:était|étaient|was|were|wasn't|weren't)\s+(?:pas\s+|not\s+)?"
    r"(?:là|présente?s?|present|there|in the room|absente?s?|absent|représentée?s?|represented)\b|"
    # the present tense only in the negative: "the RCMP is present in 600 communities" is subject matter
    r"(?:n['’]|ne\s+)(?:est|sont)\s+pas\s+(?:là|présente?s?|venue?s?)\b|(?:isn't|aren't|is not|are not)\s+(?:here|there|in the room)\b|"
    r"(?:a|ont|has|have)?\s*(?:envoyé|sent)\s+(?:quelqu|someone|somebody|une?\b|a\b|two|deux|\d))", re.I)
ORIGIN_BEFORE = re.compile(r"(?:\b(?:came|come|comes|coming|down|up|over|travelled|traveled|flew|is|am|are|was|were|"
                            r"participant|delegate|expert|colleague|someone|speaker|woman|man|member|panellist|rep|"
                            r"representative|here|all the way)\s+from|\brepresent(?:ing|s)?|\bas an?|\bvenue? d[eu']|\boriginaire d[eu']|"
                            r"\breprésente|\ben tant que|\bback in|\bhere,?\s+in|\bbased in|"
                            # a delegation speaking for its country ("the representative of Ghana", "au nom du Chili")
                            r"\b(?:representatives?|delegat(?:e|es|ion)|ambassador|envoy)\s+(?:of|for)|\bon behalf of|\bspeaking for|"
                            r"(?:'m|'re|\bam|\bare)\s+(?:originally\s+)?from|"
                            # joined, flew in or lives there; "we in X", "ici à X", "notre collègue de X"
                            r"\b(?:flew|flown|join(?:s|ed|ing)?|dial(?:l?ed|l?ing|s)?|call(?:s|ed|ing)|drove|driven|connect(?:s|ed|ing)?|"
                            r"zoom(?:s|ed|ing)?|log(?:s|ged|ging) in|tun(?:es|ed|ing) in)\b[^.\n]{0,20}?\bfrom|"
                            # "venue en train de Rimouski", "arrivée hier de Moncton", "une chercheuse sénégalaise"
                            r"\b(?:venue?s?|arrivée?s?|descendue?s?|montée?s?)\b[^.\n]{0,25}?\b(?:de|du|d')|"
                            r"\b(?:une?|l['’]|la|le|cette|ce|notre)\s*(?:étudiante?|femme|homme|collègue|participante?|"
                            r"experte?|chercheuse|chercheur|militante?|avocate?|journaliste|intervenante?|déléguée?|"
                            r"représentante?|aînée?|dame|jeune)|"
                            r"\b(?:greetings|hello|hi|salutations|bonjour)\s+(?:from|de|d')|\b(?:posted|stationed)\s+(?:in|at)|\ben poste (?:à|au|en)|"
                            r"\b(?:born|raised|grew up|lives?|living|lived|resides?|residing)\s+(?:and raised\s+)?in|"
                            r"\b(?:we|us|those of us)\s+(?:here\s+)?in|\bici,?\s+(?:à|au|en)|\bchez nous,?\s+(?:à|au|en)|"
                            r"\b(?:habite|habitent|vit|vivent|née?s?|installée?s?)\s+(?:à|au|en|aux)|\bdepuis|"
                            r"\b(?:collègues?|participante?s?|experte?s?|membres?|femmes?|aînée?s?|intervenante?s?)\s+(?:de|du|d')|"
                            r"\breprésentante?s?\s+(?:des|d[eu'])|\bdélégu(?:ée?s?|ation)\s+(?:des|d[eu'])|\bambassadrice\s+d[eu']|\bau nom d[eu'])"
                            r"\s*(?:the\s+|la\s+|le\s+|les\s+|l['’])?$", re.I)
ORIGIN_AFTER = re.compile(r"^\s*(?:'s\s+(?:delegate|delegation|representative|ambassador|envoy)\b|myself|moi-même|expert|participant|delegate|member|colleague|speaker|panellist|"
                           r"panelist|representative|rapporteur|attendee|woman|man|elder|experte?|participante?|"
                           r"déléguée?|collègue|représentante?|aînée?|femme|homme|lawyer|activist|mediator|advocate|"
                           r"journalist|diplomat|visitor|guest|avocate?|militante?|journaliste|médiatrice|médiateur|invitée?|visiteuse|"
                           r"visiteur|d'origine|installée?)\b", re.I)

_PERSON_NOUNS = (r"officials?|witness(?:es)?|representatives?|reps?|colleagues?|people|folks|someone|"
                 r"delegates?|delegation|team|person|perspective|side|expert|représentante?s?|"
                 r"fonctionnaires|collègues|gens|équipe|délégation|déléguée?s?|côté|point de vue|guys?|ppl|qqn|"
                 r"quelqu'un|somebody|nobody|personne|woman|man|lady|officer|lawyer|note-taker|staffer|analyst|"
                 r"advis[eo]r|spokesperson|employees?|officers|agente?|avocate?|dame|femme|homme|gars|madame|monsieur|fille|gal|dude|"
                 r"analyste|conseill[eè]re|conseiller|gestionnaire|chercheuse|chercheur|employée?")
_SPEAKING_FOR = r"speaking for|on behalf of|representing|au nom d[eu']|de la part d[eu']|pour le compte d[eu']"
# speaking for a body, not only belonging to it: the body goes even when its name is ordinary words
FOR_BEFORE = re.compile(r"\b(?:" + _SPEAKING_FOR + r")\s*(?:the\s+|la\s+|le\s+|l')?$", re.I)
_CUE_BEFORE = re.compile(
    r"\b(?:" + _SPEAKING_FOR + r"|(?:du\s+)?côté|"
    r"(?:" + _PERSON_NOUNS + r")\s+(?:of|from|at|with|de|du|des|d'|chez|à|au|aux))\s*(?:the\s+|la\s+|le\s+|l')?$", re.I)
# a hearing introduces its witnesses by their body: "I welcome officers of the X", "our first panel is from the X",
# "welcome to the X", "bienvenue aux représentants de la X", "From the X we have Ms …", "de la GRC : M. …",
# "Name (Place) (Party):"
_WITNESS_BEFORE = re.compile(r"\b(?:(?:officers|witnesses|panel|panellists|guests|delegation)\s+(?:(?:is|are)\s+)?(?:of|from)|"
                             r"welcome\s+(?:you\s+)?to|bienvenue\s+(?:à|aux?)|"
                             # "la commission entend le ministère …", "nous entendons aujourd'hui la …"
                             r"(?:entend|entendons|entendrons|entendre)\s+(?:(?:aujourd['’]hui|maintenant|ensuite|"
                             r"enfin|d['’]abord)\s+)?(?:(?:les\s+)?représentants?\s+(?:de|du|des|d['’]))?|"
                             r"(?:nous\s+)?(?:accueillons|recevons)(?:\s+\w+){0,2}\s+(?:de|du|des|d['’]))\s*"
                             r"(?:the\s+|la\s+|le\s+|les\s+|l['’])?$", re.I)
_WITNESS_AFTER = re.compile(r"^(?:\s*,?\s*(?:we\s+have|I\s+welcome|we\s+welcome|we\s+hear|nous\s+(?:accueillons|"
                            r"recevons|avons))\b|\s*:\s*(?:M|Mme|Mr|Ms|Mrs|Dr|Dre)\.?\s|\)\s*:)", re.I)
# the next line opens with a courtesy title and a name: a witness listed under her body
_WITNESS_BELOW = re.compile(r"^[ \t]*\n[ \t]*(?:[-•*][ \t]*)?(?:Mr|Mrs|Ms|Miss|Dr|Prof|M|Mme|Mmes|MM|Me|Dre|Pr)\.?[ \t]+"
                            r"[A-ZÀ-Ý]")
_AT_BEFORE = re.compile(r"\b(?:at|chez)\s+$", re.I)
_WE_AFTER = re.compile(r"^\s*,?\s*(?:we|our|nous|on)\b", re.I)
PAREN_BEFORE = re.compile(r"\(\s*(?:the\s+|la\s+|le\s+|les\s+|l['’])?$", re.I)
# after a name or a title: "Director General, X", "Jo Tan – X", "the policy director at X", "Kim of the X"
_SEPARATOR_BEFORE = re.compile(r"(?:\s*[,—–|/-]\s*|\s+(?:at|of|from|with|for|de|du|des|chez|à|au)\s+|\s+d['’])"
                               r"(?:the\s+|la\s+|le\s+|les\s+|l['’])?$", re.I)
# "(Name, X)": a name and its body in brackets (not "(e.g., X)")
_NAME_COMMA_PAREN = re.compile(r"\((?!\s*(?:e\.g|i\.e|eg|ie|incl|including|notably|such as|like|see|par ex|notamment|dont)\b)"
                               r"[^()\n,]{1,40},\s*(?:the\s+|la\s+|le\s+|l['’])?$", re.I)
_CUE_AFTER = re.compile(r"^\s*(?:'s\s+)?(?:" + _PERSON_NOUNS + r")\b", re.I)
# "X policy officer", "X senior analyst": a body right before a person's function, with one or two words between
_FUNCTION_AFTER = re.compile(r"^\s+(?:[a-z][a-z-]*\s+){1,2}(?:officers?|analysts?|advis[eo]rs?|lawyers?|staffers?|"
                             r"reps?|representatives?|officials?|delegates?|leads?|managers?|coordinators?|directors?|"
                             r"specialists?|spokesperson|note-taker|employees?)\b")
# what the people of a body should do is a recommendation about them, not a report of one who spoke
# ("officials of the X should be trained", "les fonctionnaires de la X doivent …")
_PRESCRIBED_AFTER = re.compile(r"^\s*(?:should|must|ought|need\s+to|have\s+to|devraient|doivent|devrait|doit|"
                               r"auraient\s+intérêt)\b", re.I)
_FROM_BEFORE = re.compile(r"\b(?:from|de|du|d')\s*(?:the\s+)?$", re.I)
# Verbs of speaking that make a body the voice of someone in the room ("cbsa said"); "wants", "calls for" do not.
SAID = frozenset("""said says noted notes argued argues stressed stresses explained explains added adds asked asks
mentioned mentions pointed replied replies cautioned insisted recalled suggested suggests dit souligne souligné
note noté rappelle rappelé ajoute ajouté précise précisé explique expliqué""".split())


def heard_as_witness(before: str, after: str) -> bool:
    """A hearing introduces the span as a witness body ("officers of the …", "nous entendons le …")."""
    return bool(_WITNESS_BEFORE.search(before) or _WITNESS_AFTER.match(after))


def attributed(text: str, s: int, e: int, before: str, after: str, people_ends=frozenset()) -> bool:
    """An attribution cue ties the span to a speaker.

    "(…)" counts only right after a person or a title ("Jo (X)", "the director (X)"), not after the
    long form of an acronym; "at …" only with "we" ("at X we …").
    """
    people_of = _CUE_BEFORE.search(before) is not None and not _PRESCRIBED_AFTER.match(after)
    if people_of or _CUE_AFTER.match(after) or _FUNCTION_AFTER.match(after) or heard_as_witness(before, after):
        return True
    if _AT_BEFORE.search(before) and _WE_AFTER.match(after):
        return True
    paren = PAREN_BEFORE.search(before)
    if paren and (s - len(before) + paren.start()) in people_ends:
        return True
    sep = _SEPARATOR_BEFORE.search(before)
    if sep and (s - len(before) + sep.start()) in people_ends:
        return True
    if _NAME_COMMA_PAREN.search(before) and after.lstrip()[:1] in (")", ","):
        return True
    if (before == "" or before.rstrip(" \t").endswith("\n")) and _WITNESS_BELOW.match(after):
        return True  # a body heading the list of the people it sends ("X\nMs Dana Oduya, Chief Executive")
    if PRESENT_AFTER.match(after) or (opens_line(before) and after.lstrip(" \t")[:1] == ":"):
        return True  # "- wage: we applied …": a body as the label of a line speaks through its delegate
    nxt = WORD.search(after)
    speech_after = nxt is not None and after[:nxt.start()].strip() in ("", ",") and nxt.group().lower() in SAID
    return speech_after or (_FROM_BEFORE.search(before) is not None and after.lstrip()[:1] in (",", ")", ":"))
