"""Uploaded packs: stored durably, queued as import jobs, and imported by the worker."""

import datetime
import shutil
import time
import uuid
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from meetings.harvest.recording import judge_import
from meetings.ingest.pages import count_pages
from meetings.management.commands.import_packs import import_one
from meetings.models import Document, ImportJob
from meetings.storage import media_path, write_durably

PROGRESS_INTERVAL = 1.0  # seconds between two saves of a running job's page count
# The bytes a file name may have: a file system's 255, less the room write_durably's
# temporary name ('.name.' and eight characters) needs beside it.
MAX_NAME_BYTES = 240


def name_problem(name: str) -> str:
    """'' when an uploaded file's name can be stored as it is, else why not."""
    size = len(name.encode("utf-8"))
    return (
        f"the name is {size} bytes; the limit is {MAX_NAME_BYTES}" if size > MAX_NAME_BYTES else ""
    )


def queue_uploads(uploads, options: dict, user) -> list[ImportJob]:
    """Store each uploaded file and queue its import: all of them, or (if one cannot be
    stored) none, and no file is left behind."""
    stored = []
    try:
        with transaction.atomic():
            return [
                _queue(Path(upload.name).name, _contents(upload), options, user, stored)
                for upload in uploads
            ]
    except BaseException:
        for folder in stored:
            shutil.rmtree(folder, ignore_errors=True)
        raise


def queue_file(file_name: str, path: Path, options: dict) -> ImportJob:
    """Queue a file a harvest fetched, imported as an upload is (meetings.harvest)."""
    with transaction.atomic():
        return _queue(file_name, path, options, None, [])


def queue_reparse(document: Document, body: str, date: datetime.date, user) -> ImportJob:
    """Import a stored document again as the meeting of `body` on `date` (a forced re-import)."""
    options = {
        "council": document.council.slug,
        "body": body,
        "date": date.isoformat(),
        "force": True,
        "dry_run": False,
    }
    with transaction.atomic():
        return _queue(document.file_name, media_path(document.file.name), options, user, [])


def _queue(file_name: str, contents: bytes | Path, options: dict, user, stored) -> ImportJob:
    """A copy of the file under uploads/ (its folder added to `stored`), its ImportJob, and
    the worker's job to import it."""
    from meetings.tasks import import_upload

    name = f"uploads/{uuid.uuid4().hex}/{file_name}"
    stored.append(media_path(name).parent)
    write_durably(name, contents)
    job = ImportJob.objects.create(
        upload=name,
        file_name=file_name,
        options=options,
        requested_by=user if user and user.is_authenticated else None,
    )
    import_upload.defer(job_id=job.pk)
    return job


def _contents(upload) -> bytes | Path:
    if hasattr(upload, "temporary_file_path"):
        return Path(upload.temporary_file_path())
    return b"".join(upload.chunks())


class JobProgress:
    """import_one's progress bar for a job: saves the page count now and then."""

    def __init__(self, job: ImportJob):
        self.job = job
        self.saved_at = 0.0

    def update(self, pages: int = 1) -> None:
        self.job.pages_done += pages
        now = time.monotonic()
        if now - self.saved_at >= PROGRESS_INTERVAL:
            self.job.save(update_fields=["pages_done"])
            self.saved_at = now


def run_import_job(job_id: int) -> None:
    """Import one queued upload and record the outcome on its job."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or job.status == ImportJob.Status.DONE:
        return  # gone, or finished by an earlier attempt
    path = media_path(job.upload.name)
    job.status = ImportJob.Status.RUNNING
    job.attempts += 1
    job.started_at, job.finished_at = timezone.now(), None
    job.pages_done, job.pages_total = 0, count_pages(path)
    job.save()
    options = {**job.options, "date": _date(job.options.get("date"))}
    result, error = import_one(path, options, JobProgress(job))
    job.finished_at = timezone.now()
    if error:
        job.status, job.error = ImportJob.Status.FAILED, error.replace(f"{path}", job.file_name)
    else:
        job.status, job.error = ImportJob.Status.DONE, ""
        job.summary = result.summary(how_to_force="tick “Import again” to read it again") + (
            " (dry run: nothing was saved)" if options["dry_run"] else ""
        )
        if result.needs_meeting:
            job.summary += f". {result.needs_meeting}"
        job.warnings = "\n".join(in_words(warning) for warning in result.warnings)
        job.document = Document.objects.filter(sha256=result.sha256).first()
        job.pages_total = job.pages_done = job.pages_total or job.pages_done
    job.save()
    judge_import(job)  # a harvested file: is its meeting the one its source states?
    if job.status == ImportJob.Status.DONE:
        path.unlink(missing_ok=True)


# What the command line's warnings tell its user to type, told to an admin in the browser.
FLAGS_IN_WORDS = {
    "give --council to choose": "choose its council on its review page",
}


def in_words(warning: str) -> str:
    for flag, words in FLAGS_IN_WORDS.items():
        warning = warning.replace(flag, words)
    return warning


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None
