"""Person names from spaCy's statistical NER (PERSON / PER), trimmed of titles and labels and
filtered against places, allow-listed bodies and organization names."""
from __future__ import annotations

from ..given_names import is_given_name, is_position_name
from ..lexicon import NAME_WORDS, NON_NAME_LINE_LABELS, PLACE_WORDS
from ..reasons import Reason
from ..vocab import FUNCTION_WORDS, HONORIFICS, LABEL_WORDS, NON_PERSON_PROPER, ORG_HEADS, ROLE_TITLES, load
from .persons import PersonFinder, PersonStage


# Discourse words and note labels that open a sentence or a line ("Ensuite", "Voilà", "Idée", "Mot")
SENTENCE_OPENERS = NON_NAME_LINE_LABELS | load("discourse_words")


class NerPersons(PersonStage):
    """spaCy's PERSON entities."""

    id = "ner_persons"

    def run(self, pf: PersonFinder) -> None:
        """Add the note's PERSON entities that are not covered yet."""
        ner_persons(pf)


def ner_persons(pf) -> None:
    """spaCy PERSON/PER entities, trimmed of titles, filtered against places and allow-list."""
    ctx = pf.ctx
    for s, e, label in ctx.ents:
        if label not in ("PERSON", "PER"):
            continue
        ws = [w for w in ctx.words if s <= w.start < e]
        while ws and (ws[0].key.rstrip(".") in HONORIFICS or ws[0].key in ROLE_TITLES or ws[0].key in LABEL_WORDS
                      or (ws[0].key in FUNCTION_WORDS and ws[0].key not in NAME_WORDS and len(ws) > 1)):
            ws = ws[1:]
        ws = [w for w in ws if w.i not in pf.covered]
        if not ws:
            continue
        # keep contiguous, same line
        run = [ws[0]]
        for w in ws[1:]:
            if w.i == run[-1].i + 1 and "\n" not in ctx.gap(run[-1], w):
                run.append(w)
            else:
                break
        a, b = run[0], run[-1]
        keys = [w.key for w in run]
        phrase = " ".join(keys)
        if phrase in ctx.index.allow_forms or all(k in PLACE_WORDS or k in NON_PERSON_PROPER for k in keys):
            continue
        if any(w.key in ORG_HEADS for w in run) and len(run) > 1:
            continue
        if ctx.lang_at(a.start) != ctx.lang and not any(w.cap for w in run) and all(ctx.is_common(w) for w in run):
            continue  # lower-case words of a sentence in the other language ("écrit avec" in an English note)
        if len(run) == 1 and a.initial and a.key in SENTENCE_OPENERS and not is_given_name(a.key):
            continue  # "Ensuite, ...", "Mot de bienvenue", "Secrétariat : ..." read as a name by the parser
        if len(run) == 1 and ctx.is_common(a) and not is_position_name(a.key) and ctx.prev_char(a.start) == ":" \
                and ctx.next_char(b.end) in ".!,":
            continue  # "(Mr. <Name>): Order.": an ordinary word as a one-word sentence, read as a name by the parser
        if all(w.key in FUNCTION_WORDS or w.key in NAME_WORDS or (ctx.is_common(w) and ctx.pos(w) != "PROPN")
               for w in run) and not pf.cue(a, b):
            continue
        if len(run) >= 2 and all(ctx.is_common(w) and not is_given_name(w.key) for w in run) and not pf.cue(a, b) \
                and not _capital_after(ctx, b):
            continue  # "scrutinise Government Departments", "the report Unmet Needs": capitals on ordinary words
        if all(w.upper and len(w.key) <= 6 for w in run):
            cue = pf.cue(a, b)
            if not (cue and cue.startswith(("name followed by '(a", "speaker label", "questioner"))):
                continue
        pf._add(a, b, Reason.PERSON_NER, None, False, key="u:" + phrase)


def _capital_after(ctx, b) -> bool:
    """The name runs on into a capitalised word ("Kestrel Aid Canada"): a longer name, not a titled phrase."""
    nxt = ctx.word(b.i + 1)
    return nxt is not None and ctx.gap(b, nxt) == " " and (nxt.cap or nxt.upper)
