"""Organizations, named or known, in the frames that make them tell who spoke (English and French).

The shape of a name is read by :mod:`anonymizer.org_shapes`; here, the frame decides:

- the subject of a verb of saying, of presence or of a commitment in minutes: "Okapi Partnership for
  Peace said", "Women Mediators Beyond Borders noted", "IRCC will circulate", "le Comité logement
  Rive-Ouest estime", "la grc n'était pas présente", "le collectif brise-glace dit";
- a possessive or a noun of people or of opinion after it: "Lumen Justice Partnership's position",
  "the Privy Council Office view", "a Solace Sisters Union organizer";
- a cue before it: "for Alliance Boréale des aînées, the priority is", "du côté de la Table de
  concertation Val-Morin", "d'un point de vue de l'ASFC", "l'équipe du CIUSSS", "from a Sunrise Doula
  Collective perspective";
- a speaker label at the start of a line: "- Oriel Fund for Women: wants core funding".
The same names as the subject of an idea ("CBSA should publish data", "la GRC devrait publier ses
données", "the youth hub should get core funding") match no frame and stay.
"""
from __future__ import annotations

import functools
import os
import re

from ..lexicon import ATTRIB_NOUNS
from ..org_shapes import FRENCH_HEADS, NAME_HEADS, has_odd_word, head_words, known_body, org_shaped, span_after, span_before
from ..reasons import Reason
from ..vocab import DATA, FUNCTION_WORDS, SPEECH_VERBS, fold, read_lines
from .attribution import AttributionReader, ReaderStage
from .context import word_index_at
from .french import _VERB_RX as _FRENCH_VERB_RX
from .french import _MODAL_AFTER as _FRENCH_MODAL_AFTER
from .french import _WISH_BEFORE

# "the staff of <name> should be trained": a recommendation about the body, not its voice
_MODAL_AFTER = re.compile(r"\s+(?:should|must|need\s+to|needs\s+to|ought\s+to|could|would|has\s+to|have\s+to)\b")

_ADVERBS = r"(?:(?:also|then|later|again|briefly|already|has|have|had|just|both|all|aussi|egalement|deja)\s+)*"


@functools.lru_cache(maxsize=1)
def _english_verb_rx() -> re.Pattern:
    """Speech, presence and commitment verbs after a name (folded text)."""
    verbs = sorted((fold(v) for v in read_lines(os.path.join(DATA, "en", "body_speech_verbs.txt"))), key=len, reverse=True)
    return re.compile(r"\s*,?\s+" + _ADVERBS + r"(?:" + "|".join(re.escape(v) for v in verbs) + r")(?![\w'])")


_OPINION_NOUNS = frozenset("""view views position positions take perspective stance presenter presenters organizer
organizers organiser organisers coordinator coordinators volunteer volunteers founder founders worker workers staff
employee employees crowd contingent delegation""".split())
# Words before "<name> <noun>" that make the phrase a complement ("a briefing for IRCC staff", "with INAC input").
_COMPLEMENT_BEFORE = frozenset(fold(w) for w in """for to with about on in into by than of pour avec sur dans par
train training fund funding hire hiring""".split())
_FRAME_NOUNS = ATTRIB_NOUNS | _OPINION_NOUNS
_NOUN_AFTER = re.compile(r"(?:['’]s?)?[ \t]+([a-z][a-z-]+)\b")
_PREFIX_CUES = re.compile(
    r"(?:^|(?<=[\n.;:!?(\-–•*])\s*|(?<=\s))(?:(?P<open>for|pour|chez|at)\s+(?:the\s+|la\s+|le\s+|l['’])?"
    r"|(?P<any>d['’]un\s+point\s+de\s+vue\s+|du\s+point\s+de\s+vue\s+|(?:l['’])?[ée]quipe\s+|les\s+gens\s+|du\s+c[ôo]t[ée]\s+"
    r"|de\s+la\s+part\s+|au\s+nom\s+|selon\s+(?:la\s+|le\s+|les\s+|l['’])?|on\s+behalf\s+of\s+(?:the\s+)?|representing\s+(?:the\s+)?|speaking\s+(?:for|from)\s+(?:the\s+)?"
    r"|from\s+(?:an?\s+|the\s+)(?=\S+(?:\s+\S+){0,6}?\s+(?:perspective|point of view|standpoint|lens|angle)\b))"
    r"(?:(?<=\s)(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]))?)", re.I)


_FR_NOUN_CUES = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in sorted(
    {fold(x) for x in read_lines(os.path.join(DATA, "fr", "attribution_nouns.txt"))}
    | {fold(x) for x in read_lines(os.path.join(DATA, "fr", "attrib_nouns.txt"))}, key=len, reverse=True))
    + r")\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')")


