"""Liveness and readiness probes for a proxy, an orchestrator or the capture page."""
from flask import Blueprint

bp = Blueprint("health", __name__)

from app.health import routes  # noqa: E402,F401
