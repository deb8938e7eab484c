"""Jobs the worker runs (`manage.py procrastinate worker`), queued in PostgreSQL."""

from django.db import InterfaceError, OperationalError
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from meetings import bulk
from meetings.search import indexing
from meetings.uploads import run_import_job

# A lost database connection is worth another try; a pack the importer refuses is not
# (run_import_job records that as a failed job instead of raising).
TRANSIENT = RetryStrategy(
    max_attempts=3, exponential_wait=5, retry_exceptions={OperationalError, InterfaceError}
)


@app.task(queue="imports", name="import_upload", retry=TRANSIENT)
def import_upload(job_id: int) -> None:
    run_import_job(job_id)


@app.periodic(cron="17 * * * *")
@app.task(queue="maintenance", name="refresh_bulk_data", queueing_lock="refresh_bulk_data")
def refresh_bulk_data(timestamp: int) -> None:
    """Each hour, remake the bulk downloads of the councils imported into since."""
    bulk.refresh_stale()


STALLED_AFTER = 60  # seconds without a heartbeat from the worker running a job


@app.periodic(cron="*/5 * * * *")
@app.task(queue="maintenance", name="retry_stalled_jobs", queueing_lock="retry_stalled_jobs")
async def retry_stalled_jobs(timestamp: int) -> None:
    await retry_stalled(app, STALLED_AFTER)


async def retry_stalled(worker_app, seconds_since_heartbeat: float) -> int:
    """Queue again the jobs of a worker that died: an import killed midway runs again."""
    stalled = await worker_app.job_manager.get_stalled_jobs(
        seconds_since_heartbeat=seconds_since_heartbeat
    )
    for job in stalled:
        await worker_app.job_manager.retry_job(job)
    return len(stalled)


@app.periodic(cron="* * * * *")
@app.task(queue="maintenance", name="update_search_index", queueing_lock="update_search_index")
def update_search_index(timestamp: int) -> None:
    """Each minute, apply the changes an import did not (an admin's edit, a failed write)."""
    indexing.apply_pending()
