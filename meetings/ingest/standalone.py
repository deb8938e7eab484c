"""Documents that stand alone, outside a pack: a report sent to a meeting, and a decision
notice (a record of decision) taken by a decision maker.

Both are read from labelled fields. A report is recognised by its sections ("Purpose of
Report", "Recommendations", "Background", …) with a memo header (From / To / Subject /
Date) or an "Agenda Item N" line naming its meeting; "To: Cabinet" names the meeting the
report goes to, never a new body. A decision notice is recognised by its labels (Decision
number, Decision maker, Date of decision, Decision, Reasons, Alternatives considered,
Interests declared).
"""

import re

from meetings.ingest.frontsheet import body_named
from meetings.ingest.lines import Line
from meetings.ingest.records import MeetingRecord, MinuteRecord, MinutesRecord, ReportRecord
from meetings.ingest.reports import SECTION_HEADINGS, report_sections, section_key
from meetings.ingest.text import find_any_date, find_date, reflow, strip_full_stop, title_case

TOP_LINES = 20
MIN_SECTIONS = 2
MIN_NOTICE_FIELDS = 3
LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z ()/’'?-]{1,60}?)\s*[:?]\s*(?P<value>.*)$")
MEMO_FIELDS = {
    "to": "to",
    "report to": "to",
    "meeting": "to",
    "from": "from",
    "report of": "from",
    "report by": "from",
    "author": "from",
    "subject": "subject",
    "title": "subject",
    "report title": "subject",
    "date": "date",
    "date of meeting": "meeting date",
    "meeting date": "meeting date",
    "decision no": "decision number",
    "decision number": "decision number",
}
NOTICE_FIELDS = {
    "decision no": "number",
    "decision number": "number",
    "decision reference": "number",
    "decision ref": "number",
    "reference": "number",
    "decision maker": "maker",
    "decision taken by": "maker",
    "decision made by": "maker",
    "date of decision": "date",
    "decision date": "date",
    "date decision taken": "date",
    "date": "date",
    "subject": "title",
    "title": "title",
    "title of decision": "title",
    "subject matter": "title",
    "decision": "decision",
    "decision taken": "decision",
    "decision made": "decision",
    "reasons for the decision": "reasons",
    "reasons for decision": "reasons",
    "reason for decision": "reasons",
    "reason(s) for decision": "reasons",
    "reasons": "reasons",
    "alternatives considered": "alternatives",
    "alternative options considered": "alternatives",
    "alternatives considered and rejected": "alternatives",
    "options considered": "alternatives",
    "interests declared": "interests",
    "declarations of interest": "interests",
    "interests and nature of interests declared": "interests",
    "conflicts of interest": "interests",
}
NOTICE_TITLE = re.compile(
    r"^(?:RECORD OF (?:EXECUTIVE |KEY |DELEGATED |OFFICER )?DECISIONS?|(?:EXECUTIVE |OFFICER )?"
    r"DECISION NOTICE|NOTICE OF (?:KEY )?DECISION|DECISION RECORD)\b",
    re.IGNORECASE,
)
ITEM_LINE = re.compile(r"^(?:Agenda\s+)?Item\s*(?:No\.?)?\s*:?\s*(?P<number>\d{1,3}[a-z]?)$", re.I)


def read_standalone(lines: list[Line]):
    """(MeetingRecord, ReportRecord) for a report, a MinutesRecord for a decision notice,
    or None."""
    return _decision_notice(lines) or _report(lines)


def labelled_fields(lines: list[Line], names: dict[str, str]) -> dict[str, list[str]]:
    """Each known label's value: the text after it and on the lines up to the next label."""
    fields: dict[str, list[str]] = {}
    current = None
    for line in lines:
        match = LABEL.match(line.text)
        name = names.get(_label_key(match["label"])) if match else None
        if name and name not in fields:
            current = name
            fields[name] = [match["value"]] if match["value"] else []
        elif name:
            current = None  # a label met again, inside an appendix
        elif current and line.text:
            fields[current].append(line.raw)
    return fields


