"""Command line.

    python -m anonymizer --jsonl [--roster roster.csv] [--allow allowlist.txt] < in.jsonl > out.jsonl
    python -m anonymizer [--roster ...] [--allow ...] < note.txt          (plain: prints clean text)
    python -m anonymizer evaluate --gold notes.jsonl [--roster ...] [--allow ...] [--leaks]
    python -m anonymizer ideas --jsonl | --evaluate GOLD     (clean ideas, see anonymizer/ideas/cli.py)
Options --model-en / --model-fr choose the spaCy pipelines.
"""
from __future__ import annotations

import argparse
import json
import sys

from .engine import AnonymizerEngine
from .pipeline import load_pipelines
from .roster import AllowList, Roster


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--roster", help="CSV with columns name,affiliation")
    p.add_argument("--allow", help="allow-list, one term a line")
    p.add_argument("--model-en", default=None, help="English spaCy pipeline (default en_core_web_sm)")
    p.add_argument("--model-fr", default=None, help="French spaCy pipeline (default fr_core_news_sm)")


def _engine(args) -> AnonymizerEngine:
    roster = Roster.from_csv(args.roster) if args.roster else Roster.empty()
    allow = AllowList.from_file(args.allow) if args.allow else AllowList.empty()
    return AnonymizerEngine(load_pipelines(args.model_en, args.model_fr), roster=roster, allowlist=allow)


def run_jsonl(engine: AnonymizerEngine, fin, fout) -> int:
    """Process JSONL; a bad line yields {"id", "error"} and processing goes on. Returns #failures."""
    failed = 0
    batch: list[tuple[object, str, object]] = []

    def flush():
        nonlocal failed
        by_lang: dict = {}
        for item in batch:
            by_lang.setdefault(item[2], []).append(item)
        out = {}
        for lang, items in by_lang.items():
            try:
                results = engine.anonymize_many([t for _, t, _ in items], lang=lang)
            except Exception:  # never echo the text: report the failure per line instead
                results = [None] * len(items)
            for (nid, _t, _l), r in zip(items, results):
                out[id(_t), nid] = r
        for nid, t, lang in batch:
            r = out.get((id(t), nid))
            if r is None:
                failed += 1
                fout.write(json.dumps({"id": nid, "error": "anonymization failed"}) + "\n")
            else:
                d = r.to_dict(nid)
                fout.write(json.dumps(d, ensure_ascii=False) + "\n")
        batch.clear()

    for lineno, line in enumerate(fin, 1):
        if not line.strip():
            continue
        nid = None
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("line is not a JSON object")
            nid = obj.get("id")
            text = obj.get("text")
            if not isinstance(text, str):
                raise ValueError("missing or non-string 'text'")
            lang = obj.get("lang")
            if lang is not None and lang not in ("en", "fr"):
                lang = None
        except (ValueError, json.JSONDecodeError) as exc:
            flush()
            failed += 1
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            fout.write(json.dumps({"id": nid, "error": f"line {lineno}: {msg}"}) + "\n")
            continue
        batch.append((nid, text, lang))
        if len(batch) >= 64:
            flush()
    flush()
    return failed


def main(argv=None) -> int:
    """Entry point; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "ideas":  # clean ideas: see anonymizer/ideas/cli.py
        from .ideas.cli import main as ideas_main

        return ideas_main(argv[1:])
    if argv and argv[0] == "evaluate":
        from .evaluation import evaluate, format_report, load_jsonl

        p = argparse.ArgumentParser(prog="python -m anonymizer evaluate")
        p.add_argument("--gold", required=True)
        p.add_argument("--leaks", action="store_true", help="also print missed and over-redacted spans")
        p.add_argument("--json", action="store_true")
        _common(p)
        args = p.parse_args(argv[1:])
        gold = load_jsonl(args.gold)
        res = evaluate(_engine(args), gold)
        if args.json:
            print(json.dumps({k: v for k, v in res.items() if k not in ("leaks", "keep_lost")}, indent=1))
        else:
            print(format_report(res, args.leaks, gold))
        return 0
    p = argparse.ArgumentParser(prog="python -m anonymizer")
    p.add_argument("--jsonl", action="store_true", help="JSONL in, JSONL out")
    _common(p)
    args = p.parse_args(argv)
    engine = _engine(args)
    if args.jsonl:
        return 1 if run_jsonl(engine, sys.stdin, sys.stdout) else 0
    text = sys.stdin.read()
    sys.stdout.write(engine.anonymize(text).text)
    if text.endswith("\n") and not engine.anonymize(text).text.endswith("\n"):
        sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
