"""Cutting a parsed note into units (one line, sentence or semicolon-clause each) and the parts of a
unit that are not ideas: bullets, line labels, headings, and attribution chunks ("According to [P],")."""
from __future__ import annotations

from .context import CLOSING, OPENING, Context

BULLETS = frozenset({"-", "*", "•", "–", "—", "·", ">", "o"})
CHUNK_EXTRA = frozenset({"'s", "’s", "view", "avis", "opinion", "put", "it", "according", "to", "son", "sa",
                         "mon", "my", "his", "her", "selon", "après", "d'", "d’", "as", "in", "for", "pour", "à", "de", "l'",
                         "experience", "expérience", "understanding"})
MAX_LABEL = 8
DASHES = ("-", "–", "—")
AFFILIATION_WORDS = frozenset({"from", "of", "at", "with", "the", "de", "du", "des", "d'", "la", "le", "l'", "chez"})
# "Concern raised by [P]:", "Proposition de [P] :": words around a label that say who, not what
LABEL_FILLERS = frozenset({"from", "of", "by", "de", "du", "par", "raised", "proposed", "suggested", "noted",
                           "soulevé", "soulevée", "proposé", "proposée", "suggéré", "suggérée"})
FULL_STOPS = frozenset({".", "?", "!", "…", "...", "?»", ".»"})


def units(ctx: Context) -> list[list[int]]:
    """Token-index lists, split at line breaks, sentence starts and semicolons."""
    out: list[list[int]] = []
    current: list[int] = []
    for tok in ctx.doc:
        newline = tok.is_space and "\n" in tok.text
        # The parser's sentence starts are trusted only after a full stop: French ones often fall at commas.
        sentence = (tok.is_sent_start and current and _after_full_stop(ctx, current)
                    and not (tok.text in CLOSING and ctx.doc[current[-1]].text in FULL_STOPS))
        if current and (newline or sentence or "\n" in ctx.parsed.note[ctx.parsed.ends[current[-1]]:
                                                                        ctx.parsed.starts[tok.i]]):
            out.append(current)
            current = []
        if newline or tok.is_space:
            continue
        if tok.text == ";":
            if current:
                out.append(current)
            current = []
            continue
        current.append(tok.i)
    if current:
        out.append(current)
    return [u for u in out if any(not ctx.is_punct(i) for i in u)]


def _after_full_stop(ctx: Context, current: list[int]) -> bool:
    """Whether the unit so far ends a sentence (a full stop, possibly inside a closing quote)."""
    last = ctx.doc[current[-1]].text
    if last in CLOSING and len(current) > 1:
        last = ctx.doc[current[-2]].text
    return last in FULL_STOPS


def strip_bullet(ctx: Context, toks: list[int]) -> list[int]:
    """Drop list markers ("-", "*", "1.", "2)") at the start of a unit."""
    while toks:
        word = ctx.doc[toks[0]].text
        if word in BULLETS or (word.rstrip(".)").isdigit() and word[-1:] in ".)" and len(toks) > 1):
            toks = toks[1:]
        elif word.isdigit() and len(toks) > 1 and ctx.doc[toks[1]].text in (".", ")"):
            toks = toks[2:]
        else:
            break
    return toks


def is_heading(ctx: Context, toks: list[int]) -> bool:
    """Attendance, heading and note-taker lines: only placeholders, numbers and heading words."""
    heading = ctx.vocab.words("heading")
    if ctx.contains(toks, "agreement"):
        return False
    first = next((i for i in toks if not ctx.is_punct(i)), None)
    if first is not None and ctx.words[first] in heading and len(toks) <= 8 and not ctx.has_verb(toks):
        return True  # "Session 3 - Financing", "Thème : logement"
    for i in toks:
        tok = ctx.doc[i]
        if ctx.is_punct(i) or ctx.label(i) or tok.like_num or ctx.words[i] in heading:
            continue
        return False
    return True


