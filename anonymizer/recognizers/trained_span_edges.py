"""Where a span of the trained model starts and ends, and what its words are.

The model's boundaries are good on names written with capitals and loose elsewhere: a span may run into the verb
after a name ("X Network should get …"), stop on the "of" of a title ("Deputy Minister of"), or start on a
discourse word ("Ensuite, Odalric"). A name written in lower case ("tsering", "secu publique") is made of words a
vocabulary test calls ordinary, so in lower case only grammar (the tagger's part of speech of ordinary words)
marks an edge.
"""
from __future__ import annotations

import re

from ..french import is_french_word
from ..given_names import given_name_keys
from ..vocab import ROLE_TITLES, common_words, fold
from ..wordclass import is_common_key
from .trained_lexicon import CSO_HEADS, TITLE_ABBREVIATIONS, TITLE_HEADS

__all__ = ["WORD", "group_name", "has_title_word", "ordinary", "title_as_role", "trim", "trim_role", "trim_tail"]

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# lower-case words that end a name when they are ordinary words: grammar, not adjectives ("Forces armées canadiennes")
_EDGE_POS = frozenset({"VERB", "AUX", "ADP", "DET", "ADV", "PRON", "SCONJ", "CCONJ", "NUM", "PART"})
_CLAUSE_POS = frozenset({"VERB", "AUX", "PRON", "SCONJ"})
_TITLE_LINKS = frozenset({"of", "for", "de", "du", "des", "aux", "au", "près", "auprès"})
_CHAIRS = re.compile(r"^(?:co-?|vice-)?(?:chair|chairperson|president|presidente)s$")
# discourse openers before a comma ("Ensuite, Odalric"); a surname before its given name ("Stone, Mary") is no opener
_OPENERS = frozenset(fold(w) for w in """ensuite enfin puis alors donc merci bref voilà voila bon oui non aussi
cependant toutefois également finalement d'abord premièrement deuxièmement then finally also thanks however so next
first second third yes no well okay ok meanwhile later afterwards again plus""".split())


def title_as_role(surface: str, label: str) -> str:
    """A "person" that is nothing but a title ("Présidente", "Vice-Chair") is a role: it passes the role tests;
    a "title" that is one given name and no title word ("martine d'ircc") is a person."""
    key = fold(surface).rstrip(".")
    if label == "ROLE" and " " not in key and key in given_name_keys() and not has_title_word(surface):
        return "PERSON"
    return "ROLE" if label == "PERSON" and key in ROLE_TITLES else label


def trim_role(span):
    """A title without what follows it: "the Deputy Minister [a question]" ends before a determiner that no
    preposition introduces ("chair of the subcommittee" keeps its "the"), and before closing punctuation. A
    title left hanging on "of"/"de" takes the words that complete it ("Deputy Minister of Rural Affairs", "the
    director of refugee programs"): the office's full name is the title."""
    toks = list(span)
    if toks and toks[0].pos_ in ("VERB", "AUX") and toks[0].text.islower() and toks[0].tag_ not in ("VBG", "VBN") \
            and not has_title_word(toks[0].text):
        toks = toks[1:]  # "connecte de Rimouski": a verb and its complement are no title
        while toks and toks[0].pos_ == "ADP":
            toks = toks[1:]
    for i, tok in enumerate(toks[1:], start=1):
        if tok.pos_ in ("DET", "PRON", "VERB", "AUX") and toks[i - 1].pos_ != "ADP" and tok.text.islower():
            toks = toks[:i]
            break
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks:
        return None
    end = toks[-1].i + 1
    if _hangs(toks):
        end = _completion_end(span.doc, end)
    return span.doc[toks[0].i:end]


def _hangs(toks) -> bool:
    """The title ends on the preposition that introduces its office, or on that preposition's article
    ("director general of the", "procureur général près la"): the words after it complete it."""
    last = toks[-1]
    if last.pos_ == "DET" and len(toks) > 1:
        last = toks[-2]
    return last.text.lower() in _TITLE_LINKS and (last.pos_ == "ADP" or last.text.lower() in ("près", "auprès"))


