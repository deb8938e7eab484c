"""Hostile input, bounded requests, feeds by the book and login throttling."""

import datetime
import re
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.test import override_settings
from django.utils import timezone

from meetings.models import (
    Body,
    Council,
    Decision,
    Document,
    Meeting,
    Minute,
    RateCount,
    SearchWord,
)
from meetings.search import MAX_QUERY_TERMS, Filters, search
from tests.routes import url_patterns

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = "\"><img src=x onerror=alert(1)> Council's & <b>bold</b>"


def with_nul(route: str) -> str:
    """The route with each parameter a NUL byte (or a NUL added, where it has none)."""
    path = re.sub(r"<[^>]+>|\(\?P<[^>]+>[^)]*\)", "%00", route)
    path = "/" + re.sub(r"[\^$\\]|\(\?:[^)]*\)\??|\.\*|\?", "", path)
    return path if "%00" in path else path + "%00"


@pytest.mark.parametrize("route", sorted({route for route, _ in url_patterns()}))
def test_nul_in_any_url_is_a_4xx(client, route):
    path = with_nul(route)
    for url in (path, f"{path}?q=%00", f"{path}?page=1%00"):
        response = client.get(url)
        assert response.status_code in (400, 404), (url, response.status_code)


@pytest.mark.parametrize(
    "url",
    [
        "/documents/%00/",
        "/documents/%00/page/1/",
        "/leicestershire/cabinet/2026-02-03/minutes/4%006/",
        "/search/?q=council%00tax",
        "/meetings/?body=%00",
        "/search/?q=x&kind=%00",
        "/decisions/?date_from=%01",
    ],
)
def test_control_characters_are_a_400(client, url):
    assert client.get(url).status_code == 400


@pytest.fixture
def hostile_decision():
    council = Council.objects.create(name="Kent County Council", slug="kent", short_name="Kent")
    body = Body.objects.create(council=council, name="Cabinet", slug="cabinet", kind="cabinet")
    meeting = Meeting.objects.create(
        body=body,
        date=datetime.date(2026, 3, 24),
        start_time=datetime.time(14),
        location="Room 1, County Hall; Glenfield, " + "Leicestershire " * 8,
    )
    document = meeting.documents.create(
        council=council, file_name="x.txt", sha256="a" * 64, format="text"
    )
    minute = Minute.objects.create(
        meeting=meeting, number="88", position=1, title=HOSTILE, text="", document=document
    )
    return Decision.objects.create(minute=minute, title=HOSTILE, resolved=HOSTILE)


def test_atom_summaries_are_text_that_decodes_to_the_document_text(client, hostile_decision):
    feed = ET.fromstring(client.get("/feeds/decisions/").content)
    entry = feed.find(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == HOSTILE
    assert entry.find(f"{ATOM}title").text.startswith(HOSTILE)


def test_search_feed_carries_its_query_and_filters(client, import_file, seed):
    import_file(seed("000"))
    parameters = {"q": "council's budget", "body": "cabinet", "year": "2026"}
    response = client.get("/search/feed/", parameters)
    feed = ET.fromstring(response.content)
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    for url in (links["self"], links["alternate"], feed.find(f"{ATOM}id").text):
        assert "q=council%27s+budget" in url and "body=cabinet" in url and "year=2026" in url
    assert client.get(links["self"]).status_code == 200
    assert links["alternate"].startswith("http://testserver/search/?")
    summaries = [s.text for s in feed.iter(f"{ATOM}summary")]
    assert summaries and not any("&#x27;" in text or "&amp;" in text for text in summaries)


def test_icalendar_is_folded_escaped_and_stable(client, hostile_decision):
    first = client.get("/kent/cabinet/meetings.ics")
    assert first["Content-Type"] == "text/calendar; charset=utf-8"
    assert all(len(line) <= 75 for line in first.content.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(first.content)
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["location"]) == hostile_decision.minute.meeting.location
    assert event.decoded("dtstart") == datetime.datetime(
        2026, 3, 24, 14, tzinfo=event.decoded("dtstart").tzinfo
    )
    assert str(event.decoded("dtstart").tzinfo) == "Europe/London"
    assert calendar.walk("VTIMEZONE")
    again = icalendar.Calendar.from_ical(client.get("/kent/cabinet/meetings.ics").content)
    repeat = next(iter(again.walk("VEVENT")))
    assert (repeat["uid"], repeat["sequence"]) == (event["uid"], event["sequence"])


def test_a_changed_meeting_place_raises_its_sequence(import_file, tmp_path):
    from meetings.demo import DemoMeeting, write_pack

    path = tmp_path / "pack.txt"
    write_pack(DemoMeeting("Cabinet", datetime.date(2026, 5, 12), ["Youth Services Review"], 1),
               None, path)  # fmt: skip
    import_file(path)
    import_file(path, force=True)
    assert Meeting.objects.get().sequence == 0
    path.write_text(path.read_text().replace("Council Chamber,", "Committee Room 2,"))
    import_file(path)
    assert Meeting.objects.get().sequence == 1


def test_text_downloads_say_their_charset(client, import_file, seed, tmp_path):
    import_file(seed("004"))
    document = Document.objects.get()
    response = client.get(f"/documents/{document.sha256}/download/")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    older = tmp_path / "older.txt"
    older.write_bytes(
        "Meeting: Highways Panel\n\nDate/Time: Monday, 6 October 2031 at 2.00 pm\n\n"
        "Notes on the caf\u00e9 and the \u00a3 budget.\n".encode("cp1252")
    )
    import_file(older)
    document = Document.objects.get(file_name="older.txt")
    response = client.get(f"/documents/{document.sha256}/download/")
    assert response["Content-Type"] == "text/plain; charset=windows-1252"
    assert b"".join(response.streaming_content) == older.read_bytes()


@pytest.fixture
def vocabulary():
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, documents=3) for word in ("council", "budget", "highways")]
    )


