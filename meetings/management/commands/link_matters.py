"""python manage.py link_matters: file every meeting's business under matters.

Imports link as they go; this links an archive imported before matters existed. It only
adds: the links already made, and an admin's merges and splits, stay as they are.
"""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from meetings.loader import one_line
from meetings.matters import linking
from meetings.models import Matter, Meeting


class Command(BaseCommand):
    help = "Link agenda items, reports and decisions into matters across meetings and bodies."

    def handle(self, *args, **options):
        show_progress = sys.stderr.isatty() and options["verbosity"] > 0
        try:
            with tqdm(
                total=Meeting.objects.count(), unit="meeting", disable=not show_progress
            ) as bar:
                added = linking.link_all(progress=lambda done: bar.update(done - bar.n))
        except DatabaseError as error:
            raise CommandError(f"matters were not linked ({one_line(error)})") from error
        linked = Matter.objects.filter(steps__isnull=False).distinct().count()
        self.stdout.write(f"{added:,} steps added; the archive has {linked:,} matters")
