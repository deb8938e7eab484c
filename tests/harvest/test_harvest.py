"""Harvests of a ModernGov web service served by a real local web server: what is fetched,
queued and imported, what is fetched again, revisions, failures and paused sources."""

import datetime
import json

import pytest

from meetings.alerts import sending
from meetings.alerts.models import Subscriber, Subscription
from meetings.demo import DemoMeeting, compose_pack, pdf_of
from meetings.harvest import scheduling
from meetings.harvest.harvesting import harvest
from meetings.harvest.models import FetchedFile, Source
from meetings.models import Council, Document, ImportJob, Meeting, ReplacedDocument
from tests.harvest import moderngov
from tests.harvest.moderngov import Document as Listed
from tests.test_import_queue import run_worker

pytestmark = pytest.mark.django_db(transaction=True)
MAY_12 = datetime.date(2026, 5, 12)
MAY_20 = datetime.date(2026, 5, 20)
JUNE_30 = datetime.date(2026, 6, 30)
JSON = "application/json"


def pack(body: str, date: datetime.date, topics: list[str]) -> bytes:
    return bytes(pdf_of(compose_pack(DemoMeeting(body, date, topics, 1), None)).output())


def cabinet_pack_bytes() -> bytes:
    return pack("Cabinet", MAY_12, ["Youth Services Review"])


@pytest.fixture
def council():
    return Council.objects.create(
        name="Wessex Vale County Council", short_name="Wessex Vale", slug="wessex-vale"
    )


def source_of(site, council, **fields) -> Source:
    values = {
        "name": "Wessex Vale ModernGov",
        "platform": Source.Platform.MODERNGOV,
        "url": site.url,
        "harvest_from": datetime.date(2026, 5, 1),
        "harvest_until": datetime.date(2026, 7, 31),
    }
    return Source.objects.create(council=council, **values | fields)


@pytest.fixture
def two_committees(site, council):
    """Cabinet on 12 May and Scrutiny on 20 May with their packs; Cabinet on 30 June with
    its agenda listed but no document yet."""
    meetings = [
        moderngov.Meeting(
            101, 1, "Cabinet", MAY_12,
            items=[("1", "Apologies"), ("5", "Youth Services Review")],
            documents=[
                Listed("Agenda frontsheet", pack("Cabinet", MAY_12, ["Youth Services Review"])),
                Listed("Public reports pack", pack("Cabinet", MAY_12, ["Youth Services Review"])),
                Listed("Youth Services Review report", b"%PDF-1.4 the report", item="5"),
            ],
        ),
        moderngov.Meeting(
            102, 2, "Scrutiny Commission", MAY_20,
            documents=[Listed("Public reports pack", pack("Scrutiny Commission", MAY_20,
                                                          ["Highways Capital Programme"]))],
        ),
        moderngov.Meeting(
            103, 1, "Cabinet", JUNE_30, time="14:00",
            items=[("1", "Apologies"), ("2", "Climate Adaptation Plan")],
        ),
    ]  # fmt: skip
    moderngov.serve(site, meetings)
    return source_of(site, council)


def test_a_harvest_imports_each_meetings_pack_and_a_second_fetches_nothing_again(
    site, two_committees
):
    run = harvest(two_committees)
    assert (run.status, run.summary) == (
        "done",
        "2 files of 3 meetings: 2 new, 0 changed, 0 unchanged, 0 failed",
    )
    # the pack holds the front sheet and each report: only the pack is fetched
    assert not site.requests_to("/documents/g101/Agenda%20frontsheet.pdf")
    assert ImportJob.objects.filter(status="queued").count() == 2
    run_worker()

    cabinet = Meeting.objects.get(body__name="Cabinet", date=MAY_12)
    assert cabinet.body.council.slug == "wessex-vale"
    assert cabinet.documents.get().file_name == "Public reports pack.pdf"
    assert list(cabinet.agenda_items.values_list("number", "title"))[-1] == (
        "5", "Youth Services Review"
    )  # fmt: skip
    assert Meeting.objects.get(body__name="Scrutiny Commission", date=MAY_20).documents.exists()
    june = Meeting.objects.get(date=JUNE_30)  # stated by the source, nothing to read yet
    assert (june.start_time, june.location) == (datetime.time(14), "Council Chamber, Shire Hall")
    assert list(june.agenda_items.values_list("number", "title")) == [
        ("1", "Apologies"), ("2", "Climate Adaptation Plan")
    ]  # fmt: skip
    fetched = FetchedFile.objects.get(key="meeting 101: public reports pack")
    assert fetched.import_job.status == "done" and fetched.disagreement == ""

    files_before = len(site.log)
    again = harvest(two_committees)
    assert again.summary == "2 files of 3 meetings: 0 new, 0 changed, 2 unchanged, 0 failed"
    file_answers = [
        entry.status for entry in site.log[files_before:] if entry.path.startswith("/documents/")
    ]
    assert file_answers == [304, 304]  # asked whether they changed; no file was sent again
    assert ImportJob.objects.count() == 2
    assert again.requests == len(site.log) - files_before


