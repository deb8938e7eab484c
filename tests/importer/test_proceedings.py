"""Minutes and agendas of other house styles: a heading, then numbered items.

The documents here are made up in the styles of US city councils, Canadian townships,
Legistar agendas and English parish councils; no real council's words are copied.
"""

import datetime

import pytest

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
        ("3.A", "Approve the purchase of two mowers"),  # lettered under item 3: its sub-items
        ("3.B", "Accept the audit report"),
        ("3.C", "Set a hearing on the water rates"),
        ("4", "Adjournment"),
    ]
    assert [item.printed_number for item in meeting.agenda_items[3:6]] == ["A", "B", "C"]


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


SHIRE_MINUTES = """SHIRE OF WATTLE CREEK
MINUTES
Ordinary Council Meeting
Held in the Council Chambers, 14 Main Street, Wattle Creek
on Wednesday 19 November 2031 commencing at 9.00am

1. DECLARATION OF OPENING
The Shire President declared the meeting open at 9.02am.

2. ATTENDANCE, APOLOGIES AND LEAVE OF ABSENCE
Present:
Cr J Smith (Shire President)
Cr A Jones (Deputy Shire President)
Cr P Nguyen
Cr L Walker
Staff:
Mr D Brown Chief Executive Officer
Apologies:
Cr M O'Neill

3. CONFIRMATION OF MINUTES OF PREVIOUS MEETINGS
3.1 Ordinary Council Meeting held 15 October 2031
COUNCIL RESOLUTION 2031/112
Moved Cr Jones, Seconded Cr Nguyen
That the Minutes of the Ordinary Council Meeting held 15 October 2031 be confirmed as a true
and correct record.
CARRIED 4/0

4. PUBLIC QUESTION TIME
Nil.

5. REPORTS OF OFFICERS
5.1 CORPORATE SERVICES
5.1.1 Monthly Financial Report - October 2031
COUNCIL RESOLUTION 2031/113
Moved Cr Walker, Seconded Cr Jones
That Council receives the Monthly Financial Report for the period ending 31 October 2031.
CARRIED 4/0
5.1.2 List of Accounts Paid - October 2031
COUNCIL RESOLUTION 2031/114
Moved Cr Nguyen, Seconded Cr Walker
That Council endorses the payments totalling $1,245,332.10 as listed in the attachment.
CARRIED 3/1
5.2 INFRASTRUCTURE SERVICES
5.2.1 Road Closure - Old Mill Road
OFFICER RECOMMENDATION
That Council permanently closes a portion of Old Mill Road.
COUNCIL RESOLUTION 2031/115
Moved Cr Walker, Seconded Cr Jones
That the item be deferred to the December 2031 Ordinary Council Meeting.
CARRIED 4/0

6. CLOSURE
There being no further business the Shire President declared the meeting closed at 10.14am.
"""


def test_an_outline_three_levels_deep_with_each_motion_under_its_own_item():
    pack = parse_pack([SHIRE_MINUTES])
    assert pack.council.name == "Shire of Wattle Creek"
    (minutes,) = pack.minutes
    assert (minutes.meeting.date, minutes.meeting.start_time) == (
        datetime.date(2031, 11, 19),
        datetime.time(9, 0),
    )
    assert [m.number for m in minutes.minutes] == [
        "1", "2", "3", "3.1", "4", "5", "5.1", "5.1.1", "5.1.2", "5.2", "5.2.1", "6",
    ]  # fmt: skip
    decided = {
        m.number: (m.resolved, m.outcome, m.mover, m.seconder, m.votes_for, m.votes_against)
        for m in minutes.minutes
        if m.resolved
    }
    assert decided == {
        "3.1": (
            "That the Minutes of the Ordinary Council Meeting held 15 October 2031 be confirmed "
            "as a true and correct record.",
            "carried", "Jones", "Nguyen", 4, 0,
        ),
        "5.1.1": (
            "That Council receives the Monthly Financial Report for the period ending 31 "
            "October 2031.",
            "carried", "Walker", "Jones", 4, 0,
        ),
        "5.1.2": (
            "That Council endorses the payments totalling $1,245,332.10 as listed in the "
            "attachment.",
            "carried", "Nguyen", "Walker", 3, 1,
        ),
        "5.2.1": (
            "That the item be deferred to the December 2031 Ordinary Council Meeting.",
            "carried", "Walker", "Jones", 4, 0,
        ),
    }  # fmt: skip
    assert [(p.name, p.role, p.note) for p in minutes.attendance] == [
        ("J Smith", "chair", "Shire President"),
        ("A Jones", "member", "Deputy Shire President"),
        ("P Nguyen", "member", ""),
        ("L Walker", "member", ""),
        ("Mr D Brown", "in_attendance", "Chief Executive Officer"),
        ("M O'Neill", "apologies", ""),
    ]


