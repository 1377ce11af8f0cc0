"""Roles and titles that single out one person ("the Deputy Minister", "la directrice générale de X",
"Program Officer, Asia", "the Org co-chair"). Bare generic role words ("a director", "chairs")
are subject matter and stay.
"""
from __future__ import annotations

from typing import Optional

from ..given_names import is_given_name
from ..lexicon import ROLE_EXT_WORDS, ROLE_FIRST, ROLE_MODIFIERS, ROLE_PRECEDERS
from ..reasons import Reason
from ..text import Word
from ..vocab import FUNCTION_WORDS, GENERIC_ALONE, ROLE_TITLES, SPEECH_VERBS, fold
from .base import Candidate
from .context import NoteContext, word_index_at

_DEFINITE = frozenset({"the", "la", "le", "l'", "her", "his", "their", "our", "sa", "son", "my", "your", "mon", "ma",
                       "notre", "votre", "leur"})
# Possessives single out one person too: "my director", "votre présidente" (SPEC: "her director").
_PRECEDERS = ROLE_PRECEDERS | frozenset({"my", "your", "mon", "ma", "votre", "ton", "ta"})
_NOT_COMPLEMENT = frozenset({"and", "the", "a", "an", "la", "le"})
# between the words of a title: a space, an abbreviation's dot, or a French elision ("chargée d'affaires")
_TITLE_GAPS = frozenset({" ", ". ", " d'", " d’", " l'", " l’"})
_ADDRESS = frozenset({"madam", "madame", "mister", "mr", "mr.", "monsieur"})
# Words of tenure before a title: "the former ambassador", "the acting director".
_TENURE = frozenset({"former", "acting", "interim", "outgoing", "incoming", "retired", "current", "then", "new",
                     "late", "ancien", "ancienne", "nouveau", "nouvelle"})


def _between_commas(ctx: NoteContext, a: Word, b: Word) -> bool:
    """'<Name>, executive director, <Org>': a title set off by commas in a witness list."""
    return ctx.text[max(0, a.start - 2):a.start] == ", " and ctx.text[b.end:b.end + 1] == ","


def _caption(ctx: NoteContext, a: Word, b: Word) -> bool:
    """A capitalised title followed by ", <Capitalised words>": a caption or a witness list entry."""
    if not (a.cap or a.upper) or ctx.text[b.end:b.end + 2] != ", ":
        return False
    nxt = ctx.word(b.i + 1)
    return nxt is not None and (nxt.cap or nxt.upper) and nxt.start == b.end + 2


class Roles:
    """Titles from the role lexicon, with their determiner, modifiers and complement."""

    id = "roles"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """Every title that points to one person."""
        ctx, words, out = context, context.words, []
        i = 0
        while i < len(words):
            size = _title_at(ctx, i)
            if not size:
                i += 1
                continue
            a, b = words[i], words[i + size - 1]
            span = _role_span(ctx, a, b, " ".join(x.key for x in words[i:i + size]))
            if span is None:
                i += 1  # a shorter title may start inside ("Madame la | Sous-ministre adjointe")
                continue
            out.append(Candidate(span[0], span[1], "ROLE", Reason.ROLE, recognizer=self.id, prio=2))
            last = word_index_at(ctx, span[1] - 1)
            i = max(last + 1 if last is not None else i + size, a.i + size)
        return out


def _title_at(ctx: NoteContext, i: int) -> int:
    """Length (1-4 words) of the longest role title starting at word *i*, or 0."""
    words = ctx.words
    if words[i].key not in ROLE_FIRST:
        return 0
    for size in (4, 3, 2, 1):
        seq = words[i:i + size]
        if len(seq) < size or any(ctx.gap(seq[k], seq[k + 1]) not in _TITLE_GAPS for k in range(size - 1)):
            continue
        if " ".join(x.key for x in seq) in ROLE_TITLES or " ".join(x.text.lower() for x in seq) in ROLE_TITLES \
                or fold(ctx.text[seq[0].start:seq[-1].end]) in ROLE_TITLES:
            return size
    return 0


