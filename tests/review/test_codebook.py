"""The theme codebook page: add, rename, merge, retire, restore, and promote emerging candidates."""
from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
import pytest

from app.models import AuditEvent, Idea, IdeaTheme, Theme, ThemeKind, as_utc
from app.models_review import ThemeChange
from app.services.conference import current_conference
from app.services.review import ReviewError

from job_support import run_jobs
from conftest import add_idea, confirm, theme_id


def test_codebook_lists_principal_themes_with_code_name_keywords(cochair_client, sample):
    page = cochair_client.get("/review/themes").get_data(as_text=True)
    assert "Principal themes" in page and "Emerging themes" in page
    assert "PART" in page and "Resources and funding" in page and "funding, budget" in page


def test_add_and_rename_a_theme(app, cochair_client):
    response = cochair_client.post("/review/themes", data={
        "code": "clim", "name": "Climate and security", "description": "Climate change as a driver of conflict.",
        "keywords": "climate, drought, climate", "kind": "emerging"}, follow_redirects=True)
    assert "Theme CLIM added." in response.get_data(as_text=True)
    duplicate = cochair_client.post("/review/themes", data={"code": "CLIM", "name": "Again"}, follow_redirects=True)
    assert "already in the codebook" in duplicate.get_data(as_text=True)
    with app.app_context():
        theme = db.session.scalar(select(Theme).where(Theme.code == "CLIM"))
        assert theme.kind is ThemeKind.EMERGING and theme.keywords == "climate, drought"
        theme_pk = theme.id
    cochair_client.post(f"/review/themes/{theme_pk}/rename", data={"name": "Climate, environment and security"})
    with app.app_context():
        theme = db.session.get(Theme, theme_pk)
        assert theme.name == "Climate, environment and security"
        assert theme.description == "Climate change as a driver of conflict."  # untouched when not sent
        actions = list(db.session.scalars(select(AuditEvent.action).where(AuditEvent.target_type == "theme")))
        assert actions == ["theme.add", "theme.rename"]
    page = cochair_client.get("/review/themes").get_data(as_text=True)
    assert "Climate, environment and security" in page


def test_merge_moves_ideas_to_the_target(app, cochair_client, sample):
    with app.app_context():
        prev, res = theme_id("PREV"), theme_id("RES")
        confirm(sample["violence"], "PREV")
        confirm(sample["funding"], "RES")
    # The first press only asks: nothing moves until the co-chair confirms.
    question = cochair_client.get(f"/review/themes/{prev}/merge?into={res}").get_data(as_text=True)
    assert "Merge PREV into RES?" in question and 'name="confirm" value="yes"' in question
    unconfirmed = cochair_client.post(f"/review/themes/{prev}/merge", data={"into": res})
    assert unconfirmed.status_code == 200 and "Merge PREV into RES?" in unconfirmed.get_data(as_text=True)
    with app.app_context():
        assert not db.session.get(Theme, prev).retired
    response = cochair_client.post(f"/review/themes/{prev}/merge", data={"into": res, "confirm": "yes"},
                                   follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "PREV merged into RES" in page and "You can undo this" in page
    with app.app_context():
        source = db.session.get(Theme, prev)
        assert source.retired and source.merged_into_id == res
        assert not db.session.scalars(select(IdeaTheme).where(IdeaTheme.theme_id == prev)).all()
        confirmed = {l.theme.code for l in db.session.get(Idea, sample["violence"]).themes if l.confirmed}
        assert confirmed == {"RES"}
        # Every idea keeps at most one link per theme after the merge.
        for idea in db.session.scalars(select(Idea)):
            codes = [l.theme_id for l in idea.themes]
            assert len(codes) == len(set(codes))
    page = cochair_client.get("/review/themes").get_data(as_text=True)
    assert "Retired and merged themes" in page


def test_retire_and_restore_a_theme(app, cochair_client, sample):
    part = None
    with app.app_context():
        part = theme_id("PART")
    assert "Retire PART?" in cochair_client.get(f"/review/themes/{part}/retire").get_data(as_text=True)
    cochair_client.post(f"/review/themes/{part}/retire", data={"confirm": "yes"})
    with app.app_context():
        assert db.session.get(Theme, part).retired
        # A retired theme is no longer suggested on any idea.
        assert not db.session.scalars(select(IdeaTheme).where(IdeaTheme.theme_id == part,
                                                              IdeaTheme.confirmed.is_(False))).all()
        idea = add_idea("Women should lead the peace negotiations and mediation teams.")
        assert all(l.theme.code != "PART" for l in idea.themes)
    queue = cochair_client.get("/review/queue").get_data(as_text=True)
    assert f'<option value="{part}">PART ·' not in queue  # not offered on ideas any more
    assert '">PREV ·' in queue and '">RES ·' in queue  # the other themes still are
    cochair_client.post(f"/review/themes/{part}/restore")
    with app.app_context():
        assert not db.session.get(Theme, part).retired


def test_promote_a_candidate_into_an_emerging_theme(app, cochair_client, sample):
    with app.app_context():
        ids = [add_idea(text, group=group).id for text, group in [
            ("Cyber harassment of women human rights defenders online must be tackled.", "Group A"),
            ("Online abuse and digital threats silence women activists on social media.", "Group B"),
            ("Platforms should remove coordinated online harassment campaigns against activists.", "Group C"),
        ]]
    response = cochair_client.post("/review/themes/promote", data={
        "code": "DIGI", "name": "Online harassment", "keywords": "online, harassment, digital",
        "idea_ids": [str(i) for i in ids]}, follow_redirects=True)
    assert "Emerging theme DIGI added" in response.get_data(as_text=True)
    with app.app_context():
        theme = db.session.scalar(select(Theme).where(Theme.code == "DIGI"))
        assert theme.kind is ThemeKind.EMERGING
        for idea_id in ids:
            assert "DIGI" in {l.theme.code for l in db.session.get(Idea, idea_id).themes if l.confirmed}
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "theme.promote"))
    page = cochair_client.get("/review/themes").get_data(as_text=True)
    assert "Online harassment" in page


