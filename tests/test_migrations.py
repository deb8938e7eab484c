"""An archive made before councils keeps its rows and its addresses after migrating."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE_COUNCILS = [("meetings", "0007_printed_page_numbers_and_document_kind")]


@pytest.mark.django_db(transaction=True)
def test_rows_made_before_councils_are_filed_under_the_default_council(
    settings, client, import_file, tmp_path
):
    settings.DEFAULT_COUNCIL = "Kent County Council"
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("meetings")
    try:
        executor.migrate(BEFORE_COUNCILS)
        old = executor.loader.project_state(BEFORE_COUNCILS).apps
        body = old.get_model("meetings", "Body").objects.create(
            name="Cabinet", slug="cabinet", kind="cabinet"
        )
        old.get_model("meetings", "Meeting").objects.create(
            body=body, date=datetime.date(2025, 1, 30), title="Cabinet, 30 January 2025"
        )
        old.get_model("meetings", "Person").objects.create(name="Mr R Gough", key="mr-r-gough")
        MigrationExecutor(connection).migrate(latest)
    finally:
        MigrationExecutor(connection).migrate(latest)

    from meetings.models import Body, Council, Meeting, Person
    from tests.test_councils import UNNAMED

    kent = Council.objects.get()
    assert (kent.name, kent.slug) == ("Kent County Council", "kent-county-council")
    assert Body.objects.get().council == Person.objects.get().council == kent
    assert Meeting.objects.get().modified is not None
    assert client.get("/bodies/cabinet/")["Location"] == "/kent-county-council/cabinet/"
    # A document that names Kent County Council joins it, not a second Kent.
    named = tmp_path / "named.txt"
    named.write_text("KENT COUNTY COUNCIL\n\n" + UNNAMED)
    import_file(named)
    assert list(Council.objects.values_list("slug", flat=True)) == ["kent-county-council"]
