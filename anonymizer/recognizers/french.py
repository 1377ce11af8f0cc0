"""French attribution: public bodies named in French, the phrases that make them a speaker's side,
and witness-list captions.

- :class:`FrenchBodyMentions` (after the roster affiliations) adds the French public bodies of
  :mod:`anonymizer.french_bodies` to the note's organization mentions, so every attribution rule
  sees them even when the conference's allow-list lacks them.
- :class:`FrenchAttribution` (after the public-body stage) removes a body that tells who spoke:
  "les fonctionnaires de l'ASFC", "les témoins du SCC", "du côté de la GRC", "selon AMC",
  "le MDN a indiqué", "sous-ministre adjointe à Justice Canada", and the organizations of a caption
  or witness-list line ("<Name>, directeur, <Unit>, <Department>"). A body followed by a modal verb
  ("les fonctionnaires de l'ASFC devraient ...") is the subject of a recommendation and stays.
French names and origins: :mod:`anonymizer.recognizers.french_names`.
The cue lists are data files (``data/fr/attribution_nouns.txt``, ``data/fr/body_speech_verbs.txt``).
"""
from __future__ import annotations

import os
import re

from ..french_bodies import lexicon_mentions, ngo_mentions, unit_mentions
from ..lexicon import PLACE_WORDS
from ..reasons import Reason
from ..vocab import DATA, HONORIFICS, fold, read_lines
from .attribution import AttributionReader, ReaderStage
from .base import Candidate
from .context import NoteContext, word_index_at


def _folded_lines(name: str) -> list[str]:
    return [fold(x) for x in read_lines(os.path.join(DATA, "fr", name))]


_GROUP_NOUNS = _folded_lines("attribution_nouns.txt")
_VERBS_WRITTEN = read_lines(os.path.join(DATA, "fr", "body_speech_verbs.txt"))
# past participles need their auxiliary ("a présenté"): folded, "présenté" is "présente" ("la GRC
# présente des lacunes" is subject matter)
_PARTICIPLES = [fold(v) for v in _VERBS_WRITTEN if v.endswith(("é", "u", "is"))]
_PRESENT = [fold(v) for v in _VERBS_WRITTEN if not v.endswith(("é", "u", "is"))]
_ART = r"(?:la\s+|le\s+|les\s+|l'|l’)?"
# "les fonctionnaires de l'", "témoins du", "du côté de la", "selon"
_CUE_RX = re.compile(r"(?<![\w'])(?:(?:" + "|".join(re.escape(n) for n in sorted(_GROUP_NOUNS, key=len, reverse=True))
                     + r")\s+(?:de\s+" + _ART + r"|du\s+|des\s+|d'|d’)|du\s+cote\s+(?:de\s+" + _ART + r"|du\s+|des\s+|d'|d’)"
                     r"|selon\s+" + _ART + r")")
_ADV = r"(?:(?:aussi|egalement|d'abord|ensuite|enfin|deja|bien|clairement|de\s+nouveau)\s+)?"
_AUX = r"(?:a|ont|avait|avaient|aurait|nous\s+a|nous\s+ont)\s+"


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(v) for v in sorted(words, key=len, reverse=True)) + r")(?![\w])"


_VERB_RX = re.compile(r"\s*,?\s+(?:(?:nous\s+)?" + _ADV + _alternation(_PRESENT) + "|" + _AUX + _ADV + _alternation(_PARTICIPLES) + ")")
_MODAL_AFTER = re.compile(r"\s+(?:devrai(?:t|ent)|doi(?:t|vent)|pourrai(?:t|ent)|peu(?:t|vent)|devr(?:a|ont)|"
                          r"gagnerai(?:t|ent)|aurai(?:t|ent)\s+(?:int[ée]r[êe]t|avantage))\b")
# "demande que la GRC confirme ...": a wish or a demand (subjunctive), not a report of what a body said
_WISH_BEFORE = re.compile(r"\b(?:demande|demandent|demandons|souhaite|souhaitent|souhaitons|propose|proposent|proposons|"
                          r"recommande|recommandent|recommandons|exige|exigent|veut|veulent|voudrait|faut|faudrait|"
                          r"important|essentiel|necessaire|urgent|attend|attendent)\s+(?:que|qu')\b[^.;:!?\n]*$")
