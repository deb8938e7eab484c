"""Minutes in the seeds' house style, as councils vary them (an invented council)."""

import datetime

import pytest

from meetings.ingest.pack import parse_pack

MINUTES = """Minutes of a meeting of the Highways Panel held at Shire Hall on 2 April 2031.

PRESENT

Mr A. Smith CC (in the Chair)

1. Apologies

None were received.

2. Bus Shelter Repairs

The Director presented the report on the repairs.

{resolved} the repairs be approved.
"""


@pytest.mark.parametrize(
    "resolved", ["RESOLVED: That", "Resolved: That", "(3) RESOLVED: That", "3) Resolved - That"]
)
def test_a_resolution_headed_or_numbered_in_other_ways_is_read(resolved):
    (minutes,) = parse_pack([MINUTES.format(resolved=resolved)]).minutes
    assert [(minute.title, minute.resolved) for minute in minutes.minutes] == [
        ("Apologies", None),
        ("Bus Shelter Repairs", "That the repairs be approved."),
    ]


SHOUTED = """MINUTES OF THE MEETING OF THE FULL COUNCIL OF HIGHWAYS TOWN COUNCIL
HELD AT THE CIVIC CENTRE ON THURSDAY 16 JANUARY 2031 AT 7.00 PM
PRESENT: Councillors A Smith (Mayor), B Jones, C Evans and D Patel
ALSO PRESENT: Town Clerk
1. APOLOGIES FOR ABSENCE
Apologies were received from Councillor E Wood.
2. BUDGET AND PRECEPT
RESOLVED that the precept be set at £250,000.
"""


def test_minutes_headed_in_capitals_with_their_time_place_and_a_prose_list_of_those_present():
    (minutes,) = parse_pack([SHOUTED]).minutes
    meeting = minutes.meeting
    assert (meeting.date, meeting.start_time, meeting.location) == (
        datetime.date(2031, 1, 16),
        datetime.time(19, 0),
        "Civic Centre",
    )
    assert [(person.name, person.role, person.note) for person in minutes.attendance] == [
        ("A Smith", "member", "Mayor"),
        ("B Jones", "member", ""),
        ("C Evans", "member", ""),
        ("D Patel", "member", ""),
    ]  # the Town Clerk is a post, not a person
    assert [minute.resolved for minute in minutes.minutes] == [
        None,
        "that the precept be set at £250,000.",
    ]


def test_notes_of_a_meeting_name_its_body_without_the_word_notes():
    notes = "Notes of the Education Committee held on 5 February 2031\n"
    notes += "Present: Councillor A Smith (Chair), Councillor B Jones\n1. Apologies\nNone.\n"
    notes += "2. Budget\nRESOLVED that the budget be approved.\n3. Any other business\nNone.\n"
    (minutes,) = parse_pack([notes]).minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Education Committee",
        datetime.date(2031, 2, 5),
    )


def test_minutes_held_on_the_third_of_a_month():
    text = "Minutes of the meeting of Highways Parish Council held on Monday the 3rd of March 2031 "
    text += "at 7.30pm in the Village Hall\nPresent: Cllr A Smith (Chair), Cllr B Jones\n"
    text += "1. Apologies\nNone.\n2. Minutes\nRESOLVED that the minutes be approved.\n"
    (minutes,) = parse_pack([text]).minutes
    meeting = minutes.meeting
    assert (meeting.body, meeting.date, meeting.start_time, meeting.location) == (
        "Highways Parish Council",
        datetime.date(2031, 3, 3),
        datetime.time(19, 30),
        "Village Hall",
    )
