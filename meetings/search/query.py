"""What people type, in PostgreSQL's websearch syntax, as terms of a tantivy query.

Words are ANDed, `OR` joins the terms either side, `"…"` is a phrase and a leading `-`
leaves a term out, as `websearch_to_tsquery` reads them. Only runs of letters and digits
reach tantivy's parser, lowercased, so no input can be read as its syntax (fields,
ranges, boosts, regular expressions); a term of several runs (`24/00096`) is a phrase.
A term of stop words alone ("the", "or not to be") is left out: the index holds no such
word, and tantivy refuses a query that requires none.

Numbers officers type are references too: a printed decision, minute, resolution or file
number (`21-324`, `R2024-174`, `24/00096`, `2017-0123`) and `minute 88`, `agenda item 4`
also match the record that carries that number (the index's `ref` field holds each
record's numbers as `ref_key` writes them; searching.py asks it).
"""

import re
from typing import NamedTuple

from meetings.search.engine import analyzer

_ANALYZER = analyzer()
# "minute 88", "agenda item 4", "item 12a", "minute R2024-174"
_NUMBER = r"#?[a-z]{0,3}\d[a-z0-9]*(?:[-/.][a-z0-9]+)*"
REFERENCE = re.compile(rf"\b(minute|agenda item|item)\s+({_NUMBER})\b", re.IGNORECASE)
# A number printed to name a record, typed alone: digits joined by - / or . ('21-324',
# '24/00096', '2017-0123'), or letters then digits ('R2024-174', 'A511'); not '88' or '2026'.
DISTINCTIVE = re.compile(
    r"^(?:[a-z]{0,3}\d+(?:[-/.][a-z0-9]+)+|[a-z]{1,3}\d{2,}[a-z]?)$", re.IGNORECASE
)
_TERM = re.compile(
    rf'(?P<quote_not>-?)"(?P<quoted>[^"]*)"?|(?P<reference>{REFERENCE.pattern})'
    r"|(?P<not>-?)(?P<raw>\S+)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
_EDGE_PUNCTUATION = ".,;:!?()[]{}'\"‘’“”"


class Term(NamedTuple):
    words: list[str]  # lowercased runs of letters and digits: the phrase the text must hold
    ref: str = ""  # the number a record carries, as the index's ref field holds it

    @property
    def syntax(self) -> str:
        """The term in tantivy's query syntax: a word, or a phrase of words."""
        return self.words[0] if len(self.words) == 1 else '"' + " ".join(self.words) + '"'


def ref_key(kind: str, number: str) -> str:
    """A record's number as the `ref` field holds it: ('minute', '88') -> 'minute 88';
    ('', 'R2024-174') -> 'r2024-174'; ('', '24/00096') -> '24-00096'."""
    key = re.sub(r"[/.]", "-", number.strip().lower().lstrip("#"))
    key = re.sub(r"[^a-z0-9-]", "", key)
    return f"{kind} {key}" if kind else key


def refs_of(kind: str, number: str, references: list[str] = ()) -> list[str]:
    """What a record is looked up by: its number under its kind ('minute 88'), the number
    alone when it is distinctive ('21-324'), and the references its title prints."""
    found = [ref_key(kind, number)] if number else []
    if number and DISTINCTIVE.match(number):
        found.append(ref_key("", number))
    found += [ref_key("", reference) for reference in references]
    return list(dict.fromkeys(found))


def has_searchable_words(text: str) -> bool:
    """Whether any term of the query is more than stop words."""
    return bool(terms(text)[0])


def wanted_words(text: str) -> list[str]:
    """The words of the terms a match must or may have: the ones a snippet marks."""
    required, _ = terms(text)
    return [word for group in required for term in group for word in term.words]


def terms(text: str) -> tuple[list[list[Term]], list[Term]]:
    """The required terms (each a list of alternatives joined by OR) and the excluded ones:
    `budget "council tax" OR precept -parking` is [[budget], ["council tax", precept]] and
    [parking]. No required term: nothing matches."""
    required: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for match in _TERM.finditer(text):
        negated = bool(match["quote_not"] or match["not"])
        if match["raw"] is not None and not negated and match["raw"].lower() == "or":
            join_next = bool(required)
            continue
        term = _term(match)
        if not term.ref and not any(_ANALYZER.analyze(word) for word in term.words):
            join_next = False  # "this OR that": nothing the index holds, on either side
            continue
        if negated:
            excluded.append(term)
        elif join_next:
            required[-1].append(term)
        else:
            required.append([term])
        join_next = False
    return required, excluded


def _term(match: re.Match) -> Term:
    """A term's words, and the number it looks up: a reference, or a distinctive number."""
    if match["reference"] is not None:
        reference = REFERENCE.match(match["reference"])
        kind = "minute" if reference[1].lower() == "minute" else "item"
        return Term(_words(match["reference"]), ref_key(kind, reference[2]))
    if match["quoted"] is not None:
        return Term(_words(match["quoted"]))
    raw = match["raw"].strip(_EDGE_PUNCTUATION)
    return Term(_words(raw), ref_key("", raw) if DISTINCTIVE.match(raw) else "")


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]
