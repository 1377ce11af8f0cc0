"""Finding 4 of issue 11: a roster import reads what registration desks export (English and French headers,
comma, semicolon or tab, UTF-8 with or without BOM, Windows-1252, XLSX), previews it, and replaces the
stored roster only when confirmed; an unreadable file is one plain sentence, never a traceback.
Every name and organization here is invented."""
from __future__ import annotations

import io
import re

import pytest
from openpyxl import Workbook

from app.services import conference as setup
from app.services.conference import sealed

PEOPLE = [("Maëlle Quintavalle", "Réseau des femmes de Baie-Claire"), ("Ignatius Obradovitch", "Bureau du Nord"),
          ("Solène Archambeaux", "Réseau des femmes de Baie-Claire"), ("Tavish Moreland", "")]


def _csv(header: str, delimiter: str, rows=PEOPLE) -> str:
    lines = [header] if header else []
    lines += [delimiter.join(row) for row in rows]
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("header,delimiter,encoding,read_as", [
    ("name,affiliation", ",", "utf-8", "UTF-8"),
    ("nom;organisation", ";", "cp1252", "Windows-1252"),
    ("Nom\tOrganisme", "\t", "utf-8-sig", "UTF-8 with BOM"),
    ("", ";", "utf-8", "UTF-8"),
])
def test_headers_delimiters_and_encodings(header, delimiter, encoding, read_as):
    raw = _csv(header, delimiter).encode(encoding)
    preview = setup.read_roster(raw, "r.csv")
    assert preview.entries == PEOPLE
    assert preview.encoding == read_as and preview.delimiter == delimiter and preview.header == bool(header)
    assert preview.summary() == "4 people, 2 organizations"


def test_french_first_and_last_name_columns_are_joined_and_extra_columns_ignored():
    raw = "Prénom;Nom;Courriel;Organisation\nMaëlle;Quintavalle;mq@example.org;Bureau du Nord\n".encode("cp1252")
    preview = setup.read_roster(raw, "inscriptions.csv")
    assert preview.entries == [("Maëlle Quintavalle", "Bureau du Nord")]
    assert preview.ignored_columns == ["Courriel"]
    assert "Columns not imported: Courriel." in preview.format_line()


def test_skipped_rows_are_counted_with_their_reason_and_no_name():
    raw = "name,affiliation\nIgnatius Obradovitch,Bureau du Nord\n,Orphan Org\nTavish Moreland,Bureau du Nord\n"
    preview = setup.read_roster(raw.encode(), "r.csv")
    assert preview.summary() == "2 people, 1 organization; 1 row skipped: line 3 (no name)"


def test_xlsx_upload_is_read():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Participant", "Organization"])
    for row in PEOPLE:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    preview = setup.read_roster(buffer.getvalue(), "roster.xlsx")
    assert preview.entries == PEOPLE and preview.encoding == "Excel"


@pytest.mark.parametrize("raw,message", [
    (b"PK\x03\x04 not really a workbook", "not a readable Excel workbook"),
    (b"name,affiliation\n", "The roster has no entries."),
    (b"a\x00b,c\n", "not a readable CSV file"),
])
def test_unreadable_files_get_one_sentence(raw, message):
    with pytest.raises(setup.SetupError, match=message):
        setup.read_roster(raw, "r.csv")


def test_cli_previews_then_replaces_only_with_yes(app, runner, tmp_path):
    path = tmp_path / "inscriptions.csv"
    path.write_bytes(_csv("nom;organisation", ";").encode("cp1252"))
    preview = runner.invoke(args=["import-roster", str(path)])
    assert preview.exit_code == 0, preview.output
    assert "Read as Windows-1252, separated by semicolon, with a header row." in preview.output
    assert "4 people, 2 organizations" in preview.output and "Dry run" in preview.output
    assert "Quintavalle" not in preview.output
    with app.app_context():
        assert setup.roster_size(setup.current_conference()) == 3
    applied = runner.invoke(args=["import-roster", str(path), "--yes"])
    assert applied.exit_code == 0 and "Roster replaced: 4 entries" in applied.output
    with app.app_context():
        entries = setup.load_roster(setup.current_conference(), app.config["ENCRYPTION_KEY_PATH"])
        assert entries == PEOPLE


def test_cli_unreadable_roster_is_one_line_and_non_zero(app, runner, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04garbage")
    result = runner.invoke(args=["import-roster", str(path), "--yes"])
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: Roster not replaced: The roster is not a readable Excel workbook "
                                     "(.xlsx).")


def test_admin_preview_then_confirm(app, admin_client):
    raw = _csv("nom;organisation", ";").encode("cp1252")
    page = admin_client.post("/admin/roster", data={"roster_file": (io.BytesIO(raw), "liste.csv")},
                             content_type="multipart/form-data").get_data(as_text=True)
    assert "4 people, 2 organizations" in page and "Quintavalle" not in page
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    assert "Quintavalle".encode() not in token.encode()  # sealed: the browser carries ciphertext only
    with app.app_context():
        assert setup.roster_size(setup.current_conference()) == 3
        forged = sealed.seal(app.config["ENCRYPTION_KEY_PATH"], "conference", raw)
    refused = admin_client.post("/admin/roster/confirm", data={"token": forged})
    assert refused.status_code == 400 and "expired or is not valid" in refused.get_data(as_text=True)
    done = admin_client.post("/admin/roster/confirm", data={"token": token}, follow_redirects=True)
    assert "Roster replaced: 4 entries" in done.get_data(as_text=True)


def test_a_damaged_workbook_is_one_sentence():
    import zipfile

    workbook = Workbook()
    workbook.active.append(["name", "affiliation"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(damaged, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data[: len(data) // 2] if name.endswith("sheet1.xml") else data)
    with pytest.raises(setup.SetupError, match=r"not a readable Excel workbook \(\.xlsx\)"):
        setup.read_roster(damaged.getvalue(), "roster.xlsx")
