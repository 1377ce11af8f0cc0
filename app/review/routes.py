"""Review views (to be built)."""
from app.models import Role
from app.review import bp
from app.security import role_required


@bp.get("/")
@role_required(Role.COCHAIR)
def dashboard():
    """The co-chairs' dashboard."""
    return "dashboard"


@bp.get("/queue")
@role_required(Role.COCHAIR)
def queue():
    """The review queue."""
    return "queue"


@bp.get("/themes")
@role_required(Role.COCHAIR)
def themes():
    """The theme codebook."""
    return "themes"
