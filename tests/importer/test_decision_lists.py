"""Decision lists of licensing and planning boards: one application a row, then its decision.

The documents are made up in the styles of English planning committees, Scottish licensing
boards and US planning boards; no real council's words are copied.
"""

import datetime

from fpdf import FPDF

from meetings.ingest.pack import parse_pack
from meetings.ingest.read import read_source

PLANNING_DECISIONS = """Northam District Council
Planning Committee – 12 March 2031
DECISION LIST

Application: 31/00123/FUL
Site: 14 High Street, Northam NM1 2AB
Applicant: Mr A Brown
Proposal: Erection of a two-storey rear extension
Decision: Granted subject to conditions

Application: 31/00789/LBC
Site: The Old Rectory, Church Lane, Northam
Applicant: Mrs C Davies
Proposal: Replacement windows
Decision: Deferred for a site visit

Application: 31/00456/OUT
Site: Land east of Mill Road, Northam
Applicant: Greenfield Homes Ltd
Proposal: Outline application for up to 40 dwellings with access
and open space
Decision: Refused
Reasons for refusal: The site lies outside the settlement boundary
and would harm the landscape.

Northam District Council, Council Offices, Northam NM1 1AA
"""

LICENSING_DECISIONS = """GLENMORE LICENSING BOARD
Meeting held on Thursday 6 March 2031 at 10.00am
DECISIONS
Present: Councillor Jean Ross (Convener), Councillor Ali Kerr, Councillor Morag Bain
1. Premises Licence Application – The Anchor Inn, 3 Harbour Road, Portmore
Applicant: Anchor Taverns Ltd
Decision: Granted
2. Occasional Licence – Portmore Gala Committee, Gala Field, Portmore
Decision: Granted subject to conditions
3. Variation of Premises Licence – Spar, 12 Main Street, Kilbride
Decision: Refused
4. Review of Premises Licence – The Ship Bar, 9 Quay Street, Portmore
Decision: Continued to the meeting on 3 April 2031
"""


def minutes_of(text):
    pack = parse_pack([text])
    (minutes,) = pack.minutes
    return minutes


def test_a_planning_decision_list_gives_each_application_its_decision():
    minutes = minutes_of(PLANNING_DECISIONS)
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Planning Committee",
        datetime.date(2031, 3, 12),
    )
    assert [(m.number, m.title) for m in minutes.minutes] == [
        (
            "31/00123/FUL",
            "31/00123/FUL – 14 High Street, Northam NM1 2AB – Erection of a two-storey rear "
            "extension",
        ),
        (
            "31/00789/LBC",
            "31/00789/LBC – The Old Rectory, Church Lane, Northam – Replacement windows",
        ),
        (
            "31/00456/OUT",
            "31/00456/OUT – Land east of Mill Road, Northam – Outline application for up to 40 "
            "dwellings with access",
        ),
    ]
    granted, deferred, refused = minutes.minutes
    assert (granted.resolved, granted.outcome) == ("Granted subject to conditions", "approved")
    assert (refused.resolved, refused.outcome) == ("Refused", "rejected")
    assert refused.reasons == (
        "The site lies outside the settlement boundary and would harm the landscape."
    )
    assert (deferred.resolved, deferred.outcome) == (None, "deferred")  # not decided yet
    assert "Deferred for a site visit" in deferred.text
    assert "Mr A Brown" in granted.text
    assert "Council Offices" not in refused.text  # the address printed below the list


def test_a_licensing_boards_numbered_decisions_with_who_attended():
    minutes = minutes_of(LICENSING_DECISIONS)
    meeting = minutes.meeting
    assert (meeting.body, meeting.date, meeting.start_time) == (
        "Glenmore Licensing Board",
        datetime.date(2031, 3, 6),
        datetime.time(10, 0),
    )
    assert [p.name for p in minutes.attendance] == ["Jean Ross", "Ali Kerr", "Morag Bain"]
    assert [(m.number, m.title, m.resolved, m.outcome) for m in minutes.minutes] == [
        (
            "1",
            "Premises Licence Application – The Anchor Inn, 3 Harbour Road, Portmore",
            "Granted",
            "approved",
        ),
        (
            "2",
            "Occasional Licence – Portmore Gala Committee, Gala Field, Portmore",
            "Granted subject to conditions",
            "approved",
        ),
        (
            "3",
            "Variation of Premises Licence – Spar, 12 Main Street, Kilbride",
            "Refused",
            "rejected",
        ),
        (
            "4",
            "Review of Premises Licence – The Ship Bar, 9 Quay Street, Portmore",
            None,
            "deferred",
        ),
    ]