def test_a_long_query_is_cut_and_the_person_told(client, vocabulary):
    words = " ".join(f"zqx{index}word" for index in range(100))
    page = client.get("/search/", {"q": words}).content.decode()
    assert "limited to 12 words" in page
    heading = page[page.index("<h1>") : page.index("</h1>")]
    assert heading.endswith(f"zqx{MAX_QUERY_TERMS - 1}word")


def test_suggestions_take_a_fixed_number_of_statements(vocabulary, django_assert_max_num_queries):
    unknown = " ".join(f"cuoncil{letter}" for letter in "abcdefghijkl")
    with django_assert_max_num_queries(6):
        results = search(unknown, Filters())
    assert results.total == 0
    with django_assert_max_num_queries(6):
        results = search("cuoncil budgte", Filters())
    assert results.suggestions == []  # no document holds the words: nothing to suggest


def test_spelling_suggestion_found_in_the_archive(import_file, seed):
    import_file(seed("000"))
    assert "council budget" in search("cuoncil budget", Filters()).suggestions


@pytest.mark.django_db(transaction=True)
@override_settings(SEARCH_STATEMENT_TIMEOUT_MS=300)
def test_a_search_over_its_time_is_too_broad_not_an_error(client, import_file, seed):
    """A search statement that waits past the timeout (here, on a table another session
    holds locked) is cancelled: the page says to narrow the search, nothing hangs."""
    import psycopg

    from tests.conftest import database_url

    import_file(seed("000"))
    with psycopg.connect(database_url()) as other:
        other.execute("LOCK TABLE meetings_report IN ACCESS EXCLUSIVE MODE")
        response = client.get("/search/", {"q": "council OR report"})
        feed = client.get("/search/feed/", {"q": "council OR report"})
        other.rollback()
    assert response.status_code == 422
    assert "too broad" in response.content.decode()
    assert feed.status_code == 422
    assert client.get("/search/", {"q": "council OR report"}).status_code == 200


@override_settings(RATELIMIT_ENABLE=True, SEARCH_RATE_LIMIT="3/m")
def test_searches_are_rate_limited_per_client(client):
    statuses = [client.get("/search/", {"q": f"budget {n}"}).status_code for n in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert client.get("/search/", {"q": "x"}, REMOTE_ADDR="10.0.0.9").status_code == 200
    assert client.get("/").status_code == 200  # pages are not limited


@override_settings(AXES_FAILURE_LIMIT=3)
def test_admin_login_locks_out_after_repeated_failures(client, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.org", "right")
    for _ in range(3):
        response = client.post("/admin/login/", {"username": "admin", "password": "wrong"})
    assert response.status_code == 429
    response = client.post("/admin/login/", {"username": "admin", "password": "right"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    other = client.post(
        "/admin/login/", {"username": "admin", "password": "right"}, REMOTE_ADDR="10.0.0.2"
    )
    assert other.status_code == 302  # the lockout is per user and address


def test_when_every_search_slot_is_taken_search_says_busy(client, vocabulary):
    from meetings import search as archive_search

    slots = archive_search.SEARCH_SLOTS
    held = 0
    while slots.acquire(blocking=False):
        held += 1
    try:
        busy = client.get("/search/", {"q": "budget"})
        feed = client.get("/search/feed/", {"q": "budget"})
    finally:
        for _ in range(held):
            slots.release()
    assert held == 1  # SEARCH_CONCURRENCY
    assert (busy.status_code, busy["Retry-After"]) == (503, "5")
    assert "Search is busy" in busy.content.decode()
    assert feed.status_code == 503
    assert client.get("/search/", {"q": "budget"}).status_code == 200
    assert client.get("/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_rate_counts_stay_exact_when_workers_count_the_same_client_at_once():
    from concurrent.futures import ThreadPoolExecutor

    from django.core.cache import cache
    from django.db import connection

    assert cache.add("client", 0, 60) is True
    assert cache.add("client", 0, 60) is False  # a live counter is kept

    def count_ten(_):
        try:
            return [cache.incr("client") for _ in range(10)]
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        seen = [n for counts in pool.map(count_ten, range(4)) for n in counts]
    assert sorted(seen) == list(range(1, 41))  # no two requests read the same count
    assert cache.get("client") == 40


@pytest.mark.django_db
def test_a_rate_count_starts_again_when_its_window_has_passed():
    from django.core.cache import cache

    cache.set("client", 7, 60)
    assert cache.incr("client", 2) == 9
    RateCount.objects.filter(key__endswith="client").update(
        expires=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert cache.get("client", "none") == "none"
    with pytest.raises(ValueError):
        cache.incr("client")
    assert cache.add("client", 0, 60) is True
    assert cache.incr("client") == 1
    with pytest.raises(TypeError):
        cache.set("page", "<html>", 60)
