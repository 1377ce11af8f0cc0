"""Reading a participant roster as registration desks export it: CSV with a comma, semicolon or tab
(French-locale Excel writes semicolons), UTF-8 with or without a BOM, UTF-16 or Windows-1252, or an
Excel workbook; a header row in English or French (`name,affiliation`, `nom;organisation`,
`Prénom;Nom;Organisme`...), or none. The result is a preview: what would be stored and which rows
were skipped and why (by line number only: names are never shown back)."""
from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from flask_babel import gettext, ngettext

from app.services.conference.errors import SetupError

MAX_NAME_CHARS = 200
MAX_AFFILIATION_CHARS = 300
DELIMITERS = (",", ";", "\t")
# Header words, compared without case, accents or punctuation.
NAME_HEADERS = {"name", "full name", "participant", "participant name", "person", "attendee", "delegate",
                "nom", "nom complet", "participant e", "participante", "nom et prenom", "prenom et nom",
                "nom du participant", "nom de la personne", "delegue", "deleguee"}
FIRST_NAME_HEADERS = {"first name", "given name", "given names", "forename", "prenom", "prenoms"}
LAST_NAME_HEADERS = {"last name", "surname", "family name", "nom de famille"}
AFFILIATION_HEADERS = {"affiliation", "organization", "organisation", "org", "organisme", "institution",
                       "employer", "employeur", "company", "entreprise", "agency", "department", "ministry",
                       "ministere", "organization name", "nom de l organisation", "organisation d attache"}


@dataclass
class RosterPreview:
    """What a roster file holds, before anything is stored."""

    entries: list[tuple[str, str]]
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)
    encoding: str = "UTF-8"
    delimiter: str = ","
    header: bool = False
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def organizations(self) -> int:
        """How many different affiliations the roster names."""
        return len({a.casefold() for _, a in self.entries if a})

    def summary(self) -> str:
        """"28 people, 19 organizations; 2 rows skipped: line 4 (no name), ..." in the reader's language."""
        text = gettext("%(people)s, %(orgs)s", people=ngettext("%(num)d person", "%(num)d people", len(self.entries)),
                       orgs=ngettext("%(num)d organization", "%(num)d organizations", self.organizations))
        if self.skipped:
            reasons = ", ".join(gettext("line %(line)d (%(reason)s)", line=line, reason=reason)
                                for line, reason in self.skipped[:10])
            more = "…" if len(self.skipped) > 10 else ""
            text += "; " + ngettext("%(num)d row skipped: %(reasons)s", "%(num)d rows skipped: %(reasons)s",
                                    len(self.skipped), reasons=reasons + more)
        return text

    def format_line(self) -> str:
        """How the file was read: encoding, separator, header."""
        separator = {",": gettext("comma"), ";": gettext("semicolon"), "\t": gettext("tab")}.get(self.delimiter,
                                                                                                 self.delimiter)
        text = gettext("Read as %(encoding)s, separated by %(separator)s, %(header)s.", encoding=self.encoding,
                       separator=separator,
                       header=gettext("with a header row") if self.header else gettext("without a header row"))
        if self.ignored_columns:
            text += " " + gettext("Columns not imported: %(columns)s.", columns=", ".join(self.ignored_columns))
        return text


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "UTF-8 with BOM"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "UTF-16"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        # Five byte values have no Windows-1252 character; Latin-1 reads them (as control characters).
        try:
            return raw.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            return raw.decode("latin-1"), "Latin-1"


def _sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines into the same number (2 or more) of fields most often."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        common = max(set(counts), key=counts.count) if counts else 1
        score = counts.count(common) if common >= 2 else 0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(raw: bytes) -> tuple[list[list[str]], str, str]:
    text, encoding = _decode(raw)
    if "\x00" in text:
        raise SetupError(gettext("The roster is not a readable CSV file of `name,affiliation` lines."))
    try:
        delimiter = _sniff_delimiter(text)
        return list(csv.reader(io.StringIO(text), delimiter=delimiter)), encoding, delimiter
    except csv.Error:  # a field over 128 KB, a stray carriage return: say so plainly
        raise SetupError(gettext("The roster is not a readable CSV file of `name,affiliation` lines.")) from None


