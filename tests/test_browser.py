"""A real headless Chromium (Debian's package) driven by Playwright against a live server."""

import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
    ),
]


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


def test_home_to_council_to_body_to_meeting_to_report_to_page(
    browser, live_server, import_file, seed
):
    import_file(seed("000"))
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page()
    page.goto(live_server.url)
    assert page.locator("h1").inner_text() == "Committee meetings archive"
    page.get_by_role("link", name="Leicestershire County Council", exact=True).click()
    assert page.locator("h1").inner_text() == "Leicestershire County Council"
    page.screenshot(path=str(ARTIFACTS / "council.png"), full_page=False)
    page.get_by_role("link", name="Cabinet", exact=True).first.click()
    assert page.locator("h1").inner_text() == "Cabinet"
    page.get_by_role("link", name="Tuesday 24 March 2026").click()
    assert "24 March 2026" in page.locator("h1").inner_text()
    page.get_by_role(
        "link", name="Report: Leicestershire School Term Dates Autumn 2027 to Summer 2032"
    ).click()
    assert (
        page.locator("h1").inner_text()
        == "Leicestershire School Term Dates Autumn 2027 to Summer 2032"
    )
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False)
    page.locator(".full-text summary").click()
    page.locator(".page-label a").first.click()
    assert page.locator("h1").inner_text() == "Cabinet, 24 March 2026: agenda pack, p. 121"
    assert "Cite this page" in page.content()


@pytest.fixture
def councils(import_file, seed, realworld):
    """Four councils: Leicestershire's Cabinet (seed 000), Kent's Cabinet (its minutes of
    9 January 2025), Nipissing's Council and Alameda's City Council (minutes with votes)."""
    import_file(seed("000"))
    for name in (
        "kent_cabinet_2025-01-09_minutes",
        "nipissing-township_council_2024-09-03_minutes",
        "alameda_city-council_2021-05-11_minutes",
    ):
        import_file(realworld(name))


PHONE = 390  # pixels: a phone held upright


def page_types(sha: str) -> dict[str, str]:
    """One page of each type a reader can reach."""
    return {
        "home": "/",
        "council": "/kent/",
        "bodies": "/bodies/",
        "body": "/leicestershire/cabinet/",
        "meetings": "/meetings/",
        "meeting": "/leicestershire/cabinet/2026-03-24/",
        "meeting of minutes": "/nipissing/council/2024-09-03/",
        "report": "/leicestershire/cabinet/2026-03-24/reports/"
        "leicestershire-school-term-dates-autumn-2027-to-summer-2032/",
        "decision": "/nipissing/council/2024-09-03/minutes/R2024-174/",
        "decision with votes": "/alameda/city-council/2021-05-11/minutes/21-324/",
        "minute": "/alameda/city-council/2021-05-11/minutes/21-325/",
        "decisions": "/decisions/",
        "person": "/nipissing/people/dave-yemm/",
        "document": f"/documents/{sha}/",
        "page": f"/documents/{sha}/page/26/",
        "withheld page": f"/documents/{sha}/page/190/",
        "search": "/search/?q=council+tax",
        "search by number": "/search/?q=R2024-174",
        "search with filters": "/search/?q=budget&body=kent%2Fcabinet",
        "data": "/data/",
    }


def test_every_page_type_fits_a_phone(browser, live_server, councils, import_file, realworld):
    """No page scrolls sideways at 390 pixels: long selects, tables, addresses and words."""
    from meetings.models import AgendaItem, Document

    import_file(realworld("chicago_lincoln-square"))  # a long body name in every body select
    AgendaItem.objects.filter(meeting__date="2026-03-24", number="2").update(
        note="Watch it live: https://www.youtube.com/channel/UC2XSMZqgRNHbwVppelfKcEXwQaR8"
    )  # an address as an agenda prints it, too long for a phone's line
    sha = Document.objects.get(file_name__startswith="000_").sha256
    paths = page_types(sha)
    paths |= dict(zip(("matter", "matters", "follow", "manage alerts", "alerts"),
                      matter_and_alert_pages(), strict=True))  # fmt: skip
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": PHONE, "height": 844})
    too_wide = {}
    for name, path in paths.items():
        response = page.goto(live_server.url + path)
        assert response.status == (410 if name == "withheld page" else 200), name
        filters = page.locator("form details")
        if filters.count() and filters.get_attribute("open") is None:
            filters.locator("summary").click()  # a search's filters, opened as a reader does
        page.screenshot(path=str(ARTIFACTS / f"phone-{name}.png"), full_page=True)
        if (width := page.evaluate("document.documentElement.scrollWidth")) > PHONE:
            too_wide[name] = width
    assert too_wide == {}
    page.goto(live_server.url + "/meetings/")
    longest = page.locator("#id_body").evaluate("select => select.scrollWidth")
    assert longest <= PHONE - 32  # the body select, its labels naming councils, fits too


