"""Minutes and agendas laid out as a heading, then numbered items.

The house style of parish and town councils and of US and Canadian councils, boards and
commissions: the body and the date at the top ("Alameda City Council / May 11, 2021",
"MINUTES / TOWNSHIP OF NIPISSING / Tuesday, September 3, 2024", "BOARD OF ESTIMATES March
17, 2010"), who attended, then items in one numbering scheme (see `numbering`), each with
the motions and votes its text records (see `motions`).
"""

import datetime
import re
from dataclasses import dataclass, field, replace

from meetings.ingest.frontsheet import EXEMPT, PAGES, page_range
from meetings.ingest.heading import read_heading
from meetings.ingest.lines import Line, apart, same_print
from meetings.ingest.motions import (
    find_motion,
    outcome_of,
    record_motion,
    sentences,
    split_names,
)
from meetings.ingest.numbering import (
    NumberedLine,
    headed_items,
    is_section_heading,
    numbered_items,
    unique_numbers,
)
from meetings.ingest.records import (
    AgendaItemRecord,
    Evidence,
    MeetingRecord,
    MinuteRecord,
    MinutesRecord,
    PersonRecord,
)
from meetings.ingest.roll import LABEL as ATTENDANCE_LABEL
from meetings.ingest.roll import listed_members, people_in
from meetings.ingest.text import (
    LABELLED_LINE,
    OUTCOME_LINE,
    VOTE_LINE,
    continues_title,
    reflow,
    strip_full_stop,
    title_case,
)

HEADING_LINES = 40  # the body, the date and the kind of document are named in these
PAGE_HEADING_LINES = 8  # … and in these when a document starts on a later page of a pack
SPECIAL = re.compile(r"\b(?:special|extraordinary|emergency)\b", re.IGNORECASE)
MAX_TITLE_LINES = 6
COLUMN = 12  # points: a title this far right of its number stands in a column of its own
TITLE_INDENT = 144  # points: a title's wrapped lines start no further right of its number
MAX_NOTE = 1000


@dataclass
class Heading:
    body: str
    date: datetime.date
    kind: str  # "minutes", "agenda", or "" where the document does not say
    end: int  # index of the first line after the heading
    start_time: datetime.time | None = None
    location: str = ""
    is_special: bool = False
    evidence: list[Evidence] = field(default_factory=list)


def read_proceedings(lines: list[Line]) -> list[MeetingRecord | MinutesRecord]:
    """Each agenda (a MeetingRecord with its items) and minutes of this family in the file.

    A pack may hold several: an agenda, then the draft minutes of the last meeting.
    """
    found = []
    for start, end in _documents(lines):
        if record := _read_document(lines[start:end]):
            found.append(record)
    return found


def _documents(lines: list[Line]) -> list[tuple[int, int]]:
    """(start, end) of each document: one starts on a page that opens with the heading of
    another meeting or another kind of document."""
    heading = heading_of(lines)
    if not heading:
        return []
    starts, current = [0], (heading.kind, heading.date)
    page_starts = [i for i, line in enumerate(lines) if i and line.page != lines[i - 1].page]
    for position, start in enumerate(page_starts):
        end = page_starts[position + 1] if position + 1 < len(page_starts) else len(lines)
        found = heading_of(lines[start:end], window=PAGE_HEADING_LINES)
        if found and found.kind and (found.kind, found.date) != current:
            starts.append(start)
            current = (found.kind, found.date)
    return list(zip(starts, starts[1:] + [len(lines)], strict=True))


def _read_document(lines: list[Line]) -> MeetingRecord | MinutesRecord | None:
    heading = heading_of(lines)
    if not heading:
        return None
    meeting = MeetingRecord(
        body=heading.body,
        date=heading.date,
        start_time=heading.start_time,
        location=heading.location,
        is_special=heading.is_special,
        evidence=heading.evidence,
    )
    if heading.kind != "minutes":
        scheme, numbered = numbered_items(lines, heading.end, agenda=True)
        if not numbered and heading.kind == "agenda":
            scheme, numbered = "headed", headed_items(lines, heading.end)
        meeting.agenda_items = [
            _agenda_item(item, _item_lines(lines, numbered, position), lines, scheme)
            for position, item in enumerate(numbered)
        ]
        _number_apart(meeting.agenda_items, numbered)
        _mark_exempt_part(meeting.agenda_items, numbered, lines)
    if heading.kind == "agenda":
        return meeting if meeting.agenda_items else None
    minutes = _read_minutes(lines, heading, meeting)
    # Unnamed, a document is minutes if it records who attended or what was decided.
    if heading.kind or minutes.attendance or any(m.resolved for m in minutes.minutes):
        return minutes if minutes.attendance or minutes.minutes else None
    return meeting if meeting.agenda_items else None


