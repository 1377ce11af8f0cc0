"""Time the rapporteur's preview for a 300-word note, and what clean-idea extraction adds to it.

    .venv/bin/python benchmarks/preview_bench.py [--repeat 30] [--warmup 3] [--words 300]

A throw-away instance (temporary SQLite, migrated) with the demo conference, roster and allow-list;
a rapporteur signed in with the Flask test client (in-process, WSGI included) and the real engine.
After warm-up it prints:
  1. POST /capture/<session>/<group>/preview   median and p95 (the bar: p95 <= 150 ms);
  2. the anonymizer engine alone (for scale); the same preview without clean ideas (build_preview(with_clean_ideas=False)), and with them;
  3. extraction alone per note: on the engine's handed-over parse (project_parse) and, for
     comparison, re-parsing the anonymized text (parse_anonymized), as before.
Notes come from benchmarks/capture_bench.py's generic sentence parts and the demo's invented roster.
"""
from __future__ import annotations

import random
import time

from bench_support import note_bench_args, seed_demo_capture, signed_in_rapporteur, summary, throwaway_app  # also puts the project on sys.path
from capture_bench import make_note


def _time_routes(client, prefix: str, notes: list[str], warmup: int) -> list[float]:
    """Preview each note through the route; the timings after warm-up."""
    samples = []
    for n, note in enumerate(notes):
        start = time.perf_counter()
        response = client.post(prefix + "/preview", json={"text": note})
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, response.status_code
        if n >= warmup:
            samples.append(elapsed)
    return samples


def _time_services(app, notes: list[str]) -> dict[str, list[float]]:
    """The preview with and without clean ideas, and extraction alone on a handed-over or a new parse."""
    from anonymizer.ideas import parse_anonymized, project_parse
    from app.services.anonymization import anonymize, current_anonymizer_settings, pipelines
    from app.services.capture.clean_ideas import _extractor
    from app.services.capture.preview import build_preview, replaced_pieces
    from app.services.capture.segments import compose, segments_of
    from app.services.conference import current_conference

    times: dict[str, list[float]] = {k: [] for k in ("engine", "without", "with", "projected", "reparsed")}
    with app.test_request_context():
        settings, conference = current_anonymizer_settings(), current_conference()
        extractor, nlp = _extractor(settings), pipelines(settings)["en"]
        for note in notes:
            start = time.perf_counter()
            anonymize(note, conference, settings)
            times["engine"].append(time.perf_counter() - start)
            for key, flag in (("without", False), ("with", True)):
                start = time.perf_counter()
                build_preview(note, conference, settings, with_clean_ideas=flag)
                times[key].append(time.perf_counter() - start)
            result = anonymize(note, conference, settings, keep_parse=True)
            assert result.doc is not None, "the engine did not hand its parse over"
            segments = segments_of(note, result.spans)
            clean = compose(segments)
            start = time.perf_counter()
            extractor.extract(clean, "en", parsed=project_parse(result.doc, clean, replaced_pieces(segments)))
            times["projected"].append(time.perf_counter() - start)
            start = time.perf_counter()
            extractor.extract(clean, "en", parsed=parse_anonymized(clean, nlp))
            times["reparsed"].append(time.perf_counter() - start)
    return times


def main() -> None:
    """Build the instance, warm up, time, print the figures."""
    args = note_bench_args(__doc__.splitlines()[0])
    rng = random.Random(args.seed)
    with throwaway_app("preview-bench-", WTF_CSRF_ENABLED=False, WARM_UP=False, RATELIMIT_ENABLED=False) as app:
        with app.app_context():
            prefix, roster, _conference = seed_demo_capture(app)
        client = signed_in_rapporteur(app)
        notes = [make_note(args.words, roster, rng) for _ in range(args.warmup + args.repeat)]
        words = sum(len(n.split()) for n in notes) / len(notes)
        print(f"Preview benchmark: Flask test client (in-process), real engine, notes of ~{words:.0f} words, "
              f"{args.warmup} warm-up + {args.repeat} timed")
        print(f"  POST preview (route, clean ideas included)   {summary(_time_routes(client, prefix, notes, args.warmup))}")
        times = _time_services(app, notes[args.warmup:])
        print(f"  the anonymizer engine alone                   {summary(times['engine'])}")
        print(f"  preview without clean ideas (service)         {summary(times['without'])}")
        print(f"  preview with clean ideas (service)            {summary(times['with'])}")
        print(f"  extraction on the engine's parse (projected)  {summary(times['projected'])}")
        print(f"  extraction re-parsing the anonymized note     {summary(times['reparsed'])}")


if __name__ == "__main__":
    main()
