"""Accuracy and speed benchmark: this anonymizer vs Microsoft Presidio vs the bare spaCy pipeline.

    python benchmarks/anonymizer_bench.py --gold notes.jsonl --roster roster.csv --allow allowlist.txt

In one run: (a) accuracy (SPEC definitions) of Presidio (presidio-analyzer on the same spaCy
models, ORG enabled, roster as a deny list, allow-list as allow_list), of ours with the roster
and of ours without it; (b) notes/second of the bare spaCy pipeline, ours and Presidio, and the
ratio ours/bare; (c) peak RSS of a fresh process with the English and French models loaded.
Presidio is a benchmark-only dependency (requirements-bench.txt); nothing is downloaded: the
installed model packages are given to Presidio by path.
"""
from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from anonymizer import AllowList, AnonymizerEngine, Roster, load_pipelines  # noqa: E402
from anonymizer.evaluation import load_jsonl, score  # noqa: E402
from anonymizer.pipeline import DEFAULT_MODELS, _ALIASES  # noqa: E402


def model_path(name: str) -> str:
    """Filesystem path of an installed spaCy model package (so Presidio never tries to download)."""
    import spacy

    if spacy.util.is_package(name):
        return name
    for alias in _ALIASES.get(name, []) + [name]:
        try:
            mod = importlib.import_module(alias)
        except ImportError:
            continue
        base = Path(mod.__file__).parent
        subdirs = [p for p in base.iterdir() if p.is_dir() and (p / "config.cfg").exists()]
        return str(subdirs[0] if subdirs else base)
    raise SystemExit(f"model {name} not installed")


def build_presidio(en_model: str, fr_model: str, roster_csv: str | None):
    """AnalyzerEngine on SpacyNlpEngine (EN+FR), ORG enabled, roster names/affiliations as deny lists."""
    # Presidio's URL recognizer uses tldextract, which would fetch the public-suffix list over
    # the network: use the snapshot bundled with the package instead (no run-time download).
    import tldextract
    import tldextract.tldextract as _tx

    _tx.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    from presidio_analyzer import AnalyzerEngine, PatternRecognizer, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import SpacyRecognizer

    conf = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": model_path(en_model)},
                   {"lang_code": "fr", "model_name": model_path(fr_model)}],
        "ner_model_configuration": {
            "model_to_presidio_entity_mapping": {
                "PERSON": "PERSON", "PER": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION",
                "NORP": "NRP", "FAC": "LOCATION"},
            "labels_to_ignore": [],
            "low_confidence_score_multiplier": 1.0,
            "low_score_entity_names": [],
        },
    }
    nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    registry = RecognizerRegistry(supported_languages=["en", "fr"])
    registry.load_predefined_recognizers(languages=["en", "fr"], nlp_engine=nlp_engine)
    ents = ["PERSON", "ORGANIZATION", "LOCATION", "NRP"]
    have = {(r.name, lang) for r in registry.recognizers for lang in [r.supported_language]}
    for lang in ("en", "fr"):
        if not any(isinstance(r, SpacyRecognizer) and r.supported_language == lang for r in registry.recognizers):
            registry.add_recognizer(SpacyRecognizer(supported_language=lang, supported_entities=ents))
    if roster_csv:
        roster = Roster.from_csv(roster_csv)
        names = sorted({p.name for p in roster.people} | {t for p in roster.people for t in p.name.split() if len(t) > 2})
        orgs = sorted({o.name for o in roster.orgs})
        for lang in ("en", "fr"):
            registry.add_recognizer(PatternRecognizer(supported_entity="PERSON", deny_list=names, supported_language=lang,
                                                      name=f"roster_names_{lang}"))
            registry.add_recognizer(PatternRecognizer(supported_entity="ORGANIZATION", deny_list=orgs, supported_language=lang,
                                                      name=f"roster_orgs_{lang}"))
    del have
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en", "fr"])


def run_presidio(analyzer, gold, allow_terms):
    """Presidio results in the CLI output shape (every detected entity is a redaction)."""
    out = {}
    for g in gold:
        lang = g.get("lang") or "en"
        res = analyzer.analyze(text=g["text"], language=lang, allow_list=allow_terms or None)
        out[g["id"]] = {"spans": [{"start": r.start, "end": r.end, "label": r.entity_type, "action": "redact"} for r in res]}
    return out


def run_ours(engine, gold):
    results = engine.anonymize_many([g["text"] for g in gold])
    return {g["id"]: r.to_dict(g["id"]) for g, r in zip(gold, results)}


