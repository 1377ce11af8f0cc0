"""Names nobody listed: runs of capitalised words judged by their context, initials with a cue,
and lower-case speaker names in list lines ("- name (Org): ..."). Uncertain means removed: an
unknown proper noun goes unless it reads as a heading, a place, an organization or a programme.
"""
from __future__ import annotations

import re

from ..lexicon import (CONTRACTIONS, NAME_WORDS, NER_SUPPRESS, ROLE_MODIFIERS, NON_NAME_LINE_LABELS, PLACE_WORDS,
                       STRONG_HONORIFICS)
from ..french import is_french_word
from ..given_names import is_given_name
from ..reasons import Reason
from ..text import Word
from ..vocab import (FUNCTION_WORDS, HONORIFICS, LABEL_WORDS, NAME_PARTICLES, NON_PERSON_PROPER, ORG_HEADS,
                     ROLE_TITLES, SUBJECT_HEADS, fold)
from ..wordclass import ALL_CAPS_TOKENS, hyphen_name, noun_like
from .persons import PersonFinder, PersonStage


# "(<affiliation>):" after a word opening a line: a speaker entry in list notes.
_SPEAKER_PAREN = re.compile(r"[ \t]*\([^()\n]{2,60}\)[ \t]*[:–—-]")


class ContextNames(PersonStage):
    """Unknown names from context (capitalised runs, initials, lower-case speakers)."""

    id = "context_names"

    def run(self, pf: PersonFinder) -> None:
        """Judge every capitalised run, then lower-case speaker names."""
        unknown_names(pf)
        lowercase_speakers(pf)


def chunks(pf) -> list[tuple[Word, Word]]:
    """Runs of capitalised words (with name particles) on one line, not already covered."""
    ctx = pf.ctx
    out = []
    cur: list[Word] = []

    def flush():
        while cur and fold(cur[-1].text) in NAME_PARTICLES and not cur[-1].cap:
            cur.pop()
        if cur:
            out.append((cur[0], cur[-1]))
        cur.clear()

    for w in ctx.words:
        # a word with a digit is a code, a bill or a group of states ("G20", "C-16"), never part of a name
        namey = (w.cap or w.upper) and not any(ch.isdigit() for ch in w.text) and w.i not in pf.covered \
            and not pf._blocked(w)
        particle = (not w.cap) and w.key in NAME_PARTICLES and cur
        if cur:
            g = ctx.gap(cur[-1], w)
            joined = g == " " or (g == ". " and len(cur[-1].key) == 1) or (g == "" and cur[-1].text.endswith("."))
            if not joined or not (namey or particle):
                flush()
                if not namey:
                    continue
        if namey:
            # an honorific starts a new chunk and is not part of the name
            if w.key.rstrip(".") in STRONG_HONORIFICS and ctx.text[w.end:w.end + 1] in (".", " "):
                flush()
                continue
            # a shouted sentence: ordinary words end the run of unknown ALL-CAPS words before them
            if w.upper and cur and cur[-1].upper and pf.ctx.is_common(w) and not pf.ctx.is_common(cur[-1]):
                flush()
            cur.append(w)
        elif particle:
            cur.append(w)
    flush()
    return out


def unknown_names(pf) -> None:
    ctx = pf.ctx
    for a, b in chunks(pf):
        seg = ctx.words[a.i:b.i + 1]
        # strip leading role titles / label words / allow-listed or place words from the chunk
        while seg and len(seg) > 1 and (_leading_grammar(seg[0]) or (
                seg[0].key in ROLE_TITLES or seg[0].key in NON_NAME_LINE_LABELS or seg[0].key in HONORIFICS)
                and ctx.is_common(seg[0])):
            seg = seg[1:]
        if not seg or _group_label(ctx, seg) or any(w.key in CONTRACTIONS for w in seg):
            continue  # "Group B", "Grp E", "Table 3"; "I'm", "We're" are grammar
        seg = _before_body(seg)
        a, b = seg[0], seg[-1]
        _judge_chunk(pf, a, b)


