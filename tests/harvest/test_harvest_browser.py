"""An admin adds a council's CivicPlus AgendaCenter in the browser, runs it, and sees its
meetings appear: a real headless Chromium, the Nash County recording replayed."""

import re
import threading

import pytest
from django.contrib.auth.models import User

from meetings.models import Council
from tests.harvest.test_recordings import replay
from tests.test_browser import ARTIFACTS, CHROMIUM, browser  # noqa: F401 (the fixture)
from tests.test_import_queue import run_worker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed"),
]


def beside_the_browser(work):
    """Run `work` in a thread of its own: Playwright's event loop holds this one."""
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()


def test_an_admin_adds_a_source_runs_it_and_sees_meetings_appear(browser, live_server, tmp_path):  # noqa: F811
    Council.objects.create(name="Nash County", short_name="Nash", slug="nash-county")
    User.objects.create_superuser("admin", "admin@example.org", "a long admin password")
    page = browser.new_page()
    page.goto(f"{live_server.url}/admin/meetings/source/add/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("a long admin password")
    page.get_by_role("button", name="Log in").click()

    page.get_by_label("Council").select_option(label="Nash County")
    page.get_by_label("Name").fill("Nash County AgendaCenter")
    page.get_by_label("Platform").select_option(label="CivicPlus AgendaCenter")
    page.get_by_label("Url").fill("http://nc-nashcounty.civicplus.com/AgendaCenter")
    page.get_by_label("Harvest from").fill("2020-05-05")
    page.get_by_label("Harvest until").fill("2020-05-05")
    page.get_by_role("button", name="Save and continue editing").click()
    page.get_by_role("button", name="Harvest now").click()
    message = page.locator(".messagelist").inner_text()
    assert message == "A harvest of Nash County AgendaCenter is queued."

    with replay("test_civic_plus_site/test_scrape_download_true.yaml", tmp_path):
        beside_the_browser(run_worker)  # the harvest, then the two imports it queued
    page.reload()
    runs = page.locator("table.harvest-runs").inner_text()
    assert "2 files of 1 meeting: 2 new, 0 changed, 0 unchanged, 0 failed" in runs
    assert re.search(
        r"done: AGENDA\.WORKSHOP\.May\.pdf", page.locator(".harvest-files").inner_text()
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "harvest-source.png"), full_page=True)

    page.goto(f"{live_server.url}/nash-county/")
    assert "last harvested from its publishing site" in page.locator(".stats").inner_text()
    page.get_by_role("link", name="Board of Commissioners", exact=True).first.click()
    assert page.locator("h1").inner_text() == "Board of Commissioners"
    assert "5 May 2020" in page.locator("main").inner_text()
