"""Decision lists of licensing and planning boards and committees. No Django here.

A list of what a board decided at one meeting, one application a row: the application's
reference ("22/01234/FUL", "PB-31-004") or the premises or licence it concerns, where it is
and who applied, then the decision ("Granted", "Granted subject to conditions", "Refused",
"Deferred", "Withdrawn", "Approved"). The rows are printed either as labelled blocks that
end with the decision ("Application: …", "Site: …", "Proposal: …", "Decision: Refused"), or
as a table whose rows start with the reference and end with the decision. Each row is a
minute with that decision and its outcome; the meeting is the one the list's heading names.

A document is read as a decision list only when such rows are its body: two or more of them,
decided, making most of what follows the heading. An agenda is never one, nor minutes with a
few planning decisions among their items: the other readers read those.
"""

import re
from dataclasses import dataclass

from meetings.ingest.heading import read_heading
from meetings.ingest.lines import Line
from meetings.ingest.motions import DEFERRED, OUTCOME_WORDS, WITHDRAWN
from meetings.ingest.numbering import numbered_items
from meetings.ingest.records import MinuteRecord, MinutesRecord
from meetings.ingest.roll import people_in
from meetings.ingest.text import reflow, strip_full_stop

MIN_ROWS = 2
MIN_SHARE = 0.6  # of the lines after the heading that the rows must make
MAX_NUMBER = 20

# "22/01234/FUL", "DC/22/01234", "22/P/01234", "2022/1234/FUL", "PB-31-004", "BZA-2031-004";
# never a date ("12/03/2031"): the number after the first separator has three digits or more.
REFERENCE = re.compile(
    r"\b(?:[A-Z]{1,5}[/-]\s?)?\d{2,4}[/-](?:[A-Z]{1,3}[/-])?\d{3,6}(?:[/-][A-Z]{1,5}\d{0,2})?\b"
)
ROW_NUMBER = re.compile(r"^\(?(?P<number>\d{1,3}[a-z]?)(?:[.)]\s*|\s+[-–]\s+|\s+)(?=\S)")
# "Decision: Granted", "Board decision – Refused", "OUTCOME: Deferred to the next meeting"
DECISION_LABEL = re.compile(
    r"^(?:(?:Committee|Board|Panel|Sub-Committee|Final)\s+)?(?:Decision|Outcome|Result"
    r"|Determination)\s*(?::|\s[–-])\s*(?P<decision>\S.*)$",
    re.IGNORECASE,
)
# What a labelled decision says, in a board's words: "Planning permission granted subject to
# conditions", "Licence granted", "Application refused", "Deferred for a site visit".
_DECIDED = "|".join(sorted(OUTCOME_WORDS, key=len, reverse=True))
DECISION_WORDS = re.compile(
    r"^(?:(?:the\s+)?(?:planning\s+permission|permission|consent|licence|license|application"
    rf"|variation|review|appeal)\s+)?(?:(?:was|is|be)\s+)?(?P<word>{_DECIDED})\b",
    re.IGNORECASE,
)
# A table's decision cell, at the end of its row and capitalised: "… Smith Family Trust
# Approved", "… GRANTED SUBJECT TO CONDITIONS"; not "… previously approved".
TABLE_DECISION = re.compile(
    r"(?:^|\s)(?P<decision>(?-i:(?=[A-Z]))(?:granted|approved|refused|denied|rejected"
    r"|deferred|continued|withdrawn)(?:\s+(?:subject\s+to|with|for|to|until|pending)\b.{0,60})?)"
    r"\.?$",
    re.IGNORECASE,
)
# A table's header whose last column is the decision: "Premises Application Decision"
DECISION_COLUMN = re.compile(r"^(?:[A-Z][\w/()&'’-]*\s+){1,6}(?:Decision|Outcome|Result)$")
CELL_GOES_ON = re.compile(r"\b(?:with|subject(?:\s+to)?|to|for|until|pending|of)$", re.IGNORECASE)
FIELD = re.compile(r"^(?P<label>[A-Z][A-Za-z /()'’-]{1,40}?)\s*:\s*(?P<value>.*)$")
# The fields that say what a row is about, in the order a title names them.
TITLE_FIELDS = {
    "application": "reference",
    "application no": "reference",
    "application number": "reference",
    "application ref": "reference",
    "reference": "reference",
    "ref": "reference",
    "case": "reference",
    "case no": "reference",
    "licence no": "reference",
    "premises": "place",
    "premises name": "place",
    "site": "place",
    "site address": "place",
    "address": "place",
    "location": "place",
    "proposal": "subject",
    "description": "subject",
    "development": "subject",
    "licence type": "subject",
    "application type": "subject",
    "type of application": "subject",
}
REASONS = re.compile(
    r"^Reasons?(?:\s+for\s+(?:the\s+)?(?:decision|refusal|deferral))?\s*:\s*(?P<text>.*)$", re.I
)