COUNTY_BOARD_MINUTES = """Harlan County
Meeting Minutes
Board of County Commissioners
Tuesday, October 7, 2031                    9:30 AM                    Commission Chambers

CALL TO ORDER
Present: 4 - Commissioner Ruth Akers, Commissioner Dale Benson, Commissioner Maria Cortez and
Commissioner Jim Dorsey

APPROVAL OF MINUTES
31-0871 Approval of the minutes of the regular meeting of September 23, 2031.
A motion was made by Commissioner Benson, seconded by Commissioner Cortez, that this matter be
Approved. The motion carried by the following vote:
Aye: 4 - Commissioner Akers, Commissioner Benson, Commissioner Cortez and Commissioner Dorsey

CONSENT AGENDA
31-0872 Resolution authorizing the purchase of two snowplow trucks.
A motion was made by Commissioner Dorsey, seconded by Commissioner Akers, that this matter be
Adopted. The motion carried by the following vote:
Aye: 3 - Commissioner Akers, Commissioner Benson and Commissioner Dorsey
Nay: 1 - Commissioner Cortez
31-0873 Agreement with Harlan Soil and Water District for stormwater services.
This matter was Tabled.

NEW BUSINESS
31-0880 Ordinance amending Chapter 12 of the County Code regarding solid waste fees.
A motion was made by Commissioner Akers, seconded by Commissioner Benson, that this matter be
Adopted. The motion failed by the following vote:
Aye: 2 - Commissioner Akers and Commissioner Benson
Nay: 2 - Commissioner Cortez and Commissioner Dorsey

ADJOURNMENT
The meeting was adjourned at 10:47 AM.
"""


def test_file_numbers_that_do_not_count_up_each_with_its_title_motion_and_vote():
    (minutes,) = parse_pack([COUNTY_BOARD_MINUTES]).minutes
    assert minutes.meeting.body == "Board of County Commissioners"
    assert [p.name for p in minutes.attendance] == [
        "Ruth Akers", "Dale Benson", "Maria Cortez", "Jim Dorsey"
    ]  # fmt: skip
    assert [(m.number, m.title) for m in minutes.minutes] == [
        ("31-0871", "Approval of the minutes of the regular meeting of September 23, 2031"),
        ("31-0872", "Resolution authorizing the purchase of two snowplow trucks"),
        ("31-0873", "Agreement with Harlan Soil and Water District for stormwater services"),
        ("31-0880", "Ordinance amending Chapter 12 of the County Code regarding solid waste fees"),
    ]
    decisions = [
        (m.outcome, m.mover, m.seconder, m.votes_for, m.votes_against) for m in minutes.minutes
    ]
    assert decisions == [
        ("carried", "Benson", "Cortez", 4, 0),
        ("carried", "Dorsey", "Akers", 3, 1),
        ("deferred", "", "", None, None),  # tabled: no decision, nobody moved it
        ("rejected", "Akers", "Benson", 2, 2),
    ]
    assert minutes.minutes[2].resolved is None
    assert [(v.name, v.vote) for v in minutes.minutes[3].votes] == [
        ("Akers", "for"), ("Benson", "for"), ("Cortez", "against"), ("Dorsey", "against")
    ]  # fmt: skip


COUNTY_COUNCIL_MINUTES = """MEATH COUNTY COUNCIL
Minutes of the Monthly Meeting of Meath County Council held in the Council Chamber,
Buvinda House, Navan, on Monday 3rd March 2031 at 2.00 p.m.

Cathaoirleach: Cllr. Paddy Meade
Members Present: Cllr. Tom Behan, Cllr. Sharon Tolan, Cllr. Alan Lawes, Cllr. Noel French
Officials Present: Ms. Jackie Maguire, Chief Executive; Mr. Fergal Doyle, Meetings Administrator
Apologies: Cllr. Eddie Fennessy

1. Confirmation of Minutes
On the proposal of Cllr. Tolan, seconded by Cllr. Behan, the minutes of the Monthly Meeting held
on 3rd February 2031 were confirmed.

2. Disposal of Land at Kells Road, Navan
The Members considered the proposed disposal under Section 183 of the Local Government Act 2001.
Proposed by Cllr. Lawes, Seconded by Cllr. French, it was agreed to approve the disposal.

3. Notice of Motion - Cllr. Noel French
"That Meath County Council calls on the Minister to fund the N2 upgrade."
Proposed by Cllr. French, Seconded by Cllr. Lawes.
The motion was put to a vote: For 25, Against 8, Abstain 2. The Cathaoirleach declared the
motion carried.

The meeting concluded at 4.30 p.m.
"""


