"""Atom feeds (new meetings, new decisions, any search) and iCalendar feeds of meetings."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags

from meetings import search as archive_search
from meetings.filters import SearchFilter
from meetings.models import Body, Decision, Meeting, Page

FEED_SIZE = 30


def as_datetime(day: datetime.date | None) -> datetime.datetime | None:
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


class BodyFeedMixin:
    feed_type = Atom1Feed

    def get_object(self, request, slug=None):
        return get_object_or_404(Body, slug=slug) if slug else None

    def link(self, body):
        return body.get_absolute_url() if body else "/"


class MeetingsFeed(BodyFeedMixin, Feed):
    def title(self, body):
        return f"Meetings of {body}" if body else "New meetings in the archive"

    def items(self, body):
        meetings = Meeting.objects.select_related("body").order_by("-updated_at")
        return (meetings.filter(body=body) if body else meetings)[:FEED_SIZE]

    def item_title(self, meeting):
        return str(meeting)

    def item_description(self, meeting):
        return meeting.location or ""

    def item_pubdate(self, meeting):
        return as_datetime(meeting.date)

    def item_updateddate(self, meeting):
        return meeting.updated_at


class DecisionsFeed(BodyFeedMixin, Feed):
    def title(self, body):
        return f"Decisions of {body}" if body else "New decisions in the archive"

    def items(self, body):
        decisions = Decision.objects.select_related("minute__meeting__body").order_by(
            "-minute__meeting__date", "minute__position"
        )
        return (decisions.filter(minute__meeting__body=body) if body else decisions)[:FEED_SIZE]

    def item_title(self, decision):
        return f"{decision.title} ({decision.citation})"

    def item_description(self, decision):
        return decision.resolved

    def item_pubdate(self, decision):
        return as_datetime(decision.minute.meeting.date)


class SearchFeed(Feed):
    """Newest matching decisions, reports and document pages: a saved search as an alert."""

    feed_type = Atom1Feed

    def get_object(self, request):
        search_filter = SearchFilter(request.GET, queryset=Page.objects.none())
        query = archive_search.tidy_query(request.GET.get("q", ""))
        if not query or not search_filter.is_valid():
            raise Http404("A search feed needs a query (?q=...) and valid filters.")
        filters = search_filter.search_filters()
        filters.sort = "newest"
        filters.kinds = filters.kinds or ["decision", "report", "page"]
        return archive_search.search(query, filters, limit=FEED_SIZE)

    def title(self, results):
        return f"Archive search: {results.query}"

    def link(self, results):
        return f"/search/?q={results.query}"

    def items(self, results):
        return results.hits

    def item_title(self, hit):
        return f"{hit.kind_label}: {hit.title}"

    def item_link(self, hit):
        return hit.url

    def item_description(self, hit):
        return strip_tags(hit.snippet)

    def item_pubdate(self, hit):
        return as_datetime(hit.date)


def ical_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def meetings_ical(request, slug):
    """An iCalendar feed of a body's meetings, to subscribe to in a calendar app."""
    body = get_object_or_404(Body, slug=slug)
    host = request.get_host()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Committee meetings archive//EN",
        f"X-WR-CALNAME:{ical_escape(body.name)}",
    ]
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    for meeting in body.meetings.order_by("-date")[:500]:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{body.slug}-{meeting.date.isoformat()}@{host}",
            f"DTSTAMP:{stamp}",
            *_ical_times(meeting),
            f"SUMMARY:{ical_escape(str(meeting))}",
            f"LOCATION:{ical_escape(meeting.location)}",
            f"URL:{request.build_absolute_uri(meeting.get_absolute_url())}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return HttpResponse("\r\n".join(lines) + "\r\n", content_type="text/calendar; charset=utf-8")


def _ical_times(meeting: Meeting) -> list[str]:
    if meeting.start_time is None:
        return [
            f"DTSTART;VALUE=DATE:{meeting.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{meeting.date + datetime.timedelta(days=1):%Y%m%d}",
        ]
    start = datetime.datetime.combine(meeting.date, meeting.start_time)
    return [
        f"DTSTART;TZID=Europe/London:{start:%Y%m%dT%H%M%S}",
        f"DTEND;TZID=Europe/London:{start + datetime.timedelta(hours=2):%Y%m%dT%H%M%S}",
    ]
