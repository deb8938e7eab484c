"""Harvests replayed from real recordings of two councils' sites, made by civic-scraper's own
test suite (../shared/harvest/civic-scraper-recordings, Apache-2.0): no network is used, and
a request the recording does not hold fails the test."""

import datetime
import gzip
from urllib.parse import urlsplit

import pytest
import vcr
import yaml

from meetings.demo import DemoMeeting, compose_pack, pdf_of
from meetings.harvest.harvesting import harvest
from meetings.harvest.models import FetchedFile, Source
from meetings.models import Council, Meeting
from tests.conftest import SHARED
from tests.test_import_queue import run_worker

pytestmark = pytest.mark.django_db(transaction=True)
RECORDINGS = SHARED / "harvest" / "civic-scraper-recordings" / "cassettes"
NASH = "http://nc-nashcounty.civicplus.com/AgendaCenter"


def replay(recording: str, tmp_path, extra: list[dict] = ()):
    """The recording, plus a 404 for each host's robots.txt (the recordings hold none: the
    harvest asks first, civic-scraper did not) and any `extra` interactions."""
    path = RECORDINGS / recording
    if not path.exists():
        pytest.skip(f"{path} is missing: ../shared/harvest is not beside this clone")
    cassette = yaml.safe_load(path.read_text())
    origins = {
        "{0.scheme}://{0.netloc}".format(urlsplit(interaction["request"]["uri"]))
        for interaction in cassette["interactions"]
    }
    for interaction in cassette["interactions"]:
        decompress(interaction["response"])
    cassette["interactions"] += [robots_missing(origin) for origin in sorted(origins)]
    cassette["interactions"] += list(extra)
    copy = tmp_path / "cassette.yaml"
    copy.write_text(yaml.safe_dump(cassette))
    return vcr.VCR(record_mode="none").use_cassette(str(copy))


def decompress(response: dict) -> None:
    """A gzip body stored as sent: replayed through urllib3 2 it would stay compressed."""
    headers = {name.lower(): name for name in response["headers"]}
    if "content-encoding" in headers and response["body"].get("string"):
        response["body"]["string"] = gzip.decompress(response["body"]["string"])
        del response["headers"][headers["content-encoding"]]
        response["headers"].pop(headers.get("content-length", ""), None)


def robots_missing(origin: str) -> dict:
    return answer(f"{origin}/robots.txt", b"not found", "text/plain", status=404)


def answer(uri: str, body: bytes, content_type: str, status: int = 200) -> dict:
    return {
        "request": {"method": "GET", "uri": uri, "body": None, "headers": {}},
        "response": {
            "status": {"code": status, "message": "OK" if status == 200 else "Not Found"},
            "headers": {"Content-Type": [content_type], "Content-Length": [str(len(body))]},
            "body": {"string": body},
        },
    }


@pytest.fixture
def nash():
    council = Council.objects.create(
        name="Nash County", short_name="Nash", slug="nash-county", tier="county"
    )
    return Source.objects.create(
        council=council,
        name="Nash County AgendaCenter",
        platform=Source.Platform.CIVICPLUS,
        url=NASH,
        harvest_from=datetime.date(2020, 5, 5),
        harvest_until=datetime.date(2020, 5, 5),
    )


def test_a_civicplus_agenda_center_harvest_imports_its_agenda_and_minutes(nash, tmp_path):
    with replay("test_civic_plus_site/test_scrape_download_true.yaml", tmp_path):
        run = harvest(nash)
    assert run.summary == "2 files of 1 meeting: 2 new, 0 changed, 0 unchanged, 0 failed"
    run_worker()
    meeting = Meeting.objects.get(body__council=nash.council, date=datetime.date(2020, 5, 5))
    assert meeting.body.name == "Board of Commissioners"
    files = {record.kind: record for record in FetchedFile.objects.all()}
    assert files["agenda"].file_name == "AGENDA.WORKSHOP.May.pdf"
    assert files["minutes"].file_name == (
        "May 5, 2020 Recessed Meeting-Budget Work Session Agenda - minutes.pdf"
    )
    assert {record.import_job.status for record in files.values()} == {"done"}
    assert sorted(meeting.documents.values_list("file_name", flat=True)) == [
        "AGENDA.WORKSHOP.May.pdf",
        "May 5, 2020 Recessed Meeting-Budget Work Session Agenda - minutes.pdf",
    ]


def test_a_second_civicplus_harvest_of_the_same_sizes_fetches_no_file(nash, tmp_path):
    with replay("test_civic_plus_site/test_scrape_download_true.yaml", tmp_path):
        harvest(nash)
    # the listing again: its search page and the HEAD requests civic-scraper makes
    with replay("test_civic_plus_site/test_scrape_download_default.yaml", tmp_path) as cassette:
        again = harvest(nash)
        fetched = [r.uri for r in cassette.requests if r.method == "GET" and "ViewFile" in r.uri]
    assert again.summary == "2 files of 1 meeting: 0 new, 0 changed, 2 unchanged, 0 failed"
    assert fetched == []


def generated_pack(body: str, date: datetime.date) -> bytes:
    return bytes(
        pdf_of(compose_pack(DemoMeeting(body, date, ["Highway Garage Roof"], 1), None)).output()
    )


def test_a_digitaltowpath_harvest_lists_the_town_boards_january_meeting(tmp_path, monkeypatch):
    """The recording holds the town's meeting pages and HEAD requests of the two files of its
    January meeting, not the files: the test adds a generated PDF for each."""
    from civic_scraper.platforms.digital_tow_path import utils

    monkeypatch.setattr(utils, "REQUEST_DELAY", 0)  # the library's own pause; ours is set to 0
    council = Council.objects.create(name="Town of Fine", short_name="Fine", slug="fine")
    source = Source.objects.create(
        council=council,
        name="Town of Fine meetings",
        platform=Source.Platform.DIGITALTOWPATH,
        url="https://finetownny.gov",
        harvest_from=datetime.date(2026, 1, 1),
        harvest_until=datetime.date(2026, 1, 31),
    )
    january = datetime.date(2026, 1, 14)
    files = "https://finetownny.gov/application/files"
    pdf = generated_pack("Town Board", january)  # once: a PDF records when it was made
    extra = [
        answer(f"{files}/7417/6832/4592/board_packet.pdf", pdf, "application/pdf"),
        answer(f"{files}/5617/6849/7151/2026_01_14.pdf", pdf, "application/pdf"),
    ]
    with replay("test_digital_tow_path_site/test_scrape_with_date_range.yaml", tmp_path, extra):
        run = harvest(source)
    assert run.summary == "2 files of 1 meeting: 2 new, 0 changed, 0 unchanged, 0 failed"
    assert {(r.body, r.date, r.kind) for r in FetchedFile.objects.all()} == {
        ("Town Board", january, "agenda"),
        ("Town Board", january, "minutes"),
    }
    run_worker()
    meeting = Meeting.objects.get(body__council=council)
    assert (meeting.body.name, meeting.date) == ("Town Board", january)
    assert meeting.documents.count() == 1  # the two generated files are the same PDF
