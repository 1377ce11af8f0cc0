"""Plain-language summaries of an import plan and of its result, shared by the admin pages and the CLI:
what will be (or was) imported, and what was not ("0 themes: the codebook is a separate file...")."""
from __future__ import annotations

from flask_babel import gettext, lazy_gettext, ngettext

from app.models import Conference
from app.services.conference.diff import Change, ImportPlan

KIND_TITLES = {
    "day": lazy_gettext("Days"), "session": lazy_gettext("Sessions"), "group": lazy_gettext("Groups"),
    "theme": lazy_gettext("Themes"), "allowlist": lazy_gettext("Allow-list terms"),
}
CODEBOOK_HINT = lazy_gettext("the codebook is a separate file: import it with `flask import-conference FILE "
                             "--codebook app/data/codebook.yaml --yes`, or choose it in the codebook field")


def kind_counts(plan: ImportPlan, kind: str) -> str:
    """"Sessions: 1 added, 3 changed, 0 removed"."""
    return gettext("%(kind)s: %(added)d added, %(changed)d changed, %(removed)d removed", kind=KIND_TITLES[kind],
                   added=plan.count(kind, "added"), changed=plan.count(kind, "changed"),
                   removed=plan.count(kind, "removed"))


def summary_lines(plan: ImportPlan) -> list[str]:
    """One line per kind of thing, saying what the import adds, changes and removes, or leaves alone."""
    lines = [gettext("A new conference: %(name)s", name=plan.spec.name) if plan.conference is None
             else gettext("Updating the current conference in place: %(name)s", name=plan.spec.name)]
    for kind in ("day", "session", "group"):
        lines.append(kind_counts(plan, kind))
    if plan.spec.themes is None:
        lines.append(gettext("Themes: none in this file, the codebook is left as it is (%(hint)s).",
                             hint=CODEBOOK_HINT))
    else:
        lines.append(kind_counts(plan, "theme"))
    if plan.spec.allowlist is None:
        lines.append(gettext("Allow-list: not in this file, left as it is."))
    else:
        lines.append(kind_counts(plan, "allowlist"))
    return lines


def change_line(change: Change) -> str:
    """One added, changed or removed thing, for the detailed list."""
    what = f"{KIND_TITLES.get(change.kind, change.kind)} · {change.label or change.key}"
    if change.action == "added":
        return gettext("added: %(what)s", what=what)
    if change.action == "changed":
        return gettext("changed: %(what)s (%(fields)s)", what=what, fields=", ".join(change.fields))
    if change.move_to:
        return gettext("removed: %(what)s; its %(num)d ideas, drafts or assignments move to %(target)s",
                       what=what, num=change.in_use, target=change.move_to)
    if change.in_use:
        return gettext("cannot remove: %(what)s holds %(num)d ideas, drafts or assignments (key: %(key)s)",
                       what=what, num=change.in_use, key=change.key)
    return gettext("removed: %(what)s", what=what)


def detail_lines(plan: ImportPlan) -> list[str]:
    """Every thing added, changed or removed (the allow-list by counts only)."""
    return [change_line(c) for c in plan.changes
            if c.action in ("added", "changed", "removed") and c.kind not in ("allowlist", "conference")]


def result_line(conference: Conference, plan: ImportPlan) -> str:
    """After applying: what the conference now holds, and what the file did not bring."""
    themes = len(conference.themes)
    text = gettext("Imported %(name)s: %(days)s, %(sessions)s, %(groups)s (with the Plenary), %(themes)s.",
                   name=conference.name,
                   days=ngettext("%(num)d day", "%(num)d days", len(conference.days)),
                   sessions=ngettext("%(num)d session", "%(num)d sessions",
                                     sum(len(d.sessions) for d in conference.days)),
                   groups=ngettext("%(num)d group", "%(num)d groups", len(conference.groups)),
                   themes=ngettext("%(num)d theme", "%(num)d themes", themes))
    if plan.spec.themes is None and themes == 0:
        text += " " + gettext("0 themes: %(hint)s.", hint=CODEBOOK_HINT)
    text += " " + gettext("The roster and accounts are never in a conference file: import the roster separately.")
    return text
