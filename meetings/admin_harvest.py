"""The admin of harvesting: sources (added, edited, run now, paused, resumed), their runs and
the files fetched from them, each linked to its import job."""

from django import forms
from django.contrib import admin, messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from meetings.harvest.models import FetchedFile, HarvestRun, Source
from meetings.harvest.scheduling import queue_harvest

RUNS_SHOWN = 10
FILES_SHOWN = 20


class SourceForm(forms.ModelForm):
    url = forms.URLField(
        max_length=500, assume_scheme="https", help_text=Source.url.field.help_text
    )

    class Meta:
        model = Source
        fields = [
            "council",
            "name",
            "platform",
            "url",
            "every_hours",
            "days_back",
            "days_ahead",
            "harvest_from",
            "harvest_until",
            "delay_seconds",
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("harvest_from"), cleaned.get("harvest_until")
        if start and end and end < start:
            raise forms.ValidationError("The period's last day is before its first.")
        if cleaned.get("every_hours") == 0:
            raise forms.ValidationError("Harvest at most once an hour: 1 hour or more.")
        return cleaned


def who(request) -> str:
    return request.user.get_username()


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
    list_display = ["name", "council", "platform", "state", "last_run", "next_run_at"]
    list_filter = ["platform", "council"]
    search_fields = ["name", "url", "council__name"]
    readonly_fields = ["state", "next_run_at", "failures", "runs_table", "files_table"]
    change_form_template = "admin/meetings/source_change_form.html"
    actions = ["harvest_now", "fetch_everything_again", "resume", "pause"]

    def get_fields(self, request, obj=None):
        fields = list(SourceForm.Meta.fields)
        return fields + self.readonly_fields if obj else fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("council")

    @admin.display(description="State")
    def state(self, source: Source) -> str:
        if source.paused:
            return f"Paused: {source.paused_reason}"
        return f"Harvested every {source.every_hours} hours"

    @admin.display(description="Last harvest")
    def last_run(self, source: Source) -> str:
        run = source.runs.first()
        if run is None:
            return "never"
        return f"{timezone.localtime(run.started_at):%-d %b %Y %H:%M}: {run.summary}"

    @admin.display(description="Last runs")
    def runs_table(self, source: Source):
        runs = source.runs.all()[:RUNS_SHOWN]
        if not runs:
            return "None yet."
        rows = format_html_join(
            "",
            "<tr><td><a href='{}'>{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    run.get_absolute_url(),
                    f"{timezone.localtime(run.started_at):%-d %b %Y %H:%M}",
                    run.trigger,
                    f"{run.window_start} to {run.window_end}",
                    run.summary,
                    "; ".join(f"{f['url']}: {f['reason']}" for f in run.failures) or "—",
                )
                for run in runs
            ),
        )
        return format_html(
            "<table class='harvest-runs'><tr><th>When</th><th>By</th><th>Meetings of</th>"
            "<th>What it found</th><th>Failures</th></tr>{}</table>",
            rows,
        )

    @admin.display(description="Files fetched")
    def files_table(self, source: Source):
        files = source.files.select_related("import_job")[:FILES_SHOWN]
        if not files:
            return "None yet."
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    record.date or "—",
                    record.body or "—",
                    format_html("<a href='{}'>{}</a>", record.get_absolute_url(), record),
                    import_link(record),
                    record.error or record.disagreement or "",
                )
                for record in files
            ),
        )
        files_page = reverse("admin:meetings_fetchedfile_changelist")
        listing = f"{files_page}?source__id__exact={source.pk}"
        return format_html(
            "<table class='harvest-files'><tr><th>Meeting date</th><th>Body</th><th>File</th>"
            "<th>Import</th><th>Problem</th></tr>{}</table><p><a href='{}'>All its files</a></p>",
            rows,
            listing,
        )

    @admin.action(description="Harvest the selected sources now", permissions=["change"])
    def harvest_now(self, request, queryset):
        queued = sum(queue_harvest(source, who(request)) for source in queryset)
        self.message_user(request, f"{queued} harvest{'s' if queued != 1 else ''} queued.")

    @admin.action(
        description="Harvest the selected sources now, fetching every file again",
        permissions=["change"],
    )
    def fetch_everything_again(self, request, queryset):
        queued = sum(queue_harvest(source, who(request), refetch=True) for source in queryset)
        self.message_user(request, f"{queued} harvest{'s' if queued != 1 else ''} queued.")

    @admin.action(description="Resume the selected paused sources", permissions=["change"])
    def resume(self, request, queryset):
        resumed = queryset.exclude(paused_reason="").update(
            paused_reason="", paused_at=None, failures=0, next_run_at=None
        )
        self.message_user(request, f"{resumed} source{'s' if resumed != 1 else ''} resumed.")

    @admin.action(description="Pause the selected sources", permissions=["change"])
    def pause(self, request, queryset):
        paused = queryset.filter(paused_reason="").update(
            paused_reason=f"paused by admin {who(request)}", paused_at=timezone.now()
        )
        self.message_user(request, f"{paused} source{'s' if paused != 1 else ''} paused.")

    def get_urls(self):
        run = path(
            "<int:pk>/harvest/",
            self.admin_site.admin_view(self.harvest_view),
            name="meetings_source_harvest",
        )
        return [run, *super().get_urls()]

    def harvest_view(self, request, pk):
        """The "Harvest now" button of a source's page (a POST)."""
        source = get_object_or_404(Source, pk=pk)
        if request.method == "POST" and self.has_change_permission(request, source):
            if queue_harvest(source, who(request)):
                messages.success(request, f"A harvest of {source} is queued.")
            else:
                messages.warning(request, f"A harvest of {source} is already waiting.")
        return redirect("admin:meetings_source_change", pk)


