"""Line-level checks on the trained model's spans: a span never runs past a line break, and a caption word
that labels a field ("Chair: Name", "Présidence : Name") is not a person's title.

The model reads a note as one stream of tokens, so a title at the end of one line may swallow the next line's
label ("Senior Counsel, Family Section⏎⏎Group C"). A name is never written across lines except when a word is
hyphenated at the line end ("Hart-⏎well"), which is kept whole.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..lexicon import ATTRIB_NOUNS
from ..vocab import fold

_AFTER_COLON = re.compile(r"[ \t]*:[ \t]*(?:(?:Mme|Mlle|M|Mr|Mrs|Ms|Mx|Dr|Dre|Me|Prof|Pr|Hon)\.?[ \t]+)?")
_LINE_MARKS = " \t-*•>"


def first_line(span):
    """*span* up to its first line break (None when nothing is left); a hyphenated word stays whole."""
    toks = list(span)
    for i, tok in enumerate(toks):
        if "\n" in tok.text and not (i and toks[i - 1].text.endswith("-")):
            toks = toks[:i]
            break
    while toks and toks[-1].is_space:
        toks.pop()
    return Span(span.doc, toks[0].i, toks[-1].i + 1, label=span.label) if toks else None


def opens_line(before: str) -> bool:
    """Nothing but spaces or bullet marks stands between the start of the line and the end of *before*."""
    return not before[before.rfind("\n") + 1:].strip(_LINE_MARKS)


def field_label(text: str, s: int, e: int, person_starts: frozenset[int]) -> bool:
    """A short title alone at the start of a line, followed by a colon and a person's name: the caption of a
    field ("Chair: Name", "Rapporteuse : Name") whose name goes while the caption word stays. A speaker line
    ("The CHAIR: we resume") has speech, not a name, after its colon."""
    line_start = text.rfind("\n", 0, s) + 1
    if not opens_line(text[line_start:s]) or len(text[s:e].split()) > 2:
        return False
    colon = _AFTER_COLON.match(text, e)
    return colon is not None and colon.end() in person_starts


def bracketed_list(text: str, s: int, e: int) -> int:
    """Where the bracket opens when the span is one item of a bracketed list of three or more short items ("partners
    to add (PHAC, ISC, VAC)": bodies or places listed as subject matter), else -1. Not after a person noun
    ("officials (GAC, RCMP, CBSA)"), where the list says whom the people came from."""
    line_start = text.rfind("\n", 0, s) + 1
    opening, closing = text.rfind("(", line_start, s), text.find(")", e)
    if opening == -1 or closing == -1 or "\n" in text[e:closing] or ")" in text[opening:s]:
        return -1
    items = [item.split() for item in re.split(r"[,;]", text[opening + 1:closing])]
    before = text[line_start:opening].split()
    listed = len(items) >= 3 and all(0 < len(item) <= 4 for item in items) and \
        not (before and fold(before[-1].strip(",:")) in ATTRIB_NOUNS)
    return opening if listed else -1
