"""The admin's "Import packs" page: upload packs and import them with import_packs' code."""

import tempfile
from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from meetings.management.commands.import_packs import PACK_SUFFIXES, import_one


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.txt"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        cleaned = [super(MultipleFileField, self).clean(item, initial) for item in files]
        for upload in cleaned:
            if Path(upload.name).suffix.lower() not in PACK_SUFFIXES:
                raise forms.ValidationError(
                    f"{upload.name}: only .pdf and .txt files can be imported"
                )
        return cleaned


class ImportPacksForm(forms.Form):
    packs = MultipleFileField(label="Agenda packs (PDF or text)")
    body = forms.CharField(required=False, help_text="Only for documents that name no body")
    date = forms.DateField(required=False, help_text="Only for documents that name no date")
    force = forms.BooleanField(required=False, help_text="Re-import files already imported")
    dry_run = forms.BooleanField(required=False, help_text="Show what would change; save nothing")


def import_packs_view(request):
    if not request.user.has_perm("meetings.add_document"):
        raise PermissionDenied("Importing packs needs permission to add documents.")
    form = ImportPacksForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        options = {
            "body": form.cleaned_data["body"],
            "date": form.cleaned_data["date"],
            "force": form.cleaned_data["force"],
            "dry_run": form.cleaned_data["dry_run"],
        }
        with tempfile.TemporaryDirectory() as folder:
            for upload in form.cleaned_data["packs"]:
                path = Path(folder) / Path(upload.name).name
                with path.open("wb") as handle:
                    for chunk in upload.chunks():
                        handle.write(chunk)
                result, error = import_one(path, options)
                if error:
                    messages.error(request, error.replace(f"{folder}/", ""))
                else:
                    messages.success(request, result.summary())
                    for warning in result.warnings:
                        messages.warning(request, f"{result.file_name}: {warning}")
        return redirect("admin:meetings_document_import")
    context = {
        **admin.site.each_context(request),
        "title": "Import agenda packs",
        "form": form,
    }
    return TemplateResponse(request, "admin/meetings/import_packs.html", context)
