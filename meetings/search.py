"""All of the archive's full-text search, in one place.

PostgreSQL full-text search with one fixed configuration ("english") on both
sides: stored, weighted tsvector columns with GIN indexes (titles A, resolutions
and recommendations B, text C), `websearch_to_tsquery` for what people type,
`ts_rank_cd` for relevance and `ts_headline` for the rows shown only. The views
and the feeds call `search()` and nothing else here.
"""

import datetime
import difflib
import re
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import OperationalError, connection, transaction
from django.db.models import CharField, F, Q, Subquery, TextField, Value
from django.db.models.functions import Concat, Length
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meetings.models import (
    SEARCH_CONFIG,
    AgendaItem,
    Body,
    Council,
    Decision,
    Meeting,
    Minute,
    Page,
    Report,
    SearchWord,
)

KINDS = {
    "decision": "Decision",
    "report": "Report",
    "item": "Agenda item",
    "meeting": "Meeting",
    "page": "Document page",
}
SORTS = {"relevance": "Most relevant", "newest": "Newest first", "oldest": "Oldest first"}
# A match in a decision or a report outranks the same match on one page of a long pack.
KIND_BOOST = {"decision": 1.0, "report": 1.0, "item": 0.8, "meeting": 0.6, "page": 0.4}
RANK_NORMALISATION = 1  # divide by 1 + log(length): long pages do not win by length alone
PAGE_CANDIDATES = 5000  # document pages ranked per query; the count says "5000+" beyond it
MAX_QUERY_LENGTH = 200  # characters
MAX_QUERY_TERMS = 12  # words, quoted or not
MAX_SUGGESTION_QUERIES = 16  # "did you mean" queries tried, all in one statement
SPELLING_CANDIDATES = 5000  # known words compared with the query's unknown ones
_MARK_START, _MARK_STOP = "\ue000", "\ue001"
_REFERENCE = re.compile(r"\b(minute|agenda item|item)\s+(\d{1,4}[a-z]?)\b", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000\ue001]")


@dataclass
class Filters:
    kinds: list[str] = field(default_factory=list)
    council: Council | None = None
    body: str = ""  # a body's slug: that body of the council, or of every council
    year: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    key_decision: bool = False
    sort: str = "relevance"
    public_only: bool = True  # leave out restricted and exempt content (admins see it)

    def body_ids(self) -> list[int] | None:
        """The bodies the council and body filters allow; None when they allow every one."""
        if not (self.council or self.body):
            return None
        bodies = Body.objects.all()
        if self.council:
            bodies = bodies.filter(council=self.council)
        if self.body:
            bodies = bodies.filter(slug=self.body)
        return list(bodies.values_list("pk", flat=True))

    def allows(self, body: Body | None) -> tuple[bool, bool]:
        """Whether the council filter and the body filter each let `body`'s rows through."""
        if body is None:
            return not self.council, not self.body
        return (
            not self.council or body.council_id == self.council.pk,
            not self.body or body.slug == self.body,
        )


class SearchTooBroad(Exception):
    """The search hit the statement timeout: the person should narrow it."""


class SearchBusy(Exception):
    """Every search slot of this process stayed taken: the person should try again shortly."""


# At most SEARCH_CONCURRENCY searches run at once in a process, so page views never wait
# for the CPU behind a flood of searches; a search waits this long for a slot.
SLOT_WAIT_SECONDS = 0.5
SEARCH_SLOTS = threading.BoundedSemaphore(settings.SEARCH_CONCURRENCY)
QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement over its timeout


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    body: str = ""
    date: datetime.date | None = None
    snippet: SafeString = mark_safe("")
    detail: str = ""
    key_decision: bool = False
    council: str = ""

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


@dataclass
class Results:
    query: str
    hits: list[Hit]
    total: int
    capped: bool
    kind_counts: dict[str, int]
    body_counts: list[tuple[Body, int]]
    council_counts: list[tuple[Council, int]]
    year_counts: list[tuple[int, int]]
    references: list[Hit] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


def tidy_query(text: str) -> str:
    """The query as typed, without control characters, cut to the first terms that fit."""
    terms = _CONTROL.sub(" ", text or "").split()
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
    return tidy_query(text) != " ".join(_CONTROL.sub(" ", text or "").split())


