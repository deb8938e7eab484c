"""Response times of the main pages on an archive of 1,000+ meetings, and throughput.

    .venv/bin/python bench/pages.py [--per-body 340] [--samples 60] [--requests 3000]

Builds (once, then reuses) an archive of generated packs (meetings/demo.py) in its own
embedded PostgreSQL under var/bench-pages-<code key> (see bench/common.py). Then, with
gunicorn serving it on 127.0.0.1 as the Dockerfile runs it (2 workers of 8 threads):
1. response time: each page type fetched over HTTP `--samples` times for different
   objects, one request at a time, median and 95th percentile (what a reader waits for:
   the request, the queries, the rendering, the response);
2. load: 8 client threads sending `--requests` requests over those URLs; requests per second.
"""

import argparse
import datetime
import io
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, archive_dir, environment, print_header, serve  # noqa: E402

sys.path.insert(0, str(ROOT))
VAR = archive_dir("bench-pages")
ENVIRONMENT = environment(VAR)
os.environ.update(ENVIRONMENT)
PORT = 8765


def build(per_body: int) -> None:
    from django.core.management import call_command

    from meetings.demo import write_demo_archive
    from meetings.models import Meeting

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)
    if Meeting.objects.count() >= 1000:
        print(f"archive ready: {Meeting.objects.count():,} meetings")
        return
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        write_demo_archive(Path(folder), per_body, datetime.date(1990, 1, 2), suffix=".txt")
        call_command("import_packs", folder, "--jobs", "2", stdout=io.StringIO())
    print(f"built {Meeting.objects.count():,} meetings in {time.perf_counter() - started:.0f} s")


def sample_urls(samples: int) -> dict[str, list[str]]:
    from meetings.models import Decision, Meeting, Report

    rng = random.Random(1)

    def some(queryset):
        ids = list(queryset.values_list("pk", flat=True))
        return queryset.filter(pk__in=rng.sample(ids, min(samples, len(ids))))

    meetings = some(Meeting.objects.select_related("body"))
    return {
        "home": ["/"] * samples,
        "meeting list": [f"/meetings/?page={rng.randint(1, 40)}" for _ in range(samples)],
        "meeting": [m.get_absolute_url() for m in meetings],
        "decision": [
            d.get_absolute_url()
            for d in some(Decision.objects.select_related("minute__meeting__body"))
        ],
        "report": [
            r.get_absolute_url() for r in some(Report.objects.select_related("meeting__body"))
        ],
    }


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def fetch(path: str) -> float:
    """Milliseconds to fetch the page over HTTP and read all of it."""
    started = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=30) as response:
        response.read()
        assert response.status == 200, (path, response.status)
    return (time.perf_counter() - started) * 1000


def response_times(urls: dict[str, list[str]]) -> None:
    print(f"{'page':<14} {'median ms':>10} {'p95 ms':>8}")
    for name, paths in urls.items():
        fetch(paths[0])  # warm caches
        times = [fetch(path) for path in paths]
        print(f"{name:<14} {statistics.median(times):>10.1f} {percentile(times, 0.95):>8.1f}")


def load(urls: dict[str, list[str]], total: int, threads: int = 8) -> None:
    flat = [path for paths in urls.values() for path in paths]
    counter = iter(range(total))
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            fetch(flat[index % len(flat)])

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.perf_counter() - started
    print(
        f"\n{threads} client threads: {total} requests in {elapsed:.1f} s "
        f"= {total / elapsed:.0f} requests/s"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-body", type=int, default=340)
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--requests", type=int, default=3000)
    options = parser.parse_args()
    import django

    django.setup()
    print_header("bench/pages.py")
    build(options.per_body)
    urls = sample_urls(options.samples)
    with serve(PORT, ENVIRONMENT):
        response_times(urls)
        load(urls, options.requests)


if __name__ == "__main__":
    main()