def test_an_irish_county_councils_minutes_with_its_chair_officials_and_proposals():
    (minutes,) = parse_pack([COUNTY_COUNCIL_MINUTES]).minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Meath County Council",
        datetime.date(2031, 3, 3),
    )
    assert [(p.name, p.role, p.note) for p in minutes.attendance] == [
        ("Cllr. Paddy Meade", "chair", ""),
        ("Cllr. Tom Behan", "member", ""),
        ("Cllr. Sharon Tolan", "member", ""),
        ("Cllr. Alan Lawes", "member", ""),
        ("Cllr. Noel French", "member", ""),
        ("Ms. Jackie Maguire", "in_attendance", "Chief Executive"),
        ("Mr. Fergal Doyle", "in_attendance", "Meetings Administrator"),
        ("Cllr. Eddie Fennessy", "apologies", ""),
    ]
    decisions = [
        (m.resolved, m.mover, m.seconder, m.votes_for, m.votes_against, m.votes_abstained)
        for m in minutes.minutes
    ]
    assert decisions == [
        (
            "The minutes of the Monthly Meeting held on 3rd February 2031 were confirmed.",
            "Tolan", "Behan", None, None, None,
        ),
        ("To approve the disposal.", "Lawes", "French", None, None, None),
        (
            '"That Meath County Council calls on the Minister to fund the N2 upgrade."',
            "French", "Lawes", 25, 8, 2,
        ),
    ]  # fmt: skip


TOWN_COUNCIL_MINUTES = """BRIDGEFORD TOWN COUNCIL
Minutes of the Full Council Meeting held on Tuesday 2nd December 2031
at 7.00pm in the Council Chamber, Town Hall

Present: Cllr S Hughes (Town Mayor, in the Chair), Cllr P Davies, Cllr R Ahmed, Cllr K Lewis
In attendance: Mrs J Evans (Town Clerk), 3 members of the public

31/145 APOLOGIES FOR ABSENCE
Apologies were received and accepted from Cllr B Lloyd.
31/146 PRECEPT 2032/33
The Clerk presented the draft budget.
RESOLVED: to set a precept of £245,000 for 2032/33.
Proposed: Cllr Davies Seconded: Cllr Ahmed. 3 in favour, 1 against.
31/147 CHRISTMAS LIGHTS
Members noted the update from the working group.
"""


def test_a_chair_named_in_brackets_and_the_vote_printed_after_the_resolution():
    (minutes,) = parse_pack([TOWN_COUNCIL_MINUTES]).minutes
    assert [(p.name, p.role, p.note) for p in minutes.attendance][:2] == [
        ("Cllr S Hughes", "chair", "Town Mayor, in the Chair"),
        ("Cllr P Davies", "member", ""),
    ]
    precept = minutes.minutes[1]
    assert (precept.number, precept.resolved, precept.mover, precept.seconder) == (
        "31/146",
        "To set a precept of £245,000 for 2032/33.",
        "Davies",
        "Ahmed",
    )
    assert (precept.votes_for, precept.votes_against) == (3, 1)


def test_consecutive_file_numbers_keep_their_titles_and_invent_no_mover():
    text = COUNTY_BOARD_MINUTES.replace("31-0880", "31-0874")  # the numbers now count up
    (minutes,) = parse_pack([text]).minutes
    tabled = minutes.minutes[2]
    assert (tabled.number, tabled.title) == (
        "31-0873",
        "Agreement with Harlan Soil and Water District for stormwater services",
    )
    assert (tabled.outcome, tabled.mover, tabled.seconder, tabled.resolved) == (
        "deferred", "", "", None
    )  # fmt: skip


TOWN_AGENDA = """THE CORPORATION OF THE TOWN OF PINE HARBOUR
REGULAR COUNCIL MEETING
AGENDA
Date: Monday, March 10, 2031
Time: 6:00 p.m.
Location: Council Chambers, 55 King Street West

1. Call to Order
2. Disclosure of Pecuniary Interest
3. Adoption of Minutes
3.1 Regular Council Meeting - February 24, 2031
Recommended Resolution No. 2031-041:
THAT the minutes of the Regular Council meeting held February 24, 2031 be adopted.
4. Staff Reports
4.1 Report FIN-2031-03, 2031 Operating and Capital Budget
5. Adjournment
"""


def test_an_agenda_with_labelled_date_time_and_location():
    meeting = parse_pack([TOWN_AGENDA]).meeting
    assert (meeting.date, meeting.start_time, meeting.location) == (
        datetime.date(2031, 3, 10),
        datetime.time(18, 0),
        "Council Chambers, 55 King Street West",
    )
    assert [item.number for item in meeting.agenda_items] == [
        "1", "2", "3", "3.1", "4", "4.1", "5"
    ]  # fmt: skip
    assert not any(item.title.startswith("Recommended") for item in meeting.agenda_items)


