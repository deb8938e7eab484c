"""Agenda front sheets: the meeting a pack is for, its membership and its agenda."""

import re
from itertools import takewhile

from meetings.ingest.lines import Line
from meetings.ingest.records import AgendaItemRecord, Evidence, MeetingRecord, PersonRecord
from meetings.ingest.reports import HEADING as REPORT_HEADING
from meetings.ingest.text import (
    DATE_DMY,
    ITEM_SEPARATOR,
    MONTH,
    NAME_IN_CAPITALS,
    WEEKDAY,
    clean,
    display_name,
    find_any_date,
    find_date,
    find_people,
    find_time,
    person_key,
    strip_full_stop,
    title_case,
)

LABEL = re.compile(
    r"^(Meeting|Committee|Name of meeting|Meeting of|Date/Time|Date and Time|Date & Time"
    r"|Date of meeting|Meeting date|Date|Time of meeting|Start time|Time|Location|Venue"
    r"|Meeting venue|Place|Contact|E-?mail):\s*(.*)$",
    re.IGNORECASE,
)
PLACE_LABEL = re.compile(r"^(?:Location|Venue|Meeting venue|Place|Address|Where)\s*:", re.I)
# What each label names, where councils' words for it differ.
LABEL_MEANS = {
    "committee": "meeting",
    "name of meeting": "meeting",
    "meeting of": "meeting",
    "date of meeting": "date",
    "meeting date": "date",
    "time of meeting": "time",
    "start time": "time",
    "meeting venue": "location",
    "date/time": "date",
    "date and time": "date",
    "date & time": "date",
    "venue": "location",
    "place": "location",
    "e-mail": "email",
}
# The labels of ModernGov's own sheet: a sheet labelled otherwise is a front sheet only above
# an AGENDA heading (a report's cover sheet has "Meeting:" and "Date:" too).
MODERNGOV_LABELS = {"meeting", "date/time"}
PAGES = re.compile(r"\(Pages?\s+(\d+)(?:\s*[-–]\s*(\d+))?\)", re.IGNORECASE)
EXEMPT = re.compile(r"\(\s*Exempt\b[^)]*\)", re.IGNORECASE)
# An agenda row's number: "4.", "4a.", "4)", "(4)", "4.0" or "4" and a tab; `count` is 4
ROW_NUMBER = r"\(?(?P<number>(?P<count>\d{1,2})[a-z]?(?:\.0)?)\)?"
ROW = re.compile(rf"^{ROW_NUMBER}{ITEM_SEPARATOR}(?P<title>.*)$")
ROW_START = re.compile(rf"^\s*{ROW_NUMBER}(?:\.?\)|[.:]|\s+[-–](?=\s))?")
OFFICER = re.compile(
    r"\s((?:(?:Joint Report of the |the )?(?:Director|Chief Executive|Monitoring Officer|Head of|"
    r"Assistant Director|Corporate Director|Lead Member|Leader of the Council|"
    r"Cabinet Member)\b.*))$"
)
FRONT_SHEET_WINDOW = 25
BODY_WORD = re.compile(
    r"\b(Council|Committee|Commission|Board|Cabinet|Panel|Authority|Forum|Assembly)\b", re.I
)
GENERIC_NOISE = re.compile(
    r"\b(Regular|Special|Next|Meeting|Minutes|Agenda|To Be Held On|Held On|From)\b.*$", re.I
)
# "Minutes of the regular meeting of the …", "Agenda for the …": words before the name
LEADING_NOISE = re.compile(
    r"^(?:(?:meeting|committee)\s*:\s*"  # a label
    r"|(?:(?:draft|unconfirmed|approved)\s+)?(?:minutes?|agenda|notice|notes|summary|record)"
    r"\s+(?:of|for)\s+(?:the\s+|a\s+)?"
    r"(?:(?:regular|special|ordinary|annual|extraordinary|adjourned)\s+)?"
    r"(?:meeting\s+of\s+(?:the\s+)?)?)",
    re.IGNORECASE,
)
TRAILING_AUTHORITY = re.compile(  # "City Council of the City of San Leandro"
    r"\s+of\s+the\s+(?:City|Town|Township|Village|County|Borough)\s+of\s+.*$", re.IGNORECASE
)
NOTICE_WINDOW = 40  # lines in which a meeting notice names its meeting and its AGENDA
# "4.", "4)", "(4)", "4.0" or "4" before the title: the number as printed, and its count
NUMBERED_ITEM = re.compile(
    rf"^\(?(?P<number>(?P<count>\d{{1,2}})(?:\.0)?)\)?(?:{ITEM_SEPARATOR}|(?=[A-Z]))"
    r"(?P<title>[A-Z‘'\"(].*)$"
)
SUB_ITEM = re.compile(r"^(?:[-–•·*]|\(?[a-z]{1,3}[.)])\s")
MIN_NOTICE_ITEMS = 3


