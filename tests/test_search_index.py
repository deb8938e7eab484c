"""The search index kept in step with PostgreSQL: the outbox, repairs, rebuilds and health."""

import datetime
import io
import shutil

import pytest
from django.core.management import call_command
from django.db import transaction

from meetings.models import Body, Council, Document, Meeting, Page, Report, SearchIndexChange
from meetings.search import Filters, engine, indexing, search
from tests.conftest import database_url, manage

pytestmark = pytest.mark.django_db


@pytest.fixture
def cabinet():
    council = Council.objects.create(name="Kent County Council", slug="kent", short_name="Kent")
    return Body.objects.create(council=council, name="Cabinet", slug="cabinet", kind="cabinet")


def add_report(body: Body, title: str, day: int = 1) -> Report:
    meeting = Meeting.objects.create(body=body, date=datetime.date(2026, 3, day))
    document = Document.objects.create(
        council=body.council, meeting=meeting, file_name="x.txt", sha256=f"{day:064x}",
        format="text",
    )  # fmt: skip
    return Report.objects.create(
        meeting=meeting, document=document, position=1, slug="report", title=title
    )


def titles(query: str) -> list[str]:
    return [hit.title for hit in search(query, Filters()).hits]


def test_a_change_is_recorded_in_its_own_transaction_and_searchable_once_applied(cabinet):
    report = add_report(cabinet, "Quarry Lane Waste Transfer Station")
    assert set(SearchIndexChange.objects.values_list("unit", flat=True)) == {report.meeting_id}
    assert titles("quarry") == []  # recorded, not yet applied
    assert indexing.apply_pending() == 1
    assert titles("quarry") == ["Quarry Lane Waste Transfer Station"]
    assert not SearchIndexChange.objects.exists()

    with pytest.raises(RuntimeError), transaction.atomic():
        Report.objects.filter(pk=report.pk).update(title="Quarry Lane Closure")
        raise RuntimeError("the import failed")
    assert not SearchIndexChange.objects.exists()  # rolled back with the change it recorded

    Report.objects.filter(pk=report.pk).update(title="Quarry Lane Closure")
    report.meeting.delete()
    indexing.apply_pending()
    assert titles("quarry") == []


def test_applying_the_same_change_twice_changes_nothing(cabinet):
    """A crash after the index commits but before the outbox rows are deleted."""
    report = add_report(cabinet, "Riverside Flood Defence Scheme")
    indexing.apply_pending()
    SearchIndexChange.objects.create(unit=report.meeting_id)
    indexing.apply_pending()
    results = search("riverside", Filters())
    assert results.total == 1
    assert [hit.title for hit in results.hits] == ["Riverside Flood Defence Scheme"]


def test_a_change_not_yet_applied_is_applied_by_the_next_run(cabinet):
    """A crash after the import commits but before its changes reach the index."""
    add_report(cabinet, "Harbour Wall Repairs", day=1)
    indexing.apply_pending()
    add_report(cabinet, "Harbour Car Park Charges", day=2)  # the process dies here
    assert titles("harbour") == ["Harbour Wall Repairs"]
    indexing.apply_pending()  # the next import, or the worker's minute
    assert sorted(titles("harbour")) == ["Harbour Car Park Charges", "Harbour Wall Repairs"]


def test_an_import_is_searchable_as_soon_as_it_returns(import_file, cabinet_pack):
    import_file(cabinet_pack)
    assert not SearchIndexChange.objects.exists()
    assert search("youth services", Filters()).hits[0].title == "Youth Services Review"


def test_check_reports_a_missing_index_then_a_lost_change_and_a_rebuild_mends_both(
    import_file, cabinet_pack
):
    assert indexing.problems() == []  # an empty archive needs no index yet: its import makes it
    import_file(cabinet_pack)
    assert indexing.problems() == []
    shutil.rmtree(engine.index_path())
    assert indexing.problems() == [
        f"{engine.index_path()}: there is no search index (manage.py rebuild_search_index)"
    ]
    call_command("rebuild_search_index", stdout=io.StringIO())
    Page.objects.filter(number=3).delete()
    SearchIndexChange.objects.all().delete()  # lost: the index still holds page 3
    assert indexing.problems() == [
        "the search index holds 3 pages and the database 2 (manage.py rebuild_search_index)"
    ]
    output = io.StringIO()
    call_command("rebuild_search_index", stdout=output)
    assert ": 9 rows indexed in " in output.getvalue()  # a meeting, 5 items, a report, 2 pages
    assert indexing.problems() == []


def test_check_reports_changes_left_waiting(cabinet, client):
    add_report(cabinet, "Old Change")
    indexing.apply_pending()
    old = SearchIndexChange.objects.create(unit=1)
    SearchIndexChange.objects.filter(pk=old.pk).update(
        created=old.created - indexing.BEHIND_AFTER - datetime.timedelta(minutes=1)
    )
    (problem,) = indexing.problems()
    assert problem.startswith("the search index is behind: 1 changes waiting since ")
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json() == {"status": "degraded", "problems": [problem]}
    indexing.apply_pending()
    assert client.get("/healthz/").json() == {"status": "ok", "problems": []}


def test_the_database_check_runs_with_manage_py_check(import_file, cabinet_pack):
    from django.core.checks import run_checks

    assert run_checks(databases=["default"]) == []  # nothing to index, no index: nothing wrong
    import_file(cabinet_pack)
    assert run_checks(databases=["default"]) == []
    shutil.rmtree(engine.index_path())
    assert [c.id for c in run_checks(databases=["default"])] == ["meetings.W001"]


@pytest.mark.django_db(transaction=True)
def test_a_fresh_checkouts_first_migrate_gives_no_warning(tmp_path):
    """`make run` on a new machine: migrate an empty database, with no index yet."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE DATABASE fresh_checkout")
    try:
        migrated = manage(
            "migrate", "--no-input", DATABASE_URL=database_url("fresh_checkout"),
            SEARCH_INDEX_DIR=str(tmp_path / "no-index-yet"),
        )  # fmt: skip
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP DATABASE fresh_checkout WITH (FORCE)")
    assert migrated.returncode == 0, migrated.stderr
    assert "WARNINGS" not in migrated.stderr + migrated.stdout
    assert "search index" not in migrated.stderr + migrated.stdout


@pytest.mark.django_db(transaction=True)
def test_a_web_process_sees_what_another_process_indexed_without_a_restart(cabinet_pack):
    assert search("youth", Filters()).total == 0  # this process has the index open
    imported = manage("import_packs", str(cabinet_pack), DATABASE_URL=database_url())
    assert imported.returncode == 0, imported.stderr
    assert search("youth", Filters()).hits[0].title == "Youth Services Review"
