"""Verbs whose bare subject can only be a person, and how to find one after a word.

A modal ("will", "may"), a month ("june"), a bare singular noun ("hope", "chase") or an adjective ("frank")
cannot be the subject of "said", "thinks", "thanked", "opened the session"; a person's name can. The
verbs are finite forms (past tense, third person, French present or passé composé) in English and French.
Source: general knowledge of both languages, written for this project (CC0-1.0).
"""
from __future__ import annotations

import re
from typing import Optional

from ..vocab import fold

# Past-tense verbs of saying (English): also the evidence for initials and surnames that are ordinary words.
PAST_SAYING = frozenset(fold(w) for w in """said|asked|noted|argued|added|explained|replied|stressed|suggested|insisted|
recalled|warned|objected|agreed|disagreed|mentioned|pointed|proposed|responded|answered|observed|cautioned|
emphasized|emphasised|countered|wondered|shared|raised|reported|presented|described|questioned|urged""".replace(
    "\n", "").split("|"))
# Finite verbs of saying, thinking and acting in a meeting, English and French.
PERSON_VERBS = PAST_SAYING | frozenset(fold(w) for w in """says|asks|notes|argues|adds|explains|replies|stresses|
suggests|insists|recalls|warns|objects|agrees|disagrees|mentions|proposes|responds|observes|thinks|believes|feels|
wants|wonders|hopes|worries|opened|closed|chaired|thanked|welcomed|left|joined|spoke|speaks|led|leads|facilitated|
moderated|introduced|summarized|summarised|laughed|nodded|reminded|offered|volunteered|pushed|presents|
dit|affirme|souligne|explique|rappelle|ajoute|demande|propose|estime|pense|croit|trouve|revient|insiste|précise|
note|signale|remarque|répond|suggère|soutient|déplore|craint|veut|souhaite|trouve|raconte|témoigne|intervient|
admet|reconnaît|conclut|résume|remercie|ouvre|préside""".replace("\n", "").split("|"))
# French passé composé: "a dit", "a souligné" (the auxiliary, then a participle)
FRENCH_PARTICIPLES = frozenset(fold(w) for w in """dit|souligné|rappelé|demandé|ajouté|proposé|expliqué|précisé|
insisté|affirmé|répondu|suggéré|noté|signalé|estimé|remercié|présenté|résumé|ouvert|présidé|mentionné""".replace(
    "\n", "").split("|"))

_IRREGULAR = frozenset({"left", "spoke", "led", "dit"})
_WORD = r"[\w'’-]+"
# Between a name and its verb: "(<affiliation>)", "from <a few words>", "de <a few words>", an adverb.
_BETWEEN = re.compile(r"(?:[ \t]*\([^()\n]{1,60}\))?(?:[ \t]+(?:from|of|at|with|de|du|chez)[ \t]+"
                      r"(?:the[ \t]+|la[ \t]+|le[ \t]+|les[ \t]+|l['’])?" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,4}?)?"
                      r"(?:[ \t]+(?:also|then|later|aussi|ensuite|quickly|immediately))?[ \t]+(?:(?-i:a)[ \t]+)?$", re.I)


def verb_after(text: str, pos: int, finite_only: bool = False, limit: int = 90) -> Optional[re.Match]:
    """The person verb after *pos* ("said", "(Org) agrees", "from the hub says", "a dit"), or None.

    *finite_only*: for a name that is also a modal or a month ("will", "may", "june"), only a past-tense
    or third-person form counts ("may thinks", not "may think").
    """
    window = text[pos:pos + limit]
    for m in re.finditer(_WORD, window):
        verb = fold(m.group())
        head = window[:m.start()]
        if not _BETWEEN.match(head):
            continue
        aux = re.search(r"[ \t]a[ \t]+$", head) is not None and not head.strip().endswith(")")
        if aux and verb in FRENCH_PARTICIPLES or not aux and verb in PERSON_VERBS:
            if m.group()[:1].isupper() and not m.group().isupper():
                return None  # "Hope Said" in a heading
            if finite_only and not (verb in PAST_SAYING or verb in _IRREGULAR or verb.endswith(("s", "ed")) or aux
                                    or not verb.isascii()):
                return None
            return m
        if "\n" in head:
            return None
    return None
