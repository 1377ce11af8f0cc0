"""Scoring against a hand-annotated gold file (definitions of shared/corpus/SPEC.md).

A gold REDACT span is caught when every letter and digit in it lies inside a redacted span;
QUASI is also caught when a flagged span overlaps it.  A KEEP span is kept when no redacted
span overlaps it.  Collateral is the share of neutral letters/digits that were redacted.
"""
from __future__ import annotations

import json
from typing import Iterable

SCORED = ("PERSON", "ORG", "ROLE", "CONTACT", "PLACE")


def load_jsonl(path) -> list[dict]:
    """Read a JSONL file into a list of dicts (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(gold: Iterable[dict], system: dict) -> dict:
    """Score *system* ({id: {"spans": [...]}}) against *gold* records; returns figures and leaks."""
    gold = list(gold)
    per = {lab: [0, 0] for lab in SCORED + ("QUASI",)}
    keep_ok = keep_all = leak_free = neutral = neutral_hit = 0
    leaks, keep_lost = [], []
    for g in gold:
        s = system.get(g["id"], {"spans": []})
        text = g["text"]
        red = bytearray(len(text))
        flag = bytearray(len(text))
        for sp in s.get("spans", []):
            a, b = max(0, int(sp["start"])), min(len(text), int(sp["end"]))
            target = flag if sp.get("action") == "flag" else red
            for i in range(a, b):
                target[i] = 1
        gold_chars = bytearray(len(text))
        note_leak = False
        for sp in g.get("redact", []):
            for i in range(sp["start"], sp["end"]):
                gold_chars[i] = 1
            chars = [i for i in range(sp["start"], sp["end"]) if text[i].isalnum()]
            caught = all(red[i] for i in chars)
            if sp["label"] == "QUASI":
                caught = caught or any(flag[i] or red[i] for i in range(sp["start"], sp["end"]))
            per[sp["label"]][1] += 1
            per[sp["label"]][0] += caught
            if not caught and sp["label"] != "QUASI":
                note_leak = True
                leaks.append((g["id"], sp["label"], sp["start"], sp["end"]))
        leak_free += not note_leak
        for sp in g.get("keep", []):
            for i in range(sp["start"], sp["end"]):
                gold_chars[i] = 1
            keep_all += 1
            ok = not any(red[i] for i in range(sp["start"], sp["end"]))
            keep_ok += ok
            if not ok:
                keep_lost.append((g["id"], sp["start"], sp["end"]))
        for i, ch in enumerate(text):
            if ch.isalnum() and not gold_chars[i]:
                neutral += 1
                neutral_hit += red[i]
    caught = sum(per[lab][0] for lab in SCORED)
    total = sum(per[lab][1] for lab in SCORED)
    return {
        "notes": len(gold),
        "recall": caught / total if total else None,
        "recall_per_label": {lab: (c / t if t else None, t) for lab, (c, t) in per.items()},
        "leak_free_notes": leak_free / len(gold) if gold else None,
        "keep_rate": keep_ok / keep_all if keep_all else None,
        "quasi_caught": per["QUASI"][0] / per["QUASI"][1] if per["QUASI"][1] else None,
        "collateral": neutral_hit / neutral if neutral else None,
        "leaks": leaks,
        "keep_lost": keep_lost,
    }


def evaluate(engine, gold: list[dict]) -> dict:
    """Run *engine* over the gold notes (batched) and score the result."""
    results = engine.anonymize_many([g["text"] for g in gold], lang=None)
    system = {g["id"]: r.to_dict(g["id"]) for g, r in zip(gold, results)}
    return score(gold, system)


def format_report(res: dict, show_leaks: bool = False, gold: list[dict] | None = None) -> str:
    """Human-readable figures (and, on request, the leaked spans for the annotator's eyes only)."""
    per = ", ".join(f"{lab} {v[0]:.3f}/{v[1]}" for lab, v in res["recall_per_label"].items() if v[1])
    lines = [f"notes: {res['notes']}", f"recall per label: {per}",
             f"overall recall (PERSON+ORG+ROLE+CONTACT+PLACE): {res['recall']:.4f}",
             f"leak-free notes: {res['leak_free_notes']:.3f}",
             f"keep rate: {res['keep_rate']:.3f}" if res["keep_rate"] is not None else "keep rate: n/a",
             f"QUASI caught or flagged: {res['quasi_caught']:.3f}" if res["quasi_caught"] is not None else "QUASI: n/a",
             f"collateral redaction: {res['collateral']:.4f}"]
    if show_leaks and gold is not None:
        texts = {g["id"]: g["text"] for g in gold}
        for nid, lab, s, e in res["leaks"]:
            lines.append(f"LEAK {nid} {lab}: {texts[nid][s:e]!r}")
        for nid, s, e in res["keep_lost"]:
            lines.append(f"LOST {nid}: {texts[nid][s:e]!r}")
    return "\n".join(lines)