def _label_key(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip().lower()


# Decision notices ---------------------------------------------------------------------------


def _decision_notice(lines: list[Line]) -> MinutesRecord | None:
    top = [line.text for line in lines if line.text][:TOP_LINES]
    fields = labelled_fields(lines, NOTICE_FIELDS)
    titled = any(NOTICE_TITLE.match(text) for text in top)
    if not fields.get("decision") or (len(fields) < MIN_NOTICE_FIELDS + (0 if titled else 2)):
        return None
    date = find_any_date(" ".join(fields.get("date", [])))
    maker = _one_line(fields.get("maker", [])) or body_named(top)
    if not date or not maker:
        return None
    number = _one_line(fields.get("number", []))[:20] or "1"
    title = strip_full_stop(_one_line(fields.get("title", []))) or "Decision"
    minute = MinuteRecord(
        number=number,
        title=title,
        text=reflow([line.raw for line in lines if line.text]),
        page=lines[0].page,
        resolved=reflow(fields["decision"]),
        reasons=reflow(fields.get("reasons", [])) or None,
        alternatives=reflow(fields.get("alternatives", [])),
        interests=reflow(fields.get("interests", [])),
        outcome="approved",
    )
    meeting = MeetingRecord(body=maker, date=date)
    filled = [line for line in lines if line.text]
    return MinutesRecord(meeting, [], [minute], filled[0].page, filled[-1].page)


def _one_line(values: list[str]) -> str:
    return " ".join(" ".join(values).split())


# Reports ------------------------------------------------------------------------------------


def _report(lines: list[Line]) -> tuple[MeetingRecord, ReportRecord] | None:
    """A report: its sections, or the one 'Agenda Item N' line that says which item it is."""
    filled = [line for line in lines if line.text]
    item_lines = [i for i, line in enumerate(filled) if ITEM_LINE.match(line.text)]
    item_at = item_lines[0] if len(item_lines) == 1 and item_lines[0] < TOP_LINES else None
    headings = {section_key(line.text) for line in filled}
    if item_at is None and len(headings & SECTION_HEADINGS.keys()) < MIN_SECTIONS:
        return None
    top_lines = filled[:TOP_LINES]
    memo = labelled_fields(top_lines, MEMO_FIELDS)
    meeting = _memo_meeting(memo) or _heading_meeting(top_lines, item_at)
    if not meeting:
        return None
    title = _one_line(memo.get("subject", [])) or _title_of(top_lines, item_at, meeting)
    sections = report_sections(lines)
    report = ReportRecord(
        title=strip_full_stop(title) or "Untitled report",
        report_by=_one_line(memo.get("from", [])),
        first_page=filled[0].page,
        last_page=filled[-1].page,
        text=reflow([line.raw for line in lines]),
        agenda_item_number=ITEM_LINE.match(top_lines[item_at].text)["number"]
        if item_at is not None
        else "",
        purpose=sections.get("purpose", ""),
        recommendations=sections.get("recommendations", ""),
    )
    return meeting, report


def _memo_meeting(memo: dict[str, list[str]]) -> MeetingRecord | None:
    """'To: Cabinet' with the meeting's date: the meeting the report goes to."""
    to = _one_line(memo.get("to", []))
    dates = (_one_line(memo.get(name, [])) for name in ("meeting date", "to", "date"))
    date = next((found for text in dates if (found := find_any_date(text))), None)
    to = re.sub(r"[\s,–-]*\d.*$", "", to).strip()  # "Cabinet – 12 March 2025"
    if not to or not date:
        return None
    return MeetingRecord(body=title_case(to) if to.isupper() else to, date=date)


def _heading_meeting(top_lines: list[Line], item_at: int | None) -> MeetingRecord | None:
    """The body and date a report's first lines name ('X Town Council Meeting 21 February');
    the date printed by the item line is the meeting's, not a date in the title."""
    texts = [line.text for line in top_lines[:8]]
    near_item = texts[item_at : item_at + 2] if item_at is not None else []
    date = next((found for text in near_item + texts if (found := find_date(text))), None)
    body = body_named(texts)
    return MeetingRecord(body=body, date=date) if body and date else None


def _title_of(top_lines: list[Line], item_at: int | None, meeting: MeetingRecord) -> str:
    """The line after 'Agenda Item N', else the first line that is not the meeting's name, a
    date, an item number or a note in brackets."""
    texts = [line.text for line in top_lines]

    def is_title(text: str) -> bool:
        return not (
            find_date(text)
            or ITEM_LINE.match(text)
            or text.startswith("(")
            or text == meeting.body
            or section_key(text) in SECTION_HEADINGS
            or LABEL.match(text)
        )

    if item_at is not None and item_at + 1 < len(texts) and is_title(texts[item_at + 1]):
        return texts[item_at + 1]
    return next((text for text in texts if is_title(text)), "")