DISTRICT_COUNCIL_MINUTES = """Minutes of Kōwhai District Council
Ordinary Council Meeting
Thursday, 11 December 2031 at 10.00am

Present: Mayor Helen Parata (Chairperson), Deputy Mayor Grant McKay, Crs Aroha Tane and Simon Reid
In Attendance: Chief Executive (Paul Hartley), Group Manager Finance (Lisa Chen)

1 Apologies
Resolution number CO/2031/141
Moved: Cr Aroha Tane
Seconded: Deputy Mayor Grant McKay
That the apology from Cr Wiremu Hona be received and accepted.
CARRIED

2 Confirmation of Minutes
Resolution number CO/2031/142
Moved: Cr Simon Reid
Seconded: Cr Aroha Tane
That the minutes of the Ordinary Council Meeting held on 13 November 2031 be confirmed as a true
and correct record.
CARRIED

3 Long Term Plan Consultation Document
Resolution number CO/2031/143
Moved: Mayor Helen Parata
Seconded: Cr Aroha Tane
That the Council:
a) receives the report; and
b) adopts the Consultation Document for public consultation.
For: Mayor Parata, Deputy Mayor McKay and Cr Tane
Against: Cr Reid
CARRIED 3/1
"""


def test_a_district_councils_resolutions_with_labelled_movers_and_their_clauses():
    pack = parse_pack([DISTRICT_COUNCIL_MINUTES])
    assert pack.council.name == "Kōwhai District Council"
    (minutes,) = pack.minutes
    assert [(p.name, p.role, p.note) for p in minutes.attendance] == [
        ("Helen Parata", "chair", "Mayor"),
        ("Grant McKay", "member", "Deputy Mayor"),
        ("Aroha Tane", "member", ""),
        ("Simon Reid", "member", ""),
        ("Paul Hartley", "in_attendance", "Chief Executive"),
        ("Lisa Chen", "in_attendance", "Group Manager Finance"),
    ]
    decisions = [(m.resolved, m.outcome, m.mover, m.seconder) for m in minutes.minutes]
    assert decisions == [
        (
            "That the apology from Cr Wiremu Hona be received and accepted.",
            "carried", "Aroha Tane", "Grant McKay",
        ),
        (
            "That the minutes of the Ordinary Council Meeting held on 13 November 2031 be "
            "confirmed as a true and correct record.",
            "carried", "Simon Reid", "Aroha Tane",
        ),
        (
            "That the Council: a) receives the report; and b) adopts the Consultation Document "
            "for public consultation.",
            "carried", "Helen Parata", "Aroha Tane",
        ),
    ]  # fmt: skip
    assert (minutes.minutes[2].votes_for, minutes.minutes[2].votes_against) == (3, 1)


WATER_DISTRICT_MINUTES = """MINUTES OF THE REGULAR MEETING OF THE BOARD OF DIRECTORS
OF THE CEDAR VALLEY WATER DISTRICT
June 17, 2031

The regular meeting of the Board of Directors of the Cedar Valley Water District was held on
Tuesday, June 17, 2031 at the District Office. President Linda Ortiz called the meeting to order
at 6:00 p.m.

DIRECTORS PRESENT: Linda Ortiz, President; Mark Feld, Vice President; Susan Greer; Tom Hale
DIRECTORS ABSENT: Raj Mehta
STAFF PRESENT: Dana Wu, General Manager

PUBLIC COMMENT
None.

CONSENT CALENDAR
Director Greer moved and Director Hale seconded to approve the Consent Calendar. The motion passed
unanimously by those present.

ACTION ITEMS
Resolution 2031-07 Adopting the Fiscal Year 2031-32 Budget
General Manager Wu presented the proposed budget. Director Feld moved to adopt Resolution 2031-07.
Director Greer seconded the motion. The motion passed
3-1-1 (Hale opposed, Mehta absent).

Award of Contract for Tank 3 Recoating
Director Hale moved to table the item until the July meeting; Director Feld seconded. Motion carried
4-0-1.
"""


def test_unnumbered_items_under_their_headings_each_closed_by_its_motion():
    (minutes,) = parse_pack([WATER_DISTRICT_MINUTES]).minutes
    assert [(p.name, p.role) for p in minutes.attendance] == [
        ("Linda Ortiz", "chair"), ("Mark Feld", "member"), ("Susan Greer", "member"),
        ("Tom Hale", "member"), ("Raj Mehta", "absent"), ("Dana Wu", "in_attendance"),
    ]  # fmt: skip
    assert [
        (m.title, m.resolved, m.outcome, m.mover, m.seconder, m.votes_for, m.votes_against)
        for m in minutes.minutes
    ] == [
        ("Consent Calendar", "To approve the Consent Calendar.", "carried", "Greer", "Hale",
         None, None),
        ("Resolution 2031-07 Adopting the Fiscal Year 2031-32 Budget", "Adopt Resolution 2031-07.",
         "carried", "Feld", "Greer", 3, 1),
        ("Award of Contract for Tank 3 Recoating", "Table the item until the July meeting",
         "carried", "Hale", "Feld", 4, 0),
    ]  # fmt: skip