def fmt(name, res):
    per = " ".join(f"{lab}={v[0]:.3f}" for lab, v in res["recall_per_label"].items() if v[1])
    return (f"{name:<28} recall={res['recall']:.4f} leak-free={res['leak_free_notes']:.3f} keep={res['keep_rate']:.3f} "
            f"quasi={res['quasi_caught']:.3f} collateral={res['collateral']:.4f}  [{per}]")


def peak_rss_mb(en_model, fr_model) -> tuple[float, float]:
    """Peak RSS (MB) of fresh processes: models only, and a full engine (models + vocabulary)."""
    root = str(Path(__file__).resolve().parents[1])
    code_models = ("import resource,sys; sys.path.insert(0, %r); from anonymizer import load_pipelines; "
                   "load_pipelines(%r, %r); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)") % (root, en_model, fr_model)
    code_engine = ("import resource,sys; sys.path.insert(0, %r); from anonymizer import build_engine; "
                   "e=build_engine(%r, %r); e.anonymize('Jo Smith (Bluewater Alliance) said hello.'); "
                   "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)") % (root, en_model, fr_model)
    vals = []
    for code in (code_models, code_engine):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        vals.append(int(out.strip().splitlines()[-1]) / 1024.0)  # ru_maxrss is KiB on Linux
    return vals[0], vals[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--roster")
    ap.add_argument("--allow")
    ap.add_argument("--model-en", default=os.environ.get("ANONYMIZER_EN_MODEL", DEFAULT_MODELS["en"]))
    ap.add_argument("--model-fr", default=os.environ.get("ANONYMIZER_FR_MODEL", DEFAULT_MODELS["fr"]))
    ap.add_argument("--repeat", type=int, default=3, help="timing repetitions (best is reported)")
    ap.add_argument("--no-presidio", action="store_true")
    args = ap.parse_args()

    gold = load_jsonl(args.gold)
    allow = AllowList.from_file(args.allow) if args.allow else AllowList.empty()
    roster = Roster.from_csv(args.roster) if args.roster else Roster.empty()
    pipes = load_pipelines(args.model_en, args.model_fr)
    ours = AnonymizerEngine(pipes, roster=roster, allowlist=allow)
    ours_nr = AnonymizerEngine(pipes, roster=Roster.empty(), allowlist=allow)

    print(f"== accuracy on {len(gold)} notes ({args.gold}) ==")
    r_ours = score(gold, run_ours(ours, gold))
    r_nr = score(gold, run_ours(ours_nr, gold))
    presidio = None
    if not args.no_presidio:
        presidio = build_presidio(args.model_en, args.model_fr, args.roster)
        r_pres = score(gold, run_presidio(presidio, gold, allow.terms))
        print(fmt("presidio (roster deny list)", r_pres))
    print(fmt("ours (roster)", r_ours))
    print(fmt("ours (no roster)", r_nr))
    if presidio is not None:
        better = r_ours["recall"] > r_pres["recall"] and r_ours["keep_rate"] > r_pres["keep_rate"]
        print(f"ours beats presidio on recall and keep rate: {better}")

    print("== speed (best of %d runs, notes/second) ==" % args.repeat)
    by_lang: dict[str, list[str]] = {}
    for g in gold:
        by_lang.setdefault(g.get("lang") or ours.detect_language(g["text"]), []).append(g["text"])

    def t_bare():
        for lang, texts in by_lang.items():
            for _ in pipes[lang].pipe(texts, batch_size=32):
                pass

    def t_ours():
        ours.anonymize_many([g["text"] for g in gold])

    def t_pres():
        for g in gold:
            presidio.analyze(text=g["text"], language=g.get("lang") or "en", allow_list=allow.terms or None)

    # interleave the runs so that load from other processes affects all three alike; keep the best
    fns = {"bare": t_bare, "ours": t_ours}
    if presidio is not None:
        fns["presidio"] = t_pres
    times = {k: [] for k in fns}
    for _ in range(args.repeat):
        for k, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - t0)
    n = len(gold)
    tb, to = min(times["bare"]), min(times["ours"])
    print(f"bare spaCy pipeline (same components, nlp.pipe): {n / tb:8.1f} notes/s")
    print(f"ours (anonymize_many, roster):                  {n / to:8.1f} notes/s")
    if presidio is not None:
        print(f"presidio analyzer:                              {n / min(times['presidio']):8.1f} notes/s")
    print(f"ratio ours/bare spaCy (time): {to / tb:.2f}x")

    print("== memory ==")
    m_models, m_engine = peak_rss_mb(args.model_en, args.model_fr)
    print(f"peak RSS, fresh process with EN+FR models loaded: {m_models:.0f} MB")
    print(f"peak RSS, fresh process with full engine (models + vocabulary) after one note: {m_engine:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
