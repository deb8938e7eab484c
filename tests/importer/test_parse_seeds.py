"""Parsing the five seed packs: concrete values checked by hand against the documents."""

import datetime
import re

import pytest

from meetings.ingest.read import read_source


@pytest.fixture(scope="module")
def parsed():
    from tests.conftest import SEEDS, shared_file

    cache = {}

    def parse(prefix):
        if prefix not in cache:
            cache[prefix] = read_source(shared_file(SEEDS, prefix)).pack
        return cache[prefix]

    return parse


def minutes_by_number(minutes_record):
    return {minute.number: minute for minute in minutes_record.minutes}


def test_seed_000_front_sheet(parsed):
    meeting = parsed("000").meeting
    assert (meeting.body, meeting.date) == ("Cabinet", datetime.date(2026, 3, 24))
    assert meeting.start_time == datetime.time(14, 0)
    assert meeting.location == "Sparkenhoe Committee Room, County Hall, Glenfield"
    assert "Miss. G. Duckworth" in meeting.contact
    chair = [person.name for person in meeting.membership if person.role == "chair"]
    assert chair == ["Mr. D. Harrison CC"]
    assert len(meeting.membership) == 8


def test_seed_000_agenda(parsed):
    items = {item.number: item for item in parsed("000").meeting.agenda_items}
    assert len(items) == 15
    assert sorted(int(n) for n, item in items.items() if item.key_decision) == [4, 7, 8, 9, 14, 15]
    assert sorted(int(n) for n, item in items.items() if item.exempt) == [14, 15]
    assert items["7"].title == "Leicestershire School Term Dates Autumn 2027 to Summer 2032"
    assert items["7"].report_by == "Director of Children and Family Services"
    assert (items["7"].first_page, items["7"].last_page) == (121, 140)
    assert items["14"].title.startswith("A511 Growth Corridor")
    assert "(Exempt" not in items["14"].title
    assert items["13"].title == "Exclusion of the Press and Public"


def test_seed_000_minutes_of_the_previous_cabinet(parsed):
    (minutes,) = parsed("000").minutes
    assert (minutes.meeting.body, minutes.meeting.date) == ("Cabinet", datetime.date(2026, 2, 3))
    by_number = minutes_by_number(minutes)
    assert list(by_number) == [str(n) for n in range(85, 94)]
    budget = by_number["88"]
    assert budget.title == "Provisional Medium Term Financial Strategy 2026/27 to 2029/30"
    assert budget.key_decision
    assert "Council Tax increase for 2026/27 of 2.99% be recommended" in budget.resolved
    assert budget.resolved_items[1].startswith("(ii) That a Council Tax increase")
    assert budget.reasons.startswith("To enable the County Council to meet its statutory")
    assert budget.agenda_item_number == "4"
    assert by_number["85"].confirms_date == datetime.date(2025, 12, 16)
    assert sum(1 for m in minutes.minutes if m.resolved) == 5
    assert sum(1 for m in minutes.minutes if m.key_decision) == 2
    roles = {person.name: person.role for person in minutes.attendance}
    assert roles["Mr. D. Harrison CC"] == "chair"
    assert roles["Mrs. D. Taylor CC"] == "in_attendance"


def test_seed_000_reports_link_to_agenda_items(parsed):
    reports = parsed("000").reports
    assert [r.agenda_item_number for r in reports] == [
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "10",
        "14",
        "15",
    ]
    freeport = reports[2]
    assert freeport.title == (
        "East Midlands Freeport: Change of Accountable Body and Governance Implications"
    )
    assert freeport.report_by == "Chief Executive"
    placeholder = reports[7]
    assert placeholder.restricted and placeholder.exempt and placeholder.text == ""
    assert placeholder.title.startswith("A511 Growth Corridor")
    assert "Document is Restricted" not in reports[6].text
    exempt_report = reports[8]
    assert exempt_report.exempt and not exempt_report.restricted
    assert exempt_report.title == "Local Government Reorganisation: Response to Consultation"
    term_dates = reports[3]
    assert term_dates.has_parts and term_dates.key_decision
    assert term_dates.recommendations


