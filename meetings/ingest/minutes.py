"""Minutes documents: the meeting, who attended, the numbered minutes and their decisions."""

import re

from meetings.ingest.lines import Line
from meetings.ingest.motions import find_motion, movers, record_motion
from meetings.ingest.numbering import numbered_items
from meetings.ingest.records import (
    Evidence,
    MeetingRecord,
    MinuteRecord,
    MinutesRecord,
    PersonRecord,
)
from meetings.ingest.roll import people_in
from meetings.ingest.text import (
    MONTH,
    ORDINAL,
    PERSON,
    WEEKDAY,
    clean,
    continues_title,
    display_name,
    find_date,
    find_people,
    find_time,
    make_date,
    person_key,
    place_name,
    reflow,
    starts_list_item,
    strip_full_stop,
    title_case,
)

HEADER_START = re.compile(r"^Minutes of (?:a|the) (?:\w+ )?meeting of\b", re.IGNORECASE)
_AT_TIME = (
    r"(?:,?\s+(?:at|commencing at|starting at)\s+(?P<time>\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?))?"
)
HEADER = re.compile(
    rf"^Minutes of (?:a|the) (?P<special>special |extraordinary )?(?:\w+ )?meeting of (?:the )?"
    rf"(?P<body>.+?) held (?:at|in) (?P<location>.+?),? on (?:{WEEKDAY},?\s+)?"
    rf"(?P<day>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>\d{{4}}){_AT_TIME}",
    re.IGNORECASE,
)
# "…meeting of the Planning Committee held on Tuesday, 5 March 2024 at 7.00 pm in the Chamber"
HEADER_DATE_FIRST = re.compile(
    rf"^Minutes of (?:a|the) (?P<special>special |extraordinary )?(?:\w+ )?meeting of (?:the )?"
    rf"(?P<body>.+?) held on (?:{WEEKDAY},?\s+)?(?:the\s+)?"
    rf"(?P<date>\d{{1,2}}{ORDINAL}\s+(?:of\s+)?{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}}{ORDINAL},?\s+\d{{4}})"
    rf"{_AT_TIME}(?:,?\s+(?:at|in)\s+(?P<location>.+))?",
    re.IGNORECASE,
)
HEADER_GOES_ON = re.compile(r"^(?:at|in|commencing|starting)\b", re.IGNORECASE)
HEADING = re.compile(r"^(\d{1,4})\.\s+(\S.*)$")
CLOSING_TIME = re.compile(
    r"^\d{1,2}[.:]\d{2}\s*(?:am|pm)?\s*[-–]\s*\d{1,2}[.:]\d{2}\s*(?:am|pm)", re.I
)
RESOLVED = re.compile(r"^(?:\(?\d{1,2}[.)]?\s+)?(?:RESOLVED|Resolved)\b\s*[:–-]?\s*(.*)$")
KEY_DECISION = re.compile(r"^\(KEY DECISION\)$", re.IGNORECASE)
REASONS = re.compile(r"^REASONS? FOR (?:THE )?DECISIONS?\s*:?\s*(.*)$", re.IGNORECASE)
AGENDA_REFERENCE = re.compile(r"[‘'\"“]Agenda\s+Item\s+(\d{1,3}[a-z]?)[’'\"”]", re.IGNORECASE)
ITEM_LINE = re.compile(r"^\(Item\s+(\d{1,3}[a-z]?)\)$", re.IGNORECASE)
# "The minutes of the meeting held on 28 January 2026 were taken as read, confirmed and
# signed"; "That the minutes of the regular Council Meeting held August 13, 2024, be adopted".
CONFIRMS = re.compile(
    r"minutes of the (?:[\w-]+ ){0,4}meeting (?:of (?:the )?[\w ]{1,60}? )?(?:held )?(?:on )?"
    rf"(?:(\d{{1,2}}){ORDINAL}\s+({MONTH}),?\s+(\d{{4}})|({MONTH})\s+(\d{{1,2}}){ORDINAL},?\s+(\d{{4}}))"
    r"(?=.{0,120}?\b(?:confirmed|adopted|approved|signed|taken as read|agreed)\b)",
    re.IGNORECASE | re.DOTALL,
)
ATTENDANCE_LABEL = re.compile(
    r"^(PRESENT|In attendance|Also present|Officers(?: in attendance| present)?"
    r"|Apologies(?: for absence)?)\b:?\s*(.*)$",
    re.I,
)
SECTION_OF = {
    "present": "present",
    "also": "in",
    "officers": "in",
    "in": "in",
    "apologies": "apologies",
}


