"""Admin views (to be built)."""
from app.admin import bp
from app.models import Role
from app.security import role_required


@bp.get("/")
@role_required(Role.ADMIN)
def index():
    """The administrator's start page."""
    return "admin"
