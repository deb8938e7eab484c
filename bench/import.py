"""Import speed and peak memory, end to end (read, parse, load, index).

    .venv/bin/python bench/import.py [--pages 500] [--packs 4]

Writes generated packs (meetings/demo.py) of about --pages pages, imports one
in this process and prints pages/s and peak RSS; then imports --packs packs with
--jobs 1 and --jobs 2 and prints the speed-up. Uses a throwaway embedded database.
"""

import argparse
import datetime
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, start_with_empty_database  # noqa: E402

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


def write_packs(directory: Path, count: int, pages: int) -> list[Path]:
    from meetings.demo import TOPICS, DemoMeeting, write_pack

    paths = []
    for index in range(count):
        date = datetime.date(2024, 1, 2) + datetime.timedelta(days=7 * index)
        meeting = DemoMeeting("Cabinet", date, TOPICS[:8], 1)
        path = directory / f"pack-{index}.pdf"
        write_pack(meeting, None, path, paragraphs=max(6, pages * 9 // 8))
        paths.append(path)
    return paths


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--packs", type=int, default=4)
    options = parser.parse_args()

    start_with_empty_database("bench/import.py")
    from django.core.management import call_command

    from meetings.ingest.read import read_source
    from meetings.loader import load_source
    from meetings.models import Document, Meeting

    with tempfile.TemporaryDirectory() as folder:
        packs = write_packs(Path(folder), options.packs, options.pages)
        started = time.perf_counter()
        source = read_source(packs[0])
        load_source(source)
        elapsed = time.perf_counter() - started
        pages = len(source.pack.pages)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"one pack: {pages} pages in {elapsed:.2f} s = {pages / elapsed:.0f} pages/s")
        print(f"peak memory (RSS, whole process): {peak:.0f} MiB")
        for jobs in (1, 2):
            Document.objects.all().delete()
            Meeting.objects.all().delete()
            started = time.perf_counter()
            call_command(
                "import_packs", *map(str, packs), "--jobs", str(jobs), stdout=io.StringIO()
            )
            elapsed = time.perf_counter() - started
            total = pages * len(packs)
            print(
                f"{len(packs)} packs, --jobs {jobs}: "
                f"{total / elapsed:.0f} pages/s ({elapsed:.2f} s)"
            )


if __name__ == "__main__":
    main()
