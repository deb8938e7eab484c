"""Stored source files: written durably, checked against their fingerprint, and the public copy.

A document's file is written before its transaction commits (temporary file, fsync,
atomic rename, fsync of the folder), so a committed document always has its file. A
document with restricted pages also gets a public copy in which each of those pages
is replaced by a notice, so page N of the copy is still page N of the original.
"""

import io
import itertools
import os
import tempfile
from pathlib import Path

import pypdfium2
from django.conf import settings
from fpdf import FPDF

from meetings.ingest.pages import read_pages
from meetings.ingest.read import sha256_of

WITHHELD_NOTICE = (
    "This page is withheld from publication: it holds restricted or exempt information."
)


def media_path(name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / name


def stored_name(sha256: str, suffix: str) -> str:
    return f"documents/{sha256[:2]}/{sha256}{suffix.lower()}"


def public_name(sha256: str, suffix: str) -> str:
    return f"documents/{sha256[:2]}/{sha256}.public{suffix.lower()}"


def write_durably(name: str, data: bytes | Path) -> None:
    """Write `data` (bytes, or the file at a path) to MEDIA_ROOT/name, whole or not at all."""
    target = media_path(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if isinstance(data, Path):
                with data.open("rb") as source:
                    while block := source.read(1 << 20):
                        handle.write(block)
            else:
                handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def file_problem(name: str, sha256: str, size: int | None = None) -> str:
    """'' when the stored file is whole, else what is wrong with it.

    With `size` only the size is compared (cheap); without it the SHA-256 is checked.
    """
    path = media_path(name)
    if not name or not path.is_file():
        return "the stored file is missing"
    if size is not None:
        return "" if path.stat().st_size == size else "the stored file is truncated or changed"
    return "" if sha256_of(path) == sha256 else "the stored file does not match its SHA-256"


def public_copy(
    source: Path, file_format: str, withheld: set[int], texts: list[str] | None = None
) -> bytes:
    """The file with each withheld page (numbered from 1) replaced by a notice.

    A text file's pages are `texts` when the caller has read them already.
    """
    if file_format == "pdf":
        return _public_pdf(source, withheld)
    return _public_text(texts if texts is not None else read_pages(source).texts, withheld)


def public_copy_problem(name: str, file_format: str, page_count: int, withheld) -> str:
    """'' when the public copy `name` has every page, each withheld one (numbered from 1)
    replaced by the notice; else what is wrong with it."""
    path = media_path(name)
    if not name or not path.is_file():
        return "there is none"
    try:
        texts = page_texts(path, file_format)
    except (pypdfium2.PdfiumError, UnicodeDecodeError):
        return "it cannot be read"
    if len(texts) != page_count:
        return f"it has {len(texts)} pages, not {page_count}"
    notice = " ".join(WITHHELD_NOTICE.split())
    for number in sorted(withheld):
        if notice not in " ".join(texts[number - 1].split()):
            return f"it published withheld page {number}"
    return ""


def page_texts(path: Path, file_format: str) -> list[str]:
    """Each page's text as stored: a PDF's text layer, or a text file's form-fed pages."""
    if file_format != "pdf":
        return path.read_text(encoding="utf-8").split("\f")
    document = pypdfium2.PdfDocument(str(path))
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
        return texts
    finally:
        document.close()


def _public_pdf(source: Path, withheld: set[int]) -> bytes:
    original = pypdfium2.PdfDocument(str(source))
    notice = pypdfium2.PdfDocument(bytes(_notice_pdf().output()))
    copy = pypdfium2.PdfDocument.new()
    try:
        # Runs of kept pages are imported together, so they share their fonts and images.
        runs = itertools.groupby(range(len(original)), key=lambda index: index + 1 in withheld)
        for is_withheld, indices in runs:
            indices = list(indices)
            if is_withheld:
                copy.import_pages(notice, [0] * len(indices))
            else:
                copy.import_pages(original, indices)
        buffer = io.BytesIO()
        copy.save(buffer)
        return buffer.getvalue()
    finally:
        for document in (copy, notice, original):
            document.close()


def _notice_pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, WITHHELD_NOTICE)
    return pdf


def _public_text(pages: list[str], withheld: set[int]) -> bytes:
    kept = [
        f"[{WITHHELD_NOTICE}]" if number in withheld else text
        for number, text in enumerate(pages, start=1)
    ]
    return "\f".join(kept).encode("utf-8")
