"""Recognizers: each one looks at a parsed note and proposes candidate spans with a reason.

Like Presidio's analyzer, detection is kept apart from replacement: recognizers only return
:class:`Candidate` objects; :mod:`anonymizer.resolve` merges them and
:mod:`anonymizer.replace` writes placeholders.  The recognizers share a :class:`NoteContext`
(words, folded text, spaCy doc) so each note is segmented once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..roster import AllowList, Roster
from ..given_names import is_given_name

from ..text import TokenIndex, Word, fold_same_length, segment
from ..vocab import (AFFILIATION_CUES_BEFORE, COUNTRIES, DEMONYMS, GENERIC_ALONE, HONORIFICS, LABEL_WORDS,
                    NAME_PARTICLES, NON_PERSON_PROPER, ORG_HEADS, ORIGIN_PERSON_NOUNS, PERSON_NOUNS, PLACES,
                    ROLE_TITLES, SPEECH_VERBS, STOP_PARTICLES, SUBJECT_HEADS, FUNCTION_WORDS, common_words, fold)

# Function words that are also common given names; the others (the, son, elle...) never stand for a person.
_MODALS_USED_AS_NAMES = frozenset({"may", "will"})


@dataclass
class Candidate:
    """A proposed span before overlap resolution."""

    start: int
    end: int
    label: str
    reason: str
    action: str = "redact"
    key: Optional[str] = None   # identity for placeholder numbering (same person, same number)
    prio: int = 1               # higher wins when overlapping candidates disagree on the label


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
_NON_NAME_LINE_LABELS = LABEL_WORDS | frozenset(fold(w) for w in """action|actions|consensus|agreed|points|note|
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
_PROGRAMME_WORDS = frozenset({"initiative", "program", "programme", "programs", "project", "projet", "operation"})
FRENCH_CIVIL_HEADS = frozenset(fold(w) for w in "réseau|fédération|comité|collectif|regroupement|maison|cercle|fondation|clinique|refuge|ligue|association|centre|coalición|red|fundación|asociación|colectivo|centro".split("|"))
NER_NON_PERSON = {"GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE", "DATE",
                  "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "MISC"}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w.+-]+\s*[\[(]\s*at\s*[\])]\s*[\w-]+(?:\s*(?:[\[(]\s*dot\s*[\])]|\.)\s*[\w-]+)+", re.I)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"']+|\b[\w-]+(?:\.[\w-]+)*\.(?:ca|com|org|net|io|info|me|fr|uk|gov|edu|int|co)(?:/[^\s<>()\"']*)?\b", re.I)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}\b")
_PHONE = re.compile(r"(?<![\w-])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]\d{3}[\s.-]\d{4}(?:\s*(?:x|ext\.?|poste)\s*\d{1,5})?(?![\w-])")
_QUASI = [
    re.compile(r"\b(?:as\s+)?(?:the|la|le|l'|one of the)\s+(?:only|youngest|oldest|sole|lone|seule|seul|"
               r"plus jeune|plus âgée|plus âgé|unique)\b[^.;:()\n\"“”«»]{2,90}", re.I),
    re.compile(r"\b(?:the|la|le)\s+(?:first|last|première|premier|dernière|dernier)\s+(?:\w+\s+){0,3}?"
               r"(?:woman|man|person|female|male|femme|homme|personne|one|Indigenous|Black|Inuk|Muslim)\b[^.;:()\n]{0,80}", re.I),
    re.compile(r"\b(?:who|whose|qui|dont)\s+(?!is\b|are\b|was\b|were\b|est\b|sont\b)[^.;:()\n\"“”«»]{3,100}", re.I),
    re.compile(r"\b(?:a|an|une|un)\s+(?:retired|former|ancienne|ancien|retraitée|retraité)\s+[^.;:()\n]{2,80}", re.I),
    re.compile(r"\bla même qui\b[^.;:()\n]{2,80}", re.I),
]
_ROLE_PRECEDERS = frozenset(fold(w) for w in "the|her|his|their|our|its|la|le|l'|sa|son|leur|notre|as|comme|en tant que".split("|"))
_ROLE_FIRST = frozenset(t.split()[0] for t in ROLE_TITLES) | frozenset(t.split()[0].replace(".", "") for t in ROLE_TITLES)
_CUE_RX = re.compile(r"(?<!\w)(" + "|".join(re.escape(fold(c)) for c in sorted(AFFILIATION_CUES_BEFORE, key=len, reverse=True))
                     + r")\s+(?:the\s+|la\s+|le\s+|l'|les\s+)?")
_ROLE_MODIFIERS = frozenset({"group", "groupe", "table", "breakout", "session", "panel", "working", "plenary"})
_ROLE_EXT_WORDS = frozenset(fold(w) for w in """of|for|at|in|on|from|responsible|the|a|an|de|du|des|la|le|l'|d'|pour|à|au|
aux|en|chargée|chargé|and""".replace("\n", "").split("|"))


_FROM_PHRASE_SPEECH = re.compile(r"[ \t]+(?:from|of|at|with|de|du)[ \t]+(?:the[ \t]+|la[ \t]+|le[ \t]+|l'|our[ \t]+)?"
                                 r"[\w'’-]+(?:[ \t]+[\w'’-]+){0,2}?[ \t]+(?:also[ \t]+)?(" + "|".join(
                                     sorted((re.escape(v) for v in SPEECH_VERBS if " " not in v), key=len, reverse=True)) + r")\b")
# Verbs after which a capitalised given name is the person addressed ("asked Joy", "thanked Will").
_ADDRESS_VERBS = frozenset(fold(w) for w in """asked|thanked|told|invited|cited|quoting|quoted|credited|welcomed|
introduced|replying|answering|named|reminded|remercie|remercié|remerciée|selon|demandé|invité|invitée""".replace("\n", "").split("|"))
# Cues strong enough to make a given name that is also an ordinary word ("Joy", "Will") a person.
_LEXICON_CUES = ("subject of", "name followed by '(a", "speaker", "after title", "name followed by an apposition",
                 "questioner", "after label", "name in apposition", "name followed by '", "possessive", "after '")
# Words before which a month-like given name is a date ("in May", "by June").
# spaCy labels under which a lone given name is more likely a place or date ("Georgia", "Florence").
_LEXICON_NER_VETO = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "EVENT", "LAW", "LANGUAGE"})
_DATE_PRECEDERS = frozenset(fold(w) for w in """in|by|since|until|till|before|after|of|early|late|mid|from|to|
through|during|next|last|this|en|depuis|avant|après|fin|début|mi|d'ici|jusqu'en""".replace("\n", "").split("|"))
_NAMED_THING_BEFORE = frozenset(fold(w) for w in """operation|hurricane|typhoon|cyclone|storm|project|programme|
program|opération|projet|ouragan|tempête|lake|mount|fort|port|saint|st|ste|cape|lac|mont""".replace("\n", "").split("|"))


class NoteContext:
    """Everything the recognizers share about one note (or one chunk of a long note)."""

    def __init__(self, text: str, doc, lang: str, roster: Roster, allow: AllowList, index: "RosterIndex"):  # noqa: D107
        self.text = text
        self.doc = doc
        self.lang = lang
        self.roster = roster
        self.allow = allow
        self.index = index
        self.ftext = fold_same_length(text)
        self.words: list[Word] = segment(text)
        self.common = common_words()
        self.tokens = TokenIndex(doc) if doc is not None else None
        self.word_starts = [w.start for w in self.words]
        # "all-lowercase fast typing": hardly any capitalised word, so case says nothing about names
        caps = sum(1 for w in self.words if w.cap)
        self.lowercase_style = len(self.words) >= 12 and caps <= len(self.words) * 0.04
        self.ents = []  # (start, end, label)
        if doc is not None:
            self.ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        self.ent_at: dict[int, tuple[int, int, str]] = {}
        for w in self.words:
            for e in self.ents:
                if e[0] <= w.start < e[1]:
                    self.ent_at[w.i] = e
                    break

    # ---- small helpers ---------------------------------------------------------------
    def is_common(self, w: Word) -> bool:
        """An ordinary lower-case word (or each part of a hyphenated one is)."""
        return is_common_key(w.key, self.common)

    def gap(self, a: Word, b: Word) -> str:
        return self.text[a.end:b.start]

    def prev_char(self, pos: int) -> str:
        j = pos - 1
        while j >= 0 and self.text[j] in " \t":
            j -= 1
        return self.text[j] if j >= 0 else "\n"

    def next_char(self, pos: int) -> str:
        j = pos
        n = len(self.text)
        while j < n and self.text[j] in " \t":
            j += 1
        return self.text[j] if j < n else "\n"

    def next_char_pos(self, pos: int) -> int:
        j = pos
        while j < len(self.text) and self.text[j] in " \t":
            j += 1
        return j

    def word(self, i: int) -> Optional[Word]:
        return self.words[i] if 0 <= i < len(self.words) else None

    def is_place(self, key: str) -> bool:
        return key in PLACE_WORDS

    def pos(self, w: Word) -> str:
        if self.tokens is None:
            return ""
        t = self.tokens.at(w.start)
        return t.pos_ if t is not None else ""

    def tag(self, w: Word) -> str:
        if self.tokens is None:
            return ""
        t = self.tokens.at(w.start)
        return t.tag_ if t is not None and self.lang == "en" else ""

    def ent_label(self, w: Word) -> Optional[str]:
        e = self.ent_at.get(w.i)
        return e[2] if e else None

    def line_start_before(self, w: Word) -> bool:
        """Only a bullet, number or spaces between the start of the line and *w*."""
        j = w.start - 1
        while j >= 0 and self.text[j] != "\n":
            if self.text[j] not in " \t-–—•*·>0123456789.)":
                return False
            j -= 1
        return True


