"""Context patterns for the trained model's spans: where a place is a speaker's origin, and where a body is the
subject of speech or presence (so stands for the people who spoke or came)."""
from __future__ import annotations

import re

__all__ = ["ORIGIN_BEFORE", "ORIGIN_AFTER", "PRESENT_AFTER"]

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
                            r"\breprésente|\ben tant que|\bback in|\bhere in|\bbased in|"
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
                           r"journalist|diplomat|avocate?|militante?|journaliste|médiatrice|médiateur|d'origine|installée?)\b", re.I)
