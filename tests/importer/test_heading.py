"""The meeting a document names at its top, chosen among candidates by their evidence.

The documents are made up in the styles of school boards, parish councils, US cities and
French communes; no real council's words are copied.
"""

import datetime

import pytest

from meetings.ingest.heading import read_heading
from meetings.ingest.layout import Style
from meetings.ingest.lines import page_lines
from meetings.ingest.pack import parse_pack


def heading_of(text: str, styles=None):
    """`styles`, one for each line of `text`, as a PDF's text layer gives them."""
    if styles:
        styles = styles + [None] * (len(text.split("\n")) - len(styles))
    return read_heading(page_lines([text], [styles] if styles else None))


def printed(size: float, top: float, bold: bool = False) -> Style:
    return Style(size=size, bold=bold, x=72.0, top=top, page_height=792.0)


def test_a_labelled_date_beats_a_date_in_a_sentence_about_another_meeting():
    reading = heading_of(
        "Ashby Parish Council\n"
        "The minutes of the meeting held on 25 July 2031 were signed as a true record.\n"
        "Date: 26 September 2031\n"
    )
    assert (reading.body, reading.date) == ("Ashby Parish Council", datetime.date(2031, 9, 26))
    (date,) = [e for e in reading.evidence if e.field == "date"]
    assert (date.text, "labelled 'Date'" in date.reason) == ("Date: 26 September 2031", True)


def test_a_labelled_date_beats_an_earlier_date_on_a_line_of_the_heading():
    reading = heading_of("Ashby Town Council\nPlans of 1 January 2031\nDate: 26 September 2031\n")
    assert reading.date == datetime.date(2031, 9, 26)


def test_a_list_of_names_after_a_colon_is_not_a_body():
    reading = heading_of(
        "Board of Trustees: Ann Cruz, Bo Dent, Cy Ellis\nHillside Planning Board\n3 March 2031\n"
    )
    assert reading.body == "Hillside Planning Board"


def test_the_next_meetings_date_is_never_the_meetings():
    reading = heading_of("Ashby Parish Council\nMINUTES\nDate of next meeting: 30 October 2031\n")
    assert (reading.body, reading.date) == ("Ashby Parish Council", None)


def test_a_body_in_the_heading_beats_a_footer_that_lists_names_after_a_colon():
    text = (
        "Board of Trustees: Ann Cruz Bo Dent Cy Ellis\n"  # printed at the foot of the page
        "HILLSIDE COMMUNITY COLLEGE DISTRICT\n"
        "REGULAR MEETING, BOARD OF TRUSTEES\n"
        "Tuesday, June 9, 2031\n"
        "AGENDA\n"
    )
    styles = [printed(8, 740), printed(12, 130), printed(12, 145), printed(11, 160),
              printed(12, 200)]  # fmt: skip
    reading = heading_of(text, styles)
    assert (reading.body, reading.date, reading.kind) == (
        "Board of Trustees",
        datetime.date(2031, 6, 9),
        "agenda",
    )


def test_a_body_named_in_a_paragraph_of_prose_is_not_the_heading():
    reading = heading_of(
        "Welcome to the meeting of the Hillside School District Board of Education. If you\n"
        "would like to address the Board during public comments, please fill out a card.\n"
        "HILLSIDE SCHOOL DISTRICT\n"
        "Governing Board\n"
        "Regular Meeting\n"
        "December 15, 2031\n"
    )
    assert (reading.body, reading.date) == ("Governing Board", datetime.date(2031, 12, 15))


def test_a_name_in_lower_case_is_never_a_body_and_nothing_is_guessed():
    reading = heading_of("conan Commission\nMinutes\n29 January 2031\nThe meeting opened.\n")
    assert reading.body == ""
    assert [e.field for e in reading.evidence] == ["kind", "date"]


def test_a_long_title_that_names_the_document_is_its_heading_not_prose():
    reading = heading_of(
        "Minutes of the Regular Meeting of the Board of Trustees held at the Hillside Library\n"
        "Wednesday, April 15, 2031, 7:00 p.m.\n"
    )
    assert (reading.body, reading.start_time) == ("Board of Trustees", datetime.time(19, 0))
    (body,) = [e for e in reading.evidence if e.field == "body"]
    assert body.score >= 0.8 and "inside a sentence" not in body.reason


def test_a_heading_in_larger_type_is_the_body():
    text = "Hillside Town Hall, 4 Main Street\nPlanning Commission\n3 March 2031\n"
    styles = [printed(10, 60), printed(16, 90, bold=True), printed(10, 120)]
    reading = heading_of(text, styles)
    (body,) = [e for e in reading.evidence if e.field == "body"]
    assert body.value == "Planning Commission" and "printed as a heading" in body.reason