# --------------------------------------------------------------------------------------
# Roster index: built once per (roster, allow-list) pair
# --------------------------------------------------------------------------------------
class RosterIndex:
    """Dictionary look-ups for every roster name variant and affiliation form."""

    def __init__(self, roster: Roster, allow: AllowList):  # noqa: D107
        self.roster = roster
        self.allow = allow
        roster.mark_allowlisted(allow)
        common = common_words()
        self.full: dict[tuple[str, ...], int] = {}
        self.single: dict[str, set[int]] = {}
        self.single_kind: dict[tuple[str, int], str] = {}
        self.prefix: dict[str, set[int]] = {}
        self.initials: dict[str, set[int]] = {}
        self.deletes: dict[str, set[str]] = {}
        for p in roster.people:
            firsts = p.first
            prefixes = {f for f in firsts if len(f) <= 4 and f not in _all_nicks()}
            for f in firsts:
                if f in prefixes and not self._is_real_name_part(p, f):
                    self.prefix.setdefault(f, set()).add(p.pid)
                    continue
                self.single.setdefault(f, set()).add(p.pid)
                self.single_kind[(f, p.pid)] = "first name" if f in _orig_firsts(p) else "nickname"
            for s in p.surnames:
                self.single.setdefault(s, set()).add(p.pid)
                self.single_kind[(s, p.pid)] = "surname"
            for f in firsts:
                for s in p.surnames:
                    self.full[tuple(f.split()) + tuple(s.split())] = p.pid
                for s in p.surnames:
                    self.full[tuple(f.split()) + (s[0],)] = p.pid  # "Jo K."
                    self.full[(f[0],) + tuple(s.split())] = p.pid  # "J. Kowalski"
            self.full[tuple(fold(p.name).split())] = p.pid
            for ini in p.initials:
                self.initials.setdefault(ini, set()).add(p.pid)
            for tok in set(firsts) | set(p.surnames):
                if len(tok) >= 5 and " " not in tok:
                    for d in _deletes(tok):
                        self.deletes.setdefault(d, set()).add(tok)
        # organizations: folded phrase -> (oid, literal allow-listed?)
        self.org_forms: dict[str, tuple[int, bool]] = {}
        self.org_acronyms: dict[str, tuple[int, bool]] = {}
        for o in roster.orgs:
            for f in o.forms:
                words = f.split()
                if len(words) == 1 and (f in common or f in PLACE_WORDS or f in ORG_HEADS or len(f) < 4):
                    continue
                if all(w in STOP_PARTICLES or w in ORG_HEADS for w in words):
                    continue
                self.org_forms.setdefault(f, (o.oid, f in allow._folded or o.allowlisted))
            for a in o.acronyms:
                if len(a) >= 2:
                    self.org_acronyms.setdefault(a, (o.oid, fold(a) in allow._folded or o.allowlisted))
        # allow-listed bodies: literal forms, short forms ("Pêches et Océans") and initials
        # derived from them ("SP") -- the short forms are protected like the literal ones
        self.allow_forms: set[str] = set(allow._folded)
        self.derived_acronyms: dict[str, str] = {}
        allow_words = {w for t in allow.terms for w in re.findall(r"[\w'-]+", t)}
        for t in allow.terms:
            words = _rwords(t)
            if len(words) < 2:
                continue
            trimmed = list(words)
            while len(trimmed) > 1 and fold(trimmed[-1]) in {"canada", "canadá"}:
                trimmed = trimmed[:-1]
                if len(trimmed) >= 2 or fold(trimmed[0]) not in common:
                    self.allow_forms.add(fold(" ".join(trimmed)))
            for seq in (words, trimmed):
                content = [w for w in seq if fold(w) not in STOP_PARTICLES and w[:1].isalpha() and not w.isupper()]
                if len(content) >= 2:
                    a = "".join(w[0] for w in content).upper()
                    if fold(a) not in allow._folded and a not in allow_words:
                        self.derived_acronyms.setdefault(a, t)
        # distinctive single words of participant orgs ("Bluewater", "Northlight"): capitalised in the
        # name, not ordinary words, places or nationalities
        self.org_words: dict[str, int] = {}
        for o in roster.orgs:
            if o.allowlisted:
                continue
            for w in _rwords(re.sub(r"\([^)]*\)", "", o.name)):
                fw = fold(w)
                if (len(fw) >= 4 and w[0].isupper() and fw not in common and not _placeish(fw)
                        and fw not in ORG_HEADS and fw not in STOP_PARTICLES):
                    self.org_words.setdefault(fw, o.oid)
        self._org_regex = self._compile_orgs()
        self.full_first = {k[0] for k in self.full}

    @staticmethod
    def _is_real_name_part(p, f: str) -> bool:
        return f in _orig_firsts(p)

    def _compile_orgs(self):
        forms = sorted(set(self.org_forms) | self.allow_forms, key=len, reverse=True)
        forms = [f for f in forms if f]
        if not forms:
            return None
        parts = []
        for f in forms:
            pat = re.escape(f).replace(r"\ ", r"[\s,]+").replace("'", "['’]?").replace(r"\-", r"\s*[-–]\s*")
            parts.append(pat)
        return re.compile(r"(?<![\w@.])(?:" + "|".join(parts) + r")(?!\w)")

    def typo_of(self, key: str) -> Optional[str]:
        """A roster name part within one edit (insert, delete, substitute, swap) of *key*."""
        if len(key) < 5 or not self.deletes:
            return None
        for d in _deletes(key) | {key}:
            hits = self.deletes.get(d)
            if hits:
                return sorted(hits)[0]
        return None


_SUFFIXES = (("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ly", ""),
             ("er", ""), ("ers", ""), ("ment", ""), ("ments", ""), ("ness", ""), ("d", ""))


_WORD_PREFIXES = ("under", "over", "cyber", "counter", "multi", "inter", "intra", "trans", "post", "pre", "non",
                  "anti", "sub", "super", "co", "re", "un", "mis", "self", "micro", "macro", "mega", "peace",
                  "sous", "sur", "auto", "contre", "cyber")
_ALL_CAPS_TOKENS = frozenset({"hyperlink", "mergefield", "pageref", "toc", "formtext", "include", "embed", "shape"})


def is_common_key(k: str, common) -> bool:
    """Ordinary vocabulary, including regular inflections the word lists leave out ("emerging"),
    possessives ("women's") and prefixed words ("underfunded", "cybersecurity")."""
    if k in common:
        return True
    if k.endswith(("'s", "’s")) and len(k) > 4:
        return is_common_key(k[:-2], common)
    if k.endswith(("s'", "s’")) and len(k) > 4:
        return is_common_key(k[:-1], common)
    if "-" in k:
        return all(is_common_key(p, common) for p in k.split("-") if p)
    if _inflected(k, common):
        return True
    if len(k) >= 8 and k.isalpha():
        for pre in _WORD_PREFIXES:
            # the rest must be a long word: "Underwood", "Coburn" stay names
            if k.startswith(pre) and len(k) - len(pre) >= 5 and _inflected(k[len(pre):], common):
                return True
    return False


_NOUN_SUFFIXES = ("tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance", "ence", "ism",
                  "isms", "ship", "ing", "ings", "ogy", "ics", "age", "ure", "ures", "ive", "ives", "ency", "ancy")


def _noun_like(w: Word, common) -> bool:
    """A common noun that reads as a label or heading: a plural, an abstract-noun suffix, or
    an ALL-CAPS dictionary word.  Names that are ordinary words ("Hope", "Will") are none of these."""
    k = w.key
    if k in NAME_WORDS:
        return False
    if w.upper and len(k) >= 4 and is_common_key(k, common):
        return True
    if k.endswith("s") and not k.endswith("ss") and len(k) > 4 and _inflected(k[:-1], common):
        return True
    if k.endswith("ies") and (k[:-3] + "y") in common:
        return True
    return k.endswith(_NOUN_SUFFIXES) and len(k) >= 6 and is_common_key(k, common)


def _hyphen_name(w: Word) -> bool:
    """'Anne-Laure', 'Jean-Rémi': every hyphenated part capitalised, short, not all caps, not a place."""
    parts = w.text.split("-")
    return (len(parts) == 2 and not w.upper and all(p[:1].isupper() and p[1:].islower() and 2 <= len(p) <= 9 for p in parts)
            and w.key not in PLACE_WORDS and not w.key.startswith(("saint-", "sainte-", "st-")))


def _inflected(k: str, common) -> bool:
    if k in common:
        return True
    for suf, rep in _SUFFIXES:
        if k.endswith(suf) and len(k) - len(suf) >= 3 and (k[: -len(suf)] + rep) in common:
            return True
    # doubled consonant: "planning", "stopped"
    for suf in ("ing", "ed"):
        if k.endswith(suf) and len(k) > len(suf) + 3 and k[-len(suf) - 1] == k[-len(suf) - 2] and k[: -len(suf) - 1] in common:
            return True
    return False


def _rwords(text: str) -> list[str]:
    return re.findall(r"[\w'’:-]+", text)


def _placeish(key: str) -> bool:
    """A place or nationality, including plural and feminine forms ("maliennes")."""
    if key in PLACE_WORDS:
        return True
    for suffix in ("s", "es", "e"):
        if key.endswith(suffix) and key[: -len(suffix)] in PLACE_WORDS:
            return True
    return False


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


_NICKS_CACHE: set[str] = set()


def _all_nicks() -> set[str]:
    if not _NICKS_CACHE:
        from ..vocab import NICKNAMES
        for full, nicks in NICKNAMES.items():
            _NICKS_CACHE.add(full)
            _NICKS_CACHE.update(nicks)
    return _NICKS_CACHE


def _orig_firsts(p) -> set[str]:
    from ..roster import _name_parts
    first, _ = _name_parts(p.name)
    out = {fold(" ".join(first)), fold(first[0])}
    out |= {x.replace("-", " ") for x in out}
    return out


