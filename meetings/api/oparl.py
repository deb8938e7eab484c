"""The archive as OParl 1.1 objects: each model's row as the dict the specification describes.

A council is an OParl Body, a committee an Organization, a report a Paper with one
Consultation (its meeting), a stored document a File. Minutes that belong to no agenda
item are published as the meeting's agenda items too, so no decision is left out.
Ids are permanent URLs built from settings.BASE_URL and the row's primary key.
"""

import datetime
import re
import zoneinfo

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceRole,
    Body,
    Council,
    Document,
    Meeting,
    Membership,
    Minute,
    Person,
    Report,
)

SCHEMA = "https://schema.oparl.org/1.1/"
GSS_CODE = re.compile(r"^[EWSN]\d{8}$")
PRESENT = (AttendanceRole.CHAIR, AttendanceRole.MEMBER, AttendanceRole.IN_ATTENDANCE)


def api_url(name: str, *args) -> str:
    return settings.BASE_URL + reverse(f"oparl:{name}", args=args)


def web_url(row) -> str:
    return settings.BASE_URL + row.get_absolute_url()


def stamp(moment: datetime.datetime) -> str:
    """'2026-03-24T14:00:00+00:00': seconds are enough, and some harvesters reject more."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def common(row, oparl_type: str, name: str) -> dict:
    return {
        "id": api_url(name, row.pk),
        "type": f"{SCHEMA}{oparl_type}",
        "created": stamp(row.created),
        "modified": stamp(row.modified),
    }


def system() -> dict:
    return {
        "id": api_url("system"),
        "type": f"{SCHEMA}System",
        "oparlVersion": SCHEMA,
        "body": api_url("body_list"),
        "name": "Committee meetings archive",
        "website": settings.BASE_URL + "/",
        "web": settings.BASE_URL + "/",
    }


def body(council: Council) -> dict:
    lists = {
        kind: api_url(f"body_{kind}", council.pk)
        for kind in ("organization", "person", "meeting", "paper", "agendaItem")
    } | {
        kind: api_url(f"body_{kind}", council.pk) for kind in ("consultation", "file", "membership")
    }
    data = {
        **common(council, "Body", "body"),
        "system": api_url("system"),
        "name": council.name,
        "shortName": council.short_name,
        **lists,
        "legislativeTerm": [],
        "web": web_url(council),
    }
    if council.tier:
        data["classification"] = council.tier
    if council.website:
        data["website"] = council.website
    if GSS_CODE.match(council.identifier):
        data["equivalent"] = [
            f"https://statistics.data.gov.uk/id/statistical-geography/{council.identifier}"
        ]
    return data


def organization(row: Body) -> dict:
    return {
        **common(row, "Organization", "organization"),
        "body": api_url("body", row.council_id),
        "name": row.name,
        "organizationType": "committee",
        "classification": row.get_kind_display(),
        "membership": [api_url("membership", pk) for pk in membership_ids(row)],
        "meeting": api_url("organization_meeting", row.pk),
        "web": web_url(row),
    }


def membership_ids(row: Body) -> list[int]:
    return [membership.pk for membership in row.memberships.all()]


def person(row: Person) -> dict:
    return {
        **common(row, "Person", "person"),
        "body": api_url("body", row.council_id),
        "name": row.name,
        "membership": [membership(m) for m in row.memberships.all()],
        "web": web_url(row),
    }


def membership(row: Membership) -> dict:
    return {
        **common(row, "Membership", "membership"),
        "person": api_url("person", row.person_id),
        "organization": api_url("organization", row.body_id),
        "role": row.get_role_display(),
        "votingRight": True,
    }


def meeting(row: Meeting) -> dict:
    minutes = list(row.minutes.all())
    data = {
        **common(row, "Meeting", "meeting"),
        "name": row.title,
        "start": stamp(starts_at(row)),
        "cancelled": False,
        "meetingState": "held" if row.date <= timezone.localdate() else "scheduled",
        "organization": [api_url("organization", row.body_id)],
        "participant": [
            api_url("person", a.person_id) for a in row.attendance.all() if a.role in PRESENT
        ],
        "agendaItem": meeting_items(row, minutes),
        "web": web_url(row),
    }
    if row.location:
        data["location"] = location(row)
    files = list(row.documents.all())
    agenda = next((doc for doc in files if "agenda" in doc.kind), None)
    protocol = next((minute.document for minute in minutes), None)
    if agenda:
        data["invitation"] = file(agenda)
    if protocol:
        data["resultsProtocol"] = file(protocol)
    others = [doc for doc in files if doc not in (agenda, protocol)]
    if others:
        data["auxiliaryFile"] = [file(doc) for doc in others]
    return data


def starts_at(row: Meeting) -> datetime.datetime:
    """The meeting's start; a meeting whose time is not known starts at midnight."""
    local = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(row.date, row.start_time or datetime.time(0), tzinfo=local)


def location(row: Meeting) -> dict:
    return {
        "id": api_url("location", row.pk),
        "type": f"{SCHEMA}Location",
        "description": row.location,
        "meetings": [api_url("meeting", row.pk)],
    }


def meeting_items(row: Meeting, minutes: list[Minute]) -> list[dict]:
    items = list(row.agenda_items.all())
    decided = {minute.agenda_item_id: minute for minute in minutes if minute.agenda_item_id}
    published = [agenda_item(item, decided.get(item.pk)) for item in items]
    unlinked = [minute for minute in minutes if not minute.agenda_item_id]
    return published + [minute_item(minute, len(items)) for minute in unlinked]