class OrgFrames(ReaderStage):
    """Organization-shaped names and known bodies in attribution frames."""

    id = "org_frames"

    def run(self, att: AttributionReader) -> None:
        """Read every frame of the note: verbs after, nouns after, cues before, speaker labels."""
        _verb_subjects(att)
        _nouns_after(att)
        _prefix_cues(att)
        _speaker_labels(att)
        _lower_french_subjects(att)
        _counted_people(att)
        _signatures(att)
        _appositions(att)
        _label_parentheses(att)


def _emit_words(att: AttributionReader, j: int, k: int, reason: Reason) -> None:
    """An ORG over words j..k, unless a person recognizer already took those words (initials, a name)."""
    words = att.ctx.words
    s, e = words[j].start, words[k].end
    if any(p.start <= s and e <= p.end for p in att.persons):
        return
    if any(s <= p.start and p.end <= e for p in att.persons) and not head_words(att.ctx, j, k):
        return  # "Ideas Marit Solvang raised": a person's name with a word before it, not a body
    att._emit((s, e, "ORG"), reason)


def _says_after(ctx, end: int) -> bool:
    """A verb of saying, presence or commitment right after character *end*, not in a wish ('demande que')."""
    if ctx.lang_at(end) == "fr":
        return bool(_FRENCH_VERB_RX.match(ctx.ftext, end)) and not _WISH_BEFORE.search(ctx.ftext, max(0, end - 160), end)
    return bool(_english_verb_rx().match(ctx.ftext, end))


def _verb_subjects(att: AttributionReader) -> None:
    """'<name> said', '<name> a souligné', '<name> will circulate': the name before the verb."""
    ctx = att.ctx
    for i, w in enumerate(ctx.words):
        nxt = ctx.word(i + 1)
        if nxt is None or "\n" in ctx.text[w.end:nxt.start] or not _says_after(ctx, w.end):
            continue
        span = span_before(ctx, i)
        if span and org_shaped(ctx, *span) and not _reported(ctx, ctx.words[span[0]].start):
            _emit_words(att, *span, Reason.PUBLIC_BODY_ATTRIBUTED if known_body(
                ctx, ctx.words[span[0]].start, ctx.words[span[1]].end) else Reason.SPEAKER_AFFILIATION)


# "one from CSIS", "deux du SCRS": a count of people and the body they came from
_COUNT_FROM = re.compile(r"(?<![\w'])(?:one|two|three|four|five|several|some|many|a\s+few|une?|deux|trois|quatre|plusieurs|"
                         r"quelques-unes|quelques-uns|someone|somebody|no\s+one|nobody|anyone|qqn|quelqu'un|personne|"
                         r"(?:\d+|two|three|four|five|six|several|deux|trois|quatre|cinq|six|plusieurs|quelques)\s+"
                         r"(?:ppl|people|persons|personnes|reps?|officials|fonctionnaires|representante?s|gens|agente?s|"
                         r"employee?s|staff)|ppl|"
                         r"(?:un|une|l'|la|le)\s*(?:agente?|policier|policiere|employee?|fonctionnaire|analyste|conseillere?|"
                         r"chargee?\s+de\s+(?:projet|programme|dossier)|gestionnaire|coordonnat(?:eur|rice)|directrice|directeur)|"
                         r"an?\s+(?:officer|employee|analyst|official|staffer))\s+(?:from|at|with|of\s+them\s+from|de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')"
                         r"\s*(?:the\s+)?", re.I)


def _counted_people(att: AttributionReader) -> None:
    """'two people from the RCMP and one from CSIS attended': the body after 'one from'."""
    ctx = att.ctx
    for m in _COUNT_FROM.finditer(ctx.ftext):
        span = _name_at(ctx, m.end())
        if span and org_shaped(ctx, *span, strict=True) and not _recommended(ctx, ctx.words[span[1]].end):
            _emit_words(att, *span, Reason.SPEAKER_AFFILIATION)


_DASH_BEFORE = re.compile(r"[ \t][-–—][ \t]*$")
_MONTHS = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|janvier|"
                     r"fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b")
# the heading of a paper ("Briefing note – <Body>") is signed by the body; a group's ("Group F – <Body>") gives a topic
_PAPER = re.compile(r"\b(?:note|notes|memo|memorandum|brief|briefing|submission|statement|remarks|presentation|letter|"
                    r"report|deck|comments|memoire|synthese|compte rendu|lettre|rapport|allocution|declaration|"
                    r"commentaires|contribution|observations)\b")


