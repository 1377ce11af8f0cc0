"""The rapporteur's flow in a real headless Chromium: sign in, type, autosave, preview, submit."""
import re

from browser_support import sign_in
from playwright.sync_api import expect

NOTE = ("- Odalys Verhaegen (Harbourlight Women's Collective) said shelters in the north need five-year funding.\n"
        "- Marit Solvang asked for SGBV training for police <script>window.pwned=1</script>\n")
NAMES = ("Odalys", "Verhaegen", "Harbourlight", "Marit", "Solvang")


def test_rapporteur_types_previews_and_submits_clean_ideas(live_server, page):
    sign_in(page, live_server, "rapporteur")
    expect(page.locator("h1")).to_have_text("Your sessions and groups")
    page.locator("tr", has_text="Themes").locator("a", has_text="Take notes").click()
    expect(page.locator("h1")).to_contain_text("Group A · Themes")

    page.locator("#note").fill(NOTE[:60])
    expect(page.locator("#save-status")).to_have_text(re.compile(r"Saved \d\d:\d\d:\d\d"), timeout=15_000)

    # Wi-Fi drops: the page says so, keeps the text in memory and saves it when the network is back.
    page.context.set_offline(True)
    page.locator("#note").fill(NOTE)
    expect(page.locator("#save-status")).to_have_text("Offline — will retry", timeout=15_000)
    page.context.set_offline(False)
    expect(page.locator("#save-status")).to_have_text(re.compile(r"Saved \d\d:\d\d:\d\d"), timeout=15_000)
    assert page.evaluate("JSON.stringify(Object.assign({}, localStorage, sessionStorage))") == "{}"

    # A reload restores the encrypted draft.
    page.reload()
    expect(page.locator("#note")).to_have_value(NOTE)
    expect(page.locator("#save-status")).to_have_text("Draft restored")

    # as a rapporteur would: Preview stays disabled ("Preparing the anonymizer…") until the server is ready
    expect(page.locator("#preview-button")).to_be_enabled(timeout=90_000)
    page.locator("#note").press("Control+Enter")
    preview = page.locator("#preview")
    expect(preview).to_be_visible(timeout=90_000)  # the first preview of a process loads the spaCy models
    marks = page.locator("#preview-note mark.redacted")
    expect(marks.first).to_be_visible()
    assert marks.count() >= 3
    assert all(m.get_attribute("data-reason") for m in marks.all())
    marks.first.focus()  # the reason is also shown on focus, not only on hover
    assert "Removed" in marks.first.get_attribute("aria-label")
    preview_note = page.locator("#preview-note").inner_text()
    assert not any(name in preview_note for name in NAMES)
    expect(page.locator("#removal-list li").first).to_contain_text("roster")

    # A roster name cannot be restored: the persons' rows offer no button; an affiliation is refused.
    affiliation = page.locator("#removal-list li", has_text="Harbourlight").locator("button", has_text="Restore")
    if affiliation.count():
        affiliation.first.click()
        expect(page.locator("#restore-message")).to_contain_text("cannot be restored")

    ideas = page.locator("#idea-list li")
    expect(ideas).to_have_count(2)
    clean = page.locator("#clean-text").input_value()
    assert "shelters" in clean and not any(name in clean for name in NAMES)

    page.locator("#submit-button").click()
    stored = page.locator("#stored-list li")
    expect(stored).to_have_count(2, timeout=60_000)  # the first submit builds the theme suggester
    expect(page.locator("#stored-summary")).to_contain_text("2 ideas stored")
    stored_text = page.locator("#stored").inner_text()
    assert "shelters" in stored_text.lower() and "<script>" in stored_text  # shown as text, never run
    assert page.evaluate("window.pwned") is None
    body = page.locator("body").inner_text()
    assert not any(name in body for name in NAMES)
    expect(page.locator("#note")).to_have_value("")

    page.goto(live_server("/capture/ideas"))
    expect(page.locator(".idea-item")).to_have_count(2)
    assert not any(name in page.locator("body").inner_text() for name in NAMES)
    page.goto(live_server("/capture/"))
    expect(page.locator("tr", has_text="Themes").locator(".idea-count")).to_have_text("2")

    # A sign-in that expires mid-note is never shown as "Saved".
    page.locator("tr", has_text="Themes").locator("a").click()
    page.context.clear_cookies()
    page.locator("#note").fill("- More funding for shelters.")
    expect(page.locator("#save-status")).to_contain_text("sign-in expired", timeout=15_000)
    other_tab = page.context.new_page()  # signing in again elsewhere lets this page save again
    sign_in(other_tab, live_server, "rapporteur")
    expect(page.locator("#save-status")).to_have_text(re.compile(r"Saved \d\d:\d\d:\d\d"), timeout=15_000)
    assert page.js_errors == []


def test_restore_is_decided_on_the_previewed_note(live_server, page):
    """The page sends the previewed note with the term; the server's own detection decides."""
    sign_in(page, live_server, "rapporteur")
    page.locator("tr", has_text="Themes").locator("a", has_text="Take notes").click()
    page.locator("#note").fill("- The Brightwater Tenants Alliance runs shelters that need core funding.\n")
    # as a rapporteur would: Preview stays disabled ("Preparing the anonymizer…") until the server is ready
    expect(page.locator("#preview-button")).to_be_enabled(timeout=90_000)
    page.locator("#note").press("Control+Enter")
    expect(page.locator("#preview")).to_be_visible(timeout=90_000)
    page.locator("#removal-list li", has_text="Brightwater").locator("button", has_text="Restore").click()
    expect(page.locator("#restore-message")).to_contain_text("Restored")
    expect(page.locator("#clean-text")).to_have_value(re.compile("Brightwater Tenants Alliance runs shelters"))
    assert page.js_errors == []
