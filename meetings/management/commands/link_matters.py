"""python manage.py link_matters: file every meeting's business under matters.

Imports link as they go; this links an archive imported before matters existed. It only
adds: the links already made, and an admin's merges and splits, stay as they are.
"""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.db.models import Count
from tqdm import tqdm

from meetings.loader import one_line
from meetings.matters import linking
from meetings.models import Matter, MatterStep, Meeting


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
        self.stdout.write(summary(added))


def summary(added: int) -> str:
    """What was added and what the archive now holds, in words an admin can check: imports
    link as they go, so an archive kept up to date has nothing left to add."""
    steps = MatterStep.objects.count()
    if added:
        done = f"{added:,} steps added ({steps:,} in all)."
    else:
        done = f"No steps added: the imports had already linked all {steps:,}."
    matters = Matter.objects.annotate(meetings=Count("steps__meeting", distinct=True))
    total = matters.filter(meetings__gt=0).count()
    followed = matters.filter(meetings__gt=1).count()
    return (
        f"{done} The archive has {total:,} matters, {followed:,} of them across more than one "
        "meeting (the ones its matters pages list)."
    )
