"""Spans found by the trained domain model (``doc.spans["domain"]``), kept only where they attribute.

The model (``anonymizer.domain_model``) proposes PERSON, ORG, ROLE and PLACE spans from context. A
plain union with the rules costs keep, so each span passes the same tests the rules apply:

- an allow-listed body (or subject term) stays unless an attribution cue ties it to a speaker
  ("officials of …", "speaking for …", "(…)" after a name, "… rep", "… said", "au nom de …");
- a person or organization span made only of ordinary lower-case words stays (sentence-initial
  "Ensuite", "Merci", contractions, "the newcomer … hub" written in lower case), unless it stands in brackets
  after a person, a body is spoken for ("speaking for …"), or, in a note typed all in lower case, a "name" acts
  or leads a line ("- ivy -> …", "mercy a offert …");
- a place counts with an origin cue ("from …", "as a … myself", "the … expert", "je représente …"), or
  without one unless it reads as a setting (``trained_span_trust``);
- an organization counts with an attribution cue, a civil-society head word ("… Network", "Collectif …"), or
  when it reads as a name; a role when it holds a title word ("… Director", "greffière", "DM") or is not
  only ordinary words;
- a span is cut to its name first (``trained_span_edges``: "… wants", "described …", "X Network should …"; a
  title hanging on "of" is completed), and a "name" that is a country, a city or a nationality is left to the
  place rules.

Each span's decision is named (``verdicts``), so a diagnosis can count which test keeps what.

The score is the model's precision for the label on its synthetic development set (the greedy NER
gives no per-span probability), stored with the weights.
"""
from __future__ import annotations

import re

from ..domain_model import domain_spans
from ..lexicon import NON_NAME_LINE_LABELS
from ..reasons import Reason
from ..vocab import (COMMON_ACRONYMS, COMMON_PHRASES, COUNTRIES, DEMONYMS, HONORIFICS, NON_PERSON_PROPER, PLACES,
                     SUBJECT_HEADS, common_words, fold)
from ..given_names import given_name_keys
from ..keep_lexicon import MODALS
from ..wordclass import is_common_key
from .base import Candidate
from .place_cues import HOST_PLACES, is_speech_verb
from .signature_blocks import SIGN_OFF_WORDS
from .trained_lexicon import CSO_HEADS
from .trained_span_cues import (COLLECTIVE_BEFORE, DATE_BEFORE, FOR_BEFORE, ORIGIN_AFTER, ORIGIN_BEFORE, PAREN_BEFORE,
                                attributed as tied_to_speaker, heard_as_witness)
from .trained_span_edges import (WORD as _WORD, group_name, has_title_word, ordinary, title_as_role, trim, trim_role,
                                 trim_tail)
from .trained_span_lines import bracketed_list, field_label, first_line, opens_line
from .trained_span_trust import defined_terms, place_is_setting, trusted_org, trusted_role, without_article
from .trained_span_words import acts_after, phrase_goes_on, sentence_start

RECOGNIZER_ID = "trained_spans"
# the verdicts of ``_verdict`` that remove a span; "plain_person": a name after an honorific, initials, a speaker label
REMOVE = frozenset({"plain_person", "named_group", "person", "origin", "place", "org", "role"})
_COMMA_BEFORE = re.compile(r",[ \t]*$")
_HONORIFIC_BEFORE = re.compile(r"\b(?:mr|mrs|ms|mx|dr|prof|professor|sir|dame|senator|hon|m|mme|mlle|me|pr|pre|dre|"
                               r"sénateur|sénatrice|l['’]aînée?|elder|madame|monsieur|deputy|minister|ministre)\.?\s+$", re.I)
