"""The dashboard: who has reported, ideas per theme, widest proposals, newest clusters."""
from __future__ import annotations

import re


from conftest import confirm


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
