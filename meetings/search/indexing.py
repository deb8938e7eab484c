"""Keeping the index in step with PostgreSQL: the outbox applied, the index rebuilt.

The index is kept by *unit*: a meeting with its agenda items, reports, decisions and
the pages of its documents, or (as minus its id) a document of no meeting. Triggers
(migration 0011) record the unit of every row inserted, changed or deleted in the
`SearchIndexChange` outbox, in the same transaction. `apply_pending()` replaces each
recorded unit's index documents with what PostgreSQL holds now, commits the index,
then deletes the outbox rows it read: a crash between the two applies them again, which
changes nothing. One writer at a time: an advisory lock, then tantivy's own.
"""

import datetime
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import tantivy
from django.db import connection, transaction
from django.db.models import Count, Min
from django.utils import timezone

from meetings.locks import transaction_lock
from meetings.matters.clues import references
from meetings.models import Document, Meeting, Page, SearchIndexChange
from meetings.search import engine
from meetings.search.engine import KIND_CODES, REF_FIELD, facet_key, group_key
from meetings.search.query import refs_of

log = logging.getLogger(__name__)

WRITER_LOCK = "search-index-writer"
CHANGES_PER_BATCH = 1000  # outbox rows applied, and committed to the index, at a time
UNITS_PER_READ = 50  # meetings read from PostgreSQL at a time when rebuilding
WRITER_HEAP = 256_000_000  # bytes, shared by the writer's threads
REBUILD_THREADS = min(8, os.cpu_count() or 1)  # analysing (stemming) text is the bulk of it


@contextmanager
def index_writer(threads: int = 1):
    """tantivy's writer, committed and closed when the block ends, rolled back if it fails."""
    writer = engine.open_index().writer(WRITER_HEAP, threads)
    try:
        yield writer
    except BaseException:
        writer.rollback()
        raise
    writer.commit()
    writer.wait_merging_threads()


def apply_pending() -> int:
    """Apply every change recorded in the outbox; the number of units brought up to date.

    With no index of this version yet (a new checkout, or code whose schema changed) while
    the database holds rows, the changes waiting are not all it lacks: it is built whole."""
    applied = 0
    if not engine.exists() and has_rows():
        applied, _ = _rebuild()
    while True:
        with transaction.atomic():
            transaction_lock(WRITER_LOCK)
            changes = list(
                SearchIndexChange.objects.order_by("pk").values_list("pk", "unit")[
                    :CHANGES_PER_BATCH
                ]
            )
            if not changes:
                return applied
            units = sorted({unit for _, unit in changes})
            with index_writer() as writer:
                for unit in units:
                    writer.delete_documents_by_term("unit", unit)
                for document in index_documents(units):
                    writer.add_document(document)
            SearchIndexChange.objects.filter(pk__in=[pk for pk, _ in changes]).delete()
        applied += len(units)


def apply_pending_quietly() -> None:
    """apply_pending() after an import: a failure is logged, and the outbox keeps the changes
    for the worker's next run, so the import itself still succeeds."""
    try:
        apply_pending()
    except Exception:
        log.exception("The search index was not updated; the worker will retry.")


def rebuild(progress: Callable[[int], None] = lambda pages: None) -> int:
    """Replace the whole index with what PostgreSQL holds; the number of rows indexed."""
    return _rebuild(progress)[1]


def _rebuild(progress: Callable[[int], None] = lambda pages: None) -> tuple[int, int]:
    """The whole index made from PostgreSQL: the number of units and of rows indexed.

    The outbox rows seen at the start are deleted at the end: the rows read after them
    include their changes. Rows recorded meanwhile stay for the next apply_pending(). An
    index an older version of the code made (another schema) is removed once this one is in.
    """
    with transaction.atomic():
        transaction_lock(WRITER_LOCK)
        seen = list(SearchIndexChange.objects.values_list("pk", flat=True))
        units = list(Meeting.objects.order_by("pk").values_list("pk", flat=True))
        units += [
            -pk
            for pk in Document.objects.filter(meeting=None)
            .order_by("pk")
            .values_list("pk", flat=True)
        ]
        indexed = 0
        with index_writer(threads=REBUILD_THREADS) as writer:
            writer.delete_all_documents()
            for start in range(0, len(units), UNITS_PER_READ):
                pages = 0
                for document, is_page in _documents(units[start : start + UNITS_PER_READ]):
                    writer.add_document(document)
                    indexed += 1
                    pages += is_page
                progress(pages)
        SearchIndexChange.objects.filter(pk__in=seen).delete()
    for old in engine.old_versions():
        shutil.rmtree(old, ignore_errors=True)
    return len(units), indexed


