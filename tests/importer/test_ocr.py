"""Scans and broken fonts are read with the real Tesseract; results are cached by page image."""

import datetime
import io

import pypdfium2
import pytest

from meetings.demo import DemoMeeting, write_pack, write_scan
from meetings.ingest.ocr import OcrSettings, parse_tsv, tesseract_missing
from meetings.ingest.read import PackError, read_source

pytestmark = pytest.mark.ocr

MEETING = DemoMeeting("Cabinet", datetime.date(2026, 5, 12), ["Youth Services Review"], 1)


@pytest.fixture(autouse=True)
def tesseract():
    if missing := tesseract_missing():
        pytest.skip(missing)


class DictCache:
    """A cache that counts what it is asked: the database one is tested with the loader."""

    def __init__(self):
        self.entries, self.hits = {}, 0

    def get(self, key):
        if key in self.entries:
            self.hits += 1
        return self.entries.get(key)

    def put(self, key, tsv):
        self.entries[key] = tsv


@pytest.fixture
def scanned_pack(tmp_path):
    original = tmp_path / "pack.pdf"
    write_pack(MEETING, None, original, paragraphs=3)
    return original, write_scan(original, tmp_path / "scanned.pdf")


def test_a_scanned_pack_is_read_as_its_text_version_is(scanned_pack):
    original, scan = scanned_pack
    text, scanned = read_source(original), read_source(scan)
    assert text.ocr == {}
    assert sorted(scanned.ocr) == list(range(1, len(text.pack.pages) + 1))
    assert min(scanned.ocr.values()) > 80
    meeting = scanned.pack.meeting
    assert (meeting.body, meeting.date) == ("Cabinet", MEETING.date)
    titles = [item.title for item in meeting.agenda_items]
    assert titles == [item.title for item in text.pack.meeting.agenda_items]
    assert [r.title for r in scanned.pack.reports] == ["Youth Services Review"]


def test_progress_is_reported_page_by_page(scanned_pack):
    steps = []
    read_source(scanned_pack[1], on_page=steps.append)
    assert steps == [0, 1, 1, 1]  # no page with a text layer, then each page read by OCR


def test_ocr_never_refuses_a_scan_as_before(scanned_pack):
    with pytest.raises(PackError, match=r"no text layer \(a scan\?\): it needs OCR$"):
        read_source(scanned_pack[1], ocr=OcrSettings("never"))


def test_without_tesseract_a_scan_is_refused_saying_so(scanned_pack, monkeypatch):
    monkeypatch.setenv("PATH", "/nowhere")
    with pytest.raises(PackError, match="it needs OCR, and Tesseract is not installed"):
        read_source(scanned_pack[1])


def test_a_page_read_once_is_never_read_again(scanned_pack, monkeypatch):
    cache = DictCache()
    first = read_source(scanned_pack[1], ocr=OcrSettings(cache=cache))
    assert len(cache.entries) == 3 and cache.hits == 0
    monkeypatch.setenv("PATH", "/nowhere")  # no Tesseract now: only the cache can answer
    again = read_source(scanned_pack[1], ocr=OcrSettings(cache=cache))
    assert cache.hits == 3 and again.pack.pages == first.pack.pages


def test_only_the_image_pages_of_a_text_pack_are_read(tmp_path):
    original = tmp_path / "pack.pdf"
    write_pack(MEETING, None, original, paragraphs=3)
    scanned_letter = write_scan(original, tmp_path / "letter.pdf", pages=[1])
    mixed = pypdfium2.PdfDocument(str(original))
    mixed.import_pages(pypdfium2.PdfDocument(str(scanned_letter)))
    buffer = io.BytesIO()
    mixed.save(buffer)
    (tmp_path / "mixed.pdf").write_bytes(buffer.getvalue())
    source = read_source(tmp_path / "mixed.pdf")
    assert list(source.ocr) == [len(source.pack.pages)]  # the last page, the image, only


def test_ocr_always_reads_every_page_even_with_a_text_layer(scanned_pack):
    source = read_source(scanned_pack[0], ocr=OcrSettings("always"))
    assert len(source.ocr) == len(source.pack.pages)


def test_a_broken_font_page_is_read_by_ocr(realworld):
    source = read_source(realworld("horsley_parish-council_2014-04-29_agenda"))
    assert list(source.ocr) == [1] and source.ocr[1] > 80
    assert source.pack.meeting.body == "Horsley Parish Council"
    assert "Declarations of Interest" in source.pack.pages[0]


