"""Any text at all is parsed into records or refused with a reason: never an exception."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from meetings.demo import DemoMeeting, compose_pack
from meetings.ingest.pack import parse_pack

# The labels every house style prints, and lines of the project's own invented council
# (meetings/demo.py): no text of the shared documents is copied here.
LABELS = [
    "AGENDA", "PRESENT", "In attendance", "RESOLVED:", "(KEY DECISION)",
    "REASONS FOR DECISION:", "CHAIRMAN", "PART A", "Purpose of the Report",
    "Document is Restricted", "This page is intentionally left blank", "", "   ", "\t\t", "****",
]  # fmt: skip
DEMO_LINES = [
    line.text
    for page in compose_pack(
        DemoMeeting("Highways Panel", datetime.date(2031, 4, 2), ["Bus Shelter Repairs"], 12,
                    previous_date=datetime.date(2031, 3, 5)),
        DemoMeeting("Highways Panel", datetime.date(2031, 3, 5), ["Verge Cutting"], 7),
        paragraphs=2,
    )
    for line in page.lines
    if line.text
]  # fmt: skip
FRAGMENTS = st.sampled_from(LABELS + DEMO_LINES)
LINES = st.lists(st.one_of(FRAGMENTS, st.text(max_size=80)), max_size=60)
FRONT_SHEETS = st.sampled_from(
    [
        "",
        "Meeting: Highways Panel\n\nDate/Time: Wednesday, 2 April 2031 at 10.00 am\n\nAGENDA\n",
        "AGENDA\nHIGHWAYS PANEL\nWednesday, 2nd April, 2031, at 10.00 am\n",
        "Dear Member\nHIGHWAYS PANEL - WEDNESDAY, 2 APRIL 2031\nAgenda Item No\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(front=FRONT_SHEETS, pages=st.lists(LINES.map("\n".join), min_size=1, max_size=4))
def test_any_text_gives_records_or_a_reason(front, pages):
    pages[0] = front + pages[0]
    pack = parse_pack(pages)
    unplaced = any(warning.startswith("no meeting recognised (no ") for warning in pack.warnings)
    assert bool(pack.meeting or pack.minutes) != unplaced
    for report in pack.reports:
        assert report.first_page <= report.last_page
    for item in pack.meeting.agenda_items if pack.meeting else []:
        assert item.first_page is None or item.first_page <= item.last_page


def test_a_page_range_printed_backwards_is_put_right():
    text = "Meeting: Highways Panel\n\nDate/Time: Wednesday, 2 April 2031 at 10.00 am\n\nAGENDA\n\n"
    text += "4. Bus Shelter Repairs Director of Environment and Highways (Pages 11 - 9)\n"
    (item,) = parse_pack([text]).meeting.agenda_items
    assert (item.first_page, item.last_page) == (9, 11)
