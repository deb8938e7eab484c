"""The rows a search shows, read back from PostgreSQL: titles, links and snippets.

The index says which rows match; their titles, addresses, meetings and text come from the
database, one statement per kind, for the rows shown only (snippets.py marks the text).
"""

import datetime
import re
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.safestring import SafeString, mark_safe

from meetings.models import AgendaItem, Decision, Meeting, Minute, Page, Report
from meetings.search.snippets import Snippets

KINDS = {
    "decision": "Decision",
    "report": "Report",
    "item": "Agenda item",
    "meeting": "Meeting",
    "page": "Document page",
}
MODELS = {
    "decision": Decision,
    "report": Report,
    "item": AgendaItem,
    "meeting": Meeting,
    "page": Page,
}
REFERENCE = re.compile(r"\b(minute|agenda item|item)\s+(\d{1,4}[a-z]?)\b", re.IGNORECASE)


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    body: str = ""
    date: datetime.date | None = None
    detail: str = ""
    key_decision: bool = False
    council: str = ""
    text: str = field(default="", repr=False)  # what the snippet is cut from
    marker: Snippets | None = field(default=None, repr=False)
    # One result per thing: the thing's token ("report-12"), its best matching page shown
    # under it, its other matching rows (its agenda item, its decision), and how many
    # more of its pages match.
    group: str = ""
    page: "Hit | None" = None
    related: list["Hit"] = field(default_factory=list)
    more_pages: int = 0

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @cached_property
    def snippet(self) -> SafeString:
        """Marked when first shown: a thing's other rows, listed by title, never need one."""
        return self.marker.of(self.text) if self.marker else mark_safe("")


def hydrate(rows: list[tuple[str, int]], words: str) -> dict[tuple[str, int], Hit]:
    """Each (kind, pk) as a Hit with its snippet of `words`: one statement per kind."""
    snippets = Snippets(words)
    wanted: dict[str, list[int]] = {}
    for kind, pk in rows:
        wanted.setdefault(kind, []).append(pk)
    return {
        (kind, pk): hit
        for kind, ids in wanted.items()
        for pk, hit in _load(kind, ids, snippets).items()
    }


def _meeting_fields(path: str) -> list[str]:
    """What a hit shows of its meeting, and its address needs."""
    return [f"{path}{name}" for name in ("date", "title", "body__name", "body__slug",
                                         "body__council__name", "body__council__slug")]  # fmt: skip


# For each kind: the path to its meeting, the columns of its own a hit reads, the fields
# its snippet comes from, and how to describe a row as (title, meeting, detail, key decision).
HIT_SOURCES = {
    "decision": (
        "minute__meeting__",
        ["title", "key_decision", "minute__number"],
        ("title", "resolved"),
        lambda row: (
            row.title,
            row.minute.meeting,
            f"minute {row.minute.number}",
            row.key_decision,
        ),
    ),
    "report": (
        "meeting__",
        ["title", "slug", "agenda_item_number", "key_decision"],
        ("title", "purpose", "recommendations"),
        lambda row: (
            row.title,
            row.meeting,
            f"agenda item {row.agenda_item_number}" if row.agenda_item_number else "",
            row.key_decision,
        ),
    ),
    "item": (
        "meeting__",
        ["title", "number", "key_decision"],
        ("title", "note"),
        lambda row: (row.title, row.meeting, f"agenda item {row.number}", row.key_decision),
    ),
    "meeting": (
        "",
        [],
        ("title", "location"),
        lambda row: (row.title, row, "", False),
    ),
    "page": (
        "document__meeting__",
        ["number", "printed_number", "document__sha256", "document__page_count",
         "document__kind"],
        ("text",),
        lambda row: (
            f"{row.report_title or row.document.title}, {row.label}",
            row.document.meeting,
            f"page {row.number} of {row.document.page_count} in the file",
            False,
        ),
    ),
}  # fmt: skip


def _load(kind: str, ids: list[int], snippets: Snippets) -> dict[int, Hit]:
    meeting, columns, fields, describe = HIT_SOURCES[kind]
    rows = list(
        MODELS[kind]
        .objects.filter(pk__in=ids)
        .select_related(f"{meeting}body__council")
        .only(*columns, *fields, *_meeting_fields(meeting))
    )
    if kind == "page":
        _name_pages_by_report(rows)
    hits = {}
    for row in rows:
        title, meeting, detail, key_decision = describe(row)
        text = ". ".join(value for name in fields if (value := getattr(row, name)))
        hits[row.pk] = Hit(
            kind,
            title,
            row.get_absolute_url(),
            meeting.body.name if meeting else "",
            meeting.date if meeting else None,
            detail,
            key_decision,
            meeting.body.council.name if meeting else "",
            text=text,
            marker=snippets,
        )
    return hits


def _name_pages_by_report(pages: list[Page]) -> None:
    """Give each page the title of the report it belongs to, if it is inside one."""
    reports = list(
        Report.objects.filter(
            document_id__in={page.document_id for page in pages}, first_page__isnull=False
        ).values_list("document_id", "first_page", "last_page", "title")
    )
    for page in pages:
        page.report_title = next(
            (title for doc, first, last, title in reports
             if doc == page.document_id and first <= page.number <= last),
            "",
        )  # fmt: skip


# -- reference lookups: "minute 88", "agenda item 4" --------------------------------------------


def reference_hits(text: str, limit: int = 10) -> list[Hit]:
    hits = []
    for match in REFERENCE.finditer(text):
        number = match[2]
        if match[1].lower() == "minute":
            rows = Minute.objects.filter(number=number)
            kind, label = "decision", "minute"
        else:
            rows = AgendaItem.objects.filter(number=number)
            kind, label = "item", "agenda item"
        for row in rows.select_related("meeting__body__council").order_by("-meeting__date")[:limit]:
            meeting = row.meeting
            hits.append(
                Hit(kind, row.title, row.get_absolute_url(), meeting.body.name, meeting.date,
                    detail=f"{label} {row.number}", council=meeting.body.council.name)
            )  # fmt: skip
    return hits[:limit]
