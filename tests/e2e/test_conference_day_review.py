"""Issue 11, findings 7 and 8, replayed in headless Chromium as a co-chair would on a conference day.

Finding 7: a theme merge went through in one click with the target pre-selected, with no confirmation
and no undo, beside 13 red "Retire" buttons. Finding 8 (dashboard): the chart showed 11 px codes, sessions
that had not started were red zeros, "Newest emerging clusters" listed an item with no words while the
Themes page said there was none, and "raised by several groups" included "raised by 1 of 8 groups".
"""
from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta, timezone

from browser_support import sign_in
from playwright.sync_api import expect
from sqlalchemy import select

from app.extensions import db
from app.models import BreakoutGroup, ConferenceDay, Idea, IdeaTheme, Session, Theme, User
from app.services.conference import current_conference


def _store_idea(text: str, group: str, session: str) -> int:
    """An idea stored as capture stores it: clean text, session and group, no speaker."""
    conference = current_conference()
    idea = Idea(conference_id=conference.id, text=text, lang="en", submission_key=str(uuid.uuid4()), position=0,
                session_id=db.session.scalar(select(Session.id).where(Session.title == session)),
                group_id=db.session.scalar(select(BreakoutGroup.id).where(BreakoutGroup.label == group)))
    db.session.add(idea)
    db.session.commit()
    return idea.id


def _confirm(idea_id: int, code: str) -> None:
    """A co-chair's confirmation of a theme on an idea, through the review service."""
    from app.services import review

    cochair = db.session.scalar(select(User).where(User.username == "cochair"))
    theme = db.session.scalar(select(Theme).where(Theme.code == code))
    review.confirm_theme(cochair, db.session.get(Idea, idea_id), theme)
    db.session.commit()


def _links_of(code: str) -> set[tuple[int, bool]]:
    theme_id = db.session.scalar(select(Theme.id).where(Theme.code == code))
    return {(link.idea_id, link.confirmed) for link in db.session.scalars(
        select(IdeaTheme).where(IdeaTheme.theme_id == theme_id))}


def test_finding_7_theme_merge_asks_first_can_be_undone_and_retire_is_quiet(app, live_server, page):
    with app.app_context():
        ideas = [_store_idea("Train security forces to prevent gender-based violence.", "Group A", "Themes"),
                 _store_idea("Fund shelters and survivor services in rural areas.", "Group B", "Themes")]
        _confirm(ideas[0], "PREV")
        _confirm(ideas[1], "PREV")
        _confirm(ideas[1], "RES")
        before = {code: _links_of(code) for code in ("PREV", "RES")}
    sign_in(page, live_server, "cochair")
    page.goto(live_server("/review/themes"))
    codebook = page.locator("table.review-codebook").first
    # Quiet: no red button anywhere in the codebook; merge and retire sit behind one disclosure per theme.
    expect(codebook.locator("button.danger")).to_have_count(0)
    row = page.locator("tr", has=page.locator("strong", has_text=re.compile(r"^PREV$")))
    row.locator("summary", has_text="Merge or retire").click()
    select_box = row.locator("select[name=into]")
    expect(select_box).to_have_value("")  # no target pre-selected
    select_box.select_option(label="RES · Resources and funding")
    row.get_by_role("button", name=re.compile(r"^Merge…")).click()

    # A confirmation first: nothing has moved yet, and Cancel leaves everything as it was.
    expect(page.locator("h1")).to_have_text("Merge PREV into RES?")
    expect(page.locator(".review-confirm-count")).to_have_text("2 ideas move.")
    page.get_by_role("link", name="Cancel").click()
    with app.app_context():
        assert {code: _links_of(code) for code in ("PREV", "RES")} == before
    page.goto(live_server(f"/review/themes/{_theme_id(app, 'PREV')}/merge?into={_theme_id(app, 'RES')}"))
    page.get_by_role("button", name="Merge PREV into RES").click()
    expect(page.locator(".flash").first).to_contain_text("PREV merged into RES")
    with app.app_context():
        assert _links_of("PREV") == set()

    # Undo, on the codebook page: PREV is back with exactly the ideas it had; RES as it was.
    undo_list = page.locator("section.review-undo")
    expect(undo_list).to_contain_text("PREV merged into RES")
    undo_list.get_by_role("button", name=re.compile(r"^Undo")).click()
    expect(page.locator("body")).to_contain_text("Theme PREV is back, with 2 idea links.")
    with app.app_context():
        assert {code: _links_of(code) for code in ("PREV", "RES")} == before
    expect(page.locator("table.review-codebook").first).to_contain_text("PREV")

    # Retire is a quiet link that asks first, then can be undone as well.
    row = page.locator("tr", has=page.locator("strong", has_text=re.compile(r"^PART$")))
    row.locator("summary", has_text="Merge or retire").click()
    row.get_by_role("link", name=re.compile(r"^Retire…")).click()
    expect(page.locator("h1")).to_have_text("Retire PART?")
    page.get_by_role("button", name="Retire PART").click()
    expect(page.locator("section.review-undo")).to_contain_text("PART retired")
    page.locator("section.review-undo li", has_text="PART retired").get_by_role("button").click()
    expect(page.locator("body")).to_contain_text("Theme PART is back")
    assert page.js_errors == []