def find_header(lines: list[Line], index: int) -> tuple[re.Match | None, int]:
    """A minutes header starting at `index`, joined over up to three lines, and where it ends."""
    if not HEADER_START.match(lines[index].text):
        return None, index
    joined, end = lines[index].text, index
    for end in range(index, min(index + 4, len(lines))):
        if end > index and lines[end].text:
            joined = f"{joined} {lines[end].text}"
        if match := HEADER.match(joined) or HEADER_DATE_FIRST.match(joined):
            following = lines[end + 1].text if end + 1 < len(lines) else ""
            if HEADER_GOES_ON.match(following) and (
                longer := HEADER_DATE_FIRST.match(f"{joined} {following}")
            ):
                return longer, end + 2
            return match, end + 1
    return None, index


def parse_minutes(lines: list[Line], header: re.Match, body_end: int) -> MinutesRecord:
    """The minutes whose header was matched; `lines` runs from the header to the next document."""
    found = header.groupdict()
    meeting = MeetingRecord(
        body=_body_name(header["body"]),
        date=find_date(header[0]),
        start_time=find_time(found.get("time") or ""),
        location=place_name(found["location"] or ""),
        is_special=bool(header["special"]),
    )
    reason = "in the minutes' heading ('Minutes of a meeting of … held …')"
    meeting.evidence = [
        Evidence.of_line(field, value, lines[0], 0.9, reason)
        for field, value in (
            ("body", meeting.body),
            ("date", meeting.date),
            ("time", meeting.start_time),
        )
        if value
    ]
    headings = _minute_headings(lines[body_end:])
    first = body_end + headings[0][0] if headings else len(lines)
    attendance = _attendance(lines[body_end:first])
    if not any(person.role in ("member", "chair") for person in attendance):
        # No member named with a title ("Mr. J. Smith CC"): the lists as other house styles
        # print them ("Sederunt: J Smith (Chair), A Brown").
        attendance = people_in(lines[body_end:first]) or attendance
    closing = _closing_index(lines, first)
    minutes = []
    for position, (offset, number, title) in enumerate(headings):
        start = body_end + offset
        stop = body_end + headings[position + 1][0] if position + 1 < len(headings) else closing
        minutes.append(_minute(number, title, lines[start:stop]))
    last_page = lines[max(closing - 1, 0)].page
    return MinutesRecord(meeting, attendance, minutes, lines[0].page, last_page)


def _body_name(text: str) -> str:
    """'CABINET' -> 'Cabinet', 'planning committee' -> 'Planning committee'."""
    text = clean(text)
    return title_case(text) if text.isupper() else text[0].upper() + text[1:]


def _minute_headings(lines: list[Line]) -> list[tuple[int, str, str]]:
    """(offset, number, title) for each minute, numbered consecutively from the first, as
    `1.`, else in any other numbering (`30/041`, `19.03.4`, `Item 5`)."""
    found = _dotted_headings(lines)
    if len(found) < 2:
        closing = _closing_index(lines, 0)
        _, numbered = numbered_items(lines[:closing])
        if len(numbered) > len(found):
            return [
                (item.index, item.number, _title(item.rest, lines[item.index + 1 :]))
                for item in numbered
            ]
    return found


def _dotted_headings(lines: list[Line]) -> list[tuple[int, str, str]]:
    found: list[tuple[int, str, str]] = []
    for offset, line in enumerate(lines):
        if _is_closing(line.text):
            break
        match = HEADING.match(line.text)
        if not match or (found and int(match[1]) != int(found[-1][1]) + 1):
            continue
        if not found and _looks_like_paragraph(match[2]):
            continue
        found.append((offset, match[1], _title(match[2], lines[offset + 1 :])))
    return found


def _looks_like_paragraph(text: str) -> bool:
    return len(text) > 160 or text.startswith(("The ", "That ", "To "))


def _title(text: str, following: list[Line]) -> str:
    """The minute's title, joined with its continuation when the heading wrapped."""
    if text.endswith(".") or text.endswith(")"):
        return strip_full_stop(text)
    after = next((line.text for line in following[:3] if line.text), "")
    wrapped = text.endswith(("-", "–")) or text.split()[-1].lower() in {
        "and",
        "of",
        "the",
        "to",
        "for",
    }
    if after and after.endswith(".") and len(after) < 70 and (wrapped or len(text) > 60):
        return strip_full_stop(f"{text} {after}")
    if after and not after.endswith(".") and continues_title(text, after):
        return f"{text} {after}"
    return text


def _is_closing(text: str) -> bool:
    """The closing block: the meeting's times, or the line the chairman signs."""
    return bool(CLOSING_TIME.match(text)) or text == "CHAIRMAN" or text.endswith(" CHAIRMAN")


def _closing_index(lines: list[Line], start: int) -> int:
    return next((i for i in range(start, len(lines)) if _is_closing(lines[i].text)), len(lines))


