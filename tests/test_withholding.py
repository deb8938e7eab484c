"""Confidential stays confidential however a pack is laid out, and whoever marks it.

The packs here are built as councils make them by mistake: public minutes, a "Document is
Restricted" notice, then the exempt minutes of the same meeting behind it; a report whose
restricted appendix is printed in full. Nothing printed on a withheld page may reach the
public: not the pages, the minutes and decisions read from them, the search, the feeds,
the API, the bulk files, the export or the alerts. Admins still see it all.
"""

import datetime
import gzip
import io
import re

import pypdfium2
import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.urls import reverse

from meetings.demo import COUNCIL, VENUE, Composer, long_date, pdf_of, people
from meetings.ingest.read import read_source
from meetings.ingest.withheld import withheld_pages
from meetings.loader import load_source
from meetings.models import Decision, Document, Meeting, Minute, Page, Report, SearchWord
from meetings.storage import WITHHELD_NOTICE

pytestmark = pytest.mark.django_db

SECRET = "Quarrington"  # the bidder named only on the withheld pages
MAY, APRIL = datetime.date(2026, 5, 12), datetime.date(2026, 4, 14)
MEMBERS = people("Cabinet")


def front_sheet(doc: Composer, agenda: list[str]) -> None:
    doc.new_page()
    doc.add(COUNCIL, bold=True, size=14)
    doc.add("Meeting: Cabinet")
    doc.add(f"Date/Time: {long_date(MAY)} at 2.00 pm")
    doc.add(f"Location: {VENUE}")
    doc.add("Contact: Ms. R. Fairweather (Tel. 01632 960 123)")
    doc.add("Email: democratic.services@wessexvale.example")
    doc.add("Membership", bold=True)
    for member in MEMBERS:
        doc.add(member, gap=False)
    doc.add("")
    doc.add("AGENDA", bold=True, size=12)
    for line in agenda:
        doc.add(line, size=9)


def minutes_header(doc: Composer) -> None:
    doc.add(
        f"Minutes of a meeting of the Cabinet held at Shire Hall, Castlebury on {long_date(APRIL)}."
    )
    doc.add("PRESENT", bold=True)
    doc.add(f"{MEMBERS[0]} (in the Chair)")
    for member in MEMBERS[1:6]:
        doc.add(member, gap=False)
    doc.add("")


def minute(doc: Composer, number: int, title: str, text: str, resolved: str) -> None:
    doc.add(f"{number}. {title}.", bold=True)
    doc.add(text)
    doc.add("RESOLVED:")
    doc.add(f"That {resolved}.")
    doc.add("REASONS FOR DECISION:")
    doc.add("To deliver the Council's strategic outcomes.")


def report(doc: Composer, item: int, title: str, paragraphs: list[str]) -> None:
    doc.new_page(footer=f"Agenda Item {item}")
    doc.add(f"CABINET - {MAY.day} {MAY:%B %Y}".upper(), bold=True)
    doc.add(title.upper(), bold=True)
    doc.add("REPORT OF THE DIRECTOR OF CORPORATE RESOURCES", bold=True)
    doc.add("PART A", bold=True)
    doc.add("Purpose of the Report", bold=True)
    doc.add(f"1. The purpose of this report is to seek approval of the {title}.")
    doc.add("Recommendations", bold=True)
    doc.add(f"2. It is recommended that the Cabinet approves the {title}.")
    for number, paragraph in enumerate(paragraphs, start=3):
        doc.add(f"{number}. {paragraph}")


def restricted_notice(doc: Composer) -> None:
    doc.add(
        "By virtue of paragraph(s) 3 of Part 1 of Schedule 12A of the Local Government Act 1972."
    )
    doc.add("Document is Restricted")


def exempt_minutes_pack(path, page_ranges: bool = True):
    """Page 1 the agenda; 2-3 the public minutes of 14 April (40-44); 4 a restricted notice;
    5 the exempt minutes of 14 April (45, naming the bidder); 6-7 a public report, item 5."""

    def pages(first, last):
        return f" (Pages {first} - {last})" if page_ranges else ""

    doc = Composer()
    front_sheet(doc, [
        f"1. Minutes of the meeting held on {APRIL.day} {APRIL:%B %Y}.{pages(2, 3)}",
        "2. Urgent items.",
        "3. Declarations of interest in respect of items on the agenda.",
        f"4. Exempt minutes of 14 April 2026. (Exempt under Paragraph 3).{pages(4, 5)}",
        f"5. Youth Services Review. Director of Corporate Resources{pages(6, 7)}",
    ])  # fmt: skip
    doc.new_page()
    minutes_header(doc)
    for number, topic in enumerate(
        ["Library Opening Hours Review", "Carers Support Strategy", "Climate Adaptation Plan",
         "Rural Broadband Programme", "Digital Inclusion Strategy"], start=40
    ):  # fmt: skip
        minute(doc, number, topic, f"The Cabinet considered a report on the {topic}.",
               f"the {topic} be approved")  # fmt: skip
    while len(doc.pages) < 3:
        doc.new_page()
    doc.new_page(footer="Agenda Item 4")
    restricted_notice(doc)
    doc.new_page(footer="Agenda Item 4")
    minutes_header(doc)
    minute(doc, 45, "Sale of the Depot at Millbrook",
           f"The Cabinet considered the tenders. {SECRET} Estates offered £2.4m.",
           f"the depot be sold to {SECRET} Estates for £2.4m")  # fmt: skip
    report(doc, 5, "Youth Services Review", ["The review was carried out with partners."] * 30)
    assert len(doc.pages) == 7, len(doc.pages)
    pdf_of(doc.pages).output(str(path))
    return path


