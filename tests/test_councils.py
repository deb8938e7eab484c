"""Many councils in one archive: each document filed under its council, two councils'
same-named bodies kept apart everywhere, and the addresses published before councils
moved for good (301)."""

import datetime
import json

import pytest
from django.core.management import call_command

from meetings.demo import DemoMeeting, write_pack
from meetings.ingest.council import contact_domains, council_named, parse_council_name
from meetings.ingest.lines import page_lines
from meetings.models import Body, Council, Document, Meeting, Person

pytestmark = pytest.mark.django_db

# A committee's minutes that name no council at all.
UNNAMED = """PLANNING COMMITTEE

MINUTES of a meeting of the Planning Committee held on Tuesday, 3 March 2026 at 7.00 pm.

PRESENT: Mr A Jones (Chair), Mrs B Smith and Mr C Brown

1. Apologies for absence

There were no apologies.

2. Land at Mill Lane

RESOLVED that planning permission be granted.
"""


@pytest.fixture
def two_cabinets(import_file, seed, tmp_path):
    """Leicestershire's Cabinet (seed 000) and Wessex Vale's Cabinet (a generated pack)."""
    import_file(seed("000"))
    path = tmp_path / "wessex-cabinet.pdf"
    meeting = DemoMeeting("Cabinet", datetime.date(2026, 5, 12), ["Youth Services Review"], 1)
    write_pack(meeting, None, path)
    import_file(path)


def names(text: str):
    lines = page_lines([text])
    council = council_named(lines, contact_domains(lines))
    return council and (council.name, council.place, council.tier)


def test_a_council_is_read_from_the_heading_in_either_form():
    assert names("KENT COUNTY COUNCIL\nCABINET\nMINUTES of a meeting") == (
        "Kent County Council",
        "Kent",
        "county",
    )
    assert names("City of Sunnyvale\nNotice and Agenda\nCity Council") == (
        "City of Sunnyvale",
        "Sunnyvale",
        "city",
    )
    assert names("MINUTES\nTOWNSHIP OF NIPISSING\nTuesday") == (
        "Township of Nipissing",
        "Nipissing",
        "township",
    )


def test_the_council_a_document_calls_its_own_wins_over_councils_it_mentions():
    text = (
        "Cabinet\nAgenda\n"
        + "\n" * 20
        + "The report was shared with Leicester City Council and Melton Borough Council.\n" * 3
        + "The County Council will consult Leicestershire County Council's partners.\n" * 2
        + "the County Council agreed.\n" * 10
    )
    assert names(text) == ("Leicestershire County Council", "Leicestershire", "county")


def test_a_name_without_a_tier_counts_when_the_front_sheets_email_bears_it_out():
    assert names("CORNWALL COUNCIL\nCabinet\nContact: democracy@cornwall.gov.uk") == (
        "Cornwall Council",
        "Cornwall",
        "",
    )
    assert names("South Gloucestershire Council\nEmail: committees@southglos.gov.uk")[0] == (
        "South Gloucestershire Council"
    )
    # A body's name in the heading is not a council's.
    assert names("Youth Council\nAgenda\nEmail: clerk@milburnparishcouncil.com") is None
    assert names("Cornwall Council\nAgenda") is None


def test_a_passing_mention_or_a_tie_names_no_council():
    assert names("Cabinet\nAgenda\n" + "\n" * 20 + "A letter from Eden District Council.") is None
    assert names("Report\n" + "\n" * 20 + "Kent County Council and Essex County Council") is None


def test_a_council_named_by_an_admin_is_read_the_same_way():
    assert parse_council_name("City of San Leandro").place == "San Leandro"
    assert parse_council_name("Royal Borough of Kingston upon Thames").place == (
        "Kingston upon Thames"
    )
    assert parse_council_name("Alameda City Council").tier == "city"
    assert parse_council_name("Royal Borough of Kensington and Chelsea").place == (
        "Kensington and Chelsea"
    )
    assert names("BRIGHTON AND HOVE CITY COUNCIL\nCabinet") == (
        "Brighton and Hove City Council",
        "Brighton and Hove",
        "city",
    )
    # "and" joins two places' names only: here it joins two councils.
    assert names("Minutes\n" + "\n" * 20 + "Kent County Council and Medway Council\n" * 4) == (
        "Kent County Council",
        "Kent",
        "county",
    )


