"""Agendas and minutes read as outlines: sections, numbers that start again, items under items.

The documents are made up in the styles of US school boards and cities, Canadian councils,
French communes and English parish councils; no real council's words are copied.
"""

import datetime

from meetings.ingest.layout import Style
from meetings.ingest.pack import parse_pack


def agenda_of(text: str, styles=None):
    pack = parse_pack([text], styles=[styles] if styles else None)
    return pack.meeting


def numbered(items) -> list[tuple[str, str]]:
    return [(item.printed_number or item.number, item.title) for item in items]


SECTIONED_AGENDA = """HILLSIDE COMMUNITY COLLEGE DISTRICT
REGULAR MEETING, BOARD OF TRUSTEES
Tuesday, June 9, 2031
AGENDA
I. CALL TO ORDER 5:30 p.m.
1. Roll Call
2. Comments from the Public
3. Recess to Closed Session
II. OPEN SESSION 7:00 p.m.
1. Call to Order
2. Pledge of Allegiance
3. Approval of Agenda
4. Consent Agenda
III. CLOSING ITEMS
1. Adjournment
"""


def test_sections_numbered_in_roman_with_items_numbered_again_under_each():
    meeting = agenda_of(SECTIONED_AGENDA)
    assert numbered(meeting.agenda_items)[:6] == [
        ("I", "Call to Order 5:30 p.m."),
        ("1", "Roll Call"),
        ("2", "Comments from the Public"),
        ("3", "Recess to Closed Session"),
        ("II", "Open Session 7:00 p.m."),
        ("1", "Call to Order"),
    ]
    numbers = [item.number for item in meeting.agenda_items]
    assert numbers[5:] == ["II.1", "II.2", "II.3", "4", "III", "III.1"]  # each unique
    assert len(set(numbers)) == len(numbers)


SUB_ITEMS = """UNIFIED SCHOOL DISTRICT
Board of Education
Regular Meeting
AGENDA
December 15, 2031
1. CALL TO ORDER
2. SUPERINTENDENT'S REPORT
2.1 Orchard Presentation
3. APPROVAL OF MINUTES
4. CONSENT
4.1 Ratification of Contracts
4.2 Ratification of the Personnel Report
5. ADJOURNMENT
"""


def test_items_numbered_under_their_item():
    meeting = agenda_of(SUB_ITEMS)
    assert [item.number for item in meeting.agenda_items] == [
        "1", "2", "2.1", "3", "4", "4.1", "4.2", "5",
    ]  # fmt: skip


def test_items_under_a_section_whose_own_number_is_not_printed():
    text = (
        "Board of Trustees\nAGENDA\nFebruary 4, 2031\n1. Call to Order\n1.01 Roll Call\n"
        "1.02 Public Comment\nClosed Session\n2.01 Expulsions\n2.02 Conference with Counsel\n"
        "3. Pledge of Allegiance\n4. Adoption of Agenda\n5. Public Comment\n6. Adjournment\n"
    )
    assert [item.number for item in agenda_of(text).agenda_items] == [
        "1", "1.01", "1.02", "2.01", "2.02", "3", "4", "5", "6",
    ]  # fmt: skip


def test_numbers_that_start_again_under_each_business_heading():
    minutes = parse_pack(
        [
            "Hillside City Council Meeting Minutes\nAugust 13, 2031\n"
            "NEW BUSINESS\n1. Hearing to amend the park hours ordinance\n"
            "The Mayor opened the hearing.\n"
            "OLD BUSINESS\n1. Results of the rental survey\nContinued to September.\n"
        ]
    ).minutes[0]
    assert [(m.printed_number or m.number, m.number, m.title) for m in minutes.minutes] == [
        ("1", "1", "Hearing to amend the park hours ordinance"),
        ("1", "1 (2)", "Results of the rental survey"),
    ]


def test_a_numbered_list_inside_an_item_does_not_start_the_items_again():
    minutes = parse_pack(
        [
            "Ashby Parish Council\nMinutes\n3 March 2031\n1. Apologies\nNone.\n"
            "2. Planning\nThe council noted:\n1. the hedge at the school\n2. the new bins\n"
            "3. Finance\nThe accounts were noted.\n"
        ]
    ).minutes[0]
    assert [m.number for m in minutes.minutes] == ["1", "2", "3"]
    assert "the hedge at the school" in minutes.minutes[1].text


