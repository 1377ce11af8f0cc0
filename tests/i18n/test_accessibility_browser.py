"""axe-core (the engine axe-playwright-python bundles) on every page of every role, in English and in
French, in a real Chromium: any violation fails. The same loop checks reflow at 320 CSS px (nothing but
a data table may be wider than the screen) and that every page says its language in <html lang>."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from app.extensions import db
from app.models import IdeaStatus
from browser_support import PASSWORD, LiveServer
from tests.export.export_seed import add_idea, seed_report, session_titled

AXE = Axe()
# Every rule axe runs by default (WCAG 2.0/2.1 A and AA, best practices); nothing disabled.
AXE_OPTIONS = {"resultTypes": ["violations"]}


# Links and buttons a screen reader lists by name: one name must not lead to two places or actions.
SAME_NAME_DIFFERENT_TARGET = """() => {
  const byName = {};
  for (const el of document.querySelectorAll('a[href], button')) {
    if (el.closest('[hidden]') || el.closest('noscript')) continue;
    const name = (el.getAttribute('aria-label') || el.textContent).replace(/\\s+/g, ' ').trim();
    const target = el.tagName === 'A' ? el.getAttribute('href')
      : (el.getAttribute('formaction') || (el.form && el.form.getAttribute('action')) || el.id || '');
    (byName[name] = byName[name] || new Set()).add(target);
  }
  return Object.entries(byName).filter(([n, t]) => t.size > 1).map(([n, t]) => [n, [...t]]);
}"""


def pages_by_role(ids: dict) -> dict[str, list[str]]:
    """What each role opens in its work, including a page it may not open (403) and a missing one (404)."""
    return {
        "anonymous": ["/auth/login", "/auth/reset", "/nowhere"],
        "rapporteur": ["/capture/", "/capture/ideas", f"/capture/{ids['session']}/{ids['group']}",
                       f"/capture/ideas/{ids['own_idea']}/edit", "/review/"],
        "cochair": ["/review/", "/review/queue", "/review/queue?status=all", "/review/themes", "/review/proposals",
                    f"/review/ideas/{ids['own_idea']}", "/export/check", "/admin/",
                    # A theme merge and a retirement ask first (issue 11, finding 7).
                    f"/review/themes/{ids['theme']}/merge?into={ids['other_theme']}",
                    f"/review/themes/{ids['theme']}/retire"],
        "drafter": ["/export/", "/export/check?status=submitted"],
        "admin": ["/admin/", "/admin/structure", f"/admin/users/{ids['user']}"],
    }


@pytest.fixture
def report_ideas(app) -> dict:
    """Approved and waiting ideas, proposals and a French idea, so every list and table has rows."""
    with app.app_context():
        seed_report()
        own = add_idea("Shelters need staff who stay for several years.", "Themes", "Group A", ("RES",),
                       status=IdeaStatus.SUBMITTED)
        add_idea("Les refuges ont besoin d'un financement stable.", "Themes", "Group A", ("RES",),
                 status=IdeaStatus.SUBMITTED, lang="fr")
        # A sent-back idea: the rapporteur's pages show the banner and the badge.
        add_idea("Night buses for shelter staff.", "Themes", "Group A", ("RES",),
                 status=IdeaStatus.RETURNED).review_note = "Say which shelters."
        # Two retired themes: two "Restore" buttons on the codebook page, each must name its theme.
        from app.models import Theme
        conference_id = own.conference_id
        db.session.add_all([Theme(conference_id=conference_id, code=code, name=name, retired=True)
                            for code, name in (("OLDA", "Earlier wording A"), ("OLDB", "Earlier wording B"))])
        # One retirement still undoable: the codebook page lists it with its Undo button.
        from app.models_review import ThemeChange
        db.session.flush()
        old = db.session.query(Theme).filter_by(code="OLDA").one()
        db.session.add(ThemeChange(conference_id=conference_id, action="retire", theme_id=old.id, links=[]))
        active = db.session.query(Theme).filter_by(conference_id=conference_id, retired=False).order_by(Theme.code)
        session = session_titled("Themes")
        from app.models import User
        rapporteur = db.session.scalar(db.select(User.id).where(User.username == "rapporteur"))
        ids = {"own_idea": own.id, "session": session.id, "group": own.group_id, "user": rapporteur,
               "theme": active[0].id, "other_theme": active[1].id}
        db.session.commit()
    return ids


def sign_in_as(context, server: LiveServer, role: str, lang: str):
    """A page in context, signed in as role (unless anonymous), with the interface language chosen."""
    page = context.new_page()
    page.goto(server(f"/lang/{lang}?next=/auth/login"))
    if role != "anonymous":
        page.fill("#username", role)
        page.fill("#password", PASSWORD)
        with page.expect_navigation():
            page.click("main button[type=submit]")
        page.goto(server(f"/lang/{lang}?next=/"))  # signed in: saved as the user's preference
    return page


def check_page(page, url: str, lang: str) -> list[str]:
    """axe violations, a wrong <html lang> and overflow at 320 px on one page, as readable lines."""
    problems = []
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    if page.evaluate("document.documentElement.lang") != lang:
        problems.append(f"{url} [{lang}]: <html lang> is {page.evaluate('document.documentElement.lang')!r}")
    for details in page.locator("details").all():  # the hidden parts of a page are checked too
        details.evaluate("d => d.open = true")
    results = AXE.run(page, options=AXE_OPTIONS)
    for violation in results.response["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"]][:3]
        problems.append(f"{url} [{lang}]: {violation['id']} ({violation['impact']}) on {targets}")
    for name, targets in page.evaluate(SAME_NAME_DIFFERENT_TARGET):
        problems.append(f"{url} [{lang}]: {len(targets)} links or buttons named {name!r} do different things")
    page.set_viewport_size({"width": 320, "height": 640})
    too_wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => !e.closest('table') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .filter(e => getComputedStyle(e).visibility !== 'hidden' && !e.closest('.visually-hidden, .skip-link'))
        .slice(0, 3).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className)""")
    if too_wide or page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
        problems.append(f"{url} [{lang}]: wider than 320 px: {too_wide}")
    return problems


def test_axe_finds_nothing_on_any_page_of_any_role_in_either_language(live_server, browser, report_ideas,
                                                                         capsys):
    checked, problems = [], []
    for lang in ("en", "fr"):
        for role, paths in pages_by_role(report_ideas).items():
            context = browser.new_context()
            context.set_default_timeout(15_000)
            context.set_default_navigation_timeout(120_000)  # the first similar-idea page loads the model
            try:
                page = sign_in_as(context, live_server, role, lang)
                for path in paths:
                    problems += check_page(page, live_server(path), lang)
                    checked.append(f"{role} {lang} {path}")
            finally:
                context.close()
    with capsys.disabled():
        print(f"\naxe-core: {len(checked)} page states checked, {len(problems)} problems")
    assert len(checked) == 2 * sum(len(p) for p in pages_by_role(report_ideas).values())
    assert problems == [], "\n".join(problems)


def test_the_check_sees_a_violation(live_server, page):
    """The loop can fail: a page with an unlabelled field and no lang is reported."""
    page.goto(live_server("/auth/login"))
    page.evaluate("document.documentElement.removeAttribute('lang');"
                  "document.querySelector('label[for=username]').remove()")
    violations = {v["id"] for v in AXE.run(page, options=AXE_OPTIONS).response["violations"]}
    assert {"html-has-lang", "label"} <= violations