def test_the_attendance_lists_before_the_first_motion_are_no_items_votes():
    text = WATER_DISTRICT_MINUTES.replace("PUBLIC COMMENT\nNone.\n\nCONSENT CALENDAR\n", "")
    first = parse_pack([text]).minutes[0].minutes[0]
    assert (first.mover, first.votes, first.votes_for) == ("Greer", [], None)


BOARD_OF_TRUSTEES_MINUTES = """CHARTER TOWNSHIP OF MAPLE GROVE
BOARD OF TRUSTEES
REGULAR MEETING MINUTES
JANUARY 13, 2032

1. CALL TO ORDER
Supervisor Kline called the meeting to order at 7:00 p.m.
2. ROLL CALL
Present: Kline, Ostrowski, Patel, Reyes
3. APPROVAL OF AGENDA
Motion by Patel, support by Reyes, to approve the agenda as presented. Motion carried 4-0.
4. NEW BUSINESS
A. Fire Department Equipment Purchase
Motion by Ostrowski, support by Patel, to approve the purchase of thermal imaging cameras.
Motion carried 3-1.
B. Rezoning Request RZ-31-07, 4400 Lakeshore Drive
Motion by Reyes, support by Patel, to postpone the rezoning request to February 10, 2032. Motion
carried 4-0.
5. ADJOURNMENT
"""


def test_lettered_items_under_a_numbered_one_each_with_its_motion():
    (minutes,) = parse_pack([BOARD_OF_TRUSTEES_MINUTES]).minutes
    assert [(m.number, m.printed_number, m.mover, m.votes_for) for m in minutes.minutes] == [
        ("1", "", "", None), ("2", "", "", None), ("3", "", "Patel", 4), ("4", "", "", None),
        ("4.A", "A", "Ostrowski", 3), ("4.B", "B", "Reyes", 4), ("5", "", "", None),
    ]  # fmt: skip
    assert minutes.minutes[5].resolved == "To postpone the rezoning request to February 10, 2032."


PLANNING_AGENDA = """CITY OF RIVERBEND
PLANNING COMMISSION
REGULAR MEETING AGENDA
Thursday, February 5, 2032 - 6:30 PM

CALL TO ORDER
PUBLIC HEARINGS
PC 2032-01 Conditional Use Permit - 812 Elm Street (Riverbend Brewing Co.)
Request for a conditional use permit to operate a taproom in the C-2 district.
PC 2032-02 Variance - 45 Ash Court
Request for a 5-foot rear yard setback variance.
NEW BUSINESS
Z 2032-03 Zoning Text Amendment - Accessory Dwelling Units
ADJOURNMENT
"""


def test_a_planning_agenda_whose_items_are_its_applications():
    meeting = parse_pack([PLANNING_AGENDA]).meeting
    assert (meeting.body, meeting.date) == ("Planning Commission", datetime.date(2032, 2, 5))
    assert [(item.number, item.title, item.note) for item in meeting.agenda_items] == [
        ("PC 2032-01", "Conditional Use Permit - 812 Elm Street (Riverbend Brewing Co.)",
         "Request for a conditional use permit to operate a taproom in the C-2 district."),
        ("PC 2032-02", "Variance - 45 Ash Court",
         "Request for a 5-foot rear yard setback variance."),
        ("Z 2032-03", "Zoning Text Amendment - Accessory Dwelling Units", ""),
    ]  # fmt: skip


TOWN_MINUTES = """THE CORPORATION OF THE TOWN OF PINE HARBOUR
MINUTES OF THE REGULAR MEETING OF COUNCIL
Monday, March 10, 2031 at 6:00 p.m.

Present: Mayor Janet Lowe, Deputy Mayor Raj Singh, Councillors Ed Park and Mia Brooks
Staff: Tom Hardy, CAO; Kim Vo, Clerk

1. CALL TO ORDER
2. STAFF REPORTS
2.1 Report FIN-2031-03, 2031 Operating and Capital Budget
Resolution No. 2031-042
Moved by: Deputy Mayor Singh
Seconded by: Councillor Brooks
THAT Council approve the 2031 Operating and Capital Budget as presented.
Recorded Vote:
In Favour: Mayor Lowe, Deputy Mayor Singh and Councillor Brooks
Opposed: Councillor Park
CARRIED
2.2 Report PW-2031-07, Tender Award - Bayview Road Reconstruction
Resolution No. 2031-043
Moved by: Councillor Brooks
Seconded by: Councillor Park
THAT the tender be deferred to the April 14, 2031 meeting.
DEFEATED
3. ADJOURNMENT
"""


