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

from meetings.ingest.heading import read_heading
from meetings.ingest.lines import Line, same_print
from meetings.ingest.motions import (
    find_motion,
    outcome_of,
    record_motion,
    sentences,
    split_names,
)
from meetings.ingest.numbering import NumberedLine, numbered_items, unique_numbers
from meetings.ingest.records import (
    AgendaItemRecord,
    Evidence,
    MeetingRecord,
    MinuteRecord,
    MinutesRecord,
    PersonRecord,
)
from meetings.ingest.roll import people_in
from meetings.ingest.text import (
    LABELLED_LINE,
    continues_title,
    reflow,
    strip_full_stop,
)

HEADING_LINES = 40  # the body, the date and the kind of document are named in these
PAGE_HEADING_LINES = 8  # … and in these when a document starts on a later page of a pack
SPECIAL = re.compile(r"\b(?:special|extraordinary|emergency)\b", re.IGNORECASE)
MAX_TITLE_LINES = 6
MAX_NOTE = 1000


@dataclass
class Heading:
    body: str
    date: datetime.date
    kind: str  # "minutes", "agenda", or "" where the document does not say
    end: int  # index of the first line after the heading
    start_time: datetime.time | None = None
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
        is_special=heading.is_special,
        evidence=heading.evidence,
    )
    if heading.kind != "minutes":
        scheme, numbered = numbered_items(lines, heading.end, agenda=True)
        meeting.agenda_items = [
            _agenda_item(item, _item_lines(lines, numbered, position), lines, scheme)
            for position, item in enumerate(numbered)
        ]
        _number_apart(meeting.agenda_items, numbered)
    if heading.kind == "agenda":
        return meeting if meeting.agenda_items else None
    minutes = _read_minutes(lines, heading, meeting)
    # Unnamed, a document is minutes if it records who attended or what was decided.
    if heading.kind or minutes.attendance or any(m.resolved for m in minutes.minutes):
        return minutes if minutes.attendance or minutes.minutes else None
    return meeting if meeting.agenda_items else None


def _read_minutes(lines: list[Line], heading: Heading, meeting: MeetingRecord) -> MinutesRecord:
    scheme, numbered = numbered_items(lines, heading.end)
    first = numbered[0].index if numbered else len(lines)
    minutes = [
        _minute(item, _item_lines(lines, numbered, position), lines, scheme)
        for position, item in enumerate(numbered)
    ]
    _number_apart(minutes, numbered)
    attendance = people_in(lines[heading.end : first]) or _attendance_item(lines, numbered)
    filled = [line for line in lines if line.text]
    return MinutesRecord(
        replace(meeting, agenda_items=[]),
        attendance,
        minutes,
        filled[0].page,
        filled[-1].page,
    )


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
        is_special=bool(SPECIAL.search(" ".join(top))),
        evidence=reading.evidence,
    )


def _item_lines(lines: list[Line], numbered: list[NumberedLine], position: int) -> list[Line]:
    """The lines after the item's number, up to the next item (or the title printed above it)."""
    start = numbered[position].index
    if position + 1 == len(numbered):
        return lines[start + 1 :]
    following = numbered[position + 1]
    end = following.index - len(_title_lines_before(lines, following.index, following))
    return lines[start + 1 : max(end, start + 1)]


def _title_and_body(
    item: NumberedLine, body: list[Line], lines: list[Line], scheme: str
) -> tuple[str, list[Line]]:
    """The item's title, and the lines of its text after the title."""
    if above := _title_lines_before(lines, item.index, item):
        return _join_title([line.text for line in above if line.text]), body
    title = [item.rest]
    taken = 0
    for line in body:
        if len(title) >= MAX_TITLE_LINES or not continues_title(title[-1], line.text):
            break
        if line.text and not same_print(lines[item.index], line):
            break
        if line.text:
            title.append(line.text)
        taken += 1
    return strip_full_stop(_join_title(title)), body[taken:]


def _join_title(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        text += part if text.endswith("-") else f" {part}"
    return text.strip()


def _title_lines_before(lines: list[Line], index: int, item: NumberedLine) -> list[Line]:
    """A Legistar title printed above its number: the lines since the last sentence ended."""
    if item.rest or not item.file_number:
        return []
    title: list[Line] = []
    for line in reversed(lines[max(0, index - MAX_TITLE_LINES) : index]):
        text = line.text
        if text.endswith((".", ":")) or text.isupper() or LABELLED_LINE.match(text):
            break
        title.insert(0, line)
    return title


def _agenda_item(
    item: NumberedLine, body: list[Line], lines: list[Line], scheme: str
) -> AgendaItemRecord:
    title, rest = _title_and_body(item, body, lines, scheme)
    note = reflow([line.raw for line in rest])
    return AgendaItemRecord(number=item.number, title=title, note=note[:MAX_NOTE])


def _minute(item: NumberedLine, body: list[Line], lines: list[Line], scheme: str) -> MinuteRecord:
    page = lines[item.index].page
    if scheme == "resolution":
        return _resolution(item, body, page)
    title, rest = _title_and_body(item, body, lines, scheme)
    text = reflow([line.raw for line in rest])
    *title_sentences, last = sentences(title) or [""]
    if title_sentences and outcome_of(last):
        # "… Pandemic. Not heard.": the outcome printed after the title.
        title = strip_full_stop(" ".join(title_sentences))
        text = f"{last}. {text}".strip()
    minute = MinuteRecord(number=item.number, title=title, text=text, page=page)
    record_motion(minute, find_motion(text, subject=title))
    return minute


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