def index_documents(units: list[int]) -> Iterator[tantivy.Document]:
    return (document for document, _ in _documents(units))


def _documents(units: list[int]) -> Iterator[tuple[tantivy.Document, bool]]:
    """The index documents of these units, read from PostgreSQL, each with whether it is a page."""
    meeting_ids = [unit for unit in units if unit > 0]
    loose_documents = [-unit for unit in units if unit < 0]
    meetings = {row[0]: row for row in _rows(MEETINGS, [meeting_ids])}
    items = _rows(ITEMS, [meeting_ids])
    reports = _rows(REPORTS, [meeting_ids])
    for pk, title, location, *_ in meetings.values():
        yield _document("meeting", pk, pk, group_key("meeting", pk), meetings[pk],
                        title=title, text=location), False  # fmt: skip
    for pk, meeting, title, report_by, note, key, number, *_ in items:
        refs = refs_of("item", number, references(title))
        yield _document("item", pk, meeting, group_key("item", pk), meetings[meeting], title=title,
                        text=f"{report_by}\n{note}", key=key, refs=refs), False  # fmt: skip
    for pk, meeting, item, title, purpose, recommendations, report_by, key, private, *_ in reports:
        refs = refs_of("", "", references(title))
        yield _document("report", pk, meeting, _report_group(pk, item), meetings[meeting],
                        title=title, summary=f"{purpose}\n{recommendations}", text=report_by,
                        key=key, private=private, refs=refs), False  # fmt: skip
    for row in _rows(MINUTES, [meeting_ids]):
        yield _minute_document(row, meetings[row[1]]), False
    page_group = _page_grouper(items, reports)
    for pk, document, number, text, private, meeting, council in _rows(
        PAGES, [meeting_ids, loose_documents]
    ):
        unit = meeting or -document
        group = page_group(document, number) or (
            group_key("meeting", meeting) if meeting else group_key("document", document)
        )
        context = meetings[meeting] if meeting else None
        yield _document("page", pk, unit, group, context, council=council,
                        page=text, private=private), True  # fmt: skip


def _minute_document(row: tuple, meeting: tuple) -> tantivy.Document:
    """A minute as its decision, with the words of its outcome; or, where it resolved
    nothing, as a minute, with its outcome (not heard: 'deferred'). Either is found by its
    number ('minute 83', 'R2024-174'); one read from a withheld page is in the private
    fields."""
    (pk, meeting_id, item, number, title, text, decision, resolved, reasons, key, outcome,
     votes_for, votes_against, withheld) = row  # fmt: skip
    refs = refs_of("minute", number, references(title))
    if decision is None:  # no motion: its outcome's words alone ("deferred postponed")
        group = group_key("item", item) if item else group_key("minute", pk)
        return _document("minute", pk, meeting_id, group, meeting, title=title, text=text,
                         refs=refs, outcome=OUTCOME_WORDS.get(outcome, ""),
                         private=withheld)  # fmt: skip
    group = group_key("item", item) if item else group_key("decision", decision)
    words = outcome_words(outcome, votes_for, votes_against)
    return _document("decision", decision, meeting_id, group, meeting, title=title,
                     summary=resolved, text=reasons, key=key, refs=refs, outcome=words,
                     private=withheld)  # fmt: skip


# The words a decision's outcome is found by: "motion carried" finds the motions carried.
OUTCOME_WORDS = {
    "approved": "approved agreed adopted",
    "carried": "carried passed",
    "rejected": "rejected refused lost defeated failed",
    "deferred": "deferred postponed",
    "noted": "noted received",
    "withdrawn": "withdrawn",
}


def outcome_words(outcome: str, votes_for: int | None, votes_against: int | None) -> str:
    words = f"motion {OUTCOME_WORDS[outcome]}" if outcome in OUTCOME_WORDS else ""
    if votes_for and votes_against == 0:
        words += " unanimous"
    return words.strip()


