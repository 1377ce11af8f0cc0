"""What the words around a model's one-word name say: a person acting after it ("Faith will send"), a noun
phrase going on ("Hope for peace"), a sentence starting at it."""
from __future__ import annotations

from ..vocab import SPEECH_VERBS, fold
from .trained_span_cues import SAID
from .trained_span_edges import WORD as _WORD

__all__ = ["acts_after", "phrase_goes_on", "sentence_start"]

# words after a name that show the person acting ("Faith will send", "Sunny to circulate", "Joy a proposé")
ACTS = frozenset("""will would to can could and should must shall flagged raised asked agreed proposed suggested
wants wanted thinks thought et va fera enverra doit pourra propose a avait veut""".split())


def acts_after(after: str) -> bool:
    """What follows reads as a person acting: "Faith will send", "Sunny to circulate", "Joy (Org)", "Hope:"."""
    if after.lstrip()[:1] in ("(", ":"):
        return True
    nxt = _WORD.search(after)
    return nxt is not None and (nxt.group().lower() in SAID or fold(nxt.group()) in SPEECH_VERBS
                                or nxt.group().lower() in ACTS)


# prepositions and articles that carry a noun phrase on ("Hope for peace", "Faith in the process", "Espoir
# pour la suite"); "from" and "and" are left out: they go on from a name as often ("Joy from the clinic")
_PHRASE_WORDS = frozenset("""for of in on at with without about over into through the an pour sur dans avec sans
en au aux la le les""".split())


def phrase_goes_on(after: str, subject: bool) -> bool:
    """The common word opens a noun phrase: a preposition or an article follows on the same line ("Hope for
    peace"), or, when the parser does not make the word the subject, a lower-case word it qualifies ("Faith
    groups said"). Anything else (a verb, a comma, "and") leaves the model's name standing: uncertain means
    removed."""
    nxt = _WORD.search(after)
    if nxt is None or after[:nxt.start()] != " " or acts_after(after):
        return False
    word = nxt.group()
    return word.lower() in _PHRASE_WORDS or (not subject and word.islower())


def sentence_start(text: str, pos: int) -> bool:
    """Nothing but spaces, bullets or quotes between *pos* and the previous sentence end or line start."""
    head = text[:pos].rstrip(" \t\"“«-*•")
    return not head or head[-1] in ".!?:\n"
