"""A search: the query and filters asked of the index, facets counted, hits grouped and shown.

Every count is exact: the index counts every match (an aggregation by kind, body and
year), and the top results are the best of all matches by BM25 with field boosts.
"""

import datetime
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import tantivy
from django.conf import settings
from django.db import OperationalError, connection, transaction

from meetings.models import Body, Council
from meetings.search import engine
from meetings.search.engine import KIND_CODES, KIND_NAMES, group_token, split_facet_key
from meetings.search.hits import KINDS, Hit, hydrate
from meetings.search.query import Term, has_searchable_words, terms
from meetings.search.snippets import MARK_START, MARK_STOP
from meetings.search.vocabulary import closest_words

SORTS = {"relevance": "Most relevant", "newest": "Newest first", "oldest": "Oldest first"}
MAX_QUERY_LENGTH = 200  # characters
MAX_QUERY_TERMS = 12  # words, quoted or not
MAX_SUGGESTION_QUERIES = 16  # "did you mean" queries tried
# One result per thing: ranked hits are read in growing batches until the page's things
# are found, up to this many hits (deep pages of the commonest words stop there).
FIRST_BATCH = 200
MAX_HITS_GROUPED = 50_000
RELATED_SHOWN = 3  # a thing's other matching rows listed under it
HEAD_PREFERENCE = ["report", "decision", "minute", "item", "meeting"]  # what a thing is shown as
_CONTROL_CHARACTERS = dict.fromkeys(
    [*range(0x09), *range(0x0B, 0x20), 0x7F, ord(MARK_START), ord(MARK_STOP)], " "
)


@dataclass
class Filters:
    kinds: list[str] = field(default_factory=list)
    council: Council | None = None
    # A council's body ('kent/cabinet'), or a body's slug alone ('cabinet': that body of the
    # council chosen, or of every council, as addresses made before councils ask).
    body: str = ""
    year: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    key_decision: bool = False
    sort: str = "relevance"
    public_only: bool = True  # leave out restricted and exempt content (admins see it)
    pages_only: bool = False  # every matching page as its own result, not one per thing
    within: int | None = None  # only the rows of this group (engine.group_key)

    def body_ids(self) -> list[int] | None:
        """The bodies the council and body filters allow; None when they allow every one."""
        if not (self.council or self.body):
            return None
        bodies = Body.objects.all()
        if self.council:
            bodies = bodies.filter(council=self.council)
        if self.body:
            council, slug = split_body(self.body)
            bodies = bodies.filter(slug=slug, **({"council__slug": council} if council else {}))
        return list(bodies.values_list("pk", flat=True))

    def allows(self, body: Body | None) -> tuple[bool, bool]:
        """Whether the council filter and the body filter each let `body`'s rows through."""
        if body is None:
            return not self.council, not self.body
        return (
            not self.council or body.council_id == self.council.pk,
            not self.body or self.is_body(body.council.slug, body.slug),
        )

    def is_body(self, council_slug: str, slug: str) -> bool:
        """Whether the body filter names this body of this council."""
        council, wanted = split_body(self.body)
        return slug == wanted and council in ("", council_slug)

    @property
    def shown_kinds(self) -> list[str]:
        return ["page"] if self.pages_only else self.kinds


def split_body(value: str) -> tuple[str, str]:
    """'kent/cabinet' as ('kent', 'cabinet'); 'cabinet' (every council's) as ('', 'cabinet')."""
    council, _, slug = value.rpartition("/")
    return council, slug


class SearchTooBroad(Exception):
    """The search hit the statement timeout: the person should narrow it."""


class SearchBusy(Exception):
    """Every search slot of this process stayed taken: the person should try again shortly."""


# At most SEARCH_CONCURRENCY searches run at once in a process, so page views never wait
# for the CPU behind a flood of searches; a search waits this long for a slot.
SLOT_WAIT_SECONDS = 0.5
SEARCH_SLOTS = threading.BoundedSemaphore(settings.SEARCH_CONCURRENCY)
QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement over its timeout
# Each search counts its facets, and the pages of its things, on other cores meanwhile.
INDEX_THREADS = ThreadPoolExecutor(2 * settings.SEARCH_CONCURRENCY, thread_name_prefix="index")