# "les représentants du ministère": a body named by its kind only
_BARE_BODY = re.compile(r"(?:ministere|agence|commission|secretariat|ambassade|consulat)(?![\w-])")
_ROLE_AT = re.compile(r"\s*(?:,\s*)?(?:à|au|aux|auprès\s+d[ue']|auprès\s+de\s+la|chez)\s+" + _ART)
# "directeur du suivi de la résolution 2242 au MDN": the title's complement, then the body
_ROLE_COMPLEMENT_AT = re.compile(r"[ \t]+(?:de|du|des|d['’])[ \t]*[^,:;\n()]{1,60}?[ \t](?:à|au|aux)[ \t]+" + _ART)


class FrenchBodyMentions:
    """French public bodies (listed names, acronyms, unit phrases) as organization mentions."""

    id = "french_bodies"

    def analyze(self, doc, context: NoteContext) -> list[Candidate]:
        """Add the public-body mentions the roster and the allow-list did not already give; propose the
        listed civil-society organizations (``data/fr/civil_society_orgs.txt``) not on the allow-list."""
        ctx = context
        taken = [(s, e) for s, e, *_ in ctx.org_mentions]
        spans = list(lexicon_mentions(ctx.text, ctx.ftext))
        spans += list(unit_mentions(ctx.text, ctx.ftext, ctx.words, lambda pos: word_index_at(ctx, pos)))
        for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
            inside = [m for m in ctx.org_mentions if s <= m[0] and m[1] <= e and m[3] and (m[0], m[1]) != (s, e)]
            if any(s < te and ts < e for ts, te in taken if not any((ts, te) == (m[0], m[1]) for m in inside)):
                continue
            # "ministère de la Sécurité publique" replaces the allow-listed "Sécurité publique" inside it
            for m in inside:
                ctx.org_mentions.remove(m)
                taken.remove((m[0], m[1]))
            ctx.org_mentions.append((s, e, "public body (French list)", True, None))
            taken.append((s, e))
        ctx.org_mentions.sort(key=lambda m: m[0])
        return [Candidate(s, e, "ORG", Reason.ORG_NAME, recognizer=self.id, prio=3)
                for s, e in ngo_mentions(ctx.text, ctx.ftext) if not _allowlisted(ctx, s, e)]


def _allowlisted(ctx: NoteContext, s: int, e: int) -> bool:
    """The conference's allow-list has this organization (then only attribution removes it)."""
    return fold(ctx.text[s:e]) in ctx.index.allow_forms or any(
        m[3] and m[0] <= s and e <= m[1] and m[2] != "public body (French list)" for m in ctx.org_mentions)


class FrenchAttribution(ReaderStage):
    """A public body named in French as the side someone speaks from."""

    id = "french_attribution"

    def run(self, att: AttributionReader) -> None:
        """Cue phrases before a body, speech verbs after it, roles 'à <body>', caption lines."""
        ctx = att.ctx
        starts = {o[0] for o in ctx.org_mentions}
        for m in _CUE_RX.finditer(ctx.ftext):
            span = att.org_at(m.end())
            if span and m.group().startswith("selon") and not (span[0] in starts or ctx.text[span[0]:span[1]].isupper()):
                continue  # "selon la Charte canadienne": a text cited, not a body that spoke
            if span and span[2] == "ORG" and not _MODAL_AFTER.match(ctx.ftext, span[1]):
                att._emit(span, Reason.PUBLIC_BODY_ATTRIBUTED)
            elif span is None:
                bare = _BARE_BODY.match(ctx.ftext, m.end())
                if bare and not _MODAL_AFTER.match(ctx.ftext, bare.end()):
                    att._emit((bare.start(), bare.end(), "ORG"), Reason.PUBLIC_BODY_ATTRIBUTED)
        for s, e, *_ in ctx.org_mentions:
            if _VERB_RX.match(ctx.ftext, e) and not _inside_candidate(att, s, e) \
                    and not _WISH_BEFORE.search(ctx.ftext, max(0, s - 120), s):
                att._emit((s, e, "ORG"), Reason.PUBLIC_BODY_ATTRIBUTED)
        _appositive_titles(att)
        for c in att.roles + [c for c in att.out if c.label == "ROLE"]:
            m = _ROLE_AT.match(ctx.text, c.end) or _ROLE_COMPLEMENT_AT.match(ctx.text, c.end)
            if m:
                span = att.org_at(m.end())
                if span and span[2] == "ORG":
                    att._emit(span, Reason.SPEAKER_AFFILIATION)
                    if "," not in ctx.text[c.end:span[0]]:  # "à" belongs to the title's complement
                        att.out.append(Candidate(c.start, span[0], "ROLE", Reason.ROLE, prio=2))
        _caption_lines(att)
        _parenthesised_bodies(att)
        _witness_lists(att)


