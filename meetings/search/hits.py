"""The rows a search shows, read back from PostgreSQL: titles, links and snippets.

The index says which rows match; their titles, addresses and meetings come from the
database, and each snippet from `ts_headline` over that row's text, for the rows shown
only. Matches are marked with private-use characters, so the snippet can be HTML-escaped
and only those become <mark>: no markup from a document reaches the page.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meetings.models import SEARCH_CONFIG, AgendaItem, Decision, Meeting, Minute, Page, Report

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
_MARK_START, _MARK_STOP = "\ue000", "\ue001"
REFERENCE = re.compile(r"\b(minute|agenda item|item)\s+(\d{1,4}[a-z]?)\b", re.IGNORECASE)


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    body: str = ""
    date: datetime.date | None = None
    snippet: SafeString = mark_safe("")
    detail: str = ""
    key_decision: bool = False
    council: str = ""
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


def headline_query(words: str) -> SearchQuery:
    return SearchQuery(words, search_type="websearch", config=SEARCH_CONFIG)


def hydrate(rows: list[tuple[str, int]], words: str) -> dict[tuple[str, int], Hit]:
    """Each (kind, pk) as a Hit with its snippet: one statement per kind."""
    wanted: dict[str, list[int]] = {}
    for kind, pk in rows:
        wanted.setdefault(kind, []).append(pk)
    query = headline_query(words)
    return {
        (kind, pk): hit
        for kind, ids in wanted.items()
        for pk, hit in _load(kind, ids, query).items()
    }


def _joined(*fields: str):
    """Fields joined by '. ' as one text expression, for a headline across them."""
    if len(fields) == 1:
        return F(fields[0])
    parts = []
    for name in fields:
        parts += [F(name), Value(". ")]
    return Concat(*parts[:-1], output_field=TextField())


def _headline(expression, query):
    return SearchHeadline(
        expression,
        query,
        config=SEARCH_CONFIG,
        start_sel=_MARK_START,
        stop_sel=_MARK_STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


# For each kind: what to select with it, the fields its snippet comes from, and how to
# describe a row as (title, meeting, detail, key decision).
HIT_SOURCES = {
    "decision": (
        "minute__meeting__body__council",
        ("title", "resolved"),
        lambda row: (
            row.title,
            row.minute.meeting,
            f"minute {row.minute.number}",
            row.key_decision,
        ),
    ),
    "report": (
        "meeting__body__council",
        ("title", "purpose", "recommendations"),
        lambda row: (
            row.title,
            row.meeting,
            f"agenda item {row.agenda_item_number}" if row.agenda_item_number else "",
            row.key_decision,
        ),
    ),
    "item": (
        "meeting__body__council",
        ("title", "note"),
        lambda row: (row.title, row.meeting, f"agenda item {row.number}", row.key_decision),
    ),
    "meeting": ("body__council", ("title", "location"), lambda row: (row.title, row, "", False)),
    "page": (
        "document__meeting__body__council",
        ("text",),
        lambda row: (
            f"{row.report_title or row.document.title}, {row.label}",
            row.document.meeting,
            f"page {row.number} of {row.document.page_count} in the file",
            False,
        ),
    ),
}


def _load(kind: str, ids: list[int], query: SearchQuery) -> dict[int, Hit]:
    related, fields, describe = HIT_SOURCES[kind]
    rows = MODELS[kind].objects.filter(pk__in=ids).select_related(related)
    long_text = [name for name in fields if name != "title"]
    rows = list(rows.annotate(snippet=_headline(_joined(*fields), query)).defer(*long_text))
    if kind == "page":
        _name_pages_by_report(rows)
    hits = {}
    for row in rows:
        title, meeting, detail, key_decision = describe(row)
        hits[row.pk] = Hit(
            kind,
            title,
            row.get_absolute_url(),
            meeting.body.name if meeting else "",
            meeting.date if meeting else None,
            highlight(row.snippet),
            detail,
            key_decision,
            meeting.body.council.name if meeting else "",
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


def highlight(snippet: str | None) -> SafeString:
    """The snippet HTML-escaped, with only the matched words wrapped in <mark>."""
    escaped = escape(snippet or "")
    return mark_safe(escaped.replace(_MARK_START, "<mark>").replace(_MARK_STOP, "</mark>"))


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