def search(text: str, filters: Filters, offset: int = 0, limit: int = 20) -> Results:
    """Ranked results, facets and help, each statement bounded by the search timeout."""
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
    text = tidy_query(text)
    references = reference_hits(text)
    words = _REFERENCE.sub(" ", text).strip() if references else text
    if not words:
        return Results(text, [], 0, False, {}, [], [], [], references=references)
    query = SearchQuery(words, search_type="websearch", config=SEARCH_CONFIG)
    shown, facet_rows = _run(query, filters, offset, limit)
    kind_counts, body_counts, council_counts, year_counts = _facets(facet_rows, filters)
    kinds = filters.kinds or list(KINDS)
    results = Results(
        query=text,
        hits=_hydrate(shown, query),
        total=sum(count for kind, count in kind_counts.items() if kind in kinds),
        capped=kind_counts.get("page", 0) >= PAGE_CANDIDATES,
        kind_counts=kind_counts,
        body_counts=body_counts,
        council_counts=council_counts,
        year_counts=year_counts,
        references=references,
    )
    if not results.total and not references:
        results.suggestions = suggestions(words, filters)
    return results


# -- candidate rows, one queryset per kind, with the same columns ---------------------------

MODELS = {
    "decision": Decision,
    "report": Report,
    "item": AgendaItem,
    "meeting": Meeting,
    "page": Page,
}
MEETING_PATH = {
    "decision": "minute__meeting__",
    "report": "meeting__",
    "item": "meeting__",
    "meeting": "",
    "page": "document__meeting__",
}


def _annotated(kind: str):
    """The kind's rows with the columns every kind shares: date, body and key decision."""
    meeting = MEETING_PATH[kind]
    key = F("key_decision") if kind in ("decision", "report", "item") else Value(False)
    return MODELS[kind].objects.annotate(
        hit_date=F(f"{meeting}date"), hit_body=F(f"{meeting}body_id"), hit_key=key
    )


def _matching(kind: str, query: SearchQuery, filters: Filters):
    """The kind's rows that match the query and the filters, and that the reader may see."""
    queryset = _apply(_annotated(kind).filter(search_vector=query), filters)
    if filters.public_only and kind == "page":
        queryset = queryset.filter(restricted=False)
    if filters.public_only and kind == "report":
        queryset = queryset.filter(restricted=False, exempt=False)
    return queryset


def _candidates(kind: str, query: SearchQuery, filters: Filters):
    queryset = _matching(kind, query, filters)
    if kind == "page":
        first_matches = queryset.order_by().values("pk")[:PAGE_CANDIDATES]
        queryset = _annotated("page").filter(pk__in=Subquery(first_matches))
    rank = SearchRank(
        F("search_vector"), query, cover_density=True, normalization=RANK_NORMALISATION
    )
    queryset = queryset.annotate(
        hit_kind=Value(kind, output_field=CharField()),
        hit_id=F("pk"),
        hit_rank=rank * Value(KIND_BOOST[kind]),
    )
    return queryset.values(
        "hit_kind", "hit_id", "hit_rank", "hit_date", "hit_body", "hit_key"
    ).order_by()


def _apply(queryset, filters: Filters):
    if (body_ids := filters.body_ids()) is not None:
        queryset = queryset.filter(hit_body__in=body_ids)
    if filters.year:
        queryset = queryset.filter(hit_date__year=filters.year)
    if filters.date_from:
        queryset = queryset.filter(hit_date__gte=filters.date_from)
    if filters.date_to:
        queryset = queryset.filter(hit_date__lte=filters.date_to)
    if filters.key_decision:
        queryset = queryset.filter(hit_key=True)
    return queryset


ORDER = {
    "relevance": "hit_rank DESC, hit_date DESC NULLS LAST",
    "newest": "hit_date DESC NULLS LAST, hit_rank DESC",
    "oldest": "hit_date ASC NULLS LAST, hit_rank DESC",
}


def _run(query: SearchQuery, filters: Filters, offset: int, limit: int):
    """The rows to show and the facet counts, from one pass over the ranked candidates.

    The candidates of every kind are ranked once, with the date and key-decision filters
    only; the type, body and year filters pick the rows shown from them, and the facets
    count them all, so each facet can be counted with the other facets' filters.
    """
    unfaceted = Filters(
        date_from=filters.date_from,
        date_to=filters.date_to,
        key_decision=filters.key_decision,
        public_only=filters.public_only,
    )
    candidates = [_candidates(kind, query, unfaceted) for kind in KINDS]
    sql, params = candidates[0].union(*candidates[1:], all=True).query.sql_with_params()
    where, where_params = ["TRUE"], []
    if filters.kinds:
        where.append("hit_kind = ANY(%s)")
        where_params.append(list(filters.kinds))
    if (body_ids := filters.body_ids()) is not None:
        where.append("hit_body = ANY(%s)")
        where_params.append(body_ids)
    if filters.year:
        where.append("EXTRACT(YEAR FROM hit_date) = %s")
        where_params.append(filters.year)
    order = f"{ORDER[filters.sort]}, hit_kind, hit_id"
    statement = f"""
        WITH hits AS MATERIALIZED ({sql})
        SELECT 'shown', hit_kind, hit_id, row_number() OVER (ORDER BY {order}), NULL
          FROM (SELECT * FROM hits WHERE {" AND ".join(where)}
                ORDER BY {order} LIMIT %s OFFSET %s) AS shown
        UNION ALL
        SELECT 'facet', hit_kind, hit_body, EXTRACT(YEAR FROM hit_date)::int, count(*)
          FROM hits GROUP BY 2, 3, 4"""
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, *where_params, limit, offset])
        rows = cursor.fetchall()
    shown = sorted((row for row in rows if row[0] == "shown"), key=lambda row: row[3])
    return [(kind, pk) for _, kind, pk, _, _ in shown], [
        row[1:] for row in rows if row[0] == "facet"
    ]


