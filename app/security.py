"""The one role decorator every area uses (CTFd style)."""
from __future__ import annotations

from functools import wraps
from typing import Callable

from flask import abort
from flask_login import current_user

from app.extensions import login_manager
from app.models import Role


def role_required(*roles: Role) -> Callable:
    """Allow signed-in users with one of roles (administrators always).

    Not signed in: redirect to the login page. Wrong role: 403.
    """

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_roles = roles  # read by the role-matrix test in tests/security/
        return wrapped

    return decorator