def test_numbers_restarting_in_another_column_are_a_list_not_the_items():
    text = (
        "Ashby Parish Council\nMinutes\n3 March 2031\nPLANNING\n1. Apologies\n2. Minutes\n"
        "3. Finance\nPAYMENTS\n1. Grass cutting\n2. Hall hire\n"
    )
    column = [Style(11, True, 72, 40 + 14 * i, 792) for i in range(3)]
    items = [Style(11, False, 72, 90 + 14 * i, 792) for i in range(4)]
    table = [Style(11, True, 72, 150, 792)] + [Style(11, False, 140, 164 + 14 * i, 792)
                                              for i in range(2)]  # fmt: skip
    minutes = parse_pack([text], styles=[column + items + table + [None]]).minutes[0]
    assert [m.number for m in minutes.minutes] == ["1", "2", "3"]


def test_closed_items_numbered_by_code_and_numbered_motions_are_not_items():
    minutes = parse_pack(
        [
            "Minutes of Hillside City Council\nMonday, July 14, 2031 at 5:30 p.m.\n"
            "The following matters were considered:\nC.2031.37 Contract Litigation\n"
            "C.2031.38 Transit Negotiations\nConsent Agenda\n"
            "CON-2031.37 Proposed Demolition of 17 Elm Street\n"
            "1. Moved by Councillor Piper\nSeconded by Councillor Hart\n"
            "That the demolition be approved.\nCARRIED\n"
            "2. Moved by Councillor Hart\nSeconded by Councillor Piper\n"
            "That By-laws 19775 to 19782 be passed.\nCARRIED\n"
            "3. Moved by Councillor Dent\nSeconded by Councillor Hart\n"
            "That the statement be read into the record.\nCARRIED\n"
            "4. Moved by Councillor Hart\nSeconded by Councillor Dent\n"
            "That the meeting be adjourned.\nCARRIED\n"
        ]
    ).minutes[0]
    assert numbered(minutes.minutes) == [
        ("C.2031.37", "Contract Litigation"),
        ("C.2031.38", "Transit Negotiations"),
        ("CON-2031.37", "Proposed Demolition of 17 Elm Street"),
    ]
    assert (minutes.minutes[2].resolved, minutes.minutes[2].mover) == (
        "That the demolition be approved.",
        "Piper",
    )


def test_hyphenated_numbers_make_an_outline_too():
    minutes = parse_pack(
        [
            "Réunion du Conseil Municipal\ndu 12 juillet 2031\n1 – FINANCES\n"
            "1-1 : Subventions 2031\n1-1-1 : Subventions aux associations\n"
            "Le Conseil Municipal décide d'attribuer les subventions.\n"
            "1-1-2 : Subvention au CCAS\n1-2 : Tarifs scolaires\n"
        ]
    )
    meeting = pack_meeting(minutes)
    assert [item.number for item in meeting] == ["1-1", "1-1-1", "1-1-2", "1-2"]


def pack_meeting(pack):
    """The items of a pack's one meeting, read as an agenda or as minutes."""
    return pack.meeting.agenda_items if pack.meeting else pack.minutes[0].minutes


def test_a_bold_title_does_not_run_on_into_the_text_under_it():
    text = (
        "Ashby Parish Council\nMinutes\n3 March 2031\n09.31.01 Apologies\n"
        "None were received from members.\n"
        "09.31.02 To receive the minutes of the last parish council meeting\n"
        "The minutes of the meeting held on 3 February 2031 were agreed as a true record.\n"
        "09.31.03 Finance\nThe accounts were noted.\n"
    )
    styles = [Style(11, True, 160, 70 + 12 * i, 792) for i in range(3)]
    for i, line in enumerate(text.split("\n")[3:-1]):
        styles.append(Style(11, line.startswith("09."), 72, 110 + 14 * i, 792))
    minutes = parse_pack([text], styles=[styles + [None]]).minutes[0]
    assert minutes.minutes[1].title == "To receive the minutes of the last parish council meeting"
    assert minutes.minutes[1].outcome == "approved"


def test_a_tables_rows_are_not_items_and_each_motion_closes_an_item():
    minutes = parse_pack(
        [
            "BOARD OF ESTIMATES March 17, 2031\nMINUTES\nREGULAR MEETING\n"
            "Honorable Ann Young, President\nHonorable Bo Rawls, Mayor\n"
            "Cy Nilson, City Solicitor\nThe meeting was called to order by the President.\n"
            "Law Department – Claim Settlement\n"
            "The Board is requested to approve the settlement of the following claims.\n"
            "1. Ann Harris $145,000.00\n2. Bo Ellis $12,000.00\n3. Cy Dent $1,500.00\n"
            "UPON MOTION duly made and seconded, the Board approved the settlements.\n"
            "Space Committee – Lease Agreement\n"
            "The Board is requested to approve a lease at 4 Light Street.\n"
            "UPON MOTION duly made and seconded, the Board approved the lease.\n"
        ]
    ).minutes[0]
    assert [(m.title, m.resolved, m.outcome) for m in minutes.minutes] == [
        ("Law Department – Claim Settlement", "Approved the settlements.", "approved"),
        ("Space Committee – Lease Agreement", "Approved the lease.", "approved"),
    ]
    assert [(p.name, p.role) for p in minutes.attendance] == [
        ("Ann Young", "chair"),
        ("Bo Rawls", "chair"),
        ("Cy Nilson", "member"),
    ]