def _read_minutes(lines: list[Line], heading: Heading, meeting: MeetingRecord) -> MinutesRecord:
    scheme, numbered = numbered_items(lines, heading.end)
    if _are_rows(numbered):
        numbered = []
    first = numbered[0].index if numbered else len(lines)
    minutes = [
        _minute(item, _item_lines(lines, numbered, position), lines, scheme)
        for position, item in enumerate(numbered)
    ]
    _number_apart(minutes, numbered)
    listed, after_list = listed_members(lines, heading.end)
    if not minutes:
        minutes = _minutes_closed_by_motions(lines, after_list)
    attendance = (
        people_in(lines[heading.end : first]) or _attendance_item(lines, numbered) or listed
    )
    filled = [line for line in lines if line.text]
    return MinutesRecord(
        replace(meeting, agenda_items=[]),
        attendance,
        minutes,
        filled[0].page,
        filled[-1].page,
    )


AMOUNT = re.compile(r"[$£€]\s?\d|\b\d{1,3}(?:,\d{3})+(?:\.\d\d)?\b|\b\d+\.\d\d\b")


def _are_rows(numbered: list[NumberedLine]) -> bool:
    """Numbered lines that are a table's rows (payees, work orders, bids: most print an
    amount beside their name), not the meeting's items."""
    with_amounts = sum(1 for line in numbered if AMOUNT.search(line.rest))
    return len(numbered) >= 3 and with_amounts * 2 >= len(numbered)


# "UPON MOTION duly made and seconded, the Board approved …", "On a motion by …", "RESOLVED …"
MOTION_START = re.compile(
    r"\b(?:upon|on)\s+(?:a\s+)?motion\b|^(?:it\s+was\s+)?RESOLVED\b"
    r"|^(?:\d{1,3}[.)]\s+)?(?:it\s+was\s+)?(?:moved|proposed)\s+by\b"
    r"|\bmotion\s+(?:was\s+)?(?:made\s+)?by\b"  # "A motion was made by X", "Motion by X"
    # "Director Greer moved …", at a sentence's start
    r"|(?:^|[.;]\s+)(?-i:(?:[A-Z][\w.'’-]*\s+){1,4})moved\b",
    re.IGNORECASE,
)
MIN_MOTIONS = 2


def _minutes_closed_by_motions(lines: list[Line], start: int) -> list[MinuteRecord]:
    """Minutes without numbered items, each item closed by the motion that decided it: the
    item runs from the end of the last motion to the end of its own, under its heading.

    A motion that approves "the following:" keeps the list printed after it, up to the next
    item's heading where the layout marks one. The minutes end where they are signed: the
    motions in letters a pack prints after them are not theirs."""
    starts = [i for i in range(start, len(lines)) if MOTION_START.search(lines[i].text)]
    signed = _signed_at(lines, starts[0], SIGNATORY) if starts else len(lines)
    starts = [i for i in starts if i < signed]
    if len(starts) < MIN_MOTIONS:
        return []
    minutes: list[MinuteRecord] = []
    begin, announced = _after_attendance(lines, start, starts[0]), False
    for position, motion_at in enumerate(starts, start=1):
        if announced:
            begin = _keep_list(minutes[-1], lines, begin, _last_heading(lines, begin, motion_at))
        end = _sentence_end(lines, motion_at)
        # A section's heading in capitals ("CONSENT CALENDAR") before the motion starts its item
        sections = [i for i in range(begin, motion_at) if is_section_heading(lines[i])]
        section = lines[sections[-1]].text if sections else ""
        body = [line for line in lines[sections[-1] + 1 if sections else begin : end] if line.text]
        announced = False
        if body:
            heading = _heading_of_item(body)
            text = reflow([line.raw for line in body if line is not heading])
            motion = find_motion(text)
            title = (
                _heading_text(heading)
                or strip_full_stop(title_case(section))
                or _short(motion.resolved if motion else text)
            )
            minute = MinuteRecord(number=str(position), title=title, text=text, page=body[0].page)
            record_motion(minute, motion)
            minutes.append(minute)
            announced = bool(ANNOUNCED_LIST.search(" ".join(line.text for line in body)))
        begin = end
    if announced:
        _keep_list(minutes[-1], lines, begin, signed)
    return minutes


