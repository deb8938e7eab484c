"""Full-text search over the imported seeds: hits, order, stemming, facets, hostile input."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.search import Filters, highlight, search
from tests.conftest import SEEDS, archive_for_the_module, import_now, shared_file

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def two_seeds(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seeds 000 and 003, imported once for the module."""
    with archive_for_the_module(django_db_blocker, tmp_path_factory.mktemp("search")) as folder:
        import_now(shared_file(SEEDS, "000"))
        import_now(shared_file(SEEDS, "003"))
        yield folder


@pytest.fixture
def archive(two_seeds, settings, search_index_dir):
    settings.SEARCH_INDEX_DIR = two_seeds / "index"


def test_council_tax_finds_minute_88_among_the_top_decisions(archive):
    results = search('"Council Tax"', Filters(kinds=["decision"]))
    top = [(hit.body, str(hit.date), hit.detail) for hit in results.hits[:3]]
    assert ("Cabinet", "2026-02-03", "minute 88") in top
    assert "<mark>Council</mark> <mark>Tax</mark> increase" in results.hits[0].snippet


def test_term_dates_finds_the_school_term_dates_report_first(archive):
    hit = search("term dates", Filters()).hits[0]
    assert (hit.kind, hit.title) == (
        "report",
        "Leicestershire School Term Dates Autumn 2027 to Summer 2032",
    )
    assert hit.url.endswith(
        "/leicestershire/cabinet/2026-03-24/reports/leicestershire-school-term-dates-autumn-2027-to-summer-2032/"
    )


def test_phrase_hit_on_a_page_links_to_that_page(archive):
    hits = search('"proposed term dates"', Filters(kinds=["page"])).hits
    assert hits, "the consultation page of the term dates report"
    assert "/page/" in hits[0].url
    assert hits[0].url.endswith("/page/26/")
    # Page 26 of the text is the report's first: the agenda prints it as page 121.
    assert hits[0].title == "Leicestershire School Term Dates Autumn 2027 to Summer 2032, p. 121"


def test_english_stemming_joins_words_that_share_a_stem(archive):
    consulted = search("consulted", Filters()).total
    consultation = search("consultation", Filters()).total
    assert consulted == consultation > 0
    assert search("approved", Filters()).total == search("approval", Filters()).total > 0


def test_websearch_syntax(archive):
    both = search("A511 corridor", Filters()).total
    either = search("A511 OR freeport", Filters()).total
    without = search("A511 -corridor", Filters()).total
    assert either > both > without


def test_titles_outrank_body_text(archive):
    hits = search("freeport", Filters(kinds=["report", "page"])).hits
    assert hits[0].kind == "report"
    assert hits[0].title.startswith("East Midlands Freeport")


def test_reference_lookup(archive):
    minute = search("minute 88", Filters())
    assert [(hit.detail, str(hit.date)) for hit in minute.hits] == [("minute 88", "2026-02-03")]
    assert minute.total == 1
    item = search("agenda item 14", Filters()).hits[0]
    assert (item.kind, item.detail) == ("item", "agenda item 14")
    assert item.title.startswith("A511 Growth Corridor")


def test_facets_count_and_filter(archive):
    everything = search("cabinet", Filters())
    assert sum(everything.kind_counts.values()) == everything.total
    assert {body.name for body, _ in everything.body_counts} == {"Cabinet"}
    assert dict(everything.year_counts).keys() == {2025, 2026}
    only_2025 = search("cabinet", Filters(year=2025))
    assert only_2025.total == dict(everything.year_counts)[2025]
    assert all(hit.date.year == 2025 for hit in only_2025.hits)
    key = search("strategy", Filters(kinds=["report"], key_decision=True))
    assert key.total > 0 and all(hit.key_decision for hit in key.hits)


def test_sorting_by_date(archive):
    newest = search("strategy", Filters(sort="newest")).hits
    oldest = search("strategy", Filters(sort="oldest")).hits
    assert newest[0].date >= newest[-1].date
    assert oldest[0].date <= oldest[-1].date
    assert str(oldest[0].date) == "2025-06-17"