def appendix_pack(path):
    """Page 1 the agenda; 2-4 the Depot Strategy report, whose Appendix B on page 4 is a
    restricted notice with the confidential appendix printed under it."""
    doc = Composer()
    front_sheet(
        doc, ["1. Apologies for absence.", "2. Depot Strategy. Director of Corporate Resources"]
    )
    report(doc, 2, "Depot Strategy", ["The depots were reviewed against the service's needs."] * 30)
    while len(doc.pages) < 3:
        doc.new_page(footer="Agenda Item 2")
    doc.new_page(footer="Agenda Item 2")
    doc.add("Appendix B", bold=True)
    restricted_notice(doc)
    doc.add(f"The valuation of the depot and {SECRET} Estates' offer of £2.4m.")
    assert len(doc.pages) == 4, len(doc.pages)
    pdf_of(doc.pages).output(str(path))
    return path


# -- which pages are withheld ----------------------------------------------------------------


@pytest.mark.parametrize("page_ranges", [True, False], ids=["agenda pages", "footers only"])
def test_the_pages_behind_a_notice_are_withheld_up_to_another_items_public_document(
    tmp_path, page_ranges
):
    pack = read_source(exempt_minutes_pack(tmp_path / "cabinet.pdf", page_ranges)).pack
    assert withheld_pages(pack) == {4, 5}


def test_every_page_an_agenda_marks_exempt_is_withheld(tmp_path):
    pack = read_source(exempt_minutes_pack(tmp_path / "cabinet.pdf")).pack
    pack.reports = [found for found in pack.reports if not found.restricted]  # no notice at all
    assert withheld_pages(pack) == {4, 5}


def test_a_restricted_appendix_withholds_its_own_page_only(tmp_path):
    assert withheld_pages(read_source(appendix_pack(tmp_path / "depot.pdf")).pack) == {4}


# -- the exempt minutes are nowhere public -----------------------------------------------------


@pytest.fixture
def exempt_minutes(import_file, tmp_path):
    result = import_file(exempt_minutes_pack(tmp_path / "cabinet.pdf"))
    assert result.summary().endswith("0 removed"), result.summary()
    return Document.objects.get()


def public_texts(client, urls: list[str]) -> dict[str, str]:
    texts = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        texts[url] = body.decode(errors="replace")
    return texts


def test_both_minutes_documents_of_a_meeting_are_kept_each_from_its_own_pages(exempt_minutes):
    april = Minute.all_objects.filter(meeting__date=APRIL).order_by("position")
    assert [(row.number, row.page, row.withheld) for row in april] == [
        ("40", 2, False), ("41", 2, False), ("42", 2, False), ("43", 3, False), ("44", 3, False),
        ("45", 5, True),
    ]  # fmt: skip
    assert Decision.all_objects.get(minute__number="45").resolved.startswith("That the depot")
    assert list(Minute.objects.filter(meeting__date=APRIL).values_list("number", flat=True)) == [
        "40", "41", "42", "43", "44"
    ]  # fmt: skip


