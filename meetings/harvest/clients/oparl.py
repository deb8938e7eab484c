"""An OParl 1.1 system: System -> bodies -> each body's organizations, people, meetings
(with their agenda items and files) and papers (with their files and consultations).

Lists are followed by their `next` links to the end. A meeting's files are its invitation,
results protocol, verbatim protocol, auxiliary files and its items' files; a paper's files
go with the meeting its consultation names.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils.dateparse import parse_datetime

from meetings.harvest.clients.base import Client, kind_of, unique
from meetings.harvest.fetch import FetchError, get_text
from meetings.harvest.stated import ListedFile, ListedMeeting, Listing

MAX_PAGES = 10_000  # a list longer than this is a server sending `next` for ever
MEETING_FILES = (
    ("invitation", "agenda"),
    ("resultsProtocol", "minutes"),
    ("verbatimProtocol", "minutes"),
)


class OParlClient(Client):
    def listing(self, start, end) -> Listing:
        system = self.get(self.source.url)
        listing = Listing()
        for body in self.pages(required(system, "body", self.source.url)):
            organizations = {
                organization["id"]: organization.get("name", "")
                for organization in self.pages(body.get("organization"))
            }
            listing.people += [person["name"] for person in self.pages(body.get("person"))
                               if person.get("name")]  # fmt: skip
            meetings = {}
            for meeting in self.pages(body.get("meeting")):
                listed = self.meeting(meeting, organizations, body.get("name", ""))
                if listed and start <= listed.date <= end:
                    meetings[meeting["id"]] = listed
            for paper in self.pages(body.get("paper")):
                self.attach_paper(paper, meetings)
            listing.meetings += meetings.values()
        mark_shared_files(listing.meetings)
        return listing

    def get(self, url: str) -> dict:
        response = get_text(self.session, url, headers={"Accept": "application/json"})
        try:
            data = response.json()
        except ValueError as error:
            raise FetchError(f"{url}: not JSON ({error})") from error
        if not isinstance(data, dict):
            raise FetchError(f"{url}: not an OParl object or list")
        return data

    def pages(self, url: str | None):
        """Every live object of a list, its pages followed by `next` to the end."""
        seen = set()
        while url and url not in seen and len(seen) < MAX_PAGES:
            seen.add(url)
            page = self.get(url)
            for item in page.get("data", []):
                if isinstance(item, dict) and not item.get("deleted"):
                    yield item
            url = (page.get("links") or {}).get("next")

    def meeting(self, data: dict, organizations: dict, council: str) -> ListedMeeting | None:
        if data.get("cancelled") or not data.get("start"):
            return None
        start = local_time(data["start"])
        if start is None:
            return None
        organization = next(iter(data.get("organization") or []), None)
        listed = ListedMeeting(
            body=organizations.get(organization) or council,
            date=start.date(),
            start_time=start.time() if start.time() != datetime.time(0) else None,
            location=(data.get("location") or {}).get("description", "")
            if isinstance(data.get("location"), dict)
            else "",
        )
        items = [item for item in data.get("agendaItem") or [] if not item.get("deleted")]
        listed.items = [(item.get("number", ""), item.get("name", "")) for item in items]
        files = [(data.get(field), kind) for field, kind in MEETING_FILES]
        files += [(file, "") for file in data.get("auxiliaryFile") or []]
        for item in items:
            files += [(item.get("resolutionFile"), "decisions")]
            files += [(file, "") for file in item.get("auxiliaryFile") or []]
        listed.files = unique(filter(None, (listed_file(file, kind) for file, kind in files)))
        return listed

    def attach_paper(self, paper: dict, meetings: dict) -> None:
        """A paper's files, with the first meeting of the window that considers it."""
        consulted = [c.get("meeting") for c in paper.get("consultation") or []]
        meeting = next((meetings[url] for url in consulted if url in meetings), None)
        if meeting is None:
            return
        files = [paper.get("mainFile"), *(paper.get("auxiliaryFile") or [])]
        listed = [listed_file(file, "report") for file in files]
        meeting.files = unique([*meeting.files, *filter(None, listed)])


def mark_shared_files(meetings: list[ListedMeeting]) -> None:
    """A file two meetings list (a pack that prints the last meeting's minutes is one's
    invitation and the other's results protocol) is fetched for the meeting it invites to."""
    owners: dict[str, ListedFile] = {}
    for meeting in meetings:
        for listed in meeting.files:
            owner = owners.setdefault(listed.key, listed)
            if owner is not listed:
                keep, other = (listed, owner) if owner.kind == "minutes" else (owner, listed)
                other.primary, keep.primary = False, True
                owners[listed.key] = keep


def required(data: dict, field: str, url: str):
    if not data.get(field):
        raise FetchError(f"{url}: not an OParl System (it has no '{field}')")
    return data[field]


def local_time(value: str) -> datetime.datetime | None:
    """An OParl date-time in the archive's time zone (a naive one is taken as local)."""
    try:
        moment = parse_datetime(value)
    except ValueError:
        return None
    if moment is None:
        return None
    local = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return moment.astimezone(local) if moment.tzinfo else moment.replace(tzinfo=local)


def listed_file(data, kind: str) -> ListedFile | None:
    """A File object (embedded, as OParl 1.1 has them) as a file to fetch."""
    if not isinstance(data, dict) or data.get("deleted"):
        return None
    url = data.get("downloadUrl") or data.get("accessUrl")
    if not url:
        return None
    name = data.get("name") or data.get("fileName") or ""
    checksum = (
        f"sha512:{data['sha512Checksum']}"
        if data.get("sha512Checksum")
        else f"sha1:{data['sha1Checksum']}"
        if data.get("sha1Checksum")
        else ""
    )
    return ListedFile(
        key=data.get("id") or url,
        url=url,
        kind=kind or kind_of(name),
        title=name,
        version=" ".join(filter(None, [data.get("modified", ""), checksum])),
        checksum=checksum,
        file_name=data.get("fileName", ""),
    )
