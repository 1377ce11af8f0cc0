"""Commands a person reads answer in the terminal's language; the demo conference and codebook carry
French names that the import keeps."""
from __future__ import annotations

from pathlib import Path

from app.extensions import db
from app.i18n import localized
from app.services import conference as setup
from app.services.review.codebook import load_default_codebook

DATA = Path(__file__).resolve().parents[2] / "app" / "data"
FRENCH_TERMINAL = {"LANG": "fr_CA.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def test_import_summary_in_french(runner, tmp_path):
    conference = tmp_path / "c.yaml"
    conference.write_text("name: Deuxième\ngroups: [A, B]\ndays:\n  - sessions: [{title: Atelier, kind: breakout}]\n"
                          "themes: [{code: X1, name: Thème}]\n", encoding="utf-8")
    conference.write_text("name: Deuxième\ngroups: [A, B, Group A]\ndays:\n  - sessions: [{title: Atelier, kind: breakout}]\n"
                          "themes: [{code: X1, name: Thème}]\n", encoding="utf-8")
    result = runner.invoke(args=["import-conference", str(conference), "--yes"], env=FRENCH_TERMINAL)
    assert result.exit_code == 0, result.output
    assert "Séances\u00a0: 1 ajout(s), 0 modification(s), 4 retrait(s)" in result.output
    assert "Importé Deuxième\u00a0: 1 jour, 1 séance, 4 groupes (avec la plénière), 1 thème." in result.output


def test_seed_demo_speaks_french(runner):
    result = runner.invoke(args=["seed-demo", "--quiet-passwords"], env=FRENCH_TERMINAL)
    assert result.exit_code == 0, result.output
    assert "Conférence de démonstration déjà présente" in result.output
    assert "Comptes de démonstration (nouveaux mots de passe à chaque seed-demo)" in result.output
    assert "Coprésidence" in result.output and "(masqué)" in result.output


def test_english_terminal_stays_english(runner):
    result = runner.invoke(args=["purge-drafts"], env={"LANG": "en_CA.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert "Destroyed 0 expired drafts." in result.output


def test_demo_conference_and_codebook_have_french_names(app):
    themes = load_default_codebook()
    assert len(themes) == 13 and all(t.name_fr and t.description_fr for t in themes)
    data = setup.parse_conference_file((DATA / "demo_conference.yaml").read_text(encoding="utf-8"))
    data["themes"] = themes
    with app.app_context():
        conference = setup.import_conference(data)
        assert localized(conference, "name", "fr").startswith("Renouvellement du Plan d'action national")
        sessions = [s for day in conference.days for s in day.sessions]
        assert all(s.title_fr for s in sessions)
        assert localized(sessions[0], "title", "fr") == "Plénière d'ouverture"
        assert localized(sessions[0], "title", "en") == "Opening plenary"
        res = next(t for t in conference.themes if t.code == "RES")
        assert res.name_fr == "Ressources et financement" and res.description_fr.startswith("Ressources du plan")
        db.session.rollback()
