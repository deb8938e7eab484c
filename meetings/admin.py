from django import forms
from django.contrib import admin
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.urls import path

from meetings import admin_harvest, models  # noqa: F401 (admin_harvest registers harvesting)
from meetings.admin_import import import_packs_view, options_in_words
from meetings.alerts import sending
from meetings.alerts.models import Delivery, Subscriber, Subscription
from meetings.matters import linking
from meetings.review import corrections
from meetings.review.admin import merge_bodies, merge_meetings, merge_people, review_view
from meetings.review.models import understood
from meetings.uploads import queue_reparse
from meetings.withholding import withheld_of, withhold_now


class CouncilForm(forms.ModelForm):
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = models.Council
        fields = [
            "name",
            "short_name",
            "slug",
            "tier",
            "website",
            "country",
            "identifier",
            "email_domains",
        ]

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in models.RESERVED_COUNCIL_SLUGS:
            raise forms.ValidationError(f"'{slug}' is one of the archive's own addresses.")
        return slug


@admin.register(models.Council)
class CouncilAdmin(admin.ModelAdmin):
    form = CouncilForm
    list_display = ["name", "slug", "tier", "country", "identifier"]
    search_fields = ["name", "short_name", "slug", "identifier"]


@admin.register(models.Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "council", "slug", "kind"]
    list_filter = ["kind", "council"]
    search_fields = ["name", "slug", "council__name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = [merge_bodies]


@admin.register(models.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "council", "key"]
    list_filter = ["council"]
    search_fields = ["name", "key"]
    actions = [merge_people]


@admin.register(models.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "body", "role", "as_of"]
    list_filter = ["role", "body"]
    search_fields = ["person__name", "body__name"]
    autocomplete_fields = ["person", "body"]


class AgendaItemInline(admin.TabularInline):
    model = models.AgendaItem
    fields = [
        "number",
        "position",
        "title",
        "report_by",
        "first_page",
        "last_page",
        "key_decision",
        "exempt",
    ]
    extra = 0


class AttendanceInline(admin.TabularInline):
    model = models.Attendance
    fields = ["person", "role", "note"]
    autocomplete_fields = ["person"]
    extra = 0


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["body", "date", "start_time", "location", "is_special"]
    list_filter = ["body__council", "body", "is_special"]
    date_hierarchy = "date"
    search_fields = ["body__name", "location"]
    list_select_related = ["body"]
    inlines = [AgendaItemInline, AttendanceInline]
    actions = [merge_meetings]


class WithheldRowsToo:
    """Admins see the rows withheld from the public too (models.PublicManager)."""

    def get_queryset(self, request):
        rows = self.model.all_objects.get_queryset()
        ordering = self.get_ordering(request)
        return rows.order_by(*ordering) if ordering else rows


@admin.register(models.AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["meeting", "number", "title", "report_by", "key_decision", "exempt"]
    list_filter = ["key_decision", "exempt", "meeting__body__council"]
    search_fields = ["title", "report_by"]
    list_select_related = ["meeting__body__council"]
    raw_id_fields = ["meeting"]

    def save_model(self, request, obj, form, change):
        """An item ticked exempt has its pages of its pack withheld everywhere at once."""
        super().save_model(request, obj, form, change)
        if obj.exempt and obj.document_id and obj.first_page is not None:
            printed = [str(n) for n in range(obj.first_page, (obj.last_page or obj.first_page) + 1)]
            pages = obj.document.pages.filter(printed_number__in=printed)
            withhold_now(
                obj.document,
                withheld_of(obj.document) | set(pages.values_list("number", flat=True)),
            )


@admin.register(models.Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "agenda_item_number", "report_by", "exempt", "restricted"]
    list_filter = ["exempt", "restricted", "key_decision", "meeting__body__council"]
    search_fields = ["title", "report_by"]
    list_select_related = ["meeting__body__council"]
    raw_id_fields = ["meeting", "agenda_item", "document"]

    def save_model(self, request, obj, form, change):
        """A report ticked exempt or restricted has its pages withheld everywhere at once.
        (Unticked, its pages stay withheld until each is unticked: publishing is page by page.)"""
        super().save_model(request, obj, form, change)
        if obj.withheld and obj.first_page is not None:
            pages = set(range(obj.first_page, obj.last_page + 1))
            withhold_now(obj.document, withheld_of(obj.document) | pages)


class DecisionInline(WithheldRowsToo, admin.StackedInline):
    model = models.Decision
    extra = 0


@admin.register(models.Minute)
class MinuteAdmin(WithheldRowsToo, admin.ModelAdmin):
    list_display = ["meeting", "number", "title", "agenda_item_number", "withheld"]
    list_filter = ["withheld", "meeting__body__council"]
    search_fields = ["title", "text"]
    list_select_related = ["meeting__body__council"]
    raw_id_fields = ["meeting", "agenda_item", "document"]
    inlines = [DecisionInline]


@admin.register(models.Decision)
class DecisionAdmin(WithheldRowsToo, admin.ModelAdmin):
    list_display = ["__str__", "key_decision"]
    list_filter = ["key_decision", "minute__meeting__body__council"]
    search_fields = ["resolved", "reasons", "minute__title"]
    list_select_related = ["minute__meeting__body__council"]
    raw_id_fields = ["minute"]


@admin.register(models.Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["person", "meeting", "role", "note"]
    list_filter = ["role", "meeting__body__council"]
    search_fields = ["person__name"]
    list_select_related = ["person", "meeting__body__council"]
    raw_id_fields = ["meeting", "person"]


class RecognisedFilter(admin.SimpleListFilter):
    """Documents the importer recognised only as pages: no agenda, minutes or reports in them."""

    title = "recognised"
    parameter_name = "recognised"

    def lookups(self, request, model_admin):
        return [("pages", "Only as pages"), ("parts", "Agenda, minutes or reports")]

    def queryset(self, request, queryset):
        parts = Q(agenda_items__isnull=False) | Q(minutes__isnull=False) | Q(reports__isnull=False)
        with_parts = models.Document.objects.filter(parts).values("pk")
        if self.value() == "pages":
            return queryset.exclude(pk__in=with_parts)
        if self.value() == "parts":
            return queryset.filter(pk__in=with_parts)
        return queryset


class SetMeetingForm(forms.Form):
    body = forms.CharField(max_length=200, help_text="The committee, board or commission")
    date = forms.DateField(help_text="The meeting's date, YYYY-MM-DD")


@admin.register(models.Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["file_name", "council", "format", "page_count", "meeting", "modified"]
    list_filter = [RecognisedFilter, "council", "format"]
    search_fields = ["file_name", "sha256"]
    readonly_fields = ["sha256", "page_count", "modified"]
    raw_id_fields = ["meeting"]
    change_list_template = "admin/meetings/document_changelist.html"
    change_form_template = "admin/meetings/document_change.html"
    actions = ["set_meeting_and_parse_again"]

    @admin.action(description="Set the meeting of the selected documents and parse them again")
    def set_meeting_and_parse_again(self, request, queryset):
        form = SetMeetingForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            body, date = form.cleaned_data["body"], form.cleaned_data["date"]
            jobs = [queue_reparse(document, body, date, request.user) for document in queryset]
            self.message_user(
                request,
                f"{len(jobs)} document{pluralize(len(jobs))} queued to be read again as {body}, "
                f"{date:%-d %B %Y}.",
            )
            return redirect("admin:meetings_importjob_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": "Set the meeting and parse again",
            "form": form,
            "documents": queryset,
            "action": "set_meeting_and_parse_again",
        }
        return TemplateResponse(request, "admin/meetings/set_meeting.html", context)

    def get_urls(self):
        upload = path(
            "import/",
            self.admin_site.admin_view(import_packs_view),
            name="meetings_document_import",
        )
        review = path(
            "<int:pk>/review/",
            self.admin_site.admin_view(review_view),
            name="meetings_document_review",
        )
        return [upload, review, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        document = self.get_object(request, object_id)
        history = corrections.history(document.sha256) if document else []
        extra = {"reading": understood(document) if document else {}, "history": history}
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})


@admin.register(models.Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["document", "number", "restricted", "ocr_confidence"]
    list_filter = ["restricted"]
    search_fields = ["document__file_name"]
    raw_id_fields = ["document"]

    def save_model(self, request, obj, form, change):
        """A page ticked (or unticked) restricted is withheld (or published) everywhere at
        once: its minutes, the search, the public copy, the bulk files."""
        wanted = obj.restricted
        obj.restricted = form.initial.get("restricted", False)  # withhold_now() changes it
        super().save_model(request, obj, form, change)
        others = withheld_of(obj.document) - {obj.number}
        withhold_now(obj.document, others | {obj.number} if wanted else others)


@admin.register(models.ReplacedDocument)
class ReplacedDocumentAdmin(admin.ModelAdmin):
    list_display = ["sha256", "document"]
    search_fields = ["sha256", "document__file_name"]
    raw_id_fields = ["document"]


@admin.register(models.SearchWord)
class SearchWordAdmin(admin.ModelAdmin):
    list_display = ["word", "documents"]
    search_fields = ["word"]
    ordering = ["-documents", "word"]


@admin.register(models.OcrCacheEntry)
class OcrCacheEntryAdmin(admin.ModelAdmin):
    list_display = ["key", "confidence", "created_at"]
    search_fields = ["key", "text"]
    readonly_fields = ["key", "text", "confidence", "created_at"]


@admin.register(models.ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Recent imports; each one's page is its status page, refreshed while it runs."""

    list_display = ["file_name", "status", "progress", "created_at", "requested_by"]
    list_filter = ["status"]
    search_fields = ["file_name"]
    list_select_related = ["requested_by"]
    change_form_template = "admin/meetings/importjob_status.html"
    actions = ["queue_again"]
    fields = readonly_fields = [
        "file_name",
        "status",
        "progress",
        "warnings",
        "document",
        "options_chosen",
        "attempts",
        "requested_by",
        "created_at",
        "started_at",
        "finished_at",
    ]

    def has_add_permission(self, request):
        return False  # jobs come from the "Import agenda packs" page

    @admin.display(description="options")
    def options_chosen(self, job):
        """The upload form's choices, as it labels them."""
        return options_in_words(job.options)

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Queue the selected failed imports again")
    def queue_again(self, request, queryset):
        from meetings.tasks import import_upload

        failed = list(queryset.filter(status=models.ImportJob.Status.FAILED))
        with transaction.atomic():
            for job in failed:
                job.status = models.ImportJob.Status.QUEUED
                job.save(update_fields=["status"])
                import_upload.defer(job_id=job.pk)
        self.message_user(
            request, f"{len(failed)} failed import{pluralize(len(failed))} queued again."
        )


class MatterStepInline(admin.TabularInline):
    model = models.MatterStep
    fields = ["date", "meeting", "kind", "title", "reason", "evidence", "score", "pinned"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(models.Matter)
class MatterAdmin(admin.ModelAdmin):
    list_display = ["title", "council", "status", "reference", "first_date", "last_date"]
    list_filter = ["status", "council"]
    search_fields = ["title", "reference"]
    readonly_fields = ["status", "first_date", "last_date"]
    inlines = [MatterStepInline]
    actions = ["merge"]

    @admin.action(description="Merge the selected matters into one")
    def merge(self, request, queryset):
        matters = list(queryset)
        if len(matters) < 2 or len({matter.council_id for matter in matters}) > 1:
            self.message_user(request, "Choose two or more matters of one council.", "error")
            return
        into = linking.merge_matters(matters)
        self.message_user(request, f"Merged {len(matters)} matters into “{into}”.")


@admin.register(models.MatterStep)
class MatterStepAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "date", "meeting", "matter", "reason", "pinned"]
    list_filter = ["kind", "reason", "pinned"]
    search_fields = ["title", "matter__title", "reference"]
    raw_id_fields = ["matter", "agenda_item", "report", "minute", "meeting"]
    readonly_fields = ["evidence", "score", "title_words"]
    actions = ["split"]

    @admin.action(description="Split the selected steps off into a new matter")
    def split(self, request, queryset):
        steps = list(queryset.select_related("matter"))
        if len({step.matter.council_id for step in steps}) != 1:
            self.message_user(request, "Choose steps of one council.", "error")
            return
        new = linking.split_steps(steps)
        self.message_user(
            request, f"Split {len(steps)} step{pluralize(len(steps))} off into “{new}”."
        )


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    fields = ["label", "kind", "frequency", "created"]
    readonly_fields = ["label", "kind", "created"]
    extra = 0


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "created"]
    search_fields = ["email"]
    readonly_fields = ["key", "created"]
    inlines = [SubscriptionInline]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["window", "subscriber", "entries", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subscriber__email", "window"]
    readonly_fields = ["subject", "text", "error", "created", "sent_at", "tried_at"]
    actions = ["send_now"]

    @admin.action(description="Send the selected unsent digests now")
    def send_now(self, request, queryset):
        queryset.exclude(status=Delivery.Status.SENT).update(tried_at=None)
        sent, failed = sending.send_pending()
        self.message_user(request, f"{sent} sent, {failed} refused (kept, to retry).")