# --------------------------------------------------------------------------------------
# Individual recognizers
# --------------------------------------------------------------------------------------
def recognize_contacts(ctx: NoteContext) -> list[Candidate]:
    """E-mails, URLs, @handles and phone numbers."""
    out = []
    for rx, reason in ((_EMAIL, "e-mail address"), (_URL, "URL"), (_HANDLE, "social handle"), (_PHONE, "phone number")):
        for m in rx.finditer(ctx.text):
            s, e = m.start(), m.end()
            while e > s and ctx.text[e - 1] in ".,;:)":
                e -= 1
            if rx is _URL and "@" in ctx.text[max(0, s - 1):e]:
                continue
            if rx is _URL and not (m.group().lower().startswith(("http", "www")) or "/" in m.group()
                                   or re.search(r"\.(ca|com|org|net|io|info|me)\b", m.group(), re.I)):
                continue
            out.append(Candidate(s, e, "CONTACT", reason, prio=5, key=None))
    return out


class PersonFinder:
    """Roster names, spaCy PERSON entities, honorifics and context cues for unknown names."""

    def __init__(self, ctx: NoteContext, blocked: list[tuple[int, int]], org_starts: frozenset = frozenset()):  # noqa: D107
        self.ctx = ctx
        self.blocked = blocked  # contact spans etc.
        self.org_starts = org_starts  # where a known organization mention begins
        self._mask: Optional[bytearray] = None
        self.found: list[Candidate] = []
        self.weak: list[tuple[Candidate, set[int]]] = []
        self.strong_pids: set[int] = set()
        self.covered: set[int] = set()   # word indexes already in a person span

    # ---- cue detection -------------------------------------------------------------
    def cue(self, a: Word, b: Word, allow_common: bool = True) -> Optional[str]:
        """Why the words a..b look like a person in context, or None."""
        ctx = self.ctx
        prev = ctx.word(a.i - 1)
        nxt = ctx.word(b.i + 1)
        gap_before = ctx.text[prev.end:a.start] if prev else ""
        if "\n" in gap_before:  # the last word of the line above ("grp a") says nothing about this one
            prev, gap_before = None, ""
        if prev and prev.key.rstrip(".") in STRONG_HONORIFICS and gap_before.strip(" .") == "" and "\n" not in gap_before:
            return f"after title '{prev.text}'"
        if prev and prev.key in HONORIFICS and gap_before.strip(" .") == "" and not self._all_common(a, b):
            return f"after title '{prev.text}'"
        nc = ctx.next_char(b.end)
        if nc == "(" and not b.possessive:
            inner_pos = ctx.next_char_pos(b.end) + 1
            inner = ctx.text[inner_pos:inner_pos + 40]
            if inner[:1] and not inner[:1].isdigit():
                acr = "".join(w[0] for w in ctx.text[a.start:b.end].split() if w[:1].isupper())
                if not inner.startswith(acr + ")") or len(acr) < 2:
                    return "name followed by '(affiliation)'"
        if nc == ":" and (ctx.line_start_before(a) or ctx.prev_char(a.start) in "(;") and a.key not in _NON_NAME_LINE_LABELS:
            return "speaker label 'Name:'"
        if nc in "–—" and ctx.text[ctx.next_char_pos(b.end) + 1:ctx.next_char_pos(b.end) + 2] == " " and ctx.line_start_before(a):
            return "speaker in 'Name – contact' list"
        # speech verb after (skipping adverbs/auxiliaries)
        j = b.i + 1
        steps = 0
        while j < len(ctx.words) and steps < 3:
            w = ctx.words[j]
            g = ctx.text[ctx.words[j - 1].end:w.start]
            if g.strip() not in ("",) and not (j == b.i + 1 and g.strip() in ("'s", "’s")):
                break
            if w.key in SPEECH_VERBS and not w.cap:
                if not (prev and prev.key in {"the", "a", "an", "le", "la", "les", "l'"}):
                    return f"subject of '{w.text}'"
                break
            if w.key in SKIP_BEFORE_VERB:
                j += 1
                steps += 1
                continue
            break
        # "joy from the shelter said": a short from/of/at phrase between the name and the speech verb
        m = _FROM_PHRASE_SPEECH.match(ctx.text, b.end)
        if m and fold(m.group(1)) in SPEECH_VERBS and not (prev and prev.key in {"the", "a", "an", "le", "la", "les", "l'"}):
            return f"subject of '{m.group(1)}' (after a from-phrase)"
        # Q (Name ... / A (Name ...
        if prev and ctx.text[prev.end:a.start].strip() == "(" and prev.text in ("Q", "A", "R", "Q.", "A."):
            return "questioner in 'Q (Name'"
        if prev and gap_before.strip() in (":", "(", "") and prev.key in LABEL_WORDS and prev.key not in {"by", "from"}:
            if gap_before.strip() in (":", "("):
                return f"after label '{prev.text}:'"
        if prev and gap_before.strip() in ("", ",") and prev.key in KIN_CUES and gap_before.strip() == "":
            return f"after '{prev.text}'"
        if prev and gap_before.strip() in ("",) and prev.key in BEFORE_NAME_CUES and prev.key not in {"and", "et", "with", "like", "including", "per", "avec"}:
            if not self._all_common(a, b):
                return f"after '{prev.text}'"
        if prev and prev.key == "a" and ctx.word(prev.i - 1) and ctx.word(prev.i - 1).key == "hommage":
            return "after 'hommage à'"
        # appositive: "Name, a midwife" / "Name, who ..."
        if nc == "," and nxt and nxt.key in RELATIVE_STARTS and ctx.text[b.end:nxt.start].strip() == ",":
            if not self._all_common(a, b) or allow_common:
                return "name followed by an apposition"
        # "one client, Tariq, waited": a single name between commas after a common noun
        if nc == "," and prev and ctx.text[prev.end:a.start] == ", " and a.i == b.i and not prev.cap \
                and ctx.pos(prev) == "NOUN" and not ctx.is_common(a):
            return "name in apposition"
        # "Name from|of <Org>" (not for common words: "Faith from" needs an org after)
        if nxt and nxt.key in {"from", "of", "at", "du", "d'", "de"} and ctx.text[b.end:nxt.start] == " ":
            nn = ctx.word(nxt.i + 1)
            if nn and nn.key in {"the", "la", "le", "l'"} and ctx.word(nn.i + 1):
                nn = ctx.word(nn.i + 1)
            if nn and (nn.upper or nn.cap or nn.start in self.org_starts) and not (prev and prev.key in {"the", "a", "an"}):
                if nn.start in self.org_starts or (not self._all_common(a, b) and not nn.initial) or (nn.upper and len(nn.key) >= 2):
                    return f"name followed by '{nxt.text} <organization>'"
        if b.possessive and not self._all_common(a, b):
            return "possessive of a name"
        return None

    def _orgish(self, w: Word) -> bool:
        return w.upper or w.cap

    def _all_common(self, a: Word, b: Word) -> bool:
        return all(self.ctx.is_common(w) for w in self.ctx.words[a.i:b.i + 1])

    # ---- roster ------------------------------------------------------------------------
    def roster_matches(self) -> None:
        ctx = self.ctx
        idx = ctx.index
        words = ctx.words
        n = len(words)
        i = 0
        while i < n:
            w = words[i]
            if self._blocked(w):
                i += 1
                continue
            # longest full-name match (2..4 words, joined by spaces or ". ")
            matched = False
            for L in ((4, 3, 2) if w.key in idx.full_first else ()):
                if i + L > n:
                    continue
                seq = words[i:i + L]
                if any(len(ctx.gap(seq[k], seq[k + 1])) > 2 or ctx.gap(seq[k], seq[k + 1]).strip(" ") not in ("",)
                       for k in range(L - 1)):
                    continue
                key = tuple(x.key for x in seq)
                pid = idx.full.get(key)
                if pid is None and seq[-1].key and len(seq[-1].key) == 1:
                    pid = idx.full.get(key[:-1] + (key[-1],))
                if pid is not None:
                    if not any(x.cap for x in seq) and all(ctx.is_common(x) for x in seq):
                        continue
                    self._add(seq[0], seq[-1], f"roster name (variant: {'full name' if L > 1 else 'name'})", pid, strong=True)
                    i += L
                    matched = True
                    break
            if matched:
                continue
            self._single(w)
            i += 1

    def _single(self, w: Word) -> None:
        ctx = self.ctx
        idx = ctx.index
        if w.i in self.covered:
            return
        key = w.key
        common = ctx.is_common(w) and (key in NAME_WORDS or key in FUNCTION_WORDS or ctx.pos(w) != "PROPN" or not w.cap)
        # initials: "ALK", "A-L.K.", "J.D."
        letters = re.sub(r"[^A-Za-z]", "", w.text)
        if w.upper and 2 <= len(letters) <= 5 and (key.replace("-", "") == fold(letters)):
            pids = idx.initials.get(letters.upper())
            speakerish = ctx.next_char(w.end) in "(:" and (ctx.line_start_before(w) or ctx.prev_char(w.start) in "(;,")
            if pids and fold(w.text) not in idx.allow_forms and (speakerish or (
                    letters.upper() not in idx.org_acronyms and letters.upper() not in idx.derived_acronyms)):
                dotted = "." in w.text or "-" in w.text
                cue = self.cue(w, w)
                if dotted or len(letters) >= 3 and not common or cue:
                    self._add(w, w, f"roster name (variant: initials{', ' + cue if cue and not dotted else ''})",
                              min(pids), strong=True)
                else:
                    self.weak.append((Candidate(w.start, w.end, "PERSON", "roster name (variant: initials)", key=None), pids))
                return
        pids = idx.single.get(key)
        kind = None
        if pids:
            kind = idx.single_kind.get((key, min(pids)), "name")
        elif w.cap and key in idx.prefix and not common:
            pids = idx.prefix[key]
            kind = "short form"
            common = True  # short forms need context like common words
        elif len(key) >= 5 and not common and (w.cap or w.upper):
            t = idx.typo_of(key)
            if t:
                pids = idx.single.get(t)
                kind = "spelling variant"
        if not pids:
            return
        if not (w.cap or w.upper):
            # lower-case: only distinctive name parts, never ordinary words ("hope", "may")
            if common or len(key) < 4:
                # "little hope", "this summer": an ordinary word needs a clear cue to be a name;
                # "Action: may to circulate ..." is the action-item form "<name> to <verb>"
                if re.match(r" to [a-z]+", ctx.text[w.end:w.end + 20]) and (ctx.line_start_before(w) or ctx.prev_char(w.start) == ":"):
                    self.weak.append((Candidate(w.start, w.end, "PERSON", f"roster name (variant: lower-case {kind}, action item)"), pids))
                    return
                cue = self.cue(w, w)
                prev = ctx.word(w.i - 1)
                if cue is None and prev is not None and ctx.gap(prev, w) == " " and prev.key in _ADDRESS_VERBS:
                    cue = f"after '{prev.text}'"
                lower_note = ctx.lowercase_style and cue is not None and cue.startswith(("subject of", "name followed by '"))
                # a roster name is the person when the sentence treats it as one ("joy said", "asked joy")
                if cue and (lower_note or cue.startswith(("name followed by '(a", "speaker label", "questioner", "subject of",
                                                          "after '"))):
                    self._add(w, w, f"roster name (variant: lower-case {kind}; {cue})", min(pids), strong=False)
                return
            self._add(w, w, f"roster name (variant: lower-case {kind})", min(pids), strong=len(pids) == 1)
            return
        if w.upper and len(key) <= 3 and not common and kind != "spelling variant":
            # a short all-caps word is more likely an acronym
            cue = self.cue(w, w)
            if cue:
                self._add(w, w, f"roster name ({kind}, {cue})", min(pids), strong=True)
            return
        if fold(w.text) in idx.allow_forms or key in PLACE_WORDS or key in NON_PERSON_PROPER:
            cue = self.cue(w, w, allow_common=False)
            if cue and key not in PLACE_WORDS:
                self._add(w, w, f"roster name (variant: {kind}; {cue})", min(pids), strong=True)
            return
        prev = ctx.word(w.i - 1)
        if common and w.cap and not w.upper and not w.initial and not (prev is not None and prev.key in _DATE_PRECEDERS):
            # a roster name capitalised in mid-sentence ("agreed, Dawn too") is the participant
            cue = self.cue(w, w)
            self._add(w, w, f"roster name (variant: {kind}, capitalised mid-sentence{'; ' + cue if cue else ''})",
                      min(pids), strong=cue is not None)
            return
        if common or w.initial:
            cue = self.cue(w, w)
            if cue and not (common and w.initial and cue.startswith("name followed by an apposition")):
                self._add(w, w, f"roster name (variant: {kind}; {cue})", min(pids), strong=True)
            elif not common and not w.initial:
                self._add(w, w, f"roster name (variant: {kind})", min(pids), strong=len(pids) == 1)
            elif not common:
                self._add(w, w, f"roster name (variant: {kind})", min(pids), strong=len(pids) == 1)
            else:
                self.weak.append((Candidate(w.start, w.end, "PERSON", f"roster name (variant: {kind}, confirmed by another mention)"), pids))
            return
        self._add(w, w, f"roster name (variant: {kind})", min(pids), strong=len(pids) == 1)

    def _blocked(self, w: Word) -> bool:
        if self._mask is None:
            self._mask = bytearray(len(self.ctx.text) + 1)
            for s, e in self.blocked:
                self._mask[s:e] = b"\x01" * (e - s)
        return bool(self._mask[w.start])

    def _add(self, a: Word, b: Word, reason: str, pid: Optional[int], strong: bool, key: Optional[str] = None) -> None:
        if pid is not None:
            key = f"p{pid}"
            if strong:
                self.strong_pids.add(pid)
        self.found.append(Candidate(a.start, b.end, "PERSON", reason, key=key, prio=4))
        for k in range(a.i, b.i + 1):
            self.covered.add(k)

    def resolve_weak(self) -> None:
        """Accept weak roster matches whose person is confirmed elsewhere in the note."""
        for cand, pids in self.weak:
            hit = pids & self.strong_pids
            if hit:
                cand.key = f"p{min(hit)}"
                cand.prio = 4
                self.found.append(cand)
                for w in self.ctx.words:
                    if cand.start <= w.start < cand.end:
                        self.covered.add(w.i)

    # ---- unknown names ------------------------------------------------------------------
    def chunks(self) -> list[tuple[Word, Word]]:
        """Runs of capitalised words (with name particles) on one line, not already covered."""
        ctx = self.ctx
        out = []
        cur: list[Word] = []

        def flush():
            while cur and fold(cur[-1].text) in NAME_PARTICLES and not cur[-1].cap:
                cur.pop()
            if cur:
                out.append((cur[0], cur[-1]))
            cur.clear()

        for w in ctx.words:
            namey = (w.cap or w.upper) and w.i not in self.covered and not self._blocked(w)
            particle = (not w.cap) and w.key in NAME_PARTICLES and cur
            if cur:
                g = ctx.gap(cur[-1], w)
                joined = g == " " or (g == ". " and len(cur[-1].key) == 1) or (g == "" and cur[-1].text.endswith("."))
                if not joined or not (namey or particle):
                    flush()
                    if not namey:
                        continue
            if namey:
                # an honorific starts a new chunk and is not part of the name
                if w.key.rstrip(".") in STRONG_HONORIFICS and ctx.text[w.end:w.end + 1] in (".", " "):
                    flush()
                    continue
                cur.append(w)
            elif particle:
                cur.append(w)
        flush()
        return out

    def unknown_names(self) -> None:
        ctx = self.ctx
        for a, b in self.chunks():
            seg = ctx.words[a.i:b.i + 1]
            # strip leading role titles / label words / allow-listed or place words from the chunk
            while seg and (seg[0].key in ROLE_TITLES or seg[0].key in _NON_NAME_LINE_LABELS
                           or seg[0].key in HONORIFICS) and len(seg) > 1 and ctx.is_common(seg[0]):
                seg = seg[1:]
            if not seg:
                continue
            a, b = seg[0], seg[-1]
            self._judge_chunk(a, b)

    def _judge_chunk(self, a: Word, b: Word) -> None:
        ctx = self.ctx
        seg = ctx.words[a.i:b.i + 1]
        if all(w.key in FUNCTION_WORDS for w in seg):
            # "May said", "Will (CBSA):": a name that is also a modal, only with a strong cue
            if len(seg) == 1 and a.key in NAME_WORDS and a.cap and not a.upper:
                cue = self.cue(a, b)
                if cue and cue.startswith(("subject of", "speaker label", "name followed by '(a", "after title")):
                    self._add(a, b, f"name by context ({cue})", None, False, key="u:" + a.key)
            return
        phrase = " ".join(w.key for w in seg)
        if phrase in ctx.index.allow_forms or fold(ctx.text[a.start:b.end]) in ctx.index.allow_forms:
            return
        if phrase in PLACE_WORDS or all(w.key in PLACE_WORDS for w in seg):
            return
        if any(w.key in ORG_HEADS or w.key in SUBJECT_HEADS for w in seg) and len(seg) > 1:
            return  # an organization or programme name: the attribution layer decides
        if all(w.key in NON_PERSON_PROPER for w in seg):
            return
        acronymish = [w for w in seg if sum(c.isupper() for c in w.text) >= 2 and not w.upper or (w.upper and len(w.key) <= 6)]
        # all-caps runs longer than a word are shouting; single short caps words are acronyms
        if len(seg) == 1 and acronymish:
            letters = re.sub(r"[^A-Za-z]", "", a.text)
            speakerish = ctx.next_char(a.end) in "(:" and (ctx.line_start_before(a) or ctx.prev_char(a.start) in "(;,")
            if (a.upper and 2 <= len(letters) <= 4 and fold(a.text) not in ctx.index.allow_forms and (speakerish or (
                    letters.upper() not in ctx.index.org_acronyms and letters.upper() not in ctx.index.derived_acronyms))
                    and a.key not in NON_PERSON_PROPER):
                cue = self.cue(a, b, allow_common=False)
                nxt = ctx.word(b.i + 1)
                if not cue and len(letters) <= 3 and nxt is not None and ctx.gap(b, nxt) == " ":
                    if re.match(r" to [a-z]+", ctx.text[b.end:b.end + 20]) and (ctx.line_start_before(a) or ctx.prev_char(a.start) == ":"):
                        cue = "action item '<initials> to ...'"
                    elif ctx.pos(nxt) == "VERB" and ctx.tag(nxt) in ("VBD", "VBZ", "VBP", "") and not nxt.cap \
                            and not nxt.key.endswith("ing") and a.key not in ctx.common:
                        cue = f"subject of '{nxt.text}'"
                if not cue and re.fullmatch(r"(?:[A-Z]\.-?){2,3}", a.text) and a.key not in PLACE_WORDS:
                    cue = "dotted initials"
                if cue and (cue.startswith(("name followed by '(a", "speaker label", "questioner", "subject of", "action item", "dotted")) or "." in a.text):
                    self._add(a, b, f"initials ({cue})", None, False, key=f"u:{a.key}")
            return
        unknown = [w for w in seg if (not ctx.is_common(w) or _hyphen_name(w)) and w.key not in PLACE_WORDS and w.key not in NON_PERSON_PROPER
                   and not (w.upper and len(w.key) <= 6) and w.key not in HONORIFICS and w.key not in ROLE_TITLES]
        ent = ctx.ent_label(a) or ctx.ent_label(b)
        cue = self.cue(a, b)
        reason_ner = "spaCy NER PERSON" if ent in ("PERSON", "PER") else None
        if unknown and not cue and self._heading_like(seg, unknown):
            return
        if unknown:
            if ent in NER_SUPPRESS and not cue:
                return
            if ent == "MISC" and not cue and ctx.lang == "fr":
                pass
            reason = reason_ner or (f"unknown proper noun ({cue})" if cue else "unknown proper noun")
            if not cue and not reason_ner and a.initial and len(seg) == 1 and ctx.lang == "en" and self._looks_like_heading(a):
                return
            self._add(a, b, reason, None, False, key="u:" + " ".join(w.key for w in seg))
            return
        # only ordinary words: a person only with a clear cue ("Ms. Baker", "Faith (DFO)")
        name_subject = len(seg) == 1 and a.key in NAME_WORDS and cue is not None and cue.startswith("subject of")
        if cue and len(seg) <= 3 and (name_subject or not (a.initial and cue.startswith(("name followed by an apposition", "subject of")))):
            if a.key in _NON_NAME_LINE_LABELS or a.key in ROLE_TITLES:
                return
            # "Shelters:", "Prevention (PREV)": plurals and abstract nouns are labels, not names,
            # unless a title says otherwise ("Ms. Fields")
            if not cue.startswith("after title") and all(_noun_like(w, ctx.common) for w in seg):
                return
            self._add(a, b, f"name by context ({cue})", None, False, key="u:" + " ".join(w.key for w in seg))

    def _looks_like_heading(self, w: Word) -> bool:
        return False

    def _heading_like(self, seg: list[Word], unknown: list[Word]) -> bool:
        """A Title Case or ALL-CAPS heading made of dictionary words ("Shelters Underfunded In Remote
        Regions"), or a lone word-processor field code ("HYPERLINK"): not a name.

        Names of three or more words are rarely mostly dictionary words, so a run of 3+ capitalised
        words where at most a third are unknown is read as a heading.  A spaCy PERSON entity or a
        context cue (checked by the caller) overrides this.
        """
        ctx = self.ctx
        if len(seg) == 1 and seg[0].upper and seg[0].key in _ALL_CAPS_TOKENS:
            return True
        if any(ctx.ent_label(w) in ("PERSON", "PER") for w in seg):
            return False
        if len(seg) >= 3 and len(unknown) * 3 <= len(seg):
            return True
        return False

    def lowercase_speakers(self) -> None:
        """'- rené (Org): ...': a lower-case unknown word opening a line before '(' is a speaker."""
        ctx = self.ctx
        for w in ctx.words:
            if w.cap or w.i in self.covered or len(w.key) < 3 or ctx.is_common(w) or w.key in FUNCTION_WORDS:
                continue
            prev = ctx.word(w.i - 1)
            if prev is not None and prev.key in LABEL_WORDS and ctx.gap(prev, w).strip() == ":":
                self._add(w, w, f"lower-case name after label '{prev.text}:'", None, False, key="u:" + w.key)
                continue
            if not ctx.line_start_before(w) or ctx.next_char(w.end) != "(":
                continue
            inner = ctx.text[ctx.next_char_pos(w.end) + 1:ctx.next_char_pos(w.end) + 2]
            if inner[:1].isupper():
                self._add(w, w, "lower-case speaker name before '(affiliation)'", None, False, key="u:" + w.key)

    def ner_persons(self) -> None:
        """spaCy PERSON/PER entities, trimmed of titles, filtered against places and allow-list."""
        ctx = self.ctx
        for s, e, label in ctx.ents:
            if label not in ("PERSON", "PER"):
                continue
            ws = [w for w in ctx.words if s <= w.start < e]
            while ws and (ws[0].key.rstrip(".") in HONORIFICS or ws[0].key in ROLE_TITLES or ws[0].key in LABEL_WORDS
                          or (ws[0].key in FUNCTION_WORDS and ws[0].key not in NAME_WORDS and len(ws) > 1)):
                ws = ws[1:]
            ws = [w for w in ws if w.i not in self.covered]
            if not ws:
                continue
            # keep contiguous, same line
            run = [ws[0]]
            for w in ws[1:]:
                if w.i == run[-1].i + 1 and "\n" not in ctx.gap(run[-1], w):
                    run.append(w)
                else:
                    break
            a, b = run[0], run[-1]
            keys = [w.key for w in run]
            phrase = " ".join(keys)
            if phrase in ctx.index.allow_forms or all(k in PLACE_WORDS or k in NON_PERSON_PROPER for k in keys):
                continue
            if any(w.key in ORG_HEADS for w in run) and len(run) > 1:
                continue
            if all(w.key in FUNCTION_WORDS or w.key in NAME_WORDS or (ctx.is_common(w) and ctx.pos(w) != "PROPN")
                   for w in run) and not self.cue(a, b):
                continue
            if all(w.upper and len(w.key) <= 6 for w in run):
                cue = self.cue(a, b)
                if not (cue and cue.startswith(("name followed by '(a", "speaker label", "questioner"))):
                    continue
            self._add(a, b, "spaCy NER PERSON", None, False, key="u:" + phrase)

    def extend_left(self) -> None:
        """'Hope Nakamura' where only the surname was found: a capitalised given-name-like word
        (a name word such as 'Hope', or a proper noun for spaCy) joined by one space belongs to the name."""
        ctx = self.ctx
        for c in self.found:
            i = _word_index_at(ctx, c.start)
            prev = ctx.word(i - 1) if i is not None else None
            if prev is None or prev.i in self.covered or ctx.gap(prev, ctx.words[i]) != " " or not prev.cap or prev.upper:
                continue
            k = prev.key
            if k in FUNCTION_WORDS or k.rstrip(".") in HONORIFICS or k in ROLE_TITLES or k in PLACE_WORDS \
                    or k in ORG_HEADS or k in _NON_NAME_LINE_LABELS or k in NON_PERSON_PROPER or self._blocked(prev):
                continue
            if k in NAME_WORDS or k in _all_nicks() or (ctx.pos(prev) == "PROPN" and not ctx.is_common(prev)):
                c.start = prev.start
                c.reason += "; given name before it"
                self.covered.add(prev.i)

    # ---- given-name lexicon ---------------------------------------------------------------
    def _lexicon_cue(self, a: Word, b: Word) -> Optional[str]:
        """A context cue strong enough for a given name that may also be an ordinary word."""
        ctx = self.ctx
        cue = self.cue(a, b)
        if cue and cue.startswith(_LEXICON_CUES):
            return cue
        prev = ctx.word(a.i - 1)
        if prev is not None and ctx.gap(prev, a) == " " and prev.key in _ADDRESS_VERBS:
            return f"after '{prev.text}'"
        # "- Will - agrees, adds ...": a speaker list line "Name - <verb>s"
        if ctx.line_start_before(a) and re.match(r"[ \t]+[-–—][ \t]+[a-z]+s\b", ctx.text[b.end:b.end + 30]):
            return "speaker in a '- Name - says' list"
        return None

    def _surname_after(self, w: Word) -> Word:
        """The word after a given name when it reads as a surname ("Solveig Brannagh", "tamsin quill")."""
        ctx = self.ctx
        nxt = ctx.word(w.i + 1)
        if nxt is None or ctx.gap(w, nxt) != " " or nxt.i in self.covered or self._blocked(nxt) or w.possessive:
            return w
        k = nxt.key
        if k in FUNCTION_WORDS or k in PLACE_WORDS or k in ORG_HEADS or k in SUBJECT_HEADS or k in ROLE_TITLES \
                or k in NON_PERSON_PROPER or k in SPEECH_VERBS or fold(nxt.text) in ctx.index.allow_forms:
            return w
        if w.upper and not nxt.upper or (w.cap and not w.upper and not nxt.cap) or (not w.cap and nxt.cap):
            return w
        if nxt.upper and (nxt.text.upper() in ctx.index.org_acronyms or len(k) <= 3):
            return w
        if ctx.is_common(nxt) and not _hyphen_name(nxt) and not (nxt.cap and is_given_name(k)):
            return w
        return nxt

    def _org_or_thing_name(self, a: Word, b: Word) -> bool:
        """'Ottilie Brannagh Fund', 'Operation Nanook', 'Lake Henrike': a name inside a named thing."""
        ctx = self.ctx
        prev = ctx.word(a.i - 1)
        if prev is not None and prev.cap and prev.key.rstrip(".") in _NAMED_THING_BEFORE and ctx.gap(prev, a) in (" ", ". "):
            return True
        j = b.i + 1
        while j < len(ctx.words) and j <= b.i + 4:
            nx = ctx.words[j]
            if ctx.gap(ctx.words[j - 1], nx) not in (" ", "'s ", "’s ") or not (nx.cap or nx.upper) \
                    or nx.key in FUNCTION_WORDS or nx.key in SPEECH_VERBS:
                break  # "INGRID HALVORSEN SAID THE PLAN ...": a shouted sentence, not a name of a thing
            if nx.key in ORG_HEADS or nx.key in SUBJECT_HEADS or nx.key in CIVIL_HEADS or nx.key in _PROGRAMME_WORDS:
                return True
            j += 1
        return False

    def lexicon_names(self) -> None:
        """Known given names (international lexicon) as evidence for unknown people.

        A capitalised or ALL-CAPS given name that is not an ordinary word is a person; one that
        is an ordinary word ("Joy", "Will", "Hope") needs a context cue; a lower-case one needs
        a cue and must not be an ordinary word unless a surname follows ("may phan said").
        """
        ctx = self.ctx
        for w in ctx.words:
            if w.i in self.covered or self._blocked(w) or not is_given_name(w.key):
                continue
            key = w.key
            if key in FUNCTION_WORDS and key not in _MODALS_USED_AS_NAMES:
                continue  # "The", "Son", "Elle": the lexicon lists them, but they are grammar first
            if key in PLACE_WORDS or key in NON_PERSON_PROPER or key in ROLE_TITLES or key.rstrip(".") in HONORIFICS \
                    or key in _NON_NAME_LINE_LABELS or key in ORG_HEADS or key in SUBJECT_HEADS or key in LABEL_WORDS:
                continue
            if fold(w.text) in ctx.index.allow_forms:
                continue
            if w.upper and (w.text.upper() in ctx.index.org_acronyms or w.text.upper() in ctx.index.derived_acronyms):
                continue
            b = self._surname_after(w)
            nxt, prv = ctx.word(w.i + 1), ctx.word(w.i - 1)
            if (nxt is not None and f"{key} {nxt.key}" in PLACE_WORDS) or (prv is not None and f"{prv.key} {key}" in PLACE_WORDS):
                continue  # part of a place name ("Sierra Leone", "San Jose")
            if self._org_or_thing_name(w, b):
                continue
            ordinary = ctx.is_common(w) or key in FUNCTION_WORDS
            cue = self._lexicon_cue(w, b)
            prev = ctx.word(w.i - 1)
            if cue is None and prev is not None and prev.key in _DATE_PRECEDERS and ordinary:
                continue
            if w.cap or w.upper:
                if not ordinary and b is w and not cue:
                    if w.upper and len(key) < 4:
                        continue  # a short ALL-CAPS word is an acronym more often than a name
                    if ctx.ent_label(w) in _LEXICON_NER_VETO:
                        continue  # spaCy reads it as a place or a date: let the other layers decide
                if ordinary and not cue and b is w:
                    continue
                if ordinary and not cue and ctx.is_common(b) and not _hyphen_name(b):
                    continue
                why = f"known given name ({cue})" if cue else "known given name"
                self._add(w, b, why, None, False, key="u:" + " ".join(x.key for x in ctx.words[w.i:b.i + 1]))
                continue
            # lower-case
            if len(key) < 4 or not cue or not cue.startswith(("subject of", "name followed by '(a", "speaker", "after label")):
                continue
            if ordinary and b is w:
                continue
            self._add(w, b, f"lower-case known given name ({cue})", None, False,
                      key="u:" + " ".join(x.key for x in ctx.words[w.i:b.i + 1]))

    def coordination(self) -> None:
        """'X and Y' / 'X et Y' / 'X, Y': a capitalised neighbour of a found name is a name."""
        ctx = self.ctx
        changed = True
        rounds = 0
        while changed and rounds < 3:
            changed = False
            rounds += 1
            starts = {c.start for c in self.found}
            ends = {c.end for c in self.found}
            for w in ctx.words:
                if w.i in self.covered or not (w.cap or w.upper) or self._blocked(w):
                    continue
                if w.key in PLACE_WORDS or fold(w.text) in ctx.index.allow_forms or w.key in NON_PERSON_PROPER:
                    continue
                if w.key in ROLE_TITLES or w.key in _NON_NAME_LINE_LABELS or w.key in ORG_HEADS:
                    continue
                if w.key.rstrip(".") in HONORIFICS or (w.key in FUNCTION_WORDS and w.key not in ctx.index.single):
                    continue
                if w.upper and len(w.key) > 1 and (w.text.upper() in ctx.index.org_acronyms or w.text.upper() in ctx.index.derived_acronyms):
                    continue
                before = ctx.text[max(0, w.start - 6):w.start]
                after = ctx.text[w.end:w.end + 6]
                left = re.search(r"(?:\s(?:and|et|&)\s|,\s)$", before)
                right = re.match(r"(?:\s(?:and|et|&)\s|,\s)", after)
                hit = False
                if left:
                    pos = w.start - len(left.group())
                    hit = pos in ends
                if not hit and right:
                    pos = w.end + len(right.group())
                    hit = pos in starts and not w.initial or (pos in starts and not ctx.is_common(w))
                if hit:
                    # extend over a following surname ("Jo Kowalski")
                    b = w
                    nx = ctx.word(w.i + 1)
                    if nx and nx.cap and ctx.gap(w, nx) == " " and nx.i not in self.covered and not ctx.is_common(nx):
                        b = nx
                    self._add(w, b, "coordinated with a name", None, False, key="u:" + w.key)
                    changed = True