def page_range(match: re.Match) -> tuple[int, int]:
    """'(Pages 11 - 70)' -> (11, 70); one page, or a range printed backwards, still makes sense."""
    first, last = int(match[1]), int(match[2] or match[1])
    return min(first, last), max(first, last)


def parse_front_sheet(lines: list[Line]) -> tuple[MeetingRecord | None, int]:
    """The meeting described at the top of the pack, and the index where the front sheet ends."""
    for parse in (_parse_labelled, _parse_summons, _parse_supplement_letter, _parse_notice):
        meeting, end = parse(lines)
        if meeting:
            return meeting, end
    return None, 0


def _first_texts(lines: list[Line], limit: int = FRONT_SHEET_WINDOW) -> list[tuple[int, Line]]:
    found = []
    for index, line in enumerate(lines):
        if line.text:
            found.append((index, line))
            if len(found) == limit:
                break
    return found


# ModernGov's labelled front sheet: "Meeting: Cabinet", "Date/Time: ...". ---------------------


def _parse_labelled(lines: list[Line]) -> tuple[MeetingRecord | None, int]:
    labels, printed, labelled = {}, set(), {}
    for _, line in _first_texts(lines):
        if match := LABEL.match(line.text):
            printed.add(label := match[1].lower())
            labels.setdefault(LABEL_MEANS.get(label, label), match[2].strip())
            labelled.setdefault(LABEL_MEANS.get(label, label), (line, match[1]))
    if not {"meeting", "date"} <= labels.keys():
        return None, 0
    date = find_any_date(labels["date"])
    agenda_at = next((i for i, line in enumerate(lines) if _is_agenda_heading(line.text)), None)
    if not date or (agenda_at is None and not printed >= MODERNGOV_LABELS):
        return None, 0
    meeting = MeetingRecord(
        body=labels["meeting"],
        date=date,
        start_time=find_time(labels["date"]) or find_time(labels.get("time", "")),
        location=labels.get("location", ""),
        contact=_contact(labels),
    )
    for field, label, value in (
        ("body", "meeting", meeting.body),
        ("date", "date", meeting.date),
        ("time", "date" if find_time(labels["date"]) else "time", meeting.start_time),
    ):
        if value:
            line, printed_label = labelled[label]
            reason = f"labelled '{printed_label}' on the front sheet"
            meeting.evidence.append(Evidence.of_line(field, value, line, 0.95, reason))
    if agenda_at is None:
        return meeting, 0
    meeting.membership = _membership(lines[:agenda_at])
    meeting.agenda_items, end = _agenda_rows(lines, agenda_at + 1)
    return meeting, end


def _contact(labels: dict) -> str:
    contact = labels.get("contact", "")
    if labels.get("email"):
        contact = f"{contact}, {labels['email']}" if contact else labels["email"]
    return contact


def _membership(lines: list[Line]) -> list[PersonRecord]:
    start = next((i for i, line in enumerate(lines) if line.text.lower() == "membership"), None)
    if start is None:
        return []
    members: dict[str, PersonRecord] = {}
    for line in lines[start + 1 :]:
        if line.text.startswith(("Please note", "AGENDA")):
            break
        for match, after in find_people(line.text):
            role = "member"
            if re.match(r"\s*\(Vice[- ]Chair", after, re.IGNORECASE):
                role = "vice_chair"
            elif re.match(r"\s*\(Chair", after, re.IGNORECASE):
                role = "chair"
            key = person_key(match["title"], match["given"], match["surname"])
            members.setdefault(key, PersonRecord(display_name(match), key, role))
    return list(members.values())


def _agenda_rows(lines: list[Line], start: int) -> tuple[list[AgendaItemRecord], int]:
    """Agenda rows in either layout: TAB-separated cells, or free text with '(Pages a - b)'."""
    items: list[AgendaItemRecord] = []
    index = start
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.text or line.text.startswith("<u>") or re.match(r"^Item\b", line.text):
            continue
        if re.match(r"^(Minutes of a meeting|MINUTES of)", line.text, re.IGNORECASE) or (
            REPORT_HEADING.match(line.text)
        ):
            return items, index
        match = ROW.match(line.text)
        if match and (int(match["count"]) == len(items) + 1 or not items):
            items.append(_agenda_item(match["number"], line.raw))
            items[-1].page = line.page
        elif items:
            note = line.text
            items[-1].note = f"{items[-1].note} {note}".strip()
    return items, index + 1