def _before_body(seg: list[Word]) -> list[Word]:
    """'<Name> de la Gendarmerie royale', '<Name> of the Kestrel Trust': a run joined by a particle to an
    organization's name is a name and its body; the name is judged alone (the body is the attribution
    layer's)."""
    for k in range(1, len(seg) - 1):
        if not seg[k].cap and seg[k - 1].cap and any(
                w.key in ORG_HEADS or w.key in SUBJECT_HEADS or w.key in _BODY_WORDS for w in seg[k + 1:]):
            return seg[:k]
    return seg


# Head words of public bodies that a person's name is joined to by "de la", "of the" ("<Name> de la Gendarmerie").
_BODY_WORDS = frozenset(fold(w) for w in """gendarmerie|sûreté|police|garde|forces|force|armée|marine|commission|
ministère|agence|bureau|service|services|conseil|cour|tribunal|ville|municipalité|province|gouvernement|government|
department|département|secrétariat|secretariat|direction|division|branch|directorate|council|court""".replace(
    "\n", "").split("|"))


def _leading_grammar(w: Word) -> bool:
    """A capitalised grammar word opening a run ("Pour <Name>,", "Selon <Name>", "As <Name> noted"): it
    opens the sentence, it is not part of the name, unless it is also a given name ("Will", "May")."""
    return w.key in FUNCTION_WORDS and not w.upper and not is_given_name(w.key) and fold(w.text) not in NAME_PARTICLES


# Words that a breakout label's letter follows ("Group B", "Grp E", "Table C", "Atelier D").
GROUP_WORDS = frozenset({"group", "grp", "groupe", "gr", "table", "room", "salle", "session", "breakout", "panel",
                          "workshop", "atelier", "team", "equipe", "section", "annex", "annexe", "option", "part",
                          "phase", "day", "jour", "item", "track", "stream", "circle", "cercle", "pod"})


def _group_label(ctx, seg: list[Word]) -> bool:
    """A breakout label: a group word and a letter ("Group B"), or a letter right after a group word."""
    if len(seg) == 2 and seg[0].key in GROUP_WORDS and len(seg[1].key) <= 2:
        return True
    prev = ctx.word(seg[0].i - 1)
    return len(seg) == 1 and len(seg[0].key) == 1 and prev is not None and prev.key in GROUP_WORDS \
        and ctx.gap(prev, seg[0]) == " "

