"""Time the co-chairs' review with 2,000 ideas: suggestions as ideas arrive, same-proposal grouping,
and the review page, live-queue poll and dashboard.

    cd /work/main && .venv/bin/python benchmarks/review_bench.py [--ideas 2000] [--repeat 30] [--seed 11]

Builds a throw-away instance (temporary SQLite file, migrated) with the demo conference and codebook,
then stores ideas synthesized from generic sentence parts (no corpus text), the way capture does: a
note of a few ideas at a time, each note followed by `attach_suggestions`. Prints median and 95th
percentile times of repeated requests made with the Flask test client, signed in as a co-chair.
"""
from __future__ import annotations

import argparse
import os
import itertools
import random
import time
import uuid

from bench_support import summary, throwaway_app  # also puts the project on sys.path

ACTORS = ["The next plan", "Each department", "The government", "Partner departments", "Local programs",
          "Every mission abroad", "The national strategy", "Funding programs", "Police services",
          "The armed forces", "Embassies", "Civil society networks"]
ACTIONS = ["should fund", "must measure", "should report on", "has to protect", "should support",
           "must consult", "should track", "needs to train staff on", "should set targets for",
           "must publish data on"]
TOPICS = ["women's participation in peace negotiations", "survivors of gender-based violence",
          "grassroots women's organizations", "women serving in peacekeeping", "girls' schooling in crises",
          "community mediation networks", "shelters in rural areas", "a gender analysis of each budget line",
          "women in senior security posts", "climate risks for displaced women", "refugee women's health",
          "online harassment of activists", "Indigenous women's leadership", "disarmament programs",
          "early warning of violence", "small arms control"]
TAILS = ["every year.", "before the plan ends.", "with clear targets.", "in every region.",
         "through independent reviews.", "with stable multi-year funding.", "and publish the results.",
         "from the start.", "with baseline figures.", "together with partners abroad."]
FRENCH = ["Le plan devrait financer {t} chaque année.", "Il faut mesurer les progrès pour {t}.",
          "Les ministères doivent consulter les organisations de femmes sur {t}."]
FRENCH_TOPICS = ["la participation des femmes", "les survivantes de violence", "les refuges en région",
                 "la médiation communautaire", "la santé des réfugiées"]


