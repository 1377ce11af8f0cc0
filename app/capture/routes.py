"""Capture views (to be built)."""
from app.capture import bp
from app.models import Role
from app.security import role_required


@bp.get("/")
@role_required(Role.RAPPORTEUR)
def index():
    """The rapporteur's start page."""
    return "capture"
