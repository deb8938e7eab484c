"""Harvesting a ModernGov web service of 200 meetings on a local server: requests, time, memory.

    .venv/bin/python bench/harvest.py [--meetings 200] [--delay 0]

Into a throwaway embedded database: a local web server (a thread, real HTTP on loopback)
serves a ModernGov web service (tests/harvest/moderngov.py) of --meetings meetings of four
committees, each with its agenda pack (a generated PDF, 4 to 9 pages). The first harvest
lists them, records each meeting, fetches every pack and queues its import job (the imports
themselves are the importer's speed: bench/import.py); the second finds nothing changed.
--delay is the pause between two requests to the host (the archive's default is 2 s: with
it, the pauses alone take two seconds a request).
"""

import argparse
import datetime
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, start_with_empty_database  # noqa: E402

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
COMMITTEES = ["Cabinet", "Scrutiny Commission", "Planning Committee", "Licensing Committee"]


def service(site, count: int) -> None:
    from meetings.demo import TOPICS, DemoMeeting, compose_pack, pdf_of
    from tests.harvest import moderngov

    meetings = []
    for number in range(count):
        committee = COMMITTEES[number % len(COMMITTEES)]
        date = datetime.date(2026, 1, 5) + datetime.timedelta(days=number)
        topics = [TOPICS[(number + shift) % len(TOPICS)] for shift in range(1 + number % 3)]
        pack = bytes(pdf_of(compose_pack(DemoMeeting(committee, date, topics, 1), None)).output())
        items = [("1", "Apologies"), *((str(5 + i), topic) for i, topic in enumerate(topics))]
        meetings.append(
            moderngov.Meeting(
                1000 + number,
                1 + number % len(COMMITTEES),
                committee,
                date,
                items=items,
                documents=[moderngov.Document("Public reports pack", pack)],
            )
        )
    moderngov.serve(site, meetings)


def measure(source, label: str) -> None:
    from meetings.harvest.harvesting import harvest

    started = time.perf_counter()
    run = harvest(source)
    seconds = time.perf_counter() - started
    print(f"{label}: {seconds:.1f} s, {run.requests} requests, {run.summary}", flush=True)


def heap_peak(source) -> None:
    """Python's heap at its largest while every file is fetched again (traced, so slower)."""
    from meetings.harvest.harvesting import harvest

    tracemalloc.start()
    harvest(source, refetch=True)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"Python heap peak while fetching every file again: {peak / 1024 / 1024:.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--delay", type=float, default=0.0)
    arguments = parser.parse_args()
    start_with_empty_database("harvest")
    from django.conf import settings

    from meetings.harvest.models import Source
    from meetings.models import Council, ImportJob
    from tests.harvest.server import Site

    settings.HARVEST_DELAY_SECONDS = arguments.delay
    site = Site()
    started = time.perf_counter()
    service(site, arguments.meetings)
    served = sum(len(route.body) for path, route in site.routes.items() if path.endswith(".pdf"))
    print(
        f"served: {arguments.meetings} meetings, {served / 1024 / 1024:.1f} MiB of packs "
        f"(generated in {time.perf_counter() - started:.1f} s)",
        flush=True,
    )
    council = Council.objects.create(name="Wessex Vale County Council", slug="wessex-vale",
                                     short_name="Wessex Vale")  # fmt: skip
    source = Source.objects.create(
        council=council,
        name="Bench",
        platform=Source.Platform.MODERNGOV,
        url=site.url,
        harvest_from=datetime.date(2026, 1, 1),
        harvest_until=datetime.date(2026, 12, 31),
    )
    measure(source, "first harvest")
    print(f"import jobs queued: {ImportJob.objects.count()}")
    measure(source, "second harvest")
    heap_peak(source)
    maximum = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the whole process (the PDFs generated included): {maximum:.0f} MiB")
    site.close()


if __name__ == "__main__":
    main()
