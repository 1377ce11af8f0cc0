"""``flask run-jobs``: the job worker as a process of its own (instead of, or beside, the web workers' threads)."""
from __future__ import annotations

import signal
import threading

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import gettext, ngettext

from app.extensions import db
from app.services import jobs


@click.command("run-jobs")
@click.option("--once", is_flag=True, help="Run every runnable job, then exit (for cron or a test).")
@with_appcontext
def run_jobs_command(once: bool) -> None:
    """Run queued jobs (theme suggestions, emerging clusters, proposal detection) until stopped."""
    if once:
        ran = jobs.run_pending()
        jobs.prune_done(jobs.keep_done_for(current_app.config))
        db.session.commit()
        db.session.remove()
        click.echo(ngettext("%(num)d job run.", "%(num)d jobs run.", ran))
        return
    app = current_app._get_current_object()
    worker = jobs.JobWorker(app)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    click.echo(gettext("Job worker %(worker)s running; Ctrl+C stops it (a job cut short is taken again).",
                       worker=worker.worker_id))
    worker.start()
    stop.wait()
    worker.stopping.set()
    worker.join(timeout=60)
