"""The names a reader sees, made in one place: a council's name is in them when the archive
holds more than one council.

"Kent: Cabinet, 9 January 2025" (a meeting), "Kent: Cabinet, 9 January 2025, minute 83" (a
minute, as it is cited), "Cabinet (Kent)" (a body, as a list of bodies sorts it), "D. Yemm
(Nipissing)" (a person). With one council they are "Cabinet, 9 January 2025" and "Cabinet".
Page titles, headings, citations, feeds, calendars, alert emails, search results and OParl
names all come from here; templates ask for them with `{% name thing %}`. A name that begins
with its council's place is not given it again: "Guelph City Council, 14 July 2014".
"""

import datetime
import re
from dataclasses import dataclass

from django.db import connection

from meetings.models import (
    AgendaItem,
    Body,
    Council,
    Decision,
    Document,
    Meeting,
    Minute,
    Page,
    Person,
    Report,
    document_title,
    meeting_title,
    page_label,
)


@dataclass(frozen=True)
class Councils:
    """What names need to know of the archive's councils: whether there are several, and which
    short names two of them share ("Durham" of a county and of a city: named in full)."""

    several: bool
    shared_short_names: frozenset[str] = frozenset()

    def of(self, council: Council) -> str:
        return self.place(council.short_name, council.name)

    def place(self, short_name: str, name: str) -> str:
        shared = short_name.lower() in self.shared_short_names
        return whose(short_name, name, self.several, shared)


def whose(short_name: str, name: str, several: bool, shared: bool) -> str:
    """How a council is named in another thing's name: by its place ('Kent'), or in full when
    another council has the same place; not at all when it is the archive's only council."""
    if not several:
        return ""
    return name if shared or not short_name else short_name


COUNCILS = """
    SELECT count(*),
           coalesce(array_agg(DISTINCT lower(short_name)) FILTER (WHERE shared), '{}')
      FROM (SELECT short_name,
                   count(*) OVER (PARTITION BY lower(short_name)) > 1 AS shared
              FROM meetings_council) AS council"""


def councils(request=None) -> Councils:
    """The archive's councils as names need them: one statement, read once a request."""
    known = getattr(request, "_archive_councils", None)
    if known is None:
        with connection.cursor() as cursor:
            cursor.execute(COUNCILS)
            count, shared = cursor.fetchone()
        known = Councils(count > 1, frozenset(shared))
        if request is not None:
            request._archive_councils = known
    return known


# -- the forms of names, from their parts (search results and emails have parts, not rows) ---


def with_council(whose: str, name: str) -> str:
    """'Kent: Cabinet, 9 January 2025'; 'Guelph City Council, 14 July 2014' names its own."""
    return f"{whose}: {name}" if whose and not _names_it(name, whose) else name


def beside_council(whose: str, name: str) -> str:
    """'Cabinet (Kent)': a body or person, in lists sorted by their own names."""
    return f"{name} ({whose})" if whose and not _names_it(name, whose) else name


def _names_it(name: str, whose: str) -> bool:
    """Whether a name starts with its council's ('Souldern Parish Council' of Souldern)."""
    return bool(re.match(rf"{re.escape(whose)}\b", name, re.IGNORECASE))


def meeting_text(body: str, date: datetime.date, special: bool = False) -> str:
    """'Cabinet, 9 January 2025', as Meeting.title stores it; a special meeting says so."""
    return meeting_title(body, date) + (" (special meeting)" if special else "")


def minute_text(meeting_title: str, number: str) -> str:
    """'Cabinet, 9 January 2025, minute 83': how a minute or its decision is cited."""
    return f"{meeting_title}, minute {number}"


def item_text(meeting_title: str, number: str) -> str:
    return f"{meeting_title}, agenda item {number}"


def page_text(document: str, number: int, printed_number: str) -> str:
    """'Cabinet, 9 January 2025: minutes, p. 3'."""
    return f"{document}, {page_label(number, printed_number)}"


# -- the name of a row -------------------------------------------------------------------------


def name(thing, councils: Councils) -> str:
    """The name a reader sees for a council, body, person, meeting, agenda item, minute,
    decision, report, document or page."""
    return NAMES[type(thing)](thing, councils)


def _meeting(meeting: Meeting, councils: Councils) -> str:
    text = meeting_text(meeting.body.name, meeting.date, meeting.is_special)
    return with_council(councils.of(meeting.body.council), text)


def _minute(minute: Minute, councils: Councils) -> str:
    return minute_text(_meeting(minute.meeting, councils), minute.number)


def _document(document: Document, councils: Councils) -> str:
    meeting = document.meeting if document.meeting_id else None
    if meeting is None:
        return with_council(councils.of(document.council), document_title(None, document.kind))
    return document_title(_meeting(meeting, councils), document.kind)


def _page(page: Page, councils: Councils) -> str:
    return page_text(_document(page.document, councils), page.number, page.printed_number)


NAMES = {
    Council: lambda council, councils: council.name,
    Body: lambda body, councils: beside_council(councils.of(body.council), body.name),
    Person: lambda person, councils: beside_council(councils.of(person.council), person.name),
    Meeting: _meeting,
    AgendaItem: lambda item, councils: item_text(_meeting(item.meeting, councils), item.number),
    Minute: _minute,
    Decision: lambda decision, councils: _minute(decision.minute, councils),
    Report: lambda report, councils: f"{report.title} ({_meeting(report.meeting, councils)})",
    Document: _document,
    Page: _page,
}
