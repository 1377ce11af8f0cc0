"""Cue words and derived word classes the rules use (built from the vocabulary data files)."""
from __future__ import annotations

import re

from .vocab import (AFFILIATION_CUES_BEFORE, COUNTRIES, DEMONYMS, HONORIFICS, LABEL_WORDS, PLACES, ROLE_TITLES,
                    SPEECH_VERBS, fold)

PLACE_WORDS = COUNTRIES | DEMONYMS | PLACES
# Honorifics that are abbreviations or unambiguous titles: the next capitalised word is a name
# even if it is also an ordinary word ("Ms. Baker", "Mme Lapierre").
STRONG_HONORIFICS = frozenset(h for h in HONORIFICS if h.endswith(".") or h in {
    "mr", "mrs", "ms", "mx", "dr", "prof", "mme", "mlle", "m", "me", "lcol", "ltcol", "maj", "capt", "cpl",
    "sgt", "pte", "bgen", "mgen", "ltgen", "cdr", "supt", "insp", "cst", "elder", "senator", "mama", "maman",
    "dona", "doña", "madame", "monsieur", "mademoiselle", "professeure", "professeur", "docteure", "docteur",
    "sir", "dame", "miss", "auntie", "kokum", "imam", "rabbi", "reverend", "rev", "hon", "honourable"})
KIN_CUES = frozenset(fold(w) for w in """cousin|sister|brother|daughter|son|husband|wife|mother|father|aunt|uncle|
niece|nephew|deputy|colleague|assistant|friend|partner|boss|mentor|cousine|sœur|soeur|frère|fille|fils|mari|
épouse|mère|père|tante|oncle|collègue|adjointe|adjoint|amie|ami""".replace("\n", "").split("|"))
BEFORE_NAME_CUES = frozenset(fold(w) for w in """by|named|cited|citing|credited|mentioned|quoting|quoted|thanked|
cc|send|sent|told|invited|remind|reminded|hommage|replying|answering|with|and|et|nommé|nommée|cité|citée|
remercie|remercié|avec|merci|thanks|like|including|notamment|dont|asked|ask|call|called|email|e-mail|contact|
welcomed|introduced|joined|per""".replace("\n", "").split("|"))
RELATIVE_STARTS = frozenset(fold(w) for w in "a|an|the|who|whose|one|une|un|qui|dont|le|la|our|her|his|their|its|now|still|also".split("|"))
SKIP_BEFORE_VERB = frozenset(fold(w) for w in """also|again|then|later|immediately|briefly|quickly|strongly|firmly|
only|just|first|finally|too|still|had|has|have|was|is|would|could|a|ont|aussi|encore|ensuite|enfin|pour|sa|
never|not|n't|partly|explicitly|quietly|repeatedly|herself|himself|themselves""".replace("\n", "").split("|"))
LOWER_ORG_HEADS = frozenset({"office", "team", "unit", "branch", "division", "secretariat", "staff", "desk",
                             "bureau", "cabinet", "ministry", "department", "program", "programme"})
NON_NAME_LINE_LABELS = LABEL_WORDS | frozenset(fold(w) for w in """action|actions|consensus|agreed|points|note|
notes|q|a|group|groupe|grp|theme|themes|thème|thèmes|conclusion|question|answer|réponse|proposition|
désaccord|demain|follow-up|suivi|open|convergence|update|summary|synthèse|décision|decision|recommendation|
recommandation|reminder|rappel|todo|next|item|items|outcome|result|résultat|parked|issue|issues|
context|background|objective|objectif|goal|target|cible|indicator|indicateur|key|main|total|subtotal|sum|average|
mean|count|formula|cell|sheet|tab|column|row|field|link|date|time|status|owner|deadline|priority|comments|comment|
source|ref|reference|see|voir|total|résumé|titre|title|heading|section|page|annex|annexe""".replace("\n", "").split("|"))
NER_SUPPRESS = {"GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT",
                "QUANTITY", "ORDINAL", "CARDINAL"}