def import_link(record: FetchedFile):
    job = record.import_job
    if job is None:
        return "—"
    return format_html("<a href='{}'>{}</a>", job.get_absolute_url(), job.progress)


@admin.register(HarvestRun)
class HarvestRunAdmin(admin.ModelAdmin):
    list_display = ["source", "started_at", "trigger", "status", "summary", "requests"]
    list_filter = ["status", "source"]
    list_select_related = ["source"]
    fields = readonly_fields = [
        "source",
        "trigger",
        "status",
        "summary",
        "started_at",
        "finished_at",
        "window_start",
        "window_end",
        "requests",
        "failures",
        "error",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class DisagreementFilter(admin.SimpleListFilter):
    title = "disagreement"
    parameter_name = "disagreement"

    def lookups(self, request, model_admin):
        return [("open", "To review"), ("any", "Any")]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.exclude(disagreement="").filter(reviewed=False)
        if self.value() == "any":
            return queryset.exclude(disagreement="")
        return queryset


@admin.register(FetchedFile)
class FetchedFileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "source", "date", "body", "kind", "import_status", "problem"]
    list_filter = [DisagreementFilter, "source", "kind"]
    search_fields = ["title", "file_name", "url", "body"]
    list_select_related = ["source", "import_job"]
    actions = ["mark_reviewed"]
    fields = readonly_fields = [
        "source",
        "title",
        "kind",
        "url",
        "body",
        "date",
        "file_name",
        "import_status",
        "disagreement",
        "reviewed",
        "error",
        "sha256",
        "size",
        "etag",
        "last_modified",
        "version",
        "first_seen",
        "fetched_at",
        "checked_at",
    ]

    @admin.display(description="Import")
    def import_status(self, record: FetchedFile):
        return import_link(record)

    @admin.display(description="Problem")
    def problem(self, record: FetchedFile) -> str:
        if record.error:
            return record.error
        if record.disagreement:
            return f"{record.disagreement}{' (reviewed)' if record.reviewed else ''}"
        return ""

    @admin.action(description="Mark the disagreements of the selected files reviewed")
    def mark_reviewed(self, request, queryset):
        done = queryset.exclude(disagreement="").update(reviewed=True)
        self.message_user(request, f"{done} disagreement{'s' if done != 1 else ''} reviewed.")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # what a source lists and a harvest fetched, not edited by hand
