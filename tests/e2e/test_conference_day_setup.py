"""Issue 11's findings 1, 4 and 9 replayed in a real Chromium, as an administrator would meet them on the
morning of a conference day; each page met on the way is also checked by axe-core (0 violations).
Every name and organization here is invented."""
from __future__ import annotations

import re
import uuid

import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from sqlalchemy import func, select

from app.extensions import db
from app.models import Assignment, BreakoutGroup, Idea, IdeaStatus, Session
from browser_support import sign_in
from tests.conftest import PASSWORD, TEST_CONFERENCE

AXE = Axe()


def _no_axe_violations(page) -> None:
    violations = AXE.run(page, options={"resultTypes": ["violations"]}).response["violations"]
    assert [v["id"] for v in violations] == []


def _store_idea(app, group_label: str, session_title: str, text: str) -> None:
    with app.app_context():
        group = db.session.scalar(select(BreakoutGroup).where(BreakoutGroup.label == group_label))
        session = db.session.scalar(select(Session).where(Session.title == session_title))
        db.session.add(Idea(conference_id=group.conference_id, session_id=session.id, group_id=group.id, text=text,
                            lang="en", status=IdeaStatus.SUBMITTED, submission_key=str(uuid.uuid4()), position=0))
        db.session.commit()


def _counts(app) -> tuple[int, int]:
    with app.app_context():
        return (db.session.scalar(select(func.count(Idea.id))), db.session.scalar(select(func.count(Assignment.id))))


def _upload_conference(page, server, path) -> None:
    page.goto(server("/admin/"))
    page.set_input_files("#conference_file", str(path))
    page.get_by_role("button", name="Show the changes").click()
    expect(page.locator("h1")).to_have_text("Check the conference import")


def test_finding_1_reimporting_the_conference_keeps_ideas_and_assignments(live_server, page, app, tmp_path):
    _store_idea(app, "Group A", "Themes", "Shelters need multi-year funding.")
    _store_idea(app, "Group B", "Targets", "Publish the plan's budget every year.")
    before = _counts(app)
    data = {**TEST_CONFERENCE, "groups": ["Group A", "Group B", "Group C", "Group D"]}
    path = tmp_path / "conference.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    sign_in(page, live_server, "admin")
    for attempt in (1, 2):  # the same file twice: the second import changes nothing
        _upload_conference(page, live_server, path)
        summary = page.locator("#import-summary")
        expect(summary).to_contain_text("Updating the current conference in place")
        expect(summary).to_contain_text(f"Groups: {1 if attempt == 1 else 0} added, 0 changed, 0 removed")
        expect(summary).to_contain_text("Sessions: 0 added, 0 changed, 0 removed")
        if attempt == 1:
            _no_axe_violations(page)
        page.get_by_role("button", name="Apply these changes").click()
        expect(page.locator(".flash-success")).to_contain_text("Imported Test consultation")
        assert _counts(app) == before
    # Group B holds an idea: leaving it out of the file is refused until its ideas move.
    path.write_text(yaml.safe_dump({**data, "groups": ["Group A", "Group C", "Group D"]}), encoding="utf-8")
    _upload_conference(page, live_server, path)
    expect(page.locator("#import-changes")).to_contain_text("cannot remove: Groups · Group B holds 1 ideas")
    page.get_by_role("button", name="Apply these changes").click()
    expect(page.locator(".flash-error")).to_contain_text("Not applied: removing Group B (1 in use)")
    page.get_by_label("Move what Group B holds to").select_option("Group C")
    page.get_by_role("button", name="Apply these changes").click()
    expect(page.locator(".flash-success")).to_contain_text("Imported Test consultation")
    assert _counts(app) == before
    # The rapporteur still has their groups, and the moved idea is under Group C for the co-chairs.
    rapporteur = page.context.browser.new_context().new_page()
    sign_in(rapporteur, live_server, "rapporteur")
    expect(rapporteur.locator("main")).not_to_contain_text("not assigned to any group")
    expect(rapporteur.locator("main")).to_contain_text("Group A")
    with app.app_context():
        idea = db.session.scalar(select(Idea).where(Idea.text == "Publish the plan's budget every year."))
        assert idea.group.label == "Group C"