def find_persons(ctx: NoteContext, blocked, org_starts=frozenset()) -> PersonFinder:
    """Run the person layers in order of reliability; later layers skip covered words."""
    pf = PersonFinder(ctx, blocked, org_starts)
    pf.roster_matches()
    pf.resolve_weak()
    pf.ner_persons()
    pf.unknown_names()
    pf.lowercase_speakers()
    pf.lexicon_names()
    pf.coordination()
    pf.extend_left()
    return pf


# --------------------------------------------------------------------------------------
# Organizations and attribution
# --------------------------------------------------------------------------------------
def find_org_mentions(ctx: NoteContext) -> list[tuple[int, int, str, bool, Optional[int]]]:
    """Roster affiliation and allow-list mentions: (start, end, reason, allowlisted, oid)."""
    idx = ctx.index
    out = []
    if idx._org_regex is not None:
        for m in idx._org_regex.finditer(ctx.ftext):
            s, e = m.start(), m.end()
            surface = ctx.text[s:e]
            f = " ".join(fold(surface).replace(",", " ").split())
            f2 = f.replace("'", "").replace("’", "")
            hit = idx.org_forms.get(f) or idx.org_forms.get(f2)
            in_allow = f in idx.allow_forms
            words = surface.split()
            # phrases of ordinary words must be written as a name ("Blue Heron", not "blue heron")
            if hit and not in_allow:
                content = [w for w in words if fold(w) not in STOP_PARTICLES]
                if all(fold(w).strip("'’") in ctx.common for w in content) and not any(w[:1].isupper() for w in content) \
                        and not (ctx.lowercase_style and len(content) >= 2):
                    continue
                out.append((s, e, "roster affiliation", hit[1], hit[0]))
            elif in_allow:
                if len(words) == 1 and not surface[:1].isupper():
                    continue
                oid = hit[0] if hit else None
                out.append((s, e, "allow-listed body", True, oid))
    for w in ctx.words:
        letters = w.text.replace(".", "")
        speakerish = ctx.next_char(w.end) in "(:" and (ctx.line_start_before(w) or ctx.prev_char(w.start) in "(;,")
        if speakerish and len(letters) <= 3 and fold(w.text) not in idx.allow_forms:
            continue  # "GA (walk-in): ..." -- initials of a speaker, left to the person layer
        if w.upper or (sum(c.isupper() for c in w.text) >= 2 and len(w.text) <= 8):
            a = idx.org_acronyms.get(letters) or idx.org_acronyms.get(letters.upper() if w.upper else letters)
            if a:
                out.append((w.start, w.end, "roster affiliation (acronym)", a[1], a[0]))
                continue
            if letters in idx.derived_acronyms:
                out.append((w.start, w.end, "acronym of a listed public body", False, None))
                continue
        if w.cap and w.key in idx.org_words:
            oid = idx.org_words[w.key]
            o = ctx.roster.orgs[oid]
            if not o.allowlisted and not (w.initial and ctx.is_common(w)):
                out.append((w.start, w.end, "roster affiliation (short form)", False, oid))
        elif (not w.cap) and w.key in idx.org_words and not ctx.is_common(w) and len(w.key) >= 5:
            out.append((w.start, w.end, "roster affiliation (lower-case short form)", False, idx.org_words[w.key]))
    return out