# the close of an e-mail, on its own line before the signature: "Thanks,", "Best regards,", "Cordialement,"
_SIGN_OFF = re.compile(r"(?:^|\n)[ \t]*(?:" + SIGN_OFF_WORDS + r")[ \t]*[,!.]?[ \t]*\n[ \t]*$", re.I)
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.?-?\s?){1,4}$")
_NOT_INITIALS = frozenset("us uk un eu ue nb ps ok usa onu".split())
_PROGRAMME_WORDS = frozenset(fold(w) for w in """program programme programs fund strategy framework policy plan
directive agreement treaty convention accord compact review study guidelines protocol act operation mission
exercise
programme fonds stratégie cadre politique traité accord protocole examen étude loi""".split())
_TITLE_BEFORE = re.compile(r"[A-Z][\w'-]*\s+([A-Z][\w'-]*)\s+(?:to|for|on|of|against|sur|pour|contre)\s+$")
_PREV_CAP_WORD = re.compile(r"\b([A-Z][\w'-]*)\s+$")
# "Group C", "Groupe H", "Table 4": the labels of breakout groups are not people
_GROUP_WORDS = frozenset("group groupe grp table atelier breakout session plenary pleniere panel".split())
# "a gender adviser in each mission", "every deputy head": a title taken generically is not a role
_GENERIC_BEFORE = re.compile(r"(?:^|\b)(?:a|an|any|every|each|all|some|no|un|une|des|chaque|tout|toute|tous|toutes|"
                             r"aucun|aucune)\s+$", re.I)
_PREDICATE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|being|est|sont|était|étaient|être|sera|seront)\s+$", re.I)
_DUTY_START = re.compile(r"(?:responsables?|responsible|chargée?s?|in charge)\b", re.I)
_GENERIC_START = re.compile(r"(?:a|an|any|every|each|all|some|no|un|une|des|chaque|tout|toute|tous|toutes)\s", re.I)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|our|their|from the|at the|la|le|notre|leur|du|au)\s+$", re.I)
_AGENDA_TIME = re.compile(r"(?:^|\n)[ \t]*\d{1,2}[:h.][ \t]?\d{2}[ \t]*(?:[-–—][ \t]*)?$")
_MARKUP = re.compile(r"[<>=/\\{}\[\]|@#]")


