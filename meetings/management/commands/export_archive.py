"""python manage.py export_archive [--output FILE]: the whole archive as one JSON document."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.db.models import Prefetch

from meetings.exports import export_meeting, with_everything
from meetings.loader import one_line
from meetings.models import Body, Council, Document, Meeting, Page


def export_archive() -> dict:
    meetings = with_everything(
        Meeting.objects.order_by("body__council__slug", "body__slug", "date", "start_time")
    )
    return {
        "councils": [
            {"name": council.name, "slug": council.slug}
            for council in Council.objects.order_by("slug")
        ],
        "bodies": [
            {"name": body.name, "slug": body.slug, "council": body.council.slug}
            for body in Body.objects.select_related("council").order_by("council__slug", "slug")
        ],
        "meetings": [export_meeting(meeting) for meeting in meetings],
        "documents": [
            {
                "file_name": doc.file_name,
                "council": doc.council.slug,
                "sha256": doc.sha256,
                "pages": doc.page_count,
                "ocr_pages": [
                    {"page": page.number, "confidence": page.ocr_confidence}
                    for page in doc.pages.all()
                ],
            }
            for doc in Document.objects.select_related("council")
            .order_by("sha256")
            .prefetch_related(
                Prefetch(
                    "pages",
                    queryset=Page.objects.filter(ocr_confidence__isnull=False)
                    .order_by("number")
                    .only("document_id", "number", "ocr_confidence"),
                )
            )
        ],
    }


class Command(BaseCommand):
    help = "Write the whole archive as one JSON document (to standard output by default)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="file to write instead of standard output")

    def handle(self, *args, **options):
        try:
            text = json.dumps(export_archive(), indent=1, ensure_ascii=False)
        except DatabaseError as error:
            raise CommandError(f"the archive cannot be read: {one_line(error)}") from error
        if not options["output"]:
            sys.stdout.write(text + "\n")
            return
        try:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        except OSError as error:
            raise CommandError(f"--output {options['output']}: {error.strerror}") from error
