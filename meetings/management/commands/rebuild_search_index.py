"""python manage.py rebuild_search_index: the search index made again from the database."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from meetings.loader import one_line
from meetings.models import Page
from meetings.search import engine, indexing


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the database (after a restore, or when `manage.py "
        "check` says it is missing or behind). Searches go on meanwhile, on the old index."
    )

    def handle(self, *args, **options):
        show_progress = sys.stderr.isatty() and options["verbosity"] > 0
        started = time.perf_counter()
        try:
            with tqdm(
                total=Page.objects.count(), unit="page", disable=not show_progress, leave=False
            ) as bar:
                indexed = indexing.rebuild(progress=bar.update)
        except (OSError, ValueError, DatabaseError) as error:
            raise CommandError(
                f"{engine.index_path()}: could not rebuild the search index ({one_line(error)})"
            ) from error
        seconds = time.perf_counter() - started
        self.stdout.write(f"{engine.index_path()}: {indexed:,} rows indexed in {seconds:.1f} s")
