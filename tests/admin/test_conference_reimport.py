"""Finding 1 of issue 11: importing the conference again updates it in place by stable keys, never
detaches ideas or assignments, shows a dry run first, and refuses removals that hold ideas unless they move."""
from __future__ import annotations

import copy
import io
import uuid
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from app.extensions import db
from app.models import (
    Assignment, BreakoutGroup, Conference, Idea, IdeaStatus, IdeaTheme, Role, Session, Theme, User,
)
from app.services import conference as setup
from app.services.review.codebook import load_default_codebook
from app.services.conference.transfer import export_setup_yaml

DATA = Path(__file__).resolve().parents[2] / "app" / "data"


def _demo_data() -> dict:
    data = setup.parse_conference_file((DATA / "demo_conference.yaml").read_text(encoding="utf-8"))
    data["themes"] = [t.__dict__ | {"keywords": list(t.keywords)} for t in load_default_codebook()]
    return data


def _idea(session: Session, group: BreakoutGroup, text: str) -> Idea:
    idea = Idea(conference_id=group.conference_id, session_id=session.id, group_id=group.id, text=text, lang="en",
                status=IdeaStatus.SUBMITTED, submission_key=str(uuid.uuid4()), position=0)
    db.session.add(idea)
    return idea


def _counts() -> dict[str, int]:
    return {name: db.session.scalar(select(func.count()).select_from(model)) for name, model in
            (("conferences", Conference), ("ideas", Idea), ("assignments", Assignment), ("tags", IdeaTheme))}


def _links() -> set[tuple]:
    """Every idea with its session title, group label and theme codes: what a co-chair would see."""
    return {(i.text, i.session.title, i.group.label, tuple(sorted(t.theme.code for t in i.themes)))
            for i in db.session.scalars(select(Idea))} | {
        (a.user.username, a.group.label) for a in db.session.scalars(select(Assignment))}


def test_reimporting_the_demo_conference_twice_loses_no_idea_or_assignment(app, runner, tmp_path):
    with app.app_context():
        data = _demo_data()
        setup.import_conference(data)  # the test conference's sessions are not in the demo: none holds an idea yet
        conference = setup.current_conference()
        sessions = [s for d in conference.days for s in d.sessions]
        groups = {g.label: g for g in conference.groups}
        theme = db.session.scalar(select(Theme).where(Theme.conference_id == conference.id).limit(1))
        for number, session in enumerate(sessions[:6]):
            idea = _idea(session, groups[f"Group {'ABCDEF'[number]}"], f"Idea number {number} about funding")
            db.session.flush()
            db.session.add(IdeaTheme(idea_id=idea.id, theme_id=theme.id, rank=0, confidence=0.5, confirmed=True))
        user = db.session.scalar(select(User).where(User.role == Role.RAPPORTEUR))
        db.session.add(Assignment(user_id=user.id, group_id=groups["Group H"].id))
        db.session.commit()
        before, links = _counts(), _links()
        assert before["ideas"] == 6 and before["assignments"] >= 3 and before["tags"] == 6
    path = tmp_path / "demo.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for attempt in (1, 2):
        result = runner.invoke(args=["import-conference", str(path), "--yes"])
        assert result.exit_code == 0, result.output
        assert "Sessions: 0 added, 0 changed, 0 removed" in result.output
        assert "Groups: 0 added, 0 changed, 0 removed" in result.output
        with app.app_context():
            after = _counts()
            lost = {k: before[k] - after[k] for k in ("ideas", "assignments", "tags")}
            print(f"re-import {attempt}: ideas lost {lost['ideas']}, assignments lost {lost['assignments']}, "
                  f"theme tags lost {lost['tags']}, conferences {after['conferences']}")
            assert lost == {"ideas": 0, "assignments": 0, "tags": 0} and after["conferences"] == 1
            assert _links() == links


def test_dry_run_shows_the_diff_and_changes_nothing(app, runner, tmp_path):
    with app.app_context():
        data = copy.deepcopy(_test_conference())
    data["groups"].append("Group D")
    data["days"][0]["sessions"][1]["title_fr"] = "Thèmes"
    data["days"][0]["sessions"][1]["starts_at"] = "10:30"
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(args=["import-conference", str(path)])
    assert result.exit_code == 0, result.output
    assert "Sessions: 0 added, 1 changed, 0 removed" in result.output
    assert "Groups: 1 added, 0 changed, 0 removed" in result.output
    assert "changed: Sessions · Themes (title_fr, starts_at)" in result.output
    assert "Dry run: nothing was changed" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(BreakoutGroup.id))) == 4  # A, B, C and the Plenary


def _test_conference() -> dict:
    from tests.conftest import TEST_CONFERENCE

    return copy.deepcopy(TEST_CONFERENCE)


def test_removing_a_group_with_ideas_is_refused_unless_they_move(app, runner, tmp_path):
    with app.app_context():
        conference = setup.current_conference()
        group_b = next(g for g in conference.groups if g.label == "Group B")
        session = conference.days[0].sessions[1]
        _idea(session, group_b, "An idea raised in group B")
        db.session.commit()
    data = _test_conference()
    data["groups"] = ["Group A", "Group C"]
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    refused = runner.invoke(args=["import-conference", str(path), "--yes"])
    assert refused.exit_code == 1
    assert "cannot remove: Groups · Group B holds 1 ideas" in refused.output
    assert refused.output.strip().splitlines()[-1].startswith("Error: Not applied: removing Group B (1 in use)")
    with app.app_context():
        assert db.session.scalar(select(func.count(BreakoutGroup.id)).where(BreakoutGroup.label == "Group B")) == 1
    moved = runner.invoke(args=["import-conference", str(path), "--yes", "--move", "group:Group B=Group C"])
    assert moved.exit_code == 0, moved.output
    assert "removed: Groups · Group B; its 1 ideas, drafts or assignments move to Group C" in moved.output
    with app.app_context():
        idea = db.session.scalar(select(Idea).where(Idea.text == "An idea raised in group B"))
        assert idea.group.label == "Group C"
        assert sorted(g.label for g in setup.current_conference().groups) == ["Group A", "Group C", "Plenary"]


