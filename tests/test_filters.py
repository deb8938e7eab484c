"""The list and search filters: 'Any' by default, and each body named with its council."""

import re

import pytest

from meetings.models import Body, Council

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cabinets(import_file, seed, realworld):
    """Leicestershire's Cabinet (two meetings, seed 000) and Kent's (9 January 2025)."""
    import_file(seed("000"))
    import_file(realworld("kent_cabinet_2025-01-09_minutes"))


def options(page: str, name: str) -> list[tuple[str, str, bool]]:
    """A select's options: value, label and whether it is selected."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)[1]
    return [
        (value, label, bool(selected))
        for value, selected, label in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select
        )
    ]


def count(page: str) -> str:
    return re.search(r'role="status">([^<]*)<', page)[1]


def test_yes_or_no_filters_start_at_any(client, two_cabinets):
    meetings = client.get("/meetings/").content.decode()
    for name in ("has_minutes", "has_reports"):
        assert options(meetings, name) == [("", "Any", True), ("true", "Yes", False),
                                           ("false", "No", False)]  # fmt: skip
    assert "Unknown" not in meetings
    without = client.get("/meetings/", {"has_minutes": "false"}).content.decode()
    assert count(without) == "1 meeting"  # the 24 March agenda: its minutes are not out yet
    decisions = client.get("/decisions/").content.decode()
    assert '<input type="checkbox" name="key_decision" id="id_key_decision">' in decisions
    assert count(decisions) == "10 decisions"
    key = client.get("/decisions/", {"key_decision": "on"}).content.decode()
    assert count(key) == "2 decisions"


def test_a_body_chosen_is_that_councils_body(client, two_cabinets):
    Body.objects.create(council=Council.objects.get(slug="kent"), name="Tl Ie Ccmmittee",
                        slug="tl-ie-ccmmittee")  # fmt: skip  # a misread, holding no meeting
    page = client.get("/meetings/", {"body": "kent/cabinet"}).content.decode()
    assert options(page, "body") == [
        ("", "All bodies", False),
        ("kent/cabinet", "Cabinet (Kent)", True),
        ("leicestershire/cabinet", "Cabinet (Leicestershire)", False),
    ]
    assert count(page) == "1 meeting"
    assert "9 January 2025" in page and "24 March 2026" not in page
    register = client.get("/decisions/", {"body": "leicestershire/cabinet"}).content.decode()
    assert count(register) == "5 decisions"
    everywhere = client.get("/meetings/", {"body": "cabinet"}).content.decode()
    assert count(everywhere) == "3 meetings"  # an address from before councils: every Cabinet
    assert ("cabinet", "Cabinet (every council)", True) in options(everywhere, "body")
    elsewhere = client.get("/meetings/", {"body": "kent/cabinet", "council": "leicestershire"})
    assert count(elsewhere.content.decode()) == "0 meetings"


def test_search_filters_name_each_bodys_council(client, two_cabinets):
    from meetings.search import Filters, search

    page = client.get("/search/", {"q": "cabinet", "body": "kent/cabinet"}).content.decode()
    assert ("kent/cabinet", "Cabinet (Kent)", True) in options(page, "body")
    kent = search("cabinet", Filters(body="kent/cabinet"))
    both = search("cabinet", Filters(body="cabinet"))
    assert all("Leicestershire" not in hit.title + hit.source for hit in kent.hits)
    assert 0 < kent.total < both.total
    assert [(council.slug, count) for council, count in kent.council_counts] == [
        ("kent", kent.total)
    ]
    assert f'role="status">{kent.total} match' in page
