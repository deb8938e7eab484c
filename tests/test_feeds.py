"""Feeds and calendars say what the archive says: each entry and event, parsed as a reader
or a calendar program parses it, is compared field by field with its meeting or decision."""

import datetime
import xml.etree.ElementTree as ET
import zoneinfo

import icalendar
import pytest
from django.utils.dateparse import parse_datetime

from meetings import naming
from meetings.models import Body, Council, Decision, Meeting, Minute
from meetings.search import Filters, search

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "http://testserver"
LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def meetings():
    """Two bodies of one council and one of another: meetings with and without a start time
    or a place, each with a decision whose title is longer than a calendar line."""
    wessex = Council.objects.create(name="Wessex Vale County Council", slug="wessex-vale",
                                    short_name="Wessex Vale")  # fmt: skip
    kent = Council.objects.create(name="Kent County Council", slug="kent", short_name="Kent")
    highways = Body.objects.create(council=wessex, name="Highways and Transport Committee",
                                   slug="highways-and-transport-committee")  # fmt: skip
    cabinet = Body.objects.create(council=wessex, name="Cabinet", slug="cabinet", kind="cabinet")
    kent_cabinet = Body.objects.create(council=kent, name="Cabinet", slug="cabinet", kind="cabinet")
    rows = [
        (highways, datetime.date(2026, 3, 3), datetime.time(10, 30), "Room 4; Castlebury"),
        (highways, datetime.date(2026, 10, 27), None, ""),  # after the clocks go back
        (cabinet, datetime.date(2026, 5, 12), datetime.time(14), "Council Chamber, Shire Hall"),
        (kent_cabinet, datetime.date(2026, 5, 13), datetime.time(19), "Sessions House, Maidstone"),
    ]  # fmt: skip
    made = []
    for number, (body, date, start, place) in enumerate(rows, start=1):
        meeting = Meeting.objects.create(body=body, date=date, start_time=start, location=place)
        document = meeting.documents.create(council=body.council, file_name=f"{number}.txt",
                                            sha256=f"{number}" * 64, format="text")  # fmt: skip
        minute = Minute.objects.create(meeting=meeting, number=f"{number}4", position=1,
                                       title=f"Bus Service Improvement Plan, phase {number}",
                                       text="", document=document)  # fmt: skip
        Decision.objects.create(minute=minute, title=minute.title,
                                resolved=f"That phase {number} of the plan be approved; & that "
                                "the <b>Director</b> be authorised to act.")  # fmt: skip
        made.append(meeting)
    return made


