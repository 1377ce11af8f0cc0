"""Lines every report format shares."""
from __future__ import annotations

from flask_babel import gettext, ngettext

from app.services.export.entries import ExportData


def generated_line(data: ExportData) -> str:
    """'Generated 2026-12-01 18:20 UTC · 42 ideas', in the report's language."""
    at = data.generated_at.strftime("%Y-%m-%d %H:%M")
    return ngettext("Generated %(at)s UTC · %(num)d idea", "Generated %(at)s UTC · %(num)d ideas",
                    len(data.ideas), at=at)


def plan_intro() -> str:
    """The sentence under the plan part's heading."""
    return gettext("For each theme or partner, the baselines, targets, actions and indicators proposed.")


def proposals_heading() -> str:
    """The heading over proposals raised by two or more breakout groups."""
    return gettext("Proposals raised by several groups")


def merged_heading() -> str:
    """The heading over proposals merged from ideas of fewer than two groups."""
    return gettext("Other merged proposals")


def singles_heading(after_proposals: bool) -> str:
    """'Single ideas' after proposals, plain 'Ideas' when a theme has none."""
    return gettext("Single ideas") if after_proposals else gettext("Ideas")


def see_also_heading() -> str:
    """The heading over pointers to proposals reported under another theme."""
    return gettext("See also")
