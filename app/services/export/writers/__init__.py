"""The export writers, one module per format; each takes an ExportData and returns the file's bytes."""
from __future__ import annotations

from flask_babel import gettext

from app.services.export.entries import FORMATS, ExportData, ExportError
from app.services.export.writers.document_json import build_json
from app.services.export.writers.markdown import build_markdown
from app.services.export.writers.table_csv import build_csv
from app.services.export.writers.word import build_docx

BUILDERS = {"docx": build_docx, "md": build_markdown, "csv": build_csv, "json": build_json}


def build(data: ExportData, format_name: str) -> bytes:
    """The export file's bytes in one of FORMATS."""
    if format_name not in BUILDERS:
        raise ExportError(gettext("Format must be one of %(choices)s.", choices=", ".join(FORMATS)))
    return BUILDERS[format_name](data)
