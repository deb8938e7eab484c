"""Source files to page texts. No Django here.

PDF text comes from pypdfium2 (PDFium's text layer, about fifty times faster than
pdfplumber's layout analysis); pdfplumber is used where it pays: to tell a page
with no usable text apart as a scan or a broken font. Such pages, and pages that are
only an image, are read by OCR (meetings.ingest.ocr) unless OCR is turned off.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pypdfium2

from meetings.ingest.describe import page_ranges
from meetings.ingest.glued import unglue
from meetings.ingest.layout import Style, pdf_page_text
from meetings.ingest.ocr import OcrFailed, OcrSettings, ocr_pages

BLANK_PAGE = re.compile(r"^\s*T\s*\n?\s*his page is intentionally left blank\s*$", re.IGNORECASE)
_CID = re.compile(r"\(cid:\d+\)")


class UnreadableSource(Exception):
    """The file cannot be read as an agenda pack; the message says why."""


@dataclass
class PageTexts:
    format: str  # "pdf" or "text"
    texts: list[str]
    styles: list[list[Style | None]] = field(default_factory=list)  # a PDF's, each page's lines'
    ocr: dict[int, float] = field(default_factory=dict)  # page number: OCR confidence
    warnings: list[str] = field(default_factory=list)
    ocr_failure: str = ""  # why pages that need OCR were not read


def read_pages(
    path: Path, on_page=None, max_pages: int | None = None, ocr: OcrSettings | None = None
) -> PageTexts:
    """The text of each page of the file at `path`.

    A file of more than `max_pages` pages is refused before any page is read.
    """
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head.strip():
        raise UnreadableSource("the file is empty")
    if head.lstrip().startswith(b"%PDF-"):
        return pdf_pages(path, on_page, max_pages, ocr or OcrSettings())
    if b"\x00" in head:
        raise UnreadableSource("not a PDF or a text file")
    if path.suffix.lower() == ".pdf":
        raise UnreadableSource("not a PDF (it is named .pdf but holds no PDF)")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252", errors="replace")
    pages = text_pages(text)
    _check_page_count(len(pages), max_pages)
    if on_page:
        on_page(len(pages))
    return PageTexts("text", pages)


def _check_page_count(count: int, max_pages: int | None) -> None:
    if max_pages is not None and count > max_pages:
        raise UnreadableSource(f"it has {count:,} pages; the limit is {max_pages:,} pages a file")


def pdf_pages(path: Path, on_page, max_pages: int | None, ocr: OcrSettings) -> PageTexts:
    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as error:
        message = str(error).lower()
        if "password" in message:
            raise UnreadableSource("the PDF is encrypted (password protected)") from error
        raise UnreadableSource(f"the PDF is damaged or truncated ({error})") from error
    try:
        _check_page_count(len(document), max_pages)
        result = PageTexts("pdf", [])
        for index in range(len(document)):
            text, styles = pdf_page_text(document[index])
            result.texts.append(text)
            result.styles.append(styles)
        wanted = _pages_for_ocr(path, document, result.texts, ocr.mode)
        if on_page:
            on_page(len(result.texts) - len(wanted))
        _read_by_ocr(document, wanted, ocr, result, on_page)
        result.texts = unglue(result.texts, [number - 1 for number in result.ocr])
    except pypdfium2.PdfiumError as error:
        raise UnreadableSource(f"the PDF is damaged or truncated ({error})") from error
    finally:
        document.close()
    if not result.texts:
        raise UnreadableSource("the PDF has no pages")
    if problem := text_layer_problem(path, result.texts):
        raise UnreadableSource(
            f"{problem}, and {result.ocr_failure}" if result.ocr_failure else problem
        )
    return result


def _pages_for_ocr(path: Path, document, texts: list[str], mode: str) -> list[int]:
    """Indexes of the pages to read by OCR: in `auto`, those without usable text."""
    if mode == "always":
        return list(range(len(texts)))
    if mode == "never":
        return []
    broken = bool(text_layer_problem(path, texts))
    return [
        index
        for index, text in enumerate(texts)
        if (broken and text_quality(text) < WORDLIKE)
        or (not text.strip() and _has_image(document[index]))
    ]


def _has_image(page: pypdfium2.PdfPage) -> bool:
    return any(
        item.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE for item in page.get_objects(max_depth=2)
    )


def _read_by_ocr(document, wanted: list[int], ocr: OcrSettings, result: PageTexts, on_page):
    """Replace the wanted pages' text by Tesseract's; without Tesseract, say so and go on."""
    try:
        for index, read in ocr_pages(document, wanted, ocr.cache):
            result.texts[index] = read.text
            result.styles[index] = list(read.styles)
            result.ocr[index + 1] = read.confidence
            if on_page:
                on_page(1)
    except OcrFailed as failure:
        result.ocr_failure = str(failure)
        unread = page_ranges([number + 1 for number in wanted])
        result.warnings.append(f"{unread} not read: they need OCR, and {failure}")


WORDLIKE = 0.4  # below this share of word-like words, a text layer is glyph soup


def text_quality(text: str) -> float:
    """The share of words that look like words: low for glyph soup from a broken font."""
    words = re.findall(r"\S+", text)
    if not words:
        return 0.0
    wordlike = sum(
        1 for word in words if re.fullmatch(r"[(\"'‘“]?[A-Za-z][a-z'’-]*[.,;:)\"'’”]*", word)
    )
    return wordlike / len(words)


def text_layer_problem(path: Path, pages: list[str]) -> str:
    """'' for a usable text layer; why not for a scan, or a text layer of unmapped glyph codes."""
    content = [text for text in pages if text.strip() and not BLANK_PAGE.match(text.strip())]
    if not content:
        return "the PDF has no text layer (a scan?): it needs OCR"
    sample = " ".join(content)[:20000]
    if text_quality(sample) >= WORDLIKE:
        return ""
    with pdfplumber.open(path) as pdf:
        plumber_text = pdf.pages[0].extract_text() or ""
        pdf.pages[0].close()
    if _CID.search(plumber_text):
        return "the PDF's fonts have no text mapping ((cid:NN) glyph codes): it needs OCR"
    return "the PDF's text layer is unreadable: it needs OCR"


def text_pages(text: str) -> list[str]:
    """Pages of a text extraction.

    Form feeds are page breaks. Without them, the breaks the text still shows are
    used: a run of three or more empty lines, and a 'This page is intentionally
    left blank' notice, which is a page of its own.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        return list(text.split("\f"))
    pages: list[list[str]] = [[]]
    empty_run = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        if _is_blank_notice(lines, index):
            pages.append([line])
            pages.append([])
            empty_run = 0
            continue
        if not stripped:
            empty_run += 1
            if empty_run == 3 and any(part.strip() for part in pages[-1]):
                pages.append([])
            else:
                pages[-1].append(line)
            continue
        if stripped == "T" and index + 1 < len(lines) and _is_blank_notice(lines, index + 1):
            continue
        empty_run = 0
        pages[-1].append(line)
    return ["\n".join(page).strip("\n") for page in pages if any(part.strip() for part in page)]


def _is_blank_notice(lines: list[str], index: int) -> bool:
    stripped = lines[index].strip()
    if stripped.lower() == "this page is intentionally left blank":
        return True
    return (
        stripped.lower() == "his page is intentionally left blank"
        and index > 0
        and (lines[index - 1].strip() == "T")
    )


def count_pages(path: Path) -> int | None:
    """The number of pages, reading no PDF page (a PDF's page tree); None if it cannot tell."""
    with path.open("rb") as handle:
        is_pdf = handle.read(1024).lstrip().startswith(b"%PDF-")
    try:
        if not is_pdf:
            return len(read_pages(path).texts)
        document = pypdfium2.PdfDocument(str(path))
    except (pypdfium2.PdfiumError, UnreadableSource):
        return None
    try:
        return len(document)
    finally:
        document.close()