class Attribution:
    """Organizations, roles and places that tell who spoke."""

    def __init__(self, ctx: NoteContext, persons: list[Candidate], orgs):  # noqa: D107
        self.ctx = ctx
        self.persons = persons
        self.orgs = orgs
        self.out: list[Candidate] = []
        self.roles: list[Candidate] = []

    def run(self) -> list[Candidate]:
        ctx = self.ctx
        # participant organizations (not allow-listed) go at every mention
        for s, e, reason, allowlisted, oid in self.orgs:
            if not allowlisted:
                self.out.append(Candidate(s, e, "ORG", reason + " (participant organization)", key=f"o{oid}" if oid is not None else None, prio=3))
        self._roles()
        self._civil_society_names()
        anchors = [(c.start, c.end, "person") for c in self.persons] + [(c.start, c.end, "role") for c in self.roles]
        for w in ctx.words:
            if w.key in PERSON_NOUNS and not w.cap:
                anchors.append((w.start, w.end, "noun"))
            if w.key in {"someone", "somebody", "quelqu'un", "gentleman", "lady", "rep", "quelqu"}:
                anchors.append((w.start, w.end, "noun"))
        for s, e, kind in anchors:
            self._after_anchor(s, e, kind)
        self._before_person_nouns()
        self._cue_phrases()
        self._origins()
        return self.out + self.roles

    def _civil_society_names(self) -> None:
        """Names built like civil-society bodies ("<Capitalised modifiers> Network/Coalition/Forum",
        "Réseau <Name>", "Maison des femmes de <Place>") identify who was in the room: removed at
        every mention, with an acronym in parentheses right after them.  Allow-listed bodies and
        programme/plan names stay."""
        ctx = self.ctx
        words = ctx.words
        n = len(words)
        taken_until = -1
        for i, w in enumerate(words):
            if i <= taken_until or w.key not in CIVIL_HEADS or not (w.cap or w.upper):
                continue
            # walk left over capitalised modifiers (and particles between them)
            j = i
            while j - 1 >= 0 and ctx.gap(words[j - 1], words[j]) in (" ", "-", "'s ", "’s ", "' ") and \
                    ((words[j - 1].cap or words[j - 1].upper) and not words[j - 1].initial or
                     (words[j - 1].key in STOP_PARTICLES and j - 2 >= 0 and words[j - 2].cap)) and \
                    words[j - 1].key not in FUNCTION_WORDS - STOP_PARTICLES:
                j -= 1
            while j < i and words[j].key in STOP_PARTICLES:
                j += 1
            if j < i and words[j].initial and ctx.is_common(words[j]) and not words[j].upper:
                j += 1  # a sentence-initial ordinary word is not part of the name
            # walk right: "Network of <Place>", "Maison des femmes de <Place>", "Réseau <Name>"
            k = i
            french_head = w.key in FRENCH_CIVIL_HEADS
            steps = 0
            while k + 1 < n and steps < 6 and ctx.gap(words[k], words[k + 1]) in (" ", "-", " - ") and "\n" not in ctx.gap(words[k], words[k + 1]):
                nx = words[k + 1]
                if nx.cap or nx.upper:
                    k += 1
                elif nx.key in STOP_PARTICLES and k + 2 < n and (words[k + 2].cap or (french_head and not words[k + 2].key in FUNCTION_WORDS)):
                    k += 1
                elif french_head and steps < 3 and not ctx.is_common(nx) is False and nx.key not in FUNCTION_WORDS \
                        and k + 2 < n and words[k + 2].key in STOP_PARTICLES and k + 3 < n and words[k + 3].cap:
                    k += 1
                else:
                    break
                steps += 1
            while k > i and (words[k].key in STOP_PARTICLES or not (words[k].cap or words[k].upper)):
                k -= 1
            seg = words[j:k + 1]
            mods = [x for x in seg if x.key not in CIVIL_HEADS and x.key not in STOP_PARTICLES and (x.cap or x.upper)]
            if not mods:
                continue
            phrase = " ".join(x.key for x in seg)
            surface = fold(ctx.text[seg[0].start:seg[-1].end])
            if phrase in ctx.index.allow_forms or surface in ctx.index.allow_forms or \
                    any(surface in f for f in ctx.index.allow_forms if len(f) > len(surface)):
                continue
            if any(x.key in SUBJECT_HEADS or x.key.rstrip("s") in _PROGRAMME_WORDS for x in seg) or all(x.key in PLACE_WORDS or x.key in CIVIL_HEADS
                                                               or x.key in STOP_PARTICLES for x in seg):
                continue
            s, e = seg[0].start, seg[-1].end
            self.out.append(Candidate(s, e, "ORG", f"civil-society organization name ('{w.text}')", prio=3))
            taken_until = k
            m = re.match(r"\s*\(([A-Z][A-Za-z&-]{1,9})\)", ctx.text[e:e + 14])
            if m and sum(ch.isupper() for ch in m.group(1)) >= 2:
                self.out.append(Candidate(e + m.start(1), e + m.end(1), "ORG", "acronym of an organization", prio=3))

    # ---- org phrase reading --------------------------------------------------------
    def org_at(self, pos: int, allow_lower_start: bool = False) -> Optional[tuple[int, int, str]]:
        """Read an organization/place name starting at *pos*: (start, end, 'ORG'|'PLACE')."""
        ctx = self.ctx
        pos = ctx.next_char_pos(pos)
        for s, e, reason, allowlisted, oid in self.orgs:
            if s == pos:
                # extend "Danish MFA"-style or "X Canada" tails are part of the form already
                return (s, e, "ORG")
        i = _word_index_at(ctx, pos)
        if i is None:
            return None
        w = ctx.words[i]
        if not (w.cap or w.upper or (allow_lower_start and not ctx.is_common(w))):
            return None
        run = [w]
        j = i + 1
        while j < len(ctx.words):
            nx = ctx.words[j]
            g = ctx.gap(run[-1], nx)
            if g not in (" ", "-", " - ", " – ", "'s ", "’s ") and not (g == " " or g.endswith("' ")):
                break
            if nx.cap or nx.upper:
                run.append(nx)
            elif nx.key in STOP_PARTICLES and j + 1 < len(ctx.words) and (ctx.words[j + 1].cap or ctx.words[j + 1].upper):
                run.append(nx)
            elif nx.key in LOWER_ORG_HEADS or nx.key in ORG_HEADS:
                run.append(nx)
                break
            else:
                break
            j += 1
        keys = [x.key for x in run]
        phrase = " ".join(keys)
        if phrase in PLACE_WORDS or (len(run) == 1 and run[0].key in PLACE_WORDS):
            return (run[0].start, run[-1].end, "PLACE")
        if all(k in STRONG_HONORIFICS or k in FUNCTION_WORDS for k in keys):
            return None
        return (run[0].start, run[-1].end, "ORG")

    def _emit(self, span, reason):
        s, e, kind = span
        if e <= s:
            return
        self.out.append(Candidate(s, e, kind, reason, prio=3 if kind == "ORG" else 2))

    def _after_anchor(self, s: int, e: int, kind: str) -> None:
        ctx = self.ctx
        t = ctx.text
        p = ctx.next_char_pos(e)
        if p < len(t) and t[p] == "(":
            close = t.find(")", p)
            nl = t.find("\n", p)
            if close == -1 or (nl != -1 and nl < close):
                close = nl if nl != -1 else len(t)
            self._paren(p + 1, close, kind)
            return
        # ", ORG)" inside "(Name, ORG)" / "(Mr. Name, ORG)"
        line_before = t[t.rfind("\n", 0, s) + 1:s]
        if p < len(t) and t[p] == "," and kind == "person" and line_before.rfind("(") > line_before.rfind(")"):
            close = t.find(")", p)
            if close != -1 and "\n" not in t[p:close]:
                self._paren(p + 1, close, kind)
        if kind == "person":
            wk = re.compile(r"\s+(?:has\s+|had\s+|also\s+|now\s+)*(?:done\s+\w+|worked|works|working|served|serves|volunteered|"
                            r"volunteers|consulted|written|reported|travaille|a travaillé)\s+(?:\w+\s+)?(?:with|for|at|pour|avec|à)\s+(?:the\s+|la\s+|l')?").match(t, e)
            if wk:
                span = self.org_at(wk.end())
                if span and span[2] == "ORG":
                    self._emit(span, "affiliation ('worked with/for <organization>' after a name)")
            rel = re.compile(r",\s*(?:who|qui)\b[^.;\n()]{0,80}?\b(?:at|for|with|from|à|pour|chez|du|de la|de l')\s+(?:the\s+)?").match(t, e)
            if rel:
                span = self.org_at(rel.end())
                if span and span[2] == "ORG" and (span[0] in {o[0] for o in self.orgs} or t[span[0]:span[1]].isupper()):
                    self._emit(span, "affiliation in a relative clause after a name")
        m = re.compile(r"\s*(?:,\s*)?(from|of|at|with|du|de la|de l'|des|de|d'|for)\s+(?:the\s+|la\s+|le\s+|l')?", re.I).match(t, e)
        if m and (kind != "noun" or m.group(1).lower() in ("from", "of", "at", "de", "du", "de la", "d'", "des", "de l'")):
            if m.group(1).lower() in ("for",) and kind != "role":
                return
            if m.group(1).lower() == "with" and kind == "person":
                return
            span = self.org_at(m.end())
            if span:
                label = span[2]
                if label == "PLACE" and kind in ("person", "noun"):
                    self._emit(span, f"origin of a speaker ('{m.group(1)} <place>')")
                elif label == "ORG":
                    self._emit(span, f"affiliation ('{m.group(1)} <organization>' after a {kind})")

    def _paren(self, a: int, b: int, kind: str) -> None:
        ctx = self.ctx
        t = ctx.text
        pieces = []
        start = a
        for m in re.finditer(r"[,;/]", t[a:b]):
            pieces.append((start, a + m.start()))
            start = a + m.end()
        pieces.append((start, b))
        for ps, pe in pieces:
            seg = t[ps:pe]
            if not seg.strip():
                continue
            ls = ps + len(seg) - len(seg.lstrip())
            # "walk-in, X" / "volunteer with X" / "sitting in for X" / "registered at X"
            m = re.search(r"\b(?:with|at|from|for|of|de|du|d'|chez)\s+(?:the\s+|la\s+|le\s+|l')?(?=[A-ZÀ-Ý])", seg)
            first = t[ls:ls + 1]
            if first and (first.isupper() or first.isdigit() is False and first.isalpha() and self._known_org_at(ls)):
                span = self.org_at(ls)
                if span:
                    lab = span[2]
                    reason = "country of origin in '(…)' after a speaker" if lab == "PLACE" else "affiliation in '(…)' after a name"
                    if lab == "ORG" and kind in ("person", "role"):
                        # the whole piece: French names continue in lower case ("Médecins du monde")
                        span = (span[0], max(span[1], ps + len(seg.rstrip())), "ORG")
                    if lab == "PLACE" or span[1] - span[0] > 1:
                        self._emit(span, reason)
                    continue
            if m:
                span = self.org_at(ps + m.end())
                if span:
                    self._emit(span, "affiliation in '(…)' after a name")

    def _known_org_at(self, pos: int) -> bool:
        return any(s == pos for s, *_ in self.orgs)

    def _before_person_nouns(self) -> None:
        """'the CBSA rep', 'the DFO co-chair', 'the Danish expert' (ORG/PLACE before a person noun)."""
        ctx = self.ctx
        role_starts = {c.start for c in self.roles}
        for w in ctx.words:
            if not (w.key in ATTRIB_NOUNS or w.start in role_starts):
                continue
            if w.cap and w.start not in role_starts:
                continue
            prev = ctx.word(w.i - 1)
            if not prev or ctx.gap(prev, w) not in (" ",):
                continue
            if not (prev.cap or prev.upper):
                continue
            # walk back over the capitalised modifier run
            j = prev.i
            while j - 1 >= 0 and ctx.gap(ctx.words[j - 1], ctx.words[j]) == " " and (ctx.words[j - 1].cap or ctx.words[j - 1].upper) \
                    and ctx.words[j - 1].key not in {"the", "a"}:
                j -= 1
            a = ctx.words[j]
            if a.initial and ctx.is_common(a) and a.i == prev.i and not a.upper:
                continue
            keys = [x.key for x in ctx.words[j:prev.i + 1]]
            phrase = " ".join(keys)
            if phrase in PLACE_WORDS or all(k in PLACE_WORDS for k in keys):
                if w.key in ORIGIN_PERSON_NOUNS:
                    self.out.append(Candidate(a.start, prev.end, "PLACE", f"origin of a speaker (before '{w.text}')", prio=2))
                continue
            # A capitalised modifier of "rep" is an affiliation even when it is also a word
            # ("the Tallis rep", "the Justice rep"): when in doubt, remove.
            self.out.append(Candidate(a.start, prev.end, "ORG", f"affiliation before '{w.text}'", prio=3))

    def _cue_phrases(self) -> None:
        for m in _CUE_RX.finditer(self.ctx.ftext):
            span = self.org_at(m.end(), allow_lower_start=False)
            if span:
                self._emit(span, f"affiliation cue '{m.group(1)}'")

    def _origins(self) -> None:
        """PLACE as speaker origin: 'participant from X', 'l'experte norvégienne', 'Country: "quote"'."""
        ctx = self.ctx
        words = ctx.words
        for w in words:
            if w.key in ORIGIN_PERSON_NOUNS and not w.cap:
                nx = ctx.word(w.i + 1)
                if nx and ctx.gap(w, nx) == " " and nx.key in DEMONYMS and ctx.lang == "fr":
                    self.out.append(Candidate(nx.start, nx.end, "PLACE", f"origin of a speaker (after '{w.text}')", prio=2))
                m = re.compile(r"\s+(?:from|de|d'|du|venue? de|venant de)\s*", re.I).match(ctx.text, w.end)
                if m:
                    span = self.org_at(m.end())
                    if span and span[2] == "PLACE":
                        self._emit(span, f"origin of a speaker ('{w.text} from')")
                    elif span and ctx.lang == "fr":
                        self._emit((span[0], span[1], "PLACE"), f"origin of a speaker ('{w.text} de')")
        for m in re.finditer(r"(?m)^[\s\-–•*]*([^\W\d_][\w' .-]{1,40}?)\s*:\s*[\"“«]", ctx.text):
            name = fold(m.group(1).strip())
            if name in PLACE_WORDS:
                self.out.append(Candidate(m.start(1), m.end(1), "PLACE", "country as speaker label", prio=2))
        # "who flew in from X", "came from X" near a person
        for m in re.finditer(r"\b(?:flew in|flown in|came|comes|travelled|traveled|arrived|is|est venue?|arrivée?)\s+(?:here\s+)?(?:from|de|d')\s*", ctx.text):
            span = self.org_at(m.end())
            if span and (span[2] == "PLACE" or ctx.text[span[0]:span[1]][:1].isupper()):
                prev = ctx.text[max(0, m.start() - 60):m.start()]
                if re.search(r"\b(?:who|she|he|qui|elle|il)\s*$", prev) or any(c.end <= m.start() <= c.end + 60 for c in self.persons):
                    self._emit((span[0], span[1], "PLACE"), "origin of a speaker ('from <place>')")

    # ---- roles ---------------------------------------------------------------------
    def _roles(self) -> None:
        ctx = self.ctx
        words = ctx.words
        n = len(words)
        i = 0
        while i < n:
            w = words[i]
            match_len = 0
            if w.key not in _ROLE_FIRST:
                i += 1
                continue
            for L in (4, 3, 2, 1):
                if i + L > n:
                    continue
                seq = words[i:i + L]
                if any(ctx.gap(seq[k], seq[k + 1]) not in (" ", ". ") for k in range(L - 1)):
                    continue
                key = " ".join(x.key for x in seq)
                key2 = " ".join(x.text.lower() for x in seq)
                if key in ROLE_TITLES or key2 in ROLE_TITLES:
                    match_len = L
                    break
            if not match_len:
                i += 1
                continue
            seq = words[i:i + match_len]
            a, b = seq[0], seq[-1]
            # determiner / possessive before, possibly with an ORG or "group D" modifier in between
            j = a.i - 1
            mod_start = a
            steps = 0
            while j >= 0 and steps < 3 and ctx.gap(words[j], words[j + 1]) == " " and (
                    words[j].cap or words[j].upper or len(words[j].key) == 1 or words[j].key in _ROLE_MODIFIERS) \
                    and words[j].key not in _ROLE_PRECEDERS:
                mod_start = words[j]
                j -= 1
                steps += 1
            det = words[j] if j >= 0 else None
            det_ok = det is not None and det.key in _ROLE_PRECEDERS and ctx.gap(det, words[j + 1]).strip() in ("",)
            if ctx.text[max(0, a.start - 2):a.start] in ("l'", "l’", "L'", "L’"):
                det_ok = True
            nx = ctx.word(b.i + 1)
            has_comp = nx is not None and ((ctx.gap(b, nx) == " " and nx.key in _ROLE_EXT_WORDS and nx.key not in {"and", "the", "a", "an", "la", "le"})
                                           or ctx.gap(b, nx).strip() in ("d'", "d’"))
            plural_next = False
            followed_by_name = nx is not None and ctx.gap(b, nx).strip(" .") == "" and (nx.cap and not ctx.is_common(nx))
            speech_after = (nx is not None and not nx.cap and ctx.gap(b, nx) == " "
                            and nx.key in SPEECH_VERBS and (nx.key.endswith("ed") or nx.key in {"said", "told", "spoke", "dit"}))
            bare_generic = (" ".join(x.key for x in seq) in GENERIC_ALONE)
            ok = False
            if det_ok and not plural_next:
                ok = not bare_generic or has_comp or det.key in {"the", "la", "le", "l'", "her", "his", "their", "our", "sa", "son"}
            elif has_comp and not bare_generic:
                ok = True
            elif followed_by_name and a.cap and not bare_generic:
                ok = True
            elif speech_after and not bare_generic:
                ok = True
            if ctx.line_start_before(a) and ctx.next_char(b.end) == ":":
                ok = False  # "Moderator: Name" is a label; the name after it goes
            # "the co-chairs" (plural) and "chairs" are generic
            if ctx.text[b.end:b.end + 1] == "s" and ctx.text[b.end:b.end + 2] != "s'":
                ok = False
            if not ok:
                i += match_len
                continue
            end = b.end
            if has_comp:
                end = self._extend_role(b)
            start = a.start
            if mod_start is not a:
                start = mod_start.start
            self.roles.append(Candidate(start, end, "ROLE", f"singling role '{ctx.text[a.start:b.end]}'", prio=2))
            i = _word_index_at(ctx, end - 1) + 1 if _word_index_at(ctx, end - 1) is not None else i + match_len
            i = max(i, a.i + match_len)

    def _extend_role(self, b: Word) -> int:
        ctx = self.ctx
        end = b.end
        j = b.i + 1
        last_content = b.end
        while j < len(ctx.words):
            w = ctx.words[j]
            g = ctx.gap(ctx.words[j - 1], w)
            if g not in (" ", "") and not (g == "'" or g == "’") and g.strip() not in ("d'", "d’", "l'", "l’"):
                break
            pos = ctx.pos(w)
            if w.key in _ROLE_EXT_WORDS and w.key not in {"and"}:
                j += 1
                continue
            if pos in ("NOUN", "PROPN", "ADJ", "NUM", "X") or w.cap or w.upper:
                if pos in ("VERB", "AUX", "PRON") and not (w.cap or w.upper):
                    break
                last_content = w.end
                j += 1
                continue
            break
        return max(end, last_content)