def styled(pages: list[str], bold: set[str]) -> list[list[Style | None]]:
    """Each line of each page in plain type a line apart, or bold where its text is in `bold`."""
    return [
        [Style(11, line in bold, 72, 70 + 14 * i, 792) for i, line in enumerate(page.split("\n"))]
        for page in pages
    ]


def test_a_motion_approving_the_list_that_follows_keeps_it_and_the_next_item_its_heading():
    pages = [
        "BOARD OF ESTIMATES March 17, 2031\nMINUTES\nREGULAR MEETING\n"
        "Honorable Ann Young, President\nHonorable Bo Rawls, Mayor\n"
        "Cy Nilson, City Solicitor\nThe meeting was called to order by the President.\n"
        "Law Department – Claim Settlement\n"
        "The Board is requested to approve the settlement of a claim.\n"
        "UPON MOTION duly made and seconded, the Board approved the settlement.\n",
        "PERSONNEL MATTERS\n"
        "UPON MOTION duly made and seconded,\nthe Board approved\n"
        "all of the Personnel matters\nlisted on the following pages:\n"
        "All of the Personnel matters have been approved\nby the Expenditure Committee.\n"
        "All of the contracts have been approved\nby the Law Department.\n",
        "PERSONNEL\nDepartment of Finance\nAnn Harris, Special Assistant, for one year.\n",
        "Department of Planning – Report on Transfers\n"
        "Today, the Board is requested to note 14 favorable reports.\n",
        "Department of Planning – cont’d\n"
        "UPON MOTION duly made and seconded, the Board NOTED receipt of the reports.\n",
    ]
    minutes = parse_pack(pages, styles=styled(pages, bold={"PERSONNEL MATTERS", "PERSONNEL"}))
    minutes = minutes.minutes[0].minutes
    assert [(m.title, m.outcome, m.page) for m in minutes] == [
        ("Law Department – Claim Settlement", "approved", 1),
        ("Personnel Matters", "approved", 2),
        ("Department of Planning – Report on Transfers", "noted", 4),
    ]
    assert minutes[1].text.endswith("Ann Harris, Special Assistant, for one year.")
    assert minutes[2].text.startswith("Today, the Board is requested to note")


def test_the_last_minute_ends_where_the_minutes_are_signed():
    pack = parse_pack(
        [
            "MINUTES\nTOWNSHIP OF LAKEVIEW\nMonday, March 4, 2031\n"
            "R2031-041 B. Hart, C. Young:\nThat the minutes be adopted. Carried.\n"
            "R2031-042 D. Stone, B. Hart:\nThat the meeting be adjourned. Carried.\n"
            "Mayor:\nClerk:\nSign Quotation\nUnit Description Quantity Price\n",
        ]
    )
    adjourned = pack.minutes[0].minutes[-1]
    assert adjourned.text == "That the meeting be adjourned. Carried."
    assert datetime.date(2031, 3, 4) == pack.minutes[0].meeting.date


def test_without_a_layout_that_marks_headings_no_text_moves_to_the_item_before():
    # The list is approved "as follows:" and its outcome printed under it; a running header
    # opens the second page of a text file: neither is taken for the next item's heading.
    minutes = parse_pack(
        [
            "MINUTES\nAshby Parish Council\n12 March 2031\n"
            "Finance\nRESOLVED that the following payments be approved:\n"
            "Clerk's salary £420.00\nHMRC £105.00\nCarried.\n"
            "Play Area\nThe council considered the inspection report of the play area.\n",
            "Ashby Parish Council Minutes 12 March 2031\n"
            "RESOLVED that the swings be repaired.\nCarried.\n",
        ]
    ).minutes[0]
    finance, play_area = minutes.minutes
    assert (finance.title, finance.outcome) == ("Finance", "carried")
    assert finance.resolved == (
        "That the following payments be approved: Clerk's salary £420.00 HMRC £105.00"
    )
    assert (play_area.title, play_area.outcome) == ("Play Area", "carried")
    assert play_area.text.startswith("The council considered the inspection report")


