"""Minutes and agendas of other house styles: a heading, then numbered items.

The documents here are made up in the styles of US city councils, Canadian townships,
Legistar agendas and English parish councils; no real council's words are copied.
"""

import datetime

from meetings.ingest.pack import parse_pack

CITY_MINUTES = """Regular Meeting
Riverton City Council
June 2, 2031
1
MINUTES OF THE REGULAR CITY COUNCIL MEETING
TUESDAY- -JUNE 2, 2031- -7:00 P.M.
Mayor Dana Lee convened the meeting at 7:02 p.m.
ROLL CALL - Present: Councilmembers Ortiz, Patel, Brooks, and Mayor Dana Lee – 4.
Absent: Councilmember Nguyen.
AGENDA ITEMS
(31-101) Public Hearing to Consider a Parking Ordinance for the Harbor District and
Authorize the City Manager to Sign the Related Agreements.
The Public Works Director gave a presentation on the parking survey.
Councilmember Patel moved approval of the staff recommendation.
Councilmember Brooks seconded the motion.
On the call for the question, the motion carried by the following roll call vote:
Councilmembers Ortiz: Aye; Patel: Aye; Brooks: No; and Mayor Lee: Aye. Ayes: 3. Noes: 1.
(31-102) Recommendation to Accept the Annual Report of the Riverton Library. Not heard.
(31-103) Adoption of the Budget Calendar.
Motion carried 4-0.
ADJOURNMENT
The Mayor adjourned the meeting at 9:12 p.m.
"""

TOWNSHIP_MINUTES = """MINUTES
TOWNSHIP OF LAKEVIEW
Monday, March 4, 2030
A regular meeting of the Township of Lakeview Council was held on Monday, March 4, 2030
starting at 7:00 p.m. in the council chamber.
Present: Reeve Ann Mills and Councillors Bob Hart, Cy Young and Di Stone.
Regrets: Councillor Ed Wu.
Staff: Clerk-Treasurer Fay Green.
R2030-041 B. Hart, C. Young:
That the minutes of the meeting held February 19, 2030 be adopted as circulated. Carried.
R2030-042 D. Stone, B. Hart:
THAT we buy a second grader from the lowest bidder.
The cost is to come from the equipment reserve. Defeated.
Reeve:
Clerk:
"""

PARISH_MINUTES = """Minutes of the Meeting of Ashby Parish Council held on
Tuesday 5th March 2030 at 7.30pm in the Village Hall
Present: Cllr J Smith (Chair), Cllr P Jones and Cllr K Brown
In attendance: Mrs L White (Clerk)
30/041 Apologies
Apologies were received from Cllr T Green.
30/042 Minutes
It was resolved that the minutes of the meeting held on 6th February 2030 be signed.
30/043 Planning
Councillors resolved to object to the plans for the old mill.
"""

FOOTER = "City of Riverton Page {page} Printed on 5/28/2031"
LEGISTAR_PAGES = [
    """City Council
City of Riverton
Notice and Agenda
Council Chambers, 100 Main Street
Tuesday, June 2, 2031 7:00 PM
Regular Meeting
CALL TO ORDER
CONSENT CALENDAR
1.A 31-0201 Approve the Minutes of the Meeting of May 19, 2031
Recommendation: Approve the minutes as submitted.
"""
    + FOOTER.format(page=1),
    """City Council Notice and Agenda June 2, 2031
Award a Contract for Street Sweeping Services to Clean Streets
Incorporated for Three Years
1.B 31-0202
Recommendation: Award the contract in the amount of $90,000.
"""
    + FOOTER.format(page=2),
    """City Council Notice and Agenda June 2, 2031
PUBLIC HEARINGS/GENERAL BUSINESS
Adopt the Riverton Bicycle Plan
2 31-0210
Recommendation: Adopt the plan.
ADJOURNMENT
"""
    + FOOTER.format(page=3),
]

HAND_MADE_AGENDA = """CITY COUNCIL AGENDA FOR JULY 7, 2031
COUNCIL CHAMBERS - 2:00 P.M.
ROLL CALL
1. City Clerk calls the roll.
2. Pledge of Allegiance.
3. Res. that the lease of the river park kiosk to a local bakery is hereby approved.
(a) The Parks Board recommends approval.
4. Ord. to close the alley east of 12th Street.
"""


def minutes_of(text):
    pack = parse_pack([text])
    (minutes,) = pack.minutes
    return minutes


