"""python manage.py remove_council SLUG: remove a council and everything filed under it."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from meetings.loader import one_line
from meetings.models import Council
from meetings.review.removal import remove_council, what_is_filed


class Command(BaseCommand):
    help = (
        "Remove a council and everything filed under it: its bodies, meetings, documents (with "
        "their stored files and search index entries), people, matters and their followers."
    )

    def add_arguments(self, parser):
        parser.add_argument("council", help="the council's slug ('wessex-vale') or full name")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="do not ask to confirm"
        )

    def handle(self, *args, **options):
        named = " ".join(options["council"].split())
        council = Council.objects.filter(slug=named).first() or (
            Council.objects.filter(name__iexact=named).first()
        )
        if council is None:
            raise CommandError(f"{named}: no council of that slug or name is in the archive")
        held = ", ".join(f"{count} {what}" for what, count in what_is_filed(council).items())
        if options["interactive"]:
            answer = input(f"Remove {council.name} and everything filed under it ({held})? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                raise CommandError("nothing was removed")
        try:
            remove_council(council)
        except DatabaseError as error:
            reason = one_line(error)
            raise CommandError(f"{council.name}: nothing was removed ({reason})") from error
        self.stdout.write(f"Removed {council.name}: {held}.")
