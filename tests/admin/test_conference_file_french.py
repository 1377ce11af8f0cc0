"""Issue 13: the conference file's per-field errors are in the reader's language (terminal or page)."""
from __future__ import annotations

import io

FRENCH_TERMINAL = {"LANG": "fr_CA.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def test_field_errors_in_french_on_the_command_line(runner, tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("name: [une, liste]\n", encoding="utf-8")
    result = runner.invoke(args=["import-conference", str(path)], env=FRENCH_TERMINAL)
    assert result.exit_code == 1
    assert "Conférence non importée\u00a0: Le nom de la conférence («\u00a0name\u00a0») doit être du texte." in (
        result.output)


def test_field_errors_in_french_on_the_admin_page(admin_client):
    admin_client.get("/lang/fr?next=/admin/")
    content = "name: Deuxième\ndays:\n  - sessions: [{title: '', kind: breakout}]\n"
    response = admin_client.post("/admin/conference", data={"conference_file": (io.BytesIO(content.encode()),
                                                                                "c.yaml")},
                                 content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Le titre de chaque séance («\u00a0title\u00a0») est obligatoire." in page.replace("&#34;", '"')
    english = "is required"
    assert english not in page
