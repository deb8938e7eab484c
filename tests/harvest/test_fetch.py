"""The polite fetcher against a real local web server: what it sends, when, and what it
refuses. Every request is a real HTTP request on loopback."""

import threading

import pytest
from django.conf import settings

from meetings.harvest.fetch import FetchError, PoliteSession, download, usable_etag

PDF = b"%PDF-1.4\n" + b"x" * 2000 + b"\n%%EOF\n"


def fetch(site, path, tmp_path, **validators):
    return download(PoliteSession(), site.url + path, tmp_path, **validators)


def test_each_request_names_the_archive_and_its_admin_after_asking_robots_txt(site, tmp_path):
    site.add("/agenda.pdf", PDF)
    fetched = fetch(site, "/agenda.pdf", tmp_path)
    assert fetched.path.read_bytes() == PDF and fetched.size == len(PDF)
    assert [entry.path for entry in site.log] == ["/robots.txt", "/agenda.pdf"]
    agents = {entry.headers["User-Agent"] for entry in site.log}
    assert agents == {
        f"CommitteeMeetingsArchive/1.0 (+{settings.BASE_URL}; archive-admin@example.org)"
    }


def test_robots_txt_is_obeyed(site, tmp_path):
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.add("/private/minutes.pdf", PDF)
    site.add("/public/minutes.pdf", PDF)
    session = PoliteSession()
    with pytest.raises(FetchError) as refused:
        download(session, site.url + "/private/minutes.pdf", tmp_path)
    host = site.url.removeprefix("http://")
    assert str(refused.value) == (
        f"{site.url}/private/minutes.pdf: robots.txt of {host} disallows it"
    )
    assert download(session, site.url + "/public/minutes.pdf", tmp_path).status == 200
    assert not site.requests_to("/private/minutes.pdf")
    assert len(site.requests_to("/robots.txt")) == 1  # read once a session


def test_robots_txt_naming_the_archive_keeps_it_out(site, tmp_path):
    site.add("/robots.txt", "User-agent: CommitteeMeetingsArchive\nDisallow: /\n")
    site.add("/agenda.pdf", PDF)
    with pytest.raises(FetchError, match="robots.txt of .* disallows it"):
        fetch(site, "/agenda.pdf", tmp_path)


def test_a_robots_txt_that_fails_with_a_server_error_allows_nothing(site, tmp_path):
    site.add("/robots.txt", "down", status=503, content_type="text/plain")
    site.add("/agenda.pdf", PDF)
    with pytest.raises(FetchError, match=r"/robots.txt: the server answered 503"):
        fetch(site, "/agenda.pdf", tmp_path)
    assert not site.requests_to("/agenda.pdf")


def test_one_request_at_a_time_per_host_with_a_pause_between(site, tmp_path, settings):
    settings.HARVEST_DELAY_SECONDS = 0.3
    for number in range(3):
        site.add(f"/{number}.pdf", PDF, delay=0.1)

    def fetch_all():
        session = PoliteSession()
        for number in range(3):
            download(session, f"{site.url}/{number}.pdf", tmp_path)

    harvests = [threading.Thread(target=fetch_all) for _ in range(2)]  # two sources, one host
    for harvest in harvests:
        harvest.start()
    for harvest in harvests:
        harvest.join()
    arrivals = sorted(entry.at for entry in site.log)
    assert len(arrivals) == 8  # each session's robots.txt and its three files
    # each request starts at least the delay after the one before it was answered
    gaps = [later - earlier for earlier, later in zip(arrivals, arrivals[1:], strict=False)]
    assert min(gaps) >= 0.3


def test_a_server_error_is_tried_again_with_a_growing_wait(site, tmp_path, settings):
    settings.HARVEST_BACKOFF_SECONDS = 0.2
    settings.HARVEST_RETRIES = 3
    site.add("/agenda.pdf", PDF, failures=2)
    assert fetch(site, "/agenda.pdf", tmp_path).path.read_bytes() == PDF
    tries = site.requests_to("/agenda.pdf")
    assert [entry.status for entry in tries] == [500, 500, 200]
    assert tries[1].at - tries[0].at >= 0.2
    assert tries[2].at - tries[1].at >= 0.4


def test_a_server_that_keeps_failing_fails_after_its_tries(site, tmp_path, settings):
    settings.HARVEST_RETRIES = 2
    site.add("/agenda.pdf", PDF, failures=5)
    with pytest.raises(FetchError) as failed:
        fetch(site, "/agenda.pdf", tmp_path)
    assert str(failed.value) == f"{site.url}/agenda.pdf: the server answered 500"
    assert len(site.requests_to("/agenda.pdf")) == 2