@dataclass
class Results:
    query: str
    hits: list[Hit]
    total: int  # matching rows of the kinds asked for, all of them
    has_next: bool
    kind_counts: dict[str, int]
    body_counts: list[tuple[Body, int]]
    council_counts: list[tuple[Council, int]]
    year_counts: list[tuple[int, int]]
    suggestions: list[str] = field(default_factory=list)
    no_searchable_words: bool = False  # "to be or not to be": stop words alone

    @property
    def explanation(self) -> str:
        if self.no_searchable_words:
            return (
                "There are no searchable words in this search: words as common as “the”, “or” "
                "and “not” are left out of the index. Add a word that says what you are "
                "looking for."
            )
        return ""


def tidy_query(text: str) -> str:
    """The query as typed, without control characters, cut to the first terms that fit."""
    terms = (text or "").translate(_CONTROL_CHARACTERS).split()
    kept, length = [], 0
    for term in terms[:MAX_QUERY_TERMS]:
        if length + len(term) > MAX_QUERY_LENGTH:
            break
        kept.append(term)
        length += len(term) + 1
    if terms and not kept:
        kept = [terms[0][:MAX_QUERY_LENGTH]]
    return " ".join(kept)


def query_was_shortened(text: str) -> bool:
    return tidy_query(text) != " ".join((text or "").translate(_CONTROL_CHARACTERS).split())


def search(text: str, filters: Filters, offset: int = 0, limit: int = 20) -> Results:
    """Ranked results, facets and help, each statement bounded by the search timeout.

    `offset` and `limit` count results: things, or pages when `filters.pages_only`.
    """
    if not SEARCH_SLOTS.acquire(timeout=SLOT_WAIT_SECONDS):
        raise SearchBusy(text)
    try:
        return _bounded_search(text, filters, offset, limit)
    finally:
        SEARCH_SLOTS.release()


def _bounded_search(text: str, filters: Filters, offset: int, limit: int) -> Results:
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('statement_timeout', %s, true)",
                    [f"{settings.SEARCH_STATEMENT_TIMEOUT_MS}ms"],
                )
            return _search(text, filters, offset, limit)
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", "") == QUERY_CANCELED:
            raise SearchTooBroad(text) from error
        raise


def _search(text: str, filters: Filters, offset: int, limit: int) -> Results:
    words = text = tidy_query(text)
    if not has_searchable_words(words):
        return Results(text, [], 0, False, {}, [], [], [], no_searchable_words=bool(words))
    index, searcher = engine.READER.searcher()
    body_ids = filters.body_ids()
    pages, rows = (shown_query(index, words, filters, body_ids, side) for side in SIDES)
    # Every match is counted on another core while the page's hits are read and shown.
    facet_rows = INDEX_THREADS.submit(_facet_rows, searcher, _counted(index, words, filters))
    if filters.pages_only:
        hits = _shown(read_hits(searcher, [pages], filters.sort, offset, limit), words)
    else:
        hits, has_next = _one_per_thing(searcher, pages, rows, filters.sort, offset, limit, words)
    kind_counts, body_counts, council_counts, year_counts = _facets(facet_rows.result(), filters)
    kinds = filters.shown_kinds or list(KINDS)
    total = sum(count for kind, count in kind_counts.items() if kind in kinds)
    if filters.pages_only:
        has_next = offset + limit < total
    results = Results(
        query=text,
        hits=hits,
        total=total,
        has_next=has_next,
        kind_counts=kind_counts,
        body_counts=body_counts,
        council_counts=council_counts,
        year_counts=year_counts,
    )
    if not results.total:
        results.suggestions = suggestions(index, searcher, words, filters, body_ids)
    return results


# The index's two sides: a page's words are in the page fields, every other row's in the
# rest. A search asks each side its own query and adds up the answers. A row is on one side
# only and scores the same either way, and a query of one side's fields is the cheaper: a
# four-word search of the pages' field alone takes half the time of one of every field.
SIDES = (engine.PAGE_FIELDS, engine.ROW_FIELDS)


def shown_query(
    index: tantivy.Index, words: str, filters: Filters, body_ids, names=engine.TEXT_FIELDS
) -> tantivy.Query:
    """The rows a search lists: the words, in the fields asked, under every filter.

    `names` narrows the fields: engine.PAGE_FIELDS for the pages alone, ROW_FIELDS for the
    rest."""
    kinds = filters.shown_kinds
    if kinds and "page" not in kinds:
        names = [name for name in names if name not in engine.PAGE_FIELDS]
    if kinds == ["page"]:
        names = [name for name in names if name in engine.PAGE_FIELDS]
    fields = engine.text_fields(filters.public_only, names)
    clauses = _unfaceted(filters) + _faceted(filters, body_ids)
    return _with_filters(_parse(index, words, fields), clauses)