def test_a_resolutions_number_under_an_items_title_is_not_the_titles_end():
    (minutes,) = parse_pack([TOWN_MINUTES]).minutes
    assert [(p.name, p.note) for p in minutes.attendance][-2:] == [
        ("Tom Hardy", "CAO"),
        ("Kim Vo", "Clerk"),
    ]
    assert [(m.number, m.title, m.outcome) for m in minutes.minutes] == [
        ("1", "Call to Order", ""),
        ("2", "Staff Reports", ""),
        ("2.1", "Report FIN-2031-03, 2031 Operating and Capital Budget", "carried"),
        ("2.2", "Report PW-2031-07, Tender Award - Bayview Road Reconstruction", "rejected"),
        ("3", "Adjournment", ""),
    ]
    assert [(v.name, v.vote) for v in minutes.minutes[2].votes] == [
        ("Lowe", "for"), ("Singh", "for"), ("Brooks", "for"), ("Park", "against")
    ]  # fmt: skip


SCHOOL_BOARD_MINUTES = """OAK HILLS UNIFIED SCHOOL DISTRICT
Board of Education
Minutes of the Regular Meeting
September 9, 2031

1.0 CALL TO ORDER
1.1 Roll Call
Members present: Dana Ruiz, Ken Oduya, Priya Nair, Sam Cole
1.2 Approval of Agenda
Motion: Trustee Nair; Second: Trustee Cole; Vote: 4-0
2.0 CONSENT ITEMS
2.1 Approval of Minutes of August 26, 2031
2.2 Approval of Warrants
Motion: Trustee Oduya; Second: Trustee Ruiz; Vote: 4-0
3.0 ACTION ITEMS
3.1 Adoption of Resolution 31-32-06, Gann Limit
Motion: Trustee Cole; Second: Trustee Ruiz; Vote: 3-1
4.0 ADJOURNMENT
"""


def test_sections_numbered_n_point_0_head_their_items():
    (minutes,) = parse_pack([SCHOOL_BOARD_MINUTES]).minutes
    assert [(m.number, m.title) for m in minutes.minutes] == [
        ("1.0", "Call to Order"), ("1.1", "Roll Call"), ("1.2", "Approval of Agenda"),
        ("2.0", "Consent Items"), ("2.1", "Approval of Minutes of August 26, 2031"),
        ("2.2", "Approval of Warrants"), ("3.0", "Action Items"),
        ("3.1", "Adoption of Resolution 31-32-06, Gann Limit"), ("4.0", "Adjournment"),
    ]  # fmt: skip
    assert (minutes.minutes[7].mover, minutes.minutes[7].votes_for) == ("Cole", 3)


ENGLISH_COMMITTEE_AGENDA = """Thornbury Borough Council
Licensing Committee
Agenda
Date: Wednesday, 12 November 2031
Time: 6.30 pm
Venue: Committee Room 2, Town Hall, Thornbury

1. Apologies for absence
2. Declarations of interest
To receive any declarations of interest from members.
3. Minutes of the last meeting (Pages 5 - 12)
To approve the minutes of the meeting held on 8 October 2031.
4. Licensing Act 2003 applications (Pages 13 - 40)
(a) The Red Lion, High Street (Pages 13 - 26)
(b) Thornbury Food Market, Bridge Road (Pages 27 - 40)
5. Street Trading Policy Review (Pages 41 - 58)
Part 2 - Exempt Information
6. Exclusion of the press and public
To resolve that the press and public be excluded from the meeting for the following item on the
grounds that it involves the likely disclosure of exempt information as defined in paragraph 1
of Part 1 of Schedule 12A to the Local Government Act 1972.
7. Review of a Private Hire Driver's Licence (Exempt under Paragraph 1) (Pages 59 - 66)
8. Any other business
"""


def test_an_english_agenda_keeps_page_references_out_of_titles_and_marks_its_exempt_part():
    meeting = parse_pack([ENGLISH_COMMITTEE_AGENDA]).meeting
    assert [
        (item.number, item.title, item.first_page, item.last_page, item.exempt)
        for item in meeting.agenda_items
    ] == [
        ("1", "Apologies for absence", None, None, False),
        ("2", "Declarations of interest", None, None, False),
        ("3", "Minutes of the last meeting", 5, 12, False),
        ("4", "Licensing Act 2003 applications", 13, 40, False),
        ("5", "Street Trading Policy Review", 41, 58, False),
        ("6", "Exclusion of the press and public", None, None, False),
        ("7", "Review of a Private Hire Driver's Licence", 59, 66, True),
        ("8", "Any other business", None, None, True),
    ]  # fmt: skip
    items = meeting.agenda_items
    assert items[4].note == ""  # the exempt part's heading is not item 5's
    assert items[6].note == "Exempt under Paragraph 1"
    assert items[3].note.startswith("(a) The Red Lion, High Street (Pages 13 - 26)")


