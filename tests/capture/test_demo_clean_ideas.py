"""Issue 12's demo check: after `flask init-db && flask seed-demo`, a rapporteur who submits the
preview's clean ideas (what the capture page submits by default) never stores an idea that starts
with a person or organization placeholder.

The notes are written here from generic sentences and the demo's invented roster (app/data).
"""
import csv
import re

from sqlalchemy import select

from app.extensions import db
from app.models import BreakoutGroup, Idea, Session

SENTENCES = [
    "{name} ({org}) said the next plan should fund grassroots women's organizations for five years.",
    "{name} from {org} argued that shelters in northern communities need core funding.",
    "According to {name}, every department must publish yearly data on women in senior security posts.",
    "{name} proposed an independent ombudsperson for the plan.",
    "{org} should report each year on how many local women's groups it consults, said {name}.",
    "{name} agreed; she said police services already train staff on trauma-informed responses.",
    "As {name} put it, targets need baselines and independent reviews.",
]
LEADING_PLACEHOLDER = re.compile(r"^\s*\[(Participant|Organization)\b")


def _demo_app(tmp_path):
    from app import create_app

    instance = tmp_path / "instance"
    app = create_app({"TESTING": True, "INSTANCE_PATH_OVERRIDE": str(instance), "WTF_CSRF_ENABLED": False,
                      "RATELIMIT_ENABLED": False, "SECRET_KEY": "demo-check",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'demo.sqlite'}"})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["init-db"]).exit_code == 0
    seeded = runner.invoke(args=["seed-demo"])
    assert seeded.exit_code == 0, seeded.output
    password = re.search(r"Rapporteur\s+rapporteur\s+(\S+)", seeded.output).group(1)
    return app, password


def test_no_stored_demo_idea_starts_with_a_placeholder(tmp_path):
    from app.cli import DATA_DIR

    app, password = _demo_app(tmp_path)
    roster = list(csv.DictReader((DATA_DIR / "demo_roster.csv").open(encoding="utf-8")))
    client = app.test_client()
    assert client.post("/auth/login", data={"username": "rapporteur", "password": password}).status_code == 302
    with app.app_context():
        group = db.session.scalar(select(BreakoutGroup).where(BreakoutGroup.label == "Group A"))
        session = next(s for s in db.session.scalars(select(Session)) if s.kind.value == "breakout")
        base = f"/capture/{session.id}/{group.id}"
    for n in range(3):
        people = roster[n * 4:(n + 1) * 4] or roster[:4]
        note = "\n".join("- " + s.format(name=people[k % 4]["name"], org=people[k % 4]["affiliation"])
                         for k, s in enumerate(SENTENCES))
        preview = client.post(base + "/preview", json={"text": note}).json
        ideas = preview["clean_ideas"]
        assert len(ideas) >= 4
        response = client.post(base + "/submit", json={
            "submission_key": f"k-demo-check-{n:04d}", "ideas": [i["text"] for i in ideas],
            "idea_meta": [{"kind": i["kind"], "support": i["support"]} for i in ideas]})
        assert response.status_code == 201, response.json
    with app.app_context():
        stored = [i.text for i in db.session.scalars(select(Idea))]
    assert len(stored) >= 12
    assert [t for t in stored if LEADING_PLACEHOLDER.match(t)] == []
    assert any(t.startswith("Shelters in northern communities need core funding") for t in stored)
    assert not any(p["name"].split()[-1] in t for p in roster for t in stored)
