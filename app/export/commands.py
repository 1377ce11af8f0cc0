"""`flask export`: the drafters' exports for scripted use (same check, same record as the web).

Any failure prints one plain line and exits non-zero, and records nothing: the output path is
checked before the export runs, the file is written (atomically) before the record is committed,
and an error in between rolls the record back and leaves no partial file.
"""
from __future__ import annotations

import logging
from typing import Optional

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import gettext

from app.extensions import db
from app.models import Role
from app.services.accounts import find_user
from app.services.conference import current_conference
from app.services.export import (
    EXPORTABLE_STATUSES,
    FORMATS,
    ExportError,
    ExportFilters,
    ExportOutcome,
    run_export,
    writable_target,
    write_file_atomically,
)

log = logging.getLogger(__name__)

# Exit status when the final anonymization check refuses the export (1 and 2 are click's own).
EXIT_REFUSED = 3


def _cannot_write(path: str, exc: OSError) -> click.ClickException:
    """One plain line for a file that cannot be written (the path is the user's own argument)."""
    reason = exc.strerror or type(exc).__name__
    return click.ClickException(gettext("Cannot write %(path)s: %(reason)s. Nothing was exported or recorded.",
                                        path=path, reason=reason))


def _deliver_to(out_path: str):
    """Where the export's bytes go before it is recorded: a file written atomically, or standard output."""
    if out_path == "-":
        def to_stdout(content: bytes) -> None:
            stream = click.get_binary_stream("stdout")
            stream.write(content)
            stream.flush()
        return to_stdout
    return lambda content: write_file_atomically(out_path, content)


def _report_refusal(outcome: ExportOutcome) -> None:
    """Ids, labels and reasons only: the offending words stay off terminals and CI logs."""
    report = outcome.report
    click.echo(gettext("Export refused by the final anonymization check. Nothing was written."), err=True)
    for item in report.blocking_items:
        labels = ", ".join(sorted({s.label for s in item.blocking}))
        click.echo(f"  must fix  {item.kind} {item.target_id} ({item.field}): {labels}", err=True)
    for item in report.warning_items:
        if item.warnings_block:
            labels = ", ".join(sorted({s.label for s in item.open_warnings}))
            click.echo(f"  warning   {item.kind} {item.target_id}: {labels} (a co-chair can clear it)", err=True)
    click.echo(gettext("See the Export check page (/export/check) for the text with the findings highlighted."),
               err=True)


def _run(conference, filters: ExportFilters, format_name: str, user, out_path: str,
         lang: Optional[str]) -> ExportOutcome:
    """run_export for the command line, every failure turned into one plain line."""
    from app.services.anonymization import AnonymizerSettings

    try:
        if out_path != "-":
            writable_target(out_path)  # before the check runs: fail fast, record nothing
        return run_export(conference, filters, format_name, user, AnonymizerSettings.from_config(current_app.config),
                          via="cli", lang=lang, deliver=_deliver_to(out_path))
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise _cannot_write(out_path, exc) from None
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback; the type only (no text)
        db.session.rollback()
        log.warning("flask export failed (%s)", type(exc).__name__)
        raise click.ClickException(gettext("The export failed (%(error)s). Nothing was exported or recorded.",
                                           error=type(exc).__name__)) from None


@click.command("export")
@click.option("--format", "format_name", type=click.Choice(list(FORMATS)), required=True,
              help="docx (Word), md (Markdown), csv or json.")
@click.option("--out", "out_path", type=click.Path(allow_dash=True), required=True,  # checked by writable_target: one plain line
              help="File to write ('-' for standard output).")
@click.option("--day", type=int, default=None, help="Only this day (number).")
@click.option("--session", "session_id", type=int, default=None, help="Only this session (id).")
@click.option("--theme", "theme_code", default=None, help="Only ideas with this theme code.")
@click.option("--status", type=click.Choice(EXPORTABLE_STATUSES), default="approved", show_default=True)
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help="Language of the report's headings and notice (default: the terminal's, else English).")
@click.option("--user", "username", default=None,
              help="Record the export as made by this drafter account (default: recorded as the command line).")
@with_appcontext
def export_command(format_name: str, out_path: str, day: Optional[int], session_id: Optional[int],
                   theme_code: Optional[str], status: str, lang: Optional[str], username: Optional[str]) -> None:
    """Export ideas after the final anonymization check; exit 3 if the check refuses."""
    conference = current_conference()
    if conference is None:
        raise click.ClickException(gettext(
            "No conference yet: run `flask import-conference FILE` or `flask seed-demo` first."))
    user = None
    if username:
        user = find_user(username)
        if user is None or not user.has_role(Role.DRAFTER):
            raise click.ClickException(gettext("No drafter account named %(username)r.", username=username))
    filters = ExportFilters(day=day, session_id=session_id, theme_code=theme_code, status=status)
    outcome = _run(conference, filters, format_name, user, out_path, lang)
    if outcome.refused:
        _report_refusal(outcome)
        click.get_current_context().exit(EXIT_REFUSED)
    record, report = outcome.record, outcome.report
    to_stdout = out_path == "-"
    click.echo(f"Export #{record.id}: {FORMATS[format_name].label}, {record.size} bytes, sha256 {record.sha256}"
               + ("" if to_stdout else f" -> {out_path}"), err=to_stdout)
    click.echo(f"Final check: {report.checked_texts} texts in {report.seconds:.2f} s"
               + (f", {report.cleared_count} warning(s) cleared earlier" if report.cleared_count else "") + ".",
               err=to_stdout)
