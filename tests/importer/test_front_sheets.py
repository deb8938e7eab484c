"""Front sheets of the summons and covering-letter house styles, as councils vary them.

The council and its meetings are invented (as in meetings/demo.py)."""

import datetime

import pytest

from meetings.ingest.describe import describe_pack
from meetings.ingest.frontsheet import body_named
from meetings.ingest.pack import parse_pack

SUMMONS = (
    "AGENDA\nHIGHWAYS PANEL\n{date}, at 10.00 am\nAsk for: A. Clerk\n1. Apologies\n2. Minutes\n"
)
LETTER = "Dear Member\n{body} - WEDNESDAY, 2 APRIL 2031\nAgenda Item No\n5 Bus Shelter Repairs\n"


@pytest.mark.parametrize(
    "date",
    [
        "Wednesday, 2nd April, 2031",
        "Wednesday, 2nd Apr., 2031",
        "Wednesday 2 Apr 2031",
        "2 April 2031",
    ],
)
def test_a_summons_dated_with_or_without_its_weekday_and_the_month_cut_short(date):
    meeting = parse_pack([SUMMONS.format(date=date)]).meeting
    assert (meeting.body, meeting.date, meeting.start_time) == (
        "Highways Panel",
        datetime.date(2031, 4, 2),
        datetime.time(10, 0),
    )
    assert [item.title for item in meeting.agenda_items] == ["Apologies", "Minutes"]


@pytest.mark.parametrize(
    "body", ["Highways Panel", "Planning Sub-Committee (North)", "Area 3 Board"]
)
def test_a_covering_letter_heading_names_its_body_in_full(body):
    meeting = parse_pack([LETTER.format(body=body.upper())]).meeting
    assert (meeting.body, meeting.date) == (body, datetime.date(2031, 4, 2))
    assert meeting.agenda_is_supplement
    assert [item.title for item in meeting.agenda_items] == ["Bus Shelter Repairs"]


@pytest.mark.parametrize("time", ["2.00 pm", "2:00 p.m.", "14:00", "14.00 hrs"])
def test_a_labelled_front_sheet_gives_its_time_on_either_clock(time):
    text = f"Meeting: Highways Panel\nDate/Time: Wednesday, 2 April 2031 at {time}\nAGENDA\n"
    meeting = parse_pack([text + "1. Apologies\n"]).meeting
    assert (meeting.date, meeting.start_time) == (datetime.date(2031, 4, 2), datetime.time(14, 0))


@pytest.mark.parametrize(
    "labels",
    [
        "Meeting: Highways Panel\nDate/Time: Wednesday, 2 April 2031 at 2.00 pm\nVenue: Shire Hall",
        "Committee: Highways Panel\nDate: Wed, 2 April 2031\nTime: 2.00 pm\nPlace: Shire Hall",
        "MEETING: Highways Panel\nDate and time: 2 April 2031, 14:00\nLocation: Shire Hall",
        "Name of meeting: Highways Panel\nDate of meeting: 2 April 2031\nStart time: 14:00\n"
        "Meeting venue: Shire Hall",
        "Meeting of: Highways Panel\nDate: 2 April 2031 Time: 2pm\nVenue: Shire Hall",
    ],
)
def test_a_front_sheet_labelled_in_other_words_is_read(labels):
    meeting = parse_pack([f"{labels}\nAGENDA\n1. Apologies\n2. Bus Shelter Repairs\n"]).meeting
    assert (meeting.body, meeting.date, meeting.start_time, meeting.location) == (
        "Highways Panel",
        datetime.date(2031, 4, 2),
        datetime.time(14, 0),
        "Shire Hall",
    )
    assert [item.title for item in meeting.agenda_items] == ["Apologies", "Bus Shelter Repairs"]


def test_a_reports_cover_sheet_is_not_taken_for_a_front_sheet():
    cover = "Meeting: Highways Panel\nDate: 2 April 2031\nSubject: Bus Shelter Repairs\n"
    cover += "Report of: Director of Highways\nAgenda item: 5\n\n1. Purpose of the report\n"
    pack = parse_pack([cover + "To agree the repairs.", "The repairs, continued."])
    assert describe_pack(pack, []) == (
        "report to Highways Panel, 2 April 2031, item 5: Bus Shelter Repairs"
    )


NOTICE = """HIGHWAYS PARISH COUNCIL
A MEETING WILL BE HELD ON WEDNESDAY 2 APRIL 2031 AT 7.30PM IN THE VILLAGE HALL
AGENDA
{one} To receive apologies
{two} To approve the minutes of the last meeting
{three} Bus shelter repairs
"""


@pytest.mark.parametrize(
    "printed, number",
    [
        ("{}.", "{}"),
        ("({})", "{}"),
        ("{}.0", "{}.0"),
        ("{} -", "{}"),
        ("{}:", "{}"),
        ("{}.)", "{}"),
    ],
    ids=["4.", "(4)", "4.0", "4 -", "4:", "4.)"],
)
def test_a_meeting_notice_numbers_its_items_in_any_of_the_usual_ways(printed, number):
    one, two, three = (printed.format(count) for count in (1, 2, 3))
    meeting = parse_pack([NOTICE.format(one=one, two=two, three=three)]).meeting
    assert (meeting.body, meeting.date) == ("Highways Parish Council", datetime.date(2031, 4, 2))
    assert [(item.number, item.title) for item in meeting.agenda_items] == [
        (number.format(1), "To receive apologies"),
        (number.format(2), "To approve the minutes of the last meeting"),
        (number.format(3), "Bus shelter repairs"),
    ]


@pytest.mark.parametrize(
    "heading", ["AGENDA", "A G E N D A", "Agenda:", "ORDER OF BUSINESS", "PART I - PUBLIC"]
)
def test_an_agenda_under_any_heading_is_an_agenda_even_listing_the_last_minutes(heading):
    sheet = "Committee: Planning Committee\nDate: Wednesday, 2 April 2031\nVenue: Council Chamber\n"
    sheet += f"{heading}\n1. Apologies for absence\n2. Declarations of interest\n"
    sheet += "3. Minutes of the previous meeting\n4. Planning applications\n"
    pack = parse_pack([sheet, "A report.", "Its appendix."])
    assert describe_pack(pack, []) == "agenda of Planning Committee, 2 April 2031: 4 items"


def test_a_room_is_not_the_body_that_meets_in_it():
    assert body_named(["Venue: Council Chamber", "Highways Panel", "2 April 2031"]) == (
        "Highways Panel"
    )


def test_a_summons_under_a_letterhead_read_by_ocr():
    text = "Wessex Fey-):\nCounty 4\nCouncil BP R\n" + SUMMONS.format(
        date="Wednesday, 2nd April, 2031"
    )
    meeting = parse_pack([text]).meeting
    assert (meeting.body, meeting.date) == ("Highways Panel", datetime.date(2031, 4, 2))
    assert [item.title for item in meeting.agenda_items] == ["Apologies", "Minutes"]
