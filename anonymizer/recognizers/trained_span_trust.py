"""Where the trained model is trusted without a cue word: places, organizations and titles it found.

The model learned attribution from notes and transcripts people wrote, so a place, body or title it marks is
removed even when no cue of the rules stands beside it ("uncertain means removed"), unless the span reads as
the setting or subject of an idea:

- a place after a locative preposition ("groups in Gulu", "au Nunavik", "l'aide qui vient d'Ottawa"), in a
  list of places joined by "and"/"or" ("from Tanzania and Malawi") or as the subject of a verb ("le Gabon n'a
  pas de plan") is where something happens, not where a speaker comes from (origins keep their cues: "based
  in", "here in"); an English "from" alone is no locative: "straight from Moncton:" is a speaker's origin as
  often as not;
- an organization is a group's name: no comma, at most six words, not only ordinary words unless one is a
  group's head word ("the youth drop-in" is, "a fund for trainers, open to groups in …" is not), and not a
  public body (those keep needing a cue); an acronym no list knows is a group's short name, unless the note
  spells it out from ordinary words ("sexual harassment and abuse (SHA)");
- a title does not end in a plural noun ("key themes"), is not one ordinary word ("Staff argued",
  "Prévoir …" opening a decision point), and holds a word for a person's function ("policy lead", "agente
  de liaison") or a word that is no ordinary word ("advice for Ottawa" holds neither).
"""
from __future__ import annotations

import functools
import re

from ..french import is_french_word
from ..french_bodies import body_forms
from ..gazetteer import is_demonym
from ..lexicon import PLACE_WORDS
from ..vocab import FUNCTION_WORDS, common_words, fold
from ..wordclass import is_common_key
from .trained_lexicon import CSO_HEADS

__all__ = ["defined_terms", "place_is_setting", "trusted_org", "trusted_role", "without_article"]

_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|at|within|across|throughout|inside|outside|beyond|near|around|of|à|au|aux|"
                              r"en|dans|vers|de|du|des|hors|autour|près)\s+|"
                              r"\bd['’])"
                              r"(?:the\s+|la\s+|le\s+|les\s+|l['’])?$", re.I)
_LIST_AFTER = re.compile(r"^\s*(,|\band\b|\bet\b|\bor\b|\bou\b|/)\s*[A-ZÀ-Ý]", re.I)
_LIST_BEFORE = re.compile(r"[^\W\d_]\s*(,|\band|\bet|\bor|\bou|/)\s*(?:(?:the|des|du|de|la|le|les)\s+|l['’])?$", re.I)
_JOINER = re.compile(r"\b(?:and|et|or|ou)\b|/", re.I)
_LIST_INSIDE = re.compile(r",|\b(?:and|et|or|ou)\b", re.I)
_SUBJECT_AFTER = re.compile(r"^\s+(?:n['’]|ne\s|(?:has|have|had|is|was|should|must|will|would|can|could|may|might|"
                            r"did|does|needs?|wants?|funds?|pays?|sends?|says|said|decided?|a|est|doit|devrait|va|peut|"
                            r"pourrait|veut|finance|paie|envoie|dit|décide)\b)", re.I)
_MAX_ORG_WORDS = 6
_THE_BEFORE = re.compile(r"\b(?:the|this|these|that|those)\s+$", re.I)
_NOUN_AFTER = re.compile(r"^\s+([a-z][a-z-]{2,})\b")
# endings of nouns for a person's function ("lead" aside): adviser, director, analyst, agente, conseillère…
_AGENT = re.compile(r"^(?:\w{2,}(?:er|or|ist|ant|ent|eur|euse|rice|iste|ante|ente|aire|ière|ier)|lead|head|chief|chef)s?$")
_ARTICLE = re.compile(r"^(?:the|la|le|les|l['’])\s*", re.I)


def place_is_setting(surface: str, before: str, after: str) -> bool:
    """The place is where something happens or what is spoken of, not a speaker's origin."""
    return bool(_LOCATIVE_BEFORE.search(before) or _SUBJECT_AFTER.match(after) or _listed(surface, before, after)
                or (_qualifies_noun_after(before, after) and not is_demonym(surface)))


