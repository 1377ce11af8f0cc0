"""Export views (to be built)."""
from app.export import bp
from app.models import Role
from app.security import role_required


@bp.get("/")
@role_required(Role.DRAFTER)
def index():
    """The drafters' start page."""
    return "exports"
