"""gunicorn settings: ``gunicorn -c gunicorn.conf.py wsgi:app`` (override any of them on the command line).

Each worker loads its models right after it starts (``post_worker_init``), in a background thread, so
it answers ``/healthz`` at once and ``/readyz`` once the anonymizer and the theme model are in memory;
each worker also runs a job-worker thread (theme suggestions, clusters, proposals). Not ``--preload``:
threads started in the master would not survive the fork.
"""
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A first full-conference export anonymizes every idea again; leave it room.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30


def post_worker_init(worker):
    """Start the model warm-up and the job worker thread in this worker process."""
    from app.services.readiness import start_background

    start_background(worker.wsgi)