def _qualifies_noun_after(before: str, after: str) -> bool:
    """The place qualifies the thing after it: "the New York negotiations", "the Geneva talks" (a person
    after it, "the Toronto lawyer", is read as an origin before this test; a demonym, "the Norwegian visitor",
    is left to the other tests)."""
    noun = _NOUN_AFTER.match(after)
    return bool(_THE_BEFORE.search(before) and noun and _ordinary(noun.group(1)))


def _listed(surface: str, before: str, after: str) -> bool:
    """One of several places: "Tanzania and Malawi", "Chad, Niger and Benin". Commas alone make no list
    ("Ama Boakye, Tamale, Ghana:" is a caption), so a comma counts only with an "and"/"or" in the run."""
    joined = _JOINER.search(before[-40:].split("\n")[-1] + " " + surface + " " + after[:40].split("\n")[0])
    if _LIST_INSIDE.search(surface):
        return joined is not None
    prev, nxt = _LIST_BEFORE.search(before), _LIST_AFTER.match(after)
    return any(m is not None and (m.group(1) != "," or joined is not None) for m in (prev, nxt))


def without_article(surface: str) -> str:
    """The span without a leading article ("the RCMP" -> "RCMP", "l'ASFC" -> "ASFC")."""
    return _ARTICLE.sub("", surface)


def _ordinary(word: str) -> bool:
    """An ordinary English or French word, whatever its case (folded keys)."""
    return is_common_key(word, common_words()) or is_french_word(word)


def trusted_org(surface: str, words: list[str]) -> bool:
    """The model's organization reads as a group's name: short, no comma, not only ordinary words (or a group
    head), and not a public body or an acronym, which are the subject of ideas as often as someone's employer
    (those still go with a cue: "the RCMP officer", "cbsa said")."""
    if not words or "," in surface or len(words) > _MAX_ORG_WORDS:
        return False
    names, acronyms, _rx = body_forms()
    bare = without_article(surface)
    if fold(bare) in names or bare in acronyms:
        return False
    # an acronym no list knows is a group's short name ("the WLN team"); a defined term is told apart by
    # defined_terms before this test
    return _unknown_acronym(bare) or any(w in CSO_HEADS for w in words) or not all(_ordinary(w) for w in words)


def _unknown_acronym(bare: str) -> bool:
    """Two to six capitals, one word (whether a list knows it is tested before)."""
    return bare.isupper() and " " not in bare and 2 <= len(bare) <= 6


_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z]{2,6})s?\)")
_WORD_BEFORE = re.compile(r"[^\W\d_][\w'’-]*")


@functools.lru_cache(maxsize=16)
def defined_terms(text: str) -> frozenset[str]:
    """Acronyms the note defines from ordinary lower-case words: "sexual harassment and abuse (SHA)",
    "mutilations génitales féminines (MGF)". They name a subject, not a group ("Peace Works Network (PWN)" has
    capitals, so stays a name)."""
    found = set()
    for m in _ACRONYM_IN_BRACKETS.finditer(text):
        acronym = m.group(1)
        words = [w for w in _WORD_BEFORE.findall(text[max(0, m.start() - 160):m.start()].split("\n")[-1])
                 if fold(w) not in FUNCTION_WORDS]
        expansion = words[-len(acronym):]
        if len(expansion) == len(acronym) and all(w.islower() for w in expansion) \
                and "".join(w[0] for w in expansion).upper() == acronym:
            found.add(acronym)
    return frozenset(found)


def trusted_role(words: list[str], surface: str = "") -> bool:
    """The model's title does not end in a plural noun ("key themes") and is not one ordinary word
    ("Staff argued", "Prévoir …"); titles of several ordinary words ("policy lead") are trusted, since being
    ordinary is no reason to keep a title."""
    if not words or (len(words) == 1 and _ordinary(words[0])):
        return False  # one ordinary word ("Staff argued", "Prévoir …") is a title only when the lexicon knows it
    if not any(_AGENT.search(w) or not (_ordinary(w) or w in PLACE_WORDS) for w in words):
        return False  # "advice for Ottawa": no word names a person's function
    last = words[-1]
    named_end = surface.split()[-1][:1].isupper() if surface.split() else False  # "member for Gulf Islands"
    return named_end or not (len(words) > 1 and last.endswith("s") and _ordinary(last[:-1]))