CITY_MINUTES_WITH_DISSENTERS = """CITY OF OAKHAVEN
CITY COUNCIL MINUTES
Regular Meeting
Tuesday, September 9, 2031

Present: Mayor Ruth Kim, Councilmembers Tom Walsh, Ana Diaz, Lee Park, Sam Cho, Eva Ross
and Will Hunt.

1. Approval of the Agenda
Councilmember Diaz moved to approve the agenda. Councilmember Park seconded. Motion carried 6-1
(Walsh).
2. Sidewalk Repair Contract
Councilmember Cho moved to award the sidewalk repair contract to Ace Concrete. Councilmember
Ross seconded. Motion passed 5-2, Walsh and Hunt opposed.
"""


def test_the_dissenters_named_after_a_count_are_each_recorded_against():
    (minutes,) = parse_pack([CITY_MINUTES_WITH_DISSENTERS]).minutes
    assert [
        (m.votes_for, m.votes_against, [(v.name, v.vote) for v in m.votes]) for m in minutes.minutes
    ] == [
        (6, 1, [("Walsh", "against")]),
        (5, 2, [("Walsh", "against"), ("Hunt", "against")]),
    ]


FISCAL_COURT_MINUTES = """HARLAN COUNTY FISCAL COURT
REGULAR MEETING MINUTES
March 18, 2031

The Harlan County Fiscal Court met in regular session on Tuesday, March 18, 2031 at 10:00 a.m.
in the Fiscal Courtroom of the Harlan County Courthouse.

Present: Judge/Executive Dan Mosley, Magistrates Jim Roaden, Bill Miller, Joe Grieshop and
Paul Lewis.

1. Call to order
Judge/Executive Mosley called the meeting to order.
2. Approval of minutes
Magistrate Roaden moved to approve the minutes of March 4, 2031. Magistrate Miller seconded.
Motion carried 4-0.
3. Road department bids
Magistrate Lewis moved to accept the low bid for blacktop from Mountain Paving. Magistrate
Grieshop seconded. Motion carried 3-1 (Miller).
4. Adjournment
"""


def test_a_county_named_by_its_fiscal_court_with_its_magistrates_motions():
    pack = parse_pack([FISCAL_COURT_MINUTES])
    assert (pack.council.name, pack.council.place, pack.council.tier) == (
        "Harlan County", "Harlan", "county"
    )  # fmt: skip
    (minutes,) = pack.minutes
    assert (minutes.meeting.body, minutes.meeting.date, minutes.meeting.location) == (
        "Harlan County Fiscal Court",
        datetime.date(2031, 3, 18),
        "Fiscal Courtroom of the Harlan County Courthouse",
    )
    assert [p.name for p in minutes.attendance] == [
        "Dan Mosley", "Jim Roaden", "Bill Miller", "Joe Grieshop", "Paul Lewis"
    ]  # fmt: skip
    assert [(m.number, m.mover, m.seconder, m.votes_for) for m in minutes.minutes] == [
        ("1", "", "", None), ("2", "Roaden", "Miller", 4), ("3", "Lewis", "Grieshop", 3),
        ("4", "", "", None),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("heading", "council"),
    [
        ("Pike County\nBOARD OF COUNTY COMMISSIONERS\nRegular Meeting Minutes", "Pike County"),
        ("Board of County Commissioners of Pike County\nAgenda", "Pike County"),
        ("PIKE COUNTY BOARD OF SUPERVISORS\nAgenda", "Pike County"),
        # a county named alone, or in passing, is no council
        ("Pike County\nBOARD OF EDUCATION\nAgenda", None),
        (
            "Board of Education\nAgenda\n"
            + "\n" * 20
            + "A letter from the Pike County Commission.",
            None,
        ),
    ],
)
def test_a_county_is_the_council_only_where_its_governing_body_heads_the_document(heading, council):
    found = parse_pack([heading]).council
    assert (found.name if found else None) == council


SCHOOL_BOARD_AGENDA = """PINE RIDGE SCHOOL DISTRICT
BOARD OF EDUCATION
REGULAR MEETING AGENDA
Monday, April 14, 2031 - 6:00 p.m.

DISTRICT OFFICE BOARDROOM

CALL TO ORDER
The President will call the meeting to order.

PLEDGE OF ALLEGIANCE

ROLL CALL
The Secretary will call the roll of trustees.

PUBLIC COMMENT
Members of the public may address the Board on items not on the agenda.

CONSENT CALENDAR
Approve the minutes of the March 10, 2031 regular meeting and the warrant register for March.

ADJOURNMENT
"""