def _judge_chunk(pf, a: Word, b: Word) -> None:
    ctx = pf.ctx
    seg = ctx.words[a.i:b.i + 1]
    if all(w.key in FUNCTION_WORDS for w in seg):
        # a name that is also a function word ("<Name> said", "<Name> (<Org>):"), only with a strong cue
        if len(seg) == 1 and a.key in NAME_WORDS and a.cap and not a.upper:
            cue = pf.cue(a, b)
            if cue and cue.startswith(("subject of", "speaker label", "name followed by '(a", "after title")):
                pf._add(a, b, Reason.PERSON_CONTEXT, None, False, key="u:" + a.key)
        return
    phrase = " ".join(w.key for w in seg)
    if phrase in ctx.index.allow_forms or fold(ctx.text[a.start:b.end]) in ctx.index.allow_forms:
        return
    if phrase in PLACE_WORDS or all(w.key in PLACE_WORDS for w in seg):
        return
    if len(seg) == 1 and "-" in a.key and a.key.split("-")[0] in PLACE_WORDS:
        return  # "Montréal-Nord", "Québec-Centre": a place and a part of it
    if any(w.key in ORG_HEADS or w.key in SUBJECT_HEADS for w in seg) and len(seg) > 1:
        return  # an organization or programme name: the attribution layer decides
    if any(w.key in ROLE_TITLES for w in seg) and all(w.key in ROLE_TITLES or ctx.is_common(w) for w in seg):
        return  # "THE CHAIR:", "The Acting Chair (Mr. X):": a title, which the role recognizer judges
    if all(w.key in NON_PERSON_PROPER or w.key in NON_NAME_LINE_LABELS for w in seg) or \
            (len(seg) == 1 and _institution_noun(ctx, a)):
        return  # "Attendees:", "Regrets:": a line label; "le Comité": an institution; not a name
    before = ctx.word(a.i - 1)
    if len(seg) == 1 and len(a.key) == 1 and before is not None and before.key in ROLE_MODIFIERS:
        return  # "Groupe F (notes)", "Group E": the letter names a breakout group
    acronymish = [w for w in seg if sum(c.isupper() for c in w.text) >= 2 and not w.upper and not _capitalised_compound(w)
                  or (w.upper and len(w.key) <= 6)]
    # all-caps runs longer than a word are shouting; single short caps words are acronyms
    if len(seg) == 1 and acronymish:
        _judge_initials(pf, a, b)
        return
    unknown = [w for w in seg if (not ctx.is_common(w) or hyphen_name(w)) and w.key not in PLACE_WORDS and w.key not in NON_PERSON_PROPER
               and not (w.upper and len(w.key) <= 6) and w.key not in HONORIFICS and w.key not in ROLE_TITLES]
    ent = ctx.ent_label(a) or ctx.ent_label(b)
    cue = pf.cue(a, b)
    reason_ner = ent in ("PERSON", "PER")
    if unknown and not cue and _heading_like(pf, seg, unknown):
        return
    if unknown:
        if ent in NER_SUPPRESS and not cue:
            return
        weak = cue is None or cue.startswith("possessive")
        reason = Reason.PERSON_NER if reason_ner else (Reason.UNKNOWN_PROPER_NOUN if weak else Reason.PERSON_CONTEXT)
        pf._add(a, b, reason, None, False, key="u:" + " ".join(w.key for w in seg))
        return
    # only ordinary words: a person only with a clear cue (a title before, "(<Org>)" after)
    name_subject = len(seg) == 1 and a.key in NAME_WORDS and cue is not None and cue.startswith("subject of")
    if cue and len(seg) <= 3 and (name_subject or not (a.initial and cue.startswith(("name followed by an apposition", "subject of")))):
        if a.key in NON_NAME_LINE_LABELS or a.key in ROLE_TITLES or (_opens_sentence(ctx, b) and not cue.startswith("after title")):
            return
        # "<Plural noun>:", "<Abstract noun> (<ACRONYM>)": plurals and abstract nouns are labels, not names,
        # unless a title says otherwise ("Ms. Fields")
        # an ALL-CAPS word that is "common" only as a guessed inflection ("TSERING" read as "tsere" + "-ing")
        guessed = any(w.upper and w.key not in ctx.common and "-" not in w.key for w in seg)
        if not cue.startswith("after title") and all(noun_like(w, ctx.common) for w in seg) and not (
                guessed and cue.startswith(("name followed by '(a", "speaker"))):
            return
        pf._add(a, b, Reason.PERSON_CONTEXT, None, False, key="u:" + " ".join(w.key for w in seg))



_DEFINITE = frozenset({"le", "la", "les", "l'", "l’", "du", "des", "au", "aux"})


def _institution_noun(ctx, w: Word) -> bool:
    """'le Comité', 'la Commission', 'du Règlement': a French noun capitalized after a definite article names an
    institution or a text, not a person (a name takes no article; 'la Pierre' is not how a note writes one)."""
    prev = ctx.word(w.i - 1)
    if prev is None or ctx.lang_at(w.start) != "fr" or not w.cap or w.upper or is_given_name(w.key):
        return False
    gap = ctx.gap(prev, w)
    article = prev.key in _DEFINITE and gap == " " or prev.key in ("l", "d") and gap in ("'", "’")
    return article and is_french_word(w.key)


