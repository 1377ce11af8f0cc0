"""The live review queue in a real headless Chromium: a new idea appears without a reload, and a
decision made with one click is saved (CSRF on, strict CSP, no script errors).
"""
from __future__ import annotations

from browser_support import sign_in
from playwright.sync_api import expect

from app.extensions import db
from app.models import Idea, IdeaStatus

from conftest import add_idea


def test_new_ideas_appear_and_approve_works_without_reload(app, live_server, page):
    with app.app_context():
        first = add_idea("Publish yearly progress figures for the plan in plain language.", group="Group B").id
    sign_in(page, live_server, "cochair")
    page.goto(live_server("/review/queue"))
    expect(page.locator(f"#idea-{first}")).to_be_visible()
    page.evaluate("window.__sameDocument = true")  # survives only if nothing reloads the page

    with app.app_context():
        arrived = add_idea("Train mediators from women's networks before talks begin.", group="Group C").id
    new_item = page.locator(f"#idea-{arrived}")
    expect(new_item).to_be_visible(timeout=20_000)
    expect(new_item).to_contain_text("Group C")
    expect(page.locator("#review-live")).to_contain_text("1 new idea")
    # Newest first: the arrival is above the idea that was already there.
    ids = page.locator(".review-idea").evaluate_all("els => els.map(e => e.dataset.ideaId)")
    assert ids.index(str(arrived)) < ids.index(str(first))

    new_item.get_by_role("button", name="Approve").click()
    expect(page.locator(f"#idea-{arrived} .status")).to_have_text("approved")
    expect(page.locator("#review-live")).to_contain_text(f"Idea #{arrived} approved.")
    assert page.evaluate("window.__sameDocument") is True
    with app.app_context():
        assert db.session.get(Idea, arrived).status is IdeaStatus.APPROVED
    assert page.js_errors == []
