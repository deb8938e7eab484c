"""The admin's "Import packs" page: uploads are stored and queued; the worker imports them."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse

from meetings.management.commands.import_packs import PACK_SUFFIXES
from meetings.uploads import name_problem, queue_uploads


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.txt"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        if len(files) > settings.IMPORT_MAX_FILES:
            raise forms.ValidationError(
                f"{len(files)} files were uploaded; the limit is {settings.IMPORT_MAX_FILES} "
                "files an upload"
            )
        cleaned = [super(MultipleFileField, self).clean(item, initial) for item in files]
        limit = settings.IMPORT_MAX_FILE_MB
        for upload in cleaned:
            if problem := name_problem(upload.name):
                raise forms.ValidationError(f"{upload.name}: {problem}")
            if Path(upload.name).suffix.lower() not in PACK_SUFFIXES:
                raise forms.ValidationError(
                    f"{upload.name}: only .pdf and .txt files can be imported"
                )
            if upload.size > limit * 1024 * 1024:
                raise forms.ValidationError(
                    f"{upload.name}: it is {upload.size / 1024 / 1024:,.1f} MB; the limit is "
                    f"{limit:,} MB a file"
                )
        return cleaned


class ImportPacksForm(forms.Form):
    packs = MultipleFileField(label="Agenda packs (PDF or text)")
    council = forms.CharField(
        required=False,
        max_length=200,
        help_text="Leave empty to read it from each document. A council's slug or full name "
        "(e.g. 'Kent County Council') files them all under it.",
    )
    body = forms.CharField(required=False, help_text="Only for documents that name no body")
    date = forms.DateField(required=False, help_text="Only for documents that name no date")
    ocr = forms.ChoiceField(
        label="OCR",
        choices=[
            ("auto", "Pages without usable text (scans, broken fonts)"),
            ("never", "Never: refuse scans"),
            ("always", "Every page, even with a text layer"),
        ],
        initial="auto",
        required=False,
    )
    force = forms.BooleanField(
        required=False,
        label="Import again",
        help_text="Read files already imported again (an unchanged file is otherwise left as is)",
    )
    dry_run = forms.BooleanField(
        required=False, label="Try only", help_text="Show what would change; keep nothing"
    )


def options_in_words(options: dict) -> str:
    """'Council: from each document; Body: …; Import again: yes', as the form labels them."""
    form = ImportPacksForm()
    ocr = dict(form.fields["ocr"].choices)
    shown = {
        "council": options.get("council") or "from each document",
        "body": options.get("body") or "from each document",
        "date": options.get("date") or "from each document",
        "ocr": ocr.get(options.get("ocr") or "auto", options.get("ocr")),
        "force": "yes" if options.get("force") else "no",
        "dry_run": "yes" if options.get("dry_run") else "no",
    }
    return "; ".join(f"{form.fields[name].label or name.capitalize()}: {value}"
                     for name, value in shown.items())  # fmt: skip


def import_packs_view(request):
    if not request.user.has_perm("meetings.add_document"):
        raise PermissionDenied("Importing packs needs permission to add documents.")
    form = ImportPacksForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        date = form.cleaned_data["date"]
        options = {
            "council": form.cleaned_data["council"].strip(),
            "body": form.cleaned_data["body"],
            "date": date.isoformat() if date else None,
            "force": form.cleaned_data["force"],
            "dry_run": form.cleaned_data["dry_run"],
            "ocr": form.cleaned_data["ocr"] or "auto",
        }
        jobs = queue_uploads(form.cleaned_data["packs"], options, request.user)
        messages.success(
            request,
            f"{len(jobs)} file{pluralize(len(jobs))} queued for import: "
            f"{', '.join(job.file_name for job in jobs)}. Their status is below.",
        )
        return redirect("admin:meetings_importjob_changelist")
    context = {
        **admin.site.each_context(request),
        "title": "Import agenda packs",
        "form": form,
        "limits": {
            "files": settings.IMPORT_MAX_FILES,
            "megabytes": settings.IMPORT_MAX_FILE_MB,
            "pages": settings.IMPORT_MAX_PAGES,
        },
    }
    return TemplateResponse(request, "admin/meetings/import_packs.html", context)