def _agenda_item(number: str, raw: str) -> AgendaItemRecord:
    cells = [clean(cell) for cell in ROW_START.sub("", raw, count=1).split("\t")]
    cells = [cell for cell in cells if cell]
    item = AgendaItemRecord(number=number, title="")
    rest = []
    for cell in cells:
        if pages := PAGES.search(cell):
            item.first_page, item.last_page = page_range(pages)
            cell = PAGES.sub("", cell).strip()
        if cell.lower() == "yes" or (pages and cell.endswith(" Yes")):
            item.key_decision = True
            cell = cell.removesuffix("Yes").strip() if cell.lower() != "yes" else ""
        if not cell:
            continue
        rest.append(cell)
    title = rest[0] if rest else ""
    if len(rest) > 1:
        item.report_by = " ".join(rest[1:])
    elif officer := OFFICER.search(title):
        item.report_by = officer[1].strip()
        title = title[: officer.start()].strip()
    if exempt := EXEMPT.search(title):
        item.exempt = True
        item.note = exempt[0].strip("() ")
        title = EXEMPT.sub("", title).strip()
    if "exclusion of the press and public" in title.lower() and "." in title:
        head, _, tail = title.partition(".")
        title, item.note = head + ".", tail.strip()
    item.title = strip_full_stop(title)
    return item


# Kent's ModernGov summons: "AGENDA" / "CABINET" / "Thursday, 13th March, 2025, at 3.00 pm". ----

SUMMONS_PAGES = 2  # the agenda of a summons fits on its first pages
SUMMONS_DATE = re.compile(
    rf"^(?:{WEEKDAY},?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH}),?\s+(\d{{4}})"
)


SUMMONS_TOP = 8  # lines in which the summons' AGENDA heading stands, under a letterhead


def _parse_summons(lines: list[Line]) -> tuple[MeetingRecord | None, int]:
    texts = _first_texts(lines, 12)
    heading = next(
        (i for i, (_, line) in enumerate(texts[:SUMMONS_TOP]) if line.text.upper() == "AGENDA"),
        None,
    )
    if heading is None or len(texts) < heading + 3:
        return None, 0
    body_line, date_line = texts[heading + 1][1], texts[heading + 2][1]
    date = find_date(date_line.text.replace(",", ""))
    if not SUMMONS_DATE.match(date_line.text) or not date:
        return None, 0
    meeting = MeetingRecord(
        body=title_case(body_line.text), date=date, start_time=find_time(date_line.text)
    )
    under = "printed under the AGENDA heading"
    meeting.evidence = [
        Evidence.of_line("body", meeting.body, body_line, 0.9, under),
        Evidence.of_line("date", date, date_line, 0.9, f"{under}, below the body"),
    ]
    if meeting.start_time:
        meeting.evidence.append(
            Evidence.of_line("time", meeting.start_time, date_line, 0.9, "with the date")
        )
    texts = [line.text for _, line in _first_texts(lines, 40)]
    ask_for = next((i for i, text in enumerate(texts) if text.startswith("Ask for:")), None)
    if ask_for is not None:
        meeting.contact = texts[ask_for].removeprefix("Ask for:").strip()
        contact_details = ("Telephone", "Tel", "Email", "e-mail")
        venue = takewhile(lambda text: not text.startswith(contact_details), texts[ask_for + 1 :])
        meeting.location = " ".join(venue)
    exempt = False
    end = 0
    for index, line in enumerate(lines):
        if line.page > SUMMONS_PAGES or REPORT_HEADING.match(line.text):
            break
        if line.text.startswith("EXEMPT ITEMS"):
            exempt = True
        match = ROW.match(line.text)
        next_item = len(meeting.agenda_items) + 1
        if match and not match["number"][-1].isalpha() and int(match["count"]) == next_item:
            title = strip_full_stop(PAGES.sub("", match["title"]).strip())
            item = AgendaItemRecord(
                number=match["number"], title=title, exempt=exempt, page=line.page
            )
            meeting.agenda_items.append(item)
            end = index + 1
    return meeting, end


# A supplement's covering letter: "Dear Member" / "CABINET - THURSDAY, 30 JANUARY 2025". ------

LETTER_HEADING = re.compile(
    rf"^(?P<body>{NAME_IN_CAPITALS})\s+[-–]\s+{WEEKDAY.upper()},?\s+(?P<date>.+)$"
)


