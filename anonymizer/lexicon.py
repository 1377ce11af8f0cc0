"""Cue words and derived word classes the rules use (built from the vocabulary data files)."""
from __future__ import annotations

import os
import re

from .given_names import given_name_keys
from .vocab import (AFFILIATION_CUES_BEFORE, COUNTRIES, DATA, DEMONYMS, FUNCTION_WORDS, HONORIFICS, LABEL_WORDS, PLACES,
                    ROLE_TITLES, SPEECH_VERBS, common_words, fold, load, read_lines)

PLACE_WORDS = COUNTRIES | DEMONYMS | PLACES
# Honorifics that are abbreviations or unambiguous titles: the next capitalised word is a name
# even if it is also an ordinary word ("Ms. Baker", "Mme Lapierre").
STRONG_HONORIFICS = frozenset(h for h in HONORIFICS if h.endswith(".") or h in {
    "mr", "mrs", "ms", "mx", "dr", "prof", "mme", "mlle", "m", "me", "lcol", "ltcol", "maj", "capt", "cpl",
    "sgt", "pte", "bgen", "mgen", "ltgen", "cdr", "supt", "insp", "cst", "elder", "senator", "mama", "maman",
    "dona", "doña", "madame", "monsieur", "mademoiselle", "professeure", "professeur", "docteure", "docteur",
    "sir", "dame", "miss", "auntie", "kokum", "imam", "rabbi", "reverend", "rev", "hon", "honourable"})
KIN_CUES = load("kin_cues")
BEFORE_NAME_CUES = load("before_name_cues")
RELATIVE_STARTS = frozenset(fold(w) for w in "a|an|the|who|whose|one|une|un|qui|dont|le|la|our|her|his|their|its|now|still|also".split("|"))
SKIP_BEFORE_VERB = frozenset(fold(w) for w in """also|again|then|later|immediately|briefly|quickly|strongly|firmly|
only|just|first|finally|too|still|had|has|have|was|is|would|could|a|ont|aussi|encore|ensuite|enfin|pour|sa|
never|not|n't|partly|explicitly|quietly|repeatedly|herself|himself|themselves""".replace("\n", "").split("|"))
LOWER_ORG_HEADS = frozenset({"office", "team", "unit", "branch", "division", "secretariat", "staff", "desk",
                             "bureau", "cabinet", "ministry", "department", "program", "programme"})
# Words that label a line ("Action:", "Next steps:", "Résumé :"): never a speaker's name.
NON_NAME_LINE_LABELS = LABEL_WORDS | load("line_labels")
NER_SUPPRESS = {"GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT",
                "QUANTITY", "ORDINAL", "CARDINAL"}
ATTRIB_NOUNS = load("attrib_nouns")
# English contractions ("I'm", "We're"): grammar, never a name, even capitalised.
CONTRACTIONS = load("contractions")
# Given names that are also ordinary words ("Faith", "Sunny", "Will"): names only with evidence.
NAME_WORDS = frozenset(k for k in given_name_keys() if len(k) >= 3 and k in common_words() and k not in FUNCTION_WORDS)
# Head-words of civil-society organization names (government units are left to the allow-list
# and the attribution cues).
CIVIL_HEADS = load("civil_heads")
PROGRAMME_WORDS = frozenset({"initiative", "program", "programme", "programs", "project", "projet", "operation"})
FRENCH_CIVIL_HEADS = frozenset(fold(e) for e in read_lines(os.path.join(DATA, "fr", "civil_heads.txt")))

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
# Verbs after which a capitalised given name is the person addressed.
ADDRESS_VERBS = load("address_verbs")
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


