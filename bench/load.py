"""Page views under a flood of worst-case searches: 20 clients, mixed load.

    .venv/bin/python bench/load.py [--seconds 45] [--readers 10] [--flooders 10]

Uses the archive bench/pages.py builds (1,020 meetings, in var/bench-pages-<code key>;
it is built first if missing). gunicorn serves it on 127.0.0.1 (2 workers of 8 threads, as the
Dockerfile does). Readers cycle through home, meeting, decision and report pages;
flooders send the searches that used to stall the site: 100 unknown words, long OR
chains of the commonest words, and long phrases. Two rounds: with the search rate limit
as deployed (SEARCH_RATE_LIMIT, 60 a minute per address) and with it lifted, so the
statement timeout and the query caps alone bound the damage. Prints the readers'
median and 95th percentile, and what the flooders got back.
"""

import argparse
import random
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import print_header, serve  # noqa: E402
from pages import ENVIRONMENT, build, percentile, sample_urls  # noqa: E402

PORT = 8766
COMMON = ["council", "report", "meeting", "cabinet", "budget", "school", "highways", "the"]


def worst_searches(rng: random.Random) -> list[str]:
    unknown = " ".join(f"zq{rng.randint(0, 10**9)}x" for _ in range(100))
    chains = [" OR ".join(rng.sample(COMMON, len(COMMON))) for _ in range(5)]
    phrases = ['"' + " ".join(rng.choices(COMMON, k=12)) + '"' for _ in range(5)]
    return [unknown, *chains, *phrases]


def run_round(label, urls, searches, seconds, readers, flooders, environment):
    with serve(PORT, {**ENVIRONMENT, "LOG_LEVEL": "CRITICAL", **environment}):
        stop = time.monotonic() + seconds
        page_times, search_times, statuses = [], [], Counter()
        lock = threading.Lock()

        def read(offset):
            index = offset
            while time.monotonic() < stop:
                started = time.perf_counter()
                status = _get(urls[index % len(urls)])
                with lock:
                    page_times.append((time.perf_counter() - started) * 1000)
                    statuses[f"page {status}"] += 1
                index += readers

        def flood(offset):
            index = offset
            while time.monotonic() < stop:
                query = urllib.parse.urlencode({"q": searches[index % len(searches)]})
                started = time.perf_counter()
                status = _get(f"/search/?{query}")
                with lock:
                    search_times.append((time.perf_counter() - started) * 1000)
                    statuses[f"search {status}"] += 1
                index += 1

        threads = [threading.Thread(target=read, args=(n,)) for n in range(readers)]
        threads += [threading.Thread(target=flood, args=(n,)) for n in range(flooders)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    print(f"\n{label}: {readers} readers + {flooders} flooders for {seconds} s")
    print(
        f"  page views: {len(page_times)}, median {statistics.median(page_times):.0f} ms, "
        f"p95 {percentile(page_times, 0.95):.0f} ms, max {max(page_times):.0f} ms"
    )
    if search_times:
        print(
            f"  searches: {len(search_times)}, median {statistics.median(search_times):.0f} ms, "
            f"p95 {percentile(search_times, 0.95):.0f} ms"
        )
    print("  statuses: " + ", ".join(f"{key}: {count}" for key, count in sorted(statuses.items())))


def _get(path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        error.read()
        return error.code


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=45)
    parser.add_argument("--readers", type=int, default=10)
    parser.add_argument("--flooders", type=int, default=10)
    options = parser.parse_args()
    import django

    django.setup()
    print_header("bench/load.py")
    build(340)
    urls = [path for name, paths in sample_urls(60).items() if name != "meeting list"
            for path in paths]  # fmt: skip
    random.Random(2).shuffle(urls)
    searches = worst_searches(random.Random(3))
    from django.db import connections

    connections.close_all()
    rounds = [
        ("rate limit as deployed (60 searches a minute per address)", {}),
        ("rate limit lifted (statement timeout and query caps only)",
         {"SEARCH_RATE_LIMIT": "1000000/m"}),
    ]  # fmt: skip
    for label, environment in rounds:
        run_round(label, urls, searches, options.seconds, options.readers, options.flooders,
                  environment)  # fmt: skip


if __name__ == "__main__":
    main()