def _word_index_at(ctx: NoteContext, pos: int) -> Optional[int]:
    import bisect
    i = bisect.bisect_right(ctx.word_starts, pos) - 1
    if i < 0:
        return None
    w = ctx.words[i]
    if w.start <= pos < w.end or w.start == pos:
        return i
    if pos < w.end:
        return i
    nxt = i + 1
    if nxt < len(ctx.words) and ctx.words[nxt].start == pos:
        return nxt
    return None


# --------------------------------------------------------------------------------------
# Quasi-identifiers
# --------------------------------------------------------------------------------------
def find_quasi(ctx: NoteContext, persons: list[Candidate]) -> list[Candidate]:
    """Self-identifying details, flagged (not removed) for the rapporteur to confirm.

    The flag covers the identifying phrase only ("as the only Inuk woman on the panel"), not the
    rest of the sentence: if the reviewer removes the flagged text, the idea itself survives.
    """
    out = []
    for rx in _QUASI:
        for m in rx.finditer(ctx.text):
            s, e = m.start(), _quasi_end(ctx, m.start(), m.end())
            if e - s < 8:
                continue
            out.append(Candidate(s, e, "QUASI", "possible self-identifying detail (please confirm)", action="flag", prio=0))
    return out


_QUASI_MAX = 80
_QUASI_TRAILING = frozenset(fold(w) for w in "and|or|but|et|ou|mais|then|also|has|had|have|was|is|a|ont|est|who|qui|,".split("|"))


