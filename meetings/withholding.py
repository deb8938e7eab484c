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
from django.db.models import Q
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
    if counted and pages != before:
        forget_words(document.pk)
    document.pages.filter(number__in=pages, restricted=False).update(restricted=True)
    document.pages.filter(restricted=True).exclude(number__in=pages).update(restricted=False)
    if not counted or pages != before:
        record_words(document.pk)
    hidden, shown = _withhold_minutes(document, pages)
    for report in document.reports.filter(restricted=False, exempt=False, first_page__isnull=False):
        if wholly_withheld(report.first_page, report.last_page, pages):
            report.restricted = True
            report.save(update_fields=["restricted"])
    _store_public_copy(document, pages, source, texts, store_files)
    if pages != before or hidden or shown:  # the meetings' published records changed
        minuted = Minute.all_objects.filter(document=document).values_list("meeting_id")
        Meeting.objects.filter(Q(pk=document.meeting_id) | Q(pk__in=minuted)).update(
            modified=timezone.now()
        )
    return bool(pages - before or hidden)


def _withhold_minutes(document: Document, pages: set[int]) -> tuple[set[int], set[int]]:
    """The document's minutes whose heading is on a withheld page withheld, the others not;
    the ids of those newly withheld (out of their matters now) and newly shown."""
    minutes = Minute.all_objects.filter(document=document)
    hidden = set(minutes.filter(page__in=pages, withheld=False).values_list("pk", flat=True))
    shown = set(minutes.filter(withheld=True).exclude(page__in=pages).values_list("pk", flat=True))
    Minute.all_objects.filter(pk__in=hidden).update(withheld=True)
    Minute.all_objects.filter(pk__in=shown).update(withheld=False)
    MatterStep.objects.filter(minute__in=hidden).delete()
    return hidden, shown


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


def _store_public_copy(document, pages, source, texts, store_files) -> None:
    name = public_name(document.sha256, source.suffix) if pages else ""
    if name and store_files:
        write_durably(name, public_copy(source, document.format, pages, texts))
    if document.public_file.name != name:
        document.public_file = name
        document.save(update_fields=["public_file"])