def _document(
    kind, pk, unit, group, meeting, council=None, key=False, private=False, refs=(), outcome="",
    **text,
):  # fmt: skip
    """One index document; `meeting` is the meeting's row from MEETINGS, or None."""
    prefix = engine.PRIVATE if private else ""
    fields = {prefix + name: value for name, value in text.items() if value and value.strip()}
    fields |= {"kind": KIND_CODES[kind], "id": pk, "unit": unit, "group": group, "key": int(key)}
    if refs and not private:  # a withheld record is not found by its number or outcome
        fields[REF_FIELD] = list(refs)
    if outcome and not private:
        fields[engine.OUTCOME_FIELD] = outcome
    if meeting is not None:
        *_, date, body, meeting_council = meeting
        fields |= {"body": body, "council": meeting_council, "year": date.year}
        fields["day"] = engine.day_number(date)
    elif council is not None:
        fields["council"] = council
    fields["facet"] = facet_key(fields["kind"], fields.get("body", 0), fields.get("year", 0))
    return tantivy.Document(**fields)


def _report_group(report: int, item: int | None) -> int:
    return group_key("item", item) if item else group_key("report", report)


def _page_grouper(items, reports) -> Callable[[int, int], int | None]:
    """For a page (document, number), the group of the report, or else the agenda item, whose
    pages it is one of."""
    ranges: dict[int, list[tuple[int, int, int]]] = {}
    for pk, _, item, *_, document, first, last in reports:
        if first is not None:
            ranges.setdefault(document, []).append((first, last, _report_group(pk, item)))
    for pk, _, *_, document, first, last in items:
        if document is not None and first is not None:
            ranges.setdefault(document, []).append((first, last, group_key("item", pk)))

    def group(document: int, number: int) -> int | None:
        for first, last, key in ranges.get(document, ()):
            if first <= number <= last:
                return key
        return None

    return group


def _rows(sql: str, params: Iterable) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.fetchall()


MEETINGS = """
    SELECT m.id, m.title, m.location, m.date, m.body_id, b.council_id
      FROM meetings_meeting m JOIN meetings_body b ON b.id = m.body_id
     WHERE m.id = ANY(%s)"""
ITEMS = """
    SELECT id, meeting_id, title, report_by, note, key_decision, number,
           document_id, first_page, last_page
      FROM meetings_agendaitem WHERE meeting_id = ANY(%s) ORDER BY position"""
REPORTS = """
    SELECT id, meeting_id, agenda_item_id, title, purpose, recommendations, report_by,
           key_decision, restricted OR exempt, document_id, first_page, last_page
      FROM meetings_report WHERE meeting_id = ANY(%s) ORDER BY position"""
MINUTES = """
    SELECT mi.id, mi.meeting_id, mi.agenda_item_id, mi.number, mi.title, mi.text,
           d.id, d.resolved, d.reasons, d.key_decision, COALESCE(d.outcome, mi.outcome),
           d.votes_for, d.votes_against, mi.withheld
      FROM meetings_minute mi LEFT JOIN meetings_decision d ON d.minute_id = mi.id
     WHERE mi.meeting_id = ANY(%s)"""
PAGES = """
    SELECT p.id, p.document_id, p.number, p.text, p.restricted, d.meeting_id, d.council_id
      FROM meetings_page p JOIN meetings_document d ON d.id = p.document_id
     WHERE d.meeting_id = ANY(%s) OR (d.meeting_id IS NULL AND d.id = ANY(%s))"""


# -- how the index stands, for `manage.py check --database default` and /healthz/ ------------

BEHIND_AFTER = datetime.timedelta(minutes=5)  # changes waiting longer: the index is stuck


def problems() -> list[str]:
    """What is wrong with the index: missing, behind the database, or not matching it.

    An archive with nothing to index needs no index yet (a fresh checkout's first `migrate`
    runs this before its tables exist): the first import makes it."""
    if not engine.exists():
        if not has_rows():
            return []
        return [f"{engine.index_path()}: there is no search index (manage.py rebuild_search_index)"]
    waiting = SearchIndexChange.objects.aggregate(count=Count("pk"), oldest=Min("created"))
    if waiting["count"]:
        if timezone.now() - waiting["oldest"] > BEHIND_AFTER:
            return [
                f"the search index is behind: {waiting['count']:,} changes waiting since "
                f"{waiting['oldest']:%Y-%m-%d %H:%M} (is the worker running?)"
            ]
        return []
    _, searcher = engine.READER.searcher()
    indexed = searcher.search(engine.term("kind", KIND_CODES["page"]), 1).count
    stored = Page.objects.count()
    if indexed != stored:
        return [
            f"the search index holds {indexed:,} pages and the database {stored:,} "
            "(manage.py rebuild_search_index)"
        ]
    return []


def has_rows() -> bool:
    """Whether the database holds anything the index would: nothing before `migrate`."""
    if Meeting._meta.db_table not in connection.introspection.table_names():
        return False
    return Meeting.objects.exists() or Document.objects.exists()
