"""The administrator's page: roster size and replacement, allow-list, accounts, settings."""
import io
import re

from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, EncryptedRoster, User
from app.services import conference as setup


def test_admin_sees_roster_size_not_names(admin_client):
    page = admin_client.get("/admin/").get_data(as_text=True)
    assert 'id="roster-size">3<' in page
    assert "Odalys" not in page and "Harbourlight" not in page


def _confirm_token(page: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def test_replace_roster_stores_it_encrypted(app, admin_client):
    csv = "name,affiliation\nQuillon Faraday,Brightwater Peace Circle\nZelda Marchetti,\n"
    preview = admin_client.post("/admin/roster", data={"roster_file": (io.BytesIO(csv.encode()), "r.csv")},
                                content_type="multipart/form-data").get_data(as_text=True)
    assert "2 people, 1 organization" in preview and "Quillon" not in preview
    with app.app_context():
        assert setup.roster_size(setup.current_conference()) == 3  # nothing replaced before the confirmation
    response = admin_client.post("/admin/roster/confirm", data={"token": _confirm_token(preview)},
                                 follow_redirects=True)
    assert "Roster replaced: 2 entries" in response.get_data(as_text=True)
    with app.app_context():
        stored = db.session.scalar(select(EncryptedRoster))
        assert b"Quillon" not in stored.ciphertext and stored.entry_count == 2
        entries = setup.load_roster(setup.current_conference(), app.config["ENCRYPTION_KEY_PATH"])
        assert ("Quillon Faraday", "Brightwater Peace Circle") in entries
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "replace_roster"))


def test_malformed_roster_is_refused_and_old_one_kept(app, admin_client):
    csv = "A,B,C\n"
    response = admin_client.post("/admin/roster", data={"roster_file": (io.BytesIO(csv.encode()), "r.csv")},
                                 content_type="multipart/form-data")
    assert response.status_code == 400
    assert "The roster has no entries. 0 people, 0 organizations; 1 row skipped: line 1 (more than two columns)" in (
        response.get_data(as_text=True))
    with app.app_context():
        assert setup.roster_size(setup.current_conference()) == 3


def test_allowlist_is_replaced(app, admin_client):
    admin_client.post("/admin/allowlist", data={"allowlist": "RCMP\n\n# comment\nUN Women\nRCMP\n"})
    with app.app_context():
        assert setup.allowlist_terms(setup.current_conference()) == ["RCMP", "UN Women"]


def test_create_account_with_groups(app, admin_client):
    with app.app_context():
        group = setup.current_conference().groups[1]
        group_id, label = group.id, group.label
    response = admin_client.post("/admin/users", data={"username": "rap2", "password": "long-enough-pw",
                                                       "role": "rapporteur", "group_ids": [str(group_id)]},
                                 follow_redirects=True)
    assert "Created rapporteur rap2" in response.get_data(as_text=True)
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "rap2"))
        assert [a.group.label for a in user.assignments] == [label]
        assert user.password_hash != "long-enough-pw"


def test_short_password_and_duplicate_are_refused(admin_client):
    assert admin_client.post("/admin/users", data={"username": "x", "password": "short",
                                                   "role": "drafter"}).status_code == 400
    response = admin_client.post("/admin/users", data={"username": "cochair", "password": "long-enough-pw",
                                                       "role": "drafter"})
    assert response.status_code == 400 and "is taken" in response.get_data(as_text=True)


def test_settings_toggle_groups_in_exports(app, admin_client):
    admin_client.post("/admin/settings", data={"show_groups_in_exports": "on"})
    with app.app_context():
        assert setup.current_conference().show_groups_in_exports is True


def test_other_roles_cannot_administer(cochair_client, rapporteur_client):
    assert cochair_client.get("/admin/").status_code == 403
    assert rapporteur_client.post("/admin/allowlist", data={"allowlist": "x"}).status_code == 403
