"""US and Canadian platforms, listed by civic-scraper (Big Local News): CivicPlus AgendaCenter,
Legistar, Granicus, PrimeGov, CivicClerk and DigitalTowPath.

civic-scraper lists the assets (committee, meeting date, type, address, size); the harvest
fetches the files itself. Sites that keep a requests session (CivicPlus, DigitalTowPath,
PrimeGov, CivicClerk) are given the polite session, so their listing requests are polite
too; Legistar (scrapelib) and Granicus (one RSS request) make their own, after robots.txt
has been asked about the source's address.
"""

import datetime
import importlib
import tempfile
from collections import defaultdict

import requests
from civic_scraper.base.cache import Cache
from django.conf import settings

from meetings.harvest.clients.base import Client
from meetings.harvest.fetch import FetchError, describe
from meetings.harvest.models import Platform
from meetings.harvest.stated import ListedFile, ListedMeeting, Listing

DOCUMENT_TYPES = {"agenda", "minutes", "agenda_packet"}  # not audio, video or captions
KINDS = {"agenda_packet": "pack"}
DATED = {Platform.CIVICPLUS, Platform.LEGISTAR, Platform.PRIMEGOV, Platform.DIGITALTOWPATH}


class CivicScraperClient(Client):
    # civic-scraper's site class for each platform, imported only when one is harvested:
    # importing its platforms loads the Legistar parser's JavaScript tables (esprima), which
    # would add about 130 MiB to every process of the archive.
    SITES = {
        Platform.CIVICPLUS: "CivicPlusSite",
        Platform.LEGISTAR: "LegistarSite",
        Platform.GRANICUS: "GranicusSite",
        Platform.PRIMEGOV: "PrimeGovSite",
        Platform.CIVICCLERK: "CivicClerkSite",
        Platform.DIGITALTOWPATH: "DigitalTowPathSite",
    }

    def listing(self, start, end) -> Listing:
        if not self.session.allowed(self.source.url):
            raise FetchError(f"{self.source.url}: robots.txt disallows it")
        with tempfile.TemporaryDirectory(prefix="civic-scraper-") as folder:
            try:
                assets = self.scrape(Cache(folder), start, end)
            except FetchError:
                raise
            except requests.RequestException as error:
                raise FetchError(f"{self.source.url}: {describe(error)}") from error
            except Exception as error:  # civic-scraper's own parsers meeting a page they don't know
                raise FetchError(
                    f"{self.source.url}: civic-scraper could not read it "
                    f"({type(error).__name__}: {error})"
                ) from error
        return meetings_of([asset for asset in assets if in_window(asset, start, end)])

    def scrape(self, cache: Cache, start: datetime.date, end: datetime.date):
        platform = self.source.platform
        site_class = getattr(
            importlib.import_module("civic_scraper.platforms"), self.SITES[platform]
        )
        if platform == Platform.LEGISTAR:
            site = site_class(self.source.url, cache=cache, timezone=settings.TIME_ZONE)
        else:
            site = site_class(self.source.url, cache=cache)
        if hasattr(site, "session"):
            self.session.hooks = site.session.hooks  # PrimeGov's and CivicClerk's status checks
            site.session = self.session
        timeout = settings.HARVEST_TIMEOUT_SECONDS
        if platform in DATED:
            return site.scrape(start.isoformat(), end.isoformat(), timeout=timeout)
        return site.scrape(download=False, timeout=timeout)


def in_window(asset, start: datetime.date, end: datetime.date) -> bool:
    """A document of a meeting in the window (Granicus and CivicClerk list them all)."""
    date = meeting_date(asset)
    return asset.asset_type in DOCUMENT_TYPES and date is not None and start <= date <= end


def meeting_date(asset) -> datetime.date | None:
    value = asset.meeting_date
    return value.date() if isinstance(value, datetime.datetime) else value


def meetings_of(assets) -> Listing:
    """Assets grouped into their meetings, each file once."""
    grouped = defaultdict(list)
    for asset in assets:
        grouped[asset.meeting_id or f"{asset.committee_name} {meeting_date(asset)}"].append(asset)
    listing = Listing()
    for group in grouped.values():
        first = group[0]
        meeting = ListedMeeting(
            body=" ".join((first.committee_name or "").split()),
            date=meeting_date(first),
            start_time=first.meeting_time
            if isinstance(first.meeting_time, datetime.time)
            else clock(first.meeting_date),
        )
        for asset in group:
            if asset.url and asset.url not in {listed.url for listed in meeting.files}:
                meeting.files.append(listed_file(asset))
        listing.meetings.append(meeting)
    return listing


def clock(value) -> datetime.time | None:
    """A meeting datetime's time, unless it is only a date (midnight)."""
    if isinstance(value, datetime.datetime) and value.time() != datetime.time(0):
        return value.time()
    return None


def listed_file(asset) -> ListedFile:
    size = asset.content_length if asset.content_length not in (None, -1, "-1") else ""
    return ListedFile(
        key=asset.url,
        url=asset.url,
        kind=KINDS.get(asset.asset_type, asset.asset_type),
        title=" - ".join(filter(None, [asset.asset_name, asset.asset_type.replace("_", " ")])),
        version=f"{asset.content_type or ''} {size}".strip() if size else "",
    )