def test_exempt_minutes_are_on_no_public_surface(client, exempt_minutes, tmp_path, settings):
    settings.BULK_DATA_DIR = tmp_path / "data"
    call_command("make_bulk_data")
    april = Meeting.objects.get(date=APRIL)
    council = april.body.council
    decision = Decision.objects.filter(minute__meeting=april).first()
    urls = [
        april.get_absolute_url(),
        Meeting.objects.get(date=MAY).get_absolute_url(),
        decision.get_absolute_url(),
        "/decisions/",
        "/feeds/decisions/",
        "/search/?q=depot",  # a word printed only in the exempt minutes
        "/search/feed/?q=depot",
        "/api/search/?q=depot",
        f"/oparl/v1.1/meeting/{april.pk}",
        f"/oparl/v1.1/body/{council.pk}/meetings",
        f"/oparl/v1.1/body/{council.pk}/agendaItems",
        f"/documents/{exempt_minutes.sha256}/",
        f"/documents/{exempt_minutes.sha256}/download/",
        f"/data/{council.slug}-decisions.csv",
    ]
    texts = public_texts(client, urls)
    leaks = [url for url, text in texts.items() if SECRET in text or "Sale of the Depot" in text]
    assert leaks == []
    assert client.get("/api/search/", {"q": SECRET}).json()["total"] == 0
    assert "Carers Support Strategy" in texts[april.get_absolute_url()]  # the public minutes stay
    assert client.get(f"/documents/{exempt_minutes.sha256}/page/5/").status_code == 410
    secret_minute = Minute.all_objects.get(number="45")
    assert client.get(f"{april.get_absolute_url()}minutes/45/").status_code == 404
    assert client.get(f"/oparl/v1.1/minute/{secret_minute.pk}").status_code == 404
    ndjson = client.get(f"/data/{council.slug}-meetings.ndjson.gz")
    meetings = gzip.decompress(b"".join(ndjson.streaming_content)).decode()
    assert SECRET not in meetings and "Carers Support Strategy" in meetings
    export = tmp_path / "export.json"
    call_command("export_archive", output=str(export))
    assert SECRET not in export.read_text() and "Carers Support Strategy" in export.read_text()
    assert not SearchWord.objects.filter(word=SECRET.lower()).exists()


def test_admins_still_see_the_exempt_minutes(admin_client, exempt_minutes):
    secret_minute = Minute.all_objects.get(number="45")
    changes = admin_client.get("/admin/meetings/minute/").content.decode()
    assert "Sale of the Depot at Millbrook" in changes
    url = reverse("meetings:decision_detail", args=[*secret_minute.meeting.path_args, "45"])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert SECRET in page.content.decode() and "Withheld" in page.content.decode()
    found = admin_client.get("/search/", {"q": SECRET}).content.decode()
    assert "Sale of the Depot at Millbrook" in found


def test_alerts_never_carry_exempt_minutes(client, smtp, tmp_path, import_file):
    from meetings.alerts import sending
    from meetings.demo import DemoMeeting, write_pack
    from meetings.models import Body
    from tests.test_alerts import subscribe, text_of

    march = DemoMeeting("Cabinet", datetime.date(2026, 3, 10), ["Carers Support Strategy"], 30)
    write_pack(march, None, tmp_path / "march.pdf")
    import_file(tmp_path / "march.pdf")  # Cabinet exists, to be followed
    subscribe(client, smtp, "body", str(Body.objects.get().pk), frequency="immediate")
    subscribe(client, smtp, "search", f"q={SECRET}", frequency="immediate")
    subscribe(client, smtp, "search", "q=depot", frequency="immediate")
    smtp.messages.clear()
    import_file(exempt_minutes_pack(tmp_path / "cabinet.pdf"))
    sending.run_digests("immediate")
    (digest,) = smtp.messages
    entries = text_of(digest).split("Manage your alerts")[0]
    assert "Carers Support Strategy" in entries
    assert "Sale of the Depot" not in entries and "£2.4m" not in entries
    assert "Matches your search" not in entries


# -- a report shows its public pages only ------------------------------------------------------


def test_a_report_page_shows_its_public_pages_and_says_which_are_withheld(
    client, admin_client, import_file, tmp_path
):
    import_file(appendix_pack(tmp_path / "depot.pdf"))
    depot = Report.objects.get(title="Depot Strategy")
    assert (depot.first_page, depot.last_page, depot.withheld) == (2, 4, False)
    page = client.get(depot.get_absolute_url()).content.decode()
    assert SECRET not in page
    assert 'id="page-2"' in page and 'id="page-3"' in page and 'id="page-4"' not in page
    assert "Withheld from this report: p. 4. It holds restricted or exempt information" in page
    assert SECRET in admin_client.get(depot.get_absolute_url()).content.decode()


# -- an admin's tick withholds as much as a pack's own marks -----------------------------------


def admin_save(admin_client, row, **changes) -> None:
    """Save `row` through its admin change form with these fields changed."""
    data = {name: value for name, value in model_to_dict(row).items() if value is not None}
    data |= changes
    data = {name: value for name, value in data.items() if value is not False}
    url = f"/admin/meetings/{type(row).__name__.lower()}/{row.pk}/change/"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def public_copy_texts(client, document: Document) -> list[str]:
    served = client.get(f"/documents/{document.sha256}/download/")
    copy = pypdfium2.PdfDocument(io.BytesIO(b"".join(served.streaming_content)))
    return [" ".join(copy[i].get_textpage().get_text_range().split()) for i in range(len(copy))]


