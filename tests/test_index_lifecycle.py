"""The search index holds exactly what PostgreSQL holds, after every change an archive
lives through: a document deleted, replaced, re-imported with fewer pages or moved to
another meeting, a meeting moved to another body, a body to another council, a council
removed. Each index row (kind, id, council, body, day) is
compared with the database's rows, worked out here from the tables themselves."""

import datetime

import pytest
import tantivy

from meetings.demo import DemoMeeting, write_pack
from meetings.models import (
    AgendaItem,
    Body,
    Council,
    Decision,
    Document,
    Matter,
    Meeting,
    Minute,
    Page,
    Person,
    Report,
    SearchIndexChange,
)
from meetings.search import Filters, engine, indexing, search

pytestmark = pytest.mark.django_db

MAY, JUNE = datetime.date(2026, 5, 12), datetime.date(2026, 6, 9)


def index_rows() -> set[tuple]:
    """Every row of the index: (kind, id, council, body, day); a document of no meeting has
    no body or day."""
    _, searcher = engine.READER.searcher()
    found = searcher.search(tantivy.Query.all_query(), 1_000_000).hits
    addresses = [address for _, address in found]
    names = ("kind", "id", "council", "body", "day")
    columns = [searcher.fast_field_values(name, addresses) for name in names]
    return {(engine.KIND_NAMES[kind], *rest) for kind, *rest in zip(*columns, strict=True)}


def database_rows() -> set[tuple]:
    """What the index should hold: each meeting, item, report, decision (a minute that
    resolved nothing: the minute) and page, withheld ones too (in the private fields)."""
    place = {
        pk: (council, body, engine.day_number(date))
        for pk, council, body, date in Meeting.objects.values_list(
            "pk", "body__council_id", "body_id", "date"
        )
    }
    rows = {("meeting", pk, *where) for pk, where in place.items()}
    for kind, rows_of, meeting in (
        ("item", AgendaItem.objects, "meeting_id"),
        ("report", Report.objects, "meeting_id"),
        ("decision", Decision.all_objects, "minute__meeting_id"),
        ("minute", Minute.all_objects.filter(decision__isnull=True), "meeting_id"),
    ):
        rows |= {(kind, pk, *place[m]) for pk, m in rows_of.values_list("pk", meeting)}
    pages = Page.objects.values_list("pk", "document__meeting_id", "document__council_id")
    for pk, meeting, council in pages:
        rows.add(("page", pk, *(place[meeting] if meeting else (council, None, None))))
    return rows


def in_step() -> set[tuple]:
    """The worker's turn, then the index's rows, which must be the database's."""
    indexing.apply_pending()
    assert not SearchIndexChange.objects.exists()
    rows = index_rows()
    assert rows == database_rows()
    return rows


def pack(tmp_path, body="Cabinet", date=MAY, topics=("Youth Services Review",), **options):
    """A text pack; June's Cabinet pack prints the minutes of May's, with their decisions."""
    path = tmp_path / f"{body}-{date}.txt"  # a pack re-issued under its name replaces it
    previous = None
    if body == "Cabinet" and date == JUNE:
        previous = DemoMeeting(body, MAY, ["Youth Services Review"], 1)
    write_pack(DemoMeeting(body, date, list(topics), 20, previous_date=previous and previous.date),
               previous, path, **options)  # fmt: skip
    return path


@pytest.fixture
def archive(import_file, tmp_path):
    """Two councils: Wessex Vale's Cabinet (two meetings) and Scrutiny Commission; Kent's
    Cabinet; and a document of no meeting."""
    import_file(pack(tmp_path))
    import_file(pack(tmp_path, date=JUNE, topics=["Highways Capital Programme"]))
    import_file(pack(tmp_path, "Scrutiny Commission", topics=["Rural Broadband Programme"]))
    import_file(pack(tmp_path, topics=["Carers Support Strategy"]), council="Kent County Council")
    kent = Council.objects.get(slug="kent")
    loose = Document.objects.create(council=kent, format="text", file_name="loose.txt",
                                    sha256="f" * 64, page_count=1)  # fmt: skip
    loose.pages.create(number=1, text="A petition about the Ferncombe allotments")
    rows = in_step()
    assert {kind for kind, *_ in rows} == {
        "meeting",
        "item",
        "report",
        "decision",
        "minute",
        "page",
    }
    assert len({council for _, _, council, *_ in rows}) == 2
    return rows