def test_a_server_that_does_not_answer_in_time_fails_after_its_tries(site, tmp_path, settings):
    settings.HARVEST_TIMEOUT_SECONDS = 0.3
    settings.HARVEST_RETRIES = 2
    site.add("/agenda.pdf", PDF, delay=1.5)
    with pytest.raises(FetchError) as failed:
        fetch(site, "/agenda.pdf", tmp_path)
    assert str(failed.value) == f"{site.url}/agenda.pdf: no answer within 0.3 seconds"
    assert len(site.requests_to("/agenda.pdf")) == 2


def test_a_web_page_where_a_pdf_was_promised_is_refused(site, tmp_path):
    site.add("/agenda.pdf", "<!DOCTYPE html><html><body>Sign in</body></html>",
             content_type="text/html; charset=utf-8")  # fmt: skip
    with pytest.raises(FetchError) as refused:
        fetch(site, "/agenda.pdf", tmp_path)
    assert str(refused.value) == (
        f"{site.url}/agenda.pdf: the server sent a web page (text/html) where a PDF was promised"
    )
    assert not list(tmp_path.iterdir())  # nothing half-written is left


def test_a_redirect_loop_is_cut_short(site, tmp_path):
    site.add("/a.pdf", redirect="/b.pdf")
    site.add("/b.pdf", redirect="/a.pdf")
    with pytest.raises(FetchError) as refused:
        fetch(site, "/a.pdf", tmp_path)
    assert str(refused.value) == f"{site.url}/a.pdf: redirects in a loop (more than 5)"
    assert len(site.log) == 1 + 6  # robots.txt, then the first request and five redirects


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(site, tmp_path, settings):
    settings.IMPORT_MAX_FILE_MB = 1
    site.add("/big.pdf", b"%PDF-1.4\n" + b"0" * 1_600_000)
    with pytest.raises(FetchError) as refused:
        fetch(site, "/big.pdf", tmp_path)
    assert str(refused.value) == f"{site.url}/big.pdf: it is 1.5 MB; the limit is 1 MB a file"


def test_a_file_that_does_not_say_its_size_is_cut_off_at_the_limit(site, tmp_path, settings):
    settings.IMPORT_MAX_FILE_MB = 1
    site.add("/big.pdf", b"%PDF-1.4\n" + b"0" * 3_000_000, length=False)
    with pytest.raises(FetchError) as refused:
        fetch(site, "/big.pdf", tmp_path)
    assert str(refused.value) == (
        f"{site.url}/big.pdf: it is more than 1 MB; the limit is 1 MB a file"
    )
    assert not list(tmp_path.iterdir())


def test_an_unchanged_file_is_not_sent_again(site, tmp_path):
    site.add("/agenda.pdf", PDF)
    first = fetch(site, "/agenda.pdf", tmp_path)
    again = fetch(site, "/agenda.pdf", tmp_path, etag=first.etag, last_modified=first.last_modified)
    assert (first.status, again.status, again.path) == (200, 304, None)
    assert [entry.status for entry in site.requests_to("/agenda.pdf")] == [200, 304]


def test_a_blank_etag_is_no_validator():
    assert not usable_etag('" "') and not usable_etag('W/""') and usable_etag('"5f3a"')


def test_a_listing_over_its_limit_is_refused(site, monkeypatch):
    from meetings.harvest import fetch

    monkeypatch.setattr(fetch, "LISTING_LIMIT", 100_000)
    site.add("/meetings", "<li>meeting</li>" * 10_000, content_type="text/html")
    with pytest.raises(FetchError) as refused:
        fetch.get_text(PoliteSession(), site.url + "/meetings")
    assert str(refused.value) == f"{site.url}/meetings: a listing of more than 100,000 bytes"
    site.add("/small", "<li>meeting</li>", content_type="text/html")
    assert fetch.get_text(PoliteSession(), site.url + "/small").text == "<li>meeting</li>"


def test_a_busy_servers_retry_after_is_waited_for(site, tmp_path, settings):
    settings.HARVEST_BACKOFF_SECONDS = 0.01
    site.add("/later.pdf", "busy", status=503, content_type="text/plain", validators=False,
             headers={"Retry-After": "1"})  # fmt: skip
    settings.HARVEST_RETRIES = 2
    with pytest.raises(FetchError, match="the server answered 503"):
        fetch(site, "/later.pdf", tmp_path)
    first, second = site.requests_to("/later.pdf")
    assert second.at - first.at >= 1  # the server's wait, not the backoff's 0.01 s
