"""A file on disk to a PackRecord: read its pages, fingerprint it, parse it. No Django here."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from meetings.ingest.ocr import OcrSettings
from meetings.ingest.pack import parse_pack, printed_pages
from meetings.ingest.pages import UnreadableSource, read_pages
from meetings.ingest.records import PackRecord


class PackError(Exception):
    """A pack that cannot be imported; str() is the one-line reason."""


@dataclass
class SourceFile:
    path: Path
    sha256: str
    format: str
    pack: PackRecord
    ocr: dict[int, float] = field(default_factory=dict)  # page number: OCR confidence


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_source(
    path: Path,
    default_body: str = "",
    default_date=None,
    on_page=None,
    max_pages=None,
    ocr: OcrSettings | None = None,
) -> SourceFile:
    try:
        pages = read_pages(path, on_page, max_pages, ocr)
        pack = parse_pack(pages.texts, default_body, default_date, pages.styles)
        pack.printed_pages = printed_pages(pack, count_on=pages.format == "pdf")
        pack.warnings[:0] = pages.warnings
    except UnreadableSource as error:
        raise PackError(str(error)) from error
    except OSError as error:
        raise PackError(f"cannot be read ({error.strerror or error})") from error
    return SourceFile(path, sha256_of(path), pages.format, pack, pages.ocr)