def test_candidate_emerging_themes_are_shown_with_characteristic_words(app, cochair_client, sample):
    with app.app_context():
        for text, group in [
            ("Cyber harassment of women human rights defenders online must be tackled.", "Group A"),
            ("Online harassment and digital threats silence women activists on social media.", "Group B"),
            ("Platforms should remove coordinated online harassment campaigns against activists.", "Group C"),
            ("Track online harassment of activists as a digital security threat.", "Group A"),
            ("Climate change, drought and floods displace rural communities.", "Group B"),
        ]:
            add_idea(text, group=group)
    page = cochair_client.get("/review/themes").get_data(as_text=True)
    # Clustering is job work: the first view queues it and says so.
    assert "Looking for new clusters" in page
    assert run_jobs(app) >= 1
    page = cochair_client.get("/review/themes").get_data(as_text=True)
    assert "Looking for new clusters" not in page
    assert "Candidate emerging themes" in page
    # Low-fit ideas about one new subject are proposed together, with their words.
    assert "Promote to emerging theme" in page
    assert "harassment" in page.split('id="candidates"')[1].lower()


def test_merge_without_a_chosen_target_changes_nothing(app, cochair_client, sample):
    with app.app_context():
        prev = theme_id("PREV")
    page = cochair_client.get("/review/themes").get_data(as_text=True)
    # No target is pre-selected in the merge menu: the placeholder is.
    assert f'<select id="into-{prev}" name="into" required>\n            <option value="" disabled selected>' in page
    response = cochair_client.get(f"/review/themes/{prev}/merge?into=", follow_redirects=True)
    assert "Choose the theme to merge into." in response.get_data(as_text=True)
    with app.app_context():
        assert not db.session.get(Theme, prev).retired


def _links(theme_code: str) -> set[tuple[int, bool, int]]:
    return {(l.idea_id, l.confirmed, l.rank) for l in db.session.scalars(
        select(IdeaTheme).where(IdeaTheme.theme_id == theme_id(theme_code)))}


def test_undo_a_merge_restores_exactly_the_links_it_moved(app, cochair_client, sample):
    with app.app_context():
        prev, res = theme_id("PREV"), theme_id("RES")
        confirm(sample["violence"], "PREV")
        confirm(sample["funding"], "PREV")
        confirm(sample["funding"], "RES")  # this idea carries both: the merge folds two links into one
        before = {code: _links(code) for code in ("PREV", "RES", "PART")}
        assert before["PREV"]
    cochair_client.post(f"/review/themes/{prev}/merge", data={"into": res, "confirm": "yes"})
    with app.app_context():
        assert _links("PREV") == set()
        change_id = db.session.scalar(select(ThemeChange.id).where(ThemeChange.theme_id == prev))
    page = cochair_client.get("/review/themes").get_data(as_text=True)
    assert "Recent changes you can undo" in page and "PREV merged into RES" in page
    response = cochair_client.post(f"/review/themes/changes/{change_id}/undo", follow_redirects=True)
    assert "Theme PREV is back" in response.get_data(as_text=True)
    with app.app_context():
        theme = db.session.get(Theme, prev)
        assert not theme.retired and theme.merged_into_id is None
        assert {code: _links(code) for code in ("PREV", "RES", "PART")} == before
    again = cochair_client.post(f"/review/themes/changes/{change_id}/undo", follow_redirects=True)
    assert "already undone" in again.get_data(as_text=True)


def test_undo_a_retirement_brings_back_its_suggestions_and_expires(app, cochair_client, sample):
    from datetime import timedelta

    from app.services.review import theme_undo

    with app.app_context():
        part = theme_id("PART")
        before = _links("PART")
        assert any(not confirmed for _, confirmed, _ in before), "the sample has PART suggestions"
    cochair_client.post(f"/review/themes/{part}/retire", data={"confirm": "yes"})
    with app.app_context():
        assert {l for l in _links("PART") if not l[1]} == set()
        change = db.session.scalar(select(ThemeChange).where(ThemeChange.theme_id == part))
        late = as_utc(change.at) + timedelta(minutes=theme_undo.DEFAULT_UNDO_MINUTES + 1)
        assert theme_undo.undoable_changes(current_conference(), now=late) == []
        with pytest.raises(ReviewError, match="too old"):
            theme_undo.undo_change(None, change, now=late)
        db.session.rollback()
        change_id = change.id
    cochair_client.post(f"/review/themes/changes/{change_id}/undo")
    with app.app_context():
        assert not db.session.get(Theme, part).retired
        assert _links("PART") == before


def test_retire_is_a_quiet_action(cochair_client, sample):
    page = cochair_client.get("/review/themes").get_data(as_text=True)
    codebook = page.split("Principal themes")[1].split("Candidate emerging themes")[0]
    assert 'class="danger"' not in codebook
    assert codebook.count('<details class="review-theme-more">') == 3
    assert "Retire…" in codebook
