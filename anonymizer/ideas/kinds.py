"""The kind of a clean idea: question, commitment, proposal, concern, figure or finding.

Order: a label or frame verb decides first ("Target:", "asked", "warned"); then a question mark;
then cue words in the idea (a modal of obligation, a quantity, a risk or lack); a bare noun phrase
from a note's bullet is an ask (proposal); anything else is a finding.
"""
from __future__ import annotations

import re

from .context import Context

KINDS = ("proposal", "finding", "concern", "question", "commitment", "figure")
_YEAR = re.compile(r"^(19|20)\d\d$")
_MODALS = {"en": ("should", "must", "ought", "need", "needs", "have to", "has to"),
           "fr": ("devrait", "devraient", "doit", "doivent", "devons", "devrions", "devez", "faut", "faudrait",
                  "faudra")}


def _numbers(ctx: Context, toks: list[int]) -> list[float]:
    """Numbers in *toks* (digits only, years left out)."""
    out = []
    for i in toks:
        word = ctx.doc[i].text.replace(",", "").replace("\u202f", "")
        if word.replace(".", "", 1).isdigit() and not _YEAR.match(word):
            out.append(float(word))
    return out


def is_figure(ctx: Context, toks: list[int]) -> bool:
    """A quantity: percent, fraction, "N of M", a count of 100 or more, an average, a rate, "number of"."""
    words = [ctx.words[i] for i in toks]
    nums = _numbers(ctx, toks)
    if any(n >= 100 for n in nums):
        return True
    for k, w in enumerate(words):
        if w.isdigit() and k + 2 < len(words) and words[k + 1] in ("of", "des", "sur", "out") \
                and words[k + 2].isdigit():
            return True
    cues = {k for k in range(len(toks)) if ctx.match(toks, k, "figure_cue")}
    strong = {"%", "percent", "per", "pour", "half", "third", "thirds", "quarter", "quarters", "moitié", "tiers",
              "quart", "quarts", "average", "moyenne", "median", "médiane", "number", "nombre", "$", "majority",
              "majorité", "taux", "rate", "proportion", "percentage", "pourcentage", "share", "part"}
    if any(words[k] in strong for k in cues):
        return True
    return bool(cues) and bool(nums or any(ctx.doc[i].like_num and not _YEAR.match(ctx.doc[i].text)
                                           for i in toks))


def _has_modal(ctx: Context, toks: list[int]) -> bool:
    """An obligation modal ("should", "must", "il faut", "devrait")."""
    modals = _MODALS.get(ctx.vocab.lang, _MODALS["en"])
    text = " ".join(ctx.words[i] for i in toks)
    return any(re.search(rf"(?<!\w){re.escape(m)}(?!\w)", text) for m in modals)


def classify(ctx: Context, toks: list[int], hint: str | None, reported: bool = False) -> str:
    """The kind of the idea made of *toks*, given the hint of its label or frame verb.

    A bare noun phrase is an ask when it stands alone (a bullet), a finding after a neutral verb
    ("explained the timeline").
    """
    if hint in KINDS:
        return hint
    if toks and ctx.doc[toks[-1]].text == "?" or any(ctx.doc[i].text == "?" for i in toks[-2:]):
        return "question"
    if _has_modal(ctx, toks):
        return "proposal"
    if is_figure(ctx, toks):
        return "figure"
    if ctx.contains(toks, "concern_cue") or (toks and ctx.match(toks, 0, "concern_start")):
        return "concern"
    if ctx.contains(toks, "proposal_cue"):
        return "proposal"
    if not ctx.has_verb(toks) and not reported:
        return "proposal"
    return "finding"
