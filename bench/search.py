"""Search on a large archive of real council text: speed, exactness, indexing, freshness.

    .venv/bin/python bench/search.py [--pages 1000000] [--runs 20] [--keep-index]

Builds (once, then reuses) an archive of about --pages pages of real council text, varied
(bench/corpus.py), in its own embedded PostgreSQL under var/bench-search-<code key>, and
rebuilds its search index (`rebuild_search_index`: time, pages a second, size). Then:

- each query of QUERIES through HTTP (the search page served by gunicorn on 127.0.0.1,
  with its snippets and facets), one at a time, after one untimed request, in rounds of
  every query in turn: median and 95th percentile;
- for each, the total shown against a count of every match, and the top 20 (every page
  mode) against the top 20 of every match ranked (overlap out of 20);
- the most SQL statements one search ran;
- a 200-page pack imported: how long its index update took, and whether a search finds
  it as soon as the import returns;
- the ILIKE floor: an unindexed scan of every page for a few of the words.
"""

import argparse
import datetime
import io
import os
import re
import shutil
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

QUERIES = [
    ("common word", "council", {}),
    ("common word", "report", {}),
    ("common word", "budget", {}),
    ("common word", "school", {}),
    ("common word", "planning", {}),
    ("common word", "consultation", {}),
    ("OR", "highways OR transport", {}),
    ("OR", "library OR libraries", {}),
    ("OR", "flood OR flooding drainage", {}),
    ("phrase", '"council tax"', {}),
    ("phrase", '"equality impact assessment"', {}),
    ("phrase", '"adult social care"', {}),
    ("phrase", '"medium term financial strategy"', {}),
    ("exclusion", "budget -school", {}),
    ("exclusion", "transport -bus", {}),
    ("topic", "special educational needs transport", {}),
    ("topic", "climate change emergency", {}),
    ("topic", "children social care placements", {}),
    ("topic", "housing allocations policy", {}),
    ("filtered", "council", {"body": "cabinet"}),
    ("filtered", "budget", {"year": "2015"}),
    ("filtered", '"council tax"', {"kind": "decision"}),
    ("filtered", "consultation", {"council": "mercia"}),
    ("filtered", "school", {"body": "cabinet", "year": "2020"}),
    ("sorted", "planning", {"sort": "newest"}),
    ("every page", "council", {"view": "pages"}),
    ("every page", "highways OR transport", {"view": "pages", "year": "2019"}),
    ("number", "minute 7", {}),  # a minute number every meeting has: thousands of records
    ("number", "agenda item 3", {}),
    ("number", "24/00096", {}),  # a printed decision number: its record, then its mentions
    ("outcome", "motion carried", {}),
]
RARE = 3  # rare terms: long numbers read from pages of the archive built


def build(target_pages: int) -> None:
    import corpus

    from meetings.models import Page

    have = Page.objects.count()
    if have:
        print(f"archive ready: {have:,} pages")
        return
    started = time.perf_counter()
    written = corpus.build(
        target_pages,
        on_batch=lambda pages: print(
            f"  {pages:,} pages after {time.perf_counter() - started:.0f} s", flush=True
        ),
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"built {written:,} pages in {time.perf_counter() - started:.0f} s")


def index() -> None:
    from meetings.models import Page
    from meetings.search import engine, indexing

    started = time.perf_counter()
    documents = indexing.rebuild()
    seconds = time.perf_counter() - started
    pages = Page.objects.count()
    size = sum(path.stat().st_size for path in engine.index_path().rglob("*") if path.is_file())
    print(
        f"index rebuilt: {documents:,} documents ({pages:,} pages) in {seconds:.1f} s, "
        f"{pages / seconds:,.0f} pages/s, {size / 2**20:,.0f} MiB"
    )


def rare_queries() -> list[tuple[str, str, dict]]:
    """Long numbers from pages spread through the archive: each on a handful of pages."""
    from meetings.models import Page

    count = Page.objects.count()
    queries = []
    for position in range(1, RARE + 1):
        start = count * position // (RARE + 1)
        for page in Page.objects.order_by("pk")[start : start + 100].only("text"):
            if numbers := re.findall(r"\b\d{5,}\b", page.text):
                queries.append(("rare term", max(numbers, key=len), {}))
                break
    return queries


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def filters_of(options: dict):
    from meetings.models import Council
    from meetings.search import Filters

    return Filters(
        kinds=[options["kind"]] if "kind" in options else [],
        council=Council.objects.get(slug=options["council"]) if "council" in options else None,
        body=options.get("body", ""),
        year=int(options["year"]) if "year" in options else None,
        sort=options.get("sort", "relevance"),
        pages_only=options.get("view") == "pages",
    )


