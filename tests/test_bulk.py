"""Bulk downloads: each council's meetings as gzipped NDJSON and its decisions as CSV,
made by a command, listed at /data/ with their size and date, and cheap to fetch again."""

import csv
import gzip
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.template.defaultfilters import filesizeformat

from meetings.bulk import refresh_stale
from meetings.models import Decision
from tests.test_councils import two_cabinets  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(two_cabinets, settings):  # noqa: F811
    call_command("make_bulk_data", stdout=io.StringIO())
    return settings.BULK_DATA_DIR


def test_each_council_gets_its_meetings_as_ndjson(made):
    with gzip.open(made / "leicestershire-meetings.ndjson.gz", "rt", encoding="utf-8") as lines:
        meetings = [json.loads(line) for line in lines]
    assert [(m["council"], m["body"], m["date"]) for m in meetings] == [
        ("Leicestershire County Council", "Cabinet", "2026-02-03"),
        ("Leicestershire County Council", "Cabinet", "2026-03-24"),
    ]
    february = next(m for m in meetings if m["date"] == "2026-02-03")
    assert february["url"] == "http://localhost:8000/leicestershire/cabinet/2026-02-03/"
    assert any(minute["resolved"] for minute in february["minutes"])
    assert february["attendance"][0]["name"] == "Mr. D. Harrison CC"
    with gzip.open(made / "wessex-vale-meetings.ndjson.gz", "rt", encoding="utf-8") as lines:
        assert {json.loads(line)["council"] for line in lines} == {"Wessex Vale County Council"}


def test_each_council_gets_its_decisions_register_as_csv(made):
    rows = list(csv.DictReader((made / "leicestershire-decisions.csv").open(encoding="utf-8")))
    assert (
        len(rows)
        == Decision.objects.filter(minute__meeting__body__council__slug="leicestershire").count()
        > 0
    )
    first = rows[0]
    assert (first["council"], first["body"], first["meeting_date"]) == (
        "Leicestershire County Council",
        "Cabinet",
        "2026-02-03",
    )
    assert first["url"].startswith("http://localhost:8000/leicestershire/cabinet/2026-02-03/")


def test_the_data_page_lists_the_files_with_their_size(client, made):
    page = client.get("/data/").content.decode()
    size = filesizeformat((made / "leicestershire-meetings.ndjson.gz").stat().st_size)
    assert 'href="/data/wessex-vale-decisions.csv"' in page
    assert (
        '<a href="/data/leicestershire-meetings.ndjson.gz">leicestershire-meetings.ndjson.gz</a> '
        f'<span class="muted">{size}, made '
    ) in page
    assert 'href="/oparl/v1.1/"' in page


def test_a_download_is_cheap_to_fetch_again(client, made):
    response = client.get("/data/leicestershire-decisions.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="leicestershire-decisions.csv"'
    )
    assert response["Cache-Control"] == "public, max-age=3600"
    body = b"".join(response.streaming_content)
    assert body == (made / "leicestershire-decisions.csv").read_bytes()
    again = client.get("/data/leicestershire-decisions.csv", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    "name", ["nowhere-decisions.csv", "..%2Fsettings.py", "leicestershire-decisions.txt"]
)
def test_an_unknown_download_is_a_404(client, made, name):
    assert client.get(f"/data/{name}").status_code == 404


def test_an_unknown_council_is_a_clear_error():
    with pytest.raises(CommandError, match="--council nowhere: no such council"):
        call_command("make_bulk_data", "--council", "nowhere")


def test_the_worker_remakes_only_the_files_of_councils_that_changed(
    made, import_file, seed, settings
):
    assert refresh_stale() == []
    import_file(seed("001"))  # more Leicestershire meetings
    assert [council.slug for council in refresh_stale()] == ["leicestershire"]
    with gzip.open(made / "leicestershire-meetings.ndjson.gz", "rt") as lines:
        assert len(lines.readlines()) == 5
    assert refresh_stale() == []