def test_a_rule_between_two_items_does_not_end_the_minutes():
    minutes = parse_pack(
        [
            "BOARD OF ESTIMATES March 17, 2031\nMINUTES\nREGULAR MEETING\n"
            "Honorable Ann Young, President\nHonorable Bo Rawls, Mayor\n"
            "Cy Nilson, City Solicitor\nThe meeting was called to order by the President.\n"
            "Law Department – Claim Settlement\n"
            "UPON MOTION duly made and seconded, the Board approved the settlement.\n"
            "______________________\nSpace Committee – Lease Agreement\n"
            "UPON MOTION duly made and seconded, the Board approved the lease.\n"
            "______________________\nTravel Requests\n"
            "UPON MOTION duly made and seconded, the Board approved the travel requests.\n"
        ]
    ).minutes[0]
    assert [m.title for m in minutes.minutes] == [
        "Law Department – Claim Settlement",
        "Space Committee – Lease Agreement",
        "Travel Requests",
    ]


def test_minutes_closed_by_motions_end_where_they_are_signed():
    pack = parse_pack(
        [
            "MINUTES\nLakeview Recreation Committee\nAugust 12, 2031\n"
            "Present: Chair Kay Shaw, Jo Scott and Lee Hughes\n"
            "MOTION NUMBER 2031-23\nMoved by: Jo Scott\nSeconded by: Lee Hughes\n"
            "THAT the minutes of the July meeting are approved as circulated.\nCarried\n"
            "Bottle Drive\nThe drive collected $892.60.\n"
            "MOTION NUMBER 2031-24\nMoved by: Lee Hughes\nSeconded by: Jo Scott\n"
            "That the meeting is hereby adjourned at 7:02 p.m.\nCarried\n"
            "Chairperson:\nSecretary:\n",
            "P.O. Box 490\nAugust 15, 2031\nDear Prime Minister:\n"
            "This letter will advise that Riverton Council passed the following resolution:\n"
            "Moved by Councillor Stead\nSeconded by Councillor Mack\n"
            "That the province double the roads fund.\nCarried\n",
        ]
    )
    minutes = pack.minutes[0].minutes
    assert [m.resolved for m in minutes] == [
        "THAT the minutes of the July meeting are approved as circulated.",
        "That the meeting is hereby adjourned at 7:02 p.m.",
    ]
    assert "Riverton" not in minutes[-1].text


LEGISTAR = """City of Hillside
City Council Notice and Agenda
Tuesday, January 26, 2031 7:00 PM
1.A 31-0109
Approve City Council Meeting Minutes of January 12, 2031
Recommendation: Approve the minutes as submitted.
1.B 31-0171
Approve the List of Claims and Bills Approved
for Payment by the City Manager
Recommendation: Approve the list.
1.0 31-0194
Award a Contract for Project Management
Recommendation: Award the contract.
1.D 31-0132
Award of Bid No. PW31-06 for Park Buildings
"""


def test_a_title_beside_its_number_in_a_column_of_its_own_and_a_letter_read_as_a_digit():
    rows = [  # (x, top) of each line, as a scan of a Legistar agenda reads them
        (200, 40), (200, 55), (200, 70), (56, 100), (180, 101), (70, 115), (56, 140),
        (180, 139), (180, 151), (70, 165), (56, 190), (180, 191), (70, 205), (56, 230),
        (180, 231),
    ]  # fmt: skip
    styles = [Style(9, None, x, top, 792) for x, top in rows] + [None]
    meeting = agenda_of(LEGISTAR, styles)
    assert numbered(meeting.agenda_items) == [
        ("1.A", "Approve City Council Meeting Minutes of January 12, 2031"),
        ("1.B", "Approve the List of Claims and Bills Approved for Payment by the City Manager"),
        ("1.C", "Award a Contract for Project Management"),
        ("1.D", "Award of Bid No. PW31-06 for Park Buildings"),
    ]
    assert meeting.agenda_items[1].note == "Recommendation: Approve the list."


def test_a_title_does_not_run_on_into_the_right_hand_column():
    text = (
        "Hillside Board of Education\nMinutes\nSeptember 5, 2031\n"
        "I. CLOSED SESSION (5:15 p.m., Room 2249)\nthe meeting to order\n"
        "II. OPEN SESSION (5:30 p.m., Auditorium)\nreconvened the meeting in open session\n"
        "III. ADJOURNMENT\n"
    )
    rows = [(200, 40), (200, 55), (200, 70), (137, 100), (478, 112), (137, 130), (478, 142),
            (137, 160)]  # fmt: skip
    styles = [Style(9, None, x, top, 792) for x, top in rows] + [None]
    (minutes,) = parse_pack([text], styles=[styles]).minutes
    assert [m.title for m in minutes.minutes] == [
        "CLOSED SESSION (5:15 p.m., Room 2249)",
        "OPEN SESSION (5:30 p.m., Auditorium)",
        "Adjournment",
    ]
