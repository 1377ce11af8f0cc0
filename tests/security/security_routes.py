"""Every route of the app, read from app.url_map, with the roles its view requires, so the
security battery covers a new route as soon as it exists (and fails on a route without a decision)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import select

from app.extensions import db
from app.models import BreakoutGroup, Role, Session, SessionKind

# Views without role_required, each with the reason it has none.
PUBLIC_ENDPOINTS = {
    "static": "stylesheets and scripts",
    "auth.login": "the sign-in form",
    "auth.reset_password": "a new password with an administrator's one-time code (no account yet signed in)",
    "home": "redirects to the sign-in form or to the user's page",
    "health.healthz": "liveness for the proxy and the process manager; says nothing but 'ok'",
    "health.readyz": "readiness: whether the models are loaded; the capture page polls it",
    "i18n.switch": "the EN | FR language switch, also offered on the sign-in page; stores only a language",
}
SIGNED_IN_ENDPOINTS = {"auth.logout": "any signed-in user may sign out"}
IDENTITIES: list[Optional[Role]] = [None, *Role]  # None: not signed in


@dataclass(frozen=True)
class RouteCase:
    """One (rule, method) pair and the roles allowed to use it (None: public or any signed-in user)."""

    endpoint: str
    rule: str
    method: str
    roles: Optional[tuple[Role, ...]]
    arguments: tuple[str, ...]

    @property
    def name(self) -> str:
        """How the case appears in failure messages."""
        return f"{self.method} {self.rule}"

    def allows(self, identity: Optional[Role]) -> bool:
        """True when identity may use the route (administrators may use every role's routes)."""
        if self.roles is None:
            return identity is not None or self.endpoint in PUBLIC_ENDPOINTS
        return identity is not None and (identity is Role.ADMIN or identity in self.roles)


def route_cases(app, methods: tuple[str, ...] = ("GET", "POST")) -> list[RouteCase]:
    """All (rule, method) pairs of the app, sorted, with the roles read from each view."""
    cases = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        roles = getattr(view, "required_roles", None)
        for method in sorted(rule.methods & set(methods)):
            cases.append(RouteCase(rule.endpoint, rule.rule, method,
                                   tuple(roles) if roles is not None else None, tuple(sorted(rule.arguments))))
    return sorted(cases, key=lambda c: (c.endpoint == "auth.logout", c.rule, c.method))


def undecided_routes(app) -> list[str]:
    """Endpoints with neither a role decorator nor a stated reason to be open."""
    return sorted({c.endpoint for c in route_cases(app) if c.roles is None
                   and c.endpoint not in PUBLIC_ENDPOINTS and c.endpoint not in SIGNED_IN_ENDPOINTS})


def url_values(app) -> dict[str, object]:
    """Real ids for URL arguments: the rapporteur's own session and group, and id 1 elsewhere."""
    with app.app_context():
        session_id = db.session.scalar(select(Session.id).where(Session.kind == SessionKind.BREAKOUT).limit(1))
        group_id = db.session.scalar(select(BreakoutGroup.id).where(BreakoutGroup.label == "Group A"))
    return {"session_id": session_id, "group_id": group_id, "filename": "style.css", "action": "confirm"}


def build_url(app, case: RouteCase, values: dict[str, object], **overrides: object) -> str:
    """The URL of case with every argument filled (1 for ids not in values)."""
    arguments = {name: overrides.get(name, values.get(name, 1)) for name in case.arguments}
    with app.test_request_context():
        from flask import url_for

        return url_for(case.endpoint, **arguments)