class TrainedSpans:
    """Recognizer over the trained model's spans (no-op when the model is not loaded)."""

    id = RECOGNIZER_ID

    def analyze(self, doc, context) -> list[Candidate]:
        """Candidates for the model's spans that the tests remove (the others stay as subject matter)."""
        verdicts = self.verdicts(doc, context)
        if not verdicts:
            return []
        text, scores = context.text, doc.spans["domain"].attrs.get("precision", {})
        out = []
        for s, e, label, verdict in verdicts:
            if verdict in REMOVE:
                label = "PERSON" if verdict == "plain_person" else label  # "[TK] said": initials the model took for a body
                if label == "ORG":
                    s, e = _whole_mention(context, s, e)
                out.append(Candidate(s, e, label, Reason.MODEL, recognizer=RECOGNIZER_ID,
                                     score=float(scores.get(label, 0.8)), key=_key(text[s:e], label), prio=1))
        return out

    def verdicts(self, doc, context) -> list[tuple[int, int, str, str]]:
        """Each model span, trimmed, with the name of the test that decides it (see ``_verdict``)."""
        spans = domain_spans(doc)
        if not spans:
            return []
        text = context.text
        allow = getattr(getattr(context, "index", None), "allow_forms", set())
        lines = [sp for sp in map(first_line, spans) if sp is not None]
        trimmed = [(t.start_char, t.end_char, title_as_role(t.text, sp.label_)) for sp in lines
                   for t in [trim_role(sp) if sp.label_ == "ROLE" else trim_tail(sp) if group_name(sp) else trim(sp)]
                   if t is not None]
        # first the spans that stand without a "(…)" cue; the people and titles among them anchor that cue
        subjects = frozenset(t.idx for t in doc if t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"))
        lower_note = getattr(context, "lowercase_style", False)
        first = {c: _verdict(text, *c, allow, subjects=subjects, lower_note=lower_note) for c in trimmed}
        rule_found = [c for cands in getattr(context, "found", {}).values() for c in cands]
        people_ends = _people_ends(doc, [c for c in trimmed if first[c] in REMOVE], rule_found)
        final = {c: v if v in REMOVE else _verdict(text, *c, allow, people_ends, subjects, lower_note)
                 for c, v in first.items()}
        _caption_chains(text, final, [c for c in rule_found if c.action == "redact"],
                        lambda c, ends: _verdict(text, *c, allow, people_ends | ends, subjects, lower_note))
        person_starts = frozenset([s for (s, _e, label), v in final.items() if label == "PERSON" and v in REMOVE]
                                  + [e.start_char for e in doc.ents if e.label_ in ("PERSON", "PER")]
                                  + [c.start for c in rule_found if c.label == "PERSON"])
        for c, v in final.items():
            if c[2] == "ROLE" and v in REMOVE and field_label(text, c[0], c[1], person_starts):
                final[c] = "field_label"
        return [(s, e, label, final[(s, e, label)]) for s, e, label in sorted(final)]


def _whole_mention(context, s: int, e: int) -> tuple[int, int]:
    """The known name of a body the span cuts short ("Affaires mondiales" of "Affaires mondiales Canada")."""
    for ms, me, *_rest in getattr(context, "org_mentions", ()):
        if ms < e and s < me:
            s, e = min(s, ms), max(e, me)
    return s, e


def _caption_chains(text: str, final: dict, rule_found: list, judge) -> None:
    """A witness caption written in a sentence, "Name, title, branch, department, and …": each item after a comma
    continues the caption of the person before it, so a body there is attributed like the first one. The chain
    starts at a person on the same line and runs through items that are removed (in *final*, updated in place)."""
    chained = {c.end for c in rule_found if c.label in ("PERSON", "ROLE", "ORG")}
    chained |= {e for (_s, e, label), v in final.items() if v in REMOVE and label in ("PERSON", "ROLE", "ORG")}
    people = [c.start for c in rule_found if c.label == "PERSON"] + [s for (s, _e, lab), v in final.items()
                                                                   if lab == "PERSON" and v in REMOVE]
    for c in sorted(final):
        s, e, label = c
        comma = _COMMA_BEFORE.search(text, max(0, s - 4), s)
        if final[c] in REMOVE or label not in ("ORG", "ROLE") or comma is None or comma.start() not in chained:
            continue
        line_start = text.rfind("\n", 0, s) + 1
        if not any(line_start <= p < s for p in people):
            continue
        final[c] = judge(c, frozenset({comma.start()}))
        if final[c] in REMOVE:
            chained.add(e)


def _people_ends(doc, kept, found=()) -> frozenset[int]:
    """Offsets where a person or a title ends (also one space later): where "(Org)" attributes."""
    ends = [e for _s, e, label in kept if label in ("PERSON", "ROLE")]
    ends += [e.end_char for e in doc.ents if e.label_ in ("PERSON", "PER")]
    ends += [c.end for c in found if c.label == "PERSON"]
    return frozenset(x for end in ends for x in (end, end + 1))


def _key(surface: str, label: str) -> str | None:
    """Placeholder identity for a model-found name (the same spelling, the same number)."""
    return f"u:{fold(surface)}" if label == "PERSON" else None


def _verdict(text: str, s: int, e: int, label: str, allow, people_ends=frozenset(), subjects=frozenset(),
             lower_note: bool = False) -> str:
    """The name of the test that decides a model span: one of ``REMOVE`` removes it, any other leaves it as
    subject matter. Naming the test (not just yes or no) lets a diagnosis count which test keeps what."""
    surface = text[s:e]
    before, after = text[max(0, s - 60):s], text[e:e + 30]
    attributed = tied_to_speaker(text, s, e, before, after, people_ends)
    if _is_allowed(surface, allow) and not attributed:
        return "allowed"
    if label in ("ORG", "PLACE") and bracketed_list(text, s, e) not in (-1, *people_ends):
        return "listed"  # "partners to add (PHAC, ISC, VAC)"; "Jo (GAC, RCMP, CBSA)" still attributes
    if any(ch.isdigit() for ch in surface) or _MARKUP.search(surface) or text[max(0, s - 1):s] in ("=", "<", "/"):
        return "figure"  # figures, markup and code ("src=", "<img") are not names
    if sum(ch.isalpha() for ch in surface) < 2:
        return "short"
    words = [fold(w.group()) for w in _WORD.finditer(surface)]
    if " ".join(words) in COMMON_PHRASES or surface in COMMON_ACRONYMS:
        return "common_phrase"
    if label == "PERSON" and surface.replace(".", "").lower() in _NOT_INITIALS:
        return "country_initials"  # "UK", "U.S.", "ONU": countries and unions, not initials
    if label in ("PERSON", "ORG") and _label_of_the_notes(words, before, after):
        return "line_label"  # "Groupe F (notes)", "Idea:", "Table 3": a breakout or line label, as the rules read it
    if label == "PERSON" and _plainly_person(surface, before, after):
        return "place_name" if _is_place(surface) else "plain_person"
    if label in ("PERSON", "ORG") and _heading_line(text, s) and not attributed and \
            not any(w in given_name_keys() for w in words):
        return "heading"
    if label == "ORG" and _named_group(words, before, attributed):
        return "named_group"
    if label in ("PERSON", "ORG"):
        if _only_common_words(text, s, surface) and not (_after_person_paren(s, before, people_ends) or FOR_BEFORE.search(before)
                                                          or heard_as_witness(before, after)
                                                          or _lower_case_actor(lower_note, surface, label, before, after)):
            return "common_words"
        if _inside_title(before) or (words and (words[-1] in _PROGRAMME_WORDS or words[-1] in SUBJECT_HEADS)):
            return "programme"
        if words and (words[-1] in _CAMPS or words[0] in _CAMPS and len(words) > 1):
            return "place_name"  # "camp de Kakuma", "the Dadaab camps": a place, not a group
    if label in ("PERSON", "ORG") and _bracketed_initials(text, s, e, after):
        return "plain_person"  # "- [OH] said …", "[TK] wants …": a speaker's initials in square brackets
    if label == "PERSON" and len(words) == 2 and words[0] in MODALS and words[1] in allow and words[1].upper() in surface:
        return "body_in_name"  # "Will ISC fund it?": a modal before an allow-listed body
    if label == "PERSON":
        return _person_verdict(text, s, surface, words, before, after, attributed, s in subjects)
    if label == "ROLE" and _PREDICATE_BEFORE.search(before) and _DUTY_START.match(surface):
        return "duty"  # "le ministère est responsable de …": what a body is in charge of, not a person's title
    if label == "PLACE":
        return _place_verdict(surface, s, e, before, after, people_ends, subjects)
    if label == "ORG" and surface in defined_terms(text) and not attributed:
        return "defined_term"  # "sexual harassment and abuse (SHA)": the note's own short form of a subject
    if label == "ORG":
        trusted = attributed or trusted_org(surface, words) or (not _bare_acronym(surface) and any(w in CSO_HEADS for w in words))
        return "org" if trusted else "untrusted_org"
    if not (has_title_word(surface) or trusted_role(words, surface) or _after_person_paren(s, before, people_ends)):
        return "no_title_word"  # in brackets after a name ("ines (…)") it is her title or her group: both go
    return "generic_role" if _GENERIC_BEFORE.search(before) or _GENERIC_START.match(surface) else "role"


def _person_verdict(text: str, s: int, surface: str, words: list[str], before: str, after: str, attributed: bool,
                    subject: bool = False) -> str:
    """The tests a would-be name passes once the common ones are done."""
    if _named_programme(words, before) or any(w in _GROUP_WORDS for w in words) or \
            (len(words) == 1 and words[0].rstrip(".") in HONORIFICS):
        return "programme_name"
    if len(words) == 1 and words[0] in NON_PERSON_PROPER and DATE_BEFORE.search(before):
        return "date"  # "a report by June", "d'ici juin": a month, though June is also a name
    if len(words) >= 3 and all(w in common_words() for w in words):
        return "common_words"
    if len(words) == 1 and is_common_key(words[0], common_words()) and sentence_start(text, s) \
            and phrase_goes_on(after, subject) and not _SIGN_OFF.search(before):
        return "word_opening"  # "Hope for peace …": a common word opening a noun phrase; "Faith asked" is a name
    if _is_place(surface):
        return "place_name"
    return "bare_acronym" if _bare_acronym(surface) and not attributed else "person"


def _place_verdict(surface: str, s: int, e: int, before: str, after: str, people_ends, subjects) -> str:
    """A place goes with an origin cue, or without one unless it reads as a setting."""
    if fold(surface) in HOST_PLACES:
        return "host_place"  # "ici, au Canada": the consultation's own country says nothing of who spoke
    if COLLECTIVE_BEFORE.search(before) and not any(map(is_speech_verb, _WORD.findall(after))):
        return "group"  # "la diaspora soudanaise est écartée": a people, not one speaker (unless it speaks here)
    if not _is_place(surface) and all(ordinary(w) for w in surface.split()):
        return "common_words"  # "the only Deaf woman": an ordinary word, not an origin
    if ORIGIN_BEFORE.search(before) or ORIGIN_AFTER.match(after) or _after_person_paren(s, before, people_ends):
        return "origin"
    if place_is_setting(surface, before, after):
        return "setting"
    return "subject" if any(s <= i < e for i in subjects) else "place"


def _bracketed_initials(text: str, s: int, e: int, after: str) -> bool:
    """Two or three capitals in square brackets that act: a note-taker's way of writing who spoke."""
    surface = text[s:e]
    return (text[max(0, s - 1):s] == "[" and text[e:e + 1] == "]" and surface.isalpha() and surface.isupper()
            and 2 <= len(surface) <= 3 and surface.lower() not in _NOT_INITIALS and acts_after(after[1:]))


def _named_group(words: list[str], before: str, attributed: bool) -> bool:
    """A group named by what it is, in lower case, with "the"/"our" or a cue ("the youth drop-in", "notre
    maison d'hébergement"): one particular organization, not a kind ("a shelter", "shelters")."""
    if len(words) < 2 or not (words[-1] in CSO_HEADS or words[0] in CSO_HEADS):
        return False
    return attributed or bool(_DEFINITE_BEFORE.search(before))


def _label_of_the_notes(words: list[str], before: str, after: str) -> bool:
    """A breakout group's label ("Group C", "Groupe F"), a line label before its colon ("Idea:") or an agenda
    item after its time ("09:30 Welcome:"; a chat's "09:30 tova.r:" is no ordinary word)."""
    if len(words) == 2 and words[0] in _GROUP_WORDS and len(words[1]) <= 2:
        return True
    if len(words) != 1 or after.lstrip()[:1] not in (":", "("):
        return False
    agenda_item = _AGENDA_TIME.search(before) is not None and words[0] not in given_name_keys() \
        and is_common_key(words[0], common_words())
    return words[0] in NON_NAME_LINE_LABELS or agenda_item


_CAMPS = frozenset({"camp", "camps"})


def _plainly_person(surface: str, before: str, after: str) -> bool:
    """A name after an honorific ("SENATOR RANGANATHAN", "Mme Okoro"), initials ("N.K.", "M-J. R."), a name
    before its body in brackets ("TALIA (Org)", "(Will, Org)") or a speaker label at the start of a line
    ("GITAU:"): a person even in capitals or on a heading-like line."""
    if _HONORIFIC_BEFORE.search(before):
        return True
    letters = surface.replace(".", "").replace("-", "").replace(" ", "")
    if _INITIALS.match(surface) and ("." in surface or len(letters) <= 3) and letters.lower() not in _NOT_INITIALS:
        return after.lstrip()[:1] in (":", ",", "(", ")", "") or acts_after(after)
    if re.match(r"\s*\((?!\s*\d)", after) and len(surface.split()) <= 3 and not _inside_title(before) \
            and not _one_ordinary_word(surface):
        return True  # "OLESYA (Org)", "MAY CHEN (ORG):" a name with its body in brackets; not "Planning (…)"
    if before.rstrip().endswith("(") and after.lstrip()[:1] == ",":
        return True  # "(Will, Org)"
    return opens_line(before) and after.lstrip()[:1] == ":"


def _one_ordinary_word(surface: str) -> bool:
    """One ordinary word that is no given name ("Planning", "Budget")."""
    key = fold(surface)
    return " " not in key and is_common_key(key, common_words()) and key not in given_name_keys()


def _after_person_paren(s: int, before: str, people_ends) -> bool:
    """The place stands in brackets right after a name or a title: "Jo Tan (Ghana)"."""
    paren = PAREN_BEFORE.search(before)
    return paren is not None and (s - len(before) + paren.start()) in people_ends


def _is_place(surface: str) -> bool:
    """Every word is a known country, place or nationality."""
    key = fold(surface)
    if key in PLACES or key in COUNTRIES or key in DEMONYMS:
        return True
    parts = [fold(w.group()) for w in _WORD.finditer(surface)]
    return bool(parts) and all(p in PLACES or p in COUNTRIES or p in DEMONYMS for p in parts)


def _bare_acronym(surface: str) -> bool:
    """A capitals-only word of three or more letters without dots ("ABCD", plural "ABCDs"): a programme or
    body as often as a person."""
    core = surface[:-1] if surface.endswith("s") else surface
    return core.isalpha() and core.isupper() and len(core) >= 3


def _named_programme(words: list[str], before: str) -> bool:
    """"Operation X", "Exercise X": a programme word right before or at the start of a would-be name."""
    prev = _PREV_CAP_WORD.search(before)
    first = words[0] if words else ""
    heads = _PROGRAMME_WORDS | SUBJECT_HEADS
    return (len(words) >= 2 and first in heads) or (prev is not None and fold(prev.group(1)) in heads)


def _inside_title(before: str) -> bool:
    """The span continues a capitalized programme title ("… Action Plan to …", "… Strategy for …")."""
    m = _TITLE_BEFORE.search(before)
    return m is not None and fold(m.group(1)) in (_PROGRAMME_WORDS | SUBJECT_HEADS)


def _is_allowed(surface: str, allow) -> bool:
    """The span (without a leading article) is an allow-listed form, or one with a unit word after it ("the RCMP
    office", "le bureau de l'ASFC" keep the body's status)."""
    if not allow:
        return False
    form = " ".join(fold(without_article(surface)).replace(",", " ").split())
    return form in allow or _UNIT_AROUND.sub("", form) in allow


_UNIT_AROUND = re.compile(r"\s+(?:office|offices|detachment|branch|headquarters|bureau|bureaux|regional office)$|"
                          r"^(?:bureau|bureaux|detachement|siege|direction regionale)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')")

def _heading_line(text: str, pos: int) -> bool:
    """The line holding *pos* reads as a heading: '#' first, all capitals, or every word capitalized."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)].strip()
    words = [w.group() for w in _WORD.finditer(line)]
    if line.startswith("#"):
        return True
    if len(words) < 2 or line[-1:] in ".?!;," or "," in line:  # "Title, Organization" captions are not headings
        return False
    return line.isupper() or all(w[0].isupper() for w in words if len(w) > 3)


def _only_common_words(text: str, s: int, surface: str) -> bool:
    """Every word is ordinary vocabulary and none is capitalized except at the start of a sentence or line;
    letters spelled one by one ("the g a c rep", "i s e d", as speech-to-text writes an acronym) are no words."""
    words = list(_WORD.finditer(surface))
    if not words or any(not ordinary(w.group()) for w in words) or (len(words) >= 2 and all(len(w.group()) == 1 for w in words)):
        return False
    for w in words:
        pos = s + w.start()
        if w.group()[0].isupper() and not sentence_start(text, pos):
            return False
    return True


def _lower_case_actor(lower_note: bool, surface: str, label: str, before: str, after: str) -> bool:
    """A person written in lower case in a note typed all in lower case, doing something or opening a line ("mercy
    a offert", "- ivy -> …", "- sam from …"): case says nothing there, so an ordinary word the model took for a
    name goes when it acts or leads a line."""
    if not (lower_note and label == "PERSON" and surface.islower()):
        return False
    return acts_after(after) or opens_line(before)