_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|Da|Du|Le|La|Van|Von|O['’])[A-Z][a-zà-ÿ]")


def _capitalised_compound(w: Word) -> bool:
    """'Brennan-Achebe', 'McAllister', 'LeBlanc', 'O'Neill': two capitals make a compound name, not an acronym
    ("AvdB", "PhD") nor a brand written in camel case ("WhatsApp")."""
    parts = [p for p in w.text.split("-") if p]
    if len(parts) >= 2 and all(p[:1].isupper() and p[1:].islower() for p in parts):
        return True
    return bool(_NAME_PREFIX.match(w.text))


def _opens_sentence(ctx, b: Word) -> bool:
    """Ordinary words followed by a lower-case function word open a sentence ("Chair: Thank you"),
    they do not name the speaker."""
    nxt = ctx.word(b.i + 1)
    return nxt is not None and ctx.gap(b, nxt) == " " and not nxt.cap and nxt.key in FUNCTION_WORDS


def _judge_initials(pf, a: Word, b: Word) -> None:
    """A single short ALL-CAPS or dotted word: initials of a person only with a cue."""
    ctx = pf.ctx
    letters = re.sub(r"[^A-Za-z]", "", a.text)
    speakerish = ctx.next_char(a.end) in "(:" and (ctx.line_start_before(a) or ctx.prev_char(a.start) in "(;,")
    if (a.upper and 2 <= len(letters) <= 4 and fold(a.text) not in ctx.index.allow_forms and (speakerish or (
            letters.upper() not in ctx.index.org_acronyms and letters.upper() not in ctx.index.derived_acronyms))
            and a.key not in NON_PERSON_PROPER):
        cue = pf.cue(a, b, allow_common=False)
        nxt = ctx.word(b.i + 1)
        if not cue and len(letters) <= 3 and nxt is not None and ctx.gap(b, nxt) == " ":
            if re.match(r" to [a-z]+", ctx.text[b.end:b.end + 20]) and (ctx.line_start_before(a) or ctx.prev_char(a.start) == ":"):
                cue = "action item '<initials> to ...'"
            elif ctx.pos(nxt) == "VERB" and ctx.tag(nxt) in ("VBD", "VBZ", "VBP", "") and not nxt.cap \
                    and not nxt.key.endswith("ing") and a.key not in ctx.common:
                cue = f"subject of '{nxt.text}'"
        if not cue and re.fullmatch(r"(?:[A-Z]\.-?){2,3}", a.text) and a.key not in PLACE_WORDS:
            cue = "dotted initials"
        if cue and (cue.startswith(("name followed by '(a", "speaker label", "questioner", "subject of", "action item", "dotted")) or "." in a.text):
            pf._add(a, b, Reason.PERSON_INITIALS, None, False, key=f"u:{a.key}")


def _heading_like(pf, seg: list[Word], unknown: list[Word]) -> bool:
    """A Title Case or ALL-CAPS heading made of dictionary words (a headline), or a lone
    word-processor field code ("HYPERLINK"): not a name.

    Names of three or more words are rarely mostly dictionary words, so a run of 3+ capitalised
    words where at most a third are unknown is read as a heading.  A spaCy PERSON entity or a
    context cue (checked by the caller) overrides this.
    """
    ctx = pf.ctx
    if len(seg) == 1 and seg[0].upper and seg[0].key in ALL_CAPS_TOKENS:
        return True
    if any(ctx.ent_label(w) in ("PERSON", "PER") for w in seg):
        return False
    if len(seg) >= 3 and len(unknown) * 3 <= len(seg):
        return True
    return False

def lowercase_speakers(pf) -> None:
    """'- rené (Org): ...': a lower-case unknown word opening a line before '(' is a speaker."""
    ctx = pf.ctx
    for w in ctx.words:
        if w.cap or w.i in pf.covered or len(w.key) < 3 or w.key in FUNCTION_WORDS:
            continue
        if ctx.is_common(w):
            if is_given_name(w.key) and _SPEAKER_PAREN.match(ctx.text, w.end) and ctx.line_start_before(w):
                pf._add(w, w, Reason.PERSON_CONTEXT, None, False, key="u:" + w.key)  # "- summer (org): ..."
            continue
        prev = ctx.word(w.i - 1)
        if prev is not None and prev.key in LABEL_WORDS and ctx.gap(prev, w).strip() == ":":
            pf._add(w, w, Reason.PERSON_CONTEXT, None, False, key="u:" + w.key)
            continue
        if not ctx.line_start_before(w) or ctx.next_char(w.end) != "(":
            continue
        inner = ctx.text[ctx.next_char_pos(w.end) + 1:ctx.next_char_pos(w.end) + 2]
        if inner[:1].isupper():
            pf._add(w, w, Reason.PERSON_CONTEXT, None, False, key="u:" + w.key)

