"""Accuracy and speed, fairly compared: this anonymizer, the bare spaCy pipeline, Microsoft Presidio.

    python benchmarks/anonymizer_bench.py [--corpus NAME=DIR ...] [--repeat 2] [--no-presidio] [--memory]

Fair settings, the same for every system:
- language: every note goes to the English or the French pipeline by its annotated language;
- models: Presidio's spaCy engine is given the very pipeline objects the anonymizer uses (same
  models, same components), so the NLP work is identical and the timings compare the layers on top;
- batching: the bare pipeline runs ``nlp.pipe``, the anonymizer ``anonymize_many``, Presidio
  ``BatchAnalyzerEngine.analyze_iterator`` (which runs ``nlp.pipe``), each per language, batch 32;
- entities, both ways: Presidio with its default configuration (its predefined recognizers, spaCy
  NER with ORGANIZATION ignored), and Presidio with ORG, NORP and GPE on and the corpus roster as deny
  lists (names, their words, affiliations); the corpus allow-list is Presidio's ``allow_list``
  in both.  Every Presidio result counts as a redaction.
Accuracy uses the definitions of ``../shared/tools/score.py`` on each corpus (defaults: dev, the sealed
held-out notes, the sealed real transcripts); speed is notes/second over all their notes, best of
``--repeat`` interleaved runs.  "Bare spaCy" is the pipeline the anonymizer runs (sm pipeline plus the trained
span models); the sm pipelines alone are timed too, so the trained models' own cost shows.  Presidio is a
benchmark-only dependency (requirements-bench.txt).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from anonymizer import AllowList, AnonymizerEngine, Roster, load_pipelines  # noqa: E402
from anonymizer.evaluation import load_jsonl, score  # noqa: E402
from evaluation.report import DEFAULT_CORPORA, line, run as run_ours  # noqa: E402

BATCH = 32
# Presidio's default NER mapping and ignore list (presidio_analyzer/conf/default.yaml, 2.2.x).
PRESIDIO_MAPPING = {"PER": "PERSON", "PERSON": "PERSON", "NORP": "NRP", "FAC": "LOCATION", "LOC": "LOCATION",
                    "GPE": "LOCATION", "LOCATION": "LOCATION", "ORG": "ORGANIZATION", "ORGANIZATION": "ORGANIZATION",
                    "DATE": "DATE_TIME", "TIME": "DATE_TIME"}
PRESIDIO_IGNORED = ["ORGANIZATION", "CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT",
                    "PRODUCT", "QUANTITY", "WORK_OF_ART"]


def _offline_tldextract() -> None:
    """Presidio's URL recognizer uses tldextract, which would fetch the public-suffix list: use the bundled one."""
    import tldextract
    import tldextract.tldextract as _tx

    _tx.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def build_presidio(pipelines: dict, org_on: bool, roster: Roster | None):
    """A BatchAnalyzerEngine on the given spaCy pipelines; ORG on and roster deny lists when asked."""
    _offline_tldextract()
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine, PatternRecognizer, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    ignored = [lab for lab in PRESIDIO_IGNORED if not (org_on and lab == "ORGANIZATION")]
    conf = NerModelConfiguration(model_to_presidio_entity_mapping=PRESIDIO_MAPPING, labels_to_ignore=ignored)
    nlp_engine = SpacyNlpEngine(models=[{"lang_code": lang, "model_name": nlp.meta.get("name", lang)}
                                        for lang, nlp in pipelines.items()], ner_model_configuration=conf)
    nlp_engine.nlp = dict(pipelines)  # the anonymizer's own pipeline objects: no second copy, same components
    langs = list(pipelines)
    registry = RecognizerRegistry(supported_languages=langs)
    registry.load_predefined_recognizers(languages=langs, nlp_engine=nlp_engine)
    if roster is not None and roster.people:
        names = sorted({p.name for p in roster.people} | {w for p in roster.people for w in p.name.split() if len(w) > 2})
        orgs = sorted({o.name for o in roster.orgs})
        for lang in langs:
            registry.add_recognizer(PatternRecognizer(supported_entity="PERSON", deny_list=names,
                                                      supported_language=lang, name=f"roster_names_{lang}"))
            if orgs:
                registry.add_recognizer(PatternRecognizer(supported_entity="ORGANIZATION", deny_list=orgs,
                                                          supported_language=lang, name=f"roster_orgs_{lang}"))
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=langs)
    return BatchAnalyzerEngine(analyzer_engine=analyzer)


def run_presidio(batch, gold: list[dict], allow_terms: list[str]) -> dict:
    """Presidio results in score.py's system shape, per language, batched."""
    system = {}
    for lang in sorted({g.get("lang") or "en" for g in gold}):
        notes = [g for g in gold if (g.get("lang") or "en") == lang]
        results = batch.analyze_iterator([g["text"] for g in notes], language=lang, batch_size=BATCH,
                                         allow_list=allow_terms or None)
        for g, res in zip(notes, results):
            system[g["id"]] = {"id": g["id"], "spans": [{"start": r.start, "end": r.end, "label": r.entity_type,
                                                         "action": "redact"} for r in res]}
    return system


def load_corpus(folder: Path) -> tuple[list[dict], Roster, AllowList]:
    """Gold notes, roster (empty when absent) and allow-list (empty when absent) of a corpus folder."""
    roster = Roster.from_csv(str(folder / "roster.csv")) if (folder / "roster.csv").exists() else Roster.empty()
    allow = AllowList.from_file(str(folder / "allowlist.txt")) if (folder / "allowlist.txt").exists() else AllowList.empty()
    return load_jsonl(folder / "notes.jsonl"), roster, allow