def test_city_council_minutes_give_the_meeting_roll_call_and_items():
    minutes = minutes_of(CITY_MINUTES)
    meeting = minutes.meeting
    assert (meeting.body, meeting.date, meeting.start_time) == (
        "Riverton City Council",
        datetime.date(2031, 6, 2),
        datetime.time(19, 0),
    )
    assert [(p.name, p.role, p.note) for p in minutes.attendance] == [
        ("Ortiz", "member", ""),
        ("Patel", "member", ""),
        ("Brooks", "member", ""),
        ("Dana Lee", "chair", "Mayor"),
        ("Nguyen", "absent", ""),
    ]
    assert [(m.number, m.title) for m in minutes.minutes] == [
        (
            "31-101",
            "Public Hearing to Consider a Parking Ordinance for the Harbor District and "
            "Authorize the City Manager to Sign the Related Agreements",
        ),
        ("31-102", "Recommendation to Accept the Annual Report of the Riverton Library"),
        ("31-103", "Adoption of the Budget Calendar"),
    ]


def test_a_roll_call_vote_is_recorded_with_mover_seconder_and_names():
    hearing = minutes_of(CITY_MINUTES).minutes[0]
    assert hearing.resolved == "Approve the staff recommendation."
    assert (hearing.outcome, hearing.mover, hearing.seconder) == ("carried", "Patel", "Brooks")
    assert (hearing.votes_for, hearing.votes_against) == (3, 1)
    assert [(vote.name, vote.vote) for vote in hearing.votes] == [
        ("Ortiz", "for"),
        ("Patel", "for"),
        ("Brooks", "against"),
        ("Lee", "for"),
    ]


def test_outcomes_printed_after_a_title_or_alone():
    _, library, calendar = minutes_of(CITY_MINUTES).minutes
    assert (library.outcome, library.resolved) == ("deferred", None)  # not heard: no decision
    assert (calendar.outcome, calendar.resolved) == ("carried", "Adoption of the Budget Calendar")
    assert (calendar.votes_for, calendar.votes_against) == (4, 0)


def test_an_item_not_heard_whose_title_wraps_has_its_whole_title_and_no_decision():
    text = CITY_MINUTES.replace(
        "(31-102) Recommendation to Accept the Annual Report of the Riverton Library. Not heard.",
        "(31-102) Recommendation to Provide Direction to Staff Regarding the Allocation of the\n"
        "Harbor Grant to Assist with Recovery from the Impacts of the Riverton Winter\n"
        "Storms. Not heard.",
    )
    library = minutes_of(text).minutes[1]
    assert library.title == (
        "Recommendation to Provide Direction to Staff Regarding the Allocation of the Harbor "
        "Grant to Assist with Recovery from the Impacts of the Riverton Winter Storms"
    )
    assert (library.outcome, library.resolved) == ("deferred", None)


def test_an_outcome_after_a_long_title_is_not_taken_into_it():
    text = CITY_MINUTES.replace(
        "(31-102) Recommendation to Accept the Annual Report of the Riverton Library. Not heard.",
        "(31-102) Recommendation to Accept the Annual Report of the Riverton Public Library\n"
        "Carried. The vote was unanimous, 4-0.",
    )
    library = minutes_of(text).minutes[1]
    assert (
        library.title == "Recommendation to Accept the Annual Report of the Riverton Public Library"
    )
    assert library.outcome == "carried"


def test_numbered_resolutions_with_mover_and_seconder():
    minutes = minutes_of(TOWNSHIP_MINUTES)
    assert (minutes.meeting.body, minutes.meeting.date) == ("Council", datetime.date(2030, 3, 4))
    assert [(p.name, p.role, p.note) for p in minutes.attendance] == [
        ("Ann Mills", "chair", "Reeve"),
        ("Bob Hart", "member", ""),
        ("Cy Young", "member", ""),
        ("Di Stone", "member", ""),
        ("Ed Wu", "apologies", ""),
        ("Fay Green", "in_attendance", "Clerk-Treasurer"),
    ]
    adopted, grader = minutes.minutes
    assert adopted.number == "R2030-041"
    assert (
        adopted.title
        == "That the minutes of the meeting held February 19, 2030 be adopted as circulated"
    )
    assert (adopted.outcome, adopted.mover, adopted.seconder) == ("carried", "B. Hart", "C. Young")
    assert grader.title == "THAT we buy a second grader from the lowest bidder"
    assert grader.resolved.endswith("The cost is to come from the equipment reserve.")
    assert grader.outcome == "rejected"


