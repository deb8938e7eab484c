"""The admin's review of imports: the list of those to review, and each document's review
page (what was understood, with its evidence; corrections, previewed before they are kept;
who corrected what and when)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from meetings.ingest.read import PackError
from meetings.loader import one_line
from meetings.models import Document, DocumentToReview
from meetings.review import corrections, merging, rereading
from meetings.review.forms import (
    SOURCES,
    AgendaFormSet,
    AttendanceFormSet,
    MeetingForm,
    MinutesFormSet,
)
from meetings.review.merging import CannotMerge
from meetings.review.models import understood

SECTIONS = ("meeting", "agenda", "minutes", "attendance")


def review_url(document: Document) -> str:
    return reverse("admin:meetings_document_review", args=[document.pk])


@admin.register(DocumentToReview)
class DocumentToReviewAdmin(admin.ModelAdmin):
    """Imports an admin should look at, newest first: no meeting, or a field read unsure."""

    list_display = ["document", "council", "to_check", "imported"]
    list_filter = ["council"]
    search_fields = ["file_name"]
    list_select_related = ["council", "reading"]
    ordering = ["-reading__modified", "-pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(reading__needs_review=True)

    @admin.display(description="document", ordering="file_name")
    def document(self, document):
        return format_html('<a href="{}">{}</a>', review_url(document), document.file_name)

    @admin.display(description="to check")
    def to_check(self, document):
        return "; ".join(document.reading.understood.get("review", []))

    @admin.display(description="imported", ordering="reading__modified")
    def imported(self, document):
        return document.reading.modified

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def review_view(request, pk):
    """A document's reading, the forms that correct it, and its corrections' history."""
    if not request.user.has_perm("meetings.change_document"):
        raise PermissionDenied("Reviewing imports needs permission to change documents.")
    document = get_object_or_404(Document.objects.select_related("council", "meeting__body"), pk=pk)
    step, section = request.POST.get("step"), request.POST.get("section")
    if request.method == "POST" and step == "confirm":
        rereading.confirm(document, request.user)
        messages.success(request, f"The reading of {document.file_name} was confirmed.")
        return redirect(review_url(document))
    forms = _forms(document, request.POST if section else None, section)
    if request.method == "POST" and section in SECTIONS and step in ("preview", "save"):
        form, current = forms[section]
        if form.is_valid():
            changes = form.changes(current)
            if not changes:
                messages.info(request, "Nothing was changed.")
                return redirect(review_url(document))
            return _preview_or_save(request, document, changes, step)
    context = {
        **admin.site.each_context(request),
        "title": f"Review: {document.file_name}",
        "document": document,
        "reading": understood(document),
        "forms": {name: form for name, (form, _) in forms.items()},
        "history": corrections.history(document.sha256),
    }
    return TemplateResponse(request, "admin/meetings/review/document_review.html", context)


def _forms(document: Document, data, section: str | None) -> dict:
    """Each section's form, bound to `data` for the section posted."""
    bound = {name: data if name == section else None for name in SECTIONS}
    found = {"meeting": (MeetingForm(document, bound["meeting"]), None)}
    for name, formset in (("agenda", AgendaFormSet), ("minutes", MinutesFormSet),
                          ("attendance", AttendanceFormSet)):  # fmt: skip
        current = list_in_force(document, name)
        if current is None:
            continue
        initial = [_row(entry, position) for position, entry in enumerate(current, start=1)]
        found[name] = (formset(bound[name], initial=initial, prefix=name), current)
    return found


def list_in_force(document: Document, field: str) -> list[dict] | None:
    """The agenda, minutes or attendance as they stand: the correction in force, else as
    read (each item from itself); None where the document has none to correct."""
    correction = corrections.latest(document.sha256).get(field)
    reading = understood(document)
    if field == "agenda":
        if not reading.get("agenda") and not correction:
            return None
        read = [{"from": [item["number"]], "number": item["number"], "title": item["title"]}
                for item in reading.get("agenda", [])]  # fmt: skip
    else:
        if not reading.get("minutes"):
            return None
        minutes = reading["minutes"][0]
        if field == "minutes":
            read = [{"from": [m["number"]], "number": m["number"], "title": m["title"],
                     "outcome": m["outcome"], "decision": m["decision"]}
                    for m in minutes["minutes"]]  # fmt: skip
        else:
            read = [{"name": p["name"], "role": p["role"]} for p in minutes["attendance"]]
    return correction.value if correction else read


def _row(entry: dict, position: int) -> dict:
    if "name" in entry:
        return entry
    return {**entry, "source": SOURCES.join(entry["from"]), "position": position * 10}


def _preview_or_save(request, document: Document, changes: dict, step: str):
    try:
        if step == "save":
            result = rereading.save(document, changes, request.user)
        else:
            result = rereading.preview(document, changes, request.user)
    except PackError as error:
        messages.error(
            request, f"Nothing was kept: {document.file_name} could not be read ({error})"
        )
        return redirect(review_url(document))
    except DatabaseError as error:
        messages.error(request, f"Nothing was saved: {one_line(error)}")
        return redirect(review_url(document))
    if step == "save":
        messages.success(request, f"Corrected and read again. {result.summary()}")
        return redirect(review_url(document))
    context = {
        **admin.site.each_context(request),
        "title": f"Preview: {document.file_name}",
        "document": document,
        "reading": result.reading,
        "summary": result.summary(),
        "changes": changes,
        "posted": [
            (key, value)
            for key, values in request.POST.lists()
            for value in values
            if key not in ("csrfmiddlewaretoken", "step")
        ],  # fmt: skip
    }
    return TemplateResponse(request, "admin/meetings/review/preview.html", context)


def merge_action(merge, plural: str):
    """An admin action merging the selected bodies, people or meetings into the one chosen on
    the page it shows first (meetings.review.merging)."""

    def action(modeladmin, request, queryset):
        chosen = list(queryset)
        if len(chosen) < 2:
            modeladmin.message_user(request, f"Choose two or more {plural} to merge.", "error")
            return None
        keep = next((thing for thing in chosen if str(thing.pk) == request.POST.get("keep")), None)
        if "apply" in request.POST and keep:
            try:
                for other in chosen:
                    if other.pk != keep.pk:
                        merge(keep, other, request.user)
            except CannotMerge as refusal:
                modeladmin.message_user(request, f"Nothing was merged: {refusal}.", "error")
                return None
            merged = len(chosen) - 1
            addresses = "its old address leads" if merged == 1 else "their old addresses lead"
            modeladmin.message_user(request, f"Merged {merged} into “{keep}”; {addresses} there.")
            return None
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": f"Merge {plural}",
            "chosen": chosen,
            "action": request.POST.get("action"),
        }
        return TemplateResponse(request, "admin/meetings/review/merge.html", context)

    action.short_description = f"Merge the selected {plural} into one"
    action.__name__ = f"merge_{plural}"
    return action


merge_bodies = merge_action(merging.merge_bodies, "bodies")
merge_people = merge_action(merging.merge_people, "people")
merge_meetings = merge_action(merging.merge_meetings, "meetings")
