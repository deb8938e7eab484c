"""What people type, in PostgreSQL's websearch syntax, as a tantivy query.

Words are ANDed, `OR` joins the terms either side, `"…"` is a phrase and a leading `-`
leaves a term out, as `websearch_to_tsquery` reads them. Only runs of letters and digits
reach tantivy's parser, lowercased, so no input can be read as its syntax (fields,
ranges, boosts, regular expressions); a term of several runs (`24/00096`) is a phrase.
"""

import re

_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_WORD = re.compile(r"[^\W_]+")


def tantivy_syntax(text: str) -> str:
    """`budget "council tax" OR precept -parking` as `+(budget) +("council tax" OR precept)
    -(parking)`; empty when no term would match anything."""
    required: list[list[str]] = []
    excluded: list[str] = []
    join_next = False
    for match in _TERM.finditer(text):
        negated = bool(match[1] or match[3])
        raw = match[2] if match[2] is not None else match[4]
        if match[4] is not None and not negated and raw.lower() == "or":
            join_next = bool(required)
            continue
        words = [word.lower() for word in _WORD.findall(raw)]
        if not words:
            continue
        term = words[0] if len(words) == 1 else '"' + " ".join(words) + '"'
        if negated:
            excluded.append(term)
        elif join_next:
            required[-1].append(term)
        else:
            required.append([term])
        join_next = False
    if not required:
        return ""
    clauses = [f"+({' OR '.join(terms)})" for terms in required]
    clauses += [f"-({term})" for term in excluded]
    return " ".join(clauses)