def _role_span(ctx: NoteContext, a: Word, b: Word, title: str) -> Optional[tuple[int, int]]:
    """The role's span when the title singles out one person here, else None."""
    words = ctx.words
    j, mod_start, steps = a.i - 1, a, 0
    # a determiner or possessive before, possibly with an ORG or "group D" modifier in between
    while j >= 0 and steps < 3 and ctx.gap(words[j], words[j + 1]) == " " and (
            words[j].cap or words[j].upper or len(words[j].key) == 1 or words[j].key in ROLE_MODIFIERS
            or words[j].key in _TENURE) and words[j].key not in _PRECEDERS:
        mod_start, j, steps = words[j], j - 1, steps + 1
    nouns = _noun_modifiers_after_det(ctx, j, a.i) if j >= 1 and words[j].key not in _PRECEDERS else 0
    if nouns:
        mod_start, j = words[j - nouns + 1], j - nouns
    det = words[j] if j >= 0 else None
    det_ok = det is not None and (det.key in _PRECEDERS or _phrase_preceder(ctx, j)) \
        and not ctx.gap(det, words[j + 1]).strip()
    determiner = (det.key if det_ok else None)
    if ctx.text[max(0, a.start - 2):a.start] in ("l'", "l’", "L'", "L’"):
        determiner = "l'"
    nx = ctx.word(b.i + 1)
    open_end = title.split()[-1] in _OPEN_END and nx is not None and ctx.gap(b, nx) == " " and (nx.cap or nx.upper)
    has_comp = open_end or nx is not None and ((ctx.gap(b, nx) == " " and nx.key in ROLE_EXT_WORDS and nx.key not in _NOT_COMPLEMENT)
                                   or ctx.gap(b, nx).strip() in ("d'", "d’") or _to_the_capital(ctx, b, nx))
    if nx is not None and ctx.gap(b, nx) == " " and not nx.cap and ctx.pos(nx) == "NOUN" and nx.key not in ROLE_EXT_WORDS \
            and not _person_at(ctx, nx.start):
        return None  # the title modifies a noun: "the gender adviser network", "the director position"
    address = _address_before(ctx, mod_start)
    if address is not None:
        return address.start, (_extend_role(ctx, b) if has_comp else b.end)  # "Madame la Sous-ministre adjointe"
    if mod_start is not a and mod_start.upper and ctx.prev_char(mod_start.start) in "(,;/":
        return mod_start.start, b.end  # "(<ACRONYM> co-chair)": a body's title in a speaker's brackets
    if not _singles_out(ctx, a, b, nx, determiner, has_comp, title in GENERIC_ALONE, title):
        return None
    end = _extend_role(ctx, b) if has_comp else b.end
    start = mod_start.start
    if start >= 2 and ctx.text[start - 1] == "/" and ctx.text[start - 2].isalpha():
        start -= 2  # "S/Sgt.", "C/Supt"
    return start, end


# A title ending with a preposition takes the name after it: "member for <Riding>", "envoy to <Country>".
_OPEN_END = frozenset({"for", "of", "to", "de", "du", "des", "aux", "au", "pour"})
_PHRASE_PRECEDERS = {"que": ("en", "tant"), "de": ("a", "titre"), "qu'": ("en", "tant")}
_ADDRESS_ARTICLES = frozenset({"la", "le", "l'", "madame", "monsieur"})


def _phrase_preceder(ctx: NoteContext, j: int) -> bool:
    """'en tant que <title>', 'à titre de <title>': a phrase that introduces one's own position."""
    before = _PHRASE_PRECEDERS.get(ctx.words[j].key)
    return before is not None and j >= 2 and (ctx.words[j - 2].key, ctx.words[j - 1].key) == before


def _address_before(ctx: NoteContext, first: Word) -> Optional[Word]:
    """'Madame la <title>', 'Monsieur le <title>', 'Madam <title>', 'Mister <title>': the address word."""
    prev = ctx.word(first.i - 1)
    if prev is None or ctx.gap(prev, first) not in (" ", "'", "’"):
        return None
    if prev.key in _ADDRESS and prev.key not in ("mr", "mr.") and first.key not in _ADDRESS:
        return prev
    if prev.key in ("la", "le", "l'") or ctx.gap(prev, first) in ("'", "’") and prev.key == "l":
        pp = ctx.word(prev.i - 1)
        if pp is not None and pp.key in ("madame", "monsieur") and ctx.gap(pp, prev) == " ":
            return pp
    return None


