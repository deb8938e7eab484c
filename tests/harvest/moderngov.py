"""A ModernGov web service in the shape of its published operations (GetCommittees,
GetMeetings, GetMeeting), served by the local test server. Built from the format: no
recording of a real ModernGov site was at hand (docs/harvest.md)."""

import datetime
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from tests.harvest.server import Site

SERVICE = "/mgWebService.asmx"


@dataclass
class Document:
    title: str
    body: bytes
    item: str = ""  # the agenda item it is linked from; '' for the meeting's own documents

    def path(self, meeting_id: int) -> str:
        return f"/documents/g{meeting_id}/{self.title.replace(' ', '%20')}.pdf"


@dataclass
class Meeting:
    id: int
    committee_id: int
    committee: str
    date: datetime.date
    time: str = "10:00"
    location: str = "Council Chamber, Shire Hall"
    items: list[tuple[str, str]] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)


def element(name: str, value) -> str:
    return f"<{name}>{escape(str(value))}</{name}>"


def documents_xml(site: Site, meeting: Meeting, item: str) -> str:
    docs = [doc for doc in meeting.documents if doc.item == item]
    if not docs:
        return ""
    linked = "".join(
        f"<linkeddoc>{element('title', doc.title)}{element('url', doc.path(meeting.id))}"
        "</linkeddoc>"
        for doc in docs
    )
    return f"<linkeddocuments>{linked}</linkeddocuments>"


def meeting_xml(site: Site, meeting: Meeting) -> str:
    items = "".join(
        f"<agendaitem>{element('agendaitemnumber', number)}{element('agendaitemtitle', title)}"
        f"{documents_xml(site, meeting, number)}</agendaitem>"
        for number, title in meeting.items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><getmeeting><meeting>'
        f"{element('meetingid', meeting.id)}{element('meetingdate', f'{meeting.date:%d/%m/%Y}')}"
        f"{element('meetingtime', meeting.time)}{element('committeeid', meeting.committee_id)}"
        f"{element('committeetitle', meeting.committee)}"
        f"{element('meetinglocation', meeting.location)}{element('meetingstatus', 'confirmed')}"
        f"{documents_xml(site, meeting, '')}<agendaitems>{items}</agendaitems>"
        "</meeting></getmeeting>"
    )


def serve(site: Site, meetings: list[Meeting]) -> None:
    """The service's three operations and every document, on `site`."""
    committees = {meeting.committee_id: meeting.committee for meeting in meetings}
    site.add(
        f"{SERVICE}/GetCommittees?lDays=0",
        '<?xml version="1.0" encoding="utf-8"?><committees>'
        + "".join(
            f"<committee>{element('committeeid', cid)}{element('committeetitle', title)}"
            "</committee>"
            for cid, title in committees.items()
        )
        + "</committees>",
        content_type="text/xml; charset=utf-8",
    )
    for cid in committees:
        stubs = "".join(
            f"<meeting>{element('meetingid', m.id)}"
            f"{element('meetingdate', f'{m.date:%d/%m/%Y}')}</meeting>"
            for m in meetings
            if m.committee_id == cid
        )
        site.add(
            f"{SERVICE}/GetMeetings?lCommitteeId={cid}",
            f'<?xml version="1.0" encoding="utf-8"?><meetings>{stubs}</meetings>',
            content_type="text/xml; charset=utf-8",
        )
    for meeting in meetings:
        site.add(
            f"{SERVICE}/GetMeeting?lMeetingId={meeting.id}",
            meeting_xml(site, meeting),
            content_type="text/xml; charset=utf-8",
        )
        for doc in meeting.documents:
            site.add(doc.path(meeting.id), doc.body)
