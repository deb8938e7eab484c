"""A meeting's page links once to each document its records were read from, by what it is;
a page of a document links to the pages beside it that the reader may see."""

import re

import pytest

from meetings.models import Document
from meetings.withholding import withheld_of, withhold_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(import_file, seed):
    import_file(seed("000"))


def sources(page: str) -> list[tuple[str, str, str]]:
    """The source documents section: each link's address, text and what follows it."""
    section = page.split('id="documents-heading"')[1].split("</section>")[0]
    return re.findall(
        r'<li><a href="([^"]+)">([^<]+)</a>, <span class="muted">([^<]+)</span>', section
    )


def test_minutes_held_as_their_own_document_are_linked_once_by_what_they_are(
    client, import_file, realworld
):
    import_file(realworld("kent_cabinet_2025-01-09_minutes"))
    page = client.get("/kent/cabinet/2025-01-09/").content.decode()
    sha = Document.objects.get().sha256
    assert sources(page) == [(f"/documents/{sha}/", "Minutes", "9 pages")]
    assert ".pdf" not in page.split('id="documents-heading"')[1]


def test_a_meeting_read_from_another_meetings_pack_links_to_those_pages(
    client, import_file, seed, tmp_path
):
    """The 24 March pack prints the 3 February minutes: here only who attended, no items."""
    lines = seed("000").read_text().splitlines(keepends=True)
    first = lines.index("85. Minutes of the previous meeting.\n")
    signed = lines.index("CHAIRMAN\n")
    pack = tmp_path / "cabinet-2026-03-24.txt"
    pack.write_text("".join(lines[:first] + lines[signed:]))
    import_file(pack)
    february = client.get("/leicestershire/cabinet/2026-02-03/").content.decode()
    assert "Mr. D. Harrison CC" in february and 'id="minutes-heading"' not in february
    sha = Document.objects.get().sha256
    assert sources(february) == [
        (
            f"/documents/{sha}/page/3/",
            "Cabinet, 24 March 2026: agenda pack",
            "the minutes of this meeting, pages 3–4 of the file (no numbers printed)",
        )
    ]
    march = client.get("/leicestershire/cabinet/2026-03-24/").content.decode()
    assert sources(march) == [(f"/documents/{sha}/", "Agenda pack", "192 pages")]


def test_next_and_previous_page_links_step_over_withheld_pages(client, admin_client, archive):
    """Pages 190 to 192 of seed 000's pack are behind its "Document is Restricted" notice;
    an admin then withholds page 188 too."""
    document = Document.objects.get()
    withhold_now(document, withheld_of(document) | {188})
    links = re.compile(r'<a rel="(prev|next)" href="/documents/\w+/page/(\d+)/"')

    def shown(number: int, browser=client) -> list[tuple[str, str]]:
        page = browser.get(f"/documents/{document.sha256}/page/{number}/").content.decode()
        return links.findall(page)

    assert shown(187) == [("prev", "186"), ("next", "189")]
    assert shown(189) == [("prev", "187")]
    assert client.get(f"/documents/{document.sha256}/page/188/").status_code == 410
    assert shown(191, admin_client) == [("prev", "190"), ("next", "192")]
