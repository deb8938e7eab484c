"""python manage.py restore_archive FOLDER: a backup_archive folder into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from meetings.backup import BackupError, restore
from meetings.loader import one_line
from meetings.search import indexing


class Command(BaseCommand):
    help = "Restore a backup made by backup_archive into an empty database and MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the folder backup_archive wrote")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        try:
            manifest = restore(folder)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(f"the database cannot be used ({one_line(error)})") from error
        self.stdout.write(
            f"{folder}: restored {manifest['documents']} documents (backup of {manifest['made']})"
        )
        indexed = indexing.rebuild()  # the index is not in the backup: it is made from the rows
        self.stdout.write(f"search index rebuilt: {indexed:,} rows")