def on_a_phone(browser, url: str, screenshot: str):
    """The page at `url` in a 360-pixel-wide viewport, its screenshot kept; no sideways scroll."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(url)
    page.screenshot(path=str(ARTIFACTS / screenshot), full_page=False)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    return page


def test_meeting_page_fits_a_phone(browser, live_server, import_file, seed):
    import_file(seed("000"))
    page = on_a_phone(
        browser, f"{live_server.url}/leicestershire/cabinet/2026-03-24/", "meeting-phone.png"
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"


def test_search_from_the_home_page_and_narrow_by_type(browser, live_server, import_file, seed):
    import_file(seed("000"))
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page()
    page.goto(live_server.url)
    page.get_by_label("Search every decision, report and page").fill('"Council Tax"')
    page.get_by_role("button", name="Search").click()
    assert page.locator("h1").inner_text() == 'Search: "Council Tax"'
    page.get_by_role("link", name="Decision", exact=True).click()
    assert page.locator(".hit").count() == 1
    assert "minute 88" in page.locator(".hit").first.inner_text()
    assert page.locator(".hit mark").first.inner_text() == "Council"
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)


def test_meeting_filters_without_javascript(browser, live_server, import_file, seed):
    import_file(seed("000"))
    import_file(seed("003"))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/meetings/")
    assert page.get_by_role("status").inner_text() == "3 meetings"
    page.get_by_label("Year").select_option("2025")
    page.get_by_role("button", name="Apply filters").click()
    assert page.get_by_role("status").inner_text() == "1 meeting"
    assert "17 June 2025" in page.locator(".results").inner_text()
    context.close()


def test_search_page_fits_a_phone(browser, live_server, import_file, seed):
    import_file(seed("000"))
    page = on_a_phone(browser, f"{live_server.url}/search/?q=term+dates", "search-phone.png")
    assert page.locator(".hit").count() >= 3


WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}


def test_pages_pass_an_automated_wcag_audit(browser, live_server, import_file, seed):
    """axe-core's WCAG 2.2 A/AA rules on the main pages, at desktop and phone widths."""
    from axe_playwright_python.sync_playwright import Axe

    import_file(seed("000"))
    from meetings.models import Document

    sha = Document.objects.get().sha256
    paths = [
        "/",
        "/leicestershire/",
        "/leicestershire/cabinet/",
        "/bodies/",
        "/data/",
        "/meetings/?year=2026",
        "/leicestershire/cabinet/2026-03-24/",
        "/leicestershire/cabinet/2026-03-24/reports/leicestershire-school-term-dates-autumn-2027-to-summer-2032/",
        "/leicestershire/cabinet/2026-02-03/minutes/88/",
        "/decisions/",
        "/search/?q=school+term+dates",
        f"/documents/{sha}/page/26/",
        "/leicestershire/people/mr-d-harrison/",
        *matter_and_alert_pages(),
    ]
    axe = Axe()
    problems = []
    for width in (1280, 360):
        page = browser.new_page(viewport={"width": width, "height": 900})
        for path in paths:
            page.goto(live_server.url + path)
            results = axe.run(page, options=WCAG_AA)
            for violation in results.response["violations"]:
                problems.append(f"{width}px {path}: {violation['id']}: {violation['help']}")
        page.close()
    assert problems == []


def matter_and_alert_pages() -> list[str]:
    """A matter, the council's matters, and the pages of following a committee by email."""
    from meetings.alerts.following import subscriber_token
    from meetings.alerts.models import Subscriber, Subscription
    from meetings.models import Body, MatterStep

    matter = MatterStep.objects.filter(kind="report").first().matter
    cabinet = Body.objects.get(slug="cabinet", council__slug="leicestershire")
    subscriber = Subscriber.objects.create(email="reader@example.org")
    Subscription.objects.create(
        subscriber=subscriber, kind="body", body=cabinet, target=f"body:{cabinet.pk}",
        label="Cabinet, Leicestershire County Council", frequency="weekly",
    )  # fmt: skip
    return [
        matter.get_absolute_url(),
        "/leicestershire/matters/",
        f"/alerts/follow/?kind=body&target={cabinet.pk}",
        f"/alerts/manage/{subscriber_token(subscriber)}/",
        "/alerts/",
    ]