def _signatures(att: AttributionReader) -> None:
    """'Ottawa, le 14 novembre – Sécurité publique Canada', 'Note de synthèse – <Body>', 'Thank you. — Kelpwater
    Institute': a body after a dash at the end of a line signs the text (a dateline or a signature)."""
    ctx = att.ctx
    for s, e, *_ in ctx.org_mentions:
        line_end = ctx.text.find("\n", e)
        rest = ctx.text[e:line_end if line_end != -1 else len(ctx.text)]
        line_start = ctx.text.rfind("\n", 0, s) + 1
        head = ctx.ftext[line_start:s]
        dated = _MONTHS.search(head) and any(c.isdigit() for c in head)  # a dateline, not "Group F – <topic>"
        signed = dated or _PAPER.search(head) or not head.strip(" \t-–—")
        if not rest.strip(" .\t") and _DASH_BEFORE.search(ctx.text, max(0, s - 4), s) and signed:
            att._emit((s, e, "ORG"), Reason.PUBLIC_BODY_ATTRIBUTED)


_APPOSITION = re.compile(r",[ \t]*(?:for|from|with|of|at|pour|de|du|chez)[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+|our[ \t]+|la[ \t]+|le[ \t]+|l['’])?",
                         re.I)


def _appositions(att: AttributionReader) -> None:
    """'Nnamdi, for the refugee support network, asked ...': the group set off by commas after a name,
    capitalised or typed in lower case (then its last word is an organization head-word)."""
    ctx = att.ctx
    for p in att.persons:
        m = _APPOSITION.match(ctx.text, p.end)
        if not m:
            continue
        span = _name_at(ctx, m.end())
        if span and org_shaped(ctx, *span):
            _emit_words(att, *span, Reason.SPEAKER_AFFILIATION)
            continue
        i = word_index_at(ctx, m.end())
        if i is None or ctx.words[i].start != m.end():
            continue
        k = i
        while k + 1 < len(ctx.words) and k - i < 5 and ctx.text[ctx.words[k].end:ctx.words[k + 1].start] in (" ", "-", "' "):
            k += 1
        while k > i and ctx.words[k].key not in NAME_HEADS:
            k -= 1
        if k > i and ctx.words[k].key in NAME_HEADS and ctx.text[ctx.words[k].end:ctx.words[k].end + 1] in ",)" \
                and all(w.key not in FUNCTION_WORDS for w in ctx.words[i:k]):
            _emit_words(att, i, k, Reason.SPEAKER_AFFILIATION)


_LABEL_PARENS = re.compile(r"^[ \t]*(?:[-–•*][ \t]*)?[^\n():]{1,40}?\(([^()\n]{2,80})\)[ \t]*:", re.M)


def _label_parentheses(att: AttributionReader) -> None:
    """'A (ISC, RDG): ...', 'Q (Fernleaf Youth Collective): ...': in a speaker label, each body named in
    the parentheses is the speaker's."""
    ctx = att.ctx
    for m in _LABEL_PARENS.finditer(ctx.text):
        for piece in re.finditer(r"[^,;/]+", m.group(1)):
            a = m.start(1) + piece.start() + len(piece.group()) - len(piece.group().lstrip())
            b = m.start(1) + piece.end() - (len(piece.group()) - len(piece.group().rstrip()))
            span = _name_at(ctx, a)
            if span and ctx.words[span[1]].end == b and org_shaped(ctx, *span, strict=True):
                _emit_words(att, *span, Reason.SPEAKER_AFFILIATION)


def _name_at(ctx, pos: int):
    """Word indexes of the known body (any case: 'fegc', 'ministère des Finances') or the capitalised
    organization-shaped name that starts at *pos*."""
    pos = ctx.next_char_pos(pos)
    i = word_index_at(ctx, pos)
    if i is None or ctx.words[i].start != pos:
        return None
    for s, e, *_ in ctx.org_mentions:
        if s == pos:
            k = word_index_at(ctx, e - 1)
            return (i, k) if k is not None else None
    return span_after(ctx, i)


_SENTENCE_END = re.compile(r"[.!?;:\n]")


def _reported(ctx, start: int) -> bool:
    """The name sits in reported speech ('Kit said Public Safety will share the tables'): the speaker is
    the one who said it, the body is what they spoke about."""
    cut = max((m.end() for m in _SENTENCE_END.finditer(ctx.text, max(0, start - 200), start)), default=max(0, start - 200))
    first = word_index_at(ctx, ctx.next_char_pos(cut))
    if first is None:
        return False
    for w in ctx.words[first:]:
        if w.start >= start:
            return False
        if w.key in SPEECH_VERBS and not w.cap:
            return True
    return False


