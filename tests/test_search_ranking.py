"""Ranking on an archive of its own: BM25's weights depend on what else the index holds, so
these tests share it with nothing (test_search.py's module archive would change them)."""

import datetime

import pytest

from meetings.models import Body, Council, Document, Meeting, Report
from meetings.search import Filters, indexing, search

pytestmark = pytest.mark.django_db


def test_relevance_puts_the_best_match_first_even_in_the_oldest_meeting():
    """The title hit is in 2019; 2024 and 2025 only mention the words in passing."""
    council = Council.objects.create(name="Kent County Council", slug="kent", short_name="Kent")
    body = Body.objects.create(council=council, name="Cabinet", slug="cabinet", kind="cabinet")
    document = Document.objects.create(
        council=council, file_name="x.txt", sha256="b" * 64, format="text"
    )
    for year, title, purpose in [
        (2019, "Flood Risk Management Strategy", "To approve the new strategy."),
        (2024, "Library Opening Hours", "The flood risk at one library was noted in passing."),
        (2025, "Bus Service Improvement Plan", "Flood risk on one route is mentioned once."),
    ]:
        meeting = Meeting.objects.create(body=body, date=datetime.date(year, 3, 1))
        Report.objects.create(meeting=meeting, document=document, position=1,
                              slug=f"report-{year}", title=title, purpose=purpose)  # fmt: skip
    indexing.apply_pending()  # as the worker does after rows change outside an import
    by_relevance = [hit.date.year for hit in search("flood risk", Filters(kinds=["report"])).hits]
    assert by_relevance[0] == 2019
    newest = search("flood risk", Filters(kinds=["report"], sort="newest")).hits
    assert [hit.date.year for hit in newest] == [2025, 2024, 2019]
