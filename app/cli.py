"""`flask` commands for setting up and running a conference."""
from __future__ import annotations

import secrets
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from flask_babel import gettext, ngettext
from flask_migrate import upgrade

from app.extensions import db
from app.i18n import localized
from app.models import Role, User
from app.services import conference as setup
from app.services.accounts import AccountError, change_password, create_user, find_user, groups_by_label, set_groups

DATA_DIR = Path(__file__).parent / "data"


def register(app: Flask) -> None:
    """Add every command to the app's CLI, including those the areas define."""
    from app.cli_setup import SETUP_COMMANDS

    for command in (init_db_command, create_user_command, seed_demo_command, purge_drafts_command,
                    *SETUP_COMMANDS):
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
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.RAPPORTEUR.value, show_default=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--group", "groups", multiple=True, help="Assign a rapporteur to this group label (repeatable).")
@with_appcontext
def create_user_command(username: str, role: str, password: str, groups: tuple[str, ...]) -> None:
    """Create an account with a role (rapporteur unless --role says otherwise)."""
    try:
        chosen = groups_by_label(setup.current_conference(), groups)  # checked first: no account without its groups
        user = create_user(username, password, role)
    except AccountError as exc:
        db.session.rollback()
        _fail(str(exc))
    set_groups(user, chosen)
    db.session.commit()
    click.echo(gettext("Created %(role)s %(username)r.", role=role, username=username))


def _assign(user: User, labels: tuple[str, ...]) -> None:
    try:
        set_groups(user, groups_by_label(setup.current_conference(), labels))
    except AccountError as exc:
        _fail(str(exc))
    db.session.commit()


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
    from app.services.review.codebook import load_default_codebook

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