def hits(word: str) -> int:
    return search(word, Filters(kinds=["page"])).total


def test_a_deleted_document_leaves_the_index_with_its_pages(archive):
    document = Document.objects.get(meeting__date=JUNE)
    pages = set(document.pages.values_list("pk", flat=True))
    assert hits("highways") > 0
    document.delete()
    rows = in_step()
    assert not {pk for kind, pk, *_ in rows if kind == "page"} & pages
    assert hits("highways") == 0
    Document.objects.get(file_name="loose.txt").delete()
    in_step()
    assert hits("ferncombe") == 0


def test_a_replaced_document_is_searched_as_its_new_version(archive, import_file, tmp_path):
    before = Document.objects.get(meeting__date=JUNE, meeting__body__name="Cabinet")
    result = import_file(pack(tmp_path, date=JUNE, topics=["Flood Risk Management Strategy"]))
    assert result.sha256 != before.sha256
    assert not Document.objects.filter(pk=before.pk).exists()  # replaced, its links kept
    in_step()
    assert hits("flood") > 0
    assert hits("highways") == 0


def test_a_pack_reimported_with_fewer_pages_leaves_no_page_behind(archive, import_file, tmp_path):
    path = pack(tmp_path, date=JUNE, topics=["Highways Capital Programme"], paragraphs=40)
    import_file(path)
    longer = Document.objects.get(meeting__date=JUNE, meeting__body__name="Cabinet").page_count
    path.write_text(pack(tmp_path, date=JUNE, topics=["Highways Capital Programme"]).read_text())
    import_file(path)
    shorter = Document.objects.get(meeting__date=JUNE, meeting__body__name="Cabinet").page_count
    assert shorter < longer
    in_step()


def test_a_document_moved_to_another_meeting_is_searched_under_it(archive):
    """As the admin's "set meeting" does: its pages leave one unit of the index for another."""
    document = Document.objects.get(meeting__date=JUNE, meeting__body__name="Cabinet")
    scrutiny = Meeting.objects.get(body__name="Scrutiny Commission")
    document.meeting = scrutiny
    document.save()
    rows = in_step()
    pages = set(document.pages.values_list("pk", flat=True))
    assert {body for kind, pk, _, body, _ in rows if kind == "page" and pk in pages} == {
        scrutiny.body_id
    }


def test_a_meeting_moved_to_another_body_is_found_under_it(archive):
    meeting = Meeting.objects.get(date=JUNE, body__name="Cabinet")
    scrutiny = Body.objects.get(name="Scrutiny Commission")
    meeting.body = scrutiny
    meeting.save()
    rows = in_step()
    moved = {pk: body for kind, pk, _, body, _ in rows if kind in ("meeting", "item", "page")}
    assert moved[meeting.pk] == scrutiny.pk
    assert search("highways", Filters(body="scrutiny-commission")).total > 0
    assert search("highways", Filters(body="cabinet")).total == 0


def test_a_body_moved_to_another_council_takes_its_meetings_with_it(archive):
    body = Body.objects.get(name="Scrutiny Commission")
    kent = Council.objects.get(slug="kent")
    body.council = kent
    body.save()
    rows = in_step()
    assert {council for kind, _, council, b, _ in rows if b == body.pk} == {kent.pk}


def test_a_removed_council_leaves_nothing_in_the_index(archive):
    kent = Council.objects.get(slug="kent")
    Document.objects.filter(council=kent).delete()
    Meeting.objects.filter(body__council=kent).delete()
    Matter.objects.filter(council=kent).delete()
    Person.objects.filter(council=kent).delete()
    Body.objects.filter(council=kent).delete()
    kent.delete()
    rows = in_step()
    assert {council for _, _, council, *_ in rows} == {Council.objects.get().pk}
    assert hits("carers") == 0
