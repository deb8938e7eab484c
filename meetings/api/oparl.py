"""The archive as OParl 1.1 objects: each model's row as the dict the specification describes.

A council is an OParl Body, a committee an Organization, a report a Paper with one
Consultation (its meeting), a stored document a File. Minutes that belong to no agenda
item are published as the meeting's agenda items too, so no decision is left out.
Ids are permanent URLs built from settings.BASE_URL and the row's primary key.
"""

import datetime
import functools
import re
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceRole,
    Body,
    Council,
    DeletedObject,
    Document,
    Meeting,
    Membership,
    Minute,
    Outcome,
    Person,
    Report,
    item_anchor,
    minute_anchor,
)

SCHEMA = "https://schema.oparl.org/1.1/"
GSS_CODE = re.compile(r"^[EWSN]\d{8}$")
PRESENT = (AttendanceRole.CHAIR, AttendanceRole.MEMBER, AttendanceRole.IN_ATTENDANCE)


def api_url(name: str, *args) -> str:
    """An object's id ('meeting', 12) or a list's address ('body_meeting', 1)."""
    if name in OPARL_TYPES and len(args) == 1:
        return f"{settings.BASE_URL}{api_root()}{name}/{args[0]}"  # as oparl_urls names them
    return settings.BASE_URL + reverse(f"oparl:{name}", args=args)


@functools.cache
def api_root() -> str:
    return reverse("oparl:system")


def web_url(row) -> str:
    return settings.BASE_URL + row.get_absolute_url()


def stamp(moment: datetime.datetime) -> str:
    """'2026-03-24T13:00:00Z', in UTC: seconds are enough, and some harvesters reject more."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


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


@dataclass
class Rows:
    """Rows read as plain values, grouped by the meeting they belong to."""

    by_meeting: dict[int, list[dict]]

    @classmethod
    def read(cls, queryset, *fields: str) -> "Rows":
        grouped = defaultdict(list)
        for row in queryset.values("meeting_id", *fields):
            grouped[row["meeting_id"]].append(row)
        return cls(grouped)

    def of(self, meeting_id: int) -> list[dict]:
        return self.by_meeting.get(meeting_id, [])


class MeetingParts:
    """What a page of meetings embeds, read in five queries for the whole page.

    Plain values, not model instances: a page of meetings holds hundreds of items.
    """

    def __init__(self, meetings: list[Meeting]):
        ids = [meeting.pk for meeting in meetings]
        stamps = ("id", "created", "modified", "number", "position", "title")
        self.items = Rows.read(
            AgendaItem.objects.filter(meeting__in=ids).order_by("position"), *stamps, "exempt"
        )
        self.minutes = Rows.read(
            Minute.objects.filter(meeting__in=ids).order_by("position"),
            *stamps,
            "agenda_item_id",
            "document_id",
            "decision__resolved",
            "decision__outcome",
        )
        self.present = Rows.read(
            Attendance.objects.filter(meeting__in=ids, role__in=PRESENT), "person_id"
        )
        self.reports = dict(
            Report.objects.filter(agenda_item__meeting__in=ids)
            .order_by("-pk")
            .values_list("agenda_item_id", "pk")
        )  # each item's first report
        minuted = {row["document_id"] for rows in self.minutes.by_meeting.values() for row in rows}
        documents = DOCUMENTS.filter(Q(meeting__in=ids) | Q(pk__in=minuted))
        self.files = {document.pk: document for document in documents}


def meetings(rows: list[Meeting]) -> list[dict]:
    parts = MeetingParts(rows)
    return [meeting(row, parts) for row in rows]


def meeting(row: Meeting, parts: MeetingParts | None = None) -> dict:
    parts = parts or MeetingParts([row])
    minutes = parts.minutes.of(row.pk)
    data = {
        **common(row, "Meeting", "meeting"),
        "name": row.title,
        "start": stamp(starts_at(row)),
        "cancelled": False,
        "meetingState": "held" if row.date <= timezone.localdate() else "scheduled",
        "organization": [api_url("organization", row.body_id)],
        "participant": [api_url("person", a["person_id"]) for a in parts.present.of(row.pk)],
        "agendaItem": meeting_items(row, parts),
        "web": web_url(row),
    }
    if row.location:
        data["location"] = location(row)
    files = [doc for doc in parts.files.values() if doc.meeting_id == row.pk]
    agenda = next((doc for doc in files if "agenda" in doc.kind), None)
    protocol = parts.files.get(minutes[0]["document_id"]) if minutes else None
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


def meeting_items(row: Meeting, parts: MeetingParts) -> list[dict]:
    """Its agenda items, each with the decision minuted on it, then the minutes on none."""
    items, minutes = parts.items.of(row.pk), parts.minutes.of(row.pk)
    decided = {}  # each item's first minute
    for minute in minutes:
        decided.setdefault(minute["agenda_item_id"], minute)
    web = web_url(row)
    published = [
        item_object(item, "agendaitem", row.pk, f"{web}{item_anchor(item['number'])}")
        | {"public": not item["exempt"]}
        | consultation_of(parts.reports.get(item["id"]))
        | minuted(decided.get(item["id"]))
        for item in items
    ]
    unlinked = [minute for minute in minutes if not minute["agenda_item_id"]]
    return published + [
        item_object(minute, "minute", row.pk, f"{web}{minute_anchor(minute['number'])}")
        | {"order": len(items) + minute["position"], "public": True}
        | minuted(minute)
        for minute in unlinked
    ]


def item_object(row: dict, kind: str, meeting_id: int, web: str) -> dict:
    return {
        "id": api_url(kind, row["id"]),
        "type": f"{SCHEMA}AgendaItem",
        "created": stamp(row["created"]),
        "modified": stamp(row["modified"]),
        "meeting": api_url("meeting", meeting_id),
        "number": row["number"],
        "order": row["position"],
        "name": row["title"],
        "web": web,
    }


def consultation_of(report_id: int | None) -> dict:
    return {"consultation": api_url("consultation", report_id)} if report_id else {}


def minuted(minute: dict | None) -> dict:
    """The decision a minute records, as an agenda item's resolution."""
    if not minute or minute["decision__resolved"] is None:
        return {}
    data = {"resolutionText": minute["decision__resolved"]}
    if minute["decision__outcome"]:
        data["result"] = Outcome(minute["decision__outcome"]).label
    return data


