"""Reporting frames: "[P] said that ...", "[P] a souligné que ...", agreement lines, commitments.

A frame is a verb from the vocabulary whose subject is only scaffolding (placeholders, pronouns,
titles, "the group") by the dependency parse, or whose words before it are all scaffolding.
"""
from __future__ import annotations

from dataclasses import dataclass

from .context import SUBJECT_DEPS, Context

FRAME_SECTIONS = ("commitment", "concern", "question", "proposal", "agreement", "report")
KIND_OF = {"commitment": "commitment", "concern": "concern", "question": "question", "proposal": "proposal"}
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "dobj", "obj", "obl", "acomp", "attr", "oprd"})
ASIDE_MARKS = {",": ",", "—": "—", "–": "–", "-": "-", "(": ")"}
SOURCE_PREPS = frozenset({"from", "by", "de", "par"})
COMPLEMENTIZERS = frozenset({"that", "que", "qu'", "qu’", ":"})
# French verbs whose "il" is impersonal ("il faut"): not a person.
IMPERSONAL = frozenset({"faut", "faudrait", "fallait", "semble", "agit", "reste", "suffit", "importe", "manque"})
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5}


@dataclass
class Frame:
    """A frame found in a unit: its category, where the verb is and where the content starts."""

    section: str
    verb_at: int
    content_at: int


def _match_frame(ctx: Context, toks: list[int], k: int) -> tuple[str, int]:
    """The longest frame entry at position *k*: (section, length), or ("", 0)."""
    best = ("", 0)
    for section in FRAME_SECTIONS:
        n = ctx.match(toks, k, section)
        if section == "commitment" and n == 1:
            continue  # bare "will"/"to"/"va": handled by ``find_commitment``
        if n > best[1]:
            best = (section, n)
    if not best[1]:
        return best
    span = toks[k:k + best[1]]
    if best[0] != "agreement" and not ctx.has_verb(span) and not _introduces_clause(ctx, toks, k + best[1]):
        return ("", 0)
    return best


def _subject_is_scaffold(ctx: Context, verb_toks: list[int]) -> bool:
    """Whether the parse gives the frame verb a subject made of placeholders, pronouns or group words."""
    for i in verb_toks:
        tok = ctx.doc[i]
        for head in (tok, tok.head):
            for child in head.children:
                if child.dep_ in SUBJECT_DEPS and child.i < verb_toks[0]:
                    return ctx.is_scaffold(child.i) and not ctx.is_punct(child.i)
    return False


def _prefix_ok(ctx: Context, toks: list[int], k: int, n: int) -> bool:
    """Whether everything before the verb at *k* belongs to the frame (subject and its asides)."""
    prefix = _without_asides(ctx, toks[:k])
    if all(ctx.is_scaffold(i) for i in prefix):
        return True
    verb_toks = toks[k:k + n]
    if not _subject_is_scaffold(ctx, verb_toks):
        return False
    heads = {ctx.doc[i].i for i in verb_toks} | {ctx.doc[i].head.i for i in verb_toks}
    asides: set[int] = set()
    for h in heads:
        for child in ctx.doc[h].children:
            if child.i < verb_toks[0] and child.dep_ not in CLAUSE_DEPS:
                asides.update(t.i for t in child.subtree)
    return all(ctx.is_scaffold(i) or i in asides for i in prefix)


def _without_asides(ctx: Context, prefix: list[int]) -> list[int]:
    """Drop comma-delimited asides after a placeholder ("[P], who works with X, said")."""
    out: list[int] = []
    k = 0
    while k < len(prefix):
        i = prefix[k]
        mark = ctx.words[i]
        if mark in ASIDE_MARKS and out and ctx.is_attribution(out[-1]):
            closer = ASIDE_MARKS[mark]
            close = next((j for j in range(k + 1, len(prefix)) if ctx.words[prefix[j]] == closer), None)
            if close is not None:
                k = close + 1
                continue
        out.append(i)
        k += 1
    return out