def test_each_document_is_filed_under_the_council_it_names(two_cabinets):
    cabinets = Body.objects.filter(name="Cabinet").select_related("council")
    assert sorted((body.council.name, body.council.slug) for body in cabinets) == [
        ("Leicestershire County Council", "leicestershire"),
        ("Wessex Vale County Council", "wessex-vale"),
    ]
    for document in Document.objects.select_related("council", "meeting__body__council"):
        assert document.council == document.meeting.body.council
    leicestershire_people = Person.objects.filter(council__slug="leicestershire")
    assert leicestershire_people.filter(key="mr-d-harrison").exists()
    assert not Person.objects.filter(council__slug="wessex-vale", key="mr-d-harrison").exists()


def test_same_named_bodies_stay_apart_in_their_pages(client, two_cabinets):
    leicestershire = client.get("/leicestershire/cabinet/").content.decode()
    wessex = client.get("/wessex-vale/cabinet/").content.decode()
    assert "/leicestershire/cabinet/2026-03-24/" in leicestershire
    assert "/wessex-vale/cabinet/2026-05-12/" not in leicestershire
    assert "/wessex-vale/cabinet/2026-05-12/" in wessex
    assert "/leicestershire/cabinet/2026-03-24/" not in wessex
    assert client.get("/wessex-vale/cabinet/2026-03-24/").status_code == 404
    assert client.get("/leicestershire/cabinet/2026-05-12/").status_code == 404


def test_search_filters_and_counts_by_council(client, two_cabinets):
    everywhere = client.get("/api/search/", {"q": "cabinet"}).json()
    councils = {row["council"]: row["count"] for row in everywhere["counts"]["council"]}
    assert set(councils) == {"leicestershire", "wessex-vale"}
    wessex = client.get("/api/search/", {"q": "cabinet", "council": "wessex-vale"}).json()
    assert wessex["total"] == councils["wessex-vale"]
    assert {hit["council"] for hit in wessex["results"]} == {"Wessex Vale County Council"}
    bodies = {(row["council"], row["body"]) for row in everywhere["counts"]["body"]}
    assert {("leicestershire", "cabinet"), ("wessex-vale", "cabinet")} <= bodies
    page = client.get("/search/", {"q": "cabinet", "council": "wessex-vale"}).content.decode()
    assert "Leicestershire:" not in page
    assert "Wessex Vale: Cabinet, 12 May 2026" in page


def test_each_facet_counts_exactly_under_the_other_filters(two_cabinets):
    from meetings.search import Filters, search

    wessex = Council.objects.get(slug="wessex-vale")
    everywhere = search("cabinet", Filters())
    within = search("cabinet", Filters(council=wessex))
    assert 0 < within.total < everywhere.total
    assert sum(count for _, count in within.year_counts) == within.total
    for year, count in within.year_counts:
        assert search("cabinet", Filters(council=wessex, year=year)).total == count
    for kind, count in within.kind_counts.items():
        assert search("cabinet", Filters(council=wessex, kinds=[kind])).total == count
    # A facet leaves out its own filter: every council is still offered, with its count.
    councils = {council.slug: count for council, count in everywhere.council_counts}
    assert {council.slug: n for council, n in within.council_counts} == councils
    assert councils["wessex-vale"] == within.total
    in_cabinets = search("cabinet", Filters(body="cabinet"))
    assert {body.pk for body, _ in in_cabinets.body_counts} == {
        body.pk for body, _ in everywhere.body_counts
    }