# What a reader sees: visible headings and link titles, and visible blocks of text.
VISIBLE_TEXT = """() => {
  const visible = (e) =>
    e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  const blocks = "p, li, dd, td, blockquote, pre, h1, h2, h3";
  const leaves = [...document.querySelectorAll("main " + blocks)]
    .filter((e) => visible(e) && !e.querySelector(blocks));
  const titled = "main h1, main h2, main h3, main .hit a, main li > a";
  const titles = [...document.querySelectorAll(titled)].filter(visible);
  return {
    titles: titles.map((e) => e.innerText.trim()),
    blocks: leaves.map((e) => e.innerText.replace(/\\s+/g, " ").trim()),
  };
}"""
RECORD_PAGES = {
    "meeting": "/leicestershire/cabinet/2026-02-03/",
    "pack meeting": "/leicestershire/cabinet/2026-03-24/",
    "kent meeting": "/kent/cabinet/2025-01-09/",
    "nipissing meeting": "/nipissing/council/2024-09-03/",
    "person": "/leicestershire/people/mr-d-harrison/",
    "decision": "/leicestershire/cabinet/2026-02-03/minutes/88/",
    "report": "/leicestershire/cabinet/2026-03-24/reports/"
    "leicestershire-school-term-dates-autumn-2027-to-summer-2032/",
    "search": "/search/?q=school+term+dates",
}
LONG_BLOCK = 60  # characters: shorter repeats ("Key decision", "Cabinet") are labels


def shouting(title: str) -> bool:
    """More than half the words in capitals, and three or more of them: not just acronyms."""
    words = re.findall(r"[A-Za-z]{2,}", title)
    capitals = [word for word in words if word.isupper()]
    return len(capitals) >= 3 and len(capitals) > len(words) / 2


def repeated_blocks(blocks: list[str]) -> list[str]:
    """Long blocks of text that appear twice, or inside another block."""
    long = [block for block in blocks if len(block) >= LONG_BLOCK]
    return sorted(
        {
            block
            for index, block in enumerate(long)
            for other_index, other in enumerate(long)
            if index != other_index and block in other
        }
    )


# Each meeting's heading, its council named: the archive holds four.
MEETING_HEADINGS = {
    "meeting": "Leicestershire: Cabinet, 3 February 2026",
    "pack meeting": "Leicestershire: Cabinet, 24 March 2026",
    "kent meeting": "Kent: Cabinet, 9 January 2025",
    "nipissing meeting": "Nipissing: Council, 3 September 2024",
}


def test_pages_read_like_a_public_record(browser, live_server, councils):
    """Meetings of three councils (each named), a decision, a report and a search at desktop
    and phone widths: no title in capitals, no block of text said twice, no file name for a
    title. Screenshots are kept."""
    ARTIFACTS.mkdir(exist_ok=True)
    problems = []
    for width in (1280, PHONE):
        page = browser.new_page(viewport={"width": width, "height": 900})
        for name, path in RECORD_PAGES.items():
            page.goto(live_server.url + path)
            page.screenshot(path=str(ARTIFACTS / f"record-{name}-{width}.png"), full_page=True)
            if name in MEETING_HEADINGS:
                assert page.locator("h1").inner_text() == MEETING_HEADINGS[name]
            seen = page.evaluate(VISIBLE_TEXT)
            assert seen["titles"], f"{name}: no titles seen"
            problems += [f"{width}px {name}: shouted {t!r}" for t in seen["titles"] if shouting(t)]
            problems += [
                f"{width}px {name}: a file name as a title {t!r}"
                for t in seen["titles"]
                if re.search(r"\.(?:pdf|txt)\b|\b\d{3}_[0-9a-f]{16}\b", t)
            ]
            problems += [
                f"{width}px {name}: said twice {block[:80]!r}"
                for block in repeated_blocks(seen["blocks"])
            ]
        page.close()
    assert not problems, "\n".join(problems)
