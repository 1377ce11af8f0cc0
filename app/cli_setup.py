"""`flask` commands that set up a conference: each shows what it would do and changes nothing without
`--yes`; an error is one plain line and a non-zero exit, and nothing is half-written."""
from __future__ import annotations

import re
from pathlib import Path
from typing import NoReturn

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import gettext, ngettext
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db
from app.services import conference as setup
from app.services.conference.apply import apply_plan, blocked_message
from app.services.conference.diff import parse_moves
from app.services.conference.summary import detail_lines, result_line, summary_lines
from app.services.conference.transfer import export_setup_yaml

MAX_FILE_BYTES = 5_000_000


def _fail(message: str) -> NoReturn:
    db.session.rollback()
    # One line, whatever the message holds (line breaks only: French keeps its no-break spaces).
    raise click.ClickException(re.sub(r"\s*[\r\n\t]+\s*", " ", str(message)).strip())


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        _fail(gettext("Cannot read %(path)s.", path=path))
    if len(raw) > MAX_FILE_BYTES:
        _fail(gettext("That file is too large."))
    return raw


def _read_text(path: str) -> str:
    raw = _read_bytes(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        _fail(gettext("%(path)s is not UTF-8 text: save it as UTF-8 and try again.", path=path))


def _require_conference():
    conference = setup.current_conference()
    if conference is None:
        _fail(gettext("No conference yet: run `flask import-conference FILE --yes` or `flask seed-demo` first."))
    return conference


@click.command("import-conference")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--codebook", type=click.Path(exists=True, dir_okay=False),
              help="A theme codebook file (YAML or JSON) to import with the conference.")
@click.option("--move", "moves", multiple=True, metavar="KIND:KEY=TARGET",
              help="Where the ideas of a removed session, group or theme go (repeatable).")
@click.option("--yes", is_flag=True, help="Apply the changes (without it: a dry run that changes nothing).")
@with_appcontext
def import_conference_command(path: str, codebook: str | None, moves: tuple[str, ...], yes: bool) -> None:
    """Import a conference (days, sessions, groups, optionally its codebook) from YAML or JSON.

    The current conference is updated in place, matched by session codes, group labels and theme codes;
    ideas and assignments stay where they are. Shows what would change; applies only with --yes.
    """
    try:
        data = setup.parse_conference_file(_read_text(path), path)
        if codebook:
            data["themes"] = setup.parse_codebook_file(_read_text(codebook), codebook)
        plan = setup.preview_import(data, parse_moves(moves))
    except setup.SetupError as exc:
        _fail(gettext("Conference not imported: %(reason)s", reason=exc))
    except (ValueError, TypeError, KeyError, AttributeError, SQLAlchemyError):  # never show Python's own text
        _fail(gettext("Conference not imported: %(reason)s", reason=setup.UNEXPECTED_SHAPE))
    for line in summary_lines(plan) + [f"  {line}" for line in detail_lines(plan)]:
        click.echo(line)
    if plan.blocked:
        _fail(blocked_message(plan) + " " + gettext("Use --move KIND:KEY=TARGET, e.g. --move \"group:Group H=Group G\"."))
    if not yes:
        click.echo(gettext("Dry run: nothing was changed. Run again with --yes to apply."))
        return
    try:
        conference = apply_plan(plan)
    except setup.SetupError as exc:
        _fail(gettext("Conference not imported: %(reason)s", reason=exc))
    except (ValueError, TypeError, KeyError, SQLAlchemyError):  # never show Python's own text
        _fail(gettext("Conference not imported: %(reason)s", reason=setup.UNEXPECTED_SHAPE))
    click.echo(result_line(conference, plan))


@click.command("import-roster")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Replace the roster (without it: a preview that changes nothing).")
@with_appcontext
def import_roster_command(path: str, yes: bool) -> None:
    """Replace the participant roster from CSV (comma, semicolon or tab; UTF-8 or Windows-1252) or XLSX.

    Shows what the file holds; replaces the stored roster (encrypted) only with --yes.
    """
    conference = _require_conference()
    try:
        preview = setup.read_roster(_read_bytes(path), path)
    except setup.SetupError as exc:
        _fail(gettext("Roster not replaced: %(reason)s", reason=exc))
    click.echo(preview.format_line())
    click.echo(preview.summary())
    if not yes:
        click.echo(ngettext("Dry run: the roster (now %(num)d entry) was not changed. Run again with --yes to "
                            "replace it.", "Dry run: the roster (now %(num)d entries) was not changed. Run again "
                            "with --yes to replace it.", setup.roster_size(conference)))
        return
    count = setup.replace_roster(conference, preview.entries, current_app.config["ENCRYPTION_KEY_PATH"])
    click.echo(ngettext("Roster replaced: %(num)d entry, stored encrypted. You may now delete %(path)s.",
                        "Roster replaced: %(num)d entries, stored encrypted. You may now delete %(path)s.",
                        count, path=path))


@click.command("import-allowlist")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def import_allowlist_command(path: str) -> None:
    """Replace the allow-list of public bodies (one term a line)."""
    conference = _require_conference()
    try:
        terms = setup.parse_allowlist(_read_text(path))
    except setup.SetupError as exc:
        _fail(str(exc))
    count = setup.replace_allowlist(conference, terms)
    click.echo(ngettext("Allow-list replaced: %(num)d term.", "Allow-list replaced: %(num)d terms.", count))


@click.command("export-setup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def export_setup_command(path: str) -> None:
    """Write the whole conference set-up (days, sessions, groups, codebook, allow-list) to a YAML file
    that import-conference reads, for the next event. The roster and accounts are not included."""
    conference = _require_conference()
    text = export_setup_yaml(conference)
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError:
        _fail(gettext("Cannot write %(path)s: check that its folder exists and is writable.", path=path))
    click.echo(gettext("Set-up written to %(path)s (the roster and accounts are not included).", path=path))


SETUP_COMMANDS = (import_conference_command, import_roster_command, import_allowlist_command, export_setup_command)
