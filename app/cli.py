"""`flask` commands for setting up and running a conference."""
from __future__ import annotations

import secrets
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from flask_babel import gettext, ngettext
from flask_migrate import upgrade
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db
from app.i18n import localized
from app.models import Assignment, BreakoutGroup, Role, User
from app.services import conference_setup as setup
from app.services.accounts import AccountError, change_password, create_user, find_user

DATA_DIR = Path(__file__).parent / "data"


def register(app: Flask) -> None:
    """Add every command to the app's CLI, including those the areas define."""
    for command in (init_db_command, create_user_command, import_conference_command,
                    import_roster_command, import_allowlist_command, seed_demo_command,
                    purge_drafts_command):
        app.cli.add_command(command)
    for module_name, attribute in (("app.review.commands", "evaluate_themes_command"),
                                   ("app.export.commands", "export_command"),
                                   ("app.cli_jobs", "run_jobs_command")):
        try:
            module = __import__(module_name, fromlist=[attribute])
        except ModuleNotFoundError:
            continue
        app.cli.add_command(getattr(module, attribute))


def _fail(message: str) -> None:
    raise click.ClickException(message)


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create or upgrade the database schema through the migrations."""
    upgrade()
    click.echo(gettext("Database is at the latest schema."))


@click.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--group", "groups", multiple=True, help="Assign a rapporteur to this group label (repeatable).")
@with_appcontext
def create_user_command(username: str, role: str, password: str, groups: tuple[str, ...]) -> None:
    """Create an account with a role."""
    try:
        user = create_user(username, password, role)
    except AccountError as exc:
        _fail(str(exc))
    _assign(user, groups)
    click.echo(gettext("Created %(role)s %(username)r.", role=role, username=username))


def _assign(user: User, labels: tuple[str, ...]) -> None:
    conference = setup.current_conference()
    for label in labels:
        group = conference and db.session.scalar(select(BreakoutGroup).where(
            BreakoutGroup.conference_id == conference.id, BreakoutGroup.label == label))
        if group is None:
            _fail(gettext("No group labelled %(label)r.", label=label))
        db.session.add(Assignment(user_id=user.id, group_id=group.id))
    db.session.commit()


@click.command("import-conference")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def import_conference_command(path: str) -> None:
    """Import a conference (days, sessions, groups, theme codebook) from YAML or JSON."""
    try:
        data = setup.parse_conference_file(Path(path).read_text(encoding="utf-8"), path)
        conference = setup.import_conference(data)
    except setup.SetupError as exc:
        db.session.rollback()
        _fail(str(exc))
    except (ValueError, TypeError, KeyError, SQLAlchemyError):  # never show Python's own text
        db.session.rollback()
        _fail(gettext("Conference not imported: %(reason)s", reason=setup.UNEXPECTED_SHAPE))
    click.echo(gettext("Imported %(name)r: %(days)s, %(sessions)s, %(groups)s, %(themes)s.",
                       name=localized(conference, "name"),
                       days=ngettext("%(num)d day", "%(num)d days", len(conference.days)),
                       sessions=ngettext("%(num)d session", "%(num)d sessions",
                                         sum(len(d.sessions) for d in conference.days)),
                       groups=ngettext("%(num)d group", "%(num)d groups", len(conference.groups)),
                       themes=ngettext("%(num)d theme", "%(num)d themes", len(conference.themes))))


def _require_conference():
    conference = setup.current_conference()
    if conference is None:
        _fail(gettext("No conference yet: run `flask import-conference FILE` or `flask seed-demo` first."))
    return conference


@click.command("import-roster")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def import_roster_command(path: str) -> None:
    """Replace the participant roster (CSV `name,affiliation`); it is stored encrypted."""
    conference = _require_conference()
    try:
        entries = setup.parse_roster_csv(Path(path).read_text(encoding="utf-8"))
    except setup.SetupError as exc:
        _fail(str(exc))
    count = setup.replace_roster(conference, entries, current_app.config["ENCRYPTION_KEY_PATH"])
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
        terms = setup.parse_allowlist(Path(path).read_text(encoding="utf-8"))
    except setup.SetupError as exc:
        _fail(str(exc))
    count = setup.replace_allowlist(conference, terms)
    click.echo(ngettext("Allow-list replaced: %(num)d term.", "Allow-list replaced: %(num)d terms.", count))


DEMO_ACCOUNTS = (
    ("admin", Role.ADMIN, ()),
    ("cochair", Role.COCHAIR, ()),
    ("drafter", Role.DRAFTER, ()),
    ("rapporteur", Role.RAPPORTEUR, ("Group A", "Plenary")),
    ("rapporteur-b", Role.RAPPORTEUR, ("Group B",)),
)


@click.command("seed-demo")
@click.option("--quiet-passwords", is_flag=True, help="Do not print the demo passwords.")
@with_appcontext
def seed_demo_command(quiet_passwords: bool) -> None:
    """Create the demo conference, roster, allow-list and one account per role (passwords printed).

    Run again, it keeps the conference and sets new passwords on the demo accounts.
    """
    from app.services.codebook import load_default_codebook

    upgrade()
    conference = setup.current_conference()
    if conference is None:
        data = setup.parse_conference_file((DATA_DIR / "demo_conference.yaml").read_text(encoding="utf-8"))
        data["themes"] = load_default_codebook()
        conference = setup.import_conference(data)
        setup.replace_roster(conference, setup.parse_roster_csv(
            (DATA_DIR / "demo_roster.csv").read_text(encoding="utf-8")), current_app.config["ENCRYPTION_KEY_PATH"])
        setup.replace_allowlist(conference, setup.parse_allowlist(
            (DATA_DIR / "demo_allowlist.txt").read_text(encoding="utf-8")))
        click.echo(gettext("Created the demo conference: %(name)s", name=localized(conference, "name")))
    else:
        click.echo(gettext("Demo conference already present: %(name)s", name=localized(conference, "name")))
    passwords = {}
    for username, role, groups in DEMO_ACCOUNTS:
        password = secrets.token_urlsafe(12)  # 16 characters: the password policy asks for 12 or more
        user = find_user(username)
        if user is None:
            user = create_user(username, password, role)
            _assign(user, groups)
        else:
            change_password(user, password)  # also ends its sessions and clears its lockouts
        passwords[username] = (role, password)
    click.echo(gettext("Demo accounts (new passwords at every seed-demo):"))
    for username, (role, password) in passwords.items():
        shown = gettext("(hidden)") if quiet_passwords else password
        click.echo(f"  {role.label:<15} {username:<13} {shown}")


@click.command("purge-drafts")
@with_appcontext
def purge_drafts_command() -> None:
    """Destroy expired encrypted drafts (the app also does this as it runs)."""
    from app.services.capture.drafts import purge_expired

    count = purge_expired()
    click.echo(ngettext("Destroyed %(num)d expired draft.", "Destroyed %(num)d expired drafts.", count))