def test_the_source_page_shows_its_runs_and_files(admin_client, site, two_committees):
    harvest(two_committees)
    run_worker()
    page = admin_client.get(f"/admin/meetings/source/{two_committees.pk}/change/")
    text = page.content.decode()
    assert "2 files of 3 meetings: 2 new, 0 changed, 0 unchanged, 0 failed" in text
    assert "done: Public reports pack.pdf: agenda of Cabinet, 12 May 2026" in text
    assert "Harvested every 24 hours" in text


def test_a_revised_agenda_replaces_the_old_and_tells_the_committees_followers(site, council, smtp):
    first = pack("Cabinet", MAY_12, ["Youth Services Review"])
    meeting = moderngov.Meeting(101, 1, "Cabinet", MAY_12,
                                documents=[Listed("Public reports pack", first)])  # fmt: skip
    moderngov.serve(site, [meeting])
    source = source_of(site, council)
    harvest(source)
    run_worker()
    cabinet = Meeting.objects.get(date=MAY_12)
    old = cabinet.documents.get()
    subscriber = Subscriber.objects.create(email="ann@example.org")
    Subscription.objects.create(
        subscriber=subscriber, kind="body", body=cabinet.body, target=f"body:{cabinet.body_id}",
        label="Cabinet", frequency="immediate",
    )  # fmt: skip

    revised = pack("Cabinet", MAY_12, ["Youth Services Review", "Library Opening Hours Review"])
    site.routes[Listed("Public reports pack", b"").path(101)].body = revised
    run = harvest(source)
    assert run.summary == "1 file of 1 meeting: 0 new, 1 changed, 0 unchanged, 0 failed"
    run_worker()

    new = cabinet.documents.get()  # one document: the revision replaced the first
    assert new.sha256 != old.sha256 and new.file_name == "Public reports pack.pdf"
    assert ReplacedDocument.objects.get(sha256=old.sha256).document == new
    assert cabinet.agenda_items.filter(title="Library Opening Hours Review").exists()
    sending.run_digests("immediate")
    text = smtp.messages[-1].get_body(("plain",)).get_content()
    assert "Agenda revised: Cabinet, 12 May 2026" in text
    assert "The agenda of this meeting of Cabinet was revised" in text


def test_each_failure_is_recorded_with_its_reason_and_the_rest_carry_on(site, council, settings):
    settings.HARVEST_TIMEOUT_SECONDS = 0.5
    settings.HARVEST_RETRIES = 2
    settings.IMPORT_MAX_FILE_MB = 1
    good = pack("Cabinet", MAY_12, ["Youth Services Review"])
    titles = ["Public reports pack", "Minutes", "Decisions", "Supplement 1", "Supplement 2",
              "Supplement 3"]  # fmt: skip
    meeting = moderngov.Meeting(
        101, 1, "Cabinet", MAY_12, documents=[Listed(title, good) for title in titles]
    )
    moderngov.serve(site, [meeting])
    slow, broken, html, loop, big = (Listed(title, b"").path(101) for title in titles[1:])
    site.routes[slow].delay = 2
    site.routes[broken].failures = 10
    site.routes[html].body, site.routes[html].content_type = b"<html>Log in</html>", "text/html"
    site.routes[loop].redirect = loop
    site.routes[big].body = b"%PDF-1.4\n" + b"0" * 1_200_000
    run = harvest(source_of(site, council))
    assert run.summary == "6 files of 1 meeting: 1 new, 0 changed, 0 unchanged, 5 failed"
    assert run.status == "done"  # one file failing does not fail the harvest
    base = f"{site.url}/documents/g101"
    assert run.failures == [
        {"url": f"{base}/Minutes.pdf", "reason": f"{base}/Minutes.pdf: no answer within 0.5 "
                                                 "seconds"},
        {"url": f"{base}/Decisions.pdf", "reason": f"{base}/Decisions.pdf: the server answered "
                                                   "500"},
        {"url": f"{base}/Supplement%201.pdf", "reason": f"{base}/Supplement%201.pdf: the server "
                                                        "sent a web page (text/html) where a PDF "
                                                        "was promised"},
        {"url": f"{base}/Supplement%202.pdf", "reason": f"{base}/Supplement%202.pdf: redirects "
                                                        "in a loop (more than 5)"},
        {"url": f"{base}/Supplement%203.pdf", "reason": f"{base}/Supplement%203.pdf: it is 1.1 "
                                                        "MB; the limit is 1 MB a file"},
    ]  # fmt: skip
    assert FetchedFile.objects.get(title="Decisions").error.endswith("the server answered 500")
    assert ImportJob.objects.count() == 1


