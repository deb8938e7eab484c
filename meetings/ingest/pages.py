"""Source files to page texts. No Django here.

PDF text comes from pypdfium2 (PDFium's text layer, about fifty times faster than
pdfplumber's layout analysis); pdfplumber is used where it pays: to tell a page
with no usable text apart as a scan or a broken font.
"""

import re
from pathlib import Path

import pdfplumber
import pypdfium2

BLANK_PAGE = re.compile(r"^\s*T\s*\n?\s*his page is intentionally left blank\s*$", re.IGNORECASE)
_CID = re.compile(r"\(cid:\d+\)")


class UnreadableSource(Exception):
    """The file cannot be read as an agenda pack; the message says why."""


def read_pages(path: Path, on_page=None, max_pages: int | None = None) -> tuple[str, list[str]]:
    """('pdf' or 'text', the text of each page) for the file at `path`.

    A file of more than `max_pages` pages is refused before any page is read.
    """
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head.strip():
        raise UnreadableSource("the file is empty")
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf", pdf_pages(path, on_page, max_pages)
    if b"\x00" in head:
        raise UnreadableSource("not a PDF or a text file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252", errors="replace")
    pages = text_pages(text)
    _check_page_count(len(pages), max_pages)
    if on_page:
        on_page(len(pages))
    return "text", pages


def _check_page_count(count: int, max_pages: int | None) -> None:
    if max_pages is not None and count > max_pages:
        raise UnreadableSource(f"it has {count:,} pages; the limit is {max_pages:,} pages a file")


def pdf_pages(path: Path, on_page=None, max_pages: int | None = None) -> list[str]:
    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as error:
        message = str(error).lower()
        if "password" in message:
            raise UnreadableSource("the PDF is encrypted (password protected)") from error
        raise UnreadableSource(f"the PDF is damaged or truncated ({error})") from error
    try:
        _check_page_count(len(document), max_pages)
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
            if on_page:
                on_page(1)
    except pypdfium2.PdfiumError as error:
        raise UnreadableSource(f"the PDF is damaged or truncated ({error})") from error
    finally:
        document.close()
    if not pages:
        raise UnreadableSource("the PDF has no pages")
    check_text_layer(path, pages)
    return pages


def text_quality(text: str) -> float:
    """The share of words that look like words: low for glyph soup from a broken font."""
    words = re.findall(r"\S+", text)
    if not words:
        return 0.0
    wordlike = sum(
        1 for word in words if re.fullmatch(r"[(\"'‘“]?[A-Za-z][a-z'’-]*[.,;:)\"'’”]*", word)
    )
    return wordlike / len(words)


def check_text_layer(path: Path, pages: list[str]) -> None:
    """Refuse a scan with no text layer, or a text layer of unmapped glyph codes."""
    content = [text for text in pages if text.strip() and not BLANK_PAGE.match(text.strip())]
    if not content:
        raise UnreadableSource("the PDF has no text layer (a scan?): it needs OCR")
    sample = " ".join(content)[:20000]
    if text_quality(sample) >= 0.4:
        return
    with pdfplumber.open(path) as pdf:
        plumber_text = pdf.pages[0].extract_text() or ""
        pdf.pages[0].close()
    if _CID.search(plumber_text):
        raise UnreadableSource(
            "the PDF's fonts have no text mapping ((cid:NN) glyph codes): it needs OCR"
        )
    raise UnreadableSource("the PDF's text layer is unreadable: it needs OCR")


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
    """A PDF's page count from its page tree, without reading any page; None if not a PDF."""
    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError:
        return None
    try:
        return len(document)
    finally:
        document.close()
