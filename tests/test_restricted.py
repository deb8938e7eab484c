"""Restricted and exempt content is never public, even from an unredacted internal pack."""

import datetime
import io

import pypdfium2
import pytest

from meetings.demo import DemoMeeting, write_pack
from meetings.models import Document, Page, Report, SearchWord
from meetings.search import Filters, search
from meetings.storage import WITHHELD_NOTICE

pytestmark = pytest.mark.django_db

SECRET = "bidder"  # a word printed only on the confidential pages


@pytest.fixture
def unredacted(import_file, tmp_path):
    meeting = DemoMeeting(
        "Cabinet",
        datetime.date(2026, 5, 12),
        ["Youth Services Review"],
        1,
        exempt_topic="Depot Sale",
        unredacted=True,
    )
    path = tmp_path / "cabinet-internal.pdf"
    write_pack(meeting, None, path, paragraphs=30)
    import_file(path)
    return Document.objects.get()


def confidential_pages(document):
    return list(document.pages.filter(text__icontains=SECRET).values_list("number", flat=True))


def test_the_pages_behind_a_restricted_notice_are_marked(unredacted):
    secret_pages = confidential_pages(unredacted)
    assert secret_pages, "the fixture prints the secret word"
    restricted = set(unredacted.pages.filter(restricted=True).values_list("number", flat=True))
    assert set(secret_pages) <= restricted
    assert 1 not in restricted  # the front sheet is public
    assert Report.objects.get(restricted=True).first_page == min(restricted)


def test_restricted_pages_are_gone_for_the_public_and_shown_to_admins(
    client, admin_client, unredacted
):
    number = confidential_pages(unredacted)[0]
    url = f"/documents/{unredacted.sha256}/page/{number}/"
    response = client.get(url)
    assert response.status_code == 410
    assert SECRET not in response.content.decode()
    assert "not published" in response.content.decode()
    response = admin_client.get(url)
    assert response.status_code == 200
    assert SECRET in response.content.decode()


def test_restricted_pages_are_not_in_public_search_feeds_or_spelling(client, unredacted):
    assert search(SECRET, Filters()).total == 0
    assert search(SECRET, Filters(public_only=False)).total > 0
    page = client.get("/search/", {"q": SECRET}).content.decode()
    assert "0 matches" in page and f"<mark>{SECRET}" not in page.lower()
    feed = client.get("/search/feed/", {"q": SECRET}).content.decode()
    assert "<entry>" not in feed
    assert not SearchWord.objects.filter(word=SECRET).exists()
    assert SearchWord.objects.filter(word="youth").exists()  # public words still counted


def test_public_download_replaces_restricted_pages_with_a_notice(client, admin_client, unredacted):
    public = b"".join(client.get(f"/documents/{unredacted.sha256}/download/").streaming_content)
    document = pypdfium2.PdfDocument(io.BytesIO(public))
    texts = [document[index].get_textpage().get_text_range() for index in range(len(document))]
    assert len(texts) == unredacted.page_count  # every other page keeps its number
    assert not any(SECRET in text for text in texts)
    for number in confidential_pages(unredacted):
        assert WITHHELD_NOTICE[:40] in " ".join(texts[number - 1].split())
    assert "Youth Services Review" in texts[0]
    page = client.get(f"/documents/{unredacted.sha256}/").content.decode()
    assert "Download the published copy" in page and "not published" in page
    original = admin_client.get(f"/documents/{unredacted.sha256}/download/")
    assert b"".join(original.streaming_content) == unredacted.file.open("rb").read()


def test_restricted_report_page_shows_no_text_to_the_public(client, unredacted):
    report = Report.objects.get(restricted=True)
    page = client.get(report.get_absolute_url()).content.decode()
    assert SECRET not in page
    assert "does not publish its text" in page


def test_exempt_report_of_a_text_pack_is_withheld(client, import_file, seed):
    """Seed 000 prints item 15, an exempt report, in full: none of it is public."""
    import_file(seed("000"))
    exempt = Report.objects.get(exempt=True, restricted=False)
    pages = Page.objects.filter(
        document=exempt.document, number__range=(exempt.first_page, exempt.last_page)
    )
    assert pages.exists() and not pages.filter(restricted=False).exists()
    word = "reorganisation"
    public = search(word, Filters(kinds=["page"]), limit=200)
    every = search(word, Filters(kinds=["page"], public_only=False), limit=200)
    assert every.total > public.total > 0
    restricted_urls = {page.get_absolute_url() for page in pages}
    assert not restricted_urls & {hit.url for hit in public.hits}
    assert exempt.purpose[:60] not in client.get(exempt.get_absolute_url()).content.decode()
    download = client.get(f"/documents/{exempt.document.sha256}/download/")
    public_pages = b"".join(download.streaming_content).decode().split("\f")
    assert len(public_pages) == exempt.document.page_count  # every page keeps its number
    for page in pages:
        assert public_pages[page.number - 1] == f"[{WITHHELD_NOTICE}]"
    assert exempt.purpose[:60] not in " ".join(public_pages)
