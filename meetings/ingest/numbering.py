"""The numbered items of a meeting document, in whichever numbering its house style uses.

Councils number items as `1.`, `(1)`, `1.0`, `IV.`, `Item 5`, `19.03.4`, `19/042`, resolutions as
`R2024-170`, US file numbers as `(21-324)`, Legistar items as `1.A 21-0109`. Each is a
`Scheme`; the scheme whose numbers form the longest run in the document wins, so numbered
paragraphs and lists inside an item do not become items.
"""

import re
from dataclasses import dataclass, replace

from meetings.ingest.lines import Line, apart
from meetings.ingest.text import ITEM_SEPARATOR, TITLE_WRAP_WORDS, find_any_date, find_time

MAX_STEP = 2


@dataclass(frozen=True)
class Scheme:
    name: str
    pattern: re.Pattern
    consecutive: bool  # numbers go up by one (the last part of the number)
    min_items: int
    counts_from_one: bool = False  # in an agenda; minutes may go on with the year's numbers
    roman: bool = False  # I, II, III, IV …
    per_prefix: bool = False  # each prefix ("C.2014.", "CON-2014.") counts on its own


SCHEMES = [
    Scheme(
        "resolution",
        # "R2024-170 D. Yemm, S. Kirkey:": a mover's name or the motion follows the number;
        # not only more numbers ("02-64, HR-02-65, HR-": a list of them)
        re.compile(
            r"^(?P<number>R?\d{2,4}-\d{1,4})(?![-\d])[\s:;,]*"
            r"(?P<rest>(?:(?!(?:[A-Z]{1,6}-[\d-]*[\s,.;]*)+$)[A-Z‘'\"(].*)?)$"
        ),
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
        # "24-0871 Approval of the minutes …": a file's number then its title, the numbers
        # as the clerk's system gave them, not counting up
        "bare file number",
        re.compile(r"^(?P<number>\d{2}-\d{3,5})\s+(?P<rest>[A-Z‘'\"(].*)$"),
        consecutive=False,
        min_items=2,
    ),
    Scheme(
        "legistar",
        re.compile(
            # OCR reads a letter as a digit now and then ("1.0 21-0194" for 1.C): see _letters
            r"^(?P<number>\d{1,2}\.[A-Z0158]|[A-Z]|\d{1,2})\s+(?P<file>\d{2}-\d{3,5})\b\s*"
            r"(?P<rest>.*)$"
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
        "code",
        re.compile(
            r"^(?P<number>(?:[A-Z]{1,6}(?:\s?[.-]\s?|\s)){1,2}\d{4}[.-]\s?\d{1,3})\.?(?:\s*[:–-])?\s+"
            r"(?P<rest>[A-Z‘'\"(].*)$"
        ),
        consecutive=True,
        min_items=2,
        per_prefix=True,
    ),
    Scheme(
        "dotted",
        re.compile(
            r"^(?P<number>\d{1,4}\.\d{1,2}\.\d{1,3}|\d{1,2}-\d{1,2}-\d{1,3})\.?(?:\s*[:–-]\s*|\s+)"
            r"(?P<rest>[A-Z‘'\"(].*)$"
        ),
        consecutive=True,
        min_items=2,
    ),
    Scheme(
        "decimal",
        re.compile(
            r"^(?P<number>\d{1,2}\.\d{1,2}|\d{1,2}-\d{1,2}(?=\s*[:–]))\.?(?:\s*[:–-]\s*|\s+)"
            r"(?P<rest>[A-Z‘'\"(].*)$"
        ),
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
    parent: str = ""  # the item a lettered sub-item is printed under ("6" for "A." under "6.")


# A numbered motion, or a numbered clause of one, is not an item.
MOTION = re.compile(
    r"^(?:(?:Moved|Proposed|Motion)(?:\s+by\b|\s*:)|It was moved|Seconded|That\s)", re.IGNORECASE
)
# The levels an outline may have above a scheme's numbers.
PARENTS = {
    "plain": ("roman", "letter"),
    "item": ("roman", "letter"),
    "letter": ("roman",),
    "decimal": ("plain",),
    "dotted": ("decimal",),
}
CHILDREN = {"plain": ("decimal",), "item": ("decimal",), "decimal": ("dotted",)}


def numbered_items(
    lines: list[Line], start: int = 0, agenda: bool = False
) -> tuple[str, list[NumberedLine]]:
    """The scheme's name and the item lines of the longest run of any scheme, with the rest
    of its outline (see above), in printed order; or ('', []).

    In an agenda, plain numbers and `Item N` count from 1.
    """
    found = {scheme.name: _found(scheme, lines, start, agenda) for scheme in SCHEMES}
    best, run, longest = None, [], 0
    for scheme in SCHEMES:  # the scheme with the longest run wins, as one level counts
        this = _run(scheme, found[scheme.name], lines)
        if len(this) >= scheme.min_items and len(this) > longest:
            best, longest = scheme, len(this)
    if best:
        longest_run = _run(best, found[best.name], lines)
        run = _run_with_restarts(found[best.name], _key_of(best), lines, longest_run)
    else:  # "NEW BUSINESS" / "1." … "OLD BUSINESS" / "1.": too few to count but for the outline
        for scheme in (s for s in SCHEMES if s.consecutive and not s.per_prefix):
            this = _run_with_restarts(found[scheme.name], _key_of(scheme), lines, [])
            if len(this) >= 2 and len(this) > len(run):
                best, run = scheme, this
    if not best:
        return "", []
    outline = run + _parents(best, run, found, lines) + _children(best.name, run, found)
    if best.name in LETTERED_UNDER:
        taken = {line.index for line in outline}
        outline += _lettered(run, [x for x in found["letter"] if x.index not in taken])
    return best.name, sorted(outline, key=lambda line: line.index)


def _found(scheme: Scheme, lines: list[Line], start: int, agenda: bool) -> list[NumberedLine]:
    found = [
        NumberedLine(index, _printed(match["number"]), match["rest"].strip(), _file_number(match))
        for index in range(start, len(lines))
        if (match := scheme.pattern.match(_as_read(scheme, lines[index])))
        and not MOTION.match(match["rest"])
    ]
    if agenda and scheme.counts_from_one:
        key = _key_of(scheme)
        found = found[next((i for i, x in enumerate(found) if key(x.number)[1] == 1), len(found)) :]
    return found


def _as_read(scheme: Scheme, line: Line) -> str:
    return _roman_as_printed(line) if scheme.roman else line.text


def _roman_as_printed(line: Line) -> str:
    """The line's text, its Roman number as printed where OCR read I as 1, l or |: 'Il.'."""
    if line.style and line.style.read_by_ocr:
        return re.sub(r"^[Il1|VX]+(?=\.\s)", lambda m: re.sub(r"[l1|]", "I", m[0]), line.text)
    return line.text


def _printed(number: str) -> str:
    """The number as printed, without the spaces a line's justification put into it; a
    prefix's space before its digits stays ("PC 2031-01")."""
    kept = re.sub(r"(?<=[A-Z])\s+(?=\d)", "\0", number)
    return re.sub(r"\s+", "", kept).replace("\0", " ")


def _key_of(scheme: Scheme):
    return _roman_key if scheme.roman else _key


def _run(scheme: Scheme, found: list[NumberedLine], lines: list[Line]) -> list[NumberedLine]:
    """The scheme's items: the longest run of its numbers in one column, or each number once."""
    if scheme.name == "legistar":
        return _distinct(_letters(found))
    if scheme.consecutive and not scheme.per_prefix:
        # one column's run where it is as long: a section's number in the margin beside it
        # ('I.' read as '1.') is not the run's; a first item indented a little is
        longest = _longest_run(found, _key_of(scheme))
        runs = [_longest_run(column, _key_of(scheme)) for column in _columns(found, lines)]
        in_a_column = max(runs, key=len, default=[])
        return in_a_column if len(in_a_column) >= len(longest) else longest
    return _distinct(found)


def _columns(found: list[NumberedLine], lines: list[Line]) -> list[list[NumberedLine]]:
    """The numbered lines in the columns their numbers stand in; all in one where a line's
    place is not known (a text file)."""
    if not all(lines[line.index].style for line in found):
        return [found]
    columns: list[list[NumberedLine]] = []
    for line in found:
        column = next(
            (c for c in columns if _same_column(lines[c[0].index], lines[line.index])), None
        )
        if column is None:
            columns.append(column := [])
        column.append(line)
    return columns


def _run_with_restarts(
    found: list[NumberedLine], key, lines: list[Line], longest: list[NumberedLine]
) -> list[NumberedLine]:
    """`longest`, or, if longer, runs that each start again at 1 under a section's heading
    ("NEW BUSINESS", "II. OPEN SESSION") in the same column: one level of an outline."""
    anchor = lines[longest[0].index] if longest else None
    first = next(
        (
            line
            for line in found
            if key(line.number)[1] == 1 and (not anchor or _same_column(anchor, lines[line.index]))
        ),
        None,
    )
    if first is None:
        return longest
    runs = [[first]]
    for line in found[found.index(first) + 1 :]:
        if not _same_column(lines[first.index], lines[line.index]):
            continue
        if _follows(runs[-1][-1].number, line.number, key):
            runs[-1].append(line)
        elif key(line.number)[1] == 1 and _heading_between(
            lines, runs[-1][-1].index, line.index, line.number
        ):
            runs.append([line])
    restarted = [line for run in runs for line in run]
    return restarted if len(runs) > 1 and len(restarted) > len(longest) else longest


def _heading_between(lines: list[Line], after: int, before: int, number: str) -> bool:
    """Whether a section's heading stands between two lines: a short line printed as a
    heading ("NEW BUSINESS", "Consent Calendar"), a numbered section ("II. OPEN SESSION"),
    or the item whose number `number` carries ("7." before "7.01")."""
    parent = re.match(r"(.+?)[.-]\d+$", number)
    item = re.compile(rf"^{re.escape(parent[1])}[.):]?\s") if parent else None
    return any(
        is_section_heading(line)
        or SECTION_NUMBER.match(_roman_as_printed(line))
        or (item and item.match(line.text))
        for line in lines[after + 1 : before]
    )


COLUMN = 12  # points: numbers further apart than this are not in one column


def _same_column(a: Line, b: Line) -> bool:
    return not (a.style and b.style) or abs(a.style.x - b.style.x) <= COLUMN


SECTION_NUMBER = re.compile(r"^(?:[IVX]{1,4}|[A-H])\.\s+[A-Z]")
SECTION_WORDS_MAX = 8
NOT_A_SECTION = re.compile(
    r"^(?:RESOLVED|AGREED|DECIDED|CARRIED|APPROVED|DEFEATED|LOST|MOTION|MOVED|SECONDED|NOTED)\b"
    r"|[:;,]$",
    re.IGNORECASE,
)


def is_section_heading(line: Line) -> bool:
    text = line.text
    if not text or len(text.split()) > SECTION_WORDS_MAX or NOT_A_SECTION.search(text):
        return False
    if line.style and line.style.bold:
        return True
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and text.isupper()


def _segments(run: list[NumberedLine], key) -> list[list[NumberedLine]]:
    """The run cut where its numbering starts again or its prefix changes (8.14, 9.1)."""
    segments: list[list[NumberedLine]] = []
    for line in run:
        if not segments or not _same_count(segments[-1][-1].number, line.number, key):
            segments.append([])
        segments[-1].append(line)
    return segments


def _same_count(last: str, number: str, key) -> bool:
    (last_prefix, last_part), (prefix, part) = key(last), key(number)
    return prefix == last_prefix and 1 <= part - last_part <= MAX_STEP


def _parents(
    scheme: Scheme, run: list[NumberedLine], found: dict, lines: list[Line]
) -> list[NumberedLine]:
    """The numbered sections over the run: a run of their own from the first (I., A.), one
    before each part of the run that starts again at 1, none inside a part."""
    segments = _segments(run, _key_of(scheme))
    for name in PARENTS.get(scheme.name, ()):
        parent = next(s for s in SCHEMES if s.name == name)
        key = _key_of(parent)
        taken = {line.index for line in run}
        candidates = [line for line in found[name] if line.index not in taken]
        parents = _run(parent, candidates, lines)
        if len(parents) < 2 or key(parents[0].number)[1] != 1:
            continue
        inside = any(
            segment[0].index < line.index < segment[-1].index
            for segment in segments
            for line in parents
        )
        heads = all(any(line.index < segment[0].index for line in parents) for segment in segments)
        if not inside and heads and (len(segments) > 1 or parents[0].index < run[0].index):
            return parents
    return []


def _children(scheme_name: str, run: list[NumberedLine], found: dict) -> list[NumberedLine]:
    """Items numbered under an item of the run: `2.1`, `2.2` after `2.`, or after `1.` where
    the `2.` heading is not printed; and so on down the outline (`9.1.1` under `9.1` under
    `9.`). Each parent's children count from 1."""
    children = []
    for name in CHILDREN.get(scheme_name, ()):
        parents = sorted(run, key=lambda line: line.index)
        level: list[NumberedLine] = []
        for line in found[name]:
            before = [p for p in parents if p.index < line.index]
            prefix, part = _key(line.number)
            parent_number = prefix.rstrip(".-")
            expected = set()
            if before:
                parent_prefix, parent_part = _key(before[-1].number.rstrip(".)"))
                expected = {f"{parent_prefix}{parent_part}", f"{parent_prefix}{parent_part + 1}"}
            siblings = [c for c in level if _key(c.number)[0] == prefix]
            follows = _follows(siblings[-1].number, line.number) if siblings else part == 1
            if parent_number in expected and follows:
                level.append(line)
        children += level + _children(name, level, found)
    return children


LETTERED_UNDER = ("plain", "item")  # "6. NEW BUSINESS" / "A. …" / "B. …"


def _lettered(run: list[NumberedLine], letters: list[NumberedLine]) -> list[NumberedLine]:
    """Items lettered A., B. … under an item of the run, before the next one: two or more,
    from A, each parent's letters counting from A again."""
    items = sorted(run, key=lambda line: line.index)
    children = []
    for position, parent in enumerate(items):
        end = items[position + 1].index if position + 1 < len(items) else None
        chain: list[NumberedLine] = []
        for line in letters:
            under = parent.index < line.index and (end is None or line.index < end)
            if under and line.number == chr(ord("A") + len(chain)):
                chain.append(line)
        if len(chain) >= 2:
            children += [replace(line, parent=parent.number.rstrip(".)")) for line in chain]
    return children


def unique_numbers(numbered: list[NumberedLine]) -> list[str]:
    """A number for each item that no other item of the document has: a number printed again
    ("1." under II. as under I.) is told apart by its section ("II.1"), else by how often it
    has been printed ("1 (2)")."""
    seen: dict[str, int] = {}
    numbers = []
    for position, item in enumerate(numbered):
        if item.parent:  # "A." under "6.": 6.A
            numbers.append(f"{item.parent}.{item.number}")
            continue
        seen[item.number] = seen.get(item.number, 0) + 1
        if seen[item.number] == 1:
            numbers.append(item.number)
            continue
        section = next(
            (x.number for x in reversed(numbered[:position]) if _is_section_number(x.number)), ""
        )
        unique = f"{section}.{item.number}" if section else f"{item.number} ({seen[item.number]})"
        numbers.append(unique)
    return numbers


def _is_section_number(number: str) -> bool:
    return bool(re.fullmatch(r"[IVX]{1,4}|[A-H]", number))


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
    if key is _key and _section_heads(last, number):
        return True
    sections = _key(last_prefix.rstrip(".")), _key(prefix.rstrip("."))
    return part == 1 and sections[1][0] == sections[0][0] and sections[1][1] == sections[0][1] + 1


def _section_heads(last: str, number: str) -> bool:
    """In a two-level numbering whose sections print `N.0`, section N's heading follows the
    last item of section N-1 (1.2 -> 2.0), and its first item follows it (2.0 -> 2.1)."""
    last_head, head = re.fullmatch(r"(\d+)\.0", last), re.fullmatch(r"(\d+)\.0", number)
    if head and (item := re.fullmatch(r"(\d+)\.\d+", last)):
        return int(head[1]) == int(item[1]) + 1
    if last_head and (item := re.fullmatch(r"(\d+)\.(\d+)", number)):
        return item[1] == last_head[1] and int(item[2]) == 1
    return False


def _letters(found: list[NumberedLine]) -> list[NumberedLine]:
    """Lettered numbers ('1.A' '1.B' …) with a letter OCR read as a digit put right by its
    neighbours: '1.0' between '1.B' and '1.D' is '1.C'. One it cannot put right is left out."""
    kept = []
    for position, line in enumerate(found):
        prefix, letter = line.number[:-1], line.number[-1]
        if letter.isalpha() or not prefix:
            kept.append(line)
            continue
        before = found[position - 1].number if position else ""
        after = found[position + 1].number if position + 1 < len(found) else ""
        if before[:-1] == prefix == after[:-1] and ord(after[-1]) - ord(before[-1]) == 2:
            line.number = prefix + chr(ord(before[-1]) + 1)
            kept.append(line)
    return kept


def _distinct(found: list[NumberedLine]) -> list[NumberedLine]:
    """Each number once, at its first appearance (a later mention repeats it)."""
    seen: set[str] = set()
    distinct = []
    for line in found:
        if line.number not in seen:
            seen.add(line.number)
            distinct.append(line)
    return distinct


SHORT_HEADING = 40  # characters: a line in capitals this short was not wrapped by the page


def _heading_above(before: Line) -> bool:
    """A short heading in capitals, not one the page width wrapped ('APPROVAL OF THE' /
    'MINUTES'): where a PDF gives the style, the next heading under it starts apart."""
    text = before.text
    last = text.split()[-1].lower() if text.split() else ""
    return (
        bool(before.style)
        and _reads_as_item_heading(before)
        and len(text) <= SHORT_HEADING
        and not (last in TITLE_WRAP_WORDS or text.endswith((",", "-", "–", "/")))
    )


def _bolder(line: Line, before: Line) -> bool:
    return bool(line.style and before.style and line.style.bold and not before.style.bold)


MIN_HEADED_ITEMS = 4  # "CALL TO ORDER", "ROLL CALL", "PUBLIC COMMENT", "CONSENT CALENDAR" …
MAX_HEADED_GAP = 12  # lines with text between two of them at most
# where a meeting is held, printed in capitals under its heading: not an item
PLACE_LINE = re.compile(
    r"\b(?:ROOM|BOARDROOM|HALL|CHAMBERS?|BUILDING|AUDITORIUM|CENTER|CENTRE|AVENUE|STREET|ROAD"
    r"|BOULEVARD|SUITE)\b"
)


def headed_items(lines: list[Line], start: int) -> list[NumberedLine]:
    """An agenda's unnumbered items, each a line in capitals set apart from the text around
    it ("CALL TO ORDER", "PUBLIC COMMENT", "ADJOURNMENT"), numbered in printed order: the
    first run of four or more such headings close together, else none."""
    run: list[int] = []
    for index in range(start, len(lines)):
        if not _headed_item(lines, index):
            continue
        if run and sum(1 for line in lines[run[-1] + 1 : index] if line.text) > MAX_HEADED_GAP:
            if len(run) >= MIN_HEADED_ITEMS:
                break
            run = []
        run.append(index)
    if len(run) < MIN_HEADED_ITEMS:
        return []
    return [NumberedLine(index, str(n), lines[index].text) for n, index in enumerate(run, 1)]


def _headed_item(lines: list[Line], index: int) -> bool:
    """A heading in capitals standing apart from the line before it (a blank line, a gap, or
    bold after ordinary type) and not running on into another line in capitals that is no
    heading: a letterhead's address block ('PINE RIDGE SCHOOL DISTRICT' / '410 CEDAR AVENUE')."""
    line = lines[index]
    if not _reads_as_item_heading(line):
        return False
    before = lines[index - 1] if index else None
    after = lines[index + 1] if index + 1 < len(lines) else None
    set_apart = (
        not before
        or not before.text
        or apart(before, line)
        or _bolder(line, before)
        or _heading_above(before)
    )
    run_on = (
        after
        and after.text.isupper()
        and not apart(line, after)
        and not _reads_as_item_heading(after)
    )
    return set_apart and not run_on


def _reads_as_item_heading(line: Line) -> bool:
    """A line in capitals, a heading's length, with no number, date, time or place."""
    text = line.text
    if not (text.isupper() and is_section_heading(line)) or text[:1].isdigit():
        return False
    return not (find_any_date(text) or find_time(text) or PLACE_LINE.search(text))
