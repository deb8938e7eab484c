"""Withheld pages, and everything read from them, kept from the public everywhere at once.

Which pages are withheld is decided by a pack's own marks (meetings.ingest.withheld) or by
an admin ticking a report exempt or restricted, or a page restricted. `withhold()` makes a
document's withheld pages exactly a given set, and with them:
- the pages: their views answer 410 and their words go to the search fields that only
  admins' searches ask (meetings.search.indexing);
- the minutes read from them, their decisions and votes: marked withheld, so every public
  query leaves them out (models.PublicManager), and out of the matters they were steps of;
- a report all of whose pages are withheld (behind a notice): marked restricted;
- the spelling vocabulary: the document's public words only;
- the public copy: the file with each withheld page replaced by a notice.
"""

from pathlib import Path

from django.db import transaction
from django.utils import timezone

from meetings import bulk
from meetings.ingest.withheld import wholly_withheld
from meetings.models import Document, MatterStep, Meeting, Minute
from meetings.search.indexing import apply_pending_quietly
from meetings.search.vocabulary import forget_words, record_words
from meetings.storage import media_path, public_copy, public_name, write_durably


def withhold(
    document: Document,
    pages: set[int],
    source: Path,
    texts: list[str] | None = None,
    *,
    counted: bool = True,
    store_files: bool = True,
) -> bool:
    """Make `pages` exactly the withheld pages of `document`, whose file is at `source`
    (a text file's pages are `texts`, when read already); whether anything that was public
    is withheld now. `counted`: the vocabulary holds the document's public words already."""
    before = withheld_of(document)
    minutes = Minute.all_objects.filter(document=document)
    hidden_before = set(minutes.filter(withheld=True).values_list("pk", flat=True))
    if counted and pages != before:
        forget_words(document.pk)
    document.pages.filter(number__in=pages, restricted=False).update(restricted=True)
    document.pages.filter(restricted=True).exclude(number__in=pages).update(restricted=False)
    minutes.filter(page__in=pages, withheld=False).update(withheld=True)
    minutes.filter(withheld=True).exclude(page__in=pages).update(withheld=False)
    hidden = set(minutes.filter(withheld=True).values_list("pk", flat=True))
    MatterStep.objects.filter(minute__in=hidden - hidden_before).delete()
    for report in document.reports.filter(restricted=False, exempt=False, first_page__isnull=False):
        if wholly_withheld(report.first_page, report.last_page, pages):
            report.restricted = True
            report.save(update_fields=["restricted"])
    if not counted or pages != before:
        record_words(document.pk)
    _store_public_copy(document, pages, source, texts, store_files, rewrite=pages != before)
    if pages != before or hidden != hidden_before:  # their published records changed
        meetings = {document.meeting_id, *minutes.values_list("meeting_id", flat=True)}
        Meeting.objects.filter(pk__in=meetings).update(modified=timezone.now())
    return bool(pages - before or hidden - hidden_before)


def withheld_of(document: Document) -> set[int]:
    """The numbers of the document's withheld pages, as they stand."""
    return set(document.pages.filter(restricted=True).values_list("number", flat=True))


def withhold_now(document: Document, pages: set[int]) -> None:
    """An admin's change, withheld in the search index and the bulk files at once too."""
    with transaction.atomic():
        withheld_more = withhold(document, pages, media_path(document.file.name))
    apply_pending_quietly()
    if withheld_more:
        bulk.remake_published(document.council)


def _store_public_copy(document, pages, source, texts, store_files, rewrite) -> None:
    name = public_name(document.sha256, source.suffix) if pages else ""
    if name and store_files and (rewrite or not media_path(name).is_file()):
        write_durably(name, public_copy(source, document.format, pages, texts))
    if document.public_file.name != name:
        document.public_file = name
        document.save(update_fields=["public_file"])
