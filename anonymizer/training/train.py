"""Train the domain span model: ``python -m anonymizer train [--lang en|fr|both] [--n-notes N] [--seed S]
[--max-steps K] [--members M] [--out DIR]``.

Generates synthetic notes (fixed seed), adds the hand-annotated text (real passages, ``real/notes.txt``, and notes
written by people, ``written/``), writes spaCy DocBins, and fine-tunes the installed sm
pipeline's own ``ner`` with spaCy's training API (config ``ner.cfg`` beside this module) on the labels
PERSON, ORG, ROLE, PLACE. What is saved under ``<out>/<lang>/`` (and ``<out>/<lang>-2/`` for the second member of
the ensemble) is a pipeline holding only that ``ner`` (plus its vocabulary), which the anonymizer adds to its main
pipeline at run time.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.util import filter_spans, registry

from ..domain_model import LABELS, member_name
from ..pipeline import DEFAULT_MODELS, load_model
from .real_text import load_real
from .synth import Note, generate
from .written import load_written

CONFIG = Path(__file__).parent / "ner.cfg"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "model"
ANNOTATED_REPEAT = 8
# The shipped weights: 8,000 notes a language, the best checkpoint (on the synthetic development notes) within
# 3,000 updates. The two languages train in parallel processes, one core each (see the README for timings).
N_NOTES = 8000
MAX_STEPS = 3000
# Two models a language, trained alike on different synthetic notes and seeds; the anonymizer takes the union of
# their spans (each misses names the other finds; the rules' checks then judge every span alike).
MEMBERS = 2


@registry.callbacks("anonymizer.copy_base_norms.v1")
def copy_base_norms(base: str):
    """Give the pipeline being trained the base pipeline's norm table, so NORM features match at run time, and
    add the new labels in a fixed order (left to the data, spaCy adds them in set order, which varies with
    Python's hash seed and would make two runs differ)."""
    def before_init(nlp):
        if "ner" in nlp.component_names:  # the sourced ner is disabled while the pipeline initializes
            for label in LABELS:
                nlp.get_pipe("ner").add_label(label)
        source = spacy.load(base, exclude=["tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler",
                                           "lemmatizer", "ner", "senter"])
        if "lexeme_norm" in source.vocab.lookups:
            nlp.vocab.lookups.add_table("lexeme_norm", dict(source.vocab.lookups.get_table("lexeme_norm").items()))
        return nlp
    return before_init


def base_model_path(lang: str) -> Path:
    """Directory of the installed sm pipeline whose ``ner`` is fine-tuned (ANONYMIZER_EN_MODEL etc. respected)."""
    name = os.environ.get(f"ANONYMIZER_{lang.upper()}_MODEL") or DEFAULT_MODELS[lang]
    return Path(load_model(name, exclude=["tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler",
                                          "lemmatizer", "senter"]).path)


def to_docbin(notes: list[Note], nlp) -> DocBin:
    """Tokenize the notes and attach their gold spans as entities (unlabelled tokens are O)."""
    db = DocBin()
    for note in notes:
        doc = nlp.make_doc(note.text)
        spans = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in note.entities]
        doc.ents = filter_spans([sp for sp in spans if sp is not None])
        db.add(doc)
    return db


