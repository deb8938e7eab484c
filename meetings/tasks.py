"""Jobs the worker runs (`manage.py procrastinate worker`), queued in PostgreSQL."""

from django.db import InterfaceError, OperationalError
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from meetings.uploads import run_import_job

# A lost database connection is worth another try; a pack the importer refuses is not
# (run_import_job records that as a failed job instead of raising).
TRANSIENT = RetryStrategy(
    max_attempts=3, exponential_wait=5, retry_exceptions={OperationalError, InterfaceError}
)


@app.task(queue="imports", name="import_upload", retry=TRANSIENT)
def import_upload(job_id: int) -> None:
    run_import_job(job_id)


@app.periodic(cron="*/5 * * * *")
@app.task(queue="maintenance", name="retry_stalled_jobs", queueing_lock="retry_stalled_jobs")
async def retry_stalled_jobs(timestamp: int) -> None:
    """Queue again the jobs of a worker that died (no heartbeat): a killed import is retried."""
    for job in await app.job_manager.get_stalled_jobs():
        await app.job_manager.retry_job(job)
