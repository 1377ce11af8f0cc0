"""Validation for the domain span model, on text it was not trained on.

    python -m anonymizer.training.validate build --out DIR [--n 300] [--seed 101]
    python -m anonymizer.training.validate score --model anonymizer/model --corpus DIR [--corpus DIR ...]

``build`` writes a corpus in the annotated format (``notes.jsonl`` with ``redact`` and ``keep`` spans,
plus ``allowlist.txt`` of every public body and resolution) from the generator's ``valid`` split:
names from other Faker locales and hand lists, other invented organizations, and the held-out seventh
of the body, title and place lists, with a different seed. ``evaluation/report.py --corpus NAME=DIR``
scores the whole anonymizer on it; ``score`` scores the trained model alone (its spans taken as
removals), per language, with the project's own scorer.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..domain_model import COMPONENT, LABELS, domain_spans
from ..evaluation import load_jsonl, score
from .lexicon import load_lexicon, read_lines
from .synth import generate, to_gold


def build(out: Path, n_per_lang: int = 300, seed: int = 101, split: str = "valid") -> Path:
    """Write ``notes.jsonl`` and ``allowlist.txt`` of a synthetic validation corpus under *out*."""
    out.mkdir(parents=True, exist_ok=True)
    records = []
    for lang in ("en", "fr"):
        for i, note in enumerate(generate(n_per_lang, lang, seed, split=split)):
            records.append(to_gold(note, f"{split}-{lang}-{i:04d}"))
    (out / "notes.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    (out / "allowlist.txt").write_text("\n".join(allow_terms(seed)) + "\n", encoding="utf-8")
    return out


def allow_terms(seed: int = 0) -> list[str]:
    """What an administrator would allow-list: every public body in both languages and the resolutions."""
    terms: set[str] = set()
    for line in read_lines("public_bodies.txt"):
        terms.update(x.strip() for x in line.split("|") if x.strip() not in ("", "-"))
    lex = load_lexicon(seed)
    for lang in ("en", "fr"):
        terms.update(lex.vocab[lang]["resolution"])
    return sorted(terms)


def model_spans(nlp, text: str) -> list[dict]:
    """The trained models' spans (the ensemble's union) as removals, in the scorer's shape."""
    return [{"start": e.start_char, "end": e.end_char, "label": e.label_, "action": "redact"}
            for e in domain_spans(nlp(text))]


def score_model(model_root: Path, corpus: Path) -> list[str]:
    """Rows of model-only figures for one corpus, per language."""
    import spacy

    gold = load_jsonl(corpus / "notes.jsonl")
    rows = []
    for lang in sorted({g.get("lang") for g in gold}):
        part = [g for g in gold if g.get("lang") == lang]
        nlp = spacy.blank(lang)  # the models alone, as the anonymizer runs them (every member of the ensemble)
        nlp.add_pipe(COMPONENT, config={"path": str(model_root / lang)})
        system = {g["id"]: {"spans": model_spans(nlp, g["text"])} for g in part}
        res = score(part, system)
        per = " ".join(f"{lab} {res['recall_per_label'][lab][0]:.3f}/{res['recall_per_label'][lab][1]}"
                       for lab in LABELS if res["recall_per_label"][lab][1])
        rows.append(f"{corpus.name:<16} {lang}  notes {res['notes']:>4}  recall {res['recall']:.4f}  "
                    f"leak-free {res['leak_free_notes']:.3f}  keep {res['keep_rate'] or 0:.3f}  [{per}]")
    return rows


def main(argv: list[str] | None = None) -> int:
    """Command-line entry (build or score)."""
    ap = argparse.ArgumentParser(prog="python -m anonymizer.training.validate")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--out", type=Path, required=True)
    b.add_argument("--n", type=int, default=300)
    b.add_argument("--seed", type=int, default=101)
    b.add_argument("--split", choices=["valid", "train"], default="valid")
    s = sub.add_parser("score")
    s.add_argument("--model", type=Path, default=Path(__file__).resolve().parent.parent / "model")
    s.add_argument("--corpus", type=Path, action="append", required=True)
    args = ap.parse_args(argv)
    if args.cmd == "build":
        print(build(args.out, args.n, args.seed, args.split))
        return 0
    for corpus in args.corpus:
        print("\n".join(score_model(args.model, corpus)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