def test_parish_minutes_numbered_by_year_with_worded_resolutions():
    minutes = minutes_of(PARISH_MINUTES)
    assert (minutes.meeting.body, minutes.meeting.date, minutes.meeting.start_time) == (
        "Ashby Parish Council",
        datetime.date(2030, 3, 5),
        datetime.time(19, 30),
    )
    assert [(p.name, p.role, p.note) for p in minutes.attendance] == [
        ("Cllr J Smith", "chair", ""),
        ("Cllr P Jones", "member", ""),
        ("Cllr K Brown", "member", ""),
        ("Mrs L White", "in_attendance", "Clerk"),
    ]
    apologies, confirmed, planning = minutes.minutes
    assert [m.number for m in minutes.minutes] == ["30/041", "30/042", "30/043"]
    assert apologies.resolved is None
    assert confirmed.resolved == (
        "That the minutes of the meeting held on 6th February 2030 be signed."
    )
    assert planning.resolved == "To object to the plans for the old mill."


def test_a_legistar_agenda_reads_titles_printed_above_their_numbers():
    pack = parse_pack(LEGISTAR_PAGES)
    meeting = pack.meeting
    assert (meeting.body, meeting.date, meeting.start_time) == (
        "City Council",
        datetime.date(2031, 6, 2),
        datetime.time(19, 0),
    )
    assert [(item.number, item.title) for item in meeting.agenda_items] == [
        ("1.A", "Approve the Minutes of the Meeting of May 19, 2031"),
        (
            "1.B",
            "Award a Contract for Street Sweeping Services to Clean Streets Incorporated "
            "for Three Years",
        ),
        ("2", "Adopt the Riverton Bicycle Plan"),
    ]
    notes = " ".join(item.note for item in meeting.agenda_items)
    assert "Award a Contract" not in meeting.agenda_items[0].note
    assert "Printed on" not in notes and "Notice and Agenda" not in notes


def test_a_hand_made_agenda_holds_proposals_not_decisions():
    pack = parse_pack([HAND_MADE_AGENDA])
    assert (pack.meeting.body, pack.meeting.start_time) == ("City Council", datetime.time(14, 0))
    assert [item.number for item in pack.meeting.agenda_items] == ["1", "2", "3", "4"]
    assert pack.meeting.agenda_items[2].note == "(a) The Parks Board recommends approval."
    assert pack.minutes == []


def test_a_pack_with_the_last_meetings_draft_minutes_gives_both_meetings():
    agenda = HAND_MADE_AGENDA
    draft = CITY_MINUTES
    pack = parse_pack([agenda, draft])
    assert pack.meeting.date == datetime.date(2031, 7, 7)
    (minutes,) = pack.minutes
    assert (minutes.meeting.date, minutes.first_page, minutes.last_page) == (
        datetime.date(2031, 6, 2),
        2,
        2,
    )
    assert len(minutes.minutes) == 3


DISTRICT_MINUTES = """Minutes of the meeting of the Planning Committee held on Tuesday, 5 March 2030
at 7.00 pm in the Council Chamber, Civic Offices
PRESENT: Councillor A Reid (Chair), Councillor B Shaw and Councillor C Todd
Item 1 Apologies for absence
There were none.
Item 2 Land at Mill Lane
AGREED that planning permission be refused.
"""


def test_district_minutes_with_the_date_before_the_place_and_items_by_word():
    (minutes,) = parse_pack([DISTRICT_MINUTES]).minutes
    meeting = minutes.meeting
    assert (meeting.body, meeting.date, meeting.start_time, meeting.location) == (
        "Planning Committee",
        datetime.date(2030, 3, 5),
        datetime.time(19, 0),
        "Council Chamber, Civic Offices",
    )
    assert [(m.number, m.title, m.resolved) for m in minutes.minutes] == [
        ("1", "Apologies for absence", None),
        ("2", "Land at Mill Lane", "That planning permission be refused."),
    ]


COMMISSION_AGENDA = """CITY COMMISSION AGENDA
Monday, August 4, 2031 at 6:00 PM
ITEM NO. (1) CALL TO ORDER
ITEM NO. (2) Approval of the minutes of July 21, 2031
ITEM NO. (3) CONSENT AGENDA
*A. Approve the purchase of two mowers
*B. Accept the audit report
*C. Set a hearing on the water rates
ITEM NO. (4) ADJOURNMENT
"""