_TITLE_TAIL = re.compile(r"(?:[ \t]+(?:r[ée]gional[e]?|national[e]?|int[ée]rimaire|par\s+int[ée]rim|ad\s+int[ée]rim|adjoint[e]?|principal[e]?|"
                         r"associ[ée]e?|ex[ée]cuti(?:f|ve)|en\s+chef|à\s+la\s+retraite|sortant[e]?|désigné[e]?))+", re.I)


def _appositive_titles(att: AttributionReader) -> None:
    """'<Name>, lieutenant-colonel à la retraite, ...', '<Name>, avocate, ...': a title set off by a comma
    right after a name is that person's; and a found title runs on over its modifiers ('agente de
    programme principale')."""
    from .roles import _title_at  # the role lexicon's matcher (longest title at a word)

    ctx = att.ctx
    for p in att.persons:
        if ctx.text[p.end:p.end + 2] != ", ":
            continue
        i = word_index_at(ctx, p.end + 2)
        size = _title_at(ctx, i) if i is not None and not ctx.words[i].cap else 0
        if size:
            end = ctx.words[i + size - 1].end
            tail = _TITLE_TAIL.match(ctx.text, end)
            att.out.append(Candidate(ctx.words[i].start, tail.end() if tail else end, "ROLE", Reason.ROLE, prio=2))
    for r in list(att.roles):
        tail = _TITLE_TAIL.match(ctx.text, r.end)
        if tail:
            att.out.append(Candidate(r.start, tail.end(), "ROLE", Reason.ROLE, prio=2))


def _inside_candidate(att: AttributionReader, s: int, e: int) -> bool:
    """Already removed (as a roster affiliation or by another rule): nothing to add."""
    return any(c.start <= s and e <= c.end for c in att.out)


_PIECE = re.compile(r"[^,;\n]+")
_SPEAKER_COLON = re.compile(r"[ \t]*:(?!\d)")
_SENTENCE_END = re.compile(r"[.!?](?=[ \t]+[A-ZÀ-Ý]|[ \t]*$)")
_NAME_WORD = r"[A-ZÀ-ÖØ-Ý][\w’'-]+"
_LEADING_NAME = re.compile(rf"^[\s\-–•*]*(?:(?:M\.|Mme|Me|Dre?|Pre?)\s+)?({_NAME_WORD}(?:\s+(?:(?:de\s+la|de|du|des|van|von|d'|le|la)\s+)?"
                           rf"{_NAME_WORD}){{1,3}}),\s*$")


def _caption_lines(att: AttributionReader) -> None:
    """'<Name>, <title>, <Unit>, <Department>' (a witness list line) and '(<title>, <Org>, <Org>)' after
    a name: every capitalised piece after the title names the person's organization."""
    ctx = att.ctx
    t = ctx.text
    for r in att.roles:
        line_start = t.rfind("\n", 0, r.start) + 1
        line_end = t.find("\n", r.end)
        line_end = len(t) if line_end == -1 else line_end
        before = t[line_start:r.start]
        in_paren = before.rfind("(") > before.rfind(")")
        person_first = any(line_start <= p.start and p.end <= r.start for p in att.persons)
        lead = _LEADING_NAME.match(before)
        if lead and not person_first and not any(line_start <= m[0] < r.start for m in ctx.org_mentions):
            # "<Given> <Surname>, <title>, <Org>": a witness-list entry names a person before the title
            att.out.append(Candidate(line_start + lead.start(1), line_start + lead.end(1), "PERSON",
                                     Reason.PERSON_CONTEXT, prio=4, score=0.8))
            person_first = True
        if not (person_first and (before.rstrip().endswith(",") or in_paren)):
            continue
        stop = t.find(")", r.end, line_end) if in_paren else line_end
        stop = line_end if stop == -1 else stop
        stop = _sentence_end(t, r.end, stop)  # "…, Assistant Deputy Minister. You have …" ends at the title
        colon = _SPEAKER_COLON.search(t, r.end, stop)  # "<Name>, <title>, <Org> : <what she said>"
        stop = colon.start() if colon else stop
        if t[r.end:r.end + 1] != ",":
            continue
        for m in _PIECE.finditer(t, r.end + 1, stop):
            seg = m.group()
            s = m.start() + len(seg) - len(seg.lstrip())
            e = m.end() - (len(seg) - len(seg.rstrip()))
            if e > s and t[s:s + 1].isupper() and fold(t[s:e]) not in PLACE_WORDS:
                att._emit((s, e, "ORG"), Reason.SPEAKER_AFFILIATION)