def _theme_id(app, code: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Theme.id).where(Theme.code == code))


def test_finding_8_dashboard_names_themes_greys_upcoming_sessions_lists_no_empty_cluster_and_several_is_two(
        app, live_server, page):
    from app.models_jobs import Job
    from app.services import jobs

    with app.app_context():
        today = datetime.now(timezone.utc).date()
        for day in db.session.scalars(select(ConferenceDay)):
            day.date = today - timedelta(days=1) if day.number == 1 else today + timedelta(days=2)
        db.session.commit()
        funding = _store_idea("Multi-year funding for grassroots women's organizations.", "Group A", "Themes")
        plenary = _store_idea("Multi-year core funding for women's organizations.", "Plenary", "Opening")
        loose = [_store_idea("Rural broadband so that survivors can reach help lines.", "Group B", "Themes"),
                 _store_idea("Mobile connectivity for help lines in remote regions.", "Group C", "Themes")]
        _confirm(funding, "RES")
        # The clustering job's newest result: one cluster without any word, one about connectivity.
        db.session.add(Job(kind=jobs.EMERGING, conference_id=current_conference().id, state=jobs.DONE, payload={},
                           result={"key": "stale", "candidates": [[[], loose, ""],
                                                                   [["connectivity", "help lines"], loose, ""]]},
                           finished_at=datetime.now(timezone.utc)))
        db.session.commit()
    sign_in(page, live_server, "cochair")
    # A proposal raised by Group A and the plenary: one breakout group, not "several".
    page.goto(live_server("/review/proposals"))
    page.fill("#merge-ideas", f"{funding}, {plenary}")
    page.get_by_role("button", name="Merge into one proposal").click()
    expect(page.locator("body")).to_contain_text("raised by 1 of 3 groups")

    page.goto(live_server("/review/"))
    # The chart: theme names beside codes, at 12 px or more.
    label = page.locator(".review-chart-label", has_text="RES")
    expect(label).to_contain_text("Resources and funding")
    assert float(label.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 12
    # Day 2 has not started: grey "not started" cells, no red zero; Day 1 still shows its silent rooms.
    upcoming = page.locator("tr", has_text="Day 2 · Targets")
    expect(upcoming).to_contain_text("not started")
    expect(upcoming.locator("td.review-silent")).to_have_count(0)
    expect(upcoming.locator("td.review-upcoming")).to_have_count(3)
    expect(page.locator("tr", has_text="Day 1 · Themes").locator("td.review-silent")).to_have_count(0)
    # Several groups means two or more: the one-group proposal is not listed.
    proposals = page.locator("section", has=page.locator("#proposals-title"))
    expect(proposals.locator("h2")).to_have_text("Proposals raised by several groups")
    expect(proposals).not_to_contain_text("raised by 1 of 3")
    expect(proposals).to_contain_text("No proposal raised by two groups or more yet.")
    # Clusters: the one without words is listed nowhere; the dashboard and the Themes page agree.
    clusters = page.locator("ul.review-candidates li")
    expect(clusters).to_have_count(1)
    expect(clusters.first).to_contain_text("connectivity, help lines")
    page.goto(live_server("/review/themes"))
    candidates = page.locator("#candidates form.review-candidate")
    expect(candidates).to_have_count(1)
    expect(candidates.first.locator("h3")).to_have_text("connectivity, help lines")
    assert page.js_errors == []
