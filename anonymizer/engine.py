"""The anonymizer engine: collaborators in, clean text and reasons out.

``AnonymizerEngine`` takes its collaborators (spaCy pipelines, roster, allow-list) as
arguments, like Presidio's ``AnalyzerEngine``; detection (``analyze``) is kept apart from
replacement (``anonymize``), so the preview can show every span and its reason.
Nothing here logs text or roster entries.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from .langdetect import detect_language
from .pipeline import load_pipelines
from .recognizers.legacy import (Attribution, Candidate, NoteContext, RosterIndex, find_org_mentions, find_persons,
                          find_quasi, recognize_contacts)
from .recognizers.trained_spans import legacy_candidates as trained_candidates
from .replace import build_spans
from .resolve import resolve
from .results import AnonymizationResult
from .roster import AllowList, Roster
from .text import clean_controls, segment
from .vocab import HONORIFICS, NAME_PARTICLES, NON_PERSON_PROPER, PLACES, COUNTRIES, DEMONYMS, common_words

CHUNK_CHARS = 20_000  # well under spaCy's max_length; parser memory grows with doc length


class AnonymizerEngine:
    """Detect and replace everything that could attribute a note (see DESIGN.md, layers 1-6)."""

    def __init__(self, pipelines: dict, roster: Optional[Roster] = None, allowlist: Optional[AllowList] = None,
                 default_lang: str = "en"):  # noqa: D107
        if "en" not in pipelines and pipelines:
            default_lang = next(iter(pipelines))
        self.pipelines = pipelines
        self.roster = roster if roster is not None else Roster.empty()
        self.allowlist = allowlist if allowlist is not None else AllowList.empty()
        self.default_lang = default_lang
        self.index = RosterIndex(self.roster, self.allowlist)
        common_words()  # load the vocabulary now, not on the first note

    # ---- public API ----------------------------------------------------------------------
    def detect_language(self, text: str) -> str:
        """'en' or 'fr' (stop-word heuristic), restricted to the loaded pipelines."""
        lang = detect_language(text, self.default_lang)
        return lang if lang in self.pipelines else self.default_lang

    def analyze(self, text: str, lang: Optional[str] = None) -> tuple[str, list[Candidate]]:
        """Detection only: (language, resolved candidates with offsets into *text*)."""
        if not text or not text.strip():
            return (lang or self.default_lang, [])
        lang = self._lang(text, lang)
        clean = clean_controls(text)
        docs = [(off, self._nlp(lang)(piece)) for off, piece in _chunks(clean)]
        return lang, self._analyze_docs(clean, docs, lang)

    def anonymize(self, text: str, lang: Optional[str] = None) -> AnonymizationResult:
        """Return the clean text with placeholders, the language and the spans."""
        if text is None or not str(text).strip():
            return AnonymizationResult("", lang or self.default_lang, [])
        text = str(text)
        lang, cands = self.analyze(text, lang)
        clean, spans = build_spans(text, cands)
        return AnonymizationResult(clean, lang, spans)

    def check(self, text: str, lang: Optional[str] = None) -> list:
        """Export check: the redaction spans still found in (supposedly clean) *text*."""
        return self.anonymize(text, lang).redactions

    def anonymize_many(self, texts: Iterable[str], lang: Optional[str] = None, batch_size: int = 32) -> list[AnonymizationResult]:
        """Anonymize many notes, batching short ones through ``nlp.pipe`` for speed."""
        texts = [("" if t is None else str(t)) for t in texts]
        results: list[Optional[AnonymizationResult]] = [None] * len(texts)
        groups: dict[str, list[int]] = {}
        for i, t in enumerate(texts):
            if not t.strip():
                results[i] = AnonymizationResult("", lang or self.default_lang, [])
                continue
            if len(t) > CHUNK_CHARS:
                results[i] = self.anonymize(t, lang)
                continue
            groups.setdefault(self._lang(t, lang), []).append(i)
        for lg, idxs in groups.items():
            cleaned = [clean_controls(texts[i]) for i in idxs]
            for i, clean, doc in zip(idxs, cleaned, self._nlp(lg).pipe(cleaned, batch_size=batch_size)):
                cands = self._analyze_docs(clean, [(0, doc)], lg)
                out, spans = build_spans(texts[i], cands)
                results[i] = AnonymizationResult(out, lg, spans)
        return results  # type: ignore[return-value]

    # ---- internals -----------------------------------------------------------------------
    def _lang(self, text: str, lang: Optional[str]) -> str:
        if lang and lang in self.pipelines:
            return lang
        return self.detect_language(text)

    def _nlp(self, lang: str):
        return self.pipelines.get(lang) or self.pipelines[self.default_lang]

    def _analyze_docs(self, text: str, docs, lang: str) -> list[Candidate]:
        cands: list[Candidate] = []
        for off, doc in docs:
            piece = doc.text
            ctx = NoteContext(piece, doc, lang, self.roster, self.allowlist, self.index)
            local = analyze_context(ctx)
            for c in local:
                c.start += off
                c.end += off
            cands.extend(local)
        words = ctx.words if len(docs) == 1 and docs[0][0] == 0 else None
        cands.extend(consistency(text, cands, self.index, words))
        _attach_particles(text, cands)
        return resolve(cands)


def analyze_context(ctx: NoteContext) -> list[Candidate]:
    """Run every recognizer on one parsed piece of text (offsets relative to the piece)."""
    contacts = recognize_contacts(ctx)
    orgs = find_org_mentions(ctx)
    blocked = [(c.start, c.end) for c in contacts] + [(s, e) for s, e, _r, _a, _o in orgs]
    pf = find_persons(ctx, blocked, frozenset(s for s, *_ in orgs))
    persons = pf.found
    att = Attribution(ctx, persons, orgs).run()
    quasi = find_quasi(ctx, persons)
    return _drop_inert(ctx.text, contacts, persons + att + quasi + trained_candidates(ctx))


# Spreadsheet formulas and cell references ("=SUM(A1:A9)", "B12") pasted into notes: the
# name and attribution layers would read them as initials plus an "(affiliation)".
_INERT = re.compile(r"(?<![\w=])=[A-Z][A-Z.]{1,15}\([^()\n]{0,120}\)|(?<![\w$])\$?[A-Z]{1,3}\$?\d{1,5}(?::\$?[A-Z]{1,3}\$?\d{1,5})?(?![\w])")


def _drop_inert(text: str, contacts: list[Candidate], others: list[Candidate]) -> list[Candidate]:
    """Remove non-contact candidates that overlap a spreadsheet formula or cell reference."""
    inert = [(m.start(), m.end()) for m in _INERT.finditer(text)
             if m.group().startswith("=") or re.search(r"\d", m.group()) and (":" in m.group() or len(m.group()) <= 6)]
    if not inert:
        return contacts + others
    inert = [(s, e) for s, e in inert if text[s] == "=" or ":" in text[s:e]]  # a bare "B12" may be a code; only ranges
    keep = [c for c in others if not any(s < c.end and c.start < e for s, e in inert)]
    return contacts + keep


def consistency(text: str, cands: list[Candidate], index: RosterIndex, words=None) -> list[Candidate]:
    """Layer 5: once a name is found, every other mention of its parts in the note goes too."""
    persons = [c for c in cands if c.label == "PERSON" and c.action == "redact"]
    if not persons:
        return []
    common = common_words()
    if words is None:
        words = segment(text)
    ident: dict[str, str] = {}
    # multi-word names first so single mentions inherit their identity
    import bisect
    wstarts = [w.start for w in words]
    for c in sorted(persons, key=lambda c: -(c.end - c.start)):
        for w in words[bisect.bisect_left(wstarts, c.start):bisect.bisect_right(wstarts, c.end)]:
            if c.start <= w.start and w.end <= c.end:
                k = w.key.rstrip(".")
                if len(k) < 2 or k in NAME_PARTICLES or k in HONORIFICS or k in NON_PERSON_PROPER:
                    continue
                if k in PLACES or k in COUNTRIES or k in DEMONYMS:
                    continue
                ident.setdefault(k, c.key or f"u:{k}")
                for part in k.split("-"):  # "Haas-van" -> "haas"
                    if len(part) >= 3 and part not in NAME_PARTICLES and part not in common:
                        ident.setdefault(part, c.key or f"u:{k}")
    # single-word unknown mentions take the identity of the full name that contains them
    for c in persons:
        if c.key and c.key.startswith("u:") and " " not in c.key:
            k = c.key[2:]
            if k in ident:
                c.key = ident[k]
    covered = [(c.start, c.end) for c in cands if c.action == "redact"]
    # allow-listed bodies ("Pêches et Océans Canada") are subject matter unless attributed
    if index._org_regex is not None:
        from .text import fold_same_length
        for m in index._org_regex.finditer(fold_same_length(text)):
            if " ".join(m.group().replace(",", " ").split()) in index.allow_forms:
                covered.append((m.start(), m.end()))
    covered.sort()
    mask = bytearray(len(text) + 1)  # a character mask keeps this linear on very long notes
    for s, e in covered:
        mask[s:e] = b"\x01" * (e - s)
    out = []
    for w in words:
        k = w.key.rstrip(".")
        if k not in ident:
            continue
        if mask[w.start]:
            continue
        if not (w.cap or w.upper) and (k in common or len(k) < 4):
            continue
        if w.upper and len(k) <= 3 and k in common:
            continue
        start = w.start
        # "de Haas", "bin Rashid": a lower-case particle before the surname belongs to it
        m = re.search(r"(?:\b(?:de la|de|van der|van|von|bin|ben|al|el|da|di|del|dos|du)\s)$", text[max(0, w.start - 8):w.start])
        if m and w.cap:
            start = w.start - len(m.group())
        out.append(Candidate(start, w.end, "PERSON", "note-level consistency (same name found elsewhere in the note)",
                             key=ident[k], prio=4))
    return out


_PARTICLE_BEFORE = re.compile(r"(?:(?<=[\s(\[\"“])|^)(?:de la|de|van der|van den|van|von|bin|ben|al|el|da|di|del|dos|du|le)\s$")


def _attach_particles(text: str, cands: list[Candidate]) -> None:
    """'(de Haas spoke', 'Mr. bin Rashid': a lower-case particle before a surname is part of it."""
    for c in cands:
        if c.label != "PERSON" or c.action != "redact" or not text[c.start:c.start + 1].isupper():
            continue
        m = _PARTICLE_BEFORE.search(text, max(0, c.start - 12), c.start)
        if not m:
            continue
        before = text[:m.start()].rstrip(" ")
        prev_word = re.search(r"(\w+)[.]?$", before)
        if not before or before[-1] in "(\n[\"“:;," or (prev_word and (prev_word.group(1)[:1].isupper())):
            c.start = m.start()


def _chunks(text: str, size: int = CHUNK_CHARS):
    """Split long text on paragraph, line or sentence boundaries into pieces of at most *size*."""
    if len(text) <= size:
        yield 0, text
        return
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            window = text[start:end]
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > size // 4:
                    cut += len(sep)
                    break
            if cut > 0:
                end = start + cut
        yield start, text[start:end]
        start = end


def build_engine(en_model: Optional[str] = None, fr_model: Optional[str] = None,
                 roster: Optional[Roster] = None, allowlist: Optional[AllowList] = None) -> AnonymizerEngine:
    """Load the pipelines (names from arguments or ANONYMIZER_EN_MODEL / ANONYMIZER_FR_MODEL) and build an engine."""
    return AnonymizerEngine(load_pipelines(en_model=en_model, fr_model=fr_model), roster=roster, allowlist=allowlist)