# "… approved the Extra Work Orders listed on the following pages:", "… as follows:"
ANNOUNCED_LIST = re.compile(r"\b(?:the\s+following|as\s+follows)\b[^.]*:", re.IGNORECASE)
CONTINUED = re.compile(r"\b(?:cont[’']?d|continued)\W*$", re.IGNORECASE)
LIST_LINES = 40  # a list a motion approves, with the outcome printed after it


def _keep_list(minute: MinuteRecord, lines: list[Line], begin: int, end: int) -> int:
    """Add the lines from `begin` to `end` (the list its motion approved) to a minute's text;
    returns `end`, where the next item begins."""
    minute.text = reflow([minute.text, *(line.raw for line in lines[begin:end])])
    return end


def _last_heading(lines: list[Line], begin: int, motion_at: int) -> int:
    """The index of the last heading the layout marks (bold, or opening a page of a PDF)
    between `begin` and a motion; `begin` where there is none. A heading that says it is
    continued is the same item's."""
    found = begin
    for index in range(begin + 1, motion_at):
        if _marked_heading(lines, index) and not CONTINUED.search(lines[index].text):
            found = index
    return found


def _marked_heading(lines: list[Line], index: int) -> bool:
    """A line that reads as a heading and that the layout sets apart as one: printed bold, or
    the first line of a PDF's page. A text file's lines are never marked."""
    line = lines[index]
    if not line.style or not _reads_as_heading(line.text):
        return False
    previous = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].text), None)
    return bool(line.style.bold) or previous is None or previous.page != line.page


def _after_attendance(lines: list[Line], start: int, first_motion: int) -> int:
    """The index after the attendance lists before the first motion ("DIRECTORS ABSENT: …"):
    those lists are no item's text."""
    labelled = [i for i in range(start, first_motion) if ATTENDANCE_LABEL.match(lines[i].text)]
    return labelled[-1] + 1 if labelled else start


def _sentence_end(lines: list[Line], index: int) -> int:
    """The index after the line where the motion begun at `index` ends, with the vote and
    outcome printed after it ("VOTING IN FAVOUR: …", "CARRIED"). A motion approving "the
    following:" ends at its colon, or after its list where an outcome is printed under it."""
    end, said = index + 1, ""
    for i in range(index, min(index + 12, len(lines))):
        text = lines[i].text.rstrip()
        said += f" {text}"
        if text.endswith((".", ";")):
            end = i + 1
            break
        if text.endswith(":") and ANNOUNCED_LIST.search(said):
            end = _after_the_lists_outcome(lines, i + 1) or i + 1
            break
    while end < len(lines) and (
        not lines[end].text or _records_the_vote(lines, end) or _wraps_a_vote_line(lines, end)
    ):
        end += 1
    return end


def _after_the_lists_outcome(lines: list[Line], start: int) -> int | None:
    """The index after the outcome ("Carried.") printed under a list, if one is before the
    next motion or heading."""
    for i in range(start, min(start + LIST_LINES, len(lines))):
        if MOTION_START.search(lines[i].text) or _marked_heading(lines, i):
            return None
        if OUTCOME_LINE.match(lines[i].text):
            return i + 1
    return None


# A sentence that goes on with the motion: its seconder, or its outcome in a sentence.
SECONDS_OR_DECIDES = re.compile(
    r"^(?:(?-i:(?:[A-Z][\w.'’-]*\s+){1,4})seconded\b|(?:the\s+)?motion\s+(?:was\s+)?(?:carried"
    r"|passed|failed|defeated|lost|approved|adopted)\b)",
    re.IGNORECASE,
)


def _records_the_vote(lines: list[Line], index: int) -> bool:
    """A line of the vote: its seconder, its result, a side's names, or the names it wraps
    onto."""
    text = lines[index].text
    if OUTCOME_LINE.match(text) or VOTE_LINE.match(text) or SECONDS_OR_DECIDES.match(text):
        return True
    before = next((line.text for line in reversed(lines[:index]) if line.text), "")
    return bool(VOTE_LINE.match(before)) and not text[:1].isupper()


def _wraps_a_vote_line(lines: list[Line], index: int) -> bool:
    """The rest of a vote's sentence, wrapped onto this line ("Motion carried" / "4-0-1.")."""
    before, text = (lines[index - 1].text if index else ""), lines[index].text
    return (
        bool(SECONDS_OR_DECIDES.match(before) or VOTE_LINE.match(before))
        and not before.endswith((".", ";", ":"))
        and not text[:1].isupper()
    )


