"""The OCR cache in PostgreSQL: what Tesseract read on a page image, keyed by its SHA-256."""

from meetings.ingest.ocr import parse_tsv
from meetings.models import OcrCacheEntry


class DatabaseOcrCache:
    """meetings.ingest.ocr's cache, kept in the database, so no page is read twice.

    Entries are written as soon as a page is read, outside the import's transaction: a
    failed or killed import keeps what it read, and its retry reads nothing again.
    """

    def get(self, key: str) -> str | None:
        return OcrCacheEntry.objects.filter(key=key).values_list("tsv", flat=True).first()

    def put(self, key: str, tsv: str) -> None:
        read = parse_tsv(tsv)
        entry = OcrCacheEntry(key=key, tsv=tsv, text=read.text, confidence=read.confidence)
        OcrCacheEntry.objects.bulk_create([entry], ignore_conflicts=True)