def test_seed_001_two_column_membership_and_special_meeting(parsed):
    pack = parsed("001")
    assert (pack.meeting.body, pack.meeting.date) == (
        "Scrutiny Commission",
        datetime.date(2026, 4, 22),
    )
    assert pack.meeting.start_time == datetime.time(10, 0)
    names = [person.name for person in pack.meeting.membership]
    assert "Dr. J. Bloxham CC" in names and "Mrs. K. Knight CC" in names
    items = {item.number: item for item in pack.meeting.agenda_items}
    assert len(items) == 14
    assert items["9"].title == "The Leicester and Leicestershire Business Skills Partnership"
    assert items["9"].report_by == "Director of Public Health, Law and Governance"
    assert items["9"].note.startswith("Mr Peter Chandler")
    regular, special = pack.minutes
    assert [m.number for m in regular.minutes] == [str(n) for n in range(63, 74)]
    assert [m.number for m in special.minutes] == ["1", "2", "3", "4", "5"]
    assert special.meeting.is_special and not regular.meeting.is_special
    assert minutes_by_number(regular)["70"].title == "Member Conduct Arrangements"
    assert sum(1 for m in regular.minutes + special.minutes if m.resolved) == 6
    chair = next(p for p in regular.attendance if p.role == "chair")
    assert chair.key == "mrs-d-taylor"
    assert chair.key == next(p.key for p in pack.meeting.membership if p.role == "chair")
    assert [r.agenda_item_number for r in pack.reports] == ["9", "10", "11", "12"]


def test_seed_002_no_front_sheet_and_minute_extracts_stay_inside_reports(parsed):
    pack = parsed("002")
    assert (pack.meeting.body, pack.meeting.date) == ("Cabinet", datetime.date(2020, 11, 20))
    assert pack.meeting.start_time is None and pack.meeting.location == ""
    (minutes,) = pack.minutes
    assert minutes.meeting.date == datetime.date(2020, 10, 20)
    assert minutes.meeting.location == "County Hall, Glenfield and via Microsoft Teams"
    assert [m.number for m in minutes.minutes] == [str(n) for n in range(441, 452)]
    by_number = minutes_by_number(minutes)
    assert by_number["445"].title == (
        "Adult Social Care Winter Plan and Measures to Support Care Home Provider Sustainability"
    )
    assert sum(1 for m in minutes.minutes if m.resolved) == 7
    assert [m.number for m in minutes.minutes if m.key_decision] == ["448"]
    assert len(pack.reports) == 9
    assert pack.reports[0].title == "Financial Resilience"
    assert "MINUTE EXTRACT" in pack.reports[0].text
    assert pack.reports[1].agenda_item_number == "5"  # from its '35 Agenda Item 5' footer
    attendance = {p.name: p.role for p in minutes.attendance}
    assert attendance["Mrs B. Seaton CC"] == "in_attendance"


def test_seed_003_title_after_report_of(parsed):
    pack = parsed("003")
    assert (pack.meeting.body, pack.meeting.date) == ("Cabinet", datetime.date(2025, 6, 17))
    assert pack.minutes == []
    titles = [report.title for report in pack.reports]
    assert titles[0] == "Provisional Revenue and Capital Outturn 2024/25"
    assert pack.reports[0].report_by == "Director of Corporate Resources"
    assert pack.reports[2].report_by == "Director of Children and Family Services"
    assert all(report.key_decision for report in pack.reports)


def test_seed_004_wrapped_header_and_titles(parsed):
    pack = parsed("004")
    (minutes,) = pack.minutes
    assert minutes.meeting.date == datetime.date(2019, 11, 22)
    assert len(minutes.minutes) == 16
    by_number = minutes_by_number(minutes)
    assert by_number["350"].title.endswith("Physical Activity - Moving to a Whole System Approach")
    assert sum(1 for m in minutes.minutes if m.resolved) == 12
    assert sorted(m.number for m in minutes.minutes if m.key_decision) == [
        "341", "343", "344", "346", "349",
    ]  # fmt: skip
    attendance = {p.name: p.role for p in minutes.attendance}
    assert attendance["Mrs. R. Page CC"] == "in_attendance"
    assert attendance["Mr. O. O’Shea CC"] == "in_attendance"
    assert len(pack.reports) == 7
    assert pack.reports[1].report_by == "Director of Children and Family Services"


def test_page_furniture_never_reaches_report_text(parsed):
    texts = [report.text for prefix in ("002", "003") for report in parsed(prefix).reports]
    assert not any("his page is intentionally left blank" in text for text in texts)
    assert not any("35 Agenda Item 5" in text for text in texts)
    assert not any("3 Agenda Item 3" in text for text in texts)


def test_text_pages_follow_the_page_breaks(parsed):
    pack = parsed("000")
    assert len(pack.pages) == 192
    assert pack.pages[0].lstrip().startswith("Meeting: **Cabinet**")
    assert pack.reports[0].first_page < pack.reports[1].first_page


