"""The open-data API and bulk downloads on an archive of 1,000+ meetings.

    .venv/bin/python bench/api.py [--samples 60]

Uses the archive bench/pages.py builds (generated packs, meetings/demo.py; built here if
it is missing) in its embedded PostgreSQL under var/bench-pages-<code key>. Then:
1. OParl over HTTP from gunicorn (as the Dockerfile runs it), one request at a time:
   median and 95th percentile of list pages (100 objects each, sampled across a full
   harvest of the meeting, paper and person lists) and of single objects;
2. the bulk downloads: `make_bulk_data` for every council, in its own process: seconds,
   peak memory (max RSS), and the files' sizes.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, archive_dir, environment, print_header, serve  # noqa: E402

sys.path.insert(0, str(ROOT))
VAR = archive_dir("bench-pages")
ENVIRONMENT = environment(VAR, ARCHIVE_BASE_URL="http://127.0.0.1:8766")
os.environ.update(ENVIRONMENT)
PORT = 8766


def fetch(url: str) -> tuple[float, float, dict]:
    """Milliseconds over HTTP, the server's own milliseconds (Server-Timing), and the JSON."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        body = response.read()
        assert response.status == 200, (url, response.status)
        server = float(response.headers["Server-Timing"].split("dur=")[1])
    return (time.perf_counter() - started) * 1000, server, json.loads(body)


def harvest(url: str) -> list[str]:
    """Every page's address of a list, by following links.next."""
    pages = []
    while url:
        pages.append(url)
        url = fetch(url)[2]["links"].get("next")
    return pages


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def report(name: str, urls: list[str]) -> None:
    fetch(urls[0])  # warm caches
    fetched = [fetch(url) for url in urls]
    http, server = [f[0] for f in fetched], [f[1] for f in fetched]
    print(
        f"{name:<22} {len(urls):>5} {statistics.median(server):>10.1f} "
        f"{percentile(server, 0.95):>8.1f} {statistics.median(http):>10.1f} "
        f"{percentile(http, 0.95):>8.1f}"
    )


def api_times(samples: int) -> None:
    from meetings.models import Council, Document, Meeting, Person, Report

    rng = random.Random(1)
    base = f"http://127.0.0.1:{PORT}/oparl/v1.1"
    council = max(
        Council.objects.all(), key=lambda c: Meeting.objects.filter(body__council=c).count()
    )
    print(f"{council.name}: {Meeting.objects.filter(body__council=council).count():,} meetings")
    print(f"{'':<28} {'server (Server-Timing)':>19} {'over HTTP':>19}")
    print(
        f"{'request':<22} {'n':>5} {'median ms':>10} {'p95 ms':>8} {'median ms':>10} {'p95 ms':>8}"
    )
    for kind in ("meetings", "papers", "persons"):
        for limit in (20, 100):
            pages = harvest(f"{base}/body/{council.pk}/{kind}?limit={limit}")
            report(f"list: {kind} ({limit})", [rng.choice(pages) for _ in range(samples)])

    def some(model, name):
        ids = list(model.objects.values_list("pk", flat=True))
        return [f"{base}/{name}/{pk}" for pk in rng.sample(ids, min(samples, len(ids)))]

    for model, name in ((Meeting, "meeting"), (Report, "paper"), (Person, "person"),
                        (Document, "file")):  # fmt: skip
        report(f"object: {name}", some(model, name))


# Runs a management command and prints its own peak memory (MiB) as the last line.
MEASURED = (
    "import resource, sys, django; django.setup(); "
    "from django.core.management import call_command; call_command(*sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
)


def measured(*command: str) -> tuple[float, float]:
    """Seconds and peak MiB of one management command, run in its own process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, *command], cwd=ROOT, check=True,
        env={**os.environ, **ENVIRONMENT}, capture_output=True, text=True,
    )  # fmt: skip
    return time.perf_counter() - started, float(done.stdout.split()[-1])


def bulk_export() -> None:
    _, baseline = measured("check")
    elapsed, peak = measured("make_bulk_data")
    print(f"\nmake_bulk_data: {elapsed:.1f} s, peak memory {peak:.0f} MiB")
    print(f"  (the same process running `check` alone peaks at {baseline:.0f} MiB)")
    folder = VAR / "data"
    sizes = {path.name: path.stat().st_size for path in sorted(folder.iterdir())}
    for name, size in sizes.items():
        print(f"  {name}: {size / 1024 / 1024:.1f} MiB")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=60)
    options = parser.parse_args()
    import django

    django.setup()
    print_header("bench/api.py")
    from pages import build

    build(340)
    with serve(PORT, ENVIRONMENT):
        api_times(options.samples)
    bulk_export()


if __name__ == "__main__":
    main()