def test_tesseract_tsv_becomes_lines_with_their_styles_and_a_confidence():
    columns = "level page_num block_num par_num line_num word_num left top width height conf text"
    header = "\t".join(columns.split())
    rows = [  # a page 2550 pixels by 3300 (8.5 by 11 inches at 300 dpi)
        "1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t",
        "5\t1\t1\t1\t1\t1\t1100\t300\t400\t75\t90\tAGENDA",
        "5\t1\t2\t1\t1\t1\t300\t600\t50\t50\t80\t1.",
        "5\t1\t2\t1\t1\t2\t375\t598\t300\t54\t70\tApologies",
        "5\t1\t2\t1\t2\t1\t375\t660\t0\t0\t-1\t",
        "5\t1\t2\t1\t2\t2\t375\t660\t250\t50\t60\tMinutes",
    ]
    read = parse_tsv("\n".join([header, *rows]))
    assert (read.text, read.confidence) == ("AGENDA\n1. Apologies\nMinutes", 75.0)
    heading, item, wrapped = read.styles
    expected = (18, 264, 72, 72 / 792)
    assert (heading.size, heading.x, heading.top, heading.y) == pytest.approx(expected)
    assert heading.bold is None
    assert (item.size, item.x, item.top) == pytest.approx((12.96, 72.0, 143.52))  # the taller
    assert (wrapped.x, wrapped.top) == pytest.approx((90.0, 158.4))


@pytest.mark.django_db
def test_an_imported_scan_says_which_pages_were_read_by_ocr(scanned_pack, client, monkeypatch):
    from django.core.management import CommandError, call_command

    from meetings.management.commands.export_archive import export_archive
    from meetings.management.commands.import_packs import import_one
    from meetings.models import Document, OcrCacheEntry

    options = {"body": "", "date": None, "force": False, "dry_run": False, "ocr": "auto"}
    result, error = import_one(scanned_pack[1], options)
    assert not error
    assert result.summary().startswith(
        "scanned.pdf: agenda of Cabinet, 12 May 2026: 5 items; 1 report; pages 1-3 read by OCR; "
        "filed under Wessex Vale County Council."
    )
    document = Document.objects.get()
    confidences = list(document.pages.values_list("ocr_confidence", flat=True))
    assert len(confidences) == 3 and min(confidences) > 80
    assert OcrCacheEntry.objects.count() == 3
    page = client.get(f"/documents/{document.sha256}/page/2/").content.decode()
    assert "its text was read by OCR, with" in page
    assert (
        "3 pages of this document were read by OCR"
        in client.get(document.get_absolute_url()).content.decode()
    )
    exported = export_archive()["documents"][0]["ocr_pages"]
    assert [entry["page"] for entry in exported] == [1, 2, 3]

    monkeypatch.setenv("PATH", "/nowhere")  # a forced re-import reads nothing again
    again, error = import_one(scanned_pack[1], {**options, "force": True})
    assert not error and again.counts["updated"] == 0
    assert list(document.pages.values_list("ocr_confidence", flat=True)) == confidences
    with pytest.raises(CommandError, match="1 of 1 packs failed"):
        call_command("import_packs", str(scanned_pack[1]), "--ocr", "never", "--force")


def tsv_of(*lines):
    """Tesseract's TSV of a page of 2550 by 3300 pixels holding `lines` of (left, word) pairs."""
    columns = "level page_num block_num par_num line_num word_num left top width height conf text"
    rows = ["\t".join(columns.split()), "1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t"]
    for number, words in enumerate(lines, start=1):
        for position, (left, word) in enumerate(words, start=1):
            width = 25 * len(word)
            rows.append(f"5\t1\t1\t1\t{number}\t{position}\t{left}\t{100 * number}\t{width}\t40"
                        f"\t90\t{word}")  # fmt: skip
    return "\n".join(rows)


def test_a_line_is_split_where_a_wide_gap_parts_two_columns():
    read = parse_tsv(
        tsv_of(
            [(300, "I."), (400, "CLOSED"), (600, "SESSION"), (1800, "President"), (2050, "Lopez")],
            [(300, "1"), (600, "Roll"), (725, "Call")],  # a number apart from its title stays
        )
    )
    assert read.text.split("\n") == ["I. CLOSED SESSION", "President Lopez", "1 Roll Call"]
    assert [style.x for style in read.styles] == pytest.approx([72, 432, 72])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le conseil municipal de la commune s'est réuni en séance sous la présidence du maire",
         "fra"),
        ("Cofnodion cyfarfod y cyngor a gynhaliwyd yn y neuadd ar gyfer y gymuned", "cym"),
        ("The minutes of the meeting held on 25 July were agreed as a true record", "eng"),
    ],
)  # fmt: skip
def test_a_page_is_read_again_in_the_language_its_english_reading_shows(text, language):
    from meetings.ingest.ocr import language_of

    assert language_of(text) == language