def entries(client, url: str) -> list[ET.Element]:
    """The feed's entries; its self link is the address asked (filters and all)."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == SITE + url
    return feed.findall(f"{ATOM}entry")


def entry_fields(entry: ET.Element) -> dict:
    links = entry.findall(f"{ATOM}link")
    return {
        "title": entry.find(f"{ATOM}title").text,
        "link": [link.get("href") for link in links if link.get("rel") == "alternate"],
        "id": entry.find(f"{ATOM}id").text,
        "summary": entry.find(f"{ATOM}summary").text or "",
        "published": parse_datetime(entry.find(f"{ATOM}published").text),
        "updated": parse_datetime(entry.find(f"{ATOM}updated").text),
    }


def noon(date: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(date, datetime.time(12), tzinfo=LONDON)


def meeting_entry(meeting: Meeting) -> dict:
    url = SITE + meeting.get_absolute_url()
    return {
        "title": naming.name(meeting, naming.councils()),
        "link": [url],
        "id": url,
        "summary": meeting.location,
        "published": noon(meeting.date),
        "updated": meeting.modified,
    }


def decision_entry(decision: Decision) -> dict:
    url = SITE + decision.get_absolute_url()
    date = decision.minute.meeting.date
    return {
        "title": f"{decision.title} ({naming.name(decision, naming.councils())})",
        "link": [url],
        "id": url,
        "summary": decision.resolved,
        "published": noon(date),
        "updated": decision.modified,
    }


@pytest.mark.parametrize(
    ("url", "owner"),
    [
        ("/feeds/meetings/", {}),
        ("/feeds/meetings/?council=wessex-vale", {"body__council__slug": "wessex-vale"}),
        ("/wessex-vale/highways-and-transport-committee/meetings.atom",
         {"body__slug": "highways-and-transport-committee"}),
        ("/kent/cabinet/meetings.atom", {"body__council__slug": "kent"}),
    ],
)  # fmt: skip
def test_each_meeting_entry_says_what_its_meeting_is(client, meetings, url, owner):
    expected = [meeting_entry(m) for m in Meeting.objects.filter(**owner).order_by("-modified")]
    assert expected
    assert [entry_fields(entry) for entry in entries(client, url)] == expected


WESSEX_CABINET = {
    "minute__meeting__body__council__slug": "wessex-vale",
    "minute__meeting__body__slug": "cabinet",
}


@pytest.mark.parametrize(
    ("url", "owner"),
    [
        ("/feeds/decisions/", {}),
        ("/feeds/decisions/?council=kent", {"minute__meeting__body__council__slug": "kent"}),
        ("/wessex-vale/cabinet/decisions.atom", WESSEX_CABINET),
    ],
)  # fmt: skip
def test_each_decision_entry_says_what_was_decided(client, meetings, url, owner):
    decisions = Decision.objects.filter(**owner).order_by("-minute__meeting__date")
    expected = [decision_entry(decision) for decision in decisions]
    assert expected
    assert [entry_fields(entry) for entry in entries(client, url)] == expected


def test_the_search_feed_lists_the_newest_hits_as_search_finds_them(client, import_file, seed):
    import_file(seed("000"))
    hits = search("budget", Filters(sort="newest", kinds=["decision", "report", "page"])).hits
    assert len(hits) > 3
    found = [entry_fields(entry) for entry in entries(client, "/search/feed/?q=budget")]
    assert [entry["title"] for entry in found] == [
        f"{h.kind_label}: {h.title} ({h.source})" if h.source else f"{h.kind_label}: {h.title}"
        for h in hits
    ]
    assert [entry["link"] for entry in found] == [[SITE + hit.url] for hit in hits]
    assert [entry["published"] for entry in found] == [noon(hit.date) for hit in hits]
    for entry in found:
        assert "budget" in entry["summary"].lower()
        assert "<mark>" not in entry["summary"]


def calendar_events(client, url: str) -> dict[str, icalendar.Event]:
    """The calendar's events by UID; the calendar is an iCalendar 2.0 one named for its body."""
    response = client.get(url)
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["version"]) == "2.0" and str(calendar["prodid"])
    assert str(calendar["x-wr-timezone"]) == "Europe/London"
    body = Body.objects.get(council__slug=url.split("/")[1], slug=url.split("/")[2])
    assert str(calendar["x-wr-calname"]) == naming.name(body, naming.councils())
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_each_calendar_event_says_when_and_where_its_meeting_is(client, meetings):
    for body in Body.objects.select_related("council"):
        url = f"{body.get_absolute_url()}meetings.ics"
        events = calendar_events(client, url)
        expected = {}
        for meeting in body.meetings.all():
            uid = f"{body.council.slug}-{body.slug}-{meeting.date.isoformat()}@testserver"
            if meeting.start_time:
                start = datetime.datetime.combine(meeting.date, meeting.start_time, LONDON)
                end = start + datetime.timedelta(hours=2)
            else:  # all day
                start, end = meeting.date, meeting.date + datetime.timedelta(days=1)
            expected[uid] = {
                "summary": naming.name(meeting, naming.councils()),
                "dtstart": start,
                "dtend": end,
                "location": meeting.location or None,
                "url": SITE + meeting.get_absolute_url(),
                "sequence": meeting.sequence,
            }
        assert expected, url
        found = {
            uid: {
                "summary": str(event["summary"]),
                "dtstart": event.decoded("dtstart"),
                "dtend": event.decoded("dtend"),
                "location": str(event["location"]) if "location" in event else None,
                "url": str(event["url"]),
                "sequence": event["sequence"],
            }
            for uid, event in events.items()
        }
        assert found == expected, url


def test_a_timed_event_is_at_its_local_time_in_summer_and_in_winter(client, meetings):
    events = calendar_events(client, "/wessex-vale/highways-and-transport-committee/meetings.ics")
    march = events["wessex-vale-highways-and-transport-committee-2026-03-03@testserver"]
    start = march.decoded("dtstart")
    assert start.astimezone(datetime.UTC) == datetime.datetime(
        2026, 3, 3, 10, 30, tzinfo=datetime.UTC
    )
    october = events["wessex-vale-highways-and-transport-committee-2026-10-27@testserver"]
    assert october.decoded("dtstart") == datetime.date(2026, 10, 27)  # no time known: all day
    may = calendar_events(client, "/kent/cabinet/meetings.ics")
    (event,) = may.values()
    assert event.decoded("dtstart").astimezone(datetime.UTC).hour == 18  # 19:00 BST


def test_a_calendar_holds_the_latest_500_meetings(client, meetings):
    highways = Body.objects.get(slug="highways-and-transport-committee")
    first = datetime.date(2020, 1, 1)
    Meeting.objects.bulk_create(
        Meeting(body=highways, date=first + datetime.timedelta(days=day), title="-")
        for day in range(501)
    )
    events = calendar_events(client, "/wessex-vale/highways-and-transport-committee/meetings.ics")
    assert len(events) == 500
    dates = {event.decoded("dtstart") for event in events.values()}
    assert first not in dates  # the oldest of 503 is left out
    assert datetime.date(2026, 10, 27) in dates