def test_an_agendas_unnumbered_headings_in_capitals_are_its_items_in_order():
    meeting = parse_pack([SCHOOL_BOARD_AGENDA]).meeting
    assert (meeting.body, meeting.date) == ("Board of Education", datetime.date(2031, 4, 14))
    assert [(item.number, item.title, item.note) for item in meeting.agenda_items] == [
        ("1", "Call to Order", "The President will call the meeting to order."),
        ("2", "Pledge of Allegiance", ""),
        ("3", "Roll Call", "The Secretary will call the roll of trustees."),
        ("4", "Public Comment", "Members of the public may address the Board on items not on "
         "the agenda."),
        ("5", "Consent Calendar", "Approve the minutes of the March 10, 2031 regular meeting and "
         "the warrant register for March."),
        ("6", "Adjournment", ""),
    ]  # fmt: skip


def test_three_headings_or_a_letterhead_in_capitals_are_no_agenda_items():
    address = "PINE RIDGE SCHOOL DISTRICT\n410 CEDAR AVENUE\nPINE RIDGE\n\n"
    text = SCHOOL_BOARD_AGENDA.replace("DISTRICT OFFICE BOARDROOM\n\n", address)
    for heading in ("PLEDGE OF ALLEGIANCE\n\n", "PUBLIC COMMENT\n", "CONSENT CALENDAR\n"):
        text = text.replace(heading, "")
    pack = parse_pack([text])
    assert pack.meeting.date == datetime.date(2031, 4, 14)
    assert pack.meeting.agenda_items == []


def test_page_references_under_their_titles_and_a_part_ii_heading():
    text = """Thornbury Borough Council
Licensing Committee
Agenda
Date: Wednesday, 12 November 2031

1. Apologies for absence
2. Minutes of the last meeting
(Pages 5 - 12)
3. Street Trading Policy Review
(Pages 13 - 30)
PART II
4. Review of a Private Hire Driver's Licence
(Pages 31 - 36)
"""
    items = parse_pack([text]).meeting.agenda_items
    assert [(i.title, i.first_page, i.last_page, i.exempt, i.note) for i in items] == [
        ("Apologies for absence", None, None, False, ""),
        ("Minutes of the last meeting", 5, 12, False, ""),
        ("Street Trading Policy Review", 13, 30, False, ""),
        ("Review of a Private Hire Driver's Licence", 31, 36, True, ""),
    ]


TWO_ITEM_MINUTES = """CITY OF MAPLE FALLS
MINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL

A regular meeting of the Maple Falls City Council was held in the Council Chambers, 123 Main
Street, Maple Falls, on Monday, October 6, 2031 at 7:00 p.m.

Present: Mayor Joan Reyes, Councilmembers Al Burke, Kay Stone and Vic Lane.

1. Approval of Minutes
Councilmember Burke moved to approve the minutes of September 15, 2031. Councilmember Stone
seconded. Motion carried 4-0.
2. Budget Amendment
Councilmember Lane moved to approve Budget Amendment No. 3. Councilmember Burke seconded.
Motion carried 4-0.
"""


def test_two_numbered_items_each_closed_by_its_motion_under_its_own_title():
    (minutes,) = parse_pack([TWO_ITEM_MINUTES]).minutes
    assert minutes.meeting.location == "Council Chambers, 123 Main Street, Maple Falls"
    assert [(m.number, m.title, m.resolved, m.mover, m.seconder) for m in minutes.minutes] == [
        ("1", "Approval of Minutes", "Approve the minutes of September 15, 2031.", "Burke",
         "Stone"),
        ("2", "Budget Amendment", "Approve Budget Amendment No. 3.", "Lane", "Burke"),
    ]  # fmt: skip


def test_an_agendas_bold_headings_in_capitals_are_its_items_without_a_gap_before_them():
    from meetings.ingest.layout import Style

    text = SCHOOL_BOARD_AGENDA.replace("\n\n", "\n")
    # one line under another, with a gap under the heading and the room
    tops = [72.0 + 14 * n + (20 if n > 4 else 0) for n in range(len(text.split("\n")))]
    styles = [
        Style(size=11.0, bold=line.isupper(), x=72.0, top=top, page_height=792.0)
        for line, top in zip(text.split("\n"), tops, strict=True)
    ]
    meeting = parse_pack([text], styles=[styles]).meeting
    assert [item.title for item in meeting.agenda_items] == [
        "Call to Order", "Pledge of Allegiance", "Roll Call", "Public Comment",
        "Consent Calendar", "Adjournment",
    ]  # fmt: skip