def _completion_end(doc, i: int) -> int:
    """End of the words after a title's last preposition: up to six, stopping at punctuation, a line break, a verb
    or a pronoun (a determiner only right after the preposition: "of the Treasury")."""
    end = i
    for j in range(i, min(len(doc), i + 6)):
        tok = doc[j]
        if tok.is_punct or tok.is_space or "\n" in tok.whitespace_ or tok.pos_ in ("AUX", "PRON", "SCONJ") \
                or tok.pos_ == "VERB" and not _participle_adjective(doc, j) or tok.pos_ == "DET" and j > i:
            break
        end = j + 1
    return end


def _participle_adjective(doc, j: int) -> bool:
    """A participle before a noun is an adjective of the office ("the controlled substances directorate")."""
    return doc[j].tag_ in ("VBN", "VBG") and j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN", "ADJ")


def trim_tail(span):
    """A group's name without what follows a comma that only grammar words follow ("Institut X pour la paix, de")."""
    toks = list(span)
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ")) and \
            any(t.text == "," for t in toks):
        toks.pop()
    return span.doc[toks[0].i:toks[-1].i + 1]


def group_name(span) -> bool:
    """An organization span that ends (or starts) with a group head word ("… drop-in", "maison …"): its ordinary
    lower-case words are its name, not edges to trim."""
    words = [fold(w.group()) for w in WORD.finditer(span.text)]
    return span.label_ == "ORG" and len(words) >= 2 and (words[-1] in CSO_HEADS or words[0] in CSO_HEADS)


def _after_acronym(prev, tok) -> bool:
    """A lower-case word right after an acronym other than a linking word: the acronym's sentence goes on ("AMC
    expose les familles", whatever the tagger made of the verb)."""
    return len(prev.text) >= 2 and prev.text.isupper() and tok.text.islower() and tok.pos_ not in ("ADP", "PART") \
        and tok.text not in ("'s", "’s")


def trim(span):
    """The span without ordinary lower-case words, numbers or punctuation at its edges (None if nothing is left)."""
    # a name written with capitals ends at its capitals ("Faith groups"); in a span all in lower case only grammar
    # words are edges, since a lower-case name ("tsering", "secu publique") is made of such words
    cased = span.label_ == "PERSON" and not span.text.islower()

    def edge(tok) -> bool:
        lower = tok.text.islower()
        return tok.is_punct or tok.like_num or (lower and (("." in tok.text and len(tok.text) > 2) or ordinary(tok.text)
                                                           and (cased or tok.pos_ in _EDGE_POS)))

    toks = list(span)
    while toks and edge(toks[0]):
        toks.pop(0)
    if len(toks) > 2 and toks[1].text == "," and fold(toks[0].text) in _OPENERS:
        toks = toks[2:]  # a sentence opener before its comma: "Ensuite, Odalric", "Finally, Jo"
    for i, tok in enumerate(toks[1:], start=1):
        if tok.text.islower() and tok.pos_ in _CLAUSE_POS and ordinary(tok.text) or tok.text in "()[]" \
                or _after_acronym(toks[i - 1], tok):
            toks = toks[:i]  # a name holds no lower-case verb, pronoun or bracket: "X Network should get …" ends at X
            break
    while toks and edge(toks[-1]):
        toks.pop()
    if not toks or len(toks) == 1 and fold(toks[0].text) in _OPENERS:
        return None  # "ok", "alors" alone: a discourse word, whatever the tagger made of it
    return span.doc[toks[0].i:toks[-1].i + 1]


def has_title_word(surface: str) -> bool:
    """The span holds a title word or is a known title or abbreviation."""
    key = fold(surface).rstrip(".")
    if surface in TITLE_ABBREVIATIONS or surface.rstrip(".") + "." in TITLE_ABBREVIATIONS or key in ROLE_TITLES:
        return True
    if _CHAIRS.match(key.replace(" ", "-")):
        return True  # "the co-chairs", "les coprésidentes": a meeting has one or two, so the plural names them
    parts = [p for w in WORD.finditer(surface) for p in {fold(w.group()), *fold(w.group()).split("-")}]
    return any(p in TITLE_HEADS or p in ROLE_TITLES for p in parts)  # "chairperson-designate", "avocate-conseil"


def ordinary(word: str) -> bool:
    """Ordinary vocabulary, inflections included ("shelters", "emerging", "tribunaux"); a capitalized word
    that is also a given name ("Benoît", "Faith") is not counted as ordinary."""
    key = fold(word)
    if word[:1].isupper() and key in given_name_keys():
        return False
    return is_common_key(key, common_words()) or (word.islower() and is_french_word(key))