def _attendance(lines: list[Line]) -> list[PersonRecord]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if match := ATTENDANCE_LABEL.match(line.text):
            current = SECTION_OF[match[1].lower().split()[0]]
            sections.setdefault(current, []).append(match[2])
        elif _is_section_heading(line.text):
            current = None  # "UNRESTRICTED ITEMS", "PART II": the list has ended
        elif current and line.text:
            sections[current].append(line.text)
    people: dict[str, PersonRecord] = {}
    for section, role in (
        ("present", "member"),
        ("in", "in_attendance"),
        ("apologies", "apologies"),
    ):
        for match, after in find_people(" ".join(sections.get(section, []))):
            key = person_key(match["title"], match["given"], match["surname"])
            person_role, note = _role_and_note(role, after)
            people.setdefault(key, PersonRecord(display_name(match), key, person_role, note))
    return list(people.values())


def _is_section_heading(text: str) -> bool:
    """A heading in capitals with nobody named in it ('UNRESTRICTED ITEMS', 'PART I')."""
    return bool(text) and text.isupper() and not PERSON.search(text)


def _role_and_note(role: str, after: str) -> tuple[str, str]:
    after = after.strip(" ,.;")
    after = re.sub(r"\s*(?:,|\band\b)\s*$", "", after).strip()
    if re.match(r"^\((?:in the )?Chair(?:man|woman)?\)", after, re.IGNORECASE):
        return "chair", ""
    note = after.strip("()–- ").strip()
    note = re.sub(r"\)\.?$", "", note) if note.count(")") > note.count("(") else note
    return role, note[:300]


def confirmed_date(minute: MinuteRecord):
    """The date of the earlier meeting whose minutes this minute confirms, if it does."""
    if confirms := CONFIRMS.search(f"{minute.title} {minute.text}"[:1000]):
        day, month, year = confirms.group(1, 2, 3) if confirms[1] else confirms.group(5, 4, 6)
        return make_date(day, month, year)
    return None


def _minute(number: str, title: str, lines: list[Line]) -> MinuteRecord:
    body = _after_title(number, title, lines)
    minute = MinuteRecord(number=number, title=title, text="", page=lines[0].page)
    if item_line := next((line for line in body if ITEM_LINE.match(line.text)), None):
        minute.agenda_item_number = ITEM_LINE.match(item_line.text)[1]
        body = [line for line in body if line is not item_line]
    joined = " ".join(line.text for line in body)
    if not minute.agenda_item_number and (reference := AGENDA_REFERENCE.search(joined)):
        minute.agenda_item_number = reference[1]
    minute.text = reflow([line.raw for line in body])
    _decision(minute, body)
    return minute


def _after_title(number: str, title: str, lines: list[Line]) -> list[Line]:
    """The minute's lines after its heading, and after the heading's wrapped part, if any."""
    body = lines[1:]
    heading = lines[0].text.removeprefix(number).lstrip(".):;,– ").strip()
    if title == strip_full_stop(heading):
        return body
    continuation = next((i for i, line in enumerate(body) if line.text), None)
    if continuation is not None and title.endswith(strip_full_stop(body[continuation].text)):
        return body[continuation + 1 :]
    return body


def _decision(minute: MinuteRecord, body: list[Line]) -> None:
    texts = [line.text for line in body]
    start = next((i for i, text in enumerate(texts) if RESOLVED.match(text)), None)
    if start is None:
        record_motion(minute, find_motion(minute.text))
        return
    minute.key_decision = any(KEY_DECISION.match(text) for text in texts[start:])
    minute.mover, minute.seconder = movers(" ".join(texts[:start]))
    reasons_at = next((i for i in range(start, len(texts)) if REASONS.match(texts[i])), len(texts))
    resolved_lines = [
        line.raw for line in body[start:reasons_at] if not KEY_DECISION.match(line.text)
    ]
    first = RESOLVED.match(clean(resolved_lines[0]))[1]
    resolved_lines[0] = first
    minute.resolved = reflow(resolved_lines) or None
    if minute.resolved:
        minute.resolved_items = _items(minute.resolved)
    if reasons_at < len(texts):
        reason_lines = [REASONS.match(texts[reasons_at])[1]]
        reason_lines += [line.raw for line in body[reasons_at + 1 :]]
        minute.reasons = reflow(reason_lines) or None


def _items(resolved: str) -> list[str]:
    """The lettered or numbered sub-items of a resolution, markdown dashes removed."""
    paragraphs = [re.sub(r"^-\s+", "", p.strip()) for p in resolved.split("\n\n") if p.strip()]
    items = [p for p in paragraphs if starts_list_item(p) and not p.startswith(("-", "•"))]
    return items if len(items) >= 2 else []
