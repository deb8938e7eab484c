"""python manage.py import_packs PATH [PATH ...]: import agenda packs (PDF or text)."""

import datetime
import glob
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections
from tqdm import tqdm

from meetings.harvest.stated import reconcile
from meetings.ingest.ocr import MODES, OcrSettings
from meetings.ingest.pages import count_pages
from meetings.ingest.read import PackError, read_source
from meetings.loader import LoadResult, load_source, one_line
from meetings.ocr_cache import DatabaseOcrCache

PACK_SUFFIXES = {".pdf", ".txt"}


def expand_paths(arguments: list[str]) -> list[Path]:
    """Files named, files under directories named, and files matching globs, in a stable order."""
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in PACK_SUFFIXES)
        elif path.exists():
            found.append(path)
        elif matches := sorted(glob.glob(argument, recursive=True)):
            found += [Path(match) for match in matches if Path(match).is_file()]
        else:
            raise CommandError(f"{argument}: no such file, directory or pattern")
    return list(dict.fromkeys(found))


def import_one(path: Path, options: dict, progress=None) -> tuple[LoadResult | None, str]:
    """Import one pack; (result, '') or (None, the one-line reason it failed)."""
    on_page = progress.update if progress is not None else None
    try:
        check_file_size(path)
        ocr = OcrSettings(options.get("ocr") or "auto", DatabaseOcrCache())
        source = read_source(
            path, options["body"], options["date"], on_page, settings.IMPORT_MAX_PAGES, ocr
        )
        reconcile(source.pack, options.get("stated"))  # a harvested file: its source's meeting
        result = load_source(
            source,
            force=options["force"],
            dry_run=options["dry_run"],
            council=options.get("council") or "",
        )
        return result, ""
    except PackError as error:
        return None, f"{path}: {error}"
    except DatabaseError as error:
        return None, f"{path}: could not be saved, nothing of it was written ({one_line(error)})"


def check_file_size(path: Path) -> None:
    """Refuse a file over IMPORT_MAX_FILE_MB before reading any of it."""
    limit = settings.IMPORT_MAX_FILE_MB
    size = path.stat().st_size
    if size > limit * 1024 * 1024:
        raise PackError(f"it is {size / 1024 / 1024:,.1f} MB; the limit is {limit:,} MB a file")


def _worker(path: Path, options: dict) -> tuple[LoadResult | None, str]:
    try:
        return import_one(path, options)
    finally:
        connections.close_all()


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--date {value!r}: not a date in the form YYYY-MM-DD") from error


class Command(BaseCommand):
    help = "Import agenda packs, minutes and reports (PDF or text) into the archive."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, directories or glob patterns")
        parser.add_argument("--dry-run", action="store_true", help="do everything, then roll back")
        parser.add_argument("--force", action="store_true", help="re-import packs already imported")
        parser.add_argument(
            "--council",
            default="",
            help="file the documents under this council (a slug or a name such as "
            "'Kent County Council'), whatever they name",
        )
        parser.add_argument("--body", default="", help="the body, for a document that names none")
        parser.add_argument("--date", default=None, help="the meeting date (YYYY-MM-DD), likewise")
        parser.add_argument("--jobs", type=int, default=1, help="packs imported in parallel")
        parser.add_argument(
            "--ocr",
            choices=MODES,
            default="auto",
            help="read pages by OCR: auto (pages without usable text), never, always",
        )

    def handle(self, *args, **options):
        if options["date"]:
            options["date"] = iso_date(options["date"])
        if options["jobs"] < 1:
            raise CommandError("--jobs must be 1 or more")
        paths = expand_paths(options["paths"])
        if not paths:
            raise CommandError("no .pdf or .txt files found in the paths given")
        outcomes = self._run(paths, options)
        failures = [error for _, error in outcomes if error]
        results = [result for result, _ in outcomes if result]
        unplaced = [result for result in results if result.unplaced]
        self._summarise(results, failures, options)
        self._list_left_to_do(failures, unplaced)
        if failures or unplaced:
            kept = f"; {len(unplaced)} kept without a meeting" if unplaced else ""
            raise CommandError(f"{len(failures)} of {len(paths)} packs failed{kept}", returncode=1)

    def _run(self, paths: list[Path], options: dict):
        show_progress = sys.stderr.isatty() and options["verbosity"] > 0
        if options["jobs"] == 1 or len(paths) == 1:
            outcomes = []
            for path in paths:
                with tqdm(
                    desc=path.name,
                    total=count_pages(path) if show_progress else None,
                    unit="page",
                    disable=not show_progress,
                    leave=False,
                ) as bar:
                    outcomes.append(import_one(path, options, bar))
                self._report(*outcomes[-1])
            return outcomes
        connections.close_all()
        with ProcessPoolExecutor(max_workers=options["jobs"]) as pool:
            futures = [pool.submit(_worker, path, options) for path in paths]
            outcomes = []
            for future in tqdm(futures, unit="pack", disable=not show_progress, leave=False):
                outcomes.append(future.result())
                self._report(*outcomes[-1])
        return outcomes

    def _report(self, result: LoadResult | None, error: str) -> None:
        if error:
            self.stderr.write(f"error: {error}")
            return
        self.stdout.write(result.summary())
        if result.needs_meeting:
            self.stdout.write(f"  needs a meeting: {result.needs_meeting}")
        for warning in result.warnings:
            self.stdout.write(f"  warning: {result.file_name}: {warning}")

    def _summarise(self, results: list[LoadResult], failures: list[str], options: dict) -> None:
        totals = sum((result.counts for result in results), start=Counter())
        skipped = sum(result.skipped for result in results)
        line = (
            f"{len(results)} imported ({skipped} unchanged), {len(failures)} failed: "
            f"{totals['created']} created, {totals['updated']} updated, "
            f"{totals['unchanged']} unchanged, {totals['removed']} removed"
        )
        if options["dry_run"]:
            line += " (dry run: nothing was saved)"
        self.stdout.write(line)

    def _list_left_to_do(self, failures: list[str], unplaced: list[LoadResult]) -> None:
        """The files that failed, and those kept without a meeting, again at the end."""
        if failures:
            self.stdout.write(f"Failed ({len(failures)}), nothing of them was kept:")
            for error in failures:
                self.stdout.write(f"  {error}")
        if unplaced:
            self.stdout.write(
                f"Kept without a meeting ({len(unplaced)}): give each its meeting in the admin's "
                "imports to review, or import it again with --body and --date:"
            )
            for result in unplaced:
                self.stdout.write(f"  {result.file_name}: {result.unplaced}")