HEADING_WORDS = 12


def _heading_of_item(body: list[Line]) -> Line | None:
    """An item's heading: the first of its first lines that reads as one ('Law Department –
    Claim Settlement', 'BOARDS AND COMMISSIONS'), not a sentence, its end, or a label."""
    for line in body[:6]:
        if _reads_as_heading(line.text):
            return line
    return None


def _heading_text(line: Line | None) -> str:
    if not line:
        return ""
    text = ITEM_NUMBER.sub("", line.text)
    return strip_full_stop(title_case(text) if text.isupper() else text)


ITEM_NUMBER = re.compile(r"^\(?\d{1,2}[.):]?\s+(?=[A-Z])")  # "2. Budget Amendment"


def _reads_as_heading(text: str) -> bool:
    """A short line with a capital (after its item's number, where too few items are numbered
    to count as an outline), neither a sentence, its end, a label nor a motion."""
    text = ITEM_NUMBER.sub("", text)
    return (
        text[:1].isupper()
        and len(text.split()) <= HEADING_WORDS
        and not text.endswith((".", ":", ",", ";"))
        and not MOTION_START.search(text)
    )


def _short(text: str) -> str:
    """A title made of a text's first sentence, cut at a word near 80 characters."""
    first = sentences(text)[0] if sentences(text) else text
    return strip_full_stop(first if len(first) <= 80 else first[:80].rsplit(" ", 1)[0] + " …")


def _number_apart(records: list, numbered: list[NumberedLine]) -> None:
    """Items printed with the same number are told apart, each keeping its printed number."""
    for record, number in zip(records, unique_numbers(numbered), strict=True):
        if number != record.number:
            record.printed_number, record.number = record.number, number


ATTENDANCE_ITEM = re.compile(r"^(?:roll\s+call|attendance|members\s+present|sederunt)\b", re.I)


def _attendance_item(lines: list[Line], numbered: list[NumberedLine]) -> list[PersonRecord]:
    """Those present, where the minutes record them under an item ("2. ROLL CALL")."""
    for position, item in enumerate(numbered):
        if ATTENDANCE_ITEM.match(item.rest):
            return people_in(_item_lines(lines, numbered, position))
    return []


def heading_of(lines: list[Line], window: int = HEADING_LINES) -> Heading | None:
    """The body, date and kind named at the top of the document (see `heading`)."""
    reading = read_heading(lines, window)
    if not reading.date or not reading.body:
        return None
    top = [line.text for line in lines if line.text][:4]
    return Heading(
        body=reading.body,
        date=reading.date,
        kind=reading.kind,
        end=reading.end,
        start_time=reading.start_time,
        location=reading.location,
        is_special=bool(SPECIAL.search(" ".join(top))),
        evidence=reading.evidence,
    )


# Where minutes are signed: their last item ends here, whatever a pack prints after them.
_SIGNATORIES = (
    r"(?:Mayor|Reeve|Warden|Chair(?:man|person|woman)?|President|(?:Deputy\s+|Acting\s+)?"
    r"(?:Town\s+|City\s+|Parish\s+|Township\s+|Municipal\s+)?(?:Clerk|Administrator)"
    r"(?:-Treasurer)?|CAO|(?:Recording\s+)?Secretary)"
)
SIGNATURE = re.compile(rf"^(?:{_SIGNATORIES}\s*:?\s*_*\s*$|Signed\b|_{{4,}}|\.{{8,}})", re.I)
# A signatory's label ("Chairperson:", "Signed …"), not a rule, which may part two items too.
SIGNATORY = re.compile(rf"^(?:{_SIGNATORIES}\s*:\s*_*\s*$|Signed\b)", re.IGNORECASE)


def _signed_at(lines: list[Line], start: int, signature: re.Pattern = SIGNATURE) -> int:
    """The index of the first line after `start` where the minutes are signed, or their end."""
    return next(
        (i for i in range(start + 1, len(lines)) if signature.match(lines[i].text)), len(lines)
    )


def _item_lines(lines: list[Line], numbered: list[NumberedLine], position: int) -> list[Line]:
    """The lines after the item's number, up to the next item (or the title printed above it);
    the last item's, up to the signatures."""
    start = numbered[position].index
    if position + 1 == len(numbered):
        return lines[start + 1 : _signed_at(lines, start)]
    following = numbered[position + 1]
    above = [i for i in _detached_title(lines, following) if i < following.index]
    end = min(above, default=following.index)
    return lines[start + 1 : max(end, start + 1)]


