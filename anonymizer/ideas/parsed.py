"""A parse of an anonymized note in which every placeholder is one token with a known label.

Two ways to get one:
- ``parse_anonymized``: parse the anonymized text with the anonymizer's own spaCy pipeline (named-entity
  recognition disabled). Placeholders are swapped for one-word stand-ins first, because the parser handles
  "Alex said" far better than "[ Participant 1 ] said"; offsets are mapped back to the note exactly.
- ``project_parse``: re-use the Doc the anonymizer already parsed from the raw note, and the spans it
  redacted: each redacted span becomes one placeholder token that keeps the span root's head and relation.
  No second parse, so extraction costs a few milliseconds.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

PLACEHOLDER = re.compile(r"\[(Participant|Organization) \d+\]|\[(Role|Contact|Place|Detail|Redacted)\]")
_LABEL_OF = {"Participant": "PERSON", "Organization": "ORG", "Role": "ROLE", "Contact": "CONTACT",
             "Place": "PLACE", "Detail": "QUASI", "Redacted": "QUASI"}
# One-word stand-ins the parser reads naturally; they never reach an idea (text comes from the note).
_STAND_IN = {"PERSON": "Alex", "ORG": "Acme", "ROLE": "Director", "CONTACT": "alex@example.org",
             "PLACE": "Ottawa", "QUASI": "detail"}
PERSONISH = frozenset({"PERSON", "ROLE"})
NO_PARSE = ["ner"]


def placeholder_label(text: str) -> str | None:
    """The label of a placeholder string such as "[Participant 2]", or None."""
    m = PLACEHOLDER.fullmatch(text)
    return _LABEL_OF[m.group(1) or m.group(2)] if m else None


@dataclass
class ParsedNote:
    """A Doc over (a stand-in version of) the note, with each token's character range in the note."""

    note: str
    doc: Doc
    starts: list[int]
    ends: list[int]
    labels: dict[int, str] = field(default_factory=dict)

    def label(self, i: int) -> str | None:
        """The placeholder label of token *i* (PERSON, ORG, ROLE, CONTACT, PLACE, QUASI) or None."""
        return self.labels.get(i)

    def text_of(self, i: int) -> str:
        """Token *i* as written in the note (the placeholder itself for a stand-in)."""
        return self.note[self.starts[i]:self.ends[i]]


def parse_anonymized(note: str, nlp) -> ParsedNote:
    """Parse *note* (anonymized text) with *nlp*, placeholders replaced by stand-ins for the parser."""
    pieces, ranges, pos = [], [], 0  # ranges: (stand-in start, stand-in end, note start, note end, label)
    out_len = 0
    for m in PLACEHOLDER.finditer(note):
        before = note[pos:m.start()]
        pieces.append(before)
        out_len += len(before)
        label = _LABEL_OF[m.group(1) or m.group(2)]
        stand_in = _STAND_IN[label]
        pieces.append(stand_in)
        ranges.append((out_len, out_len + len(stand_in), m.start(), m.end(), label))
        out_len += len(stand_in)
        pos = m.end()
    pieces.append(note[pos:])
    doc = nlp("".join(pieces), disable=[p for p in NO_PARSE if p in nlp.pipe_names])
    return _mapped(note, doc, ranges)


def _mapped(note: str, doc: Doc, ranges: list[tuple]) -> ParsedNote:
    """Map each token of the stand-in *doc* back to note offsets."""
    keys = [r[0] for r in ranges]
    starts, ends, labels = [], [], {}
    for tok in doc:
        k = bisect.bisect_right(keys, tok.idx) - 1
        if k >= 0 and ranges[k][0] <= tok.idx < ranges[k][1]:
            s_start, _s_end, n_start, n_end, label = ranges[k]
            starts.append(n_start)
            ends.append(n_end)
            labels[tok.i] = label
            continue
        shift = 0 if k < 0 else ranges[k][3] - ranges[k][1]
        starts.append(tok.idx + shift)
        ends.append(tok.idx + len(tok.text) + shift)
    return ParsedNote(note, doc, starts, ends, labels)


def project_parse(raw_doc: Doc, note: str, redactions) -> ParsedNote:
    """Build the note's parse from the anonymizer's Doc of the *raw* text and its redacted spans.

    *redactions* are objects with ``start``, ``end`` (offsets in the raw text), ``label`` and
    ``placeholder``, sorted by start, as ``AnonymizationResult.redactions`` gives them; *note* is the
    anonymized text. Tokens inside a redacted span merge into one placeholder token.
    """
    spans = sorted(redactions, key=lambda s: s.start)
    owner: dict[int, int] = {}
    for k, s in enumerate(spans):
        for tok in raw_doc.char_span(s.start, s.end, alignment_mode="expand") or []:
            owner.setdefault(tok.i, k)
    words, spaces, keep = [], [], []  # keep: raw token index standing for each new token
    new_of: dict[int, int] = {}
    for tok in raw_doc:
        k = owner.get(tok.i)
        if k is not None and keep and owner.get(keep[-1]) == k:
            new_of[tok.i] = len(words) - 1
            spaces[-1] = bool(tok.whitespace_)
            continue
        new_of[tok.i] = len(words)
        words.append(spans[k].placeholder if k is not None else tok.text)
        spaces.append(bool(tok.whitespace_))
        keep.append(tok.i)
    return _projected(raw_doc, note, words, spaces, keep, new_of, spans, owner)


def _projected(raw_doc, note, words, spaces, keep, new_of, spans, owner) -> ParsedNote:
    """Second half of ``project_parse``: heads, relations and note offsets of the merged tokens."""
    heads, deps, tags, pos, sent_starts = [], [], [], [], []
    groups: dict[int, list[int]] = {}
    for i, k in owner.items():
        groups.setdefault(k, []).append(i)
    for j, ri in enumerate(keep):
        tok = raw_doc[ri]
        if ri in owner:  # the span's root: the token whose head lies outside the span
            group = [raw_doc[i] for i in sorted(groups[owner[ri]])]
            tok = next((t for t in group if owner.get(t.head.i) != owner[ri] or t.head.i == t.i), tok)
        heads.append(new_of[tok.head.i])
        deps.append(tok.dep_ or "dep")
        tags.append(tok.tag_)
        pos.append(tok.pos_ or "X")
        sent_starts.append(bool(raw_doc[ri].is_sent_start))
    doc = Doc(raw_doc.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos,
              sent_starts=sent_starts)
    starts, ends, labels, cursor = [], [], {}, 0
    for j, w in enumerate(words):
        at = note.find(w, cursor)
        at = cursor if at < 0 else at
        starts.append(at)
        ends.append(at + len(w))
        cursor = at + len(w)
        if keep[j] in owner:
            labels[j] = spans[owner[keep[j]]].label
    return ParsedNote(note, doc, starts, ends, labels)
