"""The PDF path: generated packs with real footers, real-world PDFs and bad files."""

import datetime

import pytest
from fpdf import FPDF

from meetings.demo import DemoMeeting, write_pack
from meetings.ingest.ocr import OcrSettings
from meetings.ingest.read import PackError, read_source

CABINET = DemoMeeting("Cabinet", datetime.date(2026, 5, 12), ["Library Opening Hours Review"], 40)
EARLIER = DemoMeeting("Cabinet", datetime.date(2026, 4, 7), ["Flood Risk Management Strategy"], 31)


@pytest.fixture
def demo_pack(tmp_path):
    path = tmp_path / "cabinet.pdf"
    write_pack(CABINET, EARLIER, path)
    return path


def test_generated_pdf_pack_gives_meeting_minutes_and_report(demo_pack):
    source = read_source(demo_pack)
    pack = source.pack
    assert source.format == "pdf"
    assert (pack.meeting.body, pack.meeting.date) == ("Cabinet", datetime.date(2026, 5, 12))
    assert pack.meeting.start_time == datetime.time(14, 0)
    assert [item.number for item in pack.meeting.agenda_items] == ["1", "2", "3", "4", "5"]
    (minutes,) = pack.minutes
    assert minutes.meeting.date == datetime.date(2026, 4, 7)
    assert [minute.number for minute in minutes.minutes] == ["31", "32", "33", "34"]
    assert minutes.minutes[3].resolved.startswith("(a) That the Flood Risk Management Strategy")
    assert minutes.minutes[3].agenda_item_number == "5"
    (report,) = pack.reports
    assert report.title == "Library Opening Hours Review"
    assert report.agenda_item_number == "5"
    assert report.first_page == pack.meeting.agenda_items[4].first_page


def test_page_footers_are_not_report_text(demo_pack):
    report = read_source(demo_pack).pack.reports[0]
    assert "Agenda Item 5" not in report.text


def test_kent_moderngov_minutes(realworld):
    pack = read_source(realworld("kent_cabinet_2025-01-09_minutes")).pack
    (minutes,) = pack.minutes
    assert (minutes.meeting.body, minutes.meeting.date) == ("Cabinet", datetime.date(2025, 1, 9))
    assert minutes.meeting.location == "Council Chamber, Sessions House, County Hall, Maidstone"
    assert [m.number for m in minutes.minutes] == [str(n) for n in range(76, 84)]
    by_number = {m.number: m for m in minutes.minutes}
    assert by_number["76"].agenda_item_number == "1"
    assert by_number["82"].resolved == "that Cabinet note the report."
    chair = next(person for person in minutes.attendance if person.role == "chair")
    assert chair.name == "Mr R W Gough"


def test_kent_agenda_pack(realworld):
    meeting = read_source(realworld("kent_cabinet_2025-03-13_agenda-pack")).pack.meeting
    assert (meeting.body, meeting.date, meeting.start_time) == (
        "Cabinet", datetime.date(2025, 3, 13), datetime.time(15, 0),
    )  # fmt: skip
    assert meeting.location == "Council Chamber, Sessions House, County Hall, Maidstone"
    assert meeting.contact == "Georgina Little"
    assert [item.title for item in meeting.agenda_items][:2] == [
        "Apologies",
        "Declarations of Interest",
    ]


def test_kent_supplement_names_its_item(realworld):
    meeting = read_source(realworld("kent_cabinet_2025-01-30_supplement")).pack.meeting
    assert meeting.agenda_is_supplement
    (item,) = meeting.agenda_items
    assert item.number == "9" and (item.first_page, item.last_page) == (1, 4)


def test_a_report_on_its_own_is_the_report_of_the_meeting_it_names(realworld):
    pack = read_source(realworld("royal-sutton-coldfield_town-council_2017-02-21")).pack
    assert (pack.meeting.body, pack.meeting.date) == (
        "Royal Sutton Coldfield Town Council",
        datetime.date(2017, 2, 21),
    )
    assert pack.meeting.agenda_items == [] and pack.minutes == []
    (report,) = pack.reports
    assert (report.title, report.agenda_item_number) == ("Summer in Sutton Coldfield", "166")
    assert (report.first_page, report.last_page) == (1, 4)
    assert report.purpose.startswith("To advise Council")
    assert report.recommendations.startswith("Council is recommended to approve")
    assert pack.warnings == []


def test_with_ocr_off_a_scan_is_refused_as_needing_it(realworld):
    with pytest.raises(PackError, match="no text layer .*needs OCR"):
        read_source(
            realworld("royal-sutton-coldfield_town-council_2017-04-18_report-item58-scanned"),
            ocr=OcrSettings("never"),
        )


def test_with_ocr_off_cid_glyph_codes_are_refused_as_needing_it(realworld):
    with pytest.raises(PackError, match=r"\(cid:NN\) glyph codes.*needs OCR"):
        read_source(realworld("horsley_parish-council"), ocr=OcrSettings("never"))


def test_a_document_of_no_recognisable_meeting_is_kept_saying_what_is_missing(realworld):
    pack = read_source(realworld("kent_county-council_2025-03-13_report-consultation")).pack
    assert (pack.meeting, pack.minutes, pack.council.name) == (None, [], "Kent County Council")
    assert "no meeting recognised (no date and body found)" in pack.warnings
    (council,) = pack.evidence
    assert (council.page, council.text, council.score, council.reason) == (
        3,
        "Since Kent County Council rolled out Family",
        0.8,
        "named 3 times",
    )


def test_body_and_date_can_be_named_for_such_a_document(realworld):
    path = realworld("kent_county-council_2025-03-13_report-consultation")
    pack = read_source(path, "County Council", datetime.date(2025, 3, 13)).pack
    assert (pack.meeting.body, pack.meeting.date) == ("County Council", datetime.date(2025, 3, 13))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not a PDF or a text file"),
        (b"%PDF-1.7\n1 0 obj <<", "damaged or truncated"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(PackError, match=reason):
        read_source(path)


def test_truncated_pdf_is_refused(demo_pack):
    data = demo_pack.read_bytes()
    demo_pack.write_bytes(data[: len(data) // 3])
    with pytest.raises(PackError, match="damaged or truncated|no text layer"):
        read_source(demo_pack)


def test_encrypted_pdf_is_refused(tmp_path):
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Meeting: Cabinet")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(PackError, match="encrypted"):
        read_source(path)


def test_each_line_of_a_pdf_keeps_its_size_weight_and_place(tmp_path):
    from meetings.ingest.pages import read_pages

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_xy(40, 30)
    pdf.cell(0, 10, "Planning Committee")
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(60, 50)
    pdf.cell(0, 6, "The committee met at 7pm.")
    path = tmp_path / "styled.pdf"
    pdf.output(str(path))
    pages = read_pages(path, ocr=OcrSettings("never"))
    heading, text = [style for style in pages.styles[0] if style]
    assert (heading.bold, text.bold) == (True, False)
    assert heading.size > 1.5 * text.size
    assert text.x - heading.x == pytest.approx(20 * 72 / 25.4, abs=1)  # 20 mm further in
    assert heading.y < text.y < 0.25
