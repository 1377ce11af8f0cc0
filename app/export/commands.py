"""`flask export`: the drafters' exports for scripted use (same check, same record as the web)."""
from __future__ import annotations

from typing import Optional

import click
from flask import current_app
from flask_babel import gettext
from flask.cli import with_appcontext
from app.models import Role
from app.services.accounts import find_user
from app.services.conference_setup import current_conference
from app.services.instance_files import open_private
from app.services.exports import EXPORTABLE_STATUSES, FORMATS, ExportError, ExportFilters, run_export

# Exit status when the final anonymization check refuses the export (1 and 2 are click's own).
EXIT_REFUSED = 3


@click.command("export")
@click.option("--format", "format_name", type=click.Choice(list(FORMATS)), required=True,
              help="docx (Word), md (Markdown), csv or json.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, allow_dash=True), required=True,
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
    from app.services.anonymization import AnonymizerSettings

    filters = ExportFilters(day=day, session_id=session_id, theme_code=theme_code, status=status)
    try:
        outcome = run_export(conference, filters, format_name, user,
                             AnonymizerSettings.from_config(current_app.config), via="cli", lang=lang)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from exc
    report = outcome.report
    if outcome.refused:
        # Ids, labels and reasons only: the offending words stay off terminals and CI logs.
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
        click.get_current_context().exit(EXIT_REFUSED)
    record = outcome.record
    if out_path == "-":
        stream = click.get_binary_stream("stdout")
        stream.write(record.content)
        stream.flush()
    else:
        with open_private(out_path) as handle:  # 0600: an export is for the drafter to pass on
            handle.write(record.content)
    click.echo(f"Export #{record.id}: {FORMATS[format_name].label}, {record.size} bytes, sha256 {record.sha256}"
               + (f" -> {out_path}" if out_path != "-" else ""), err=out_path == "-")
    click.echo(f"Final check: {report.checked_texts} texts in {report.seconds:.2f} s"
               + (f", {report.cleared_count} warning(s) cleared earlier" if report.cleared_count else "") + ".",
               err=out_path == "-")