def test_a_table_of_decisions_in_a_pdf_with_wrapped_cells(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    for heading in ("Westford City Council", "Planning Board - Notice of Decisions"):
        pdf.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 8, "Meeting of April 2, 2031", new_x="LMARGIN", new_y="NEXT")
    rows = [
        ("Reference", "Address", "Proposal", "Decision"),
        ("PB-31-004", "12 Elm Street", "Two-storey addition with a roof deck over the garage",
         "Approved"),
        ("PB-31-005", "88 Water Street", "Change of use from retail to a restaurant",
         "Approved with conditions"),
        ("PB-31-006", "230 Pine Avenue", "Subdivision into three lots", "Denied"),
        ("PB-31-007", "5 Mill Court", "New dwelling", "Withdrawn"),
    ]  # fmt: skip
    with pdf.table(col_widths=(25, 35, 80, 40)) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    path = tmp_path / "decisions.pdf"
    pdf.output(str(path))
    (minutes,) = read_source(path).pack.minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Planning Board",
        datetime.date(2031, 4, 2),
    )
    assert [(m.number, m.title, m.resolved, m.outcome) for m in minutes.minutes] == [
        (
            "PB-31-004",
            "PB-31-004 12 Elm Street Two-storey addition with a roof deck over the garage",
            "Approved",
            "approved",
        ),
        (
            "PB-31-005",
            "PB-31-005 88 Water Street Change of use from retail to a restaurant",
            "Approved with conditions",
            "approved",
        ),
        (
            "PB-31-006",
            "PB-31-006 230 Pine Avenue Subdivision into three lots",
            "Denied",
            "rejected",
        ),
        ("PB-31-007", "PB-31-007 5 Mill Court New dwelling", None, "withdrawn"),
    ]


ZONING_DECISIONS = """Westford City Council
Zoning Board of Appeals – Notice of Decisions
Hearing of May 7, 2031
Case Property Request Decision
ZBA-31-010 14 Oak Street Variance for a fence 8 feet high Granted
ZBA-31-011 3 Birch Road Special permit for a home business Denied
ZBA-31-011 3 Birch Road Variance for parking in the front yard Granted
ZBA-31-012 77 Cedar Lane Variance for a second dwelling

An appeal heard by the Superior Court on May 1, 12 Ash Street: Denied
"""


def test_a_table_with_a_row_not_decided_and_one_case_twice():
    minutes = minutes_of(ZONING_DECISIONS)
    assert minutes.meeting.body == "Zoning Board of Appeals"
    assert [(m.number, m.printed_number, m.resolved, m.outcome) for m in minutes.minutes] == [
        ("ZBA-31-010", "", "Granted", "approved"),
        ("ZBA-31-011", "", "Denied", "rejected"),
        ("ZBA-31-011 (2)", "ZBA-31-011", "Granted", "approved"),
        ("ZBA-31-012", "", None, ""),  # the court's decision below the table is not its
    ]
    assert minutes.minutes[3].title == "ZBA-31-012 77 Cedar Lane Variance for a second dwelling"


LICENSING_TABLE = """KILBRIDE LICENSING BOARD
Meeting of 3 April 2031
Premises Application Decision
The Anchor Inn, 3 Harbour Road, Portmore Premises licence Granted
Spar, 12 Main Street, Kilbride Variation of premises
licence (hours) Refused
The Ship Bar, 9 Quay Street, Portmore Review of premises licence Deferred

Decisions may be appealed to the sheriff within 21 days.
An earlier appeal, for the Harbour Café, was decided by the sheriff in March: Refused
"""


def test_a_table_of_premises_under_a_decision_column():
    minutes = minutes_of(LICENSING_TABLE)
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Kilbride Licensing Board",
        datetime.date(2031, 4, 3),
    )
    assert [(m.number, m.title, m.resolved, m.outcome) for m in minutes.minutes] == [
        ("1", "The Anchor Inn, 3 Harbour Road, Portmore Premises licence", "Granted", "approved"),
        (
            "2",
            "Spar, 12 Main Street, Kilbride Variation of premises licence (hours)",
            "Refused",
            "rejected",
        ),
        ("3", "The Ship Bar, 9 Quay Street, Portmore Review of premises licence", None, "deferred"),
    ]


AGENDA_NAMING_DECISIONS = """Hollowfield Parish Council
AGENDA
for the meeting to be held on Tuesday 11 February 2031 at 7.30pm in the Village Hall
1. Apologies for absence
2. Minutes of the meeting held on 14 January 2031
3. Planning applications
31/00012/FUL 3 Mill Lane – single storey extension
31/00020/HOU 7 Church Road – porch (previously granted in 2029)
4. Planning decisions received
31/00001/FUL The Barn, Mill Lane Granted
31/00002/FUL 4 Church Road Refused
5. Finance
"""

