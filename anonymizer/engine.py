"""The anonymizer engine: collaborators in, clean text and reasons out.

``AnonymizerEngine`` takes its collaborators (spaCy pipelines, a recognizer registry, roster,
allow-list) as arguments, like Presidio's ``AnalyzerEngine``. Every note is first put in
canonical form (:mod:`anonymizer.canonical`); the recognizers run on the canonical text, the
candidates are merged (:mod:`anonymizer.resolve`) and replaced (:mod:`anonymizer.replace`);
spans are reported in the input's offsets and the clean text is the canonical text with the
redactions applied. Nothing here logs text or roster entries.
"""
from __future__ import annotations

from typing import Iterable, Optional

from .canonical import CanonicalText, canonicalize
from .completion import complete_names
from .french import french_lexicon
from .inert import drop_inert
from .keep_guard import keep_guard
from .titles_before_names import keep_ranks_before_names
from .langdetect import detect_language
from .pieces import CHUNK_CHARS, chunks, spacy_view
from .pipeline import load_pipelines
from .recognizers.base import Candidate
from .recognizers.context import NoteContext
from .recognizers.defaults import default_registry
from .recognizers.registry import Registry
from .replace import placeholders
from .resolve import Decision, resolve
from .results import AnonymizationResult, Span
from .roster import AllowList, Roster
from .roster_index import RosterIndex
from .vocab import common_words


