"""What is harvested from where: sources, their runs, and the files fetched from them."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from meetings.models import Council, ImportJob, choices_check


class Platform(models.TextChoices):
    MODERNGOV = "moderngov", "ModernGov (its web service)"
    CIVICPLUS = "civicplus", "CivicPlus AgendaCenter"
    LEGISTAR = "legistar", "Legistar"
    GRANICUS = "granicus", "Granicus (its RSS feed)"
    PRIMEGOV = "primegov", "PrimeGov"
    CIVICCLERK = "civicclerk", "CivicClerk"
    DIGITALTOWPATH = "digitaltowpath", "DigitalTowPath"
    OPARL = "oparl", "OParl 1.1"
    LINKS = "links", "A page or feed listing PDF links"


class Source(models.Model):
    """A council's publishing site, harvested on a schedule."""

    Platform = Platform

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="sources")
    name = models.CharField(max_length=200, help_text="'Kent ModernGov', 'Nash County agendas'")
    platform = models.CharField(max_length=20, choices=Platform.choices)
    url = models.URLField(
        max_length=500,
        help_text="ModernGov: the site (https://democracy.kent.gov.uk); CivicPlus: its "
        "/AgendaCenter; OParl: the System (…/oparl/v1.1/); a page or feed: its address",
    )
    every_hours = models.PositiveIntegerField(
        "harvest every (hours)", default=24, help_text="Hours between harvests"
    )
    days_back = models.PositiveIntegerField(
        default=30, help_text="Meetings from this many days ago …"
    )
    days_ahead = models.PositiveIntegerField(default=60, help_text="… to this many days ahead")
    harvest_from = models.DateField(
        null=True, blank=True, help_text="A fixed period instead (a backfill): its first day"
    )
    harvest_until = models.DateField(null=True, blank=True, help_text="… and its last day")
    delay_seconds = models.FloatField(
        null=True, blank=True, help_text="Seconds between two requests to its host (default 2)"
    )
    next_run_at = models.DateTimeField(
        null=True, blank=True, help_text="When the worker harvests it next (empty: now)"
    )
    failures = models.PositiveIntegerField(default=0, help_text="Failed harvests in a row")
    paused_reason = models.TextField(
        blank=True, help_text="Why it is paused; empty while it is harvested"
    )
    paused_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["council__name", "name"]
        constraints = [choices_check("platform", Platform, "source_platform_valid")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("admin:meetings_source_change", args=[self.pk])

    @property
    def paused(self) -> bool:
        return bool(self.paused_reason)

    def window(self, today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
        """The meeting dates a harvest asks for: the fixed period, else the rolling window."""
        today = today or timezone.localdate()
        start = self.harvest_from or today - datetime.timedelta(days=self.days_back)
        end = self.harvest_until or today + datetime.timedelta(days=self.days_ahead)
        return start, max(start, end)

    def delay(self) -> float:
        return settings.HARVEST_DELAY_SECONDS if self.delay_seconds is None else self.delay_seconds


class RunStatus(models.TextChoices):
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class HarvestRun(models.Model):
    """One harvest of a source: what it found, fetched and queued, and what failed."""

    Status = RunStatus

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="runs")
    trigger = models.CharField(max_length=150, help_text="'schedule' or the admin who asked")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    window_start = models.DateField()
    window_end = models.DateField()
    meetings = models.PositiveIntegerField(default=0, help_text="Meetings the source listed")
    found = models.PositiveIntegerField(default=0, help_text="Files the source listed")
    new = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    requests = models.PositiveIntegerField(default=0, help_text="HTTP requests made")
    failures = models.JSONField(
        default=list, blank=True, help_text="Each failed file: its address and the reason"
    )
    error = models.TextField(blank=True, help_text="Why the whole harvest failed")

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [choices_check("status", RunStatus, "harvestrun_status_valid")]

    def __str__(self):
        return f"{self.source}, {timezone.localtime(self.started_at):%-d %B %Y %H:%M}"

    def get_absolute_url(self):
        return reverse("admin:meetings_harvestrun_change", args=[self.pk])

    @property
    def summary(self) -> str:
        """'4 files of 2 meetings: 1 new, 1 changed, 1 unchanged, 1 failed'."""
        if self.status == RunStatus.FAILED:
            return f"failed: {self.error}"
        if self.status == RunStatus.RUNNING:
            return "running"
        return (
            f"{self.found} file{'s' if self.found != 1 else ''} of {self.meetings} meeting"
            f"{'s' if self.meetings != 1 else ''}: {self.new} new, {self.changed} changed, "
            f"{self.unchanged} unchanged, {self.failed} failed"
        )


class FetchedFile(models.Model):
    """A file a source lists, as last fetched: what the source states of it, how to ask
    whether it changed, and the import of its latest version."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="files")
    key = models.CharField(max_length=500, help_text="What the source calls it, stable over time")
    url = models.URLField(max_length=1000)
    title = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=30, blank=True, help_text="agenda, minutes, pack, …")
    body = models.CharField(max_length=200, blank=True, help_text="The body the source states")
    date = models.DateField(null=True, blank=True, help_text="The meeting date it states")
    file_name = models.CharField(max_length=300, blank=True)
    version = models.CharField(
        max_length=300, blank=True, help_text="The listing's word on its version (size, time)"
    )
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.BigIntegerField(null=True, blank=True)
    first_seen = models.DateTimeField(auto_now_add=True)
    fetched_at = models.DateTimeField(null=True, blank=True, help_text="Its last download")
    checked_at = models.DateTimeField(null=True, blank=True, help_text="Its last check")
    error = models.TextField(blank=True, help_text="Why its last fetch failed")
    import_job = models.ForeignKey(
        ImportJob, on_delete=models.SET_NULL, null=True, blank=True, related_name="fetched_files"
    )
    disagreement = models.TextField(
        blank=True, help_text="Where the document's own reading differs from the source"
    )
    reviewed = models.BooleanField(default=False, help_text="An admin has seen the disagreement")

    class Meta:
        ordering = ["-date", "key"]
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="fetchedfile_unique_source_key")
        ]

    def __str__(self):
        return self.title or self.file_name or self.url

    def get_absolute_url(self):
        return reverse("admin:meetings_fetchedfile_change", args=[self.pk])