def test_a_source_that_keeps_failing_is_paused_and_the_others_are_still_harvested(
    site, council, settings
):
    settings.HARVEST_PAUSE_AFTER = 2
    site.add(f"{moderngov.SERVICE}/GetCommittees", "down", status=503, validators=False)
    failing = source_of(site, council, name="Failing")
    healthy = source_of(site, council, name="Healthy", days_back=1)
    healthy.url = f"{site.url}/other"
    healthy.save()
    site.add(f"/other{moderngov.SERVICE}/GetCommittees", "<committees/>")

    harvest(failing)
    failing.refresh_from_db()
    assert (failing.failures, failing.paused) == (1, False)
    run = harvest(failing)
    failing.refresh_from_db()
    reason = f"{site.url}{moderngov.SERVICE}/GetCommittees?lDays=0: the server answered 503"
    assert (run.status, run.error) == ("failed", reason)
    assert failing.paused_reason == f"2 harvests in a row failed; the last: {reason}"

    Source.objects.update(next_run_at=None)
    assert list(scheduling.due_sources()) == [healthy]
    assert scheduling.queue_due() == 1
    run_worker()
    assert healthy.runs.get().status == "done"
    assert failing.runs.count() == 2  # paused: not harvested again


def test_the_source_and_the_document_disagreeing_is_flagged(site, council):
    """The service lists the pack under the Planning Committee; the pack is Cabinet's."""
    meeting = moderngov.Meeting(
        101, 1, "Planning Committee", MAY_12,
        documents=[Listed("Public reports pack", cabinet_pack_bytes())],
    )  # fmt: skip
    moderngov.serve(site, [meeting])
    harvest(source_of(site, council))
    run_worker()
    fetched = FetchedFile.objects.get()
    assert fetched.disagreement == (
        "the source states Planning Committee, 12 May 2026; the document reads Cabinet, 12 May 2026"
    )
    assert Document.objects.get().meeting.body.name == "Cabinet"  # filed as read, flagged
    assert Meeting.objects.filter(body__name="Planning Committee").exists()  # as stated


def test_a_body_the_source_names_more_fully_is_one_body(site, council):
    meeting = moderngov.Meeting(
        101, 1, "Wessex Vale Cabinet", MAY_12,
        documents=[Listed("Public reports pack", cabinet_pack_bytes())],
    )  # fmt: skip
    moderngov.serve(site, [meeting])
    harvest(source_of(site, council))
    run_worker()
    assert FetchedFile.objects.get().disagreement == ""
    assert list(Meeting.objects.values_list("body__name", flat=True)) == ["Wessex Vale Cabinet"]


def test_a_listing_not_shaped_as_documented_fails_the_harvest_with_its_reason(site, council):
    """An OParl system whose meeting has no id: the run fails, saying so; nothing crashes."""
    site.add("/oparl/", json.dumps({"body": f"{site.url}/oparl/bodies"}), content_type=JSON)
    site.add("/oparl/bodies", json.dumps({"data": [{"meeting": f"{site.url}/oparl/meetings"}]}),
             content_type=JSON)  # fmt: skip
    site.add("/oparl/meetings", json.dumps({"data": [{"start": "2026-05-12T10:00:00Z"}]}),
             content_type=JSON)  # fmt: skip
    source = source_of(site, council, platform=Source.Platform.OPARL, url=f"{site.url}/oparl/")
    run = harvest(source)
    assert (run.status, run.error) == (
        "failed",
        f"{site.url}/oparl/: its listing could not be read (KeyError: 'id')",
    )


def test_a_page_of_pdf_links_gives_the_files_of_meetings_in_the_window(site, council):
    site.add("/files/cabinet-may.pdf", cabinet_pack_bytes())
    site.add("/files/old-minutes.pdf", b"%PDF-1.4 long ago")
    site.add(
        "/meetings",
        '<ul><li><a href="/files/cabinet-may.pdf">Cabinet agenda, 12 May 2026</a></li>'
        '<li><a href="/files/old-minutes.pdf">Minutes of 3 March 2025</a></li>'
        '<li><a href="/contact">Contact us</a></li></ul>',
        content_type="text/html",
    )
    source = source_of(site, council, platform=Source.Platform.LINKS, url=f"{site.url}/meetings")
    run = harvest(source)
    assert run.summary == "1 file of 1 meeting: 1 new, 0 changed, 0 unchanged, 0 failed"
    assert not site.requests_to("/files/old-minutes.pdf")  # its date is outside the window
    fetched = FetchedFile.objects.get()
    assert (fetched.title, fetched.kind, fetched.body, fetched.date) == (
        "Cabinet agenda, 12 May 2026", "agenda", "", MAY_12
    )  # fmt: skip
    run_worker()
    assert Document.objects.get().meeting.body.name == "Cabinet"  # the document names it


def test_a_feed_of_pdf_links_is_read_too(site, council):
    site.add("/files/cabinet-may.pdf", cabinet_pack_bytes())
    site.add(
        "/feed",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Agendas</title>'
        f"<item><title>Cabinet 12 May 2026</title><link>{site.url}/files/cabinet-may.pdf</link>"
        "</item></channel></rss>",
        content_type="application/rss+xml",
    )
    source = source_of(site, council, platform=Source.Platform.LINKS, url=f"{site.url}/feed")
    assert harvest(source).summary == (
        "1 file of 1 meeting: 1 new, 0 changed, 0 unchanged, 0 failed"
    )
    assert FetchedFile.objects.get().url == f"{site.url}/files/cabinet-may.pdf"
