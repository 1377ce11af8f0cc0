"""The flask commands an administrator runs to set up a conference."""
import json

from sqlalchemy import func, select

from app.extensions import db
from app.models import Conference, Role, Theme, User
from app.services import conference as setup


def test_create_user_command(app, runner):
    result = runner.invoke(args=["create-user", "newchair", "--role", "cochair", "--password", "a-long-password"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "newchair"))
        assert user.role is Role.COCHAIR and user.check_password("a-long-password")


def test_import_conference_json_and_bad_file(app, runner, tmp_path):
    good = tmp_path / "conf.json"
    good.write_text(json.dumps({"name": "Second", "groups": ["G1", "Group A"], "days": [
        {"sessions": [{"title": "Talk", "kind": "breakout"}]}], "themes": [{"code": "x1", "name": "Theme"}]}))
    result = runner.invoke(args=["import-conference", str(good)])
    assert result.exit_code == 0 and "Dry run: nothing was changed" in result.output
    assert "Sessions: 1 added, 0 changed, 4 removed" in result.output
    result = runner.invoke(args=["import-conference", str(good), "--yes"])
    assert result.exit_code == 0, result.output
    assert "Imported Second: 1 day, 1 session, 3 groups (with the Plenary), 1 theme." in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Broken\ndays:\n  - sessions:\n      - {title: T, kind: lecture}\n")
    result = runner.invoke(args=["import-conference", str(bad)])
    assert result.exit_code != 0 and "plenary or breakout" in result.output
    with app.app_context():  # updated in place: still one conference
        assert db.session.scalar(select(func.count(Conference.id))) == 1
        assert setup.current_conference().name == "Second"


def test_import_roster_and_allowlist(app, runner, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,affiliation\nIlse Vandermeer,Some Collective\n", encoding="utf-8")
    allow = tmp_path / "allow.txt"
    allow.write_text("GAC\nUN Women\n", encoding="utf-8")
    assert runner.invoke(args=["import-roster", str(roster), "--yes"]).exit_code == 0
    assert runner.invoke(args=["import-allowlist", str(allow)]).exit_code == 0
    with app.app_context():
        conference = setup.current_conference()
        assert setup.roster_size(conference) == 1
        assert setup.allowlist_terms(conference) == ["GAC", "UN Women"]


def test_seed_demo_creates_conference_and_prints_accounts(tmp_path):
    from app import create_app

    instance = tmp_path / "instance"
    app = create_app({"TESTING": True, "INSTANCE_PATH_OVERRIDE": str(instance),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'demo.sqlite'}"})
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    for username in ("admin", "cochair", "drafter", "rapporteur"):
        assert username in result.output
    with app.app_context():
        conference = setup.current_conference()
        assert len(conference.days) == 2
        assert db.session.scalar(select(func.count(Theme.id))) == 13
        breakouts = [g for g in conference.groups if not g.is_plenary]
        assert len(breakouts) == 8
        sections = {s.plan_section for d in conference.days for s in d.sessions if s.plan_section}
        assert sections == {"partners", "baselines", "targets", "actions", "indicators"}
        assert setup.roster_size(conference) > 20
        # The roster is readable only with the key in instance/.
        assert (instance / "encryption.key").exists()
    again = app.test_cli_runner().invoke(args=["seed-demo"])
    assert again.exit_code == 0 and "already present" in again.output
