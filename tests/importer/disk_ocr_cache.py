"""Tesseract's reading of each page image the tests OCR, kept on disk between runs.

The archive keeps it in PostgreSQL, which each test run starts empty; the tests of real
scans keep it in var/test-ocr-cache/ instead, keyed by the page image as the archive keys
it, so a second run of the suite (CI runs it twice) reads no page again.
"""

from pathlib import Path

from meetings.ingest.ocr import OcrSettings

CACHE = Path(__file__).resolve().parents[2] / "var" / "test-ocr-cache"


class DiskOcrCache:
    """Tesseract's TSV of each page image, one file a page."""

    def get(self, key: str) -> str | None:
        path = CACHE / f"{key}.tsv"
        return path.read_text() if path.exists() else None

    def put(self, key: str, tsv: str) -> None:
        CACHE.mkdir(parents=True, exist_ok=True)
        (CACHE / f"{key}.tsv").write_text(tsv)


def cached_ocr(mode: str = "auto") -> OcrSettings:
    return OcrSettings(mode, cache=DiskOcrCache())
