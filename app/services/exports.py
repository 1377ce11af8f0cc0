"""Compatibility alias: the export services moved to the package app.services.export.

Kept so code written against the old flat module keeps importing; new code imports from
app.services.export and its modules.
"""
from app.services.export.entries import *  # noqa: F401,F403
from app.services.export.entries import EXPORTABLE_STATUSES, FORMATS, ExportError, ExportFilters  # noqa: F401
from app.services.export.gather import describe_filters, gather_export, validate_filters  # noqa: F401
from app.services.export.outline import build_outline, idea_meta, raised_by  # noqa: F401
from app.services.export.run import ExportOutcome, export_filename, get_export, list_exports, run_export  # noqa: F401
from app.services.export.writers import BUILDERS, build  # noqa: F401
from app.services.export.writers.document_json import build_json, export_as_dict  # noqa: F401
from app.services.export.writers.markdown import build_markdown, md_escape  # noqa: F401
from app.services.export.writers.table_csv import build_csv, csv_columns, neutralize_cell  # noqa: F401
from app.services.export.writers.word import build_docx  # noqa: F401