def strip_label(ctx: Context, toks: list[int]) -> tuple[list[int], str | None]:
    """Remove a line label ("[P] ([O]):", "Q ([P]):", "Action:", "Target -") and return its kind hint."""
    for k, i in enumerate(toks[:MAX_LABEL + 1]):
        word = ctx.doc[i].text
        separator = word in DASHES or (word.endswith(":") and all(not c.isalnum() for c in word))
        if not separator or k == 0 or k == len(toks) - 1:
            continue
        if word in DASHES and any(ctx.doc[j].text == word for j in toks[k + 1:]):
            continue  # "[P] — speaking for [O] — said": paired dashes mark an aside, not a label
        rest = [ctx.words[j] for j in _unbracketed(ctx, toks[:k]) if not (
            ctx.label(j) or ctx.is_punct(j) or ctx.is_scaffold(j) or ctx.words[j] in LABEL_FILLERS)]
        if not rest:
            return toks[k + 1:], None
        if tuple(rest) in ctx.vocab.labels:
            return toks[k + 1:], ctx.vocab.labels[tuple(rest)] or None
    return toks, None


def _unbracketed(ctx: Context, toks: list[int]) -> list[int]:
    """*toks* without bracketed asides that follow a placeholder ("[P] (shelter network)")."""
    out, depth = [], 0
    for i in toks:
        word = ctx.doc[i].text
        if word == "(" and (depth or (out and ctx.is_attribution(out[-1]))):
            depth += 1
        elif word.startswith(")") and depth:
            depth -= 1
        elif not depth:
            out.append(i)
    return out


def _chunks(ctx: Context, toks: list[int]) -> list[tuple[int, int]]:
    """(start, end) positions in *toks* of comma- or bracket-delimited pieces."""
    out, start, depth = [], 0, 0
    for k, i in enumerate(toks):
        word = ctx.doc[i].text
        if word in OPENING and word not in CLOSING:
            if depth == 0 and k > start:
                out.append((start, k))
                start = k
            depth += 1
        elif word in CLOSING and word not in OPENING and depth:
            depth -= 1
            if depth == 0:
                out.append((start, k + 1))
                start = k + 1
        elif word == "," and depth == 0:
            out.append((start, k + 1))
            start = k + 1
    if start < len(toks):
        out.append((start, len(toks)))
    return out


def _is_attribution_chunk(ctx: Context, piece: list[int], at_start: bool) -> bool:
    """A chunk that only says who spoke: "According to [P],", "([P])", ", [P] said.", "(several participants)"."""
    if not piece:
        return False
    report = ctx.vocab.words("report") | ctx.vocab.words("proposal")
    words = [ctx.words[i] for i in piece]
    bracketed = ctx.doc[piece[0]].text in OPENING - CLOSING
    if not bracketed and at_start and not (ctx.match(piece, 0, "frame_prefix") or words[0] in ("in", "à")):
        return False
    if not (bracketed or ctx.match(piece, 0, "frame_prefix") or any(w in report for w in words)):
        return False
    if not bracketed and not any(ctx.is_attribution(i) or ctx.is_person(i) or ctx.words[i] in ("son", "sa", "my", "mon")
                                 for i in piece):
        return False
    allowed = CHUNK_EXTRA | report
    return all(ctx.is_scaffold(i) or ctx.words[i] in allowed for i in piece)


def strip_attribution(ctx: Context, toks: list[int]) -> list[int]:
    """Remove attribution chunks at the start, in the middle and at the end of a unit."""
    kept: list[int] = []
    after_attribution = False
    for n, (a, b) in enumerate(_chunks(ctx, toks)):
        piece = toks[a:b]
        if _is_attribution_chunk(ctx, piece, at_start=(n == 0)) or (after_attribution and _is_affiliation(ctx, piece)):
            after_attribution = True
            if kept and ctx.doc[kept[-1]].text == ",":
                kept.pop()
            if b == len(toks) and ctx.doc[piece[-1]].text in (".", "?", "!"):
                kept.append(piece[-1])
            continue
        after_attribution = False
        kept.extend(piece)
    return kept


def _is_affiliation(ctx: Context, piece: list[int]) -> bool:
    """An apposition naming where the speaker is from: ", du [O]," / ", from [O],"."""
    words = [i for i in piece if not ctx.is_punct(i)]
    return bool(words) and any(ctx.is_attribution(i) for i in words) and all(
        ctx.is_attribution(i) or ctx.words[i] in AFFILIATION_WORDS for i in words)


def strip_hedge(ctx: Context, toks: list[int]) -> list[int]:
    """Drop a first-person opener ("In my view", "I think", "À mon avis") and what links it to the idea."""
    n = ctx.match(toks, 0, "hedge")
    if not n:
        return toks
    while n < len(toks) and ctx.words[toks[n]] in (",", "that", "que", "qu'", ":"):
        n += 1
    return toks[n:] if n < len(toks) else toks