def test_lists_and_feeds_filter_by_council(client, two_cabinets):
    meetings = client.get("/meetings/", {"council": "wessex-vale"}).content.decode()
    assert "/wessex-vale/cabinet/2026-05-12/" in meetings
    assert "/leicestershire/" not in meetings.split("<main", 1)[1]
    feed = client.get("/feeds/meetings/", {"council": "leicestershire"}).content.decode()
    assert "/leicestershire/cabinet/2026-03-24/" in feed
    assert "/wessex-vale/" not in feed
    body_feed = client.get("/wessex-vale/cabinet/meetings.atom").content.decode()
    assert "/wessex-vale/cabinet/2026-05-12/" in body_feed
    assert "/leicestershire/" not in body_feed
    assert client.get("/feeds/meetings/", {"council": "nowhere"}).status_code == 404
    register = client.get("/decisions/", {"council": "leicestershire"}).content.decode()
    assert "Leicestershire: Cabinet, 3 February 2026, minute 88" in register
    # Wessex Vale's pack prints no minutes: an empty register, not a bad request.
    elsewhere = client.get("/decisions/", {"council": "wessex-vale"})
    assert elsewhere.status_code == 200
    assert "No decisions match these filters." in elsewhere.content.decode()


def test_the_export_names_each_meetings_council(two_cabinets, tmp_path):
    out = tmp_path / "export.json"
    call_command("export_archive", "--output", str(out))
    exported = json.loads(out.read_text())
    assert {(m["council"], m["body"], m["date"]) for m in exported["meetings"]} >= {
        ("Leicestershire County Council", "Cabinet", "2026-03-24"),
        ("Wessex Vale County Council", "Cabinet", "2026-05-12"),
    }
    assert [c["slug"] for c in exported["councils"]] == ["leicestershire", "wessex-vale"]


def test_a_document_naming_no_council_goes_to_the_default_and_the_import_says_so(
    import_file, tmp_path, settings
):
    settings.DEFAULT_COUNCIL = "Horsley Parish Council"
    path = tmp_path / "planning.txt"
    path.write_text(UNNAMED)
    result = import_file(path)
    assert Meeting.objects.get().body.council.name == "Horsley Parish Council"
    assert Council.objects.get().slug == "horsley"
    assert any("names no council: filed under the default council" in w for w in result.warnings)


def test_the_admin_can_name_the_council(import_file, tmp_path):
    path = tmp_path / "planning.txt"
    path.write_text(UNNAMED)
    result = import_file(path, council="Kent County Council")
    body = Body.objects.select_related("council").get()
    assert (body.council.name, body.council.slug, body.council.tier) == (
        "Kent County Council",
        "kent",
        "county",
    )
    assert not result.warnings
    assert Document.objects.get().council == body.council


def test_a_document_naming_no_council_joins_the_council_holding_its_meeting(import_file, tmp_path):
    path = tmp_path / "planning.txt"
    path.write_text(UNNAMED)
    import_file(path, council="kent")  # makes the 'kent' council, as an admin would
    Council.objects.filter(slug="kent").update(name="Kent County Council")
    again = tmp_path / "planning-corrected.txt"
    again.write_text(UNNAMED.replace("granted.", "granted, with conditions."))
    result = import_file(again)
    assert set(Document.objects.values_list("council__slug", flat=True)) == {"kent"}
    assert not result.warnings


def test_a_council_never_takes_one_of_the_archives_own_addresses(import_file, tmp_path):
    path = tmp_path / "planning.txt"
    path.write_text(UNNAMED)
    import_file(path, council="City of Search")
    assert Council.objects.get().slug == "search-city"


def test_a_councils_page_shows_its_coverage(client, two_cabinets):
    page = client.get("/leicestershire/").content.decode()
    assert "<h1>Leicestershire County Council</h1>" in page
    assert 'href="/leicestershire/cabinet/"' in page
    assert "/wessex-vale/" not in page.split("<main", 1)[1]
    assert (
        'from <time datetime="2026-02-03">3 February 2026</time> to '
        '<time datetime="2026-03-24">24 March 2026</time>'
    ) in page
    home = client.get("/").content.decode()
    assert '<a href="/leicestershire/">Leicestershire County Council</a>' in home
    assert '<a href="/wessex-vale/">Wessex Vale County Council</a>' in home


