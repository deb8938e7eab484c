"""ModernGov's public web service, https://<site>/mgWebService.asmx: three operations.

GetCommittees?lDays=0 lists the committees; GetMeetings?lCommitteeId=&sFromDate=&sToDate=
(dates dd/mm/yyyy) a committee's meetings; GetMeeting?lMeetingId= one meeting with its time,
place, agenda items and linked documents. Built from the service's published operations
and the XML they return (lower-case element names), not from a recording: see
docs/harvest.md.
"""

import datetime
from urllib.parse import urljoin

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from meetings.harvest.clients.base import Client, kind_of, unique
from meetings.harvest.fetch import FetchError, get_text
from meetings.harvest.stated import ListedFile, ListedMeeting, Listing
from meetings.ingest.text import find_time, fold

SERVICE = "mgWebService.asmx"
DATE_FORMAT = "%d/%m/%Y"
# With the whole agenda pack listed, its parts (front sheet, each report) are not fetched too.
IN_THE_PACK = {"agenda", "report", "other"}


class ModernGovClient(Client):
    def listing(self, start, end) -> Listing:
        listing = Listing()
        for committee in self.call("GetCommittees", lDays=0).iter("committee"):
            committee_id, title = text(committee, "committeeid"), text(committee, "committeetitle")
            if not committee_id:
                continue
            meetings = self.call(
                "GetMeetings",
                lCommitteeId=committee_id,
                sFromDate=f"{start:{DATE_FORMAT}}",
                sToDate=f"{end:{DATE_FORMAT}}",
            )
            for stub in meetings.iter("meeting"):
                date = parse_date(text(stub, "meetingdate"))
                if text(stub, "meetingid") and date and start <= date <= end:
                    detail = self.call("GetMeeting", lMeetingId=text(stub, "meetingid"))
                    listing.meetings.append(self.meeting(detail, title, date))
        return listing

    def service(self) -> str:
        base = self.source.url.rstrip("/")
        return base if base.lower().endswith(SERVICE.lower()) else f"{base}/{SERVICE}"

    def call(self, operation: str, **parameters):
        url = f"{self.service()}/{operation}"
        response = get_text(self.session, url, params=parameters)
        try:
            return ElementTree.fromstring(response.content)
        except (ElementTree.ParseError, DefusedXmlException) as error:
            raise FetchError(f"{response.url}: not the web service's XML ({error})") from error

    def meeting(self, detail, committee: str, date: datetime.date) -> ListedMeeting:
        meeting_id = text(detail, "meetingid")
        items, files = [], []
        for item in detail.iter("agendaitem"):
            number = text(item, "agendaitemnumber")
            title = text(item, "agendaitemtitle")
            if title:
                items.append((number, title))
            files += self.documents(meeting_id, list(item.iter("linkeddoc")), "report")
        in_items = {id(doc) for item in detail.iter("agendaitem") for doc in item.iter("linkeddoc")}
        meeting_documents = [doc for doc in detail.iter("linkeddoc") if id(doc) not in in_items]
        files = self.documents(meeting_id, meeting_documents) + files
        if any(listed.kind == "pack" for listed in files):
            files = [listed for listed in files if listed.kind not in IN_THE_PACK]
        return ListedMeeting(
            body=text(detail, "committeetitle") or committee,
            date=parse_date(text(detail, "meetingdate")) or date,
            start_time=clock_time(detail) or find_time(text(detail, "meetingtime")),
            location=text(detail, "meetinglocation") or text(detail, "location"),
            items=items,
            files=unique(files),
        )

    def documents(self, meeting_id: str, documents, default_kind: str = "") -> list[ListedFile]:
        found = []
        for document in documents:
            url, title = text(document, "url"), text(document, "title")
            if not url:
                continue
            kind = kind_of(title)
            found.append(
                ListedFile(
                    key=f"meeting {meeting_id}: {fold(title) or url}",
                    url=urljoin(f"{self.source.url.rstrip('/')}/", url),
                    kind=default_kind if kind == "other" and default_kind else kind,
                    title=title,
                )
            )
        return found


def text(element, name: str) -> str:
    found = element.find(f".//{name}")
    return " ".join((found.text or "").split()) if found is not None else ""


def parse_date(value: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(value.split()[0], DATE_FORMAT).date() if value else None
    except (ValueError, IndexError):
        return None


def clock_time(detail) -> datetime.time | None:
    """'18:30' (the service's 24-hour form)."""
    value = text(detail, "meetingtime")
    try:
        return datetime.datetime.strptime(value, "%H:%M").time() if value else None
    except ValueError:
        return None
