"""Search latency on a large archive, beside an unindexed ILIKE scan of the same data.

    .venv/bin/python bench/search.py [--pages 1000000] [--runs 20]

Builds (once, then reuses) an archive of generated packs (meetings/demo.py, text
extractions of 150 to 350 pages each) in its own embedded PostgreSQL under
var/bench-search-<code key> (bench/common.py), imported with `import_packs --jobs 2`,
and says how long that took. Then times a fixed set of typical queries through HTTP:
the search page served by gunicorn on 127.0.0.1, fetched one at a time (candidates,
ranking, facets, headlines for 20 rows, rendering), and prints the median and 95th
percentile, and the same words as an ILIKE scan.
"""

import argparse
import datetime
import io
import os
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, archive_dir, environment, print_header, serve  # noqa: E402

sys.path.insert(0, str(ROOT))
VAR = archive_dir("bench-search")
ENVIRONMENT = environment(VAR, SEARCH_RATE_LIMIT="1000000/m")  # one client asks all
os.environ.update(ENVIRONMENT)
PORT = 8767

REPORT_PARAGRAPHS = 500  # about 70 pages a report, 150 to 350 pages a pack
BATCH = 40  # packs written and imported at a time
QUERIES = [
    ("single word", "library", {}),
    ("single word", "consultation", {}),
    ("phrase", '"equality impact assessment"', {}),
    ("phrase", '"school term dates"', {}),
    ("rare term", "Brackmarford", {}),
    ("rare term", "Quarthornwick", {}),
    ("very common", "council", {}),
    ("very common", "report", {}),
    ("filtered", "library", {"body": "cabinet"}),
    ("filtered", "consultation", {"year": 2001}),
    ("filtered", '"flood risk"', {"kinds": ["decision"]}),
]


def build(target_pages: int) -> None:
    from django.core.management import call_command

    from meetings.demo import demo_meetings, write_pack
    from meetings.models import Page

    have = Page.objects.count()
    if have >= target_pages:
        print(f"archive ready: {have:,} pages")
        return
    schedule = demo_meetings(datetime.date(1950, 1, 3), per_body=target_pages // 100 // 3 + 1)
    started = time.perf_counter()
    done = Page.objects.count()
    index = 0
    while done < target_pages and index < len(schedule):
        with tempfile.TemporaryDirectory() as folder:
            for meeting in schedule[index : index + BATCH]:
                previous = schedule[index - 1] if index else None
                if previous and previous.body != meeting.body:
                    previous = None
                name = f"{meeting.body.lower().replace(' ', '-')}_{meeting.date}.txt"
                write_pack(meeting, previous, Path(folder) / name, paragraphs=REPORT_PARAGRAPHS)
                index += 1
            call_command("import_packs", folder, "--jobs", "2", stdout=io.StringIO())
        done = Page.objects.count()
        elapsed = time.perf_counter() - started
        print(f"  {done:,} pages after {elapsed:.0f} s", flush=True)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"built {done:,} pages in {time.perf_counter() - started:.0f} s")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def query_string(text: str, options: dict) -> str:
    parameters = [("q", text)]
    parameters += [("kind", kind) for kind in options.get("kinds", [])]
    parameters += [(name, options[name]) for name in ("body", "year") if name in options]
    return urllib.parse.urlencode(parameters)


def time_searches(runs: int) -> list[float]:
    from meetings.models import Body, Meeting
    from meetings.search import Filters, search

    body = Body.objects.filter(slug="cabinet").first()
    years = [day.year for day in Meeting.objects.dates("date", "year")]
    all_times = []
    print(f"{'query':<36} {'kind':<12} {'median ms':>10} {'p95 ms':>8} {'results':>9}")
    for label, text, options in QUERIES:
        if "year" in options and options["year"] not in years:  # a small archive
            options = {**options, "year": years[len(years) // 2]}
        filters = Filters(**{k: v for k, v in options.items() if k != "body"})
        if "body" in options:
            filters.body = body
        results = search(text, filters)
        url = f"http://127.0.0.1:{PORT}/search/?{query_string(text, options)}"
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
            times.append((time.perf_counter() - started) * 1000)
        all_times += times
        total = f"{results.total}{'+' if results.capped else ''}"
        print(
            f"{text + ' ' + str(options or ''):<36} {label:<12} "
            f"{statistics.median(times):>10.1f} {percentile(times, 0.95):>8.1f} {total:>9}"
        )
    print(
        f"{'all queries':<49} {statistics.median(all_times):>10.1f} "
        f"{percentile(all_times, 0.95):>8.1f}"
    )
    return all_times


def time_scans() -> None:
    from django.db import connection

    print(f"\n{'ILIKE scan (count of pages)':<36} {'ms':>10} {'pages':>9}")
    for word in ("library", "equality impact assessment", "Brackmarford", "council"):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM meetings_page WHERE text ILIKE %s", [f"%{word}%"])
            count = cursor.fetchone()[0]
        print(f"{word:<36} {(time.perf_counter() - started) * 1000:>10.0f} {count:>9,}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command

    print_header("bench/search.py")
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)
    build(options.pages)
    server = serve(PORT, ENVIRONMENT)
    try:
        time_searches(options.runs)
    finally:
        server.terminate()
        server.wait(timeout=30)
    time_scans()


if __name__ == "__main__":
    main()
