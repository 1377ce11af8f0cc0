"""Spans found by the trained domain model (``doc.spans["domain"]``), kept only where they attribute.

The model (``anonymizer.domain_model``) proposes PERSON, ORG, ROLE and PLACE spans from context. A
plain union with the rules costs keep, so each span passes the same tests the rules apply:

- an allow-listed body (or subject term) stays unless an attribution cue ties it to a speaker
  ("officials of …", "speaking for …", "(…)" after a name, "… rep", "… said", "au nom de …");
- a person or organization span made only of ordinary lower-case words stays (sentence-initial
  "Ensuite", "Merci", contractions, "the newcomer … hub" written in lower case);
- a place right after "in", "to", "dans", "au" … is the setting of an idea, not a speaker's origin.

The score is the model's precision for the label on its synthetic development set (the greedy NER
gives no per-span probability), stored with the weights.
"""
from __future__ import annotations

import re

from ..domain_model import domain_spans
from ..reasons import Reason
from ..vocab import SPEECH_VERBS, common_words, fold
from .base import Candidate

RECOGNIZER_ID = "trained_spans"
_ARTICLE = re.compile(r"^(?:the|la|le|les|l'|l’)\s*", re.I)
_PERSON_NOUNS = (r"officials?|witness(?:es)?|representatives?|reps?|colleagues?|people|folks|staff|someone|"
                 r"delegates?|delegation|team|person|perspective|side|expert|members?|représentante?s?|"
                 r"fonctionnaires|collègues|gens|équipe|délégation|déléguée?s?")
_CUE_BEFORE = re.compile(
    r"(?:\b(?:speaking for|on behalf of|representing|au nom d[eu']|de la part d[eu']|pour le compte d[eu']|"
    r"(?:" + _PERSON_NOUNS + r")\s+(?:of|from|at|with|de|du|des|d'|chez))\s*(?:the\s+|la\s+|le\s+|l')?"
    r"|\(\s*|\bat\s+|\bchez\s+)$", re.I)
_CUE_AFTER = re.compile(r"^\s*(?:'s\s+)?(?:" + _PERSON_NOUNS + r")\b|^\s*\)", re.I)
_FROM_BEFORE = re.compile(r"\b(?:from|de|du|d')\s*(?:the\s+)?$", re.I)
_SETTING_BEFORE = re.compile(r"\b(?:in|into|to|across|throughout|within|dans|en|au|aux|à)\s+(?:the\s+)?$", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class TrainedSpans:
    """Recognizer over the trained model's spans (no-op when the model is not loaded)."""

    id = RECOGNIZER_ID

    def analyze(self, doc, context) -> list[Candidate]:
        """Candidates for the model's spans that survive the allow-list, common-word and setting tests."""
        spans = domain_spans(doc)
        if not spans:
            return []
        text = context.text
        allow = getattr(getattr(context, "index", None), "allow_forms", set())
        scores = doc.spans["domain"].attrs.get("precision", {})
        out = []
        for sp in spans:
            s, e, label = sp.start_char, sp.end_char, sp.label_
            if not _survives(text, s, e, label, allow):
                continue
            out.append(Candidate(s, e, label, Reason.MODEL, recognizer=RECOGNIZER_ID,
                                 score=float(scores.get(label, 0.8)), key=_key(text[s:e], label), prio=1))
        return out


def _key(surface: str, label: str) -> str | None:
    """Placeholder identity for a model-found name (the same spelling, the same number)."""
    return f"u:{fold(surface)}" if label == "PERSON" else None


def _survives(text: str, s: int, e: int, label: str, allow) -> bool:
    """Whether a model span should be removed (True) or left as subject matter (False)."""
    surface = text[s:e]
    before, after = text[max(0, s - 40):s], text[e:e + 30]
    if _is_allowed(surface, allow) and not _attributed(text, s, e, before, after):
        return False
    if label in ("PERSON", "ORG") and _only_common_words(text, s, surface):
        return False
    if label == "PLACE" and _SETTING_BEFORE.search(before):
        return False
    return True


def _is_allowed(surface: str, allow) -> bool:
    """The span (without a leading article) is an allow-listed form."""
    if not allow:
        return False
    form = " ".join(fold(_ARTICLE.sub("", surface)).replace(",", " ").split())
    return form in allow


def _attributed(text: str, s: int, e: int, before: str, after: str) -> bool:
    """An attribution cue ties the span to a speaker."""
    if _CUE_BEFORE.search(before) or _CUE_AFTER.match(after):
        return True
    nxt = _WORD.search(after)
    speech_after = nxt is not None and fold(nxt.group()) in SPEECH_VERBS
    return speech_after or (_FROM_BEFORE.search(before) is not None and after.lstrip()[:1] in (",", ")", ":"))


def _only_common_words(text: str, s: int, surface: str) -> bool:
    """Every word is ordinary vocabulary and none is capitalized except at the start of a sentence or line."""
    common = common_words()
    words = list(_WORD.finditer(surface))
    if not words or any(fold(w.group()) not in common for w in words):
        return False
    for w in words:
        pos = s + w.start()
        if w.group()[0].isupper() and not _sentence_start(text, pos):
            return False
    return True


def _sentence_start(text: str, pos: int) -> bool:
    """Nothing but spaces, bullets or quotes between *pos* and the previous sentence end or line start."""
    head = text[:pos].rstrip(" \t\"“«-*•")
    return not head or head[-1] in ".!?:\n"


def legacy_candidates(context) -> list:
    """The model's surviving spans as the engine's current candidate type (until it runs the registry)."""
    from .legacy import Candidate as EngineCandidate

    return [EngineCandidate(c.start, c.end, c.label, c.reason.message("en"), key=c.key, prio=c.prio)
            for c in TrainedSpans().analyze(context.doc, context)]