def _tail(ctx: Context, toks: list[int], k: int) -> int:
    """Skip the words that still belong to the frame after its verb ("out", "that", "the group", ":")."""
    while k < len(toks):
        n = ctx.match(toks, k, "frame_tail")
        if not n and ctx.is_attribution(toks[k]):
            n = 1  # "heard from [P] that"
        elif not n and ctx.words[toks[k]] in SOURCE_PREPS and k + 1 < len(toks) and ctx.is_attribution(toks[k + 1]):
            n = 2
        if not n:
            break
        k += n
    for j in range(k, min(k + 7, len(toks))):
        if ctx.doc[toks[j]].text == ":" and j + 1 < len(toks):
            if not ctx.has_verb(toks[k:j]):
                return j + 1
            break
    return k


def find_frame(ctx: Context, toks: list[int]) -> Frame | None:
    """The first reporting, proposal, question, concern, commitment or agreement frame of a unit."""
    for k in range(len(toks)):
        section, n = _match_frame(ctx, toks, k)
        if not n or not _prefix_ok(ctx, toks, k, n):
            continue
        end = k + n
        if section == "agreement" and _introduces_clause(ctx, toks, end):
            section = "report"
        return Frame(section, k, _tail(ctx, toks, end))
    return None


def _introduces_clause(ctx: Context, toks: list[int], end: int) -> bool:
    """An agreement verb followed by "that"/"que" or ":" reports content ("agreed that X")."""
    return end < len(toks) and ctx.words[toks[end]] in COMPLEMENTIZERS


def support_count(ctx: Context, subject: list[int]) -> int:
    """How many people an agreement line counts: placeholders named, a number word, else one."""
    persons = {ctx.parsed.text_of(i) for i in subject if ctx.label(i) == "PERSON"}
    if len(persons) > 1:
        return len(persons)
    for i in subject:
        word = ctx.words[i]
        if word in NUMBER_WORDS:
            return NUMBER_WORDS[word]
        if word.isdigit() and 1 < int(word) < 100:
            return int(word)
    return 1


def after_agreement(ctx: Context, toks: list[int]) -> list[int]:
    """What follows an agreement ("agreed with [P], and added that X" -> "added that X")."""
    light = ctx.vocab.words("agreement_light") | {"and", "et", "but", "mais"}
    k = 0
    while k < len(toks) and (ctx.words[toks[k]] in light or ctx.is_attribution(toks[k])
                             or ctx.is_punct(toks[k]) or ctx.match(toks, k, "agreement")):
        k += 1
    rest = toks[k:]
    return rest if ctx.has_verb(rest) else []


def find_commitment(ctx: Context, toks: list[int]) -> int | None:
    """Where the action starts in "[P] will/to/va <verb> ..." or a French future "[P] partagera ...".

    The words before the modal must be scaffolding and name a person (placeholder or pronoun).
    """
    for k, i in enumerate(toks):
        prefix = toks[:k]
        if not prefix or not all(ctx.is_scaffold(j) for j in prefix):
            if prefix:
                return None
            continue
        if not any(ctx.is_person(j) for j in prefix) or ctx.has_verb(prefix):
            continue
        tok = ctx.doc[i]
        modal = ctx.match(toks, k, "commitment") == 1 and k + 1 < len(toks)
        if modal and ctx.doc[toks[k + 1]].pos_ in ("VERB", "AUX"):
            return k + 1
        if tok.pos_ == "VERB" and "Fut" in tok.morph.get("Tense"):
            return k
    return None


def is_personal(ctx: Context, toks: list[int]) -> bool:
    """A sentence about a person ("[P] had to leave early"): its main verb's subject is a person."""
    inside = set(toks)
    for i in toks:
        tok = ctx.doc[i]
        if (tok.head.i in inside and tok.head.i != i) or not ctx.is_verbal(i):
            continue
        if ctx.words[i] in IMPERSONAL:
            return False
        return any(c.dep_ in SUBJECT_DEPS and ctx.is_person(c.i) and c.i in inside for c in tok.children)
    return False


def frame_kind(section: str) -> str | None:
    """The kind a frame's verb implies (proposal, question, concern, commitment) or None."""
    return KIND_OF.get(section)
