"""The OCR cache in PostgreSQL: what Tesseract read on a page image, keyed by its SHA-256."""

from meetings.ingest.layout import Style
from meetings.ingest.ocr import OcrResult
from meetings.models import OcrCacheEntry


class DatabaseOcrCache:
    """meetings.ingest.ocr's cache, kept in the database, so no page is read twice.

    Entries are written as soon as a page is read, outside the import's transaction: a
    failed or killed import keeps what it read, and its retry reads nothing again.
    """

    def get(self, key: str) -> OcrResult | None:
        entry = OcrCacheEntry.objects.filter(key=key).first()
        if not entry:
            return None
        styles = tuple(Style.from_json(style) if style else None for style in entry.styles)
        return OcrResult(entry.text, entry.confidence, styles)

    def put(self, key: str, result: OcrResult) -> None:
        styles = [style.to_json() if style else None for style in result.styles]
        entry = OcrCacheEntry(
            key=key, text=result.text, confidence=result.confidence, styles=styles
        )
        OcrCacheEntry.objects.bulk_create([entry], ignore_conflicts=True)
