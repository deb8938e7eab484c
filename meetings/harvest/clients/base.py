"""The interface every platform's client has."""

import datetime

from meetings.harvest.fetch import PoliteSession
from meetings.harvest.stated import ListedFile, Listing


class Client:
    """Lists what a source has for a window of meeting dates; the harvest fetches the files.

    Every request goes through `session` (meetings.harvest.fetch.PoliteSession). A listing
    that cannot be made raises FetchError with the reason.
    """

    def __init__(self, source, session: PoliteSession):
        self.source = source
        self.session = session

    def listing(self, start: datetime.date, end: datetime.date) -> Listing:
        raise NotImplementedError


def kind_of(title: str) -> str:
    """What a document is, by its title: 'Public reports pack' -> 'pack'."""
    lowered = title.lower()
    for kind, words in KIND_WORDS:
        if any(word in lowered for word in words):
            return kind
    return "other"


KIND_WORDS = [
    ("minutes", ("minute",)),
    ("supplement", ("supplement", "addendum")),
    ("pack", ("reports pack", "agenda pack", "public pack", "agenda packet", "board packet")),
    ("decisions", ("decision",)),
    ("agenda", ("agenda", "frontsheet", "front sheet", "summons")),
]


def unique(files) -> list[ListedFile]:
    """Each file once: the same file is often linked from a meeting and from its items."""
    seen, kept = set(), []
    for listed in files:
        if listed.key not in seen and listed.url not in seen:
            seen |= {listed.key, listed.url}
            kept.append(listed)
    return kept
