"""The tantivy index behind search: its schema, where it lives, and opening it.

One index directory under SEARCH_INDEX_DIR, named by the schema's version, so a
deployment whose code changes the schema starts a new index beside the old one: the first
write (the worker's next run, an import, `manage.py rebuild_search_index`) finds none of its
version and builds it whole from PostgreSQL, then removes the old one. Each searchable row of
PostgreSQL is one index document; PostgreSQL stays the source of truth (see indexing.py).
"""

import datetime
import threading
from pathlib import Path

import tantivy
from django.conf import settings

SCHEMA_VERSION = 3  # 2: numbers (`ref`), outcomes, minutes without a resolution; 3: their outcomes
# The text fields, each with its boost: a match in a title or a resolution outranks a
# passing mention, and a page of a long pack ranks below the decision it led to.
TEXT_FIELDS = {"title": 3.0, "summary": 1.5, "text": 1.0, "page": 0.4}
# Facts of a record, not its text: a decision's outcome in words ("motion carried passed",
# "unanimous"), and a record's numbers ("minute 88", "r2024-174", one term each). A match
# scores a fixed amount, whatever the archive's size (BM25 would score a field most
# documents lack by how few have it): a record's own number outranks every mention of it,
# and an outcome counts as much as a word of a title.
REF_FIELD = "ref"
OUTCOME_FIELD = "outcome"
FACT_SCORES = {REF_FIELD: 1000.0, OUTCOME_FIELD: 5.0}
# A withheld page, a restricted or exempt report, or the decision of a withheld minute has its
# text in these fields instead ("private_page"): a public search never asks them, so it needs no
# filter to leave it out.
PRIVATE = "private_"
# What each index document is, as the integer in its `kind` field.
KIND_CODES = {"decision": 1, "report": 2, "item": 3, "meeting": 4, "page": 5, "minute": 6}
KIND_NAMES = {code: name for name, code in KIND_CODES.items()}
# The "thing" a document belongs to, for one result per thing: `group` is code << 40 | id.
GROUP_CODES = {"meeting": 1, "item": 2, "report": 3, "decision": 4, "document": 5, "minute": 6}
GROUP_NAMES = {code: name for name, code in GROUP_CODES.items()}
GROUP_SHIFT = 40
# Integer fields: all indexed (to filter and delete by), most fast (to sort, count, read).
FAST_FIELDS = ("kind", "id", "group", "council", "body", "year", "day", "key", "facet")
ANALYZER = "archive_english"
EPOCH = datetime.date(1970, 1, 1)


def day_number(date: datetime.date) -> int:
    """A date as the `day` field holds it: days since 1970."""
    return (date - EPOCH).days


def term(name: str, value: int) -> tantivy.Query:
    """The documents whose integer field `name` holds `value`."""
    return tantivy.Query.term_query(SCHEMA, name, value)


# Which text fields hold each kind of row's words: a page's are in "page" alone, every other
# row's in the rest. A search asks all of them; asking one side lists that side's rows only.
PAGE_FIELDS = ("page",)
ROW_FIELDS = ("title", "summary", "text")


def text_fields(public_only: bool, names=TEXT_FIELDS) -> dict[str, float]:
    """The fields a search asks, with their boosts, of the names given."""
    fields = {name: TEXT_FIELDS[name] for name in names}
    if public_only:
        return fields
    return fields | {PRIVATE + name: boost for name, boost in fields.items()}


def group_key(kind: str, pk: int) -> int:
    return GROUP_CODES[kind] << GROUP_SHIFT | pk


def facet_key(kind: int, body: int, year: int) -> int:
    """Kind, body and year in one integer: the facets are one terms aggregation, not three."""
    return kind << 40 | body << 16 | year


def split_facet_key(key: int) -> tuple[int, int, int]:
    return key >> 40, key >> 16 & ((1 << 24) - 1), key & 0xFFFF


def group_token(key: int) -> str:
    """'report-12': a group as it appears in a search address."""
    return f"{GROUP_NAMES[key >> GROUP_SHIFT]}-{key & ((1 << GROUP_SHIFT) - 1)}"


def parse_group_token(token: str) -> int | None:
    kind, _, number = token.partition("-")
    if kind not in GROUP_CODES or not number.isdecimal() or len(number) > 12:
        return None
    return group_key(kind, int(number))


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name=ANALYZER)
        builder.add_text_field(PRIVATE + name, tokenizer_name=ANALYZER)
    builder.add_text_field(OUTCOME_FIELD, tokenizer_name=ANALYZER)
    builder.add_text_field(REF_FIELD, tokenizer_name="raw")
    for name in FAST_FIELDS:
        builder.add_integer_field(name, indexed=True, fast=True)
    builder.add_integer_field("unit", indexed=True)  # what is deleted and re-added together
    return builder.build()


SCHEMA = build_schema()


def analyzer() -> tantivy.TextAnalyzer:
    """Words as PostgreSQL's `english` configuration sees them: folded, stop words out, stemmed."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stopword("english"))
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def index_path() -> Path:
    return Path(settings.SEARCH_INDEX_DIR) / f"v{SCHEMA_VERSION}"


def exists() -> bool:
    return (index_path() / "meta.json").exists()


def open_index() -> tantivy.Index:
    """The index at index_path(), created empty if there is none yet (only a writer may)."""
    path = index_path()
    path.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(SCHEMA, path=str(path), reuse=True)
    index.register_tokenizer(ANALYZER, analyzer())
    return index


def in_memory_index() -> tantivy.Index:
    index = tantivy.Index(SCHEMA)
    index.register_tokenizer(ANALYZER, analyzer())
    return index


def old_versions() -> list[Path]:
    """Index directories other versions of the code made."""
    current = index_path()
    return [path for path in current.parent.glob("v*") if path.is_dir() and path != current]


class Reader:
    """A process's view of the index, reloaded when another process commits to it.

    Until the index of this version is built it answers from an empty one, and makes none:
    the first writer then knows to build it whole (indexing.apply_pending)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._path = None
        self._index = None
        self._seen = None
        self._empty = None

    def searcher(self) -> tuple[tantivy.Index, tantivy.Searcher]:
        with self._lock:
            path = index_path()
            stamp = _meta_stamp(path)
            if stamp is None:
                self._index = None
                self._empty = self._empty or in_memory_index()
                return self._empty, self._empty.searcher()
            if self._path != path or self._index is None:
                self._index, self._path, self._seen = open_index(), path, None
            if stamp != self._seen:
                self._index.reload()
                self._seen = stamp
            return self._index, self._index.searcher()


def _meta_stamp(path: Path):
    try:
        status = (path / "meta.json").stat()
    except FileNotFoundError:
        return None
    return status.st_mtime_ns, status.st_size


READER = Reader()
