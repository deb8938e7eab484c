"""Atom feeds (new meetings, new decisions, any search) and iCalendar feeds of meetings."""

import datetime
import zoneinfo
from dataclasses import dataclass
from html import unescape

import icalendar
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags

from meetings import naming
from meetings import search as archive_search
from meetings.filters import SearchFilter
from meetings.models import Body, Council, Decision, Meeting, Page
from meetings.views.search import search_busy, search_rate_limit, too_broad

FEED_SIZE = 30
MEETING_LENGTH = datetime.timedelta(hours=2)


def as_datetime(day: datetime.date | None) -> datetime.datetime | None:
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


class TextSummaryAtomFeed(Atom1Feed):
    """Atom whose summaries are plain text (type="text"): a reader shows them, never runs them."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


@dataclass
class Owner:
    """Whose feed it is: a body, a council or (None) the archive; and how names name councils."""

    thing: Body | Council | None
    councils: naming.Councils


class BodyFeedMixin:
    """A feed of one body (/<council>/<body>/…), one council (?council=) or the archive.

    Feeds are shared by every request: what a request needs is in its Owner, and each item
    is given its name in items()."""

    feed_type = TextSummaryAtomFeed
    what = ""  # "meetings", "decisions"
    body_path = ""  # how its rows name their body

    def get_object(self, request, council=None, slug=None):
        thing = None
        if slug:
            thing = get_object_or_404(
                Body.objects.select_related("council"), council__slug=council, slug=slug
            )
        elif wanted := request.GET.get("council"):
            thing = get_object_or_404(Council, slug=wanted[:100])
        return Owner(thing, naming.councils(request))

    def title(self, owner):
        if owner.thing is None:
            return f"New {self.what} in the archive"
        return f"{self.what.capitalize()} of {naming.name(owner.thing, owner.councils)}"

    def link(self, owner):
        return owner.thing.get_absolute_url() if owner.thing else "/"

    def feed_url(self, owner):
        """A council's feed is the archive's with ?council=: its self link keeps it."""
        if isinstance(owner.thing, Council):
            return f"{reverse(self.url_name)}?council={owner.thing.slug}"
        return None

    def items(self, owner):
        rows = list(self.owned(self.rows(), owner.thing)[:FEED_SIZE])
        for row in rows:
            row.reader_name = naming.name(row, owner.councils)
        return rows

    def owned(self, queryset, owner):
        """The rows of the body or council `owner` (all of them when there is none)."""
        if isinstance(owner, Council):
            return queryset.filter(**{f"{self.body_path}__council": owner})
        return queryset.filter(**{self.body_path: owner}) if owner else queryset


class MeetingsFeed(BodyFeedMixin, Feed):
    url_name = "meetings:meetings_feed"
    what = "meetings"
    body_path = "body"

    def rows(self):
        return Meeting.objects.select_related("body__council").order_by("-modified")

    def item_title(self, meeting):
        return meeting.reader_name

    def item_description(self, meeting):
        return meeting.location or ""

    def item_pubdate(self, meeting):
        return as_datetime(meeting.date)

    def item_updateddate(self, meeting):
        return meeting.modified


class DecisionsFeed(BodyFeedMixin, Feed):
    url_name = "meetings:decisions_feed"
    what = "decisions"
    body_path = "minute__meeting__body"

    def rows(self):
        return Decision.objects.select_related("minute__meeting__body__council").order_by(
            "-minute__meeting__date", "minute__position"
        )

    def item_title(self, decision):
        return f"{decision.title} ({decision.reader_name})"

    def item_description(self, decision):
        return decision.resolved

    def item_pubdate(self, decision):
        return as_datetime(decision.minute.meeting.date)

    def item_updateddate(self, decision):
        return decision.modified


@dataclass
class SearchFeedQuery:
    results: archive_search.Results
    parameters: str  # the query and filters, URL-encoded


class SearchFeed(Feed):
    """Newest matching decisions, reports and document pages: a saved search as an alert."""

    feed_type = TextSummaryAtomFeed

    def get_object(self, request):
        search_filter = SearchFilter(request.GET, queryset=Page.objects.none())
        query = archive_search.tidy_query(request.GET.get("q", ""))
        if not query or not search_filter.is_valid():
            raise Http404("A search feed needs a query (?q=...) and valid filters.")
        filters = search_filter.search_filters()
        filters.sort = "newest"
        filters.kinds = filters.kinds or ["decision", "minute", "report", "page"]
        results = archive_search.search(query, filters, limit=FEED_SIZE)
        parameters = request.GET.copy()
        parameters.pop("page", None)
        return SearchFeedQuery(results, parameters.urlencode())

    def title(self, feed):
        return f"Archive search: {feed.results.query}"

    def link(self, feed):
        return f"{reverse('meetings:search')}?{feed.parameters}"

    def feed_url(self, feed):
        return f"{reverse('meetings:search_feed')}?{feed.parameters}"

    def feed_guid(self, feed):
        return f"tag:committee-archive,2026:search?{feed.parameters}"

    def items(self, feed):
        return feed.results.hits

    def item_title(self, hit):
        where = f" ({hit.source})" if hit.source else ""
        return f"{hit.kind_label}: {hit.title}{where}"

    def item_link(self, hit):
        return hit.url

    def item_description(self, hit):
        return unescape(strip_tags(hit.snippet))

    def item_pubdate(self, hit):
        return as_datetime(hit.date)

    def item_updateddate(self, hit):  # Atom requires one; a hit knows its meeting's date
        return as_datetime(hit.date)


_search_feed = SearchFeed()


@search_rate_limit()
def search_feed(request):
    try:
        return _search_feed(request)
    except archive_search.SearchTooBroad as error:
        return too_broad(request, str(error))
    except archive_search.SearchBusy:
        return search_busy(request)


def meetings_ical(request, council, slug):
    """An iCalendar feed of a body's meetings, to subscribe to in a calendar app."""
    body = get_object_or_404(
        Body.objects.select_related("council"), council__slug=council, slug=slug
    )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Committee meetings archive//EN")
    calendar.add("version", "2.0")
    councils = naming.councils(request)
    calendar.add("x-wr-calname", naming.name(body, councils))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for meeting in body.meetings.select_related("body__council").order_by("-date")[:500]:
        calendar.add_component(_event(request, meeting, naming.name(meeting, councils), stamp))
    calendar.add_missing_timezones()
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


def _event(request, meeting: Meeting, summary: str, stamp: datetime.datetime) -> icalendar.Event:
    body = meeting.body
    event = icalendar.Event()
    uid = f"{body.council.slug}-{body.slug}-{meeting.date.isoformat()}@{request.get_host()}"
    event.add("uid", uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", stamp)
    if meeting.start_time is None:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + datetime.timedelta(days=1))
    else:
        local = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        start = datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=local)
        event.add("dtstart", start)
        event.add("dtend", start + MEETING_LENGTH)
    event.add("summary", summary)
    if meeting.location:
        event.add("location", meeting.location)
    event.add("url", request.build_absolute_uri(meeting.get_absolute_url()))
    return event