def _facets(rows, filters: Filters):
    """Counts for each facet, each with the other facets' filters applied."""
    bodies = Body.objects.select_related("council").in_bulk({row[1] for row in rows} - {None})
    kinds, by_body, by_council, years = {}, {}, {}, {}
    for kind, body_id, year, count in rows:
        body = bodies.get(body_id)
        council_ok, slug_ok = filters.allows(body)
        kind_ok = not filters.kinds or kind in filters.kinds
        year_ok = filters.year is None or year == filters.year
        if council_ok and slug_ok and year_ok:
            kinds[kind] = kinds.get(kind, 0) + count
        if kind_ok and year_ok and council_ok and body is not None:
            by_body[body] = by_body.get(body, 0) + count
        if kind_ok and year_ok and slug_ok and body is not None:
            by_council[body.council] = by_council.get(body.council, 0) + count
        if kind_ok and council_ok and slug_ok and year is not None:
            years[year] = years.get(year, 0) + count
    return (
        kinds,
        _by_count(by_body),
        _by_count(by_council),
        sorted(years.items(), reverse=True),
    )


def _by_count(counts: dict) -> list[tuple]:
    return sorted(counts.items(), key=lambda pair: (-pair[1], str(pair[0])))


# -- the rows shown: titles, links and highlighted snippets -----------------------------------


def _joined(*fields: str):
    """Fields joined by '. ' as one text expression, for a headline across them."""
    if len(fields) == 1:
        return F(fields[0])
    parts = []
    for name in fields:
        parts += [F(name), Value(". ")]
    return Concat(*parts[:-1], output_field=TextField())


