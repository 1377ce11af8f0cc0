"""From the tokens of an idea to its clean text, taken from the note itself.

Only deletions happen here, plus two changes: the first letter is capitalised, and an English
possessive that pointed to the removed speaker ("her team") becomes the article ("the team").
"""
from __future__ import annotations

import re

from .context import CLOSING, OPENING, Context

LEADING = frozenset({"that", "que", "qu'", "qu’", ":", ",", "-", "–", "—", "and", "et", "so", "donc", "then"})
TRAILING = frozenset({",", ";", ":", "-", "–", "—", "and", "et"})
ORG_PREPS = frozenset({"from", "at", "of", "with", "de", "du", "chez", "à"})
QUOTES = frozenset({"\"", "“", "”", "«", "»", "'"})
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]”»%])")
_SPACE_BEFORE_STOP = re.compile(r"\s+([,.)\]])")  # French keeps its space before ; : ! ? %
_SPACE_AFTER_OPEN = re.compile(r"([(\[“«])\s+")


def trim(ctx: Context, toks: list[int]) -> list[int]:
    """Drop connectives and ordinals at the start ("that", "first,") and dangling punctuation at the end."""
    changed = True
    while toks and changed:
        changed = False
        if ctx.words[toks[0]] in LEADING or ctx.doc[toks[0]].is_space:
            toks, changed = toks[1:], True
        elif ctx.match(toks, 0, "ordinal") and len(toks) > 2 and ctx.doc[toks[1]].text == ",":
            toks, changed = toks[2:], True
    while toks and (ctx.words[toks[-1]] in TRAILING or ctx.doc[toks[-1]].is_space):
        toks = toks[:-1]
    return _unquote(ctx, toks)


def _unquote(ctx: Context, toks: list[int]) -> list[int]:
    """Remove quotation marks around a whole quoted idea."""
    if len(toks) > 2 and ctx.doc[toks[0]].text in QUOTES:
        last = len(toks) - 1
        while last > 0 and ctx.is_punct(toks[last]) and ctx.doc[toks[last]].text not in QUOTES:
            last -= 1
        if ctx.doc[toks[last]].text in QUOTES and last > 0:
            inner = toks[1:last] + toks[last + 1:]
            if not any(ctx.doc[i].text in QUOTES for i in inner):
                return inner
    return toks


def drop_affiliations(ctx: Context, toks: list[int]) -> list[int]:
    """Remove "from/at/of (the) [Organization N]" and "[Participant N]'s" that are left inside an idea."""
    out: list[int] = []
    k = 0
    while k < len(toks):
        i = toks[k]
        j = k + 1 if k + 1 < len(toks) and ctx.words[toks[k + 1]] in ("the", "la", "le", "l'") else k
        if ctx.words[i] in ORG_PREPS and j + 1 < len(toks) and ctx.is_attribution(toks[j + 1]) and out:
            k = j + 2
            continue
        out.append(i)
        k += 1
    return out


def render(ctx: Context, toks: list[int]) -> str:
    """The clean text of *toks*: note slices joined as written, possessives neutral, capitalised."""
    parsed = ctx.parsed
    pieces: list[str] = []
    possessive = ctx.vocab.words("possessive")
    article = next(iter(ctx.vocab.words("article")), None)
    for n, i in enumerate(toks):
        word = parsed.text_of(i)
        if article and ctx.words[i] in possessive and ctx.doc[i].tag_ == "PRP$":
            word = article
        if n:
            prev = toks[n - 1]
            gap = parsed.note[parsed.ends[prev]:parsed.starts[i]] if i == prev + 1 else " "
            pieces.append(" " if gap.strip() == "" and gap else gap if i == prev + 1 else " ")
        pieces.append(word)
    text = "".join(pieces).replace("\n", " ")
    text = (_SPACE_BEFORE_PUNCT if ctx.vocab.lang == "en" else _SPACE_BEFORE_STOP).sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = re.sub(r"\s{2,}", " ", text).strip()
    return text[:1].upper() + text[1:] if text else text


def source_range(ctx: Context, toks: list[int]) -> tuple[int, int]:
    """Character range in the note covered by *toks*."""
    return ctx.parsed.starts[toks[0]], ctx.parsed.ends[toks[-1]]


def balanced(ctx: Context, toks: list[int]) -> list[int]:
    """Drop a bracket left without its partner by the cuts."""
    opens = [n for n, i in enumerate(toks) if ctx.doc[i].text in OPENING - QUOTES]
    closes = [n for n, i in enumerate(toks) if ctx.doc[i].text in CLOSING - QUOTES]
    if len(opens) == len(closes):
        return toks
    drop = set(opens[len(closes):]) if len(opens) > len(closes) else set(closes[:len(closes) - len(opens)])
    return [i for n, i in enumerate(toks) if n not in drop]
