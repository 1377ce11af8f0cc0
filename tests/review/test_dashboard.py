"""The dashboard: who has reported, ideas per theme, widest proposals, newest clusters."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from app.extensions import db
from app.services.conference import current_conference
from app.services.review.dashboard import conference_timezone, not_started
from conftest import add_idea, confirm


def test_dashboard_shows_reported_and_silent_rooms(cochair_client, sample):
    page = cochair_client.get("/review/").get_data(as_text=True)
    assert "Who has reported" in page
    table = page.split('class="review-reporting"')[1].split("</table>")[0]
    themes_row = table.split("Day 1 · Themes")[1].split("</tr>")[0]
    # Group A and B reported one idea each in Themes; Group C is silent there.
    assert re.findall(r'class="review-(reported|silent)"><a [^>]*>(\d+)<', themes_row) == [
        ("reported", "1"), ("reported", "1"), ("silent", "0")]
    assert 'class="review-na"' in themes_row  # the plenary group does not sit in a breakout
    assert "4 waiting for review" in page


def test_ideas_per_theme_chart_uses_svg_attributes(app, cochair_client, sample):
    with app.app_context():
        confirm(sample["funding"], "RES")
    page = cochair_client.get("/review/").get_data(as_text=True)
    # Bars are SVG attributes (in percent, no inline style); labels are HTML text with the theme's name.
    assert '<ul class="review-chart">' in page
    assert re.search(r'<rect x="0" y="0" width="[\d.]+%" height="18" class="review-bar-confirmed">', page)
    assert "<strong>RES</strong> · Resources and funding</span>" in page
    # The same figures as a table, with headers.
    table = page[page.index('<table class="review-theme-table">'):]
    assert re.search(r'<th scope="row">RES · Resources and funding</th><td>[1-9]\d*</td><td>1</td>', table)


def test_no_inline_styles_or_scripts_on_review_pages(cochair_client, sample):
    for url in ("/review/", "/review/queue", "/review/themes", "/review/proposals",
                f"/review/ideas/{sample['funding']}"):
        response = cochair_client.get(url)
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and "<main" in page and "<h1" in page, url  # a real page
        assert "style=" not in page, url
        # Only script files run; the one inline element is the page's messages as JSON data (never run).
        assert re.search(r'<script(?![^>]*\b(?:src=|type="application/json"))', page) is None, url


def _set_day_dates(day1, day2) -> None:
    from app.models import ConferenceDay

    for day in db.session.scalars(select(ConferenceDay)):
        day.date = day1 if day.number == 1 else day2
    db.session.commit()


def test_sessions_that_have_not_started_are_grey_not_red_zeros(app, cochair_client):
    with app.app_context():
        add_idea("Shelters in rural areas need five-year funding.", group="Group A", session="Themes", suggest=False)
        today = datetime.now(conference_timezone()).date()
        _set_day_dates(today - timedelta(days=1), today + timedelta(days=1))  # day 1 is over, day 2 is tomorrow
    page = cochair_client.get("/review/").get_data(as_text=True)
    table = page.split('class="review-reporting"')[1].split("</table>")[0]
    themes_row = table.split("Day 1 · Themes")[1].split("</tr>")[0]
    targets_row = table.split("Day 2 · Targets")[1].split("</tr>")[0]
    # Day 1 happened: groups that sent nothing are red zeros.
    assert themes_row.count('class="review-silent"') == 2 and "not started" not in themes_row
    # Day 2 has not started: grey cells saying so, no red zero.
    assert 'class="review-silent"' not in targets_row
    assert targets_row.count('class="review-upcoming"') == 3 and "not started" in targets_row
    assert '<tr class="review-upcoming-row">' in table.split("Day 2 · Targets")[0][-80:]


def test_not_started_reads_the_schedule_in_the_conference_time_zone(app):
    from app.models import Session

    with app.app_context():
        _set_day_dates(date(2030, 3, 4), date(2030, 3, 5))
        session = db.session.scalar(select(Session).where(Session.title == "Targets"))
        session.starts_at = "09:30"
        zone = conference_timezone()
        assert not_started(session, now=datetime(2030, 3, 5, 9, 29, tzinfo=zone))
        assert not not_started(session, now=datetime(2030, 3, 5, 9, 31, tzinfo=zone))
        session.day.date = None  # no date: the schedule cannot say, so never greyed
        assert not not_started(session, now=datetime(2000, 1, 1, tzinfo=zone))


def test_proposals_raised_by_several_groups_means_two_or_more(app, cochair_client, sample):
    # Group A and the plenary: one breakout group, not "several".
    cochair_client.post("/review/proposals/merge", data={"idea_ids": f"{sample['funding']},{sample['opening']}"})
    page = cochair_client.get("/review/").get_data(as_text=True)
    section = page.split('id="proposals-title"')[1].split("</section>")[0]
    assert "Proposals raised by several groups" in page
    assert "raised by 1 of 3" not in section and "No proposal raised by two groups or more yet." in section
    cochair_client.post("/review/proposals/merge", data={"idea_ids": f"{sample['police']},{sample['violence']}"})
    section = cochair_client.get("/review/").get_data(as_text=True).split('id="proposals-title"')[1]
    assert "raised by 2 of 3 groups" in section.split("</section>")[0]


def test_a_cluster_without_words_is_listed_nowhere(app, cochair_client, sample):
    from app.models_jobs import Job
    from app.services import jobs

    a, b, c = sample["funding"], sample["police"], sample["violence"]
    with app.app_context():
        conference_id = current_conference().id
        db.session.add(Job(kind=jobs.EMERGING, conference_id=conference_id, state=jobs.DONE, payload={},
                           result={"key": "old", "candidates": [[[], [a, b], ""], [["shelters", "rural"], [b, c], ""]]},
                           finished_at=datetime.now(timezone.utc)))
        db.session.commit()
    dashboard = cochair_client.get("/review/").get_data(as_text=True).split('id="emerging-title"')[1]
    themes = cochair_client.get("/review/themes").get_data(as_text=True).split('id="candidates"')[1]
    # The cluster with words is on both pages; the one without is on neither.
    assert "<strong>shelters, rural</strong>" in dashboard
    assert "<h3>shelters, rural</h3>" in themes
    assert dashboard.count("<li><strong>") == 1 and themes.count('class="review-candidate"') == 1
