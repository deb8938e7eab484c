"""The rows a search shows, read back from PostgreSQL: titles, links and snippets.

The index says which rows match; their titles, addresses, meetings and text come from the
database, in one statement for the rows shown only (snippets.py marks the text).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from django.db import connection
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from meetings import naming
from meetings.models import document_title, item_anchor
from meetings.search.snippets import Snippets

KINDS = {
    "decision": "Decision",
    "minute": "Minute",  # a minute that resolved nothing
    "report": "Report",
    "item": "Agenda item",
    "meeting": "Meeting",
    "page": "Document page",
}


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
    whose: str = ""  # the council as names give it: "Kent", or nothing in a one-council archive
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

    @property
    def source(self) -> str:
        """Where it is: 'Kent: Cabinet, 9 January 2025, minute 83', or the council alone (a
        meeting's own title says it all)."""
        if self.kind == "meeting":
            return ""
        if not self.date:
            return ", ".join(part for part in (self.whose, self.detail) if part)
        meeting = naming.with_council(self.whose, naming.meeting_text(self.body, self.date))
        return f"{meeting}, {self.detail}" if self.detail else meeting

    @cached_property
    def snippet(self) -> SafeString:
        """Marked when first shown: a thing's other rows, listed by title, never need one."""
        return self.marker.of(self.text) if self.marker else mark_safe("")


def hydrate(rows: Iterable[tuple[str, int]], words: str) -> dict[tuple[str, int], Hit]:
    """Each (kind, pk) as a Hit with its snippet of `words`: one statement for all of them."""
    snippets = Snippets(words)
    wanted: dict[str, list[int]] = {kind: [] for kind in KINDS}
    for kind, pk in rows:
        wanted[kind].append(pk)
    with connection.cursor() as cursor:
        cursor.execute(HIT_ROWS, wanted)
        return {(row.kind, row.id): _hit(row, snippets) for row in map(HitRow._make, cursor)}


class HitRow(NamedTuple):
    kind: str
    id: int
    title: str
    number: str  # the minute's, the agenda item's or the page's number
    slug: str  # a report's slug, a page's document's sha256
    key_decision: bool
    text: str  # what the snippet is cut from
    printed_number: str  # a page's
    page_count: int | None  # a page's document's
    report_title: str  # a page's: the report it is one of, if any
    document_kind: str  # a page's document's ("agenda pack")
    date: datetime.date | None  # the meeting's, and the rest of it
    meeting_title: str | None
    body: str
    body_slug: str
    council: str  # the meeting's, or a page's document's
    council_slug: str
    council_short_name: str
    councils: int  # in the archive, and whether another shares this one's short name
    short_name_shared: bool

    @property
    def whose(self) -> str:
        return naming.whose(
            self.council_short_name or "", self.council or "", self.councils > 1,
            self.short_name_shared,
        )  # fmt: skip


# Every kind's rows in one statement, each as a HitRow: the row's own columns, then its
# meeting's (none for a page of a document filed without a meeting), then its council's and
# what names need to know of the others (meetings.naming).
HIT_ROWS = """
    WITH hit AS (
        SELECT 'decision' AS kind, d.id, d.title, mi.number, '' AS slug, d.key_decision,
               concat_ws('. ', nullif(d.title, ''), nullif(d.resolved, ''),
                         initcap(nullif(d.outcome, ''))) AS text,
               '' AS printed_number, NULL::int AS page_count, '' AS report_title,
               '' AS document_kind, mi.meeting_id, NULL::bigint AS council_id
          FROM meetings_decision d JOIN meetings_minute mi ON mi.id = d.minute_id
         WHERE d.id = ANY(%(decision)s)
        UNION ALL
        SELECT 'minute', mi.id, mi.title, mi.number, '', false,
               concat_ws('. ', nullif(mi.title, ''), nullif(mi.text, '')), '', NULL, '', '',
               mi.meeting_id, NULL
          FROM meetings_minute mi WHERE mi.id = ANY(%(minute)s)
        UNION ALL
        SELECT 'report', r.id, r.title, r.agenda_item_number, r.slug, r.key_decision,
               concat_ws('. ', nullif(r.title, ''), nullif(r.purpose, ''),
                         nullif(r.recommendations, '')),
               '', NULL, '', '', r.meeting_id, NULL
          FROM meetings_report r WHERE r.id = ANY(%(report)s)
        UNION ALL
        SELECT 'item', i.id, i.title, i.number, '', i.key_decision,
               concat_ws('. ', nullif(i.title, ''), nullif(i.note, '')), '', NULL, '', '',
               i.meeting_id, NULL
          FROM meetings_agendaitem i WHERE i.id = ANY(%(item)s)
        UNION ALL
        SELECT 'meeting', m.id, m.title, '', '', false,
               concat_ws('. ', nullif(m.title, ''), nullif(m.location, '')), '', NULL, '', '',
               m.id, NULL
          FROM meetings_meeting m WHERE m.id = ANY(%(meeting)s)
        UNION ALL
        SELECT 'page', p.id, '', p.number::text, d.sha256, false, p.text, p.printed_number,
               d.page_count,
               coalesce((SELECT r.title FROM meetings_report r
                          WHERE r.document_id = p.document_id
                            AND p.number BETWEEN r.first_page AND r.last_page
                          ORDER BY r.position LIMIT 1), ''),
               d.kind, d.meeting_id, d.council_id
          FROM meetings_page p JOIN meetings_document d ON d.id = p.document_id
         WHERE p.id = ANY(%(page)s)
    )
    SELECT hit.kind, hit.id, hit.title, hit.number, hit.slug, hit.key_decision, hit.text,
           hit.printed_number, hit.page_count, hit.report_title, hit.document_kind,
           m.date, m.title, b.name, b.slug, c.name, c.slug, c.short_name,
           (SELECT count(*) FROM meetings_council),
           EXISTS (SELECT FROM meetings_council other
                    WHERE other.id <> c.id AND lower(other.short_name) = lower(c.short_name))
      FROM hit LEFT JOIN meetings_meeting m ON m.id = hit.meeting_id
           LEFT JOIN meetings_body b ON b.id = m.body_id
           LEFT JOIN meetings_council c ON c.id = coalesce(b.council_id, hit.council_id)"""


def _hit(row: HitRow, snippets: Snippets) -> Hit:
    title, url, detail = DESCRIBE[row.kind](row)
    return Hit(
        row.kind,
        title,
        url,
        row.body or "",
        row.date,
        detail,
        row.key_decision,
        row.council or "",
        row.whose,
        text=row.text,
        marker=snippets,
    )


def _meeting_args(row: HitRow) -> list[str]:
    return [row.council_slug, row.body_slug, row.date.isoformat()]


# For each kind: its row's title, address and detail ("minute 12").
DESCRIBE = {
    "decision": lambda row: (
        row.title,
        reverse("meetings:decision_detail", args=[*_meeting_args(row), row.number]),
        f"minute {row.number}",
    ),
    "minute": lambda row: (
        row.title,
        reverse("meetings:decision_detail", args=[*_meeting_args(row), row.number]),
        f"minute {row.number}",
    ),
    "report": lambda row: (
        row.title,
        reverse("meetings:report_detail", args=[*_meeting_args(row), row.slug]),
        f"agenda item {row.number}" if row.number else "",
    ),
    "item": lambda row: (
        row.title,
        reverse("meetings:meeting_detail", args=_meeting_args(row)) + item_anchor(row.number),
        f"agenda item {row.number}",
    ),
    "meeting": lambda row: (
        naming.with_council(row.whose, row.title),
        reverse("meetings:meeting_detail", args=_meeting_args(row)),
        "",
    ),
    "page": lambda row: (
        naming.page_text(
            row.report_title
            or document_title(
                row.meeting_title and naming.with_council(row.whose, row.meeting_title),
                row.document_kind,
            ),
            int(row.number),
            row.printed_number,
        ),
        reverse("meetings:page_detail", args=[row.slug, int(row.number)]),
        f"page {row.number} of {row.page_count} in the file",
    ),
}