BOARD_AGENDA = """Harbor Board
Regular Meeting Agenda
Thursday, September 11, 2031
A. Call to Order
B. Public Comment
C. Approve the Harbor Master's Report
D. Adjourn
"""

SECTIONED_MINUTES = """Zoning Commission
Minutes
Wednesday, October 1, 2031
1. Preliminaries
1.1 Roll Call
1.2 Approval of the Agenda
2. Applications
2.1 Rezoning of 14 Elm Street
Motion carried 5-0.
2.2 Variance at 3 Oak Road
"""


def test_item_numbers_in_brackets_with_lettered_consent_items_under_them():
    meeting = parse_pack([COMMISSION_AGENDA]).meeting
    assert (meeting.body, meeting.date) == ("City Commission", datetime.date(2031, 8, 4))
    assert [(item.number, item.title) for item in meeting.agenda_items] == [
        ("1", "Call to Order"),
        ("2", "Approval of the minutes of July 21, 2031"),
        ("3", "Consent Agenda"),
        ("4", "Adjournment"),
    ]
    assert meeting.agenda_items[2].note.startswith("*A. Approve the purchase of two mowers")


def test_lettered_items():
    meeting = parse_pack([BOARD_AGENDA]).meeting
    assert meeting.body == "Harbor Board"
    assert [item.number for item in meeting.agenda_items] == ["A", "B", "C", "D"]


def test_two_level_numbers_run_on_from_one_section_to_the_next():
    (minutes,) = parse_pack([SECTIONED_MINUTES]).minutes
    assert minutes.meeting.body == "Zoning Commission"
    numbers = [m.number for m in minutes.minutes]
    assert numbers == ["1", "1.1", "1.2", "2", "2.1", "2.2"]  # the sections are items too
    assert minutes.minutes[numbers.index("2.1")].outcome == "carried"


def test_body_names_without_the_words_around_them():
    from meetings.ingest.frontsheet import body_named

    assert body_named(["MINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL"]) == "City Council"
    assert body_named(["Minutes of the Planning Committee Meeting"]) == "Planning Committee"
    assert body_named(["Agenda for the Finance Committee"]) == "Finance Committee"
    assert body_named(["MINUTES OF THE CITY COUNCIL OF THE CITY OF NORTHAM"]) == "City Council"


COUNTY_MINUTES = """MINUTES of a meeting of the Cabinet held in the Council Chamber, Shire Hall on
Thursday, 9 January 2031.
PRESENT: Mr A Hart (Chairman), Mrs B Cole and Mr C Dunn
IN ATTENDANCE: Dr E Fry (Director of Public Health) and Mr F Gale (Director of Strategy,
Policy and Corporate Assurance)
UNRESTRICTED ITEMS
1. Apologies
(Item 1)
None were received.
"""


def test_a_heading_after_the_attendance_list_is_not_part_of_the_last_role():
    (minutes,) = parse_pack([COUNTY_MINUTES]).minutes
    assert [(p.name, p.role, p.note) for p in minutes.attendance] == [
        ("Mr A Hart", "chair", ""),
        ("Mrs B Cole", "member", ""),
        ("Mr C Dunn", "member", ""),
        ("Dr E Fry", "in_attendance", "Director of Public Health"),
        ("Mr F Gale", "in_attendance", "Director of Strategy, Policy and Corporate Assurance"),
    ]


AGENDA_PACKET = [
    """City Council
Agenda
Tuesday, November 4, 2031
1. Call to Order
2. Approve the Minutes of October 21, 2031
3. Adopt the Sidewalk Repair Program
""",
    """STAFF REPORT
Sidewalk Repair Program
Background
The city has 40 miles of damaged sidewalk.
Recommendation
Adopt the program.
""",
]


def test_an_agenda_packet_with_staff_reports_is_read_as_its_agenda():
    pack = parse_pack(AGENDA_PACKET)
    assert pack.meeting.body == "City Council"
    assert [item.number for item in pack.meeting.agenda_items] == ["1", "2", "3"]


LONG_TITLES = """Minutes of the Meeting of Eastby Parish Council held on
Monday 2nd June 2031 at 7.00pm in the Pavilion
31/061 Planning application 31/0012 for two houses on land east of Mill Lane
The clerk read the comments of neighbours, who objected to the loss of the hedge.
It was resolved to object to the application.
31/062 Grass cutting contract for the playing field and the churchyard for 2031
and 2032
It was resolved to accept the quote from Green Cuts.
"""