@dataclass
class Row:
    start: int  # index of its first line
    decision_at: int  # index of the line its decision is printed on
    end: int  # index after its last line
    decision: str
    labelled: bool  # a block of fields ending 'Decision: …', else a table's row


def read_decision_list(lines: list[Line]) -> MinutesRecord | None:
    """The decisions of a licensing or planning board's decision list, as minutes of the
    meeting its heading names; None where the document is not one."""
    rows = _labelled_rows(lines) or _table_rows(lines) or _headed_rows(lines)
    if not rows or not _rows_make_the_document(lines, rows):
        return None
    first = rows[0].start
    heading = read_heading(lines[:first])
    if not heading.body or not heading.date or heading.kind == "agenda":
        return None
    meeting = heading.meeting()
    minutes = [_minute(lines, row, position) for position, row in enumerate(rows, start=1)]
    _number_apart(minutes)
    filled = [line for line in lines if line.text]
    attendance = people_in(lines[heading.end : first])
    return MinutesRecord(meeting, attendance, minutes, filled[0].page, filled[-1].page)


# Finding the rows ---------------------------------------------------------------------------


def _labelled_rows(lines: list[Line]) -> list[Row]:
    """Rows that end with a labelled decision (and its reasons, conditions …). Each row starts
    at the line before its decision printed as every row's first line is: the same label, a
    number, or a reference."""
    decisions = [i for i, line in enumerate(lines) if DECISION_LABEL.match(line.text)]
    if len(decisions) < MIN_ROWS:
        return []
    bounds = [0, *decisions]
    gaps = [range(bounds[k], bounds[k + 1]) for k in range(len(decisions))]
    shape = _row_start_shape(lines, gaps)
    if not shape:
        return []
    starts = [max(i for i in gap if _shape(lines[i].text) == shape) for gap in gaps]
    rows = []
    for position, (start, at) in enumerate(zip(starts, decisions, strict=True)):
        value_end = _decision_end(lines, at, len(lines))
        value = DECISION_LABEL.match(lines[at].text)["decision"]
        decision = reflow([value, *_texts(lines, at + 1, value_end)])
        end = starts[position + 1] if position + 1 < len(starts) else _to_blank_line(lines, at)
        rows.append(Row(start, at, end, decision, labelled=True))
    return rows


def _row_start_shape(lines: list[Line], gaps: list[range]) -> str:
    """The shape printed once before every decision, the first after the one before."""
    shapes = [[_shape(lines[i].text) for i in gap if lines[i].text] for gap in gaps]
    in_every = [
        shape
        for shape in shapes[1]
        if shape not in ("text", "decision") and all(shape in gap for gap in shapes)
    ]
    return in_every[0] if in_every else ""


def _decision_end(lines: list[Line], at: int, limit: int) -> int:
    """The index after a decision's last line: it goes on over the lines it wraps onto."""
    end = at + 1
    while end < limit and lines[end].text and _shape(lines[end].text) == "text":
        end += 1
    return end


def _to_blank_line(lines: list[Line], index: int) -> int:
    """The index of the first blank line after `index` (or the end): where the last row ends,
    after its decision's reasons or conditions, or a table's last row."""
    end = index + 1
    while end < len(lines) and lines[end].text:
        end += 1
    return end


def _shape(text: str) -> str:
    """What a row's first line is: a field's label, a number, a reference, or text."""
    if DECISION_LABEL.match(text):
        return "decision"
    if match := FIELD.match(text):
        return "field " + _key(match["label"])
    if ROW_NUMBER.match(text):
        return "number"
    if REFERENCE.match(text):
        return "reference"
    return "text"


def _table_rows(lines: list[Line]) -> list[Row]:
    """Rows of a table: each starts with its reference (after its number, if numbered) and
    ends, on that line or a line its cells wrapped onto, with its decision. A row may have
    none (not heard); a table most of whose rows have none is no decision list."""
    starts = [i for i, line in enumerate(lines) if REFERENCE.match(_after_number(line.text))]
    rows = []
    for position, start in enumerate(starts):
        limit = starts[position + 1] if position + 1 < len(starts) else _to_blank_line(lines, start)
        at = next((i for i in range(start, limit) if TABLE_DECISION.search(lines[i].text)), None)
        if at is None:
            rows.append(Row(start, start, start + 1, "", labelled=False))
            continue
        decision = TABLE_DECISION.search(lines[at].text)["decision"]
        end = at + 1
        if CELL_GOES_ON.search(decision):  # "Approved with" / "conditions": a wrapped cell
            end = _decision_end(lines, at, limit)
            decision = " ".join([decision, *_texts(lines, at + 1, end)])
        rows.append(Row(start, at, end, decision, labelled=False))
    decided = sum(1 for row in rows if row.decision)
    return rows if decided >= MIN_ROWS and decided * 2 >= len(rows) else []