def exactness(text: str, options: dict) -> tuple[int, int, int, int]:
    """(total shown, every match counted one by one, how many of the top 20 are among the
    20 best of every match ranked, SQL statements of the search)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meetings.search import engine, search
    from meetings.search import searching as s

    filters = filters_of(options)
    with CaptureQueriesContext(connection) as queries:
        shown = search(text, filters)
    index, searcher = engine.READER.searcher()
    query = s.shown_query(index, text, filters, filters.body_ids())
    every_match = searcher.search(query, searcher.num_docs, count=False).hits
    top = searcher.search(query, 20, count=False).hits
    best = {_key(searcher, address) for _, address in every_match[:20]}
    cutoff = every_match[19][0] if len(every_match) >= 20 else 0.0
    overlap = sum(1 for score, address in top if _key(searcher, address) in best or score == cutoff)
    return shown.total, len(every_match), overlap, len(queries)


def _key(searcher, address) -> tuple[int, int]:
    return tuple(searcher.fast_field_values(name, [address])[0] for name in ("kind", "id"))


def time_searches(queries, runs: int) -> None:
    """Each query once untimed, then `runs` rounds of every query in turn: a moment of
    noise on a shared machine falls on all the queries, not on the one being timed."""
    print(
        f"{'query':<44} {'kind':<11} {'median ms':>9} {'p95 ms':>7} {'total':>9} "
        f"{'counted':>9} {'top20':>5} {'SQL':>4}"
    )
    urls = [
        f"http://127.0.0.1:{PORT}/search/?{urllib.parse.urlencode({'q': text, **options})}"
        for _, text, options in queries
    ]
    for url in urls:  # warms the caches
        fetch(url)
    times = {url: [] for url in urls}
    for _ in range(runs):
        for url in urls:
            started = time.perf_counter()
            fetch(url)
            times[url].append((time.perf_counter() - started) * 1000)
    all_times, worst_p95, exact = [], 0.0, True
    for (label, text, options), url in zip(queries, urls, strict=True):
        total, counted, overlap, statements = exactness(text, options)
        exact &= total == counted and overlap == min(20, counted)
        all_times += times[url]
        worst_p95 = max(worst_p95, percentile(times[url], 0.95))
        shown = f"{text} {options or ''}"
        print(
            f"{shown[:44]:<44} {label:<11} {statistics.median(times[url]):>9.1f} "
            f"{percentile(times[url], 0.95):>7.1f} {total:>9,} {counted:>9,} "
            f"{overlap:>3}/20 {statements:>4}"
        )
    print(
        f"{'all ' + str(len(queries)) + ' queries':<56} {statistics.median(all_times):>9.1f} "
        f"{percentile(all_times, 0.95):>7.1f}   worst p95 {worst_p95:.1f} ms; "
        f"{'every count and top 20 exact' if exact else 'NOT EXACT'}"
    )


def fetch(url: str) -> None:
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()


def time_fresh_pack() -> None:
    """A 200-page pack imported: its index update, and a search for it right after."""
    from meetings.demo import DemoMeeting, write_pack
    from meetings.ingest.read import read_source
    from meetings.loader import load_source
    from meetings.models import SearchIndexChange
    from meetings.search import indexing

    topic = f"Quillerbrook Reservoir Scheme {int(time.time())}"
    meeting = DemoMeeting("Cabinet", datetime.date(2026, 11, 3), [topic], 1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fresh-pack.txt"
        write_pack(meeting, None, path, paragraphs=1800)
        source = read_source(path)
        started = time.perf_counter()
        result = load_source(source, council="wessex")
        returned = time.perf_counter()
    url = f"http://127.0.0.1:{PORT}/search/?{urllib.parse.urlencode({'q': topic.split()[0]})}"
    with urllib.request.urlopen(url, timeout=60) as response:
        found = b"Quillerbrook" in response.read()
    meeting = _meeting_of(result)
    SearchIndexChange.objects.create(unit=meeting.pk)
    applying = time.perf_counter()
    indexing.apply_pending()
    applied = time.perf_counter()
    print(
        f"\n{len(source.pack.pages)}-page pack: import and index {returned - started:.2f} s, "
        f"of which the index update of its meeting {applied - applying:.2f} s; "
        f"found by a search as soon as the import returned: {'yes' if found else 'NO'}"
    )
    meeting.documents.all().delete()  # the archive stays as built, for the next run
    meeting.delete()
    indexing.apply_pending()


def _meeting_of(result):
    from meetings.models import Document

    return Document.objects.get(sha256=result.sha256).meeting


def time_scans() -> None:
    from django.db import connection

    print(f"\n{'ILIKE scan (count of pages)':<36} {'ms':>10} {'pages':>10}")
    for word in ("council tax", "equality impact assessment", "flooding"):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM meetings_page WHERE text ILIKE %s", [f"%{word}%"])
            count = cursor.fetchone()[0]
        print(f"{word:<36} {(time.perf_counter() - started) * 1000:>10.0f} {count:>10,}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep-index", action="store_true", help="do not rebuild the index")
    options = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command

    print_header("bench/search.py")
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0, stdout=io.StringIO())
    build(options.pages)
    if not options.keep_index:
        shutil.rmtree(Path(os.environ["ARCHIVE_VAR_DIR"]) / "search-index", ignore_errors=True)
        index()
    with serve(PORT, ENVIRONMENT):
        time_searches(QUERIES + rare_queries(), options.runs)
        time_fresh_pack()
    time_scans()


if __name__ == "__main__":
    main()
