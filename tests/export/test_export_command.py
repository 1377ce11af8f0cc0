"""`flask export` for scripted use: same files, same final check, same record."""
from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest
from docx import Document
from sqlalchemy import select

from app.export.commands import EXIT_REFUSED
from app.extensions import db
from app.models import AuditEvent
from app.models_export import ExportRecord
from tests.export.export_seed import FIGURES_IDEA, PLANTED_NAME_IDEA, add_idea, seed_report


@pytest.fixture
def seeded(app):
    """The seeded report."""
    with app.app_context():
        return seed_report()


def test_cli_writes_each_format_and_records_it(app, seeded, runner, tmp_path):
    for name in ("docx", "md", "csv", "json"):
        out = tmp_path / f"report.{name}"
        result = runner.invoke(args=["export", "--format", name, "--out", str(out), "--day", "2"])
        assert result.exit_code == 0, result.output
        content = out.read_bytes()
        assert hashlib.sha256(content).hexdigest() in result.output
    assert Document(str(tmp_path / "report.docx")).paragraphs[0].text == "Test consultation"
    assert FIGURES_IDEA in (tmp_path / "report.md").read_text()
    rows = list(csv.DictReader(io.StringIO((tmp_path / "report.csv").read_text(encoding="utf-8-sig"))))
    assert {r["day"] for r in rows} == {"2"}
    assert json.loads((tmp_path / "report.json").read_text())["filters"]["day"] == 2
    with app.app_context():
        records = list(db.session.scalars(select(ExportRecord)))
        assert [r.format for r in records] == ["docx", "md", "csv", "json"]
        assert all(r.user_id is None and r.filters["day"] == 2 for r in records)
        events = list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "export")))
        assert len(events) == 4 and {e.detail["via"] for e in events} == {"cli"}


def test_cli_records_the_drafter_when_named(app, seeded, runner, tmp_path):
    result = runner.invoke(args=["export", "--format", "json", "--out", str(tmp_path / "x.json"),
                                 "--user", "drafter", "--theme", "PART"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        record = db.session.scalar(select(ExportRecord))
        assert record.user.username == "drafter" and record.filters["theme"] == "PART"
    refused = runner.invoke(args=["export", "--format", "json", "--out", str(tmp_path / "y.json"),
                                  "--user", "rapporteur"])
    assert refused.exit_code != 0 and "No drafter account" in refused.output


def test_cli_refuses_a_planted_roster_name(app, seeded, runner, tmp_path):
    with app.app_context():
        planted = add_idea(PLANTED_NAME_IDEA, "Themes", "Group B", ("RES",)).id
    out = tmp_path / "report.csv"
    result = runner.invoke(args=["export", "--format", "csv", "--out", str(out)])
    assert result.exit_code == EXIT_REFUSED
    assert f"idea {planted}" in result.output and "PERSON" in result.output
    assert "Odalys" not in result.output  # ids and labels only, never the words
    assert not out.exists()
    with app.app_context():
        assert db.session.scalar(select(ExportRecord)) is None


def test_cli_rejects_bad_filters(app, seeded, runner, tmp_path):
    result = runner.invoke(args=["export", "--format", "md", "--out", str(tmp_path / "r.md"), "--theme", "NOPE"])
    assert result.exit_code == 1 and "no theme NOPE" in result.output
    result = runner.invoke(args=["export", "--format", "pdf", "--out", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2


def _nothing_recorded(app) -> None:
    with app.app_context():
        assert db.session.scalar(select(ExportRecord)) is None
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export")) is None


def test_cli_error_for_a_missing_directory_is_one_plain_line(app, seeded, runner):
    result = runner.invoke(args=["export", "--format", "docx", "--out", "/nonexistent/x.docx"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines == ["Error: Cannot write /nonexistent/x.docx: No such file or directory. "
                     "Nothing was exported or recorded."]
    assert "Traceback" not in result.output
    _nothing_recorded(app)


def test_cli_error_for_a_directory_as_output_leaves_no_file(app, seeded, runner, tmp_path):
    out_dir = tmp_path / "out"
    target = out_dir / "reports"
    target.mkdir(parents=True)
    result = runner.invoke(args=["export", "--format", "md", "--out", str(target)])
    assert result.exit_code != 0 and len(result.output.strip().splitlines()) == 1
    assert "Nothing was exported or recorded." in result.output
    assert list(target.iterdir()) == [] and [p.name for p in out_dir.iterdir()] == ["reports"]
    _nothing_recorded(app)


def test_cli_error_in_french(app, seeded, runner, monkeypatch):
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    result = runner.invoke(args=["export", "--format", "csv", "--out", "/nonexistent/x.csv", "--lang", "fr"])
    assert result.exit_code == 1 and "Rien n'a été exporté ni enregistré." in result.output
    _nothing_recorded(app)


def test_cli_export_after_a_failure_records_only_the_success(app, seeded, runner, tmp_path):
    runner.invoke(args=["export", "--format", "json", "--out", "/nonexistent/x.json"])
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "x.json"
    result = runner.invoke(args=["export", "--format", "json", "--out", str(out)])
    assert result.exit_code == 0 and json.loads(out.read_text())["schema"] == "chatham-capture-export/1"
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in out.parent.iterdir()] == ["x.json"]  # no temporary file left beside it
    with app.app_context():
        assert len(list(db.session.scalars(select(ExportRecord)))) == 1