def agenda_item(row: AgendaItem, minute: Minute | None) -> dict:
    data = {
        **common(row, "AgendaItem", "agendaitem"),
        "meeting": api_url("meeting", row.meeting_id),
        "number": row.number,
        "order": row.position,
        "name": row.title,
        "public": not row.exempt,
        "web": web_url(row),
    }
    reports = list(row.reports.all())
    if reports:
        data["consultation"] = api_url("consultation", reports[0].pk)
    return data | resolution(minute)


def minute_item(row: Minute, items_before: int) -> dict:
    """A minute on no agenda item ('R2024-170'), published as an agenda item of its meeting."""
    return {
        **common(row, "AgendaItem", "minute"),
        "meeting": api_url("meeting", row.meeting_id),
        "number": row.number,
        "order": items_before + row.position,
        "name": row.title,
        "public": True,
        "web": web_url(row),
    } | resolution(row)


def resolution(minute: Minute | None) -> dict:
    decision = getattr(minute, "decision", None) if minute else None
    if decision is None:
        return {}
    data = {"resolutionText": decision.resolved}
    if decision.outcome:
        data["result"] = decision.get_outcome_display()
    return data


def paper(row: Report) -> dict:
    return {
        **common(row, "Paper", "paper"),
        "body": api_url("body", row.meeting.body.council_id),
        "name": row.title,
        "date": row.meeting.date.isoformat(),
        "paperType": "Report",
        "mainFile": file(row.document),
        "consultation": [consultation(row)],
        "web": web_url(row),
    }


def consultation(row: Report) -> dict:
    data = {
        **common(row, "Consultation", "consultation"),
        "paper": api_url("paper", row.pk),
        "meeting": api_url("meeting", row.meeting_id),
        "organization": [api_url("organization", row.meeting.body_id)],
        "role": "Report for decision" if row.key_decision else "Report",
    }
    if row.agenda_item_id:
        data["agendaItem"] = api_url("agendaitem", row.agenda_item_id)
    return data


def file(row: Document) -> dict:
    download = settings.BASE_URL + reverse("meetings:document_download", args=[row.sha256])
    data = {
        **common(row, "File", "file"),
        "name": row.title,
        "fileName": row.file_name,
        "mimeType": "application/pdf" if row.format == Document.Format.PDF else "text/plain",
        "accessUrl": download,
        "downloadUrl": download,
        "web": web_url(row),
    }
    if row.meeting_id:
        data["date"] = row.meeting.date.isoformat()
        data["meeting"] = [api_url("meeting", row.meeting_id)]
    return data


# -- what each object needs fetched with it, in a few queries a page -------------------------

DOCUMENT = Document.objects.select_related("meeting__body__council").defer("warnings")
MINUTES = Minute.objects.select_related("decision", "document__meeting__body__council").defer(
    "text", "decision__reasons", "decision__alternatives", "decision__interests"
)


def rows(kind: str):
    """The queryset each object kind is read from, with what its dict needs."""
    return {
        "body": lambda: Council.objects.all(),
        "organization": lambda: Body.objects.select_related("council").prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.only("pk", "body_id"))
        ),
        "person": lambda: Person.objects.select_related("council").prefetch_related("memberships"),
        "membership": lambda: Membership.objects.all(),
        "meeting": lambda: Meeting.objects.select_related("body__council").prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("meeting__body__council")
                .prefetch_related(
                    Prefetch("reports", queryset=Report.objects.only("pk", "agenda_item_id"))
                )
                .order_by("position"),
            ),
            Prefetch(
                "minutes",
                queryset=MINUTES.select_related("meeting__body__council").order_by("position"),
            ),
            Prefetch(
                "attendance", queryset=Attendance.objects.only("meeting_id", "person_id", "role")
            ),
            Prefetch("documents", queryset=DOCUMENT),
        ),
        "location": lambda: Meeting.objects.exclude(location=""),
        "agendaitem": lambda: AgendaItem.objects.select_related(
            "meeting__body__council"
        ).prefetch_related(
            Prefetch("reports", queryset=Report.objects.only("pk", "agenda_item_id")),
            Prefetch("minutes", queryset=MINUTES.order_by("position")),
        ),
        "minute": lambda: MINUTES.select_related("meeting__body__council"),
        "paper": lambda: (
            Report.objects.select_related(
                "meeting__body__council", "document__meeting__body__council"
            )
            .defer("text", "purpose", "recommendations", "document__warnings")
            .exclude(meeting=None)
        ),
        "consultation": lambda: (
            Report.objects.select_related("meeting__body__council")
            .defer("text", "purpose", "recommendations")
            .exclude(meeting=None)
        ),
        "file": lambda: DOCUMENT,
    }[kind]()


def agenda_item_object(row: AgendaItem) -> dict:
    return agenda_item(row, next(iter(row.minutes.all()), None))


def minute_object(row: Minute) -> dict:
    return minute_item(row, AgendaItem.objects.filter(meeting_id=row.meeting_id).count())


SERIALISERS = {
    "body": body,
    "organization": organization,
    "person": person,
    "membership": membership,
    "meeting": meeting,
    "location": location,
    "agendaitem": agenda_item_object,
    "minute": minute_object,
    "paper": paper,
    "consultation": consultation,
    "file": file,
}
