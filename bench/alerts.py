"""Matching alert subscriptions against an import: time, statements and what it found.

    .venv/bin/python bench/alerts.py [--subscriptions 10000] [--new-things 1000]

Into a throwaway embedded database: imports an older part of the archive (generated packs
of 2025, seeds 002 and 004), then makes --subscriptions subscriptions of 4,000 addresses,
a mix of saved searches (words drawn from the archive's own vocabulary, common to rare,
some with a committee filter), committees, people and matters; then imports the new part
(seeds 000, 001 and 003, ../shared/realworld, and generated packs of 2026 until at least
--new-things agenda items, reports, decisions and meetings are new) and times writing
that period's digests: matching every subscription, grouping by address, leaving out what
was sent, rendering each digest and storing it. Sending is SMTP's speed, not timed here.
"""

import argparse
import contextlib
import cProfile
import datetime
import io
import os
import pstats
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, start_with_empty_database  # noqa: E402

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
SHARED = ROOT.parent / "shared"
ADDRESSES = 4_000
MIX = {"search": 0.55, "body": 0.15, "person": 0.15, "matter": 0.15}


def import_all(paths) -> None:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    for path in paths:
        # A realworld file that names no meeting is refused: not part of the measure.
        with contextlib.suppress(CommandError):
            call_command("import_packs", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def demo_packs(folder: Path, year: int, count: int, start: int = 0) -> list[Path]:
    from meetings.demo import demo_meetings, write_pack

    meetings = demo_meetings(datetime.date(year, 1, 6), per_body=count, seed=year)
    paths = []
    for index, meeting in enumerate(meetings[start:], start=start):
        path = folder / f"demo-{year}-{index}.pdf"
        write_pack(meeting, None, path, paragraphs=6)
        paths.append(path)
    return paths


def new_things(since) -> int:
    from meetings.models import AgendaItem, Decision, Meeting, Report

    return sum(
        model.objects.filter(created__gte=since).count()
        for model in (Meeting, AgendaItem, Report, Decision)
    )


def saved_searches(rng: random.Random, count: int) -> list[dict]:
    """Searches people save: words of the archive, common to rare, a few phrases and ORs."""
    from meetings.models import AgendaItem, Body, SearchWord

    words = list(
        SearchWord.objects.filter(documents__gte=2, word__regex=r"^[a-z]{4,}$")
        .order_by("-documents")
        .values_list("word", flat=True)[:5000]
    )
    titles = list(AgendaItem.objects.values_list("title", flat=True))
    bodies = list(Body.objects.values_list("slug", flat=True))
    searches = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.5:
            q = words[min(int(rng.paretovariate(1.0)) * 10, len(words) - 1)]
        elif roll < 0.7:
            q = " ".join(rng.sample(words[:2000], 2))
        elif roll < 0.85:
            title = rng.choice(titles).split()
            q = f'"{" ".join(title[:2])}"' if len(title) >= 2 else title[0]
        else:
            q = f"{rng.choice(words[:1000])} OR {rng.choice(words[:3000])}"
        search = {"q": q}
        if rng.random() < 0.2:
            search["body"] = rng.choice(bodies)
        searches.append(search)
    return searches


def subscribe(count: int, rng: random.Random) -> None:
    from urllib.parse import urlencode

    from django.utils import timezone

    from meetings.alerts.models import Subscriber, Subscription
    from meetings.models import Body, Matter, Person

    Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n}@example.org") for n in range(ADDRESSES)
    )
    subscribers = list(Subscriber.objects.all())
    targets = {
        "body": list(Body.objects.values_list("pk", flat=True)),
        "person": list(Person.objects.values_list("pk", flat=True)),
        "matter": list(Matter.objects.values_list("pk", flat=True)),
    }
    searches = iter(saved_searches(rng, count))
    rows, seen = [], set()
    while len(rows) < count:
        kind = rng.choices(list(MIX), weights=list(MIX.values()))[0]
        subscriber = rng.choice(subscribers)
        fields = {"kind": kind, "frequency": "daily", "label": kind}
        if kind == "search":
            fields["search"] = next(searches)
            target = f"search:{urlencode(sorted(fields['search'].items()))}"
        else:
            fields[f"{kind}_id"] = rng.choice(targets[kind])
            target = f"{kind}:{fields[f'{kind}_id']}"
        if (subscriber.pk, target) in seen:
            continue
        seen.add((subscriber.pk, target))
        rows.append(Subscription(subscriber=subscriber, target=target, **fields))
    Subscription.objects.bulk_create(rows, batch_size=2000)
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Subscription.objects.update(created=an_hour_ago)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscriptions", type=int, default=10_000)
    parser.add_argument("--new-things", type=int, default=1_000)
    parser.add_argument("--profile", action="store_true", help="where writing the time goes")
    options = parser.parse_args()
    start_with_empty_database("bench/alerts.py")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from meetings.alerts import matching, sending
    from meetings.alerts.models import Subscription
    from meetings.models import Page

    rng = random.Random(7)
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        import_all([seeds[2], seeds[4], *demo_packs(folder, 2025, 4)])
        subscribe(options.subscriptions, rng)
        searches = Subscription.objects.filter(kind="search")
        distinct = searches.values("target").distinct().count()
        print(f"{options.subscriptions:,} subscriptions of {ADDRESSES:,} addresses: "
              f"{searches.count():,} searches ({distinct:,} distinct), the rest committees, "
              "people and matters")  # fmt: skip
        since = timezone.now()
        import_all([seeds[0], seeds[1], seeds[3], *sorted((SHARED / "realworld").glob("*.pdf"))])
        batch = 0
        while new_things(since) < options.new_things:
            import_all(demo_packs(folder, 2026 + batch, 3))
            batch += 1
        pages = Page.objects.filter(document__created__gte=since).count()
        print(f"the import: {new_things(since):,} new meetings, agenda items, reports and "
              f"decisions, on {pages:,} pages")  # fmt: skip

        subscriptions = list(Subscription.objects.select_related("subscriber"))
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as matched_queries:
            found = matching.match(subscriptions, since)
        matched = time.perf_counter() - started
        entries = sum(len(entries) for entries in found.values())
        print(f"matching alone: {matched:.2f} s, {len(matched_queries)} statements, "
              f"{entries:,} entries for {len(found):,} subscriptions")  # fmt: skip

        profile = cProfile.Profile() if options.profile else None
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as written_queries:
            if profile:
                profile.enable()
            summary = sending.write_digests("daily", "daily:bench", since)
        written = time.perf_counter() - started
        if profile:
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"writing the digests (matching included): {written:.2f} s, "
              f"{len(written_queries)} statements; {summary.deliveries:,} digests of "
              f"{summary.entries:,} entries; peak memory {peak:.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