class AnonymizerEngine:
    """Detect and replace everything that could attribute a note (see DESIGN.md)."""

    def __init__(self, pipelines: dict, registry: Optional[Registry] = None, roster: Optional[Roster] = None,
                 allowlist: Optional[AllowList] = None, default_lang: str = "en"):  # noqa: D107
        if "en" not in pipelines and pipelines:
            default_lang = next(iter(pipelines))
        self.pipelines = pipelines
        self.registry = registry if registry is not None else default_registry()
        self.roster = roster if roster is not None else Roster.empty()
        self.allowlist = allowlist if allowlist is not None else AllowList.empty()
        self.default_lang = default_lang
        self.index = RosterIndex(self.roster, self.allowlist)
        common_words()  # load the vocabularies now, not on the first note
        if "fr" in pipelines:
            french_lexicon()

    # ---- public API ----------------------------------------------------------------------
    def detect_language(self, text: str) -> str:
        """'en' or 'fr' (stop-word heuristic), restricted to the loaded pipelines."""
        lang = detect_language(text, self.default_lang)
        return lang if lang in self.pipelines else self.default_lang

    def analyze(self, text: str, lang: Optional[str] = None) -> tuple[str, list[Decision]]:
        """Detection only: (language, resolved decisions with offsets into *text*)."""
        if not text or not text.strip():
            return (lang or self.default_lang, [])
        canon = canonicalize(text)
        lang = self._lang(canon.text, lang)
        decisions = self._analyze_canonical(canon.text, lang, None)
        return lang, [_to_original(canon, d) for d in decisions]

    def anonymize(self, text: str, lang: Optional[str] = None, keep_parse: bool = False) -> AnonymizationResult:
        """Return the clean (canonical) text with placeholders, the language and the spans.

        keep_parse: hand the spaCy Doc over in ``result.doc`` (see AnonymizationResult) when it covers
        the input one to one, for callers that read the note's parse afterwards.
        """
        if text is None or not str(text).strip():
            return AnonymizationResult("", lang or self.default_lang, [])
        canon = canonicalize(str(text))
        lang = self._lang(canon.text, lang)
        doc = None
        if keep_parse and canon.identical and len(canon.text) <= CHUNK_CHARS:
            doc = self._nlp(lang)(spacy_view(canon.text))
        result = self._result(canon, lang, self._analyze_canonical(canon.text, lang, doc))
        result.doc = doc
        return result

    def check(self, text: str, lang: Optional[str] = None) -> list:
        """Export check: the redaction spans still found in (supposedly clean) *text*."""
        return self.anonymize(text, lang).redactions

    def anonymize_many(self, texts: Iterable[str], lang: Optional[str] = None,
                       batch_size: int = 32) -> list[AnonymizationResult]:
        """Anonymize many notes, batching them through ``nlp.pipe`` per language for speed."""
        texts = [("" if t is None else str(t)) for t in texts]
        results: list[Optional[AnonymizationResult]] = [None] * len(texts)
        groups: dict[str, list[tuple[int, CanonicalText]]] = {}
        for i, t in enumerate(texts):
            if not t.strip():
                results[i] = AnonymizationResult("", lang or self.default_lang, [])
                continue
            canon = canonicalize(t)
            if len(canon.text) > CHUNK_CHARS:
                results[i] = self.anonymize(t, lang)
                continue
            groups.setdefault(self._lang(canon.text, lang), []).append((i, canon))
        for lg, items in groups.items():
            views = (spacy_view(c.text) for _, c in items)
            for (i, canon), doc in zip(items, self._nlp(lg).pipe(views, batch_size=batch_size)):
                results[i] = self._result(canon, lg, self._analyze_canonical(canon.text, lg, doc))
        return results  # type: ignore[return-value]

    # ---- internals -----------------------------------------------------------------------
    def _lang(self, text: str, lang: Optional[str]) -> str:
        if lang and lang in self.pipelines:
            return lang
        return self.detect_language(text)

    def _nlp(self, lang: str):
        return self.pipelines.get(lang) or self.pipelines[self.default_lang]

    def _analyze_canonical(self, text: str, lang: str, doc) -> list[Decision]:
        """Run the registry over the canonical text (in pieces when long); resolve overlaps."""
        cands: list[Candidate] = []
        for off, piece in chunks(text):
            piece_doc = doc if doc is not None and off == 0 and len(piece) == len(text) else \
                self._nlp(lang)(spacy_view(piece))
            for c in self.run_registry(piece, piece_doc, lang):
                c.start += off
                c.end += off
                cands.append(c)
        return resolve(complete_names(text, drop_inert(text, cands)))

    def run_registry(self, text: str, doc, lang: str) -> list[Candidate]:
        """Every recognizer of the registry, in order, on one piece of canonical text, then the keep guard."""
        ctx = NoteContext(text, doc, lang, self.roster, self.allowlist, self.index)
        out: list[Candidate] = []
        for recognizer in self.registry:
            found = recognizer.analyze(doc, ctx)
            for c in found:
                c.recognizer = c.recognizer or recognizer.id
            ctx.found[recognizer.id] = found
            out.extend(found)
        return keep_ranks_before_names(text, keep_guard(ctx, out))

    def _result(self, canon: CanonicalText, lang: str, decisions: list[Decision]) -> AnonymizationResult:
        clean, marks = placeholders(canon.text, decisions)
        spans = []
        for d, ph in zip(decisions, marks):
            s, e = canon.to_original(d.start, d.end)
            spans.append(Span(s, e, d.label, d.action, d.reason.message("en"), canon.original[s:e], ph,
                              d.reasons, d.recognizers, d.score))
        return AnonymizationResult(clean, lang, spans)


def _to_original(canon: CanonicalText, d: Decision) -> Decision:
    s, e = canon.to_original(d.start, d.end)
    return Decision(s, e, d.label, d.action, d.key, d.reasons, d.recognizers, d.score)


def build_engine(en_model: Optional[str] = None, fr_model: Optional[str] = None, roster: Optional[Roster] = None,
                 allowlist: Optional[AllowList] = None, registry: Optional[Registry] = None) -> AnonymizerEngine:
    """Load the pipelines (names from arguments or ANONYMIZER_EN_MODEL / ANONYMIZER_FR_MODEL) and build an engine."""
    return AnonymizerEngine(load_pipelines(en_model=en_model, fr_model=fr_model), registry=registry, roster=roster,
                            allowlist=allowlist)
