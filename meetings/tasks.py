"""Jobs the worker runs (`manage.py procrastinate worker`), queued in PostgreSQL."""

import datetime
import smtplib

from django.db import InterfaceError, OperationalError
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from meetings import bulk
from meetings.alerts import emails, sending
from meetings.harvest import harvesting, scheduling
from meetings.harvest.models import Source
from meetings.matters import linking
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


@app.periodic(cron="*/10 * * * *")
@app.task(queue="maintenance", name="link_matters", queueing_lock="link_matters")
def link_matters(timestamp: int) -> None:
    """Every ten minutes, link the meetings changed in the last day that an import's own
    linking missed (it failed, or an admin edited them)."""
    linking.link_recent()


# Alerts: one digest per address and period (meetings.alerts.sending). Immediate alerts
# are also queued by each import, so they go out within a minute of it.
ALERTS_RETRY = RetryStrategy(
    max_attempts=3, exponential_wait=30, retry_exceptions={OperationalError}
)


@app.periodic(cron="*/5 * * * *")
@app.task(
    queue="alerts",
    name="send_immediate_alerts",
    queueing_lock="alerts-immediate",
    retry=ALERTS_RETRY,
)
def send_immediate_alerts(timestamp: int) -> None:
    sending.run_digests("immediate")


@app.periodic(cron="0 7 * * *")
@app.task(
    queue="alerts", name="send_daily_alerts", queueing_lock="alerts-daily", retry=ALERTS_RETRY
)
def send_daily_alerts(timestamp: int) -> None:
    sending.run_digests("daily", datetime.datetime.fromtimestamp(timestamp, datetime.UTC))


@app.periodic(cron="0 7 * * 1")
@app.task(
    queue="alerts", name="send_weekly_alerts", queueing_lock="alerts-weekly", retry=ALERTS_RETRY
)
def send_weekly_alerts(timestamp: int) -> None:
    sending.run_digests("weekly", datetime.datetime.fromtimestamp(timestamp, datetime.UTC))


MAIL_RETRY = RetryStrategy(
    max_attempts=5, exponential_wait=30, retry_exceptions={smtplib.SMTPException, OSError}
)


@app.task(queue="alerts", name="send_manage_link", retry=MAIL_RETRY)
def send_manage_link(email: str) -> None:
    """The lost-link form's email, sent off the request (meetings.alerts.views)."""
    emails.send_manage_link(email)


@app.periodic(cron="30 3 * * *")
@app.task(queue="alerts", name="forget_sent_alerts", queueing_lock="alerts-forget")
def forget_sent_alerts(timestamp: int) -> None:
    """Each night, delete digests sent more than 30 days ago (privacy: docs/alerts.md)."""
    sending.forget_old()


@app.periodic(cron="*/10 * * * *")
@app.task(queue="alerts", name="retry_alert_deliveries", queueing_lock="alerts-retry")
def retry_alert_deliveries(timestamp: int) -> None:
    """Send again the digests the SMTP server refused, with a growing wait between tries."""
    sending.send_pending()


# Harvests (meetings/harvest/, docs/harvest.md): every ten minutes the sources whose time
# has come are queued, one job each.
@app.periodic(cron="*/10 * * * *")
@app.task(queue="maintenance", name="queue_due_harvests", queueing_lock="queue_due_harvests")
def queue_due_harvests(timestamp: int) -> None:
    scheduling.queue_due()


@app.task(queue="harvests", name="harvest_source", retry=TRANSIENT)
def harvest_source(source_id: int, trigger: str = "schedule", refetch: bool = False) -> None:
    source = Source.objects.filter(pk=source_id).first()
    if source is not None:
        harvesting.harvest(source, trigger, refetch)
