"""The archive's vocabulary, for "did you mean" spelling suggestions.

`SearchWord` holds every word of the public pages imported (no word of a withheld one), with
how many documents use it; a query's unknown word is replaced by the closest known word of
similar length.
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


def _public_words(document_id: int) -> str:
    """The statement ts_stat() reads a document's public words from."""
    return (
        "SELECT to_tsvector('simple', text) FROM meetings_page "
        f"WHERE document_id = {int(document_id)} AND NOT restricted"
    )


def record_words(document_id: int) -> None:
    """Add a document's public words to the vocabulary used for spelling suggestions."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO meetings_searchword (word, documents) "
            "SELECT word, 1 FROM ts_stat(%s) WHERE word ~ '^[a-z]{3,30}$' "
            "ON CONFLICT (word) DO UPDATE SET documents = meetings_searchword.documents + 1",
            [_public_words(document_id)],
        )


def forget_words(document_id: int) -> None:
    """Take a document's public words out of the vocabulary (before its pages change which
    are public, after which record_words counts them again); a word no document uses goes."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE meetings_searchword w SET documents = w.documents - 1 "
            "FROM ts_stat(%s) s WHERE w.word = s.word",
            [_public_words(document_id)],
        )
        cursor.execute("DELETE FROM meetings_searchword WHERE documents <= 0")
