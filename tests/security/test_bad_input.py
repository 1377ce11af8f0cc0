"""Bad input, through the real routes and commands: every case gets a 4xx (or a CLI error) with a
plain message, never a 500, never Python's own exception text, and nothing already saved is lost."""
from __future__ import annotations

import html
import io
import json

import pytest
from security_routes import build_url, route_cases, url_values
from sqlalchemy import func, select

from app.extensions import db
from app.models import Conference, User
from app.models_export import ExportRecord
from app.services import conference as setup
from app.services.capture import drafts
from app.services.accounts import find_user

LONE_SURROGATE = b'{"text": "Shelters need funding \\ud800 now", "term": "x \\udfff", "ideas": ["a \\ud83d"]}'
DEEP_JSON = b'{"text": ' + b"[" * 1000 + b"]" * 1000 + b"}"
TOO_BIG = str(2**64)
PYTHON_TEXT = ("Traceback", "Exception", "<class", "object has no attribute", "while parsing", "line 1, column")


def _capture_url(app, action: str) -> str:
    values = url_values(app)
    return f"/capture/{values['session_id']}/{values['group_id']}/{action}"


def _draft_text(app) -> str | None:
    values = url_values(app)
    with app.app_context():
        return drafts.load_draft(find_user("rapporteur").id, values["session_id"], values["group_id"],
                                 app.config["ENCRYPTION_KEY_PATH"])


@pytest.mark.parametrize("action", ["draft", "preview", "submit", "restore"])
@pytest.mark.parametrize("body, message", [(LONE_SURROGATE, "lone surrogate"), (DEEP_JSON, "nested more than"),
                                           (b'{"text": "unfinished', "not valid JSON"),
                                           (b'"just a string"', "JSON object")],
                         ids=["lone-surrogate", "nested-1000", "truncated", "not-an-object"])
def test_bad_json_gets_a_400_and_keeps_the_draft(app, rapporteur_client, action, body, message):
    assert rapporteur_client.post(_capture_url(app, "draft"), json={"text": "Fund shelters for five years."}
                                  ).status_code == 200
    response = rapporteur_client.post(_capture_url(app, action), data=body, content_type="application/json")
    assert response.status_code == 400
    assert message in response.get_json()["error"]
    assert _draft_text(app) == "Fund shelters for five years."


def test_ids_beyond_64_bits_are_404_on_every_id_route(app, admin_client):
    values, checked = url_values(app), 0
    for case in route_cases(app):
        id_arguments = [a for a in case.arguments if a.endswith("_id")]
        for argument in id_arguments:
            url = build_url(app, case, values, **{argument: TOO_BIG})
            response = admin_client.open(url, method=case.method, data={})
            assert response.status_code == 404, f"{case.name} with {argument}={TOO_BIG}"
            checked += 1
    assert checked >= 25


@pytest.mark.parametrize("url, status", [
    (f"/review/queue?before={TOO_BIG}", 400), ("/review/queue?before=abc", 400),
    (f"/review/queue.json?since={TOO_BIG}", 400), (f"/review/queue.json?since=-1", 400),
    (f"/review/queue?session={TOO_BIG}&group={TOO_BIG}&theme={TOO_BIG}", 200),
])
def test_oversized_query_ids_are_refused_not_crashed(admin_client, url, status):
    response = admin_client.get(url)
    assert response.status_code == status
    if status == 400:
        assert "parameter must be an id" in html.unescape(response.get_data(as_text=True))


@pytest.mark.parametrize("url, message", [(f"/export/check?day={TOO_BIG}", "must be numbers"),
                                          (f"/export/check?session={TOO_BIG}", "must be numbers")])
