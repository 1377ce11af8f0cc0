"""Where the trained model is trusted without a cue word: places, organizations and titles it found.

The model learned attribution from notes and transcripts people wrote, so a place, body or title it marks is
removed even when no cue of the rules stands beside it ("uncertain means removed"), unless the span reads as
the setting or subject of an idea:

- a place after a locative preposition ("groups in Juba", "au Nunavik"), in a list of places ("from Kenya and
  Uganda", "(Norway, Netherlands)") or as the subject of a verb ("Haïti n'a pas de plan") is where something
  happens, not where a speaker comes from (origins keep their cues: "based in", "here in", "from");
- an organization is a name: no comma, at most six words, not only ordinary words unless one is a group's head
  word ("the youth drop-in" is, "a fund for mediators, open to groups in …" is not);
- a title is not only ordinary words ("Ajouter …" opening a decision point) and does not end in a plural noun
  ("principal themes").
"""
from __future__ import annotations

import re

from ..french import is_french_word
from ..vocab import common_words
from ..wordclass import is_common_key
from .trained_lexicon import CSO_HEADS

__all__ = ["place_is_setting", "trusted_org", "trusted_role"]

_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|within|across|throughout|inside|of|à|au|aux|en|dans|vers)\s+"
                              r"(?:the\s+|la\s+|le\s+|les\s+|l['’])?$", re.I)
_LIST_AFTER = re.compile(r"^\s*(?:,|\band\b|\bet\b|\bor\b|\bou\b|/)\s*[A-ZÀ-Ý]", re.I)
_LIST_BEFORE = re.compile(r"[^\W\d_]\s*(?:,|\band|\bet|\bor|\bou|/)\s*(?:(?:the|des|du|de|la|le|les)\s+|l['’])?$", re.I)
_LIST_INSIDE = re.compile(r",|\b(?:and|et|or|ou)\b", re.I)
_SUBJECT_AFTER = re.compile(r"^\s+(?:n['’]|ne\s|has\b|have\b|had\b|is\b|was\b|should\b|must\b|will\b|a\b|est\b|"
                            r"doit\b|devrait\b|va\b)", re.I)
_MAX_ORG_WORDS = 6


def place_is_setting(surface: str, before: str, after: str) -> bool:
    """The place is where something happens or what is spoken of, not a speaker's origin."""
    return bool(_LOCATIVE_BEFORE.search(before) or _SUBJECT_AFTER.match(after) or _LIST_AFTER.match(after)
                or _LIST_BEFORE.search(before) or _LIST_INSIDE.search(surface))


def _ordinary(word: str) -> bool:
    """An ordinary English or French word, whatever its case (folded keys)."""
    return is_common_key(word, common_words()) or is_french_word(word)


def trusted_org(surface: str, words: list[str]) -> bool:
    """The model's organization reads as a name: short, no comma, not only ordinary words (or a group head)."""
    if not words or "," in surface or len(words) > _MAX_ORG_WORDS:
        return False
    return any(w in CSO_HEADS for w in words) or not all(_ordinary(w) for w in words)


def trusted_role(words: list[str]) -> bool:
    """The model's title is not only ordinary words and does not end in a plural noun ("themes")."""
    if not words or all(_ordinary(w) for w in words):
        return False
    last = words[-1]
    return not (len(words) > 1 and last.endswith("s") and _ordinary(last[:-1]))
