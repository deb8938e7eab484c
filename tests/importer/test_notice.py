"""Meeting notices of town and parish councils: a notice of the meeting, AGENDA, numbered items."""

import datetime

from meetings.ingest.pack import parse_pack

NOTICE = """WESTHOLM TOWN COUNCIL
Clerk: A. Brown, 1 High Street
The meeting of the Town Council will be held on Monday 3rd June 2030 at 7.00pm
in the Memorial Hall
AGENDA
1. To receive apologies
2 Declarations of interest
3. To approve the minutes of the meeting held on 6th May 2030
4. Finance
- Payments for approval
- Bank reconciliation
5. Any other business
Date of next meeting: Monday 1st July 2030
"""


def test_a_notice_gives_the_meeting_and_its_numbered_agenda():
    meeting = parse_pack([NOTICE]).meeting
    assert (meeting.body, meeting.date, meeting.start_time) == (
        "Westholm Town Council",
        datetime.date(2030, 6, 3),
        datetime.time(19, 0),
    )
    items = [(item.number, item.title, item.note) for item in meeting.agenda_items]
    assert items == [
        ("1", "To receive apologies", ""),
        ("2", "Declarations of interest", ""),
        ("3", "To approve the minutes of the meeting held on 6th May 2030", ""),
        ("4", "Finance", "Payments for approval; Bank reconciliation"),
        ("5", "Any other business", ""),
    ]


def test_numbers_out_of_sequence_are_not_an_agenda():
    text = NOTICE.replace("1. To receive apologies", "7. To receive apologies")
    pack = parse_pack([text])
    assert pack.meeting.agenda_items == []
    assert pack.warnings == [
        "no agenda, minutes or reports recognised: stored as searchable pages only"
    ]
