"""Which language a page is in: the saved preference, else ?lang=, else Accept-Language, else the default;
the EN | FR switch keeps the page; error pages and flash messages follow."""
from __future__ import annotations

import html
import json
import re

from sqlalchemy import select

from app.extensions import db
from app.models import User


def lang_of(response) -> str:
    return re.search(r'<html lang="(\w+)"', response.get_data(as_text=True)).group(1)


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_english_by_default(client):
    response = client.get("/auth/login")
    assert lang_of(response) == "en"
    assert "<h1>Sign in</h1>" in text_of(response)


def test_query_parameter_selects_french_and_is_remembered(client):
    response = client.get("/auth/login?lang=fr")
    assert lang_of(response) == "fr"
    assert "<h1>Ouvrir une session</h1>" in text_of(response)
    again = client.get("/auth/login")  # the session remembers the choice
    assert lang_of(again) == "fr"


def test_browser_language_selects_french(client):
    response = client.get("/auth/login", headers={"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5"})
    assert lang_of(response) == "fr"
    assert "Nom d'utilisateur" in text_of(response)
    english = client.get("/auth/login", headers={"Accept-Language": "en-CA,en;q=0.9"})
    assert lang_of(english) == "en"


def test_saved_preference_wins_over_the_browser(app, rapporteur_client):
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "rapporteur"))
        user.locale = "fr"
        db.session.commit()
    response = rapporteur_client.get("/capture/", headers={"Accept-Language": "en-CA"})
    assert lang_of(response) == "fr"
    assert "Vos séances et vos groupes" in text_of(response)
    assert "Prendre des notes" in text_of(response)


def test_switch_keeps_the_page_and_saves_the_preference(app, rapporteur_client):
    response = rapporteur_client.get("/lang/fr?next=/capture/ideas")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/capture/ideas")
    page = rapporteur_client.get("/capture/ideas", headers={"Accept-Language": "en"})
    assert lang_of(page) == "fr" and "Idées de vos groupes" in text_of(page)
    with app.app_context():
        assert db.session.scalar(select(User.locale).where(User.username == "rapporteur")) == "fr"
    back = rapporteur_client.get("/lang/en?next=/capture/ideas", follow_redirects=True)
    assert lang_of(back) == "en" and "Your groups' ideas" in text_of(back)


def test_switch_link_on_every_page_points_back_to_it(client, cochair_client):
    login = text_of(client.get("/auth/login"))
    assert 'href="/lang/fr?next=/auth/login"' in login
    queue = text_of(cochair_client.get("/review/queue?status=approved&lang=fr"))
    # The other language's link keeps the page and its filters, without the ?lang= that would undo it.
    assert 'href="/lang/en?next=/review/queue?status%3Dapproved"' in queue
    assert 'lang="en" hreflang="en"' in queue


def test_switch_refuses_to_leave_the_site(client):
    assert client.get("/lang/de?next=/auth/login").status_code == 302
    assert lang_of(client.get("/auth/login")) == "en"  # an unknown language changes nothing
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.get("/lang/fr", query_string={"next": target})
        assert response.status_code == 302
        assert "evil" not in response.headers["Location"]


def test_error_pages_and_flash_messages_in_french(app, client, admin_client):
    missing = client.get("/nowhere", headers={"Accept-Language": "fr"})
    assert missing.status_code == 404
    assert "Erreur 404" in text_of(missing) and "Il n'y a rien à cette adresse." in text_of(missing)
    as_json = client.get("/nowhere", headers={"Accept-Language": "fr", "Accept": "application/json"})
    assert as_json.get_json() == {"error": "Il n'y a rien à cette adresse."}
    refused = client.post("/auth/login?lang=fr", data={"username": "admin", "password": "wrong"})
    assert "Nom d'utilisateur ou mot de passe incorrect." in text_of(refused)
    admin_client.get("/lang/fr?next=/admin/")
    saved = admin_client.post("/admin/settings", data={}, follow_redirects=True)
    assert "Paramètres enregistrés." in text_of(saved)


def test_scripts_get_their_messages_in_the_page_language(client):
    french = client.get("/auth/login?lang=fr").get_data(as_text=True)
    block = re.search(r'<script type="application/json" id="i18n">(.*?)</script>', french, re.S).group(1)
    messages = json.loads(block)
    assert messages["Offline — will retry"] == "Hors ligne — nouvel essai sous peu"
    assert messages["{n} removal"] == ["{n} retrait", "{n} retraits"]
    assert "</" not in block  # nothing in the block can close the script element


def test_french_conference_names_on_french_pages(app, rapporteur_client):
    from app.models import Session

    with app.app_context():
        session = db.session.scalar(select(Session).where(Session.title == "Themes"))
        session.title_fr = "Thèmes de la journée"
        db.session.commit()
    french = text_of(rapporteur_client.get("/capture/?lang=fr"))
    assert "Thèmes de la journée" in french
    english = text_of(rapporteur_client.get("/capture/?lang=en"))
    assert "Thèmes de la journée" not in english and ">Themes" in english


def test_a_refused_sign_in_ties_the_error_to_the_fields(client):
    page = client.post("/auth/login?lang=fr", data={"username": "admin", "password": "wrong"})
    body = text_of(page)
    error_id = re.search(r'<div class="flash flash-error" id="([\w-]+)" role="alert">Nom d\'utilisateur ou mot', body)
    assert error_id
    for field in ("username", "password"):
        tag = re.search(rf'<input id="{field}"[^>]*>', body).group(0)
        assert f'aria-describedby="{error_id.group(1)}"' in tag and 'aria-invalid="true"' in tag
    assert "aria-invalid" not in text_of(client.get("/auth/login"))


def test_cochair_gives_a_theme_its_french_name(app, cochair_client):
    from app.models import Theme

    with app.app_context():
        theme = db.session.scalar(select(Theme).where(Theme.code == "RES"))
        theme_id, name = theme.id, theme.name
    cochair_client.post(f"/review/themes/{theme_id}/rename", data={
        "name": name, "name_fr": "Ressources et financement", "description_fr": "Budget et fonds du plan."})
    french = text_of(cochair_client.get("/review/?lang=fr"))
    assert "<strong>RES</strong> · Ressources et financement</span>" in french
    english = text_of(cochair_client.get("/review/?lang=en"))
    assert "<strong>RES</strong> · Resources and funding</span>" in english
