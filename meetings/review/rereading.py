"""A stored document read again with an admin's corrections: as a preview (nothing kept) or
for good (the corrections kept, the document imported again with them)."""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import transaction

from meetings.ingest.ocr import OcrSettings
from meetings.ingest.read import SourceFile, read_source
from meetings.loader import LoadResult, load_source
from meetings.models import Document
from meetings.ocr_cache import DatabaseOcrCache
from meetings.review import corrections, merging, names
from meetings.review.models import Reading, understood
from meetings.review.reading import UNPLACED
from meetings.storage import media_path


def preview(document: Document, changes: dict, user) -> LoadResult:
    """What importing the document again with `changes` (field -> value) would store."""
    # The file is read (and OCR's reads cached) before the transaction that is rolled back.
    with read_again(document) as source, transaction.atomic():
        _record(document, changes, user)
        result = load_source(source, force=True, dry_run=True, council=document.council.slug)
        transaction.set_rollback(True)
    return result


def save(document: Document, changes: dict, user) -> LoadResult:
    """Keep the corrections, then import the document again with them.

    A body corrected away from one this document alone made (a misreading) is merged into
    the corrected one: its address leads there, and its name means it from now on.
    """
    before = document.meeting.body if document.meeting else None
    with read_again(document) as source, transaction.atomic():
        _record(document, changes, user)
        result = load_source(source, force=True, council=document.council.slug)
        meeting = Document.objects.get(pk=document.pk).meeting
        if "body" in changes and meeting:
            names.learn_body(meeting.body, meeting.body.name, user)
            if before and before != meeting.body and not before.meetings.exists():
                merging.merge_bodies(meeting.body, before, user)
    return result


def confirm(document: Document, user) -> None:
    """An admin found the reading right: it leaves the review list (unless it still needs a
    meeting), and its body's name is one the council knows."""
    reading = understood(document)
    reasons = [reason for reason in reading.get("review", []) if reason.startswith(UNPLACED)]
    with transaction.atomic():
        corrections.record(document.sha256, "confirmed", True, None, user)
        if document.meeting:
            names.learn_body(document.meeting.body, document.meeting.body.name, user)
        Reading.objects.update_or_create(
            document=document,
            defaults={"understood": {**reading, "review": reasons}, "needs_review": bool(reasons)},
        )


@contextmanager
def read_again(document: Document) -> Iterator[SourceFile]:
    """The stored file read as it was imported: under its own file name, by OCR where it
    was (every page, if every page was; from the cache), in the meeting it is filed under
    when the document does not name one."""
    meeting = document.meeting
    by_text = document.pages.filter(ocr_confidence__isnull=True).exists()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / document.file_name
        path.symlink_to(media_path(document.file.name))
        yield read_source(
            path,
            meeting.body.name if meeting else "",
            meeting.date if meeting else None,
            max_pages=settings.IMPORT_MAX_PAGES,
            ocr=OcrSettings("auto" if by_text else "always", DatabaseOcrCache()),
        )


def _record(document: Document, changes: dict, user) -> None:
    read = {entry["field"]: entry["value"] for entry in understood(document).get("fields", [])}
    for field, value in changes.items():
        read_as = read.get("time" if field == "start_time" else field)
        corrections.record(document.sha256, field, value, read_as, user)
