"""Report drafters export approved ideas."""
from flask import Blueprint

bp = Blueprint("export", __name__, url_prefix="/export")

from app.export import routes  # noqa: E402,F401
