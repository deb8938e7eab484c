"""python manage.py backup_archive FOLDER: the database and every stored file, in one folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from meetings.backup import BackupError, backup
from meetings.loader import one_line


class Command(BaseCommand):
    help = "Back up the archive (pg_dump custom format plus the stored files) into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a new or empty folder to write the backup into")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        try:
            manifest = backup(folder)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(f"the database cannot be read ({one_line(error)})") from error
        self.stdout.write(f"{folder}: backed up {manifest['documents']} documents")
