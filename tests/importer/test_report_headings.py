"""Where a report starts in a pack: its heading (the meeting's body and date), then REPORT OF."""

import datetime

import pytest

from meetings.ingest.pack import parse_pack


def report(heading: str, title: str, author: str, purpose: str) -> str:
    return f"{heading}\n{title}\nREPORT OF THE {author}\nPurpose of the Report\n1. {purpose}"


@pytest.mark.parametrize(
    "heading, body",
    [
        ("CHILDREN, YOUNG PEOPLE AND EDUCATION CABINET COMMITTEE – 12 MARCH 2031",
         "Children, Young People and Education Cabinet Committee"),
        ("PLANNING SUB-COMMITTEE (NORTH) - WEDNESDAY, 12TH MARCH 2031",
         "Planning Sub-Committee (North)"),
        ("ST. ALBANS AREA 3 COMMITTEE – WEDNESDAY 12 MARCH 2031", "St. Albans Area 3 Committee"),
        ("HEALTH/WELLBEING BOARD – 12 MARCH 2031", "Health/Wellbeing Board"),
    ],
)  # fmt: skip
def test_a_committee_named_in_full_heads_its_reports(heading, body):
    pages = [
        report(heading, "SCHOOL TRANSPORT POLICY", "DIRECTOR OF EDUCATION", "To agree the policy."),
        "2. The policy would apply from September.",
        "3. Parents were consulted for six weeks.",
        "4. The cost is met from the transport budget.",
        report(heading, "SPECIAL EDUCATIONAL NEEDS SUFFICIENCY", "DIRECTOR OF CHILDREN'S SERVICES",
               "To note the plan for new places."),
        "2. Two new schools are planned.",
    ]  # fmt: skip
    pack = parse_pack(pages)
    assert (pack.meeting.body, pack.meeting.date) == (body, datetime.date(2031, 3, 12))
    assert [(report.title, report.first_page, report.last_page) for report in pack.reports] == [
        ("School Transport Policy", 1, 4),
        ("Special Educational Needs Sufficiency", 5, 6),
    ]
