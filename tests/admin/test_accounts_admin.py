"""Finding 1 and 9 of issue 11 on accounts: an administrator edits groups, role and state, makes a one-time
reset code shown once; a new account is a rapporteur unless chosen otherwise; sessions and groups edited."""
from __future__ import annotations

import re

from sqlalchemy import select

from app.extensions import db
from app.models import BreakoutGroup, Role, User
from app.models_setup import PasswordResetCode
from app.services import conference as setup
from tests.conftest import PASSWORD


def _user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


def test_new_account_form_defaults_to_rapporteur(admin_client):
    page = admin_client.get("/admin/").get_data(as_text=True)
    assert '<option value="rapporteur" selected>Rapporteur</option>' in page
    assert '<option value="admin" selected>' not in page


def test_admin_edits_role_groups_and_state(app, admin_client):
    with app.app_context():
        user_id = _user("drafter").id
        group_ids = [g.id for g in setup.current_conference().groups if g.label in ("Group B", "Group C")]
    response = admin_client.post(f"/admin/users/{user_id}", data={"role": "rapporteur", "active": "on",
                                                                 "group_ids": [str(i) for i in group_ids]},
                                 follow_redirects=True)
    assert "Saved drafter." in response.get_data(as_text=True)
    with app.app_context():
        user = _user("drafter")
        assert user.role is Role.RAPPORTEUR and sorted(a.group.label for a in user.assignments) == ["Group B",
                                                                                                  "Group C"]


def test_admin_cannot_demote_themself(app, admin_client):
    with app.app_context():
        admin_id = _user("admin").id
    response = admin_client.post(f"/admin/users/{admin_id}", data={"role": "drafter", "active": "on"})
    assert response.status_code == 400 and "You cannot remove your own administrator role" in (
        response.get_data(as_text=True))


def test_reset_code_is_shown_once_and_works_once(app, admin_client, client):
    with app.app_context():
        user_id = _user("cochair").id
    page = admin_client.post(f"/admin/users/{user_id}/reset-code").get_data(as_text=True)
    code = re.search(r'id="reset-code" class="code">([A-Z0-9-]+)<', page).group(1)
    assert len(code) == 14 and code not in admin_client.get(f"/admin/users/{user_id}").get_data(as_text=True)
    with app.app_context():
        stored = db.session.scalar(select(PasswordResetCode))
        assert stored.code_sha256 != code and len(stored.code_sha256) == 64
    weak = client.post("/auth/reset", data={"username": "cochair", "code": code, "password": "short"})
    assert weak.status_code == 400  # the password policy still applies, and the code stays valid
    done = client.post("/auth/reset", data={"username": "cochair", "code": code.lower(),
                                            "password": "a-brand-new-passphrase"})
    assert done.status_code == 303
    again = client.post("/auth/reset", data={"username": "cochair", "code": code, "password": "another-passphrase-9"})
    assert again.status_code == 400 and "wrong, used or expired" in again.get_data(as_text=True)
    signed_in = client.post("/auth/login", data={"username": "cochair", "password": "a-brand-new-passphrase"})
    assert signed_in.status_code == 302


def test_failed_sign_in_keeps_the_username(client):
    response = client.post("/auth/login", data={"username": "cochair", "password": "not-the-password"})
    page = response.get_data(as_text=True)
    assert response.status_code == 401 and 'value="cochair"' in page and "Wrong username or password" in page
    assert client.post("/auth/login", data={"username": "cochair", "password": PASSWORD}).status_code == 302


def test_groups_are_added_renamed_and_removed_only_with_a_move(app, admin_client, rapporteur_client):
    assert admin_client.post("/admin/groups", data={"label": "Group D"}).status_code == 303
    with app.app_context():
        group_a = db.session.scalar(select(BreakoutGroup).where(BreakoutGroup.label == "Group A"))
        group_d = db.session.scalar(select(BreakoutGroup).where(BreakoutGroup.label == "Group D"))
        a_id, d_id = group_a.id, group_d.id
    refused = admin_client.post(f"/admin/groups/{a_id}/remove", data={})
    assert refused.status_code == 400 and "Group A holds 1 ideas, drafts or assignments" in (
        refused.get_data(as_text=True))
    assert admin_client.post(f"/admin/groups/{a_id}/remove", data={"move_to": str(d_id)}).status_code == 303
    assert admin_client.post(f"/admin/groups/{d_id}", data={"label": "Group Delta"}).status_code == 303
    with app.app_context():
        rapporteur = _user("rapporteur")
        assert "Group Delta" in [a.group.label for a in rapporteur.assignments]
        assert db.session.get(BreakoutGroup, a_id) is None


def test_session_edit_checks_its_fields(app, admin_client):
    with app.app_context():
        session = setup.current_conference().days[0].sessions[1]
        session_id = session.id
    bad = admin_client.post(f"/admin/sessions/{session_id}", data={"title": "Themes", "kind": "lecture"})
    assert bad.status_code == 400 and "Session kind must be plenary or breakout" in bad.get_data(as_text=True)
    ok = admin_client.post(f"/admin/sessions/{session_id}", data={"title": "Themes", "title_fr": "Thèmes",
                                                                 "kind": "breakout", "starts_at": "10:30",
                                                                 "code": "d1-themes"})
    assert ok.status_code == 303
    with app.app_context():
        session = setup.current_conference().days[0].sessions[1]
        assert (session.title_fr, session.starts_at, session.code) == ("Thèmes", "10:30", "D1-THEMES")
