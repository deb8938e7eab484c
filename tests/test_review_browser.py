"""An admin reviews and corrects imports in a real headless Chromium (tests/test_browser.py)."""

import threading

from django.db import connection

from meetings.models import Document, Meeting
from tests.test_browser import (
    browser,  # noqa: F401 (a fixture)
    pytestmark,  # noqa: F401 (browser, transactional database)
)
from tests.test_import_queue import run_worker
from tests.test_review import UNDATED_NOTE, misread_commission  # noqa: F401 (a fixture)


def logged_in(browser, live_server, admin_user):  # noqa: F811
    page = browser.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(admin_user.username)
    page.get_by_label("Password").fill("password")
    page.get_by_role("button", name="Log in").click()
    return page


def upload(page, live_server, path, again: bool = False) -> None:
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Import agenda packs").click()
    page.get_by_label("Agenda packs (PDF or text)").set_input_files(str(path))
    if again:
        page.get_by_label("Import again").check()
    page.get_by_role("button", name="Queue for import").click()
    worker = threading.Thread(target=run_queued_imports)  # Playwright's event loop is this one's
    worker.start()
    worker.join()


def run_queued_imports() -> None:
    try:
        run_worker()
    finally:
        connection.close()


def test_an_admin_places_a_kept_document_and_the_correction_outlasts_a_forced_import(
    browser,  # noqa: F811
    live_server,
    admin_user,
    tmp_path,
):
    note = tmp_path / "green-drainage-note.txt"
    note.write_text(UNDATED_NOTE)
    page = logged_in(browser, live_server, admin_user)
    upload(page, live_server, note)
    page.goto(f"{live_server.url}/admin/meetings/importjob/")
    page.get_by_role("link", name="green-drainage-note.txt").click()
    status = page.get_by_role("status").inner_text()
    assert "kept as searchable pages under Horsley Parish Council, but no meeting" in status
    fields = page.locator(".reading-fields tbody tr")
    assert fields.first.inner_text().split("\t")[:3] == ["Date", "not found", "empty"]

    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Imports to review").click()
    row = page.get_by_role("row", name="green-drainage-note.txt")
    assert "needs a meeting: no date found" in row.inner_text()
    row.get_by_role("link", name="green-drainage-note.txt").click()
    assert page.get_by_label("Body:", exact=True).input_value() == "Horsley Parish Council"
    page.get_by_label("Date:", exact=True).fill("2031-03-04")
    page.get_by_role("button", name="Preview").click()
    assert "Nothing is kept yet" in page.get_by_role("status").inner_text()
    assert not Meeting.objects.exists()
    page.get_by_role("button", name="Keep these corrections").click()
    assert "Corrected and read again." in page.locator(".messagelist").inner_text()

    page.goto(f"{live_server.url}/horsley/horsley-parish-council/2031-03-04/")
    assert "4 March 2031" in page.locator("h1").inner_text()
    page.goto(f"{live_server.url}/search/?q=soakaway")
    assert "4 March 2031" in page.locator(".hit").first.inner_text()

    upload(page, live_server, note, again=True)
    assert str(Document.objects.get().meeting) == "Horsley Parish Council, 4 March 2031"
    page.goto(f"{live_server.url}/horsley/horsley-parish-council/2031-03-04/")
    assert "4 March 2031" in page.locator("h1").inner_text()


def test_an_admin_merges_a_misread_body_and_its_old_address_moves(
    browser,  # noqa: F811
    live_server,
    admin_user,
    misread_commission,  # noqa: F811
):
    page = logged_in(browser, live_server, admin_user)
    page.goto(f"{live_server.url}/admin/meetings/body/")
    for name in ("Lincoln Square Commission", "Linco1n Square Commission"):
        page.get_by_role("row", name=name).get_by_role("checkbox").check()
    page.locator("select[name=action]").select_option(label="Merge the selected bodies into one")
    page.get_by_role("button", name="Go").click()
    page.get_by_label("Lincoln Square Commission").check()
    page.get_by_role("button", name="Merge into the one chosen").click()
    assert "Merged 1 into “Lincoln Square Commission”" in page.locator(".messagelist").inner_text()

    old = page.request.get(f"{live_server.url}/chicago/linco1n-square-commission/", max_redirects=0)
    assert old.status == 301
    assert old.headers["location"] == "/chicago/lincoln-square-commission/"
    page.goto(f"{live_server.url}/chicago/linco1n-square-commission/2018-01-29/")
    assert page.url == f"{live_server.url}/chicago/lincoln-square-commission/2018-01-29/"
    assert "29 January 2018" in page.locator("h1").inner_text()
