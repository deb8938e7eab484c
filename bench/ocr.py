"""OCR speed: a whole import of scanned packs against bare Tesseract on the same page images.

    .venv/bin/python bench/ocr.py [--pages 24] [--packs 2]

Writes generated packs (meetings/demo.py) of about --pages pages and "scans" them (each
page a 200 dpi image, no text layer). Then, in one run on a throwaway embedded database:
1. bare Tesseract: the pages rendered as the importer renders them (untimed), then
   `tesseract` run on each image, one at a time, one thread, as the importer runs it;
2. the whole import of one scanned pack with `import_packs` (OCR, parsing, loading),
   with an empty OCR cache: pages/s, and its overhead over (1);
3. all --packs with --jobs 1 and --jobs 2 (cache emptied before each): the speed-up.
"""

import argparse
import datetime
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, start_with_empty_database  # noqa: E402

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


def scanned_packs(folder: Path, count: int, pages: int) -> list[Path]:
    from meetings.demo import TOPICS, DemoMeeting, write_pack, write_scan

    scans = []
    for index in range(count):
        date = datetime.date(2024, 1, 2) + datetime.timedelta(days=7 * index)
        text = folder / f"pack-{index}.pdf"
        meeting = DemoMeeting("Cabinet", date, TOPICS[index * 6 : index * 6 + 6], 1)
        write_pack(meeting, None, text, paragraphs=max(3, pages * 2 // 3))
        scans.append(write_scan(text, folder / f"scan-{index}.pdf"))
    return scans


def bare_tesseract(scan: Path) -> tuple[int, float]:
    import pypdfium2

    from meetings.ingest.ocr import DPI, LANGUAGE, PAGE_SEGMENTATION, page_image

    document = pypdfium2.PdfDocument(str(scan))
    images = [page_image(document[index]) for index in range(len(document))]
    started = time.perf_counter()
    for image in images:
        subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(DPI),
             "--psm", PAGE_SEGMENTATION, "tsv"],  # fmt: skip
            input=image, capture_output=True, check=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )  # fmt: skip
    return len(images), time.perf_counter() - started


def timed_import(paths: list[Path], jobs: int) -> float:
    from django.core.management import call_command

    from meetings.models import Document, Meeting, OcrCacheEntry

    Document.objects.all().delete()
    Meeting.objects.all().delete()
    OcrCacheEntry.objects.all().delete()
    started = time.perf_counter()
    call_command("import_packs", *map(str, paths), "--jobs", str(jobs), stdout=io.StringIO())
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--packs", type=int, default=2)
    options = parser.parse_args()
    start_with_empty_database("bench/ocr.py")
    from meetings.ingest.pages import count_pages

    with tempfile.TemporaryDirectory() as folder:
        scans = scanned_packs(Path(folder), options.packs, options.pages)
        pages, bare = bare_tesseract(scans[0])
        print(f"bare tesseract: {pages} pages in {bare:.1f} s = {pages / bare:.2f} pages/s")
        whole = timed_import(scans[:1], 1)
        print(
            f"whole import, one pack: {pages} pages in {whole:.1f} s = {pages / whole:.2f} "
            f"pages/s, {100 * (whole / bare - 1):+.0f} % over bare tesseract"
        )
        total = sum(count_pages(scan) for scan in scans)
        for jobs in (1, 2):
            elapsed = timed_import(scans, jobs)
            print(
                f"{len(scans)} packs, --jobs {jobs}: {total / elapsed:.2f} pages/s "
                f"({elapsed:.1f} s)"
            )


if __name__ == "__main__":
    main()