MINUTES_WITH_PLANNING_DECISIONS = """Hollowfield Parish Council
Minutes of the meeting held on Tuesday 11 February 2031 at 7.30pm
Present: Cllr A Smith (Chair), Cllr B Jones, Cllr C Evans
1. Apologies
None.
2. Minutes
It was RESOLVED that the minutes of 14 January 2031 be approved.
3. Planning decisions received
31/00001/FUL The Barn, Mill Lane Granted
31/00002/FUL 4 Church Road Refused
"""

DELEGATED_DECISIONS_AGENDA = """Northam District Council
Planning Committee
AGENDA
Wednesday 9 April 2031 at 6.00pm, Council Chamber
Decisions taken by officers under delegated powers, for information:
31/00150/HOU 2 Park Lane Granted
31/00162/FUL 40 Station Road Refused
31/00170/ADV Northam Garage, Mill Road Granted
"""

APPLICATIONS_RECEIVED = """Westmere Parish Council
Planning applications received – week ending 7 March 2031
31/00301/FUL 3 Mill Lane – variation of condition 2 of the scheme previously approved
31/00305/HOU 7 Church Road – rear porch as granted
31/00310/FUL 9 High Street – new shopfront
31/00312/FUL 11 High Street – change of use to a café
31/00290/FUL 2 Station Road – two dwellings (decided since the last list) Refused
31/00288/HOU 1 Green Lane – garden room (decided since the last list) Granted
"""

REPORT_WITH_PLANNING_HISTORY = """Northam District Council
Planning Committee – 12 March 2031
Report of the Head of Planning
Application 31/00456/OUT – Land east of Mill Road, Northam
Relevant planning history
29/00012/OUT Land east of Mill Road Refused
30/00450/OUT Land east of Mill Road Withdrawn
Purpose of Report
To determine an outline application for up to 40 dwellings.
Background
The site is a field of 2.1 hectares on the edge of the village, bounded by
Mill Road to the west and a public footpath to the north.
Assessment
The site lies outside the settlement boundary set by the Local Plan, and the
landscape officer advises that houses here would be seen from the footpath.
The highway authority raises no objection to the new access.
Recommendations
That planning permission be refused for the reasons set out below.
"""


def test_an_agenda_that_lists_decisions_received_is_an_agenda():
    pack = parse_pack([AGENDA_NAMING_DECISIONS])
    assert pack.minutes == []
    assert [item.title for item in pack.meeting.agenda_items] == [
        "Apologies for absence",
        "Minutes of the meeting held on 14 January 2031",
        "Planning applications",
        "Planning decisions received",
        "Finance",
    ]


def test_an_agenda_listing_delegated_decisions_is_no_decision_list():
    assert parse_pack([DELEGATED_DECISIONS_AGENDA]).minutes == []


def test_a_list_of_applications_received_is_no_decision_list():
    # "previously approved", in lower case, ends a description, not a decision's cell; and a
    # list whose rows are mostly undecided is not a list of decisions
    assert parse_pack([APPLICATIONS_RECEIVED]).minutes == []


def test_a_reports_planning_history_is_no_decision_list():
    pack = parse_pack([REPORT_WITH_PLANNING_HISTORY])
    assert pack.minutes == []
    (report,) = pack.reports
    assert report.recommendations == (
        "That planning permission be refused for the reasons set out below."
    )


def test_minutes_with_planning_decisions_among_their_items_stay_minutes():
    minutes = minutes_of(MINUTES_WITH_PLANNING_DECISIONS)
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Hollowfield Parish Council",
        datetime.date(2031, 2, 11),
    )
    assert [m.title for m in minutes.minutes] == [
        "Apologies",
        "Minutes",
        "Planning decisions received",
    ]


MINUTES_DECIDING_APPLICATIONS = """Minutes of the meeting of the Kilbride Licensing Sub-Committee
held on Monday 3 March 2031 at 2pm
1. Premises licence – The Ship Bar, 9 Quay Street
Decision: Refused
2. Premises licence – Harbour Café, 1 Quay Street
Decision: Deferred for further information from the police
3. Street trading licence – Portmore Ices
Decision: Granted
"""


def test_minutes_whose_decisions_are_labelled_keep_each_outcome():
    minutes = minutes_of(MINUTES_DECIDING_APPLICATIONS)
    assert [(m.number, m.outcome) for m in minutes.minutes] == [
        ("1", "rejected"),
        ("2", "deferred"),
        ("3", "approved"),
    ]
