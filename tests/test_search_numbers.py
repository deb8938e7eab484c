"""Search finds records by what officers type: printed numbers, references and outcomes;
every minute is searchable; the count shown always agrees with the results listed."""

import datetime
import re

import pytest

from meetings.models import Body, Council, Document, Meeting, Report, SearchIndexChange
from meetings.search import Filters, engine, indexing, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes(import_file, realworld):
    """Alameda's, Nipissing's and Kent's minutes, and Kent's pack for decision 24/00096."""
    for name in (
        "alameda_city-council_2021-05-11_minutes",
        "nipissing-township_council_2024-09-03_minutes",
        "kent_cabinet_2025-01-09_minutes",
        "kent_cabinet_2025-01-30_supplement-pack-item9",
    ):
        import_file(realworld(name))


def first(query: str, **filters) -> tuple[str, str, str]:
    hit = search(query, Filters(**filters)).hits[0]
    return hit.kind, hit.source, hit.url


def shown(client, query: str) -> tuple[int, int]:
    """The count a search page shows, and how many results it lists."""
    page = client.get("/search/", {"q": query}).content.decode()
    count = int(re.search(r'role="status">(\d+) match', page)[1])
    return count, page.count('class="hit"')


def test_a_printed_number_finds_its_record_first(client, minutes):
    assert first("21-324") == (
        "decision",
        "Alameda: City Council, 11 May 2021, minute 21-324",
        "/alameda/city-council/2021-05-11/minutes/21-324/",
    )
    assert first("R2024-174")[1] == "Nipissing: Council, 3 September 2024, minute R2024-174"
    assert first("r2024-174") == first("R2024-174")
    assert first("24/00096")[:2] == ("item", "Kent: Cabinet, 30 January 2025, agenda item 9")
    assert first("minute 83")[1] == "Kent: Cabinet, 9 January 2025, minute 83"
    assert first("minute R2024-174")[1] == first("R2024-174")[1]
    assert first("agenda item 9")[1] == "Kent: Cabinet, 30 January 2025, agenda item 9"
    # The count agrees with the results listed: "minute 83" is one decision, shown once.
    assert shown(client, "minute 83") == (1, 1)
    results = search("R2024-174", Filters())
    assert results.total == sum(results.kind_counts.values())
    every_page = search("R2024-174", Filters(pages_only=True), limit=100)
    assert len(every_page.hits) == every_page.total == results.kind_counts["page"]


def test_a_file_number_finds_its_report_before_the_papers_that_cite_it():
    council = Council.objects.create(
        name="City of Riverton", slug="riverton", short_name="Riverton"
    )
    body = Body.objects.create(council=council, name="City Council", slug="city-council")
    document = Document.objects.create(
        council=council, file_name="x.txt", sha256="c" * 64, format="text"
    )
    for day, title, purpose in [
        (1, "File 2017-0123: Zoning Amendment for Harbor Street", "To amend the zoning map."),
        (8, "Harbor Parking Review", "Follows file 2017-0123 and the hearing on 2017-0123."),
    ]:
        meeting = Meeting.objects.create(body=body, date=datetime.date(2017, 3, day))
        Report.objects.create(meeting=meeting, document=document, position=1, slug=f"r{day}",
                              title=title, purpose=purpose, text=purpose)  # fmt: skip
    indexing.apply_pending()
    titles = [hit.title for hit in search("2017-0123", Filters()).hits]
    assert titles == ["File 2017-0123: Zoning Amendment for Harbor Street", "Harbor Parking Review"]


def test_outcomes_and_votes_are_words_decisions_are_found_by(minutes):
    carried = search("motion carried", Filters())
    assert carried.kind_counts["decision"] == 12  # Nipissing's 11 and Alameda's 21-324
    top = carried.hits[: carried.kind_counts["decision"]]
    assert {hit.kind for hit in top} == {"decision"}  # the decisions first, then the pages
    unanimous = search("unanimous", Filters(kinds=["decision"])).hits
    assert [hit.detail for hit in unanimous] == ["minute 21-324"]  # carried 5 to 0
    # Not heard: the minute is found by its outcome, and it decided nothing.
    deferred = search("deferred", Filters(kinds=["minute", "decision"])).hits
    assert (deferred[0].kind, deferred[0].detail) == ("minute", "minute 21-327")
    assert "minute 21-327" not in [hit.detail for hit in deferred if hit.kind == "decision"]


def test_every_minute_is_searchable_even_without_a_resolution(client, minutes):
    results = search('"Budget Workshop"', Filters(kinds=["minute"]))
    assert [(hit.kind, hit.detail) for hit in results.hits] == [
        ("minute", "minute 21-326"),
        ("minute", "minute 21-325"),
    ] or [(hit.kind, hit.detail) for hit in results.hits] == [
        ("minute", "minute 21-325"),
        ("minute", "minute 21-326"),
    ]
    for hit in results.hits:
        page = client.get(hit.url)
        assert page.status_code == 200 and "Budget Workshop" in page.content.decode()
    page = client.get("/search/", {"q": "budget workshop"}).content.decode()
    assert '<a href="?q=budget+workshop&amp;kind=minute">Minute</a> <span class="muted">2' in page


def test_an_index_of_an_older_schema_is_replaced_by_one_built_whole(settings):
    """New code with a new schema version finds only the old version's index: its first
    write builds the whole index from PostgreSQL, not just the changes waiting."""
    council = Council.objects.create(name="Kent County Council", slug="kent", short_name="Kent")
    body = Body.objects.create(council=council, name="Cabinet", slug="cabinet")
    for day, title in [(1, "Quarry Lane Waste Transfer"), (8, "Quarry Road Resurfacing")]:
        meeting = Meeting.objects.create(body=body, date=datetime.date(2026, 3, day))
        document = Document.objects.create(council=council, meeting=meeting, file_name="x.txt",
                                           sha256=f"{day:064x}", format="text")  # fmt: skip
        Report.objects.create(meeting=meeting, document=document, position=1, slug="r",
                              title=title)  # fmt: skip
    old = engine.index_path().parent / f"v{engine.SCHEMA_VERSION - 1}"
    old.mkdir(parents=True)
    (old / "meta.json").write_text("{}")
    assert search("quarry", Filters()).total == 0  # nothing built yet: no results, no index
    assert not engine.exists()
    SearchIndexChange.objects.filter(unit=Meeting.objects.earliest("date").pk).delete()
    indexing.apply_pending()  # one change waiting; the index lacks both meetings
    assert search("quarry", Filters()).total == 2
    assert not old.exists()
    assert indexing.problems() == []
