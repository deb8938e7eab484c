"""The numbered items of a meeting document, in whichever numbering its house style uses.

Councils number items as `1.`, `(1)`, `1.0`, `IV.`, `Item 5`, `19.03.4`, `19/042`, resolutions as
`R2024-170`, US file numbers as `(21-324)`, Legistar items as `1.A 21-0109`. Each is a
`Scheme`; the scheme whose numbers form the longest run in the document wins, so numbered
paragraphs and lists inside an item do not become items.
"""

import re
from dataclasses import dataclass

from meetings.ingest.lines import Line
from meetings.ingest.text import ITEM_SEPARATOR

MAX_STEP = 2


@dataclass(frozen=True)
class Scheme:
    name: str
    pattern: re.Pattern
    consecutive: bool  # numbers go up by one (the last part of the number)
    min_items: int
    counts_from_one: bool = False  # in an agenda; minutes may go on with the year's numbers
    roman: bool = False  # I, II, III, IV …


SCHEMES = [
    Scheme(
        "resolution",
        re.compile(r"^(?P<number>R?\d{2,4}-\d{1,4})(?![-\d])[\s:;,]*(?P<rest>.*)$"),
        consecutive=True,
        min_items=2,
    ),
    Scheme(
        "file number",
        re.compile(r"^\((?P<number>\d{2}-\d{2,5})\)\s+(?P<rest>\S.*)$"),
        consecutive=False,
        min_items=2,
    ),
    Scheme(
        "legistar",
        re.compile(
            r"^(?P<number>\d{1,2}\.[A-Z]|[A-Z]|\d{1,2})\s+(?P<file>\d{2}-\d{3,5})\b\s*(?P<rest>.*)$"
        ),
        consecutive=False,
        min_items=2,
    ),
    Scheme(
        "slashed",
        re.compile(r"^(?P<number>\d{2,4}/\d{1,4})\.?\s+(?P<rest>[A-Z‘'\"(].*)$"),
        consecutive=True,
        min_items=2,
    ),
    Scheme(
        "dotted",
        re.compile(r"^(?P<number>\d{1,4}\.\d{1,2}\.\d{1,3})\.?\s+(?P<rest>[A-Z‘'\"(].*)$"),
        consecutive=True,
        min_items=2,
    ),
    Scheme(
        "decimal",
        re.compile(r"^(?P<number>\d{1,2}\.\d{1,2})\.?\s+(?P<rest>[A-Z‘'\"(].*)$"),
        consecutive=True,
        min_items=3,
    ),
    Scheme(
        "item",
        re.compile(
            r"^Item\s*(?:No\.?|#)?\s*\(?(?P<number>\d{1,3}[a-z]?)\)?(?![\d/.-]\d)[.:)]?\s*[-–]?\s*"
            r"(?P<rest>.*)$",
            re.I,
        ),
        consecutive=True,
        min_items=2,
        counts_from_one=True,
    ),
    Scheme(
        "roman",
        re.compile(r"^(?P<number>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))\.\s+(?P<rest>[A-Z‘'\"(].*)$"),
        consecutive=True,
        min_items=3,
        counts_from_one=True,
        roman=True,
    ),
    Scheme(
        "letter",
        re.compile(r"^\*?(?P<number>[A-Z])[.)]\s+(?P<rest>[A-Z‘'\"(].*)$"),
        consecutive=True,
        min_items=3,
        counts_from_one=True,
    ),
    Scheme(
        "plain",
        re.compile(
            rf"^\(?(?P<number>\d{{1,3}})\)?(?:{ITEM_SEPARATOR}|,\s*)(?P<rest>[A-Z‘'\"(].*)$"
        ),
        consecutive=True,
        min_items=3,
        counts_from_one=True,
    ),
]


@dataclass
class NumberedLine:
    index: int  # into the document's lines
    number: str
    rest: str  # the line after the number
    file_number: str = ""


def numbered_items(
    lines: list[Line], start: int = 0, agenda: bool = False
) -> tuple[str, list[NumberedLine]]:
    """The scheme's name and the item lines of the longest run of any scheme, or ('', []).

    In an agenda, plain numbers and `Item N` count from 1.
    """
    best: tuple[str, list[NumberedLine]] = ("", [])
    for scheme in SCHEMES:
        found = [
            NumberedLine(index, match["number"], match["rest"].strip(), _file_number(match))
            for index in range(start, len(lines))
            if (match := scheme.pattern.match(lines[index].text))
        ]
        key = _roman_key if scheme.roman else _key
        if agenda and scheme.counts_from_one:
            found = found[
                next((i for i, x in enumerate(found) if key(x.number)[1] == 1), len(found)) :
            ]
        run = _longest_run(found, key) if scheme.consecutive else _distinct(found)
        if len(run) >= scheme.min_items and len(run) > len(best[1]):
            best = (scheme.name, run)
    return best


def _file_number(match: re.Match) -> str:
    return match.groupdict().get("file") or ""


def _key(number: str) -> tuple[str, int]:
    """'19/042' -> ('19/', 42); 'C' -> ('', 3); '7.2' -> ('7.', 2); '7.0' -> ('', 7)."""
    if match := re.fullmatch(r"(\d+)\.0", number):
        return "", int(match[1])
    if match := re.fullmatch(r"(.*?)(\d+)", number):
        return match[1], int(match[2])
    if re.fullmatch(r"[A-Z]", number):
        return "", ord(number) - ord("A") + 1
    return number, 0


ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman_key(number: str) -> tuple[str, int]:
    """'XIV' -> ('', 14)."""
    values = [ROMAN_VALUES[letter] for letter in number]
    total = sum(-v if v < after else v for v, after in zip(values, values[1:] + [0], strict=True))
    return "", total


def _longest_run(found: list[NumberedLine], key=_key) -> list[NumberedLine]:
    """The longest chain, in document order, of numbers that each go up by one (or two)."""
    best: list[NumberedLine] = []
    for first, start in enumerate(found):
        if best and len(found) - first <= len(best):
            break
        run = [start]
        for candidate in found[first + 1 :]:
            if _follows(run[-1].number, candidate.number, key):
                run.append(candidate)
        if len(run) > len(best):
            best = run
    return best


def _follows(last: str, number: str, key=_key) -> bool:
    """The next number, or the one after it: a number may be missing (withheld, misread).

    In a two-level numbering the next section may begin: 7.3 is followed by 8.1.
    """
    (last_prefix, last_part), (prefix, part) = key(last), key(number)
    if not part:
        return False
    if prefix == last_prefix:
        return 1 <= part - last_part <= MAX_STEP
    sections = _key(last_prefix.rstrip(".")), _key(prefix.rstrip("."))
    return part == 1 and sections[1][0] == sections[0][0] and sections[1][1] == sections[0][1] + 1


def _distinct(found: list[NumberedLine]) -> list[NumberedLine]:
    """Each number once, at its first appearance (a later mention repeats it)."""
    seen: set[str] = set()
    distinct = []
    for line in found:
        if line.number not in seen:
            seen.add(line.number)
            distinct.append(line)
    return distinct