def _headline(expression, query):
    return SearchHeadline(
        expression,
        query,
        config=SEARCH_CONFIG,
        start_sel=_MARK_START,
        stop_sel=_MARK_STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def _hydrate(rows: list[tuple[str, int]], query: SearchQuery) -> list[Hit]:
    wanted: dict[str, list[int]] = {}
    for kind, pk in rows:
        wanted.setdefault(kind, []).append(pk)
    loaded = {kind: _load(kind, ids, query) for kind, ids in wanted.items()}
    return [loaded[kind][pk] for kind, pk in rows]


# For each kind: what to select with it, the fields its snippet comes from, and how to
# describe a row as (title, meeting, detail, key decision).
HIT_SOURCES = {
    "decision": (
        "minute__meeting__body__council",
        ("title", "resolved"),
        lambda row: (
            row.title,
            row.minute.meeting,
            f"minute {row.minute.number}",
            row.key_decision,
        ),
    ),
    "report": (
        "meeting__body__council",
        ("title", "purpose", "recommendations"),
        lambda row: (
            row.title,
            row.meeting,
            f"agenda item {row.agenda_item_number}" if row.agenda_item_number else "",
            row.key_decision,
        ),
    ),
    "item": (
        "meeting__body__council",
        ("title", "note"),
        lambda row: (row.title, row.meeting, f"agenda item {row.number}", row.key_decision),
    ),
    "meeting": ("body__council", ("title", "location"), lambda row: (row.title, row, "", False)),
    "page": (
        "document__meeting__body__council",
        ("text",),
        lambda row: (
            f"{row.report_title or row.document.title}, {row.label}",
            row.document.meeting,
            f"page {row.number} of {row.document.page_count} in the file",
            False,
        ),
    ),
}


def _load(kind: str, ids: list[int], query: SearchQuery) -> dict[int, Hit]:
    related, fields, describe = HIT_SOURCES[kind]
    rows = MODELS[kind].objects.filter(pk__in=ids).select_related(related)
    long_text = [name for name in fields if name != "title"]
    rows = list(rows.annotate(snippet=_headline(_joined(*fields), query)).defer(*long_text))
    if kind == "page":
        _name_pages_by_report(rows)
    hits = {}
    for row in rows:
        title, meeting, detail, key_decision = describe(row)
        hits[row.pk] = Hit(
            kind,
            title,
            row.get_absolute_url(),
            meeting.body.name if meeting else "",
            meeting.date if meeting else None,
            highlight(row.snippet),
            detail,
            key_decision,
            meeting.body.council.name if meeting else "",
        )
    return hits


def _name_pages_by_report(pages: list[Page]) -> None:
    """Give each page the title of the report it belongs to, if it is inside one."""
    reports = list(
        Report.objects.filter(
            document_id__in={page.document_id for page in pages}, first_page__isnull=False
        ).values_list("document_id", "first_page", "last_page", "title")
    )
    for page in pages:
        page.report_title = next(
            (title for doc, first, last, title in reports
             if doc == page.document_id and first <= page.number <= last),
            "",
        )  # fmt: skip


def highlight(snippet: str | None) -> SafeString:
    """The snippet HTML-escaped, with only the matched words wrapped in <mark>."""
    escaped = escape(snippet or "")
    return mark_safe(escaped.replace(_MARK_START, "<mark>").replace(_MARK_STOP, "</mark>"))


# -- reference lookups: "minute 88", "agenda item 4" --------------------------------------------


def reference_hits(text: str, limit: int = 10) -> list[Hit]:
    hits = []
    for match in _REFERENCE.finditer(text):
        number = match[2]
        if match[1].lower() == "minute":
            rows = Minute.objects.filter(number=number)
            kind, label = "decision", "minute"
        else:
            rows = AgendaItem.objects.filter(number=number)
            kind, label = "item", "agenda item"
        for row in rows.select_related("meeting__body__council").order_by("-meeting__date")[:limit]:
            meeting = row.meeting
            hits.append(
                Hit(kind, row.title, row.get_absolute_url(), meeting.body.name, meeting.date,
                    detail=f"{label} {row.number}", council=meeting.body.council.name)
            )  # fmt: skip
    return hits[:limit]


# -- "no results" help ------------------------------------------------------------------------


def suggestions(words: str, filters: Filters) -> list[str]:
    """Queries that would find something: spelling closer to the archive's words, fewer terms.

    Two statements whatever the query: one for the spelling, one to try every candidate.
    """
    corrections = _closest_words(words.split())
    corrected = " ".join(corrections.get(term, term) for term in words.split())
    candidates = [corrected] if corrected.lower() != words.lower() else []
    for query in dict.fromkeys([corrected, words]):
        terms = query.split()
        if len(terms) > 1:
            candidates += [" ".join(terms[:i] + terms[i + 1 :]) for i in range(len(terms))]
    candidates = list(dict.fromkeys(candidates))[:MAX_SUGGESTION_QUERIES]
    return _with_results(candidates, filters)[:4]


def _with_results(candidates: list[str], filters: Filters) -> list[str]:
    """The candidate queries that find something, in their order, from one statement."""
    probes = [
        _matching(kind, SearchQuery(words, search_type="websearch", config=SEARCH_CONFIG), filters)
        .annotate(candidate=Value(index))
        .values("candidate")[:1]
        for index, words in enumerate(candidates)
        for kind in filters.kinds or KINDS
    ]
    if not probes:
        return []
    found = {row["candidate"] for row in probes[0].union(*probes[1:], all=True)}
    return [words for index, words in enumerate(candidates) if index in found]


def _bare(term: str) -> str:
    bare = term.strip('"-').lower()
    return bare if 4 <= len(bare) <= 30 and bare.isalpha() else ""


def _closest_words(terms: list[str]) -> dict[str, str]:
    """For each term the archive does not know, the known word it is most likely a typo of."""
    bare = {term: word for term in terms if (word := _bare(term))}
    if not bare:
        return {}
    nearby = Q()
    for word in set(bare.values()):
        nearby |= Q(word=word) | Q(
            word__startswith=word[0], length__range=(len(word) - 2, len(word) + 2)
        )
    known = dict(
        SearchWord.objects.annotate(length=Length("word"))
        .filter(nearby)
        .order_by("-documents")
        .values_list("word", "documents")[:SPELLING_CANDIDATES]
    )
    corrections = {}
    for term, word in bare.items():
        if word in known:
            continue
        close = difflib.get_close_matches(
            word, [w for w in known if w[0] == word[0]], n=5, cutoff=0.75
        )
        if close:
            corrections[term] = max(
                close,
                key=lambda w: (difflib.SequenceMatcher(None, word, w).ratio(), known[w]),
            )
    return corrections


def record_words(document_id: int) -> None:
    """Add a document's words to the vocabulary used for spelling suggestions."""
    inner = (
        "SELECT to_tsvector('simple', text) FROM meetings_page "
        f"WHERE document_id = {int(document_id)} AND NOT restricted"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO meetings_searchword (word, documents) "
            "SELECT word, 1 FROM ts_stat(%s) WHERE word ~ '^[a-z]{3,30}$' "
            "ON CONFLICT (word) DO UPDATE SET documents = meetings_searchword.documents + 1",
            [inner],
        )
