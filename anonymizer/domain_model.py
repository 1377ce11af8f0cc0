"""The trained domain span model as one more component of the main spaCy pipeline.

``python -m anonymizer train`` saves, per language, a pipeline holding only a fine-tuned ``ner``
(labels PERSON, ORG, ROLE, PLACE). At load time that ``ner`` is wrapped in the component
``anonymizer_domain_spans`` and appended to the main pipeline: it runs on the same ``Doc``
(no second tokenization) and writes its spans to ``doc.spans["domain"]``, leaving ``doc.ents``
(the general model's entities, used by the rules) as they were. A language may have several models (an
ensemble: ``en``, ``en-2``); the component writes the union of their spans.

Setting ``ANONYMIZER_DOMAIN_MODEL`` names the directory holding ``en/`` and ``fr/`` (and ``en-2/``, ``fr-2/``;
default: the weights shipped in ``anonymizer/model``); ``none`` switches the model off. Without weights the
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
from spacy.util import minibatch

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


def member_name(lang: str, member: int) -> str:
    """Directory name of one model of the language's ensemble: ``en`` for the first, ``en-2`` for the second."""
    return lang if member == 0 else f"{lang}-{member + 1}"


def member_paths(path: Path) -> list[Path]:
    """The ensemble's models for one language, as ``member_name`` names them: ``<root>/en`` first, then
    ``<root>/en-2``, ``en-3`` … in order."""
    others = [p for p in path.parent.glob(f"{path.name}-*") if p.name[len(path.name) + 1:].isdigit()]
    return [path] + sorted(others, key=lambda p: int(p.name[len(path.name) + 1:]))


class DomainSpans:
    """Runs the trained ``ner`` models on a Doc and stores the union of their spans under ``doc.spans["domain"]``.

    Each model of the ensemble was trained alike on other synthetic notes and another seed; a span of a later
    model joins only where no earlier model put one, so every kept span is one model's whole reading."""

    def __init__(self, nlp: Language, path: str):  # noqa: D107
        members = [spacy.load(p) for p in member_paths(Path(path))]
        self.ners = [m.get_pipe("ner") for m in members]
        per_type = (members[0].meta.get("performance") or {}).get("ents_per_type") or {}
        # the greedy NER has no per-span probability: each label's precision on synthetic dev stands in
        self.precision = {lab: round(float(per_type.get(lab, {}).get("p", 0.8)), 3) for lab in LABELS}
        for label in LABELS:  # the main vocabulary must know the label strings the ner writes
            nlp.vocab.strings.add(label)

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one Doc."""
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotate Docs in batches: each model reads a batch with no entity preset (preset O tokens would block
        it), then the general model's entities are put back for the rules."""
        for batch in minibatch(docs, size=batch_size):
            general = [doc.ents for doc in batch]
            found: list[list] = [[] for _ in batch]
            for ner in self.ners:
                for doc in batch:
                    doc.set_ents([], default="missing")
                for doc, spans in zip(ner.pipe(batch, batch_size=batch_size), found):
                    spans += [e for e in doc.ents if e.label_ in LABELS
                              and not any(f.start < e.end and e.start < f.end for f in spans)]
            for doc, spans, ents in zip(batch, found, general):
                doc.spans[SPAN_KEY] = sorted(spans, key=lambda span: span.start)
                doc.spans[SPAN_KEY].attrs["precision"] = self.precision
                doc.set_ents(list(ents), default="outside")
                yield doc


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