def test_no_results_suggests_spelling_and_fewer_terms(archive):
    results = search("coucil tax zzyzx", Filters())
    assert results.total == 0
    assert results.suggestions[0] == "council tax"
    assert "council tax" in search("coucil tax", Filters()).suggestions


def test_snippets_escape_everything_but_the_marks():
    assert (
        highlight("<script>\ue000x\ue001</script>") == "&lt;script&gt;<mark>x</mark>&lt;/script&gt;"
    )


def test_search_page(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        response = client.get("/search/", {"q": '"Council Tax"', "kind": "decision"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="&quot;Council Tax&quot;"' in page
    assert "minute 88" in page
    total = search('"Council Tax"', Filters(kinds=["decision"])).total
    assert f'role="status">{total} match' in page and total > 0
    assert ">Decision</a>" in page
    assert "/search/feed/?q=" in page
    with django_assert_max_num_queries(20):
        page = client.get("/search/", {"q": "strategy"}).content.decode()
    assert page.count('class="hit"') == 14  # every thing "strategy" is in, once
    with django_assert_max_num_queries(20):
        page = client.get("/search/", {"q": "strategy", "view": "pages"}).content.decode()
    assert page.count('class="hit"') == 20  # a full page of the matching pages


def test_search_feed_is_atom(client, archive):
    response = client.get("/search/feed/", {"q": "A511"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "A511 Growth Corridor" in response.content.decode()


HOSTILE = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "x" * 10_000,
            '"',
            '"unbalanced',
            "OR OR OR",
            "- - -",
            "!!!",
            "'; DROP TABLE meetings_page; --",
            "<script>alert(1)</script>",
            "\x00null",
            "council \U0001f3db\ufe0f tax",
            "\u05de\u05d5\u05e2\u05e6\u05d4 council",
            "& | ! <-> :*",
            "a" * 400,
            "ünïcödé wörds",
        ]
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=HOSTILE,
    kind=st.sampled_from(["", "page", "bogus"]),
    year=st.sampled_from(["", "2026", "x", "99999999999"]),
)
def test_any_query_gives_a_normal_page(client, archive, query, kind, year):
    response = client.get("/search/", {"q": query, "kind": kind, "year": year})
    assert response.status_code in (200, 400)
    assert "<script>alert" not in response.content.decode()


def test_one_result_per_thing_with_its_agenda_item_best_page_and_more_pages(archive, client):
    results = search("term dates", Filters())
    first = results.hits[0]
    assert (first.kind, first.title) == (
        "report",
        "Leicestershire School Term Dates Autumn 2027 to Summer 2032",
    )
    assert [(row.kind, row.detail) for row in first.related] == [("item", "agenda item 7")]
    assert first.page.title == "Leicestershire School Term Dates Autumn 2027 to Summer 2032, p. 121"
    assert first.more_pages == 1
    assert len({hit.group for hit in results.hits}) == len(results.hits) == 8
    assert results.total == 12  # every matching row is counted: 10 pages, the report, the item

    page = client.get("/search/", {"q": "term dates"}).content.decode()
    assert f'href="?q=term+dates&amp;within={first.group}">1 more matching page</a>' in page
    more = client.get("/search/", {"q": "term dates", "within": first.group}).content.decode()
    assert 'role="status">2 matches in one result\'s pages</h2>' in more
    assert more.count('class="hit"') == 2
    refused = client.get("/search/", {"q": "term dates", "within": "report-x"})
    assert refused.status_code == 400


def test_every_count_is_exact_under_each_filter(archive):
    everything = search("strategy", Filters())
    (cabinet, in_cabinet), *_ = everything.body_counts
    assert search("strategy", Filters(body=cabinet.slug)).total == in_cabinet
    for year, count in everything.year_counts:
        assert search("strategy", Filters(year=year)).total == count
    for kind, count in everything.kind_counts.items():
        assert search("strategy", Filters(kinds=[kind])).total == count
    pages = search("strategy", Filters(pages_only=True), limit=1000)
    assert len(pages.hits) == pages.total == everything.kind_counts["page"]


def test_each_kind_of_hit_is_named_and_links_to_its_own_page(import_file, seed, client):
    from meetings.models import Decision, Meeting, Page
    from meetings.search.hits import hydrate

    import_file(seed("000"))
    meeting = Meeting.objects.get(date="2026-03-24")
    report = meeting.reports.get(agenda_item_number="4")
    rows = {
        "meeting": ("meeting", meeting.pk),
        "item": ("item", meeting.agenda_items.get(number="3").pk),
        "report": ("report", report.pk),
        "decision": ("decision", Decision.objects.get(minute__number="88").pk),
        "front page": ("page", Page.objects.get(document__meeting=meeting, number=1).pk),
        "report page": ("page", Page.objects.get(document=report.document, number=5).pk),
    }
    hits = hydrate(rows.values(), "")
    shown = {name: hits[row] for name, row in rows.items()}
    assert {name: (hit.title, hit.detail) for name, hit in shown.items()} == {
        "meeting": ("Cabinet, 24 March 2026", ""),
        "item": ("Declarations of interest in respect of items on the agenda", "agenda item 3"),
        "report": (report.title, "agenda item 4"),
        "decision": (
            "Provisional Medium Term Financial Strategy 2026/27 to 2029/30",
            "minute 88",
        ),
        "front page": (
            "Cabinet, 24 March 2026: agenda pack, page 1 of the file (no number printed)",
            "page 1 of 192 in the file",
        ),
        "report page": (f"{report.title}, p. 11", "page 5 of 192 in the file"),
    }
    assert shown["item"].url == "/leicestershire/cabinet/2026-03-24/#item-3"
    assert shown["decision"].url == "/leicestershire/cabinet/2026-02-03/minutes/88/"
    assert (shown["decision"].body, str(shown["decision"].date)) == ("Cabinet", "2026-02-03")
    assert shown["decision"].key_decision and not shown["item"].key_decision
    for name, hit in shown.items():
        assert client.get(hit.url).status_code == 200, name


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
@pytest.mark.parametrize("words", ["council", "highways OR transport", "capital programme"])
def test_both_sides_of_the_index_merge_as_one_query_ranks(archive, sort, words):
    from meetings.search import engine
    from meetings.search import searching as s

    index, searcher = engine.READER.searcher()
    filters = Filters()
    whole = s.shown_query(index, words, filters, None)
    sides = [s.shown_query(index, words, filters, None, side) for side in s.SIDES]
    one_query = s.read_hits(searcher, [whole], sort, 0, 400)
    assert len(one_query) > 20 and {kind for kind, *_ in one_query} > {"page"}
    assert s.read_hits(searcher, sides, sort, 0, 400) == one_query
    assert s.read_hits(searcher, sides, sort, 15, 20) == one_query[15:35]


def test_the_facets_narrow_the_search_and_a_chosen_one_can_be_undone(archive, client):
    page = client.get("/search/", {"q": "strategy", "year": ""}).content.decode()
    decisions = '<a href="?q=strategy&amp;year=&amp;kind=decision">Decision</a>'
    assert f'{decisions} <span class="muted">2</span>' in page
    assert '<li><span class="muted">Meeting 0</span></li>' in page  # no match: no link
    assert '<a href="?q=strategy&amp;year=2026">2026</a> <span class="muted">41</span>' in page
    assert ">Any year</a>" not in page  # an empty year is no year chosen
    narrowed = client.get("/search/", {"q": "strategy", "year": "2026"}).content.decode()
    assert '<li><a href="?q=strategy">Any year</a></li>' in narrowed
    assert '<a href="?q=strategy&amp;year=2025">2025</a> <span class="muted">109' in narrowed
    assert ">All types</a>" not in narrowed and ">All bodies</a>" not in narrowed