def _noun_modifiers_after_det(ctx: NoteContext, j: int, title_i: int) -> int:
    """How many lower-case nouns (1-2) stand between a definite determiner and the title at *title_i*,
    ending at word *j* ("the band council chief", "our shelter director"), or 0."""
    words = ctx.words
    for n in (1, 2):
        k = j - n
        if k < 0 or words[k].key not in _DEFINITE:
            continue
        seq = words[k + 1:j + 1]
        if all(ctx.pos(x) in ("NOUN", "PROPN", "ADJ") and x.key not in ROLE_EXT_WORDS for x in seq) and all(
                ctx.gap(words[m], words[m + 1]) == " " for m in range(k, title_i)):
            return n
    return 0


def _singles_out(ctx: NoteContext, a: Word, b: Word, nx: Optional[Word], det: Optional[str], has_comp: bool,
                 bare_generic: bool, title: str) -> bool:
    """A determiner, a complement, a name or a speech verb makes the title point to one person."""
    if ctx.line_start_before(a) and ctx.next_char(b.end) == ":" and det is None:
        # "Moderator: Name" is a label (the name after it goes); "Chair: Thank you." is a speaker turn
        return _speaker_turn(ctx, ctx.next_char_pos(ctx.next_char_pos(b.end) + 1))
    if ctx.text[b.end:b.end + 1] == "s" and ctx.text[b.end:b.end + 2] != "s'":
        return False  # "the co-chairs" (plural) is generic
    if title.split()[0] in _ADDRESS or _caption(ctx, a, b) or _between_commas(ctx, a, b):
        return True  # "Madam Chair", "Monsieur le Président"; "Executive Director, <Org>"
    if det is not None:
        return not bare_generic or has_comp or det in _DEFINITE
    if bare_generic:
        return False
    followed_by_name = nx is not None and ctx.gap(b, nx).strip(" .") == "" and (
        nx.cap and (not ctx.is_common(nx) or is_given_name(nx.key)) or _person_at(ctx, nx.start))
    if followed_by_name and a.i == b.i and " " not in title and len(title) <= 5:
        return True  # a rank abbreviation before a name, in any case: "sgt morrow", "insp. halvorsen"
    speech_after = (nx is not None and not nx.cap and ctx.gap(b, nx) == " " and nx.key in SPEECH_VERBS
                    and (nx.key.endswith("ed") or nx.key in {"said", "told", "spoke", "dit"}))
    return has_comp or (followed_by_name and a.cap) or speech_after


def _to_the_capital(ctx: NoteContext, b: Word, nx: Word) -> bool:
    """'Adviser to the Chief of ...', 'Envoy to the Sahel': 'to the' and a capitalised word complete a title."""
    if nx.key != "to" or ctx.gap(b, nx) != " ":
        return False
    the, cap = ctx.word(nx.i + 1), ctx.word(nx.i + 2)
    return the is not None and the.key == "the" and cap is not None and cap.cap


def _speaker_turn(ctx: NoteContext, pos: int) -> bool:
    """After 'Title:', a sentence starts ("Thank you", "We agree"), not a name."""
    i = word_index_at(ctx, pos)
    w = ctx.word(i) if i is not None else None
    if w is None or w.start != pos or _person_at(ctx, pos):
        return False
    nxt = ctx.word(w.i + 1)
    return w.key in FUNCTION_WORDS or "'" in w.key or (ctx.is_common(w) and nxt is not None and ctx.gap(w, nxt) == " " and not nxt.cap)


def _person_at(ctx: NoteContext, pos: int) -> bool:
    """A person candidate (found by an earlier recognizer) starts at *pos*."""
    return any(c.start == pos for c in ctx.candidates("PERSON"))


def _extend_role(ctx: NoteContext, b: Word) -> int:
    """End of the role's complement ("director of the regional office for X")."""
    j, last_content = b.i + 1, b.end
    while j < len(ctx.words):
        w = ctx.words[j]
        g = ctx.gap(ctx.words[j - 1], w)
        if g not in (" ", "", "'", "’", "—", "–", "'s ", "’s ") and g.strip() not in ("d'", "d’", "l'", "l’"):
            # "—": riding names; "'s": "head of <Body>'s centre for gender statistics"
            break
        if (w.key in ROLE_EXT_WORDS or w.key == "to" and j == b.i + 1) and w.key != "and":
            j += 1
            continue
        pos = ctx.pos(w)
        if pos in ("NOUN", "PROPN", "ADJ", "NUM", "X") or w.cap or w.upper:
            last_content = w.end
            j += 1
            continue
        break
    return max(b.end, last_content)