def _headed_rows(lines: list[Line]) -> list[Row]:
    """Rows of a table with no references, under a header whose last column is the decision
    ('Premises Application Decision'): each row runs to the line that ends with its
    decision cell, over the lines its other cells wrapped onto."""
    header = next((i for i, line in enumerate(lines) if DECISION_COLUMN.search(line.text)), None)
    if header is None:
        return []
    rows = []
    start = header + 1
    for index in range(header + 1, len(lines)):
        if not lines[index].text:
            if rows or index > start:
                break  # the table ends at a blank line
            start += 1  # … not one under its header
            continue
        if match := TABLE_DECISION.search(lines[index].text):
            rows.append(Row(start, index, index + 1, match["decision"], labelled=False))
            start = index + 1
    return rows if len(rows) >= MIN_ROWS else []


def _rows_make_the_document(lines: list[Line], rows: list[Row]) -> bool:
    """The rows follow the heading (and who attended), not a meeting's numbered items, and
    make most of the rest of the document."""
    first = rows[0].start
    if numbered_items(lines[:first])[1]:
        return False  # minutes or an agenda, with decisions among their items
    after = sum(1 for line in lines[first:] if line.text)
    in_rows = sum(1 for row in rows for line in lines[row.start : row.end] if line.text)
    return after > 0 and in_rows >= MIN_SHARE * after


# Each row a minute --------------------------------------------------------------------------


def _minute(lines: list[Line], row: Row, position: int) -> MinuteRecord:
    row_lines = lines[row.start : row.end]
    first = lines[row.start].text
    number_match = ROW_NUMBER.match(first)
    reference = REFERENCE.search(" ".join(line.text for line in row_lines))
    number = (
        number_match["number"]
        if number_match
        else reference[0].replace(" ", "")
        if reference
        else str(position)
    )
    outcome = _outcome(row.decision)
    # Deferred or withdrawn, an application is not decided yet; a row may have no decision.
    decided = row.decision and outcome not in (DEFERRED, WITHDRAWN)
    return MinuteRecord(
        number=number[:MAX_NUMBER],
        title=_title(row_lines, row, number_match),
        text=reflow([line.raw for line in row_lines]),
        page=lines[row.start].page,
        resolved=strip_full_stop(row.decision) if decided else None,
        outcome=outcome,
        reasons=_reasons(row_lines),
    )


def _outcome(decision: str) -> str:
    match = DECISION_WORDS.match(decision)
    return OUTCOME_WORDS[match["word"].lower()] if match else ""


def _title(row_lines: list[Line], row: Row, number_match: re.Match | None) -> str:
    """What the row is about: its fields' reference, place and subject; else its first line
    (a table's row, up to its decision cell), without its number."""
    fields: dict[str, str] = {}
    for line in row_lines:
        if (match := FIELD.match(line.text)) and (name := TITLE_FIELDS.get(_key(match["label"]))):
            fields.setdefault(name, match["value"].strip())
    parts = [fields[name] for name in ("reference", "place", "subject") if fields.get(name)]
    if parts and not number_match:
        return strip_full_stop(" – ".join(parts))
    if row.labelled:
        text = row_lines[0].text
    else:
        text = " ".join(line.text for line in row_lines[: row.decision_at - row.start + 1])
        text = TABLE_DECISION.sub("", text) if row.decision else text
    text = text[number_match.end() :] if number_match else text
    return strip_full_stop(text.strip(" –-:"))


def _reasons(row_lines: list[Line]) -> str | None:
    for position, line in enumerate(row_lines):
        if match := REASONS.match(line.text):
            rest = []
            for following in row_lines[position + 1 :]:
                if not following.text or FIELD.match(following.text):
                    break
                rest.append(following.raw)
            return reflow([match["text"], *rest]) or None
    return None


def _number_apart(minutes: list[MinuteRecord]) -> None:
    """Two rows with one reference (an application and its listed building consent) are told
    apart by their order."""
    seen: dict[str, int] = {}
    for minute in minutes:
        seen[minute.number] = seen.get(minute.number, 0) + 1
        if seen[minute.number] > 1:
            minute.printed_number = minute.number
            minute.number = f"{minute.number} ({seen[minute.number]})"[:MAX_NUMBER]


def _texts(lines: list[Line], start: int, end: int) -> list[str]:
    return [line.raw for line in lines[start:end] if line.text]


def _key(label: str) -> str:
    return re.sub(r"[\s.]+", " ", label).strip(" .").lower()


def _after_number(text: str) -> str:
    match = ROW_NUMBER.match(text)
    return text[match.end() :] if match else text