ATTRIB_NOUNS = frozenset(fold(w) for w in """rep|reps|representative|representatives|delegate|delegates|participant|
participants|expert|experts|panellist|panelist|speaker|official|officials|colleague|colleagues|guest|observer|
attendee|spokesperson|presenter|staffer|gentleman|lady|représentant|représentante|délégué|déléguée|participante|
experte|invitée|invité|panéliste|collègue|observatrice|observateur""".replace("\n", "").split("|"))
NAME_WORDS = frozenset(fold(w) for w in """hope|grace|joy|rose|may|will|summer|frank|said|
faith|dawn|april|june|bill|rob|rich|art|pat|sue|mark|guy|ray|don|lee|young|king|brown|white|black|green|gray|grey|
stone|wood|hill|field|frost|little|park|long|law|fox|wolf|swan|lamb|baker|cook|miller|mason|turner|carter|fisher|
shepherd|chase|page|price|ward|cash|gold|silver|star|sky|river|lake|bay|storm|rain|snow|sunny|honey|candy|ginger|
iris|lily|daisy|ivy|holly|heather|violet|olive|ruby|pearl|amber|crystal|jade|robin|jay|wren|peace|victory|
patience|charity|mercy|constance|prudence|hazel|autumn|winter|sky|sterling|noble|strong|best|short|small|
rich|bell|bush|rice|lane|marsh|reed|glass|hall|house|church|castle|cross|forest|ford|bishop|knight|dean|
earl|duke|major|sergeant|marshal|porter|potter|singer|taylor|weaver|walker|wright|smith|hope""".replace("\n", "").split("|"))
# Head-words of civil-society organization names (government units are left to the allow-list
# and the attribution cues).
CIVIL_HEADS = frozenset(fold(w) for w in """network|networks|alliance|coalition|collective|centre|center|society|
foundation|fund|institute|association|circle|forum|lodge|clinic|shelter|league|federation|
réseau|fédération|comité|collectif|regroupement|maison|cercle|alliance|fondation|clinique|refuge|
ligue|coalición|red|fundación|asociación|colectivo|centro""".replace("\n", "").split("|"))
PROGRAMME_WORDS = frozenset({"initiative", "program", "programme", "programs", "project", "projet", "operation"})
FRENCH_CIVIL_HEADS = frozenset(fold(w) for w in "réseau|fédération|comité|collectif|regroupement|maison|cercle|fondation|clinique|refuge|ligue|association|centre|coalición|red|fundación|asociación|colectivo|centro".split("|"))
NER_NON_PERSON = {"GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE", "DATE",
                  "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "MISC"}

ROLE_PRECEDERS = frozenset(fold(w) for w in "the|her|his|their|our|its|la|le|l'|sa|son|leur|notre|as|comme|en tant que".split("|"))
ROLE_FIRST = frozenset(t.split()[0] for t in ROLE_TITLES) | frozenset(t.split()[0].replace(".", "") for t in ROLE_TITLES)
CUE_RX = re.compile(r"(?<!\w)(" + "|".join(re.escape(fold(c)) for c in sorted(AFFILIATION_CUES_BEFORE, key=len, reverse=True))
                     + r")\s+(?:the\s+|la\s+|le\s+|l'|les\s+)?")
ROLE_MODIFIERS = frozenset({"group", "groupe", "table", "breakout", "session", "panel", "working", "plenary"})
ROLE_EXT_WORDS = frozenset(fold(w) for w in """of|for|at|in|on|from|responsible|the|a|an|de|du|des|la|le|l'|d'|pour|à|au|
aux|en|chargée|chargé|and""".replace("\n", "").split("|"))


FROM_PHRASE_SPEECH = re.compile(r"[ \t]+(?:from|of|at|with|de|du)[ \t]+(?:the[ \t]+|la[ \t]+|le[ \t]+|l'|our[ \t]+)?"
                                 r"[\w'’-]+(?:[ \t]+[\w'’-]+){0,2}?[ \t]+(?:also[ \t]+)?(" + "|".join(
                                     sorted((re.escape(v) for v in SPEECH_VERBS if " " not in v), key=len, reverse=True)) + r")\b")
# Verbs after which a capitalised given name is the person addressed ("asked Joy", "thanked Will").
ADDRESS_VERBS = frozenset(fold(w) for w in """asked|thanked|told|invited|cited|quoting|quoted|credited|welcomed|
introduced|replying|answering|named|reminded|remercie|remercié|remerciée|selon|demandé|invité|invitée""".replace("\n", "").split("|"))
# Cues strong enough to make a given name that is also an ordinary word ("Joy", "Will") a person.
LEXICON_CUES = ("subject of", "name followed by '(a", "speaker", "after title", "name followed by an apposition",
                 "questioner", "after label", "name in apposition", "name followed by '", "possessive", "after '")
# Words before which a month-like given name is a date ("in May", "by June").
# spaCy labels under which a lone given name is more likely a place or date ("Georgia", "Florence").
LEXICON_NER_VETO = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "EVENT", "LAW", "LANGUAGE"})
DATE_PRECEDERS = frozenset(fold(w) for w in """in|by|since|until|till|before|after|of|early|late|mid|from|to|
through|during|next|last|this|en|depuis|avant|après|fin|début|mi|d'ici|jusqu'en""".replace("\n", "").split("|"))
NAMED_THING_BEFORE = frozenset(fold(w) for w in """operation|hurricane|typhoon|cyclone|storm|project|programme|
program|opération|projet|ouragan|tempête|lake|mount|fort|port|saint|st|ste|cape|lac|mont""".replace("\n", "").split("|"))


