"""gunicorn settings: ``gunicorn -c gunicorn.conf.py wsgi:app`` (override any of them on the command line).

With ``preload_app`` (the default here; ``GUNICORN_PRELOAD=0`` turns it off) the master loads the app and
every model once, before it forks the workers: each worker is ready the moment it starts, and a worker that
dies (kill -9, out of memory) is replaced by a fork that is ready at once instead of after the 8-15 s of
loading (the models' memory is also shared copy-on-write). Threads do not survive a fork, so each worker
starts its own job-worker thread (and, without preload, its background model warm-up) in
``post_worker_init``. ``/healthz`` is liveness; ``/readyz`` turns 200 once the models are loaded.
"""
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A first full-conference export anonymizes every idea again; leave it room.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"


def when_ready(server):
    """With preload: load every model in the master, before the first fork."""
    if not preload_app:
        return
    from app.extensions import db
    from app.services.readiness import warm_up

    app = server.app.wsgi()
    warm_up(app)
    with app.app_context():
        db.engine.dispose()  # no database connection may be shared by the forked workers


def post_worker_init(worker):
    """Start the job worker thread (and the warm-up, if the master did not load the models)."""
    from app.services.readiness import start_background

    start_background(worker.wsgi)
