"""python manage.py make_bulk_data [--council SLUG]: write the bulk downloads served at /data/."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from meetings.bulk import data_dir, make_council_files
from meetings.loader import one_line
from meetings.models import Council


class Command(BaseCommand):
    help = "Write each council's meetings (NDJSON, gzip) and decisions (CSV) for /data/."

    def add_arguments(self, parser):
        parser.add_argument("--council", action="append", help="only this council (a slug)")

    def handle(self, *args, **options):
        councils = Council.objects.order_by("slug")
        if wanted := options["council"]:
            councils = councils.filter(slug__in=wanted)
            missing = set(wanted) - set(councils.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"--council {', '.join(sorted(missing))}: no such council")
        try:
            for council in councils:
                for made in make_council_files(council):
                    self.stdout.write(f"{made.path}: {made.size:,} bytes")
        except (OSError, DatabaseError) as error:
            raise CommandError(
                f"{data_dir()}: could not write the bulk data ({one_line(error)})"
            ) from error
