"""Documents, their pages and downloads: permanent links that follow re-issued packs."""

import functools
from pathlib import Path

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render

from meetings.models import Document, Page, ReplacedDocument
from meetings.storage import media_path


class DocumentReplaced(Exception):
    def __init__(self, document):
        self.document = document


def get_document(sha256):
    """The document with this hash; a replaced version's hash leads to its replacement."""
    document = (
        Document.objects.select_related("meeting__body__council").filter(sha256=sha256).first()
    )
    if document:
        return document
    replaced = ReplacedDocument.objects.filter(sha256=sha256).select_related("document").first()
    if replaced:
        raise DocumentReplaced(replaced.document)
    raise Http404("No document with that fingerprint is in the archive.")


def follow_replacements(url_name):
    """Send links to a replaced document on to the same place in its new version."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, sha256, **kwargs):
            try:
                return view(request, sha256, **kwargs)
            except DocumentReplaced as replaced:
                new = replaced.document.sha256
                return redirect(url_name, new, *kwargs.values(), permanent=True)

        return wrapper

    return decorate


@follow_replacements("meetings:document_detail")
def document_detail(request, sha256):
    document = get_document(sha256)
    pages = document.pages.order_by("number").values_list("number", "restricted", "ocr_confidence")
    context = {
        "document": document,
        "pages": [(number, restricted) for number, restricted, _ in pages],
        "withheld_count": sum(restricted for _, restricted, _ in pages),
        "ocr_count": sum(confidence is not None for _, _, confidence in pages),
    }
    return render(request, "meetings/document_detail.html", context)


@follow_replacements("meetings:document_download")
def document_download(request, sha256):
    """The stored file; for the public, the copy with its restricted pages withheld."""
    document = get_document(sha256)
    public = document.public_file and not request.user.is_staff
    stored = document.public_file if public else document.file
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404("The stored file is missing.") from missing
    response = FileResponse(handle, as_attachment=False, filename=document.file_name)
    if document.format == "text":
        response["Content-Type"] = f"text/plain; charset={text_charset(media_path(stored.name))}"
    return response


def text_charset(path: Path) -> str:
    """UTF-8, or Windows-1252 for the older text files the importer also reads."""
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return "windows-1252"
    return "utf-8"


def withheld_page(request, what: str):
    """410 Gone, with a plain reason: restricted content is not published."""
    return render(request, "meetings/withheld.html", {"what": what}, status=410)


@follow_replacements("meetings:page_detail")
def page_detail(request, sha256, number):
    document = get_document(sha256)
    page = get_object_or_404(Page, document=document, number=number)
    if page.restricted and not request.user.is_staff:
        return withheld_page(request, page.title)
    shown = document.pages.all()
    if not request.user.is_staff:
        shown = shown.filter(restricted=False)  # a link never leads into a withheld page
    numbers = shown.values_list("number", flat=True)
    context = {
        "document": document,
        "page": page,
        "previous": numbers.filter(number__lt=number).order_by("-number").first(),
        "next": numbers.filter(number__gt=number).order_by("number").first(),
    }
    return render(request, "meetings/page_detail.html", context)
