"""The export area's services: gather the ideas, outline the report, write each format, check, record.

Modules: ``entries`` (the plain structure), ``gather`` (the query), ``plan`` (where a Day-2 idea
goes in the plan tables), ``outline`` (the report's shape), ``writers`` (one module per format),
``run`` (run, deliver and record), ``language`` (the report's language), ``check`` (the final
anonymization check: findings, the engine's stored detections, the precheck at approval) and
``gate`` (the independent final gate: roster, contacts, dictionaries, per-app contexts).

The names views and commands need are re-exported here.
"""
from app.services.export.entries import (  # noqa: F401
    EXPORTABLE_STATUSES,
    FORMATS,
    PLAN_SECTION_TITLES,
    ExportData,
    ExportError,
    ExportFilters,
)
from app.services.export.gather import describe_filters, gather_export  # noqa: F401
from app.services.export.run import (  # noqa: F401
    ExportOutcome,
    get_export,
    list_exports,
    run_export,
    write_file_atomically,
    writable_target,
)
from app.services.export.writers import build  # noqa: F401
