"""Documents on their own: a report sent to a meeting, and a decision notice."""

import datetime

from meetings.ingest.describe import describe_pack
from meetings.ingest.pack import parse_pack

MEMO_REPORT = """From: Director of Highways
To: Cabinet – 14 May 2031
Subject: Winter gritting routes 2031 to 2032
Date: 2 May 2031
Purpose of Report
To set out the routes to be gritted next winter.
Recommendations
That Cabinet approves the routes in Appendix A.
Background
The routes were last changed in 2027.
"""

DECISION_NOTICE = """RECORD OF DECISION
Decision number: 31/00042
Decision maker: Cabinet Member for Highways
Date of decision: 19/05/2031
Title of decision: Winter gritting routes 2031 to 2032
Decision:
To approve the gritting routes set out in Appendix A.
Reasons for the decision:
The routes cover every bus route and school.
Alternatives considered:
Keeping last year's routes, which miss two new estates.
Interests declared:
None.
"""


def test_a_memo_report_goes_to_the_meeting_it_names_not_a_new_body():
    pack = parse_pack([MEMO_REPORT])
    assert (pack.meeting.body, pack.meeting.date) == ("Cabinet", datetime.date(2031, 5, 14))
    (report,) = pack.reports
    assert (report.title, report.report_by) == (
        "Winter gritting routes 2031 to 2032",
        "Director of Highways",
    )
    assert report.purpose == "To set out the routes to be gritted next winter."
    assert report.recommendations == "That Cabinet approves the routes in Appendix A."


def test_a_decision_notice_is_the_decision_of_its_maker_on_its_date():
    (minutes,) = parse_pack([DECISION_NOTICE]).minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Cabinet Member for Highways",
        datetime.date(2031, 5, 19),
    )
    (decision,) = minutes.minutes
    assert (decision.number, decision.title) == ("31/00042", "Winter gritting routes 2031 to 2032")
    assert decision.resolved == "To approve the gritting routes set out in Appendix A."
    assert decision.reasons == "The routes cover every bus route and school."
    assert decision.alternatives == "Keeping last year's routes, which miss two new estates."
    assert decision.interests == "None."


ACCOUNTS_COVER = """Westholm Town Council
Statement of Accounts
(Unaudited)
31 March 2031
Item 58
18th April 2031
"""
ACCOUNTS_PAGE = """Westholm Town Council
Income and expenditure
1. Precept 120,000
2. Grants 4,000
3. Hall hire 6,500
4. Staff costs 70,000
"""


def test_a_report_with_an_item_line_and_no_sections_is_that_items_report():
    pack = parse_pack([ACCOUNTS_COVER, ACCOUNTS_PAGE])
    assert (pack.meeting.body, pack.meeting.date) == (
        "Westholm Town Council",
        datetime.date(2031, 4, 18),
    )
    assert pack.meeting.agenda_items == [] and pack.minutes == []
    (report,) = pack.reports
    assert (report.title, report.agenda_item_number, report.last_page) == (
        "Statement of Accounts",
        "58",
        2,
    )
    assert describe_pack(pack, []) == (
        "report to Westholm Town Council, 18 April 2031, item 58: Statement of Accounts"
    )