def test_ticking_exempt_on_a_report_withholds_its_pages_everywhere(
    client, admin_client, import_file, cabinet_pack
):
    import_file(cabinet_pack)
    youth = Report.objects.get()
    document = youth.document
    pages = range(youth.first_page, youth.last_page + 1)

    def pages_found() -> set[str]:
        found = client.get("/api/search/", {"q": "youth", "view": "pages"}).json()["results"]
        return {hit["url"].rsplit("/page/", 1)[1] for hit in found}

    assert pages_found() == {"1/", f"{youth.first_page}/"}  # the agenda's page, the report's
    admin_save(admin_client, youth, exempt=True)
    assert set(Page.objects.filter(restricted=True).values_list("number", flat=True)) == set(pages)
    for number in pages:
        assert client.get(f"/documents/{document.sha256}/page/{number}/").status_code == 410
    assert pages_found() == {"1/"}  # the agenda's page
    texts = public_copy_texts(client, document)
    assert len(texts) == document.page_count
    for number in pages:
        assert WITHHELD_NOTICE[:40] in texts[number - 1]
    assert "Youth Services Review" in texts[0]  # the agenda stays


def test_ticking_exempt_on_an_agenda_item_withholds_the_pages_it_lists(
    client, admin_client, import_file, cabinet_pack
):
    from meetings.models import AgendaItem

    import_file(cabinet_pack)
    item = AgendaItem.objects.get(title__startswith="Youth Services Review")
    assert (item.first_page, item.last_page) == (2, 3)  # as the agenda prints them
    admin_save(admin_client, item, exempt=True)
    document = item.document
    assert set(document.pages.filter(restricted=True).values_list("number", flat=True)) == {2, 3}
    texts = public_copy_texts(client, document)
    assert [WITHHELD_NOTICE[:40] in text for text in texts] == [False, True, True]


def test_ticking_restricted_on_a_page_withholds_it_from_the_download_too(
    client, admin_client, import_file, cabinet_pack
):
    import_file(cabinet_pack)
    document = Document.objects.get()
    page = document.pages.get(number=2)
    words = {number: set(re.findall(r"[a-z]{3,}", text.lower()))
             for number, text in document.pages.values_list("number", "text")}  # fmt: skip
    only_here = sorted(words[2] - words[1] - words[3])
    assert SearchWord.objects.filter(word__in=only_here).count() == len(only_here) > 0
    admin_save(admin_client, page, restricted=True)
    assert client.get(f"/documents/{document.sha256}/page/2/").status_code == 410
    texts = public_copy_texts(client, document)
    assert WITHHELD_NOTICE[:40] in texts[1] and WITHHELD_NOTICE[:40] not in texts[2]
    assert not SearchWord.objects.filter(word__in=only_here).exists()  # no spelling from it
    admin_save(admin_client, Page.objects.get(pk=page.pk), restricted=False)
    assert client.get(f"/documents/{document.sha256}/page/2/").status_code == 200
    assert WITHHELD_NOTICE[:40] not in " ".join(public_copy_texts(client, document))
    assert SearchWord.objects.filter(word__in=only_here).count() == len(only_here)


def test_ticking_restricted_on_the_page_of_a_minute_withdraws_its_decision(
    client, admin_client, exempt_minutes, tmp_path, settings
):
    settings.BULK_DATA_DIR = tmp_path / "data"
    call_command("make_bulk_data")
    carers = Minute.objects.get(number="41")
    admin_save(admin_client, exempt_minutes.pages.get(number=carers.page), restricted=True)
    assert not Minute.objects.filter(number="41").exists()
    assert "Carers Support Strategy" not in client.get("/decisions/").content.decode()
    council = carers.meeting.body.council
    csv = client.get(f"/data/{council.slug}-decisions.csv")
    assert "Carers Support Strategy" not in b"".join(csv.streaming_content).decode()


# -- a re-import that reads another meeting --------------------------------------------------


def test_a_reimport_that_reads_another_meeting_leaves_nothing_in_the_old_one(import_file, tmp_path):
    path = exempt_minutes_pack(tmp_path / "cabinet.pdf")
    import_file(path)
    source = read_source(path)
    misread = datetime.date(1991, 10, 30)
    for minutes in source.pack.minutes:
        minutes.meeting.date = misread  # as OCR once read "14 April 2026"
    result = load_source(source, force=True)
    assert not Meeting.objects.filter(date=APRIL).exists()  # nothing else held it up
    assert not Minute.all_objects.filter(meeting__date=APRIL).exists()
    moved = Minute.all_objects.filter(meeting__date=misread).values_list("number", flat=True)
    assert sorted(moved) == ["40", "41", "42", "43", "44", "45"]
    assert (
        "read before as Cabinet, 14 April 2026: what it gave that meeting was removed (6 minutes), "
        "and the meeting, which held nothing else" in result.warnings
    )
