"""Administrators set up the conference, accounts, roster and allow-list."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from app.admin import account_views, conference_views, roster_views, routes, structure_views  # noqa: E402,F401