def _parse_supplement_letter(lines: list[Line]) -> tuple[MeetingRecord | None, int]:
    texts = _first_texts(lines, 20)
    if not any(line.text.startswith("Dear ") for _, line in texts):
        return None, 0
    for _, line in texts:
        heading = LETTER_HEADING.match(line.text)
        if heading and DATE_DMY.search(heading["date"]):
            meeting = MeetingRecord(
                body=title_case(heading["body"]),
                date=find_date(heading["date"]),
                agenda_is_supplement=True,
            )
            reason = "the heading of a covering letter"
            meeting.evidence = [
                Evidence.of_line("body", meeting.body, line, 0.85, reason),
                Evidence.of_line("date", meeting.date, line, 0.85, reason),
            ]
            break
    else:
        return None, 0
    end = 0
    items = []
    in_items = False
    for index, line in enumerate(lines[: texts[-1][0] + 10]):
        if line.text.startswith("Agenda Item No"):
            in_items = True
            continue
        if in_items and (match := re.match(r"^(\d{1,2}[a-z]?)\s+(.+)$", line.text)):
            items.append(AgendaItemRecord(number=match[1], title=match[2], page=line.page))
            end = index + 1
        elif in_items and items and line.text.startswith("(Page"):
            items[-1].first_page, items[-1].last_page = page_range(PAGES.search(line.text))
            end = index + 1
        elif in_items and line.text.startswith("Yours"):
            break
    for item in items:
        if pages := PAGES.search(item.title):
            item.first_page, item.last_page = page_range(pages)
            item.title = PAGES.sub("", item.title).strip()
    meeting.agenda_items = items
    return meeting, end


def body_named(texts: list[str]) -> str:
    """The council, committee or board a document's first lines name, without date or noise."""
    for index, text in enumerate(texts[:15]):
        if not BODY_WORD.search(text) or len(text) > 90 or PLACE_LABEL.match(text):
            continue  # "Venue: Council Chamber" names a room
        name = re.sub(rf"(\d|\b{MONTH}\b).*$", "", text, flags=re.IGNORECASE)
        name = TRAILING_AUTHORITY.sub("", LEADING_NOISE.sub("", name))
        name = GENERIC_NOISE.sub("", name).strip(" ,–-|#")
        if len(name.split()) == 1 and index:
            name = f"{texts[index - 1]} {name}"
        if BODY_WORD.search(name):
            return title_case(name) if name.isupper() else name
    return ""


# A meeting notice: a town or parish council's "the meeting will be held on …", then AGENDA
# and items numbered 1, 2, 3 … ("1. To receive apologies", "2 Matters Arising"). -----------


def _parse_notice(lines: list[Line]) -> tuple[MeetingRecord | None, int]:
    texts = _first_texts(lines, NOTICE_WINDOW)
    agenda_at = next(
        (i for i, (_, line) in enumerate(texts) if _is_agenda_heading(line.text)), None
    )
    if agenda_at is None:
        return None, 0
    heading = [line for _, line in texts[:agenda_at]]
    header = " ".join(line.text for line in heading)
    body, date = body_named([line.text for line in heading]), find_date(header)
    items, end = _numbered_items(lines, texts[agenda_at][0] + 1)
    if not (body and date and len(items) >= MIN_NOTICE_ITEMS):
        return None, 0
    meeting = MeetingRecord(body=body, date=date, start_time=find_time(header), agenda_items=items)
    meeting.evidence = [
        Evidence.of_line(field, value, line, 0.75, "in a notice's lines above its AGENDA")
        for field, value, line in (
            ("body", body, _line_naming(heading, body.split()[-1])),
            ("date", date, next((line for line in heading if find_date(line.text)), None)),
        )
        if line
    ]
    return meeting, end


def _line_naming(lines: list[Line], word: str) -> Line | None:
    return next((line for line in lines if word.lower() in line.text.lower()), None)


AGENDA_HEADINGS = {"AGENDA", "AGENDA ITEMS", "THE AGENDA", "BUSINESS", "ORDER OF BUSINESS"}
SPACED_LETTERS = re.compile(r"(?<=\b\w) (?=\w\b)")  # "A G E N D A"


def _is_agenda_heading(text: str) -> bool:
    return SPACED_LETTERS.sub("", text.strip(" :")).upper() in AGENDA_HEADINGS


def _numbered_items(lines: list[Line], start: int) -> tuple[list[AgendaItemRecord], int]:
    """Items numbered from 1 without a gap; lines between items are the item's sub-items."""
    items: list[AgendaItemRecord] = []
    notes: list[list[str]] = []
    end = start
    for index in range(start, len(lines)):
        text = lines[index].text
        if not text:
            continue
        match = NUMBERED_ITEM.match(text)
        if match and int(match["count"]) == len(items) + 1:
            title = strip_full_stop(match["title"])
            items.append(
                AgendaItemRecord(number=match["number"], title=title, page=lines[index].page)
            )
            notes.append([])
        elif items and (len(notes[-1]) < 8 and (SUB_ITEM.match(text) or not _after_last(text))):
            notes[-1].append(text)
        else:
            break
        end = index + 1
    for item, note in zip(items, notes, strict=True):
        item.note = "; ".join(part.lstrip("-–•·* ") for part in note)
    return items, end


def _after_last(text: str) -> bool:
    """A line that ends the list rather than continuing an item: a date or a signature."""
    return bool(find_date(text)) or text.lower().startswith(("date", "signed", "clerk", "copies"))