def _counted(index: tantivy.Index, words: str, filters: Filters) -> list[tantivy.Query]:
    """What the facets count: the words on each side of the index, under the filters that
    every count obeys (each facet leaves out its own)."""
    return [
        _with_filters(
            _parse(index, words, engine.text_fields(filters.public_only, side)),
            _unfaceted(filters),
        )
        for side in SIDES
    ]


def _parse(index: tantivy.Index, words: str, fields: dict[str, float]) -> tantivy.Query:
    """The words as a query of these fields, each term required (or one of its alternatives
    joined by OR), excluded terms left out. A query of the rows' side also matches a record
    by its number or its outcome (engine.FACT_SCORES)."""
    required, excluded = terms(words)
    if not required or not fields:
        return tantivy.Query.empty_query()
    facts = any(name in fields for name in engine.ROW_FIELDS)

    def either(term: Term) -> tantivy.Query:
        options = [index.parse_query(term.syntax, list(fields), field_boosts=fields)]
        if facts:
            outcome = index.parse_query(term.syntax, [engine.OUTCOME_FIELD])
            options.append(_fixed(outcome, engine.OUTCOME_FIELD))
        if facts and term.ref:
            number = tantivy.Query.term_query(engine.SCHEMA, engine.REF_FIELD, term.ref)
            options.append(_fixed(number, engine.REF_FIELD))
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in options])

    clauses = [
        (tantivy.Occur.Must, tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, either(term)) for term in group]))
        for group in required
    ]  # fmt: skip
    clauses += [(tantivy.Occur.MustNot, either(term)) for term in excluded]
    return tantivy.Query.boolean_query(clauses)


def _fixed(query: tantivy.Query, field: str) -> tantivy.Query:
    return tantivy.Query.const_score_query(query, engine.FACT_SCORES[field])


# -- filters, as index queries that match without scoring -------------------------------------


def _any_of(name: str, values: list[int]) -> tantivy.Query:
    return tantivy.Query.term_set_query(engine.SCHEMA, name, values)


def _unfaceted(filters: Filters) -> list[tuple[tantivy.Occur, tantivy.Query]]:
    """The filters every count obeys: dates, key decisions and the one thing whose pages are
    listed. (What the public may not see is in fields a public search does not ask.)"""
    clauses = []
    if filters.date_from or filters.date_to:
        days = tantivy.Query.range_query(
            engine.SCHEMA,
            "day",
            tantivy.FieldType.Integer,
            engine.day_number(filters.date_from) if filters.date_from else None,
            engine.day_number(filters.date_to) if filters.date_to else None,
        )
        clauses.append((tantivy.Occur.Must, days))
    if filters.key_decision:
        clauses.append((tantivy.Occur.Must, engine.term("key", 1)))
    if filters.within is not None:
        clauses.append((tantivy.Occur.Must, engine.term("group", filters.within)))
    return clauses


def _faceted(filters: Filters, body_ids: list[int] | None):
    """The filters that each facet counts without its own: type, council and body, year."""
    clauses = []
    if filters.kinds and not filters.pages_only:  # pages only: the page field alone is asked
        codes = [KIND_CODES[kind] for kind in filters.kinds]
        clauses.append((tantivy.Occur.Must, _any_of("kind", codes)))
    if body_ids is not None:
        clauses.append((tantivy.Occur.Must, _any_of("body", body_ids)))
    if filters.year:
        clauses.append((tantivy.Occur.Must, engine.term("year", filters.year)))
    return clauses


def _with_filters(query: tantivy.Query, clauses) -> tantivy.Query:
    if not clauses:
        return query
    unscored = [(occur, tantivy.Query.const_score_query(q, 0.0)) for occur, q in clauses]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, query), *unscored])


# -- facets -----------------------------------------------------------------------------------

# One bucket for each kind, body and year that has a match: counted exactly, whatever their
# number (the size is above any archive's kinds × bodies × years).
FACET_AGGREGATION = {"facet": {"terms": {"field": "facet", "size": 10_000_000}}}