def _xlsx_rows(raw: bytes) -> list[list[str]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
        workbook.close()
    except (BadZipFile, KeyError, ValueError, OSError, IndexError, TypeError, SyntaxError, AttributeError):
        # SyntaxError: the XML parser's ParseError inside a damaged workbook
        raise SetupError(gettext("The roster is not a readable Excel workbook (.xlsx).")) from None
    return rows


def _header_word(cell: str) -> str:
    folded = unicodedata.normalize("NFKD", cell.strip().casefold())
    letters = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return " ".join(letters.split())


@dataclass
class _Columns:
    name: Optional[int] = None
    first: Optional[int] = None
    last: Optional[int] = None
    affiliation: Optional[int] = None

    @property
    def found(self) -> bool:
        """Whether the header names a column for the person's name (whole, or given and family names)."""
        return self.name is not None or self.last is not None or self.first is not None


def _header_columns(row: list[str]) -> Optional[_Columns]:
    words = [_header_word(cell) for cell in row]
    columns = _Columns()
    for index, word in enumerate(words):
        if word in FIRST_NAME_HEADERS and columns.first is None:
            columns.first = index
        elif word in LAST_NAME_HEADERS and columns.last is None:
            columns.last = index
        elif word in NAME_HEADERS and columns.name is None:
            columns.name = index
        elif word in AFFILIATION_HEADERS and columns.affiliation is None:
            columns.affiliation = index
    if columns.first is not None and columns.name is not None and columns.last is None and words[columns.name] == "nom":
        columns.last, columns.name = columns.name, None  # "Prénom;Nom": nom is the surname here
    return columns if columns.found or columns.affiliation is not None else None


def _cell(row: list[str], index: Optional[int]) -> str:
    return " ".join(row[index].split()) if index is not None and index < len(row) else ""


def _entry(row: list[str], columns: _Columns) -> tuple[str, str]:
    if columns.name is not None:
        name = _cell(row, columns.name)
    else:
        name = " ".join(part for part in (_cell(row, columns.first), _cell(row, columns.last)) if part)
    return name, _cell(row, columns.affiliation)


def _entries(rows: list[list[str]], preview: RosterPreview) -> None:
    columns = _header_columns(rows[0]) if rows else None
    start = 1
    if columns is not None:
        preview.header = True
        used = {columns.name, columns.first, columns.last, columns.affiliation}
        preview.ignored_columns = [cell.strip() for i, cell in enumerate(rows[0]) if i not in used and cell.strip()]
        if not columns.found:
            columns.name = next(i for i in range(len(rows[0]) + 1) if i not in used)
        start = 2
    for line, row in enumerate(rows[start - 1:], start=start):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if columns is None:
            if len([c for c in cells[2:] if c]) > 0:
                preview.skipped.append((line, gettext("more than two columns")))
                continue
            name, affiliation = _entry(cells, _Columns(name=0, affiliation=1))
        elif any(cells[len(rows[0]):]):
            preview.skipped.append((line, gettext("more columns than the header row")))
            continue
        else:
            name, affiliation = _entry(cells, columns)
        if not name:
            preview.skipped.append((line, gettext("no name")))
        elif len(name) > MAX_NAME_CHARS or len(affiliation) > MAX_AFFILIATION_CHARS:
            preview.skipped.append((line, gettext("too long")))
        else:
            preview.entries.append((name, affiliation))


def read_roster(raw: bytes, filename: str = "") -> RosterPreview:
    """Read a roster file (CSV or XLSX) into a preview; SetupError when nothing usable is in it."""
    if filename.lower().endswith((".xlsx", ".xlsm")) or raw.startswith(b"PK\x03\x04"):
        rows, encoding, delimiter = _xlsx_rows(raw), "Excel", ","
    else:
        rows, encoding, delimiter = _csv_rows(raw)
    preview = RosterPreview(entries=[], encoding=encoding, delimiter=delimiter)
    _entries(rows, preview)
    if not preview.entries:
        reason = preview.summary() if preview.skipped else ""
        raise SetupError(gettext("The roster has no entries.") + (" " + reason if reason else ""))
    return preview


def parse_roster_csv(raw: str) -> list[tuple[str, str]]:
    """The entries of a roster given as text (the demo roster, tests); rows that cannot be read are skipped."""
    return read_roster(raw.encode("utf-8")).entries
