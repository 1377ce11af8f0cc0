"""Clean ideas in a real headless Chromium: preview offers them, the rapporteur edits, drops, sets kind and
support, sees each idea's source highlighted, and what is stored is the edited clean idea."""
from browser_support import sign_in
from playwright.sync_api import expect
from sqlalchemy import select

from app.extensions import db
from app.models import Idea

# Invented people and bodies.
NOTE = ("- Dr. Wenonah Castellucci (Larkspur Housing Trust) said shelters in the north need five-year funding.\n"
        "- Everyone agreed.\n"
        "- Tobiah Renwick-Mbeki proposed an independent shelter ombudsperson.\n"
        "- Castellucci also noted that the hotline is busiest at night.\n")
NAMES = ("Wenonah", "Castellucci", "Larkspur", "Tobiah", "Renwick")


def test_rapporteur_edits_and_submits_clean_ideas(live_server, page):
    sign_in(page, live_server, "rapporteur")
    page.locator("tr", has_text="Themes").locator("a", has_text="Take notes").click()
    page.locator("#note").fill(NOTE)
    expect(page.locator("#preview-button")).to_be_enabled(timeout=90_000)  # the server has its models
    page.locator("#preview-button").click()
    expect(page.locator("#clean-ideas-section")).to_be_visible(timeout=90_000)

    items = page.locator("#idea-list li.clean-idea")
    expect(items).to_have_count(3)
    texts = page.locator("#idea-list .clean-idea-text")
    expect(texts.nth(0)).to_have_value("Shelters in the north need five-year funding.")
    expect(texts.nth(1)).to_have_value("An independent shelter ombudsperson.")
    expect(page.locator("#idea-list .clean-idea-support").nth(0)).to_have_value("1")  # "Everyone agreed."
    expect(page.locator("#idea-list .clean-idea-kind").nth(1)).to_have_value("proposal")

    texts.nth(2).focus()  # its source is highlighted in the anonymized note
    expect(page.locator("#clean-source mark.source")).to_have_text("the hotline is busiest at night.")
    assert not any(name in page.locator("#clean-source").inner_text() for name in NAMES)

    texts.nth(1).fill("An independent complaints office for shelters.")
    page.locator("#idea-list .clean-idea-support").nth(0).fill("4")
    page.locator("#idea-list .clean-idea-kind").nth(2).select_option("concern")
    page.locator("#idea-list .clean-idea-drop").nth(0).click()
    expect(items).to_have_count(2)
    expect(page.locator("#submit-button")).to_have_text("Submit 2 ideas")

    page.locator("#submit-button").click()
    stored = page.locator("#stored-list li")
    expect(stored).to_have_count(2, timeout=60_000)
    expect(stored.nth(0)).to_have_text("An independent complaints office for shelters.")
    expect(stored.nth(1)).to_have_text("The hotline is busiest at night.")
    assert not any(name in page.locator("body").inner_text() for name in NAMES)
    with live_server.app.app_context():
        rows = db.session.scalars(select(Idea).order_by(Idea.id)).all()
        assert [(r.text, r.kind, r.support) for r in rows] == [
            ("An independent complaints office for shelters.", "proposal", 0),
            ("The hotline is busiest at night.", "concern", 0)]
    assert page.js_errors == []


def test_unchecking_clean_ideas_submits_the_anonymized_text(live_server, page):
    sign_in(page, live_server, "rapporteur")
    page.locator("tr", has_text="Themes").locator("a", has_text="Take notes").click()
    page.locator("#note").fill("- Tobiah Renwick-Mbeki proposed an independent shelter ombudsperson.\n")
    expect(page.locator("#preview-button")).to_be_enabled(timeout=90_000)  # the server has its models
    page.locator("#preview-button").click()
    expect(page.locator("#clean-ideas-section")).to_be_visible(timeout=90_000)
    page.locator("#use-clean-ideas").uncheck()
    expect(page.locator("#idea-list li")).to_have_count(1)
    expect(page.locator("#idea-list li")).to_have_text("[Participant 1] proposed an independent shelter ombudsperson.")
    page.locator("#submit-button").click()
    expect(page.locator("#stored-list li")).to_have_count(1, timeout=60_000)
    with live_server.app.app_context():
        row = db.session.scalars(select(Idea)).one()
        assert (row.kind, row.support) == (None, 0) and "ombudsperson" in row.text and "Tobiah" not in row.text


def test_split_and_merge_clean_ideas(live_server, page):
    sign_in(page, live_server, "rapporteur")
    page.locator("tr", has_text="Themes").locator("a", has_text="Take notes").click()
    page.locator("#note").fill("- Tobiah Renwick-Mbeki said buses stop at nine. Shelters close at ten.\n"
                               "- Wenonah Castellucci noted that the fees are high.\n- Others agreed.\n")
    expect(page.locator("#preview-button")).to_be_enabled(timeout=90_000)  # the server has its models
    page.locator("#preview-button").click()
    expect(page.locator("#clean-ideas-section")).to_be_visible(timeout=90_000)
    texts = page.locator("#idea-list .clean-idea-text")
    expect(texts).to_have_count(3)
    expect(texts.nth(0)).to_have_value("Buses stop at nine.")

    page.locator("#idea-list .clean-idea-merge").nth(0).click()  # "Buses ..." + "Shelters ..."
    expect(texts).to_have_count(2)
    expect(texts.nth(0)).to_have_value("Buses stop at nine. Shelters close at ten.")
    texts.nth(0).evaluate("t => t.setSelectionRange(19, 19)")  # after "nine."
    page.locator("#idea-list .clean-idea-split").nth(0).click()
    expect(texts).to_have_count(3)
    expect(texts.nth(1)).to_have_value("Shelters close at ten.")
    expect(page.locator("#idea-list .clean-idea-support").nth(2)).to_have_value("1")  # "Others agreed."
    page.locator("#submit-button").click()
    expect(page.locator("#stored-list li")).to_have_count(3, timeout=60_000)
    assert page.js_errors == []
