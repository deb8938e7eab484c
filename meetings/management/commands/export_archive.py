"""python manage.py export_archive [--output FILE]: the whole archive as one JSON document."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.db.models import Prefetch

from meetings.loader import one_line
from meetings.models import AgendaItem, Body, Document, Meeting, Minute, Page, Report


def pages_of(row) -> list[int] | None:
    return [row.first_page, row.last_page] if row.first_page is not None else None


def export_decision(minute: Minute) -> dict:
    decision = getattr(minute, "decision", None)
    if decision is None:
        empty = dict.fromkeys(
            [
                "resolved",
                "reasons",
                "outcome",
                "mover",
                "seconder",
                "alternatives",
                "interests",
                "votes",
            ]
        )
        return {**empty, "key_decision": False}
    return {
        "resolved": decision.resolved,
        "reasons": decision.reasons or None,
        "key_decision": decision.key_decision,
        "outcome": decision.outcome or None,
        "mover": decision.mover or None,
        "seconder": decision.seconder or None,
        "alternatives": decision.alternatives or None,
        "interests": decision.interests or None,
        "votes": {
            "for": decision.votes_for,
            "against": decision.votes_against,
            "abstained": decision.votes_abstained,
            "named": [{"name": vote.name, "vote": vote.vote} for vote in decision.votes.all()],
        },
    }


def export_meeting(meeting: Meeting) -> dict:
    return {
        "body": meeting.body.name,
        "date": meeting.date.isoformat(),
        "start_time": meeting.start_time.strftime("%H:%M") if meeting.start_time else None,
        "location": meeting.location,
        "url": meeting.get_absolute_url(),
        "agenda_items": [
            {
                "number": item.number,
                "title": item.title,
                "report_by": item.report_by,
                "pages": pages_of(item),
                "key_decision": item.key_decision,
                "exempt": item.exempt,
            }
            for item in meeting.agenda_items.all()
        ],
        "minutes": [
            {"number": minute.number, "title": minute.title, **export_decision(minute)}
            for minute in meeting.minutes.all()
        ],
        "attendance": [
            {"name": row.person.name, "role": row.role, "note": row.note}
            for row in meeting.attendance.all()
        ],
        "reports": [
            {
                "title": report.title,
                "report_by": report.report_by,
                "agenda_item": report.agenda_item_number or None,
                "pages": pages_of(report),
                "exempt": report.exempt,
            }
            for report in meeting.reports.all()
        ],
    }


def export_archive() -> dict:
    meetings = (
        Meeting.objects.select_related("body")
        .order_by("body__slug", "date", "start_time")
        .prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "number")),
            Prefetch(
                "minutes",
                queryset=Minute.objects.select_related("decision")
                .prefetch_related("decision__votes")
                .order_by("position"),
            ),
            Prefetch("reports", queryset=Report.objects.order_by("position", "slug")),
            "attendance__person",
        )
    )
    return {
        "bodies": [
            {"name": body.name, "slug": body.slug} for body in Body.objects.order_by("slug")
        ],
        "meetings": [export_meeting(meeting) for meeting in meetings],
        "documents": [
            {
                "file_name": doc.file_name,
                "sha256": doc.sha256,
                "pages": doc.page_count,
                "ocr_pages": [
                    {"page": page.number, "confidence": page.ocr_confidence}
                    for page in doc.pages.all()
                ],
            }
            for doc in Document.objects.order_by("sha256").prefetch_related(
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
