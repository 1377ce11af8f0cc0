"""A francophone rapporteur does the whole capture with the keyboard only, in a real Chromium:
sign in, open a session, type, preview, restore nothing, submit; every step reads in French, focus is
always visible, and axe finds nothing in the preview and stored states."""
from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from browser_support import PASSWORD

# Invented participants of the conftest roster; the note is French.
NOTE = ("- Odalys Verhaegen a dit que les refuges ont besoin d'un financement sur cinq ans.\n"
        "- Il faut former la police sur la violence fondée sur le genre.\n")
NAMES = ("Odalys", "Verhaegen")
FOCUS_RING = "rgb(29, 35, 48)"


def focused(page) -> dict:
    """What has the keyboard focus: its text, tag, id and outline."""
    return page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {text: (e.getAttribute('aria-label') || e.textContent || '').replace(/\\s+/g, ' ').trim(),
                tag: e.tagName, id: e.id, outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor}; }""")


def tab_to(page, wanted, limit: int = 80) -> dict:
    """Press Tab until wanted(focused element) is true; each stop must show the focus ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["tag"] not in ("BODY", "HTML"):
            assert element["outline"] == f"solid 3px {FOCUS_RING}", element
        if wanted(element):
            return element
    raise AssertionError("never reached by Tab")


def test_keyboard_only_capture_in_french(live_server, browser):
    context = browser.new_context(locale="fr-CA", extra_http_headers={"Accept-Language": "fr-CA,fr;q=0.9"})
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    axe = Axe()
    try:
        page.goto(live_server("/"))
        expect(page.locator("h1")).to_have_text("Ouvrir une session")
        assert page.evaluate("document.documentElement.lang") == "fr"
        # The username field has the focus on arrival; the password is one Tab away; Enter signs in.
        page.keyboard.type("rapporteur")
        page.keyboard.press("Tab")
        page.keyboard.type(PASSWORD)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        expect(page.locator("h1")).to_have_text("Vos séances et vos groupes")

        # The skip link comes first, then the "Take notes" link of the Themes session, named for it.
        first = tab_to(page, lambda e: True)
        assert first["text"] == "Passer au contenu"
        link = tab_to(page, lambda e: "Prendre des notes" in e["text"] and "Themes" in e["text"])
        assert link["text"] == "Prendre des notes · Group A · Themes · Jour 1"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        expect(page.locator("#note")).to_be_focused()
        expect(page.locator("#save-status")).to_have_text("Pas encore enregistré")

        page.keyboard.insert_text(NOTE)
        expect(page.locator("#char-count")).to_have_text(re.compile(r"^\d+ / 50\u202f000 caractères$"))
        expect(page.locator("#save-status")).to_have_text(re.compile(r"^Enregistré à \d\d:\d\d:\d\d$"), timeout=15_000)
        # Preview stays disabled ("Preparing the anonymizer…") until the server is ready
        expect(page.locator("#preview-button")).to_be_enabled(timeout=90_000)
        page.keyboard.press("Control+Enter")
        expect(page.locator("#preview")).to_be_visible(timeout=90_000)  # first preview loads the models
        expect(page.locator("#preview-note")).to_be_focused()
        expect(page.locator("#preview-summary")).to_contain_text("retrait")
        expect(page.locator("#preview-summary")).to_contain_text("Survolez ou sélectionnez un passage surligné")
        mark = page.locator("#preview-note mark.redacted").first
        assert mark.get_attribute("aria-label").split(". ", 1)[1].startswith("Retiré (")
        expect(page.locator("#submit-button")).to_have_text("Soumettre 2 idées")
        # A participant's name cannot be restored, and the list says so in French.
        expect(page.locator("#removal-list")).to_contain_text("ne peut pas être rétabli")
        # Each "Rétablir" button (if any) says which term it restores (several sit in one list).
        names = page.locator("#removal-list button").evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))")
        assert all(name.startswith("Rétablir « ") for name in names) and len(set(names)) == len(names)
        assert not any(name in page.locator("#clean-text").input_value() for name in NAMES)
        preview_violations = axe.run(page).response["violations"]
        assert [v["id"] for v in preview_violations] == []

        # Tab through the removals (every highlight and button shows the focus ring) to Submit.
        tab_to(page, lambda e: e["id"] == "submit-button")
        page.keyboard.press("Enter")
        expect(page.locator("#stored-summary")).to_have_text("2 idées enregistrées.", timeout=60_000)
        expect(page.locator("#save-status")).to_have_text(re.compile(r"^Soumis à \d\d:\d\d:\d\d$"))
        expect(page.locator("#note")).to_be_focused()
        stored_violations = axe.run(page).response["violations"]
        assert [v["id"] for v in stored_violations] == []
        assert not any(name in page.locator("body").inner_text() for name in NAMES)
        assert errors == []
    finally:
        context.close()
