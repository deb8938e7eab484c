"""All of the archive's full-text search, in one place.

An embedded tantivy index (engine.py) answers the query: BM25 ranking with field
boosts, exact counts and facets over every match. PostgreSQL is the source of truth:
triggers record each change in an outbox table in the same transaction, and
indexing.py applies the outbox to the index after commit (and rebuilds it). The rows
shown are read back from PostgreSQL, their snippets marked as the index reads words. The
views, the API and the feeds call `search()` and nothing else here.
"""

from meetings.search.hits import KINDS, Hit
from meetings.search.searching import (
    MAX_QUERY_TERMS,
    SEARCH_SLOTS,
    SORTS,
    Filters,
    Results,
    SearchBusy,
    SearchTooBroad,
    query_was_shortened,
    search,
    tidy_query,
)
from meetings.search.snippets import highlight
from meetings.search.vocabulary import record_words

__all__ = [
    "KINDS",
    "MAX_QUERY_TERMS",
    "SEARCH_SLOTS",
    "SORTS",
    "Filters",
    "Hit",
    "Results",
    "SearchBusy",
    "SearchTooBroad",
    "highlight",
    "query_was_shortened",
    "record_words",
    "search",
    "tidy_query",
]