def _sentence_end(t: str, a: int, b: int) -> int:
    """The first sentence end between a and b (else b); the dot of "Ms.", "M.", "Dr." or an initial ends nothing."""
    for m in _SENTENCE_END.finditer(t, a, b):
        word = re.search(r"([^\W\d_]+)$", t[max(a, m.start() - 8):m.start()])
        abbreviation = word and (len(word.group(1)) == 1 or len(word.group(1)) <= 4 and fold(word.group(1)) in HONORIFICS)
        if m.group() == "." and abbreviation:
            continue
        return m.start()
    return b


def _parenthesised_bodies(att: AttributionReader) -> None:
    """'- jf (Sécurité publique) :', 'Karim (GRC) a dit': a body alone in parentheses after a word is
    that word's affiliation (a subject-matter body is not put in parentheses after a name)."""
    ctx = att.ctx
    t = ctx.text
    for s, e, *_ in ctx.org_mentions:
        open_pos, close_pos = t.rfind("(", 0, s), t.find(")", e)
        if open_pos == -1 or close_pos == -1 or t[open_pos + 1:s].strip() or t[e:close_pos].strip():
            continue
        prev = word_index_at(ctx, max(0, open_pos - 2))
        w = ctx.words[prev] if prev is not None and ctx.words[prev].end <= open_pos else None
        if w is None or t[w.end:open_pos].strip():
            continue
        speaker = ctx.next_char(close_pos + 1) == ":"
        if speaker or w.cap or not ctx.is_common(w) or any(c.start <= w.start < c.end for c in att.persons + att.roles):
            att._emit((s, e, "ORG"), Reason.SPEAKER_AFFILIATION)


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


_CAPTION_TITLES = frozenset({"M.", "Mme", "Me", "Dr", "Dre", "Mlle", "Pr", "Pre", "Mr.", "Ms.", "Dr."})


def _caption_person(att: AttributionReader, a: int, b: int):
    """The person candidate that opens the line a..b and is followed by a comma, or None."""
    t = att.ctx.text
    lead = len(t[a:b]) - len(t[a:b].lstrip(" \t-–•*"))
    for p in att.persons:
        if p.start == a + lead or (a + lead < p.start and t[a + lead:p.start].strip() in _CAPTION_TITLES):
            if p.end < b and t[p.end:p.end + 1] == ",":
                return p
    return None


def _witness_lists(att: AttributionReader) -> None:
    """Witness lists: '<Name>, avocate' (the words after the name are a title) and a line naming only
    a body above '<Name>, <title>' lines (the body the witnesses below it come from)."""
    ctx, t = att.ctx, att.ctx.text
    lines = [ln for ln in _lines(t) if t[ln[0]:ln[1]].strip()]
    captions = {ln: _caption_person(att, *ln) for ln in lines}
    for k, (a, b) in enumerate(lines):
        p = captions[(a, b)]
        if p is not None:
            pieces = [(m.start(), m.end()) for m in _PIECE.finditer(t, p.end + 1, b)]
            # the title's first word may be read as a verb by the parser ("avocate")
            first = word_index_at(ctx, ctx.next_char_pos(p.end + 1))
            after_first = ctx.words[first].end if first is not None else p.end
            if pieces and all(len(t[x:y].split()) <= 7 for x, y in pieces) and not _has_verb(ctx, after_first, b):
                x, y = pieces[0]
                x += len(t[x:y]) - len(t[x:y].lstrip())
                if t[x:x + 1].islower() and not any(r.start < y and x < r.end for r in att.roles):
                    att.out.append(Candidate(x, y, "ROLE", Reason.ROLE, prio=2))
            continue
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        line = t[a:b].strip()
        if nxt is None or captions[nxt] is None or not line[:1].isupper() or line[-1:] in ".?!:" or \
                len(line.split()) > 14 or any(a <= c.start < b and c.reason != Reason.UNKNOWN_PROPER_NOUN for c in att.persons):
            continue
        words = [w for w in ctx.words if a <= w.start < b]
        if any(a <= m[0] < b for m in ctx.org_mentions) or not all(ctx.is_common(w) for w in words):
            s0 = a + len(t[a:b]) - len(t[a:b].lstrip())
            att._emit((s0, s0 + len(line), "ORG"), Reason.SPEAKER_AFFILIATION)


def _has_verb(ctx: NoteContext, a: int, b: int) -> bool:
    """A conjugated verb between a and b: the line is a sentence, not a caption."""
    return any(ctx.pos(w) in ("VERB", "AUX") and not w.cap for w in ctx.words if a <= w.start < b)