def _title_and_body(
    item: NumberedLine, body: list[Line], lines: list[Line], scheme: str
) -> tuple[str, list[Line]]:
    """The item's title, and the lines of its text after the title."""
    if detached := _detached_title(lines, item):
        title = _join_title([lines[i].text for i in detached])
        after = [line for k, line in enumerate(body, item.index + 1) if k not in detached]
        return title, after
    title = [item.rest]
    taken = 0
    last = lines[item.index]  # the title's last line so far
    for line in body:
        if len(title) >= MAX_TITLE_LINES or not continues_title(title[-1], line.text):
            break
        if line.text and (
            not same_print(lines[item.index], line)
            or apart(last, line)
            or _in_another_column(lines[item.index], line)
        ):
            break
        if line.text:
            title.append(line.text)
            last = line
        taken += 1
    return strip_full_stop(_join_title(title)), body[taken:]


def _in_another_column(item: Line, line: Line) -> bool:
    """A line that starts far to the right of the item's number (a minute's right-hand
    column: 'reconvened the meeting …' beside 'II. OPEN SESSION') does not wrap its title."""
    return bool(item.style and line.style) and line.style.x - item.style.x > TITLE_INDENT


def _join_title(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        text += part if text.endswith("-") else f" {part}"
    return text.strip()


def _detached_title(lines: list[Line], item: NumberedLine) -> list[int]:
    """The indexes of a title printed apart from its bare number (Legistar's '1.B 21-0171'):
    beside it in a column of its own where the layout is known, whichever order the lines
    come in; else above it, the lines since the last sentence ended."""
    if item.rest or not item.file_number:
        return []
    if lines[item.index].style:
        return _title_beside(lines, item.index)
    title: list[int] = []
    for index in range(item.index - 1, max(-1, item.index - MAX_TITLE_LINES - 1), -1):
        text = lines[index].text
        if text.endswith((".", ":")) or text.isupper() or LABELLED_LINE.match(text):
            break
        title.insert(0, index)
    return title if any(lines[i].text for i in title) else []


def _title_beside(lines: list[Line], at: int) -> list[int]:
    """The lines of the title column that start on the number's row, and those under them."""
    number = lines[at].style
    near = range(max(0, at - MAX_TITLE_LINES), min(len(lines), at + MAX_TITLE_LINES + 1))
    row = [
        i
        for i in near
        if i != at
        and lines[i].text
        and lines[i].style
        and lines[i].style.x > number.x + COLUMN
        and abs(lines[i].style.top - number.top) <= number.size
    ]
    if not row:
        return []
    title = [min(row, key=lambda i: abs(lines[i].style.top - number.top))]
    for index in range(title[0] + 1, min(len(lines), title[0] + MAX_TITLE_LINES)):
        line, last = lines[index], lines[title[-1]]
        if not line.text or not line.style or index == at:
            continue
        wrapped = abs(line.style.x - last.style.x) <= COLUMN / 2 and not apart(last, line)
        if not wrapped or LABELLED_LINE.match(line.text) or len(title) == MAX_TITLE_LINES:
            break
        title.append(index)
    return title


def _agenda_item(
    item: NumberedLine, body: list[Line], lines: list[Line], scheme: str
) -> AgendaItemRecord:
    title, rest = _title_and_body(item, body, lines, scheme)
    while rest and (
        not rest[-1].text or is_section_heading(rest[-1]) or EXEMPT_PART.match(rest[-1].text)
    ):
        rest = rest[:-1]  # the next section's heading ("NEW BUSINESS") is not this item's
    pages = PAGES.search(title)  # "Minutes of the last meeting (Pages 5 - 12)"
    if not pages and rest and (pages := PAGES.fullmatch(rest[0].text)):
        rest = rest[1:]  # … or on the line under the title
    note = reflow([line.raw for line in rest])
    record = AgendaItemRecord(number=item.number, title=title, note=note[:MAX_NOTE])
    if pages:
        record.first_page, record.last_page = page_range(pages)
        record.title = strip_full_stop(PAGES.sub("", title).strip())
    if exempt := EXEMPT.search(record.title):  # "(Exempt under Paragraph 1)"
        record.exempt = True
        record.title = strip_full_stop(EXEMPT.sub("", record.title).strip())
        record.note = "\n\n".join(filter(None, [exempt[0].strip("() "), record.note]))
    return record


# The heading of an English agenda's private part: "Part 2 - Exempt Information", "PART II",
# "Exempt items", "Confidential business", "Items to be considered in private".
EXEMPT_PART = re.compile(
    r"^(?:part\s+(?:2|ii|two|b)\b(?!\s+of\b)"
    r"|(?:\w+\s+){0,3}(?:exempt|confidential|private)\s+(?:items?|information|business|session|"
    r"matters|reports?)\b"
    r"|.{0,60}\b(?:in private|in the absence of the (?:press and )?public)\W*$)",
    re.IGNORECASE,
)
EXCLUSION = re.compile(r"\bexclu(?:sion|de|ding)\b.*\b(?:press|public)\b", re.IGNORECASE)
MAX_PART_HEADING_WORDS = 12


def _mark_exempt_part(
    items: list[AgendaItemRecord], numbered: list[NumberedLine], lines: list[Line]
) -> None:
    """The items printed after the heading of the agenda's exempt part are exempt; the
    motion to exclude the press and public, which is taken in public, is not."""
    exempt_from = next(
        (
            position
            for position, item in enumerate(numbered)
            if position
            and any(
                _heads_exempt_part(line.text)
                for line in lines[numbered[position - 1].index + 1 : item.index]
            )
        ),
        None,
    )
    if exempt_from is None:
        return
    for record in items[exempt_from:]:
        record.exempt = record.exempt or not EXCLUSION.search(record.title)


def _heads_exempt_part(text: str) -> bool:
    return (
        bool(EXEMPT_PART.match(text))
        and len(text.split()) <= MAX_PART_HEADING_WORDS
        and not text.endswith((".", ","))
    )


def _minute(item: NumberedLine, body: list[Line], lines: list[Line], scheme: str) -> MinuteRecord:
    page = lines[item.index].page
    if scheme == "resolution" and _movers_only(item.rest):
        return _resolution(item, body, page)
    title, rest = _title_and_body(item, body, lines, scheme)
    text = reflow([line.raw for line in rest])
    *title_sentences, last = sentences(title) or [""]
    if title_sentences and outcome_of(last):
        # "… Pandemic. Not heard.": the outcome printed after the title.
        title = strip_full_stop(" ".join(title_sentences))
        text = f"{last}. {text}".strip()
    elif tail := _title_tail(text):
        # "… Impacts of the COVID-19" then "Pandemic. Not heard.": the title's last words
        # wrapped onto the outcome's line.
        title, text = f"{title} {strip_full_stop(tail)}", text[len(tail) :].strip()
    minute = MinuteRecord(number=item.number, title=title, text=text, page=page)
    record_motion(minute, find_motion(text, subject=title))
    return minute


TITLE_TAIL_WORDS = 3


def _title_tail(text: str) -> str:
    """The words a title wrapped onto the line of its outcome ('Pandemic.' of 'Pandemic. Not
    heard.'): a few capitalised words, themselves no outcome, then an outcome; or ''."""
    first, *after = sentences(text) or [""]
    words = first.split()
    return (
        first
        if after
        and outcome_of(after[0])
        and not outcome_of(first)
        and 0 < len(words) <= TITLE_TAIL_WORDS
        and all(word[:1].isupper() for word in words)
        and text.startswith(first)
        else ""
    )


def _movers_only(rest: str) -> bool:
    """Whether what follows a resolution's number is its mover and seconder ('D. Yemm,
    S. Kirkey:'), not the title of the matter (Legistar's '24-0871 Approval of …')."""
    names = split_names(rest.rstrip(":;"))
    return not rest or (
        len(names) == 2 and all(word[:1].isupper() for word in rest.rstrip(":;").split())
    )


def _resolution(item: NumberedLine, body: list[Line], page: int) -> MinuteRecord:
    """'R2024-170 D. Yemm, S. Kirkey:' then the motion, ending 'Carried.'"""
    text = reflow([line.raw for line in body])
    motion = find_motion(text)
    first_sentence = sentences(motion.resolved if motion else text)[:1]
    title = strip_full_stop(first_sentence[0]) if first_sentence else item.number
    minute = MinuteRecord(number=item.number, title=title, text=text, page=page)
    movers = split_names(item.rest.rstrip(":;"))
    if motion and len(movers) == 2:
        motion.mover, motion.seconder = movers
    record_motion(minute, motion)
    return minute
