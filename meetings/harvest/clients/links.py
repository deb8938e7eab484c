"""A plain web page or an RSS/Atom feed that links to PDFs (a parish council's "Minutes" page).

Every link to a PDF is a file; its meeting's date is the first date in its link text (or
entry title, or address), and it has no stated body: the document names its own meeting.
A file whose date is outside the window is left alone; one with no date is always taken.
"""

import re
from urllib.parse import urljoin, urlsplit

import feedparser
from bs4 import BeautifulSoup

from meetings.harvest.clients.base import Client, kind_of, unique
from meetings.harvest.fetch import get_text
from meetings.harvest.stated import ListedFile, ListedMeeting, Listing
from meetings.ingest.text import find_any_date

PDF_LINK = re.compile(r"\.pdf(?:$|[?#])", re.IGNORECASE)


class LinksClient(Client):
    def listing(self, start, end) -> Listing:
        response = get_text(self.session, self.source.url)
        kind = response.headers.get("Content-Type", "").lower()
        head = response.content[:500].lstrip().lower()
        is_feed = any(word in kind for word in ("rss", "atom", "xml")) or head.startswith(b"<?xml")
        links = feed_links(response) if is_feed else page_links(response)
        meetings: dict = {}
        for url, text in links:
            date = find_any_date(text) or find_any_date(urlsplit(url).path.replace("_", " "))
            if date and not start <= date <= end:
                continue
            listed = ListedFile(key=url, url=url, kind=kind_of(text), title=text[:300])
            meetings.setdefault(date, ListedMeeting(body="", date=date)).files.append(listed)
        for meeting in meetings.values():
            meeting.files = unique(meeting.files)
        return Listing(meetings=list(meetings.values()))


def page_links(response) -> list[tuple[str, str]]:
    soup = BeautifulSoup(response.text, "html.parser")
    return [
        (urljoin(response.url, anchor["href"]), " ".join(anchor.get_text(" ").split()))
        for anchor in soup.find_all("a", href=True)
        if PDF_LINK.search(anchor["href"])
    ]


def feed_links(response) -> list[tuple[str, str]]:
    feed = feedparser.parse(response.content)
    found = []
    for entry in feed.entries:
        title = " ".join(entry.get("title", "").split())
        urls = [link.get("href") for link in entry.get("links", [])]
        found += [(urljoin(response.url, u), title) for u in urls if u and PDF_LINK.search(u)]
    return found
