"""``python -m anonymizer [--jsonl]``: anonymize notes from standard input (the DESIGN.md contract)."""
from __future__ import annotations

import argparse
import json
import sys

from ..engine import AnonymizerEngine
from ..pipeline import load_pipelines
from ..roster import AllowList, Roster


def add_common(p: argparse.ArgumentParser) -> None:
    """The options every subcommand shares: roster, allow-list, spaCy pipelines."""
    p.add_argument("--roster", help="CSV with columns name,affiliation")
    p.add_argument("--allow", help="allow-list, one term a line")
    p.add_argument("--model-en", default=None, help="English spaCy pipeline (default en_core_web_sm)")
    p.add_argument("--model-fr", default=None, help="French spaCy pipeline (default fr_core_news_sm)")


def engine_from(args, registry=None) -> AnonymizerEngine:
    """An engine built from the shared options (and an optional recognizer registry)."""
    roster = Roster.from_csv(args.roster) if args.roster else Roster.empty()
    allow = AllowList.from_file(args.allow) if args.allow else AllowList.empty()
    return AnonymizerEngine(load_pipelines(args.model_en, args.model_fr), registry=registry, roster=roster,
                            allowlist=allow)


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


def main(argv) -> int:
    """Anonymize standard input: JSONL in and out, or plain text in and clean text out."""
    p = argparse.ArgumentParser(prog="python -m anonymizer")
    p.add_argument("--jsonl", action="store_true", help="JSONL in, JSONL out")
    add_common(p)
    args = p.parse_args(argv)
    engine = engine_from(args)
    if args.jsonl:
        return 1 if run_jsonl(engine, sys.stdin, sys.stdout) else 0
    text = sys.stdin.read()
    clean = engine.anonymize(text).text
    sys.stdout.write(clean)
    if text.endswith("\n") and not clean.endswith("\n"):
        sys.stdout.write("\n")
    return 0
