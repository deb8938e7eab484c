"""What people type, in PostgreSQL's websearch syntax, as a tantivy query.

Words are ANDed, `OR` joins the terms either side, `"…"` is a phrase and a leading `-`
leaves a term out, as `websearch_to_tsquery` reads them. Only runs of letters and digits
reach tantivy's parser, lowercased, so no input can be read as its syntax (fields,
ranges, boosts, regular expressions); a term of several runs (`24/00096`) is a phrase.
A term of stop words alone ("the", "or not to be") is left out: the index holds no such
word, and tantivy refuses a query that requires none.
"""

import re

from meetings.search.engine import analyzer

_ANALYZER = analyzer()
_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_WORD = re.compile(r"[^\W_]+")


def tantivy_syntax(text: str) -> str:
    """`budget "council tax" OR precept -parking` as `+(budget) +("council tax" OR precept)
    -(parking)`; empty when no term would match anything."""
    required, excluded = _terms(text)
    if not required:
        return ""
    clauses = [f"+({' OR '.join(_term(words) for words in terms)})" for terms in required]
    clauses += [f"-({_term(words)})" for words in excluded]
    return " ".join(clauses)


def has_searchable_words(text: str) -> bool:
    """Whether any term of the query is more than stop words."""
    return bool(tantivy_syntax(text))


def wanted_words(text: str) -> list[str]:
    """The words of the terms a match must or may have: the ones a snippet marks."""
    required, _ = _terms(text)
    return [word for terms in required for words in terms for word in words]


def _term(words: list[str]) -> str:
    return words[0] if len(words) == 1 else '"' + " ".join(words) + '"'


def _terms(text: str) -> tuple[list[list[list[str]]], list[list[str]]]:
    """The required terms (each a list of alternatives joined by OR) and the excluded ones;
    a term is its list of words."""
    required: list[list[list[str]]] = []
    excluded: list[list[str]] = []
    join_next = False
    for match in _TERM.finditer(text):
        negated = bool(match[1] or match[3])
        raw = match[2] if match[2] is not None else match[4]
        if match[4] is not None and not negated and raw.lower() == "or":
            join_next = bool(required)
            continue
        words = [word.lower() for word in _WORD.findall(raw)]
        if not any(_ANALYZER.analyze(word) for word in words):
            join_next = False  # "this OR that": nothing the index holds, on either side
            continue
        if negated:
            excluded.append(words)
        elif join_next:
            required[-1].append(words)
        else:
            required.append([words])
        join_next = False
    return required, excluded