def test_a_session_with_a_code_keeps_its_ideas_when_renamed(app):
    with app.app_context():
        data = _test_conference()
        data["days"][0]["sessions"][1]["code"] = "D1-THEMES"
        setup.import_conference(data)
        conference = setup.current_conference()
        session = next(s for s in conference.days[0].sessions if s.code == "D1-THEMES")
        group = conference.groups[0]
        _idea(session, group, "An idea in the themes session")
        db.session.commit()
        data["days"][0]["sessions"][1]["title"] = "Principal and emerging themes"
        plan = setup.preview_import(data)
        assert [c.fields for c in plan.of("session", "changed")] == [("title",)] and not plan.blocked
        setup.import_conference(data)
        idea = db.session.scalar(select(Idea).where(Idea.text == "An idea in the themes session"))
        assert idea.session.title == "Principal and emerging themes" and idea.session_id == session.id


def test_a_theme_with_tagged_ideas_cannot_silently_go(app):
    with app.app_context():
        conference = setup.current_conference()
        idea = _idea(conference.days[0].sessions[1], conference.groups[0], "Fund women's groups for years")
        db.session.flush()
        res = next(t for t in conference.themes if t.code == "RES")
        db.session.add(IdeaTheme(idea_id=idea.id, theme_id=res.id, rank=0, confidence=0.9, confirmed=True))
        db.session.commit()
        data = _test_conference()
        data["themes"] = [t for t in data["themes"] if t["code"] != "RES"]
        with pytest.raises(setup.SetupError, match="Resources and funding \\(1 in use\\)"):
            setup.import_conference(data)
        db.session.rollback()
        setup.import_conference(data, {("theme", "RES"): "PART"})
        tag = db.session.scalar(select(IdeaTheme).where(IdeaTheme.idea_id == idea.id))
        assert tag.theme.code == "PART"


def test_a_file_without_themes_leaves_the_codebook_and_says_why(app, runner, tmp_path):
    data = _test_conference()
    del data["themes"]
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(args=["import-conference", str(path), "--yes"])
    assert result.exit_code == 0, result.output
    assert "Themes: none in this file, the codebook is left as it is (the codebook is a separate file" in result.output
    with app.app_context():
        assert len(setup.current_conference().themes) == 3


def test_export_of_the_setup_imports_into_a_fresh_install_and_back_unchanged(app, runner, tmp_path):
    with app.app_context():
        text = export_setup_yaml(setup.current_conference())
    assert "Odalys" not in text and "allowlist:" in text and "code: D1-S1" in text
    path = tmp_path / "setup.yaml"
    result = runner.invoke(args=["export-setup", str(path)])
    assert result.exit_code == 0 and path.read_text(encoding="utf-8") == text
    again = runner.invoke(args=["import-conference", str(path)])
    assert "Sessions: 0 added, 4 changed, 0 removed" in again.output  # only the codes are new
    assert "(code)" in again.output
    with app.app_context():
        data = setup.parse_conference_file(text, "setup.yaml")
        assert [g for g in data["groups"]] == ["Group A", "Group B", "Group C"]
        assert {t["code"] for t in data["themes"]} == {"PART", "PREV", "RES"}


def test_cli_errors_are_one_plain_line_and_leave_no_account(app, runner):
    result = runner.invoke(args=["create-user", "newrap", "--password", "a-long-enough-password",
                                 "--group", "Group Z"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: No group labelled 'Group Z'."
    with app.app_context():
        assert db.session.scalar(select(User).where(User.username == "newrap")) is None
    made = runner.invoke(args=["create-user", "newrap", "--password", "a-long-enough-password", "--group", "group b"])
    assert made.exit_code == 0 and "Created rapporteur 'newrap'." in made.output  # rapporteur by default
    missing = runner.invoke(args=["export-setup", "/nonexistent/folder/setup.yaml"])
    assert missing.exit_code == 1 and len(missing.output.strip().splitlines()) == 1
    assert "Cannot write /nonexistent/folder/setup.yaml" in missing.output


def test_admin_downloads_the_setup_and_its_preview_changes_nothing(app, admin_client):
    response = admin_client.get("/admin/setup.yaml")
    assert response.status_code == 200 and response.mimetype == "application/yaml"
    text = response.get_data(as_text=True)
    assert "Group A" in text and "code: PART" in text and "Odalys" not in text
    page = admin_client.post("/admin/conference", data={"conference_file": (io.BytesIO(text.encode()), "s.yaml")},
                             content_type="multipart/form-data").get_data(as_text=True)
    assert "Sessions: 0 added, 4 changed, 0 removed" in page and "Groups: 0 added, 0 changed, 0 removed" in page
    with app.app_context():
        assert all(s.code is None for d in setup.current_conference().days for s in d.sessions)