def embedded_items(rows: list, kind: str) -> list[dict]:
    """Agenda items (or minutes) as their meetings embed them, their meetings read once."""
    meetings = {row.meeting_id: row.meeting for row in rows}
    parts = MeetingParts(list(meetings.values()))
    published = {
        item["id"]: item for row in meetings.values() for item in meeting_items(row, parts)
    }
    return [published[api_url(kind, row.pk)] for row in rows]


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

# Each kind's rows, without the long columns no OParl object shows.
MEETINGS = Meeting.objects.select_related("body__council").defer("contact")
DOCUMENTS = Document.objects.select_related("meeting").defer("warnings", "recognised", "reading")
REPORTS = Report.objects.select_related("meeting__body__council").defer(
    "text", "purpose", "recommendations"
)


def in_meeting(model):
    """An item or minute, with only what finds it in its meeting's published items."""
    return model.objects.select_related("meeting__body__council").only(
        "pk", "modified", "meeting__title", "meeting__date", "meeting__location",
        "meeting__start_time", "meeting__created", "meeting__modified", "meeting__body__slug",
        "meeting__body__council__slug",
    )  # fmt: skip


def rows(kind: str):
    """The queryset each object kind is read from, with what its dict needs."""
    return {
        "body": lambda: Council.objects.all(),
        "organization": lambda: Body.objects.select_related("council").prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.only("pk", "body_id"))
        ),
        "person": lambda: Person.objects.select_related("council").prefetch_related("memberships"),
        "membership": lambda: Membership.objects.all(),
        # A meeting's items, minutes and files: MeetingParts, for a whole page at once.
        "meeting": lambda: MEETINGS,
        "location": lambda: MEETINGS.exclude(location=""),
        "agendaitem": lambda: in_meeting(AgendaItem),
        "minute": lambda: in_meeting(Minute),
        "paper": lambda: REPORTS.prefetch_related(Prefetch("document", queryset=DOCUMENTS)).exclude(
            meeting=None
        ),
        "consultation": lambda: REPORTS.exclude(meeting=None),
        "file": lambda: DOCUMENTS,
    }[kind]()


# Each object's kind, as its id and oparl_urls name it, and its OParl type.
OPARL_TYPES = {
    "body": "Body",
    "organization": "Organization",
    "person": "Person",
    "membership": "Membership",
    "meeting": "Meeting",
    "agendaitem": "AgendaItem",
    "minute": "AgendaItem",
    "paper": "Paper",
    "consultation": "Consultation",
    "file": "File",
    "location": "Location",
}


def deleted(row: DeletedObject) -> dict:
    """What is left of an object an import removed: its id, type, dates and `deleted`."""
    data = {
        "id": api_url(row.kind, row.object_id),
        "type": f"{SCHEMA}{OPARL_TYPES[row.kind]}",
        "created": stamp(row.created),
        "modified": stamp(row.deleted_at),
        "deleted": True,
    }
    if data["type"].endswith("AgendaItem"):
        data["order"] = 0  # the schema requires one; a removed item has no place left
    return data


SERIALISERS = {
    "body": body,
    "organization": organization,
    "person": person,
    "membership": membership,
    "meeting": meeting,
    "location": location,
    "paper": paper,
    "consultation": consultation,
    "file": file,
}
# Kinds whose objects embed rows of other tables: read for a whole page at once.
PAGE_SERIALISERS = {
    "meeting": meetings,
    "agendaitem": lambda rows: embedded_items(rows, "agendaitem"),
    "minute": lambda rows: embedded_items(rows, "minute"),
}


def serialise_page(kind: str, rows: list) -> list[dict]:
    """The OParl objects of a page of one kind's rows."""
    if kind in PAGE_SERIALISERS:
        return PAGE_SERIALISERS[kind](rows)
    return [SERIALISERS[kind](row) for row in rows]