def test_a_long_title_ends_where_the_minute_begins():
    (minutes,) = parse_pack([LONG_TITLES]).minutes
    assert [m.title for m in minutes.minutes] == [
        "Planning application 31/0012 for two houses on land east of Mill Lane",
        "Grass cutting contract for the playing field and the churchyard for 2031 and 2032",
    ]


NAMES_IN_COLUMNS = """Harbor Board
Minutes
Thursday, October 9, 2031
Members Present
Ana Cruz, Chair
Ben Ode
Cy Park
Members Absent
Dee Quinn
Staff Present
Eve Ross, Harbor Master
1. Call to Order
2. Approve the Minutes of September 11, 2031
Motion carried 3-0.
"""


def test_attendance_one_name_a_line_under_a_heading():
    (minutes,) = parse_pack([NAMES_IN_COLUMNS]).minutes
    assert [(p.name, p.role, p.note) for p in minutes.attendance] == [
        ("Ana Cruz", "chair", ""),
        ("Ben Ode", "member", ""),
        ("Cy Park", "member", ""),
        ("Dee Quinn", "absent", ""),
        ("Eve Ross", "in_attendance", "Harbor Master"),
    ]


def test_a_minutes_header_in_capitals_names_the_body_as_a_title():
    text = (
        "MINUTES OF THE MEETING OF THE PLANNING COMMITTEE\n"
        "HELD ON WEDNESDAY 5 MARCH 2031 AT 7.00PM IN THE COUNCIL CHAMBER\n"
        "PRESENT: Councillor A Reid (Chair)\n"
        "1. Apologies\nNone.\n2. Minutes\nRESOLVED that the minutes be signed.\n"
    )
    (minutes,) = parse_pack([text]).minutes
    assert (minutes.meeting.body, minutes.meeting.date, minutes.meeting.start_time) == (
        "Planning Committee",
        datetime.date(2031, 3, 5),
        datetime.time(19, 0),
    )
    assert [m.number for m in minutes.minutes] == ["1", "2"]


def test_a_roll_call_taken_as_an_item_is_who_attended():
    minutes = minutes_of(
        "CITY OF RIVERTON\nMINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL\nFebruary 4, 2031\n"
        "1. CALL TO ORDER\nMayor Lee called the meeting to order at 6:00 p.m.\n2. ROLL CALL\n"
        "Present: Mayor Jane Lee, Council Members Tom Ruiz, Ann Park\n"
        "Absent: Council Member Sue Diaz\n3. APPROVAL OF MINUTES\n"
        "Council Member Ruiz moved to approve the minutes. Council Member Park seconded the "
        "motion. Motion carried 3-0.\n"
    )
    assert [(p.name, p.role) for p in minutes.attendance] == [
        ("Jane Lee", "chair"),
        ("Tom Ruiz", "member"),
        ("Ann Park", "member"),
        ("Sue Diaz", "absent"),
    ]


def test_a_committee_of_a_town_council_summoned_to_meet_on_a_day_is_that_committee():
    summons = (
        "GREAT ASHBY TOWN COUNCIL\nDear Councillor,\nYou are summoned to attend the meeting of "
        "the Finance Committee of Great Ashby Town Council on Thursday 16 January 2031 at 7pm "
        "at the Town Hall.\nBusiness to be transacted:\n1. Apologies for absence\n"
        "2. Declarations of interest\n3. Budget 2031/32\n"
    )
    meeting = parse_pack([summons]).meeting
    assert (meeting.body, meeting.date) == ("Finance Committee", datetime.date(2031, 1, 16))
    assert [item.title for item in meeting.agenda_items] == [
        "Apologies for absence",
        "Declarations of interest",
        "Budget 2031/32",
    ]


def test_a_heading_that_starts_with_its_date_still_says_minutes():
    text = "HIGHWAYS PARISH COUNCIL\n3 March 2031 Minutes\n1. Apologies\nNone.\n"
    text += "2. Minutes of the last meeting\nThese were approved.\n3. Planning\nNo applications.\n"
    (minutes,) = parse_pack([text]).minutes  # no attendance, no decision: only the heading says
    assert (minutes.meeting.date, len(minutes.minutes)) == (datetime.date(2031, 3, 3), 3)
