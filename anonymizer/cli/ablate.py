"""``python -m anonymizer ablate --gold notes.jsonl [--roster ...] [--allow ...] [--json]``.

Switches off one recognizer at a time and prints what each one contributes: the change in
recall, keep rate, leak-free notes and collateral when it is missing. The spaCy pipelines load
once; each run builds an engine with one registry entry dropped.
"""
from __future__ import annotations

import argparse
import json

from ..engine import AnonymizerEngine
from ..evaluation import evaluate, load_jsonl
from ..pipeline import load_pipelines
from ..recognizers.defaults import default_registry
from ..roster import AllowList, Roster
from .run import add_common

FIGURES = ("recall", "keep_rate", "leak_free_notes", "collateral")


def ablate(pipelines: dict, gold: list[dict], roster: Roster, allow: AllowList) -> dict[str, dict]:
    """Figures of the full registry ('all') and of the registry without each recognizer."""
    registry = default_registry()
    out = {"all": _figures(AnonymizerEngine(pipelines, registry=registry, roster=roster, allowlist=allow), gold)}
    for rid in registry.ids:
        engine = AnonymizerEngine(pipelines, registry=registry.without(rid), roster=roster, allowlist=allow)
        out[rid] = _figures(engine, gold)
    return out


def _figures(engine: AnonymizerEngine, gold: list[dict]) -> dict:
    res = evaluate(engine, gold)
    return {k: res[k] for k in FIGURES}


def format_table(rows: dict[str, dict]) -> str:
    """One line per recognizer: the figures without it, and the difference from the full registry."""
    full = rows["all"]
    lines = [f"{'without':<22}" + "".join(f"{k:>18}" for k in FIGURES)]
    for rid, figs in rows.items():
        cells = []
        for k in FIGURES:
            v, base = figs[k], full[k]
            cells.append(f"{v:>10.4f}" + (f" ({v - base:+.4f})" if rid != "all" and v is not None else " " * 10)
                         if v is not None else f"{'n/a':>18}")
        lines.append(f"{'(nothing)' if rid == 'all' else rid:<22}" + "".join(f"{c:>18}" for c in cells))
    return "\n".join(lines)


def main(argv) -> int:
    """Run the ablation and print the table (or JSON)."""
    p = argparse.ArgumentParser(prog="python -m anonymizer ablate")
    p.add_argument("--gold", required=True)
    p.add_argument("--json", action="store_true")
    add_common(p)
    args = p.parse_args(argv)
    roster = Roster.from_csv(args.roster) if args.roster else Roster.empty()
    allow = AllowList.from_file(args.allow) if args.allow else AllowList.empty()
    rows = ablate(load_pipelines(args.model_en, args.model_fr), load_jsonl(args.gold), roster, allow)
    print(json.dumps(rows, indent=1) if args.json else format_table(rows))
    return 0
