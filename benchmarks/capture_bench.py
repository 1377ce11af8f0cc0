"""Time the rapporteur's preview and submit routes for a 300-word note, single client.

    cd /work/main && .venv/bin/python benchmarks/capture_bench.py [--repeat 30] [--warmup 3] [--words 300]

Builds a throw-away instance (temporary SQLite file, migrated) with the demo conference,
roster, allow-list and codebook, signs in a rapporteur with the Flask test client (in-process:
no network, no server threads; the figures are the app's own time, WSGI included) and, after
warm-up requests (spaCy models, roster engine, theme suggester), times:
  - POST /capture/<session>/<group>/preview   the whole note, anonymized with reasons;
  - POST /capture/<session>/<group>/submit    the previewed ideas, anonymized again and stored, a fresh
                                              submission key each time;
  - the same submit retried with its key      (idempotent replay: nothing stored);
  - the theme-suggestion job that submit queued (run in-process, as the worker would).
Prints median and 95th percentile latencies. Notes are generated from generic sentence parts and
the demo roster's invented names (no corpus text).
"""
from __future__ import annotations

import random
import statistics
import time
import uuid

from bench_support import note_bench_args, seed_demo_capture, signed_in_rapporteur, summary, throwaway_app  # also puts the project on sys.path

OPENERS = ["{name} said that", "{name} ({org}) argued that", "According to {name},", "The group agreed that",
           "Several participants stressed that", "{name} from {org} noted that", "It was suggested that"]
CLAIMS = ["the next plan should fund grassroots women's organizations with stable multi-year money",
          "every partner department must publish yearly data on women in senior security posts",
          "shelters in rural and northern communities need core funding rather than project grants",
          "police services should train staff on trauma-informed responses to gender-based violence",
          "targets for women in peacekeeping should come with baselines and independent reviews",
          "Indigenous women's leadership must shape the actions from the start, not after consultation",
          "climate risks for displaced women belong in the prevention pillar of the plan",
          "online harassment of women human rights defenders needs its own indicator",
          "embassies should report on how many local women's groups they consult each year",
          "the plan needs a gender analysis of each budget line before money is committed"]
CONTACTS = ["Write to {first}.{last}@example.org for the data.", "Call 613-555-{n:04d} for the report."]


def make_note(words: int, roster: list[tuple[str, str]], rng: random.Random) -> str:
    """A bulleted note of about `words` words, with roster names, affiliations and contacts."""
    bullets: list[str] = []
    count = 0
    while count < words:
        name, org = rng.choice(roster)
        sentence = rng.choice(OPENERS).format(name=name, org=org or "a partner") + " " + rng.choice(CLAIMS) + "."
        if rng.random() < 0.2:
            first, last = (name.split() + ["x"])[:2]
            sentence += " " + rng.choice(CONTACTS).format(first=first.lower(), last=last.lower(), n=rng.randint(0, 9999))
        bullets.append("- " + sentence)
        count += len(sentence.split())
    return "\n".join(bullets) + "\n"



def main() -> None:
    """Build the instance, warm up, time preview and submit, print the figures."""
    args = note_bench_args(__doc__.splitlines()[0])
    rng = random.Random(args.seed)

    with throwaway_app("capture-bench-", WTF_CSRF_ENABLED=False) as app:
        with app.app_context():
            prefix, roster, conference = seed_demo_capture(app)
            themes = len(conference.themes)

        client = signed_in_rapporteur(app)

        # Theme suggestions run in the job queue after submit, not inside it: the benchmark runs the
        # queued jobs itself after each submit and times them apart.
        from app.services import jobs

        notes = [make_note(args.words, roster, rng) for _ in range(args.warmup + args.repeat)]
        words = statistics.mean(len(n.split()) for n in notes)
        print(f"Capture benchmark: Flask test client (in-process), single client, notes of ~{words:.0f} words "
              f"({len(roster)}-entry demo roster, {themes}-theme codebook), {args.warmup} warm-up + "
              f"{args.repeat} timed requests per route")

        start = time.perf_counter()
        first = client.post(prefix + "/preview", json={"text": notes[0]})
        assert first.status_code == 200, first.get_json()
        print(f"  first preview (loads spaCy models, builds engine)  {time.perf_counter() - start:8.2f} s")
        start = time.perf_counter()
        first_submit = client.post(prefix + "/submit", json={"submission_key": str(uuid.uuid4()),
                                                             "ideas": first.get_json()["ideas"]})
        assert first_submit.status_code == 201, first_submit.get_json()
        print(f"  first submit                                       {time.perf_counter() - start:8.2f} s")
        start = time.perf_counter()
        with app.app_context():
            jobs.run_pending("bench")
        print(f"  first theme-suggestion job (builds the suggester)  {time.perf_counter() - start:8.2f} s")

        preview_times: list[float] = []
        submit_times: list[float] = []
        replay_times: list[float] = []
        job_times: list[float] = []
        ideas_per_note: list[int] = []
        for n, note in enumerate(notes[1:]):
            start = time.perf_counter()
            previewed = client.post(prefix + "/preview", json={"text": note})
            preview_elapsed = time.perf_counter() - start
            assert previewed.status_code == 200, previewed.get_json()
            body = {"submission_key": str(uuid.uuid4()), "ideas": previewed.get_json()["ideas"]}
            start = time.perf_counter()
            stored = client.post(prefix + "/submit", json=body)
            submit_elapsed = time.perf_counter() - start
            assert stored.status_code == 201, stored.get_json()
            start = time.perf_counter()
            replay = client.post(prefix + "/submit", json=body)
            replay_elapsed = time.perf_counter() - start
            assert replay.status_code == 200 and replay.get_json()["replayed"]
            start = time.perf_counter()
            with app.app_context():
                ran = jobs.run_pending("bench")
            job_elapsed = time.perf_counter() - start
            assert ran >= 1, "submit queued no theme-suggestion job"
            if n >= args.warmup - 1:
                preview_times.append(preview_elapsed)
                submit_times.append(submit_elapsed)
                job_times.append(job_elapsed)
                replay_times.append(replay_elapsed)
                ideas_per_note.append(len(body["ideas"]))
        print(f"  preview, {args.words}-word note                        {summary(preview_times)}")
        print(f"  submit, same note as ~{statistics.mean(ideas_per_note):.0f} ideas               "
              f"{summary(submit_times)}")
        print(f"  theme suggestions for those ideas (job queue)      {summary(job_times)}")
        print(f"  submit retried with the same key (replay)          {summary(replay_times)}")


if __name__ == "__main__":
    main()
