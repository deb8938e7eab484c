"""Scans and broken fonts are read with the real Tesseract; results are cached by page image."""

import datetime
import io

import pypdfium2
import pytest

from meetings.demo import DemoMeeting, write_pack, write_scan
from meetings.ingest.ocr import OcrResult, OcrSettings, parse_tsv, tesseract_missing
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

    def put(self, key, result):
        self.entries[key] = result


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


def test_tesseract_tsv_becomes_lines_paragraphs_and_a_confidence():
    columns = "level page_num block_num par_num line_num word_num left top width height conf text"
    header = "\t".join(columns.split())
    rows = [
        "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tAGENDA",
        "5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t80\t1.",
        "5\t1\t2\t1\t1\t2\t0\t0\t1\t1\t70\tApologies",
        "5\t1\t2\t1\t2\t1\t0\t0\t1\t1\t-1\t",
        "5\t1\t2\t1\t2\t2\t0\t0\t1\t1\t60\tMinutes",
    ]
    assert parse_tsv("\n".join([header, *rows])) == OcrResult(
        "AGENDA\n\n1. Apologies\nMinutes", 75.0
    )


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