def _nouns_after(att: AttributionReader) -> None:
    """"<name>'s position', 'the <name> view', 'a <name> organizer'."""
    ctx = att.ctx
    for i, w in enumerate(ctx.words):
        m = _NOUN_AFTER.match(ctx.text, w.end)
        if not m or fold(m.group(1)) not in _FRAME_NOUNS or not (w.cap or w.upper):
            continue
        possessive = ctx.text[w.end:m.start(1)].strip().startswith(("'", "’"))
        span = span_before(ctx, i)
        if not span or not org_shaped(ctx, *span, strict=not possessive):
            continue
        before = ctx.word(span[0] - 1)
        if not possessive and before is not None and before.key in _COMPLEMENT_BEFORE:
            continue
        after = ctx.word(word_index_at(ctx, m.start(1)) + 1) if word_index_at(ctx, m.start(1)) is not None else None
        if after is not None and after.key in {"states", "countries", "nations", "governments"}:
            continue  # "NATO member states": bodies, not a person
        _emit_words(att, *span, Reason.SPEAKER_AFFILIATION)


def _prefix_cues(att: AttributionReader) -> None:
    """'For <name>, ...', 'du côté de la <name>', 'd'un point de vue de l'<name>', 'on behalf of <name>'."""
    ctx = att.ctx
    for m in _FR_NOUN_CUES.finditer(ctx.ftext):
        span = _name_at(ctx, m.end())
        if span and org_shaped(ctx, *span) and not _recommended(ctx, ctx.words[span[1]].end):
            _emit_words(att, *span, Reason.SPEAKER_AFFILIATION)
    for m in _PREFIX_CUES.finditer(ctx.text):
        span = _name_at(ctx, m.end())
        if not span:
            continue
        end = ctx.words[span[1]].end
        if m.group("open"):
            # "For <name>, ..." / "At <name> we ...": only at a clause start and before a comma or "we"
            if not _clause_start(ctx, m.start()) or not re.match(r"\s*(?:,|\s(?:we|our|nous|on)\b)", ctx.text[end:end + 8], re.I):
                continue
            if not org_shaped(ctx, *span, strict=True):
                continue
        elif not org_shaped(ctx, *span) or _recommended(ctx, end):
            continue
        _emit_words(att, *span, Reason.SPEAKER_AFFILIATION)


def _recommended(ctx, end: int) -> bool:
    """A modal verb right after the name: the phrase is the subject of a recommendation."""
    return bool(_FRENCH_MODAL_AFTER.match(ctx.ftext, end) or _MODAL_AFTER.match(ctx.ftext, end))


def _clause_start(ctx, pos: int) -> bool:
    before = ctx.text[max(0, pos - 3):pos].strip(" \t")
    return pos == 0 or not before or before[-1] in "\n.;:!?(-–•*,"


def _speaker_labels(att: AttributionReader) -> None:
    """'- <name>: text' at the start of a line: a coined organization name as the speaker."""
    ctx = att.ctx
    for i, w in enumerate(ctx.words):
        if ctx.text[w.end:w.end + 1] != ":" and ctx.text[w.end:w.end + 2] != " :":
            continue
        span = span_before(ctx, i)
        if not span or not ctx.line_start_before(ctx.words[span[0]]) or span[0] == span[1]:
            continue
        content = [x for x in ctx.words[span[0]:span[1] + 1] if x.key not in FUNCTION_WORDS]
        if head_words(ctx, *span) and org_shaped(ctx, *span, strict=True) and (has_odd_word(ctx, *span) or len(content) >= 3):
            _emit_words(att, *span, Reason.SPEAKER_AFFILIATION)


def _lower_french_subjects(att: AttributionReader) -> None:
    """'le collectif brise-glace dit': a French head typed in lower case, its name after it, then a verb of saying."""
    ctx = att.ctx
    words = ctx.words
    for i, w in enumerate(words):
        if w.cap or w.key not in FRENCH_HEADS or ctx.lang_at(w.start) != "fr":
            continue
        k = i
        while k + 1 < len(words) and k - i < 3 and ctx.text[words[k].end:words[k + 1].start] == " " \
                and words[k + 1].key not in FUNCTION_WORDS and not _says_after(ctx, words[k].end):
            k += 1
        mods = words[i + 1:k + 1]
        if mods and _says_after(ctx, words[k].end) and any("-" in x.text or not ctx.is_common(x) or x.cap for x in mods):
            _emit_words(att, i, k, Reason.SPEAKER_AFFILIATION)
