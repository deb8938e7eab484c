"""What a source states: its meetings (body, date, time, place, items) and people are
recorded as stated, and each file it lists is imported knowing which meeting it is for.

The importer's reading of a file is checked against that meeting. When they agree (the
same date, and body names of which one holds the other's words: 'Board of Commissioners'
and 'Nash County Board of Commissioners') the file is filed under the source's name for the
body, so every document of a meeting lands on the one meeting. When they disagree, the file
is filed as the document reads and the disagreement is flagged for an admin to review.
"""

import datetime
from dataclasses import dataclass, field

from meetings.ingest.records import MeetingRecord, PackRecord
from meetings.ingest.text import PERSON, fold, person_key, slugify

MINOR_WORDS = {"the", "of", "and", "for", "a", "meeting", "regular", "special", "ordinary"}


@dataclass
class ListedFile:
    """A file a source lists for a meeting."""

    key: str  # what the source calls it, stable when it is revised
    url: str
    kind: str = ""  # agenda, pack, supplement, minutes, decisions, report, other
    title: str = ""
    version: str = ""  # the listing's word on its version: a size, a modified time, a checksum
    checksum: str = ""  # 'sha1:<hex>' or 'sha512:<hex>' where the source gives one
    file_name: str = ""  # the name the source gives the file, if it gives one
    primary: bool = True  # False where another meeting lists the same file as its own


@dataclass
class ListedMeeting:
    """A meeting as the source states it; body and date are empty for a plain list of links."""

    body: str
    date: datetime.date | None
    start_time: datetime.time | None = None
    location: str = ""
    items: list[tuple[str, str]] = field(default_factory=list)  # (number, title)
    files: list[ListedFile] = field(default_factory=list)


@dataclass
class Listing:
    meetings: list[ListedMeeting] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


def significant_words(name: str) -> set[str]:
    return set(fold(name).split()) - MINOR_WORDS


def same_body(stated: str, read: str) -> bool:
    """Whether two names of a body can be the same body: one holds all the other's words."""
    a, b = significant_words(stated), significant_words(read)
    return bool(a and b) and (a <= b or b <= a)


def disagreement(stated: dict, body: str, date: datetime.date | None) -> str:
    """'' when the document's meeting (`body`, `date`) is the one the source states, else
    what differs, in one line."""
    stated_date = datetime.date.fromisoformat(stated["date"]) if stated.get("date") else None
    body_ok = not stated.get("body") or same_body(stated["body"], body)
    date_ok = stated_date is None or stated_date == date
    if body_ok and date_ok:
        return ""
    said = ", ".join(filter(None, [stated.get("body"), stated_date and f"{stated_date:%-d %B %Y}"]))
    read = ", ".join(filter(None, [body, date and f"{date:%-d %B %Y}"])) or "no meeting"
    return f"the source states {said}; the document reads {read}"


def reconcile(pack: PackRecord, stated: dict | None) -> None:
    """Before loading: name the document's meeting as the source does, where they agree.

    The hook the importer calls for a harvested file (import_packs.import_one); a file with
    no stated meeting (an upload) is loaded as read.
    """
    if not stated or not stated.get("body"):
        return
    meeting = read_meeting(pack)
    if meeting and not disagreement(stated, meeting.body, meeting.date):
        meeting.body = stated["body"]


def read_meeting(pack: PackRecord) -> MeetingRecord | None:
    """The meeting a document is for: its front sheet's, else that of the minutes it prints."""
    if pack.meeting:
        return pack.meeting
    return pack.minutes[0].meeting if pack.minutes else None


def person_key_of(name: str) -> str:
    """The importer's key for a name ('Mrs D. Taylor CC' -> mrs-d-taylor), else its slug."""
    match = PERSON.search(name)
    if match:
        return person_key(match["title"], match["given"], match["surname"])
    return slugify(name)