def test_oversized_export_filters_come_back_with_a_message(admin_client, url, message):
    response = admin_client.get(url)
    assert response.status_code == 302  # the check page's own way: back to the form, with the reason
    assert message in admin_client.get(response.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize("url, data, message", [
    ("/review/ideas/1/themes/confirm", {"theme_id": TOO_BIG}, "There is nothing at this address"),
    ("/review/themes/1/merge", {"into": TOO_BIG}, "Choose the theme to merge into"),
])
def test_oversized_form_ids_are_refused(cochair_client, url, data, message):
    response = cochair_client.post(url, data=data, follow_redirects=True)
    assert response.status_code < 500
    assert message in response.get_data(as_text=True)


def _upload(client, name: str, content: str):
    return client.post("/admin/conference", data={"conference_file": (io.BytesIO(content.encode()), name)},
                       content_type="multipart/form-data")


BAD_CONFERENCE_FILES = {
    "plenary.yaml": ("name: Second\ngroups: [Group A, plenary]\n", "'Plenary' cannot be a breakout group"),
    "alias.yaml": ("a: &x [1, 2, 3]\nname: *x\n", "anchors or aliases"),
    "laughs.yaml": ("x: &a [ha, ha]\ny: &b [*a, *a]\nname: Second\n", "anchors or aliases"),
    "list-name.yaml": ("name: [one, two]\n", "must be text"),
    "days.yaml": ("name: Second\ndays: 5\n", "'days' must be a list"),
    "day-numbers.yaml": ("name: Second\ndays: [{number: 1}, {number: 1}]\n", "Day numbers must be unique"),
    "broken.yaml": ("name: Second\ngroups: [A, B\n", "not valid YAML near line"),
    "broken.json": ('{"name": "Second", ', "not valid JSON"),
    "deep.json": ('{"name": "Second", "x": ' + "[" * 5000 + "]" * 5000 + "}", "not valid JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD_CONFERENCE_FILES))
def test_bad_conference_files_get_a_plain_message(app, admin_client, runner, tmp_path, name):
    content, message = BAD_CONFERENCE_FILES[name]
    response = _upload(admin_client, name, content)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400 and message in page
    assert not any(fragment in page for fragment in PYTHON_TEXT)
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(args=["import-conference", str(path)])
    assert result.exit_code == 1 and message in result.output
    assert not any(fragment in result.output for fragment in PYTHON_TEXT)
    with app.app_context():
        assert db.session.scalar(select(func.count(Conference.id))) == 1


@pytest.mark.parametrize("content", ['"' + "a" * 200_000 + '",x', 'a,b\r"c"d"'], ids=["huge-field", "stray-cr"])
def test_unreadable_roster_csv_gets_a_plain_message(app, admin_client, runner, tmp_path, content):
    response = admin_client.post("/admin/roster", data={"roster_file": (io.BytesIO(content.encode()), "r.csv")},
                                 content_type="multipart/form-data")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400 and "not a readable CSV file" in page
    if len(content) > 1000:  # the command reads with universal newlines, so a stray CR is a line end there
        path = tmp_path / "r.csv"
        path.write_text(content, encoding="utf-8")
        result = runner.invoke(args=["import-roster", str(path)])
        assert result.exit_code == 1 and "not a readable CSV file" in result.output
    with app.app_context():
        assert setup.roster_size(setup.current_conference()) == 3  # the old roster is kept


def test_the_error_page_rolls_back_a_failed_session_first(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer as in production, not with the traceback

    @app.get("/test-only/failed-flush")
    def failed_flush():
        db.session.add(User(username="admin", password_hash="x", role="admin"))  # duplicate
        db.session.flush()

    client = app.test_client()
    client.post("/auth/login", data={"username": "admin", "password": "correct-horse-battery"})
    response = client.get("/test-only/failed-flush")
    assert response.status_code == 500
    assert "Something went wrong on the server" in response.get_data(as_text=True)
    assert client.get("/admin/").status_code == 200  # the next request works too


def test_downloads_say_charset_once(app, drafter_client):
    with app.app_context():
        conference = db.session.scalar(select(Conference))
        for fmt, name in (("csv", "ideas.csv"), ("md", "ideas.md"), ("json", "ideas.json")):
            db.session.add(ExportRecord(conference_id=conference.id, format=fmt, filters={}, sha256="0" * 64,
                                        size=2, filename=name, content=b"{}"))
        db.session.commit()
        ids = [r.id for r in db.session.scalars(select(ExportRecord).order_by(ExportRecord.id))]
    types = [drafter_client.get(f"/export/records/{i}").headers["Content-Type"] for i in ids]
    assert types == ["text/csv; charset=utf-8", "text/markdown; charset=utf-8", "application/json"]


def test_instance_files_are_private(tmp_path):
    from flask_migrate import upgrade

    from app import create_app
    from app.services import keys

    instance = tmp_path / "instance"
    app = create_app({"TESTING": True, "INSTANCE_PATH_OVERRIDE": str(instance),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'capture.sqlite'}"})
    with app.app_context():
        upgrade()
        keys.encrypt(app.config["ENCRYPTION_KEY_PATH"], "roster")
        db.engine.dispose()
    modes = {p.name: oct(p.stat().st_mode & 0o777) for p in instance.iterdir()}
    assert modes == {"capture.sqlite": "0o600", "secret_key": "0o600", "encryption.key": "0o600"}
    assert oct(instance.stat().st_mode & 0o777) == "0o700"


def test_cli_export_file_is_private(app, runner, tmp_path):
    out = tmp_path / "ideas.json"
    result = runner.invoke(args=["export", "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert oct(out.stat().st_mode & 0o777) == "0o600" and json.loads(out.read_text(encoding="utf-8")) is not None


# Every form and query field name the views read, each filled with values that once crashed a view.
FIELDS = ("allowlist at description fingerprint format group_ids idea_ids into keywords name next password reason "
          "role show_groups_in_exports text theme_id username ideas_text submission_key proposal_ids code kind "
          "title day session group theme status before since").split()
JUNK = [TOO_BIG, "-1", "", "0", "1e9", "nan", "' OR 1=1 --", "<script>x</script>", "\x00", "１２", "2026-13-45T99:99"]


def test_junk_values_on_every_route_never_give_a_5xx(app, admin_client):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # count 500s as a user would get them
    values, failures, sent = url_values(app), [], 0
    for case in route_cases(app):
        if case.endpoint in ("auth.logout", "health.readyz"):
            continue  # readyz answers 503 by contract until the models are loaded (tests/test_health.py)
        url = build_url(app, case, values)
        for junk in JUNK:
            data = {field: junk for field in FIELDS}
            if case.method == "GET":
                responses = [admin_client.get(url, query_string=data)]
            else:
                responses = [admin_client.post(url, data=data), admin_client.post(url, json=data)]
            sent += len(responses)
            failures += [f"{case.name} {junk[:20]!r}: {r.status_code}" for r in responses if r.status_code >= 500]
    assert sent > 500
    assert failures == []
