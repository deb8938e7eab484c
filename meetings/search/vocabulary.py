"""The archive's vocabulary, for "did you mean" spelling suggestions.

`SearchWord` holds every word of the public pages imported, with how many documents use
it; a query's unknown word is replaced by the closest known word of similar length.
"""

import difflib

from django.db import connection
from django.db.models import Q
from django.db.models.functions import Length

from meetings.models import SearchWord

SPELLING_CANDIDATES = 5000  # known words compared with the query's unknown ones


def _bare(term: str) -> str:
    bare = term.strip('"-').lower()
    return bare if 4 <= len(bare) <= 30 and bare.isalpha() else ""


def closest_words(terms: list[str]) -> dict[str, str]:
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