def _facet_rows(searcher: tantivy.Searcher, queries: list[tantivy.Query]):
    """(kind, body id or None, year or None, count) for every match of the queries (one for
    each side of the index: their kinds differ, so their buckets do too)."""
    rows = []
    for query in queries:
        for bucket in searcher.aggregate(query, FACET_AGGREGATION)["facet"]["buckets"]:
            kind, body, year = split_facet_key(bucket["key"])
            rows.append((KIND_NAMES[kind], body or None, year or None, bucket["doc_count"]))
    return rows


def _facets(rows, filters: Filters):
    """Counts for each facet, each with the other facets' filters applied."""
    bodies = _bodies({row[1] for row in rows} - {None})
    allowed = {pk: filters.allows(body) for pk, body in bodies.items()}
    allowed[None] = filters.allows(None)
    council_of = {pk: body.council_id for pk, body in bodies.items()}
    shown_kinds, year_asked = filters.shown_kinds, filters.year
    kinds, by_body, by_council, years = Counter(), Counter(), Counter(), Counter()
    for kind, body_id, year, count in rows:
        council_ok, slug_ok = allowed.get(body_id, (False, False))
        kind_ok = not shown_kinds or kind in shown_kinds
        year_ok = year_asked is None or year == year_asked
        if council_ok and slug_ok and year_ok:
            kinds[kind] += count
        if kind_ok and year_ok and body_id is not None:
            if council_ok:
                by_body[body_id] += count
            if slug_ok:
                by_council[council_of[body_id]] += count
        if kind_ok and council_ok and slug_ok and year is not None:
            years[year] += count
    councils = {body.council_id: body.council for body in bodies.values()}
    return (
        dict(kinds),
        _by_count({bodies[pk]: count for pk, count in by_body.items()}),
        _by_count({councils[pk]: count for pk, count in by_council.items()}),
        sorted(years.items(), reverse=True),
    )


def _bodies(ids: set[int]) -> dict[int, Body]:
    """The bodies of these ids with their councils, named and addressed (a plain statement:
    the ORM's own takes three times as long)."""
    with connection.cursor() as cursor:
        cursor.execute(BODIES, [list(ids)])
        rows = cursor.fetchall()
    councils = {
        pk: Council(pk=pk, name=name, slug=slug, short_name=short_name)
        for *_, pk, name, slug, short_name in rows
    }
    return {
        pk: Body(pk=pk, name=name, slug=slug, council=councils[council])
        for pk, name, slug, council, *_ in rows
    }


BODIES = """
    SELECT b.id, b.name, b.slug, c.id, c.name, c.slug, c.short_name
      FROM meetings_body b JOIN meetings_council c ON c.id = b.council_id
     WHERE b.id = ANY(%s)"""


def _by_count(counts: dict) -> list[tuple]:
    return sorted(counts.items(), key=lambda pair: (-pair[1], str(pair[0])))


# -- the hits ---------------------------------------------------------------------------------

ORDERS = {
    "relevance": {},
    "newest": {"order_by_field": "day", "order": tantivy.Order.Desc},
    "oldest": {"order_by_field": "day", "order": tantivy.Order.Asc},
}


# The hits of several queries merged as one query's would be: by score or day, then as the
# index holds them.
def _highest_first(hit) -> tuple:
    return -hit[0], hit[1].segment_ord, hit[1].doc


def _lowest_first(hit) -> tuple:
    return hit[0], hit[1].segment_ord, hit[1].doc


MERGED = {"relevance": _highest_first, "newest": _highest_first, "oldest": _lowest_first}


def read_hits(searcher, queries, sort: str, offset: int, limit: int) -> list[tuple[str, int, int]]:
    """(kind, pk, group) of the hits of any of `queries` from `offset`, best first."""
    if len(queries) == 1:
        found = searcher.search(queries[0], limit, count=False, offset=offset, **ORDERS[sort]).hits
    else:
        found = []
        for query in queries:
            found += searcher.search(query, offset + limit, count=False, **ORDERS[sort]).hits
        found = sorted(found, key=MERGED[sort])[offset : offset + limit]
    addresses = [address for _, address in found]
    kinds, ids, groups = (
        searcher.fast_field_values(name, addresses) for name in ("kind", "id", "group")
    )
    return [
        (KIND_NAMES[kind], pk, group) for kind, pk, group in zip(kinds, ids, groups, strict=True)
    ]