@pytest.mark.parametrize(
    ("prefix", "recognised"),
    [
        (
            "000",
            "agenda of Cabinet, 24 March 2026: 15 items; minutes of Cabinet, 3 February 2026: "
            "9 items, 5 decisions, 9 attendees; 9 reports (2 withheld)",
        ),
        (
            "004",
            "minutes of Cabinet, 22 November 2019: 16 items, 12 decisions, 14 attendees; 7 reports",
        ),
    ],
)
def test_what_was_recognised_is_said_in_one_line(parsed, prefix, recognised):
    from meetings.ingest.describe import describe_pack

    assert describe_pack(parsed(prefix), []) == recognised


SEED_PREFIXES = ["000", "001", "002", "003", "004"]


def rewritten_pack(tmp_path, prefix: str, rewrite):
    """What is recognised in a seed whose text `rewrite` changed."""
    from tests.conftest import SEEDS, shared_file

    seed = shared_file(SEEDS, prefix)
    (tmp_path / seed.name).write_text(rewrite(seed.read_text()))
    return read_source(tmp_path / seed.name).pack


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
@pytest.mark.parametrize(
    "renamed", ["Planning Sub-Committee (North)", "Children, Young People and Education Committee"]
)
def test_a_committee_with_a_longer_name_is_read_the_same(parsed, tmp_path, prefix, renamed):
    """Each seed with its committee renamed everywhere, in capitals and not: the same records."""
    from meetings.ingest.describe import describe_pack

    body = parsed(prefix).meeting.body
    pack = rewritten_pack(
        tmp_path,
        prefix,
        lambda text: text.replace(body.upper(), renamed.upper()).replace(body, renamed),
    )
    assert describe_pack(pack, []) == describe_pack(parsed(prefix), []).replace(body, renamed)


MONTH_IN_FULL = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_dates_with_the_month_cut_short_are_read_the_same(parsed, tmp_path, prefix):
    """Each seed with every month cut to three letters ("24 Mar 2026"): the same records."""
    from meetings.ingest.describe import describe_pack

    described = describe_pack(
        rewritten_pack(
            tmp_path, prefix, lambda text: MONTH_IN_FULL.sub(lambda month: month[0][:3], text)
        ),
        [],
    )
    assert described == describe_pack(parsed(prefix), [])


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_a_front_sheet_dated_in_numbers_is_read_the_same(parsed, tmp_path, prefix):
    """ "Date/Time: Tuesday, 24/03/2026 at 2.00 pm": the same meeting, the same records."""
    from meetings.ingest.describe import describe_pack

    date = parsed(prefix).meeting.date

    def in_numbers(text: str) -> str:
        line = next(line for line in text.splitlines() if line.startswith("Date/Time:"))
        return text.replace(line, line.replace(f"{date.day} {date:%B %Y}", f"{date:%d/%m/%Y}"))

    pack = rewritten_pack(tmp_path, prefix, in_numbers)
    assert describe_pack(pack, []) == describe_pack(parsed(prefix), [])


@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_resolutions_headed_in_title_case_are_read_the_same(parsed, tmp_path, prefix):
    """ "Resolved:" for "RESOLVED:": the same decisions."""
    from meetings.ingest.describe import describe_pack

    described = describe_pack(
        rewritten_pack(
            tmp_path, prefix, lambda text: re.sub(r"(?m)^(\s*)RESOLVED:", r"\1Resolved:", text)
        ),
        [],
    )
    assert described == describe_pack(parsed(prefix), [])


@pytest.mark.parametrize("prefix", ["000", "001"])
@pytest.mark.parametrize(
    "numbered",
    [r"\1\2)\3", r"\1\2\3", r"\1(\2)\3", r"\1\2.0\3", r"\1\2 -\3", r"\1\2:\3"],
    ids=["4)", "4", "(4)", "4.0", "4 -", "4:"],
)
def test_rows_numbered_in_other_ways_are_read_the_same(parsed, tmp_path, prefix, numbered):
    """Agenda rows and minutes' paragraphs numbered "4)", "4", "(4)", "4.0", "4 -" or "4:" for
    "4.": the same records."""
    from meetings.ingest.describe import describe_pack

    pack = rewritten_pack(
        tmp_path, prefix, lambda text: re.sub(r"(?m)^(\s*)(\d{1,2})\.(\s)", numbered, text)
    )
    assert describe_pack(pack, []) == describe_pack(parsed(prefix), [])
    titles = [item.title for item in parsed(prefix).meeting.agenda_items]
    assert [item.title for item in pack.meeting.agenda_items] == titles
