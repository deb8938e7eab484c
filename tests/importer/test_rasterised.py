"""A scan is read through the same path as a text layer: each real-world PDF with a text
layer, printed here as a scan (its first pages rendered at 300 dpi into an image-only PDF),
reads as its text layer reads: the same meetings, and the same items with their titles
(allowing OCR's spelling).

Tesseract's reading of each page image is kept on disk between runs (disk_ocr_cache).
"""

from difflib import SequenceMatcher
from pathlib import Path

import pypdfium2
import pytest

from meetings.demo import write_scan
from meetings.ingest.ocr import OcrSettings, tesseract_missing
from meetings.ingest.pages import UnreadableSource, read_pages
from meetings.ingest.read import PackError, read_source
from meetings.ingest.text import fold
from tests.conftest import REALWORLD, SHARED
from tests.importer.disk_ocr_cache import cached_ocr

PAGES = 3  # of each document: its heading, its meeting and its first items
DPI = 300
TITLE_LIKENESS = 0.8
pytestmark = pytest.mark.ocr


def text_layer_pdfs() -> list[Path]:
    """The PDFs of ../shared/realworld and ../shared/realworld-next with a usable text layer."""
    found = []
    for folder in (REALWORLD, SHARED / "realworld-next"):
        for path in sorted(folder.glob("*.pdf")):
            try:
                read_pages(path, ocr=OcrSettings("never"))
            except UnreadableSource:
                continue  # a scan or a broken font: read by OCR already
            found.append(path)
    return found


def first_pages(path: Path, folder: Path) -> Path:
    document = pypdfium2.PdfDocument(str(path))
    part = pypdfium2.PdfDocument.new()
    part.import_pages(document, pages=list(range(min(PAGES, len(document)))))
    copy = folder / path.name
    part.save(str(copy))
    return copy


def reading(path: Path, ocr: OcrSettings) -> dict:
    """The meetings a file names and the items each holds, or why it was refused."""
    try:
        pack = read_source(path, ocr=ocr).pack
    except PackError:
        return {"refused": []}
    meetings = [(pack.meeting, pack.meeting.agenda_items)] if pack.meeting else []
    meetings += [(minutes.meeting, minutes.minutes) for minutes in pack.minutes]
    return {
        (meeting.body, meeting.date): [(item.printed_number or item.number, item.title)
                                       for item in items]
        for meeting, items in meetings
    }  # fmt: skip


@pytest.mark.skipif(bool(tesseract_missing()), reason=tesseract_missing() or "")
@pytest.mark.parametrize("path", text_layer_pdfs(), ids=lambda path: path.name)
def test_a_scan_reads_as_its_text_layer(path, tmp_path):
    text = first_pages(path, tmp_path)
    scan = write_scan(text, tmp_path / "scan.pdf", dpi=DPI)
    expected = reading(text, OcrSettings("never"))
    got = reading(scan, cached_ocr())
    assert got.keys() == expected.keys()
    for meeting, items in expected.items():
        assert [number for number, _ in got[meeting]] == [number for number, _ in items]
        for (_, title), (_, read) in zip(items, got[meeting], strict=True):
            likeness = SequenceMatcher(None, fold(title), fold(read)).ratio()
            assert likeness >= TITLE_LIKENESS, (title, read)
