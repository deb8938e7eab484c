"""When each source is harvested: every `every_hours` (daily by default), by the worker.

Each harvest is its own job, so a slow or failing source never holds up another; jobs of
sources on one host share a lock and run one at a time (one request at a time per host).
A paused source is left alone until an admin resumes it.
"""

from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from procrastinate.exceptions import AlreadyEnqueued

from meetings.harvest.models import Source


def due_sources():
    now = timezone.now()
    return Source.objects.filter(paused_reason="").filter(
        Q(next_run_at__isnull=True) | Q(next_run_at__lte=now)
    )


def queue_harvest(source: Source, trigger: str = "schedule", refetch: bool = False) -> bool:
    """Queue a harvest of `source`; False if one is already waiting."""
    from meetings.tasks import harvest_source

    with transaction.atomic():
        try:
            harvest_source.configure(
                queueing_lock=f"harvest-{source.pk}", lock=f"host-{urlsplit(source.url).netloc}"
            ).defer(source_id=source.pk, trigger=trigger, refetch=refetch)
        except AlreadyEnqueued:
            return False
        source.next_run_at = timezone.now() + timezone.timedelta(hours=source.every_hours)
        source.save(update_fields=["next_run_at"])
    return True


def queue_due() -> int:
    """Queue a harvest of every source whose time has come; how many were queued."""
    return sum(queue_harvest(source) for source in due_sources())
