"""Public bodies and organizations used as attribution, in any case and in English or French.

"cbsa said ...", "Officials of Public Safety and the CBSA said ...", "from a CSC perspective",
"the csc person", "At <Org> we ...", "speaking from Justice's side": the body tells who spoke,
so it goes, even when it is on the allow-list. The same body as the subject of an idea
("the RCMP should recruit more women") stays.
"""
from __future__ import annotations

import re

from ..reasons import Reason
from ..vocab import fold
from .attribution import AttributionReader, ReaderStage
from .context import word_index_at

# Verbs of saying only: a body that "wants", "supports" or "questions" something is the subject of
# an idea; a body that "said" something is a speaker.
_SAY = frozenset(fold(v) for v in """said says say told tells noted notes asked asks argued argues explained explains
replied replies responded responds answered answers added adds stressed stresses insisted commented remarked mentioned
dit répond répondu précise précisé souligne souligné ajoute ajouté explique expliqué rappelle rappelé""".split())
_SKIP = frozenset({"also", "then", "later", "again", "has", "have", "had", "a", "ont", "aussi", "just", "briefly"})
_PERSPECTIVE = re.compile(r"\b(?:from|d'un|d’un|du)\s+(?:an?\s+|the\s+|le\s+|point\s+de\s+vue\s+(?:de\s+la\s+|du\s+|de\s+)?)?$",
                          re.I)
_PERSPECTIVE_AFTER = re.compile(r"[’']?s?\s+(?:perspective|point of view|standpoint|lens|side|angle|viewpoint)\b", re.I)
_WE_AFTER = re.compile(r"\s*,?\s+(?:we|our|nous|notre|nos)\b", re.I)
_AT_BEFORE = re.compile(r"(?:^|[\n.;:!?]\s*|\s)(?:at|à|chez)\s+(?:the\s+|la\s+|le\s+|l['’])?$", re.I)
_AT_CAPITAL = re.compile(r"(?:^|(?<=[\n.;:!?(])|(?<=\s))(?:[Aa]t|[Àà]|[Cc]hez)\s+(?:the\s+|la\s+|le\s+|l['’])?(?=[A-ZÀ-Ý])")
_DATELINE = re.compile(r"(?:^|\n)[ \t]*[-–—][ \t]*$")  # "— <Body>" alone on a line: a signature
# "Present: Ana, Li, 2 GAC.": a headcount of a body as an item of a list of people
_COUNTED = re.compile(r"(?:^|[\n,;:(]|\s(?:and|et|\+))[ \t]*\d{1,2}[ \t]+(?:x[ \t]+|de[ \t]+l['’]|de[ \t]+la[ \t]+|du[ \t]+|d['’])?$")
_ITEM_END = re.compile(r"[ \t]*(?:[,;.)\n]|$)")
_ASIDE = re.compile(r"[ \t]*\([^()\n]{1,60}\)")
_AND_NEXT = re.compile(r"\s+(?:and|et|&)\s+(?:the\s+|la\s+|le\s+|l['’]|les\s+)?")


class PublicBodies(ReaderStage):
    """Organization mentions (allow-listed or not) that attribute what was said."""

    id = "public_bodies"

    def run(self, att: AttributionReader) -> None:
        """Judge every organization mention of the note."""
        ctx = att.ctx
        for s, e, _kind, _allowed, _oid in ctx.org_mentions:
            before, after = ctx.text[max(0, s - 40):s], ctx.text[e:e + 40]
            if _speaks(ctx, e) or _DATELINE.search(before) and not after.strip(" .\t").split("\n")[0] or (_PERSPECTIVE.search(before) and _PERSPECTIVE_AFTER.match(after)) \
                    or (_AT_BEFORE.search(before) and _WE_AFTER.match(after)) or _before_person_word(ctx, e) \
                    or (_COUNTED.search(before) and _ITEM_END.match(after)):
                att._emit((s, e, "ORG"), Reason.PUBLIC_BODY_ATTRIBUTED)
        for m in _AT_CAPITAL.finditer(ctx.text):
            span = att.org_at(m.end())
            if span and span[2] == "ORG" and _WE_AFTER.match(ctx.text, span[1]):
                att._emit(span, Reason.SPEAKER_AFFILIATION)  # "At <Org> we fund local groups"
        _coordinated(att)


def _speaks(ctx, end: int) -> bool:
    """A speech verb right after the mention (adverbs and auxiliaries skipped, and a bracket: 'GAC (the lead
    department) said'): 'cbsa said'."""
    aside = _ASIDE.match(ctx.text, end)
    end = aside.end() if aside else end
    i = word_index_at(ctx, ctx.next_char_pos(end))
    steps = 0
    while i is not None and i < len(ctx.words) and steps < 3:
        w = ctx.words[i]
        if ctx.text[end:w.start].strip(" ,") and steps == 0:
            return False
        if w.key in _SAY and (not w.cap or w.upper):
            return True
        if w.key not in _SKIP:
            return False
        i, steps = i + 1, steps + 1
    return False


def _before_person_word(ctx, end: int) -> bool:
    """'the csc person', 'the PSC folks': a person noun right after the mention."""
    from ..lexicon import ATTRIB_NOUNS

    from .attribution import COLLECTIVE_HEADS

    i = word_index_at(ctx, ctx.next_char_pos(end))
    if i is None or ctx.text[end:ctx.words[i].start] != " " or ctx.words[i].key not in ATTRIB_NOUNS:
        return False
    after = ctx.word(i + 1)  # "NATO member states" are bodies, not a person
    return not (after is not None and ctx.gap(ctx.words[i], after) == " " and after.key in COLLECTIVE_HEADS)


def _coordinated(att: AttributionReader) -> None:
    """'<Org> and the <Org>' after an attributed organization: the second one attributes too."""
    ctx = att.ctx
    for c in list(att.out):
        if c.label != "ORG":
            continue
        m = _AND_NEXT.match(ctx.text, c.end)
        if m:
            span = att.org_at(m.end())
            if span and span[2] == "ORG" and fold(ctx.text[span[0]:span[1]]) not in ("others", "autres"):
                att._emit(span, Reason.PUBLIC_BODY_ATTRIBUTED)
