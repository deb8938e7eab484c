"""Search through HTTP, this checkout against an earlier commit, on the same archive at once.

    .venv/bin/python bench/compare_search.py --against 460c752 [--runs 20]

A shared machine is fast one minute and slow the next, so two runs of bench/search.py an
hour apart compare the machine as much as the code. Here both run side by side on the
archive bench/search.py built (run it first), each query asked of one and then the other
(in turn first), in rounds of every query: median and 95th percentile of each.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, print_header, serve  # noqa: E402

sys.path.insert(0, str(ROOT))
import search as bench  # noqa: E402  (its archive, settings and queries)

PORTS = {"this": bench.PORT, "earlier": bench.PORT + 1}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", required=True, help="the earlier commit")
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()
    import django

    django.setup()
    print_header("bench/compare_search.py")
    with tempfile.TemporaryDirectory() as folder:
        earlier = Path(folder) / "earlier"
        subprocess.run(["git", "worktree", "add", "--detach", str(earlier), options.against],
                       cwd=ROOT, check=True, capture_output=True)  # fmt: skip
        try:
            with (
                serve(PORTS["this"], bench.ENVIRONMENT),
                serve(PORTS["earlier"], bench.ENVIRONMENT, code=earlier),
            ):
                compare(bench.QUERIES + bench.rare_queries(), options.runs, options.against)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(earlier)], cwd=ROOT)


def compare(queries, runs: int, against: str) -> None:
    urls = {
        (text, str(options)): {
            side: f"http://127.0.0.1:{port}/search/?"
            + bench.urllib.parse.urlencode({"q": text, **options})
            for side, port in PORTS.items()
        }
        for _, text, options in queries
    }
    times = {key: {side: [] for side in PORTS} for key in urls}
    for key in urls:
        for url in urls[key].values():
            bench.fetch(url)  # warms the caches
    for run in range(runs):
        for key, sides in urls.items():
            order = list(sides) if run % 2 == 0 else list(reversed(sides))
            for side in order:
                started = time.perf_counter()
                bench.fetch(sides[side])
                times[key][side].append((time.perf_counter() - started) * 1000)
    print(f"{'query':<44} {'this: median':>12} {'p95':>6}   {against + ': median':>16} {'p95':>6}")
    every = {side: [] for side in PORTS}
    for (text, options), sides in times.items():
        for side in PORTS:
            every[side] += sides[side]
        shown = f"{text} {options if options != '{}' else ''}"
        print(f"{shown[:44]:<44} {_figures(sides['this'], 12)}   {_figures(sides['earlier'], 16)}")
    print(f"{'all':<44} {_figures(every['this'], 12)}   {_figures(every['earlier'], 16)}")


def _figures(times: list[float], width: int) -> str:
    return f"{statistics.median(times):>{width}.1f} {bench.percentile(times, 0.95):>6.1f}"


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    main()
