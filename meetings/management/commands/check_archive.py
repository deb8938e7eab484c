"""python manage.py check_archive [--source PATH ...]: every document's stored files, verified.

Checks each document's stored file (present, SHA-256, page count) and its public copy (it
opens, has every page, and each withheld page is the notice). With --source, a missing or
damaged file is written again from a source file with the same SHA-256; a missing or wrong
public copy is always made again from a sound stored file.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from meetings.ingest.pages import count_pages
from meetings.ingest.read import sha256_of
from meetings.loader import one_line
from meetings.management.commands.import_packs import expand_paths
from meetings.models import Document
from meetings.storage import (
    file_problem,
    media_path,
    public_copy,
    public_copy_problem,
    public_name,
    write_durably,
)


class Command(BaseCommand):
    help = "Verify every document's stored file and page count; repair from --source files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            nargs="*",
            default=[],
            help="files or folders of original packs to restore missing or damaged files from",
        )

    def handle(self, *args, **options):
        sources = self._sources(options["source"])
        problems = repaired = checked = 0
        try:
            documents = list(Document.objects.order_by("pk"))
        except DatabaseError as error:
            raise CommandError(f"the database cannot be read ({one_line(error)})") from error
        for document in documents:
            checked += 1
            problem = self._check(document, sources)
            if problem is None:
                repaired += 1
            elif problem:
                problems += 1
                self.stderr.write(f"{document.file_name} ({document.sha256[:12]}): {problem}")
        self.stdout.write(
            f"{checked} documents checked: {checked - problems - repaired} sound, "
            f"{repaired} repaired, {problems} with problems"
        )
        if problems:
            raise CommandError(f"{problems} documents have missing or damaged files", returncode=1)

    def _sources(self, arguments: list[str]) -> dict[str, Path]:
        return {sha256_of(path): path for path in expand_paths(arguments)} if arguments else {}

    def _check(self, document: Document, sources: dict[str, Path]) -> str | None:
        """'' when sound, None when repaired, else the problem."""
        repaired = False
        if problem := file_problem(document.file.name, document.sha256):
            if document.sha256 not in sources:
                return f"{problem} (give its original with --source to repair it)"
            write_durably(document.file.name, sources[document.sha256])
            self.stdout.write(f"{document.file_name}: restored from {sources[document.sha256]}")
            repaired = True
        if problem := self._page_count_problem(document):
            return problem
        withheld = set(document.pages.filter(restricted=True).values_list("number", flat=True))
        if withheld and (problem := self._public_copy_problem(document, withheld)):
            name = document.public_file.name or public_name(
                document.sha256, Path(document.file.name).suffix
            )
            stored = media_path(document.file.name)
            write_durably(name, public_copy(stored, document.format, withheld))
            if document.public_file.name != name:
                Document.objects.filter(pk=document.pk).update(public_file=name)
            self.stdout.write(f"{document.file_name}: public copy made again ({problem})")
            repaired = True
        return None if repaired else ""

    def _public_copy_problem(self, document: Document, withheld: set[int]) -> str:
        name = document.public_file.name
        return public_copy_problem(name, document.format, document.page_count, withheld)

    def _page_count_problem(self, document: Document) -> str:
        pages = count_pages(media_path(document.file.name))
        if pages is None:
            return "the stored file cannot be read"
        if pages != document.page_count:
            return f"the stored file has {pages} pages, the archive {document.page_count}"
        return ""
