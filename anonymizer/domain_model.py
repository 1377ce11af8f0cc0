"""The trained domain span model as one more component of the main spaCy pipeline.

``python -m anonymizer train`` saves, per language, a pipeline holding only a fine-tuned ``ner``
(labels PERSON, ORG, ROLE, PLACE). At load time that ``ner`` is wrapped in the component
``anonymizer_domain_spans`` and appended to the main pipeline: it runs once on the same ``Doc``
(no second tokenization) and writes its spans to ``doc.spans["domain"]``, leaving ``doc.ents``
(the general model's entities, used by the rules) as they were.

Setting ``ANONYMIZER_DOMAIN_MODEL`` names the directory holding ``en/`` and ``fr/`` (default: the
weights shipped in ``anonymizer/model``); ``none`` switches the model off. Without weights the
anonymizer still works with its rules and says so once in the log.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

SPAN_KEY = "domain"
LABELS = ("PERSON", "ORG", "ROLE", "PLACE")
COMPONENT = "anonymizer_domain_spans"
SHIPPED = Path(__file__).resolve().parent / "model"
log = logging.getLogger(__name__)
_warned: set[str] = set()


def model_dir(lang: str) -> Path | None:
    """Directory of the trained ``lang`` pipeline, or None when the model is switched off."""
    setting = os.environ.get("ANONYMIZER_DOMAIN_MODEL", "").strip()
    if setting.lower() in ("none", "off", "0"):
        return None
    return (Path(setting) if setting else SHIPPED) / lang


class DomainSpans:
    """Runs the trained ``ner`` on a Doc and stores its spans under ``doc.spans["domain"]``."""

    def __init__(self, nlp: Language, path: str):  # noqa: D107
        trained = spacy.load(path)
        self.ner = trained.get_pipe("ner")
        per_type = (trained.meta.get("performance") or {}).get("ents_per_type") or {}
        # the greedy NER has no per-span probability: each label's precision on synthetic dev stands in
        self.precision = {lab: round(float(per_type.get(lab, {}).get("p", 0.8)), 3) for lab in LABELS}
        for label in LABELS:  # the main vocabulary must know the label strings the ner writes
            nlp.vocab.strings.add(label)

    def _before(self, doc: Doc):
        ents = doc.ents
        doc.set_ents([], default="missing")  # preset O tokens would block the trained model
        return ents

    def _after(self, doc: Doc, ents) -> Doc:
        doc.spans[SPAN_KEY] = [e for e in doc.ents if e.label_ in LABELS]
        doc.spans[SPAN_KEY].attrs["precision"] = self.precision
        doc.set_ents(list(ents), default="outside")
        return doc

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one Doc."""
        ents = self._before(doc)
        return self._after(self.ner(doc), ents)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotate Docs in batches (the ner's own batching)."""
        saved: dict[int, tuple] = {}

        def cleared():
            for doc in docs:
                saved[id(doc)] = self._before(doc)
                yield doc

        for doc in self.ner.pipe(cleared(), batch_size=batch_size):
            yield self._after(doc, saved.pop(id(doc)))


@Language.factory(COMPONENT, default_config={"path": ""})
def make_domain_spans(nlp: Language, name: str, path: str) -> DomainSpans:
    """spaCy factory for :class:`DomainSpans`."""
    return DomainSpans(nlp, path)


def add_domain_spans(nlp: Language, lang: str) -> bool:
    """Append the trained component to *nlp* when its weights exist; False (logged once) otherwise."""
    if COMPONENT in nlp.pipe_names:
        return True
    path = model_dir(lang)
    if path is None:
        return False
    if not (path / "ner").is_dir():
        if lang not in _warned:
            _warned.add(lang)
            log.warning("trained domain model for %r not found; the anonymizer runs on its rules only", lang)
        return False
    nlp.add_pipe(COMPONENT, config={"path": str(path)})
    return True


def domain_spans(doc: Doc) -> list:
    """The trained model's spans of *doc* (empty when the component did not run)."""
    return list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
