"""Accuracy of the anonymizer on each annotated corpus, with and without its roster, by language.

    python evaluation/report.py [--corpus NAME=DIR ...] [--system-dir DIR] [--model-en M] [--model-fr M]

A corpus folder holds ``notes.jsonl`` (built by ``corpus_build.py``, see ``../shared/corpus/SPEC.md``)
and optionally ``roster.csv`` and ``allowlist.txt``.  Defaults: the development corpus
(``../shared/corpus/dev``), the sealed held-out notes (``evaluation/heldout``) and the sealed real
transcripts (``evaluation/heldout_real``).  For each corpus it prints one line per setting (with
roster, without roster) and language (all, en, fr): recall per label, overall recall
(PERSON+ORG+ROLE+CONTACT+PLACE), leak-free notes, keep rate, QUASI caught or flagged, collateral.
The definitions are those of ``../shared/tools/score.py``; ``--system-dir`` also writes each run's
output in that tool's input format (``score.py GOLD SYSTEM``).  Only figures are printed, never note
text: the held-out sets are sealed.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from anonymizer import AllowList, AnonymizerEngine, Roster, load_pipelines  # noqa: E402
from anonymizer.evaluation import load_jsonl, score  # noqa: E402

DEFAULT_CORPORA = [("dev", ROOT.parent / "shared" / "corpus" / "dev"), ("heldout", ROOT / "evaluation" / "heldout"),
                   ("heldout-real", ROOT / "evaluation" / "heldout_real")]
LABELS = ("PERSON", "ORG", "ROLE", "CONTACT", "PLACE")


def run(engine: AnonymizerEngine, gold: list[dict]) -> dict:
    """System output in score.py's shape, each note in its annotated language."""
    system: dict = {}
    for lang in sorted({g.get("lang") or "" for g in gold}):
        batch = [g for g in gold if (g.get("lang") or "") == lang]
        results = engine.anonymize_many([g["text"] for g in batch], lang=lang or None)
        for g, r in zip(batch, results):
            system[g["id"]] = r.to_dict(g["id"])
    return system


def _fmt(value, digits: int = 3) -> str:
    return "  n/a" if value is None else f"{value:.{digits}f}"


def line(name: str, res: dict) -> str:
    """One row: notes, recall, per-label recall (with counts), leak-free, keep, QUASI, collateral."""
    per = " ".join(f"{lab} {_fmt(res['recall_per_label'][lab][0])}/{res['recall_per_label'][lab][1]}"
                   for lab in LABELS if res["recall_per_label"][lab][1])
    return (f"{name:<28} notes {res['notes']:>3}  recall {_fmt(res['recall'], 4)}  leak-free {_fmt(res['leak_free_notes'])}"
            f"  keep {_fmt(res['keep_rate'])}  quasi {_fmt(res['quasi_caught'])}  collateral {_fmt(res['collateral'], 4)}"
            f"  [{per}]")


def report_corpus(name: str, folder: Path, pipelines, system_dir: Path | None) -> list[str]:
    """Rows for one corpus: with roster (when it has one) and without, all notes then per language."""
    gold = load_jsonl(folder / "notes.jsonl")
    allow_path, roster_path = folder / "allowlist.txt", folder / "roster.csv"
    allow = AllowList.from_file(str(allow_path)) if allow_path.exists() else AllowList.empty()
    settings = [("roster", Roster.from_csv(str(roster_path)))] if roster_path.exists() else []
    settings.append(("no roster", Roster.empty()))
    rows = [f"== {name} ({folder}) =="]
    langs = sorted({g.get("lang") for g in gold if g.get("lang")})
    for label, roster in settings:
        system = run(AnonymizerEngine(pipelines, roster=roster, allowlist=allow), gold)
        if system_dir is not None:
            system_dir.mkdir(parents=True, exist_ok=True)
            out = system_dir / f"{name}-{label.replace(' ', '-')}.jsonl"
            out.write_text("".join(json.dumps(system[g["id"]], ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
        rows.append(line(f"{label}, all", score(gold, system)))
        if len(langs) > 1:
            for lang in langs:
                rows.append(line(f"{label}, {lang}", score([g for g in gold if g.get("lang") == lang], system)))
    return rows


def main(argv=None) -> int:
    """Print the figures of every corpus; 2 when a corpus folder is missing."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", default=[], metavar="NAME=DIR")
    ap.add_argument("--system-dir", type=Path, default=None, help="also write system JSONL files here")
    ap.add_argument("--model-en", default=None)
    ap.add_argument("--model-fr", default=None)
    args = ap.parse_args(argv)
    corpora = [(c.split("=", 1)[0], Path(c.split("=", 1)[1])) for c in args.corpus] or DEFAULT_CORPORA
    missing = [str(p) for _, p in corpora if not (p / "notes.jsonl").exists()]
    if missing:
        print(f"no notes.jsonl in: {', '.join(missing)}", file=sys.stderr)
        return 2
    pipelines = load_pipelines(args.model_en, args.model_fr)
    for name, folder in corpora:
        print("\n".join(report_corpus(name, folder, pipelines, args.system_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
