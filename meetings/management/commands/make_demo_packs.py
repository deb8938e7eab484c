"""python manage.py make_demo_packs DIR: write the demo archive's agenda packs as PDFs."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.demo import write_demo_archive


class Command(BaseCommand):
    help = "Write realistic agenda packs of an imaginary council (PDF) into DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--per-body", type=int, default=4, help="meetings per body")

    def handle(self, *args, **options):
        try:
            written = write_demo_archive(Path(options["directory"]), options["per_body"])
        except OSError as error:
            raise CommandError(f"{options['directory']}: {error.strerror or error}") from error
        self.stdout.write(f"Wrote {len(written)} demo packs to {options['directory']}")