def train_language(lang: str, n_notes: int, seed: int, out: Path, max_epochs: int | None = None,
                   log=print, annotated_repeat: int = ANNOTATED_REPEAT, max_steps: int | None = None,
                   member: int = 0) -> Path:
    """Generate, train and save one language's ner-only pipeline under ``out/<member_name>``; returns that path.

    The hand-annotated text of the language (real passages and people's notes) joins the synthetic training
    notes ``annotated_repeat`` times each (a few hundred texts would otherwise vanish among thousands of notes).
    """
    from spacy.cli.train import train as spacy_train

    base = base_model_path(lang)
    n_dev = max(10, n_notes // 25)
    notes = generate(n_notes + n_dev, lang, seed)
    tokenizer = spacy.blank(lang)
    with tempfile.TemporaryDirectory(prefix=f"anon-train-{lang}-") as tmp:
        tmp_path = Path(tmp)
        to_docbin(notes[:n_notes] + annotated_text(lang) * annotated_repeat, tokenizer).to_disk(tmp_path / "train.spacy")
        to_docbin(notes[n_notes:], tokenizer).to_disk(tmp_path / "dev.spacy")
        overrides = {"paths.train": str(tmp_path / "train.spacy"), "paths.dev": str(tmp_path / "dev.spacy"),
                     "paths.base": str(base), "nlp.lang": lang, "system.seed": seed}
        if max_epochs is not None:
            overrides["training.max_epochs"] = max_epochs
            overrides["training.eval_frequency"] = 50
        if max_steps:  # stop at a checkpoint: the same weights as that checkpoint of a longer run
            overrides["training.max_steps"] = max_steps
        started = time.monotonic()
        spacy_train(CONFIG, tmp_path / "run", overrides=overrides, use_gpu=-1)
        log(f"[{lang}] trained on {n_notes} notes in {time.monotonic() - started:.0f} s")
        target = out / member_name(lang, member)
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(tmp_path / "run" / "model-best", target)
    _forget_paths(target / "config.cfg")
    _stable_meta(target / "meta.json")
    return target


def annotated_text(lang: str) -> list[Note]:
    """The language's hand-annotated training text: real public passages, then notes written by people."""
    return load_real(lang=lang) + load_written(lang=lang)


def _stable_meta(meta_path: Path) -> None:
    """Per-label scores in label order: the scorer lists them in set order, which varies with the hash seed."""
    import srsly

    meta = srsly.read_json(meta_path)
    perf = meta.get("performance") or {}
    if isinstance(perf.get("ents_per_type"), dict):
        perf["ents_per_type"] = dict(sorted(perf["ents_per_type"].items()))
    srsly.write_json(meta_path, meta)


def _forget_paths(config_path: Path) -> None:
    """The shipped config keeps no temporary or machine-specific path (they only served training)."""
    from thinc.api import Config

    config = Config().from_disk(config_path, interpolate=False)
    for key in ("train", "dev", "base"):
        config["paths"][key] = None
    config.to_disk(config_path)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: train one or both languages."""
    p = argparse.ArgumentParser(prog="python -m anonymizer train")
    p.add_argument("--lang", choices=["en", "fr", "both"], default="both")
    p.add_argument("--n-notes", type=int, default=N_NOTES)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--epochs", type=int, default=None, help="override the config's max_epochs")
    p.add_argument("--out", default=str(DEFAULT_OUT))
    p.add_argument("--annotated-repeat", type=int, default=ANNOTATED_REPEAT,
                   help="copies of each hand-annotated passage or note")
    p.add_argument("--max-steps", type=int, default=MAX_STEPS, help="stop after this many updates (0: the config's epochs)")
    p.add_argument("--jobs", type=int, default=2, help="languages trained at once, one process each")
    p.add_argument("--members", type=int, default=MEMBERS,
                   help="models a language (member k trains on the data and seed of --seed + k)")
    args = p.parse_args(argv)
    started = time.monotonic()
    langs = ["en", "fr"] if args.lang == "both" else [args.lang]
    if len(langs) > 1 and args.jobs > 1:
        code = _train_in_processes(langs, argv if argv is not None else sys.argv[1:])
    else:
        code = 0
        for lang in langs:
            for member in range(args.members):
                seed = args.seed + member
                spacy.util.fix_random_seed(seed)  # each model starts from the same state, alone or not
                train_language(lang, args.n_notes, seed, Path(args.out), args.epochs,
                               annotated_repeat=args.annotated_repeat, max_steps=args.max_steps, member=member)
    print(f"total wall time {time.monotonic() - started:.0f} s", file=sys.stderr)
    return code


def _train_in_processes(langs: list[str], argv: list[str]) -> int:
    """Train each language in its own process (same arguments, ``--lang`` one of them): a process's weights
    depend only on its seed and data, so they equal those of a sequential run."""
    import subprocess

    base = [a for i, a in enumerate(argv) if a != "--lang" and (i == 0 or argv[i - 1] != "--lang")
            and not a.startswith("--lang=")]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    procs = [subprocess.Popen([sys.executable, "-m", "anonymizer", "train", *base, "--lang", lang, "--jobs", "1"], env=env)
             for lang in langs]
    return max(proc.wait() for proc in procs)


if __name__ == "__main__":
    sys.exit(main())
