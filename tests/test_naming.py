"""Every name a reader sees says whose it is once the archive holds more than one council."""

import re
from xml.etree import ElementTree

import pytest

from meetings import naming
from meetings.models import Body, Council, Document, Meeting

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
KENT_MEETING = "/kent/cabinet/2025-01-09/"


@pytest.fixture
def two_cabinets(import_file, seed, realworld):
    """Leicestershire's Cabinet (seed 000) and Kent's (its minutes of 9 January 2025)."""
    import_file(seed("000"))
    import_file(realworld("kent_cabinet_2025-01-09_minutes"))


def title_and_heading(page: str) -> tuple[str, str]:
    title = re.search(r"<title>(.*?)</title>", page, re.S)[1]
    heading = re.search(r"<h1>(.*?)</h1>", page, re.S)[1]
    return title, heading


def test_pages_name_the_council_when_the_archive_holds_several(client, two_cabinets):
    meeting = client.get(KENT_MEETING).content.decode()
    assert title_and_heading(meeting) == (
        "Kent: Cabinet, 9 January 2025 · Committee meetings archive",
        "Kent: Cabinet, 9 January 2025",
    )
    decision = client.get(f"{KENT_MEETING}minutes/83/").content.decode()
    assert title_and_heading(decision) == (
        "English Devolution White Paper · Kent: Cabinet, 9 January 2025, minute 83",
        "83. English Devolution White Paper",
    )
    assert "Cite as: <cite>Kent: Cabinet, 9 January 2025, minute 83</cite>" in decision
    body = client.get("/kent/cabinet/").content.decode()
    assert title_and_heading(body)[1] == "Cabinet (Kent)"
    sha = Document.objects.get(meeting__body__council__slug="kent").sha256
    page = client.get(f"/documents/{sha}/page/1/").content.decode()
    assert title_and_heading(page)[1].startswith("Kent: Cabinet, 9 January 2025: minutes, ")
    register = client.get("/decisions/").content.decode()
    assert "Leicestershire: Cabinet, 3 February 2026, minute 88" in register
    assert "Kent: Cabinet, 9 January 2025, minute 83" in register
    home = client.get("/").content.decode()
    assert ">Kent: Cabinet, 9 January 2025</a>" in home


def test_one_council_is_not_named(client, import_file, seed):
    import_file(seed("000"))
    decision = client.get("/leicestershire/cabinet/2026-02-03/minutes/88/").content.decode()
    assert "Cite as: <cite>Cabinet, 3 February 2026, minute 88</cite>" in decision
    assert "Leicestershire:" not in decision
    assert title_and_heading(client.get("/leicestershire/cabinet/").content.decode())[1] == (
        "Cabinet"
    )


def test_a_place_two_councils_share_is_named_in_full(client, two_cabinets):
    Council.objects.create(name="Kent Town Council", slug="kent-town", short_name="Kent")
    meeting = client.get(KENT_MEETING).content.decode()
    assert title_and_heading(meeting)[1] == "Kent County Council: Cabinet, 9 January 2025"


def test_a_body_named_after_its_council_is_not_named_twice(client, two_cabinets):
    Body.objects.filter(council__slug="kent").update(name="Kent Cabinet")
    meeting = client.get(KENT_MEETING).content.decode()
    assert title_and_heading(meeting)[1] == "Kent Cabinet, 9 January 2025"
    assert naming.with_council("Kent", "Kentish Towns Forum, 1 May 2025") == (
        "Kent: Kentish Towns Forum, 1 May 2025"
    )
    assert naming.beside_council("Guelph", "Guelph City Council") == "Guelph City Council"


def test_names_are_read_once_a_request(rf, two_cabinets, django_assert_num_queries):
    request = rf.get("/")
    with django_assert_num_queries(1):
        first = naming.councils(request)
        assert naming.councils(request) is first
    assert first == naming.Councils(several=True)


def test_feeds_and_calendars_name_the_council(client, two_cabinets):
    meetings = ElementTree.fromstring(client.get("/feeds/meetings/").content)
    titles = [entry.findtext(f"{ATOM}title") for entry in meetings.iter(f"{ATOM}entry")]
    assert "Kent: Cabinet, 9 January 2025" in titles
    assert "Leicestershire: Cabinet, 24 March 2026" in titles
    decisions = ElementTree.fromstring(client.get("/kent/cabinet/decisions.atom").content)
    assert decisions.findtext(f"{ATOM}title") == "Decisions of Cabinet (Kent)"
    titles = [entry.findtext(f"{ATOM}title") for entry in decisions.iter(f"{ATOM}entry")]
    assert "English Devolution White Paper (Kent: Cabinet, 9 January 2025, minute 83)" in titles
    calendar = client.get("/kent/cabinet/meetings.ics").content.decode()
    assert "X-WR-CALNAME:Cabinet (Kent)" in calendar
    assert "SUMMARY:Kent: Cabinet\\, 9 January 2025" in calendar


def test_search_results_name_the_council(client, two_cabinets):
    from meetings.search import Filters, search

    hit = search('"English Devolution White Paper"', Filters(kinds=["decision"])).hits[0]
    assert hit.source == "Kent: Cabinet, 9 January 2025, minute 83"
    page = client.get("/search/", {"q": '"English Devolution White Paper"'}).content.decode()
    assert "Kent: Cabinet, 9 January 2025, minute 83" in page
    feed = ElementTree.fromstring(
        client.get("/search/feed/", {"q": '"English Devolution White Paper"'}).content
    )
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert (
        "Decision: English Devolution White Paper (Kent: Cabinet, 9 January 2025, minute 83)"
        in titles
    )


def test_oparl_names_the_meeting_and_its_files_council(client, two_cabinets):
    meeting = Meeting.objects.get(body__council__slug="kent")
    data = client.get(f"/oparl/v1.1/meeting/{meeting.pk}").json()
    assert data["name"] == "Kent: Cabinet, 9 January 2025"
    assert data["resultsProtocol"]["name"] == "Kent: Cabinet, 9 January 2025: minutes"


def test_alert_emails_name_the_council(smtp, two_cabinets):
    import datetime

    from django.utils import timezone

    from meetings.alerts import sending
    from meetings.alerts.models import Subscriber, Subscription
    from meetings.models import Body

    kent = Body.objects.get(council__slug="kent")
    subscriber = Subscriber.objects.create(email="officer@example.org")
    Subscription.objects.create(
        subscriber=subscriber, kind="body", body=kent, target=f"body:{kent.pk}",
        label="Cabinet, Kent County Council", frequency="daily",
    )  # fmt: skip
    Subscription.objects.update(created=timezone.now() - datetime.timedelta(hours=1))
    sending.run_digests("daily")
    (message,) = smtp.messages
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "English Devolution White Paper\n   Kent: Cabinet, 9 January 2025, minute 83\n" in text
    assert "Why: A decision of Cabinet (Kent)" in text