def accuracy(corpora, pipelines, with_presidio: bool) -> None:
    """Print recall, leak-free notes, keep, collateral per corpus for ours and Presidio, both ways each."""
    for name, folder in corpora:
        gold, roster, allow = load_corpus(folder)
        print(f"== accuracy: {name} ({len(gold)} notes) ==")
        for label, ros in (("ours, roster", roster), ("ours, no roster", Roster.empty())):
            print(line(label, score(gold, run_ours(AnonymizerEngine(pipelines, roster=ros, allowlist=allow), gold))))
        if with_presidio:
            for label, org_on, ros in (("presidio, default", False, None), ("presidio, ORG on + roster", True, roster)):
                system = run_presidio(build_presidio(pipelines, org_on, ros), gold, sorted(allow.terms))
                print(line(label, score(gold, system)))


def sm_pipelines_alone(model_en, model_fr) -> dict:
    """The installed sm pipelines without the trained span models: what spaCy costs before anything of ours."""
    saved = os.environ.get("ANONYMIZER_DOMAIN_MODEL")
    os.environ["ANONYMIZER_DOMAIN_MODEL"] = "none"
    try:
        return load_pipelines(model_en, model_fr)
    finally:
        if saved is None:
            del os.environ["ANONYMIZER_DOMAIN_MODEL"]
        else:
            os.environ["ANONYMIZER_DOMAIN_MODEL"] = saved


def speed(corpora, pipelines, repeat: int, with_presidio: bool, sm_alone: dict | None = None) -> None:
    """Notes/second of the bare pipeline, ours (roster, batched) and Presidio (ORG on, batched), interleaved; with
    *sm_alone*, also of the sm pipelines without the trained span models."""
    gold, roster = [], Roster.empty()
    for _, folder in corpora:
        notes, ros, _ = load_corpus(folder)
        gold += notes
        roster = ros if ros.people and not roster.people else roster
    by_lang: dict[str, list[str]] = {}
    for g in gold:
        by_lang.setdefault(g.get("lang") or "en", []).append(g["text"])
    ours = AnonymizerEngine(pipelines, roster=roster, allowlist=AllowList.empty())
    fns = {"bare spaCy (nlp.pipe)": lambda: [list(pipelines[lang].pipe(t, batch_size=BATCH)) for lang, t in by_lang.items()],
           "ours (anonymize_many)": lambda: [ours.anonymize_many(t, lang=lang, batch_size=BATCH) for lang, t in by_lang.items()]}
    if sm_alone:
        fns["sm pipelines alone (nlp.pipe)"] = lambda: [list(sm_alone[lang].pipe(t, batch_size=BATCH))
                                                        for lang, t in by_lang.items()]
    if with_presidio:
        presidio = build_presidio(pipelines, True, roster)
        fns["presidio (analyze_iterator)"] = lambda: [presidio.analyze_iterator(t, language=lang, batch_size=BATCH)
                                                       for lang, t in by_lang.items()]
    times = {k: [] for k in fns}
    for _ in range(repeat):
        for key, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[key].append(time.perf_counter() - start)
    best = {k: min(v) for k, v in times.items()}
    print(f"== speed: {len(gold)} notes ({', '.join(f'{k} {len(v)}' for k, v in by_lang.items())}), best of {repeat} ==")
    for key, t in best.items():
        print(f"{key:<30} {len(gold) / t:8.1f} notes/s")
    bare = best["bare spaCy (nlp.pipe)"]
    print(f"ratio ours/bare spaCy (time): {best['ours (anonymize_many)'] / bare:.2f}x")
    if with_presidio:
        print(f"ratio presidio/bare spaCy (time): {best['presidio (analyze_iterator)'] / bare:.2f}x")
    if sm_alone:  # the stricter reading: the trained span models count as ours, not as spaCy's
        print(f"ratio ours/sm pipelines alone (time): {best['ours (anonymize_many)'] / best['sm pipelines alone (nlp.pipe)']:.2f}x")


def peak_rss_mb() -> float:
    """Peak RSS (MB) of a fresh process that loads both pipelines and anonymizes one note."""
    code = ("import resource,sys; sys.path.insert(0, %r); from anonymizer import build_engine; "
            "build_engine().anonymize('Jo Smith (Bluewater Alliance) said hello.'); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)") % str(ROOT)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return int(out.strip().splitlines()[-1]) / 1024.0


def main(argv=None) -> int:
    """Accuracy on every corpus, then speed, then (on request) memory."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", default=[], metavar="NAME=DIR")
    ap.add_argument("--repeat", type=int, default=2, help="timing repetitions (best is reported)")
    ap.add_argument("--no-presidio", action="store_true")
    ap.add_argument("--memory", action="store_true", help="also measure peak RSS in a fresh process")
    ap.add_argument("--model-en", default=None)
    ap.add_argument("--model-fr", default=None)
    args = ap.parse_args(argv)
    corpora = [(c.split("=", 1)[0], Path(c.split("=", 1)[1])) for c in args.corpus] or DEFAULT_CORPORA
    corpora = [(n, p) for n, p in corpora if (p / "notes.jsonl").exists()]
    pipelines = load_pipelines(args.model_en, args.model_fr)
    accuracy(corpora, pipelines, not args.no_presidio)
    speed(corpora, pipelines, args.repeat, not args.no_presidio, sm_pipelines_alone(args.model_en, args.model_fr))
    if args.memory:
        print(f"peak RSS, fresh process, EN+FR engine after one note: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
