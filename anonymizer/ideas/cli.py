"""``python -m anonymizer ideas``: clean ideas for batch work and evaluation.

    python -m anonymizer ideas --jsonl < in.jsonl > out.jsonl
        in:  {"id", "text", "lang"?}  an anonymized note a line (as ``python -m anonymizer --jsonl`` writes it)
        out: {"id", "ideas": [{"text", "kind", "start", "end", "support"}]}  start/end: the idea's source in text
    python -m anonymizer ideas --evaluate GOLD [--split dev|test|all] [--misses] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys

from ..pipeline import load_pipelines
from .evaluation import evaluate, format_report, load_gold
from .extract import IdeaExtractor


def run_jsonl(extractor: IdeaExtractor, fin, fout) -> int:
    """Read notes, write their ideas; a bad line yields ``{"id", "error"}``. Returns the number of failures."""
    failed = 0
    for lineno, line in enumerate(fin, 1):
        if not line.strip():
            continue
        note_id = None
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise ValueError("expected an object with a string 'text'")
            note_id = obj.get("id")
            lang = obj.get("lang") if obj.get("lang") in ("en", "fr") else None
            result = extractor.extract(obj["text"], lang)
        except ValueError as exc:  # JSONDecodeError is a ValueError; never echo the text
            failed += 1
            fout.write(json.dumps({"id": note_id, "error": f"line {lineno}: {exc.__class__.__name__}"}) + "\n")
            continue
        out = {"id": note_id, "ideas": [i.to_dict() for i in result.ideas]}
        if result.unattached_support:
            out["unattached_support"] = result.unattached_support
        fout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return failed


def main(argv: list[str]) -> int:
    """Entry point of the ``ideas`` subcommand; returns the exit status."""
    p = argparse.ArgumentParser(prog="python -m anonymizer ideas")
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--jsonl", action="store_true", help="JSONL notes in, JSONL ideas out")
    mode.add_argument("--evaluate", metavar="GOLD", help="score against a gold JSONL file")
    p.add_argument("--split", default="all", choices=("dev", "test", "all"), help="gold half to score")
    p.add_argument("--misses", action="store_true", help="also print records that differ from the gold")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--model-en", default=None, help="English spaCy pipeline (default en_core_web_sm)")
    p.add_argument("--model-fr", default=None, help="French spaCy pipeline (default fr_core_news_sm)")
    args = p.parse_args(argv)
    extractor = IdeaExtractor(load_pipelines(args.model_en, args.model_fr))
    if args.jsonl:
        return 1 if run_jsonl(extractor, sys.stdin, sys.stdout) else 0
    res = evaluate(extractor, load_gold(args.evaluate, args.split))
    if args.json:
        print(json.dumps({k: v for k, v in res.items() if k != "misses"}, indent=1))
    else:
        print(format_report(res, args.misses))
    return 0
