"""One harvest of a source: list, record what it states, fetch what is new or changed, and
queue each such file as an import job; every outcome is counted on the run.

A file is fetched again only when it may have changed: not when the listing's word on its
version (a size, a modified time, a checksum) is the one last seen; else with a conditional
request (ETag, Last-Modified), and a file that comes back with the same SHA-256 is unchanged.
A changed file keeps the name it was first imported under, so the importer replaces the
earlier version's reading (a revised agenda) rather than adding a second document.
"""

import hashlib
import logging
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from meetings.harvest.clients import client_for
from meetings.harvest.fetch import Fetched, FetchError, PoliteSession, download
from meetings.harvest.models import FetchedFile, HarvestRun, Source
from meetings.harvest.recording import record_listing
from meetings.harvest.stated import ListedFile, ListedMeeting
from meetings.uploads import queue_file

logger = logging.getLogger(__name__)


def harvest(source: Source, trigger: str = "schedule", refetch: bool = False) -> HarvestRun:
    """Harvest `source` once; `refetch` fetches every file again, whatever its version."""
    start, end = source.window()
    run = HarvestRun.objects.create(
        source=source, trigger=trigger, window_start=start, window_end=end
    )
    session = PoliteSession(source.delay())
    try:
        listing = client_for(source, session).listing(start, end)
    except FetchError as error:
        return finish(run, session, error=str(error))
    except (KeyError, TypeError, ValueError, AttributeError) as error:  # not as documented
        logger.warning("harvest of %s: its listing could not be read", source, exc_info=True)
        reason = f"{source.url}: its listing could not be read ({type(error).__name__}: {error})"
        return finish(run, session, error=reason)
    record_listing(source.council, listing)
    run.meetings = sum(1 for meeting in listing.meetings if meeting.date)
    with tempfile.TemporaryDirectory(prefix="harvest-") as folder:
        for meeting in listing.meetings:
            for listed in filter(lambda listed: listed.primary, meeting.files):
                outcome = fetch_file(source, meeting, listed, session, Path(folder), refetch)
                run.found += 1
                setattr(run, outcome, getattr(run, outcome) + 1)
                if outcome == "failed":
                    record = FetchedFile.objects.get(source=source, key=listed.key[:500])
                    run.failures.append({"url": listed.url, "reason": record.error})
    if run.found and run.failed == run.found:
        first = run.failures[0]["reason"]
        return finish(run, session, error=f"every file failed; the first: {first}")
    return finish(run, session)


def finish(run: HarvestRun, session: PoliteSession, error: str = "") -> HarvestRun:
    """Close the run, schedule the next, and pause a source that keeps failing."""
    source = run.source
    run.requests = session.requests_made
    run.finished_at = timezone.now()
    run.status = HarvestRun.Status.FAILED if error else HarvestRun.Status.DONE
    run.error = error
    run.save()
    source.failures = source.failures + 1 if error else 0
    if source.failures >= settings.HARVEST_PAUSE_AFTER:
        source.paused_reason = f"{source.failures} harvests in a row failed; the last: {error}"
        source.paused_at = timezone.now()
    source.next_run_at = run.finished_at + timezone.timedelta(hours=source.every_hours)
    source.save(update_fields=["failures", "paused_reason", "paused_at", "next_run_at"])
    return run


def fetch_file(
    source: Source,
    meeting: ListedMeeting,
    listed: ListedFile,
    session: PoliteSession,
    folder: Path,
    refetch: bool = False,
) -> str:
    """'new', 'changed', 'unchanged' or 'failed' (the reason kept on its FetchedFile)."""
    record, _ = FetchedFile.objects.get_or_create(
        source=source, key=listed.key[:500], defaults={"url": listed.url[:1000]}
    )
    record.url, record.title, record.kind = listed.url[:1000], listed.title[:300], listed.kind
    record.body, record.date = meeting.body[:200], meeting.date
    record.checked_at = timezone.now()
    if record.sha256 and listed.version and listed.version == record.version and not refetch:
        record.error = ""
        record.save()
        return "unchanged"
    known = not refetch and record.sha256
    try:
        fetched = download(
            session,
            listed.url,
            folder,
            etag=record.etag if known else "",
            last_modified=record.last_modified if known else "",
        )
        check_sum(fetched, listed)
    except FetchError as error:
        record.error = str(error)
        record.save()
        return "failed"
    record.error = ""
    if fetched.status == 304 or fetched.sha256 == record.sha256:
        record.version = listed.version[:300]
        record.etag, record.last_modified = fetched.etag[:300], fetched.last_modified[:100]
        record.save()
        return "unchanged"
    outcome = "changed" if record.sha256 else "new"
    with transaction.atomic():
        record.file_name = record.file_name or file_name(listed, fetched)
        options = import_options(source, meeting)
        record.import_job = queue_file(record.file_name, fetched.path, options)
        record.sha256, record.size = fetched.sha256, fetched.size
        record.version = listed.version[:300]
        record.etag, record.last_modified = fetched.etag[:300], fetched.last_modified[:100]
        record.fetched_at = timezone.now()
        record.disagreement, record.reviewed = "", False
        record.save()
    fetched.path.unlink(missing_ok=True)
    return outcome


def check_sum(fetched: Fetched, listed: ListedFile) -> None:
    """The source's own checksum of the file (OParl's sha1/sha512), where it gives one."""
    if fetched.status != 200 or not listed.checksum:
        return
    algorithm, _, expected = listed.checksum.partition(":")
    digest = hashlib.new(algorithm)
    with fetched.path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    if digest.hexdigest().lower() != expected.strip().lower():
        fetched.path.unlink(missing_ok=True)
        raise FetchError(f"{listed.url}: its {algorithm} checksum is not the one the source states")


def file_name(listed: ListedFile, fetched: Fetched) -> str:
    """The name the source gives the file, else the server, else its title or address."""
    name = listed.file_name or fetched.file_name or listed.title
    name = name or Path(unquote(urlsplit(listed.url).path)).name or "document"
    name = "".join(char if char.isprintable() and char not in "/\\:" else "-" for char in name)
    name = name.strip(" .-")[:200] or "document"
    return name if name.lower().endswith(".pdf") else f"{name}.pdf"


def import_options(source: Source, meeting: ListedMeeting) -> dict:
    """The import of a harvested file: under the source's council, for the stated meeting."""
    date = meeting.date.isoformat() if meeting.date else None
    return {
        "council": source.council.slug,
        "body": meeting.body,
        "date": date,
        "force": False,
        "dry_run": False,
        "ocr": "auto",
        "stated": {"body": meeting.body, "date": date} if meeting.body else None,
    }