def _quasi_end(ctx: NoteContext, s: int, e: int) -> int:
    """Where the identifying phrase starting at *s* ends: before a comma, before the main clause's
    speech verb ("... who led the 2014 review | said ..."), and within a short length."""
    comma = ctx.text.find(",", s, e)
    if comma > s:
        e = comma
    import bisect
    i = bisect.bisect_left(ctx.word_starts, s)
    first = True
    while i < len(ctx.words) and ctx.words[i].start < e:
        w = ctx.words[i]
        if not first and w.key in SPEECH_VERBS and not w.cap and (ctx.pos(w) in ("VERB", "AUX") or w.key.endswith(("ed", "é", "aid", "it"))):
            e = w.start
            break
        if w.start > s + 2:
            first = False
        i += 1
    if e - s > _QUASI_MAX:
        cut = ctx.text.rfind(" ", s, s + _QUASI_MAX)
        e = cut if cut > s else s + _QUASI_MAX
    # drop dangling conjunctions and auxiliaries ("who led the review and | said")
    while True:
        chunk = ctx.text[s:e].rstrip(" ,;")
        last = chunk.rsplit(" ", 1)
        if len(last) == 2 and fold(last[1]) in _QUASI_TRAILING:
            e = s + len(last[0])
            continue
        return s + len(chunk)
