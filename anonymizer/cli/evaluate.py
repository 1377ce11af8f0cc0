"""``python -m anonymizer evaluate --gold notes.jsonl [--roster ...] [--allow ...] [--leaks] [--json]``."""
from __future__ import annotations

import argparse
import json

from ..evaluation import evaluate, format_report, load_jsonl
from .run import add_common, engine_from


def main(argv) -> int:
    """Score the engine on a gold file and print the figures."""
    p = argparse.ArgumentParser(prog="python -m anonymizer evaluate")
    p.add_argument("--gold", required=True)
    p.add_argument("--leaks", action="store_true", help="also print missed and over-redacted spans")
    p.add_argument("--json", action="store_true")
    add_common(p)
    args = p.parse_args(argv)
    gold = load_jsonl(args.gold)
    res = evaluate(engine_from(args), gold)
    if args.json:
        print(json.dumps({k: v for k, v in res.items() if k not in ("leaks", "keep_lost")}, indent=1))
    else:
        print(format_report(res, args.leaks, gold))
    return 0