# Addresses the archive published before it held councils, and where they now live.
OLD_ADDRESSES = {
    "/bodies/cabinet/": "/leicestershire/cabinet/",
    "/bodies/cabinet/meetings.atom": "/leicestershire/cabinet/meetings.atom",
    "/bodies/cabinet/decisions.atom": "/leicestershire/cabinet/decisions.atom",
    "/bodies/cabinet/meetings.ics": "/leicestershire/cabinet/meetings.ics",
    "/meetings/cabinet/2026-03-24/": "/leicestershire/cabinet/2026-03-24/",
    "/meetings/cabinet/2026-03-24/reports/leicestershire-school-term-dates-autumn-2027-to-"
    "summer-2032/": "/leicestershire/cabinet/2026-03-24/reports/leicestershire-school-term-"
    "dates-autumn-2027-to-summer-2032/",
    "/meetings/cabinet/2026-02-03/minutes/88/": "/leicestershire/cabinet/2026-02-03/minutes/88/",
    "/people/mr-d-harrison/": "/leicestershire/people/mr-d-harrison/",
    "/bodies/cabinet/?page=1": "/leicestershire/cabinet/?page=1",
}
# Addresses that stay where they were.
KEPT_ADDRESSES = [
    "/",
    "/bodies/",
    "/meetings/",
    "/meetings/?body=cabinet",
    "/decisions/",
    "/decisions/?body=cabinet",
    "/search/?q=school+term+dates",
    "/search/?q=budget&body=cabinet",
    "/search/feed/?q=budget",
    "/feeds/meetings/",
    "/feeds/decisions/",
]


def test_every_old_address_moves_for_good_to_its_council(client, two_cabinets):
    """The first council's Cabinet keeps its old addresses, though Wessex Vale has one too."""
    for old, new in OLD_ADDRESSES.items():
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
        assert client.get(new).status_code == 200, new


def test_addresses_that_did_not_move_still_answer(client, two_cabinets):
    for url in KEPT_ADDRESSES:
        assert client.get(url).status_code == 200, url
    document = Document.objects.get(meeting__date="2026-03-24")
    for url in (
        f"/documents/{document.sha256}/",
        f"/documents/{document.sha256}/page/1/",
        f"/documents/{document.sha256}/download/",
    ):
        assert client.get(url).status_code == 200, url


def test_an_old_address_of_nothing_is_still_a_404(client, two_cabinets):
    assert client.get("/bodies/no-such-body/").status_code == 404
    assert client.get("/people/nobody-at-all/").status_code == 404


def test_the_api_keeps_each_councils_cabinet_apart(client, two_cabinets):
    def data(url):
        return client.get(url.removeprefix("http://localhost:8000")).json()["data"]

    seen = {}
    for body in data("/oparl/v1.1/bodies"):
        organizations = data(body["organization"])
        meetings = data(body["meeting"])
        seen[body["name"]] = (
            [organization["name"] for organization in organizations],
            sorted(meeting["name"] for meeting in meetings),
            {meeting["organization"][0] for meeting in meetings} == {organizations[0]["id"]},
        )
    assert seen == {
        "Leicestershire County Council": (
            ["Cabinet"],
            ["Leicestershire: Cabinet, 24 March 2026", "Leicestershire: Cabinet, 3 February 2026"],
            True,
        ),
        "Wessex Vale County Council": (["Cabinet"], ["Wessex Vale: Cabinet, 12 May 2026"], True),
    }


def test_the_front_sheets_email_domains_are_read_without_webmail():
    first_page = (
        "Contact: Georgina Little\nEmail: georgina.little@kent\n.gov.uk\n"
        "Clerk: clerk.horsley@gmail.com. Or write to planning@kent.gov.uk. Thank you"
    )
    lines = page_lines([first_page, "Page two: someone@elsewhere.gov.uk"])
    assert contact_domains(lines) == ("kent.gov.uk",)


def test_a_document_naming_no_council_joins_the_council_of_its_email_domain(import_file, tmp_path):
    named = tmp_path / "named.txt"
    named.write_text("KENT COUNTY COUNCIL\nContact: democratic.services@kent.gov.uk\n\n" + UNNAMED)
    import_file(named)
    assert Council.objects.get().email_domains == ["kent.gov.uk"]
    unnamed = tmp_path / "unnamed.txt"
    unnamed.write_text(
        "Contact: democratic.services@kent.gov.uk\n\n"
        + UNNAMED.replace("3 March 2026", "7 April 2026")
    )
    result = import_file(unnamed)
    assert [m.body.council.slug for m in Meeting.objects.order_by("date")] == ["kent", "kent"]
    assert not result.warnings