def test_finding_4_roster_import_checks_before_it_replaces(live_server, page, tmp_path):
    roster = tmp_path / "inscriptions.csv"
    rows = ["Nom;Organisation"] + [f"Personne{n} Exemplaire;Société {n % 19}" for n in range(28)]
    rows += [";Organisme sans nom", "Quelqu'un;Organisme;en trop"]
    roster.write_bytes("\r\n".join(rows).encode("cp1252"))
    sign_in(page, live_server, "admin")
    page.goto(live_server("/admin/"))
    expect(page.locator("#roster-size")).to_have_text("3")
    page.set_input_files("#roster_file", str(roster))
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator("#roster-summary")).to_have_text(
        "28 people, 19 organizations; 2 rows skipped: line 30 (no name), "
        "line 31 (more columns than the header row)")
    expect(page.locator("#roster-format")).to_have_text(
        "Read as Windows-1252, separated by semicolon, with a header row.")
    assert "Personne1" not in page.locator("body").inner_text()  # names are never shown back
    _no_axe_violations(page)
    page.get_by_role("link", name="Cancel (the roster is kept)").click()
    expect(page.locator("#roster-size")).to_have_text("3")
    page.set_input_files("#roster_file", str(roster))
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("button", name="Replace the roster").click()
    expect(page.locator(".flash-success")).to_have_text("Roster replaced: 28 entries, stored encrypted.")
    expect(page.locator("#roster-size")).to_have_text("28")
    # A file that is not a roster: one sentence, the stored roster kept.
    broken = tmp_path / "roster.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    page.set_input_files("#roster_file", str(broken))
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator(".flash-error")).to_have_text(
        "Roster not replaced: The roster is not a readable Excel workbook (.xlsx).")
    expect(page.locator("#roster-size")).to_have_text("28")


def test_finding_9_admin_defaults_and_sign_in_keep_what_was_typed(live_server, page, browser):
    sign_in(page, live_server, "admin")
    page.goto(live_server("/admin/"))
    expect(page.locator("#new-role")).to_have_value("rapporteur")
    page.fill("#new-username", "rapporteur-d")
    page.fill("#new-password", "a-long-enough-password")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator(".flash-success")).to_have_text("Created rapporteur rapporteur-d.")
    # The new rapporteur forgets the password; the administrator makes a one-time code, shown once.
    page.get_by_role("link", name="Edit rapporteur-d").click()
    _no_axe_violations(page)
    page.get_by_role("button", name="Make a reset code").click()
    code = page.locator("#reset-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    page.goto(page.url.removesuffix("/reset-code"))  # the account page again: the code is never shown twice
    expect(page.locator("h1")).to_have_text("Account rapporteur-d")
    expect(page.locator("#reset-code")).to_have_count(0)
    user = browser.new_context().new_page()
    user.goto(live_server("/auth/login"))
    user.fill("#username", "rapporteur-d")
    user.fill("#password", "wrong-password-typed")
    user.get_by_role("button", name="Sign in").click()
    expect(user.locator(".flash-error")).to_have_text("Wrong username or password.")
    expect(user.locator("#username")).to_have_value("rapporteur-d")  # only the password needs typing again
    user.get_by_role("link", name=re.compile("Forgot your password")).click()
    _no_axe_violations(user)
    user.fill("#username", "rapporteur-d")
    user.fill("#code", code)
    user.fill("#password", "the-new-passphrase-42")
    user.get_by_role("button", name="Set the new password").click()
    expect(user.locator(".flash-success")).to_have_text("Your password is changed. Sign in with it.")
    sign_in(user, live_server, "rapporteur-d", "the-new-passphrase-42")
    expect(user.locator("h1")).to_have_text("Your sessions and groups")
    assert PASSWORD != "the-new-passphrase-42"