def _shown(rows: list[tuple[str, int, int]], words: str) -> list[Hit]:
    loaded = hydrate([(kind, pk) for kind, pk, _ in rows], words)
    return [loaded[kind, pk] for kind, pk, _ in rows if (kind, pk) in loaded]  # deleted since?


def _one_per_thing(searcher, pages, rows, sort: str, offset: int, limit: int, words: str):
    """The page's things, in the order of each one's best hit, and whether more follow.

    `pages` and `rows` are the shown query of each side of the index."""
    groups: dict[int, list[tuple[str, int]]] = {}
    read, batch = 0, FIRST_BATCH
    while True:
        hits = read_hits(searcher, [pages, rows], sort, read, batch)
        for kind, pk, group in hits:
            groups.setdefault(group, []).append((kind, pk))
        read += len(hits)
        if len(groups) > offset + limit or len(hits) < batch or read >= MAX_HITS_GROUPED:
            break
        batch = min(read * 3, MAX_HITS_GROUPED - read)
    keys = list(groups)[offset : offset + limit]
    has_next = len(groups) > offset + limit
    if not keys:
        return [], has_next
    counted = INDEX_THREADS.submit(_matching_pages, searcher, _of_groups(pages, keys), keys)
    _add_unread_members(searcher, _of_groups(rows, keys), keys, groups)
    return _things(keys, groups, counted.result(), words), has_next


def _of_groups(query: tantivy.Query, keys: list[int]) -> tantivy.Query:
    return _with_filters(query, [(tantivy.Occur.Must, _any_of("group", keys))])


def _add_unread_members(searcher, of_these, keys: list[int], groups: dict) -> None:
    """The shown things' matching rows other than pages ranked below the hits read."""
    for kind, pk, group in read_hits(searcher, [of_these], "relevance", 0, len(keys) * 10):
        if (kind, pk) not in groups[group]:
            groups[group].append((kind, pk))


def _matching_pages(searcher, of_these, keys: list[int]) -> dict[int, int]:
    """How many pages of each shown thing match."""
    aggregation = {"group": {"terms": {"field": "group", "size": len(keys)}}}
    buckets = searcher.aggregate(of_these, aggregation)["group"]["buckets"]
    return {bucket["key"]: bucket["doc_count"] for bucket in buckets}


def _things(keys: list[int], groups: dict, pages: dict[int, int], words: str) -> list[Hit]:
    """Each thing as its report, decision, agenda item or meeting (or else its best page),
    with its best page and its other matching rows under it."""
    shown = {}
    for key in keys:
        members = groups[key]
        rows = sorted(
            (member for member in members if member[0] != "page"),
            key=lambda member: HEAD_PREFERENCE.index(member[0]),
        )
        page = next((member for member in members if member[0] == "page"), None)
        shown[key] = (rows[: 1 + RELATED_SHOWN], page)
    loaded = hydrate([row for rows, page in shown.values() for row in [*rows, page] if row], words)
    hits = []
    for key, (rows, page) in shown.items():
        found = [loaded[row] for row in rows if row in loaded]
        page_hit = loaded.get(page) if page else None
        head = found[0] if found else page_hit
        if head is None:
            continue  # deleted since it was indexed
        head.group = group_token(key)
        head.related = found[1:]
        head.page = page_hit if head is not page_hit else None
        head.more_pages = pages.get(key, 0) - (1 if page_hit else 0)
        hits.append(head)
    return hits


# -- "no results" help ------------------------------------------------------------------------


def suggestions(index, searcher, words: str, filters: Filters, body_ids) -> list[str]:
    """Queries that would find something: spelling closer to the archive's words, fewer terms.

    One statement for the spelling, whatever the query; the candidates are tried on the index.
    """
    corrections = closest_words(words.split())
    corrected = " ".join(corrections.get(term, term) for term in words.split())
    candidates = [corrected] if corrected.lower() != words.lower() else []
    for query in dict.fromkeys([corrected, words]):
        terms = query.split()
        if len(terms) > 1:
            candidates += [" ".join(terms[:i] + terms[i + 1 :]) for i in range(len(terms))]
    candidates = list(dict.fromkeys(candidates))[:MAX_SUGGESTION_QUERIES]
    return [
        candidate
        for candidate in candidates
        if searcher.search(shown_query(index, candidate, filters, body_ids), 1).count
    ][:4]