def synthesize(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """Distinct generic (text, lang) ideas, about one in twelve in French."""
    combos = list(itertools.product(ACTORS, ACTIONS, TOPICS, TAILS))
    rng.shuffle(combos)
    french = [tpl.format(t=topic) for tpl in FRENCH for topic in FRENCH_TOPICS]
    ideas: list[tuple[str, str]] = []
    for n, parts in enumerate(combos):
        if len(ideas) >= count:
            break
        if n % 12 == 11 and french:
            ideas.append((french[n // 12 % len(french)] + f" (point {n})", "fr"))
        else:
            ideas.append((" ".join(parts), "en"))
    return ideas



def timed(fn) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    """Build the database, time the suggestions and the pages, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    from flask_migrate import upgrade

    from app.extensions import db
    from app.models import Idea, IdeaStatus, Role, Session, User
    from app.services import conference as setup
    from app.services import review
    from app.services.nlp import idea_themes
    from app.services.accounts import create_user
    from app.services.review.codebook import load_default_codebook

    with throwaway_app("review-bench-", WTF_CSRF_ENABLED=False) as app:
        with app.app_context():
            upgrade()
            groups = [f"Group {letter}" for letter in "ABCDEFGH"]
            conference = setup.import_conference({
                "name": "Benchmark consultation", "groups": groups,
                "days": [{"number": 1, "sessions": [{"title": "Opening", "kind": "plenary"},
                                                    {"title": "Priorities", "kind": "breakout"},
                                                    {"title": "Lessons", "kind": "breakout"}]},
                         {"number": 2, "sessions": [{"title": s.title(), "kind": "breakout", "plan_section": s}
                                                    for s in ("partners", "baselines", "targets", "actions",
                                                              "indicators")]}],
                "themes": [{"code": t.code, "name": t.name, "description": t.description,
                            "keywords": list(t.keywords), "kind": t.kind} for t in load_default_codebook()],
            })
            create_user("bench-cochair", "correct-horse-battery", Role.COCHAIR)
            db.session.commit()
            sessions = list(db.session.query(Session).all())
            breakouts = [s for s in sessions if s.kind.value == "breakout"]
            plenary_session = next(s for s in sessions if s.kind.value == "plenary")
            group_rows = {g.label: g for g in conference.groups}

            print(f"Review benchmark: {args.ideas} synthesized ideas, codebook of "
                  f"{len(conference.themes)} themes, {len(groups)} groups + plenary; "
                  f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", flush=True)
            start = time.perf_counter()
            idea_themes.suggester_for(conference)
            print(f"  suggester, cold build (models + codebook)          {time.perf_counter() - start:8.2f} s", flush=True)

            single: list[float] = []
            per_note: list[float] = []
            per_idea_in_note: list[float] = []
            texts = synthesize(args.ideas, rng)
            position = 0
            while position < len(texts):
                size = 1 if position < 100 else rng.randint(3, 8)
                batch = texts[position:position + size]
                session = plenary_session if rng.random() < 0.1 else rng.choice(breakouts)
                group = group_rows["Plenary"] if session is plenary_session else group_rows[rng.choice(groups)]
                key = str(uuid.uuid4())
                ideas = [Idea(conference_id=conference.id, session_id=session.id, group_id=group.id, text=text,
                              lang=lang, submission_key=key, position=n) for n, (text, lang) in enumerate(batch)]
                db.session.add_all(ideas)
                db.session.flush()
                elapsed = timed(lambda: idea_themes.attach_suggestions(conference, ideas))
                db.session.commit()
                if size == 1:
                    single.append(elapsed)
                else:
                    per_note.append(elapsed)
                    per_idea_in_note.append(elapsed / size)
                position += size
                if position // 500 != (position - size) // 500:
                    print(f"    ... {position} ideas stored", flush=True)
            print(f"  attach_suggestions, one idea                      {summary(single)}")
            print(f"  attach_suggestions, a note of 3-8 ideas           {summary(per_note)}")
            print(f"  attach_suggestions, per idea within a note        {summary(per_idea_in_note)}")

            # Some review has happened: decisions, confirmations.
            cochair = db.session.query(User).filter_by(username="bench-cochair").one()
            all_ideas = db.session.query(Idea).order_by(Idea.id).all()
            for idea in rng.sample(all_ideas, len(all_ideas) // 4):
                review.approve(cochair, idea)
                if idea.themes:
                    review.confirm_theme(cochair, idea, idea.themes[0].theme)
            for idea in rng.sample(all_ideas, len(all_ideas) // 40):
                idea.status = IdeaStatus.REJECTED
            db.session.commit()

            rename_theme = conference.themes[0]
            start = time.perf_counter()
            review.update_theme(cochair, rename_theme, rename_theme.name + " (renamed)")
            db.session.flush()
            idea_themes.suggester_for(conference)
            rebuild = time.perf_counter() - start
            start = time.perf_counter()
            refreshed = review.refresh_suggestions(conference)
            db.session.commit()
            print(f"  codebook rename: suggester rebuild                {rebuild:8.2f} s")
            print(f"  codebook rename: re-rank {refreshed:4d} waiting ideas       {time.perf_counter() - start:8.2f} s")

            try:
                start = time.perf_counter()
                found = review.detect_proposals(cochair, conference)
                db.session.commit()
                print(f"  same-proposal grouping of all ideas               {time.perf_counter() - start:8.2f} s"
                      f"  ({found} suggested)")
            except ImportError as error:
                print(f"  same-proposal grouping: skipped ({error})")

            start = time.perf_counter()
            candidates = review.emerging_candidates(conference)
            print(f"  emerging candidates, first computation            {time.perf_counter() - start:8.2f} s"
                  f"  ({len(candidates)} clusters)")
            cursor = review.latest_idea_id(conference)

        client = app.test_client()
        response = client.post("/auth/login", data={"username": "bench-cochair", "password": "correct-horse-battery"})
        assert response.status_code == 302, "bench co-chair could not sign in"

        def page(url: str) -> None:
            got = client.get(url)
            assert got.status_code == 200, (url, got.status_code)

        for label, url in [
            ("review page (queue, 100 newest waiting)", "/review/queue"),
            ("review page, all statuses", "/review/queue?status=all"),
            ("queue JSON poll, nothing new", f"/review/queue.json?since={cursor}"),
            ("queue JSON poll, 20 new ideas", f"/review/queue.json?since={cursor - 20}"),
            ("dashboard", "/review/"),
            ("theme codebook page", "/review/themes"),
            ("same-proposal page", "/review/proposals"),
        ]:
            page(url)  # warm-up
            samples = [timed(lambda: page(url)) for _ in range(args.repeat)]
            print(f"  {label:<48}  {summary(samples)}")


if __name__ == "__main__":
    main()
