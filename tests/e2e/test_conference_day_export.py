"""Issue 11 replayed as a report drafter would, in a real headless Chromium (finding 8, exports) and on
the command line (finding 9, `flask export`)."""
from __future__ import annotations

import io

from browser_support import sign_in
from docx import Document
from playwright.sync_api import expect
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent
from app.models_export import ExportRecord
from tests.export.export_seed import add_idea, add_proposal

# Invented wordings of one proposal raised by three groups: two under RES, one under PREV.
TITLE = "Protect shelter funding from year-end cuts"
WORDINGS = (("Shelter budgets should be protected from year-end cuts.", "Group A", "RES"),
            ("Year-end cuts must never reach shelter budgets.", "Group B", "RES"),
            ("Ring-fence the money for shelters at the end of each year.", "Group C", "PREV"))
ONE_GROUP_TITLE = "Evening hours for drop-in centres"
ONE_GROUP = ("Drop-in centres should stay open in the evening.", "Open drop-in centres after work hours.")


def _seed(app) -> None:
    """What co-chairs leave after merging: one proposal across two themes, one merged within one group."""
    with app.app_context():
        proposal = add_proposal(TITLE)
        for text, group, theme in WORDINGS:
            add_idea(text, "Themes", group, (theme,), proposal=proposal)
        one_group = add_proposal(ONE_GROUP_TITLE)
        for text in ONE_GROUP:
            add_idea(text, "Themes", "Group A", ("PART",), proposal=one_group)


def _download(page, format_label: str) -> bytes:
    """Choose a format on the export page, press Export, and read the file the browser receives."""
    page.get_by_label(format_label, exact=True).check()
    # The first export of a fresh server loads the final check's models: allow for it.
    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("button", name="Export", exact=True).click(no_wait_after=True)
    return download.value.path().read_bytes()


def _sections(markdown: str) -> dict[str, str]:
    return {part.split("\n", 1)[0]: part for part in markdown.split("\n## ")[1:]}


def test_finding_8_merged_proposal_sits_under_one_theme_with_a_cross_reference(live_server, page):
    _seed(live_server.app)
    sign_in(page, live_server, "drafter")
    page.goto(live_server("/export/"))

    markdown = _download(page, "Markdown").decode("utf-8")
    assert markdown.count(f"**{TITLE}**") == 1
    sections = _sections(markdown)
    res = next(body for title, body in sections.items() if title.startswith("RES"))
    prev = next(body for title, body in sections.items() if title.startswith("PREV"))
    assert f"**{TITLE}** — raised by 3 of 3 groups" in res
    assert all(text in res for text, _, _ in WORDINGS)  # every wording under the primary theme
    assert not any(text in prev for text, _, _ in WORDINGS)
    assert f"- {TITLE} (see RES — Resources and funding)" in prev
    part = next(body for title, body in sections.items() if title.startswith("PART"))
    assert "Proposals raised by several groups" not in part  # one group is not "several"
    assert f"**{ONE_GROUP_TITLE}** — raised by 1 of 3 groups" in part.split("### Other merged proposals")[1]

    page.goto(live_server("/export/"))
    document = Document(io.BytesIO(_download(page, "Word")))
    lines = [p.text for p in document.paragraphs]
    # PREV comes first in the codebook: its pointer, then the proposal itself under RES.
    assert [line for line in lines if line.startswith(TITLE)] == [
        f"{TITLE} (see RES — Resources and funding)", f"{TITLE} — raised by 3 of 3 groups"]
    several = lines.index("Proposals raised by several groups")
    assert lines[several + 1] == f"{TITLE} — raised by 3 of 3 groups"

    page.goto(live_server("/export/"))
    expect(page.get_by_role("link", name="Download")).to_have_count(2)  # both exports are listed again
    assert page.js_errors == []


def test_finding_9_export_cli_error_is_one_plain_line_and_records_nothing(app, runner):
    _seed(app)
    result = runner.invoke(args=["export", "--format", "docx", "--out", "/nonexistent/x.docx"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: Cannot write /nonexistent/x.docx: No such file or directory. Nothing was exported or recorded."]
    with app.app_context():
        assert db.session.scalar(select(ExportRecord)) is None
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export")) is None