def test_a_french_meeting_and_its_date_in_words():
    reading = heading_of(
        "Réunion du Conseil Municipal\n"
        "Le douze juillet deux mil trente et un, à 20 heures, les membres du Conseil se sont "
        "réunis.\n"
    )
    assert (reading.body, reading.date) == ("Conseil Municipal", datetime.date(2031, 7, 12))


def test_welsh_and_french_months_and_a_date_this_day_of():
    assert heading_of("Cyngor Cymuned Llanfair\n12 Mawrth 2031\n").date == datetime.date(
        2031, 3, 12
    )
    assert heading_of("Conseil Municipal\nmardi 1er avril 2031\n").date == datetime.date(2031, 4, 1)
    reading = heading_of("Board of Commissioners\nAdopted this 23rd day of May, 2031.\n")
    assert reading.date == datetime.date(2031, 5, 23)


def test_a_document_whose_meeting_cannot_be_placed_is_not_guessed():
    assert heading_of("Consultation responses\nSummary of what residents said\n").body == ""


def test_the_meeting_a_notice_of_the_regular_meeting_names_in_capitals():
    text = "NOTICE OF THE REGULAR MEETING OF THE BOARD OF EDUCATION\nSeptember 5, 2031\n"
    assert heading_of(text).body == "Board of Education"


def test_a_shareholders_meeting_of_the_council_is_the_councils():
    pack = parse_pack(
        [
            "Minutes of Hillside City Council as Shareholders of Hillside Holdings Inc.\n"
            "Monday, June 16, 2031 at 6:00 p.m.\n"
            "Approval of Agenda\n1. Moved by Councillor Bell\nSeconded by Councillor Hart\n"
            "That the agenda be approved.\nCARRIED\n"
            "Auditors\n2. Moved by Councillor Hart\nSeconded by Councillor Bell\n"
            "That the auditors be appointed.\nCARRIED\n"
        ]
    )
    (minutes,) = pack.minutes
    assert minutes.meeting.body == "Hillside City Council"
    assert [(m.title, m.resolved, m.mover) for m in minutes.minutes] == [
        ("Approval of Agenda", "That the agenda be approved.", "Bell"),
        ("Auditors", "That the auditors be appointed.", "Hart"),
    ]


def test_a_heading_wrapped_before_of_the_board():
    text = "HILLSIDE LIBRARY DISTRICT\nMINUTES OF THE REGULAR MEETING\nOF THE BOARD OF TRUSTEES\n"
    reading = heading_of(text + "Wednesday, October 16, 2031\n1. Call to order\n")
    assert (reading.body, reading.date) == ("Board of Trustees", datetime.date(2031, 10, 16))


def test_a_meeting_without_a_time_in_its_heading_starts_when_called_to_order():
    reading = heading_of(
        "Board of Trustees\nMinutes\nWednesday, October 16, 2031\n"
        "1. Call to order – Trustee Picha called the meeting to order at 7:01 p.m.\n"
    )
    assert reading.start_time == datetime.time(19, 1)


@pytest.mark.parametrize(
    ("sentence", "location"),
    [
        (
            "A regular meeting of the Maple Falls City Council was held in the Council Chambers, "
            "123 Main\nStreet, Maple Falls, on Monday, October 6, 2031 at 7:00 p.m.",
            "Council Chambers, 123 Main Street, Maple Falls",
        ),
        (
            "The Fiscal Court met in regular session on Monday, October 6, 2031 at 10:00 a.m. in "
            "the Fiscal\nCourtroom of the Courthouse.",
            "Fiscal Courtroom of the Courthouse",
        ),
        ("The meeting was held on Monday, October 6, 2031 at 7 p.m. at City Hall.", "City Hall"),
        ("A meeting was held on Monday, October 6, 2031, in THE CIVIC CENTRE.", "Civic Centre"),
        # no place: a manner, a session, a sentence that does not say held, another date's
        ("The meeting was held in accordance with the Brown Act on Monday, October 6, 2031.", ""),
        ("The Council convened in Closed Session on Monday, October 6, 2031 at 6 p.m.", ""),
        ("Mayor Lee called the meeting to order on Monday, October 6, 2031 in the Chambers.", ""),
        ("The meeting was held at the Town Hall. It began on Monday, October 6, 2031.", ""),
    ],
)
def test_the_place_of_the_sentence_that_says_the_meeting_was_held_there(sentence, location):
    reading = heading_of(f"CITY OF MAPLE FALLS\nCITY COUNCIL MINUTES\n\n{sentence}\n")
    assert (reading.date, reading.location) == (datetime.date(2031, 10, 6), location)
