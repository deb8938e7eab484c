"""Any text at all is parsed into records or refused with a reason: never an exception."""

from hypothesis import given, settings
from hypothesis import strategies as st

from meetings.ingest.pack import UnrecognisedPack, parse_pack

FRAGMENTS = st.sampled_from(
    [
        "Meeting: **Cabinet**",
        "Date/Time: **Tuesday, 24 March 2026 at 2.00 pm**",
        "AGENDA",
        "1.\tMinutes of the meeting held on 3 February 2026.\t\t(Pages 3 - 10)\t",
        "4. Highways Programme Director of Environment and Transport (Pages 11 - 9)",
        "Minutes of a meeting of the Cabinet held at County Hall, Glenfield on Tuesday, 3",
        "February 2026.",
        "PRESENT",
        "Mr. D. Harrison CC (in the Chair)",
        "In attendance",
        "85. Minutes of the previous meeting.",
        "86. Urgent items",
        "RESOLVED:",
        "(a) That the report be noted;",
        "(KEY DECISION)",
        "REASONS FOR DECISION:",
        "2.00 - 2.31 pm",
        "CHAIRMAN",
        "CABINET – 24 MARCH 2026",
        "REPORT OF THE DIRECTOR OF CORPORATE RESOURCES",
        "PART A",
        "Purpose of the Report",
        "Document is Restricted",
        "35 Agenda Item 5",
        "This page is intentionally left blank",
        "",
        "   ",
        "\t\t",
        "****",
    ]
)
LINES = st.lists(st.one_of(FRAGMENTS, st.text(max_size=80)), max_size=60)
FRONT_SHEETS = st.sampled_from(
    [
        "",
        "Meeting: Cabinet\n\nDate/Time: Tuesday, 24 March 2026 at 2.00 pm\n\nAGENDA\n",
        "AGENDA\nCABINET\nThursday, 13th March, 2025, at 3.00 pm\n",
        "Dear Member\nCABINET - THURSDAY, 30 JANUARY 2025\nAgenda Item No\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(front=FRONT_SHEETS, pages=st.lists(LINES.map("\n".join), min_size=1, max_size=4))
def test_any_text_gives_records_or_a_reason(front, pages):
    pages[0] = front + pages[0]
    try:
        pack = parse_pack(pages)
    except UnrecognisedPack as refusal:
        assert str(refusal).startswith("no meeting recognised")
        return
    assert pack.meeting or pack.minutes
    for report in pack.reports:
        assert report.first_page <= report.last_page
    for item in pack.meeting.agenda_items if pack.meeting else []:
        assert item.first_page is None or item.first_page <= item.last_page


def test_a_page_range_printed_backwards_is_put_right():
    text = "Meeting: Cabinet\n\nDate/Time: Tuesday, 24 March 2026 at 2.00 pm\n\nAGENDA\n\n"
    text += "4. Highways Programme Director of Environment and Transport (Pages 11 - 9)\n"
    (item,) = parse_pack([text]).meeting.agenda_items
    assert (item.first_page, item.last_page) == (9, 11)
