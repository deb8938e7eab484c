"""Officer reports: where each starts, its title, author, sections and flags."""

import re

from meetings.ingest.lines import Line
from meetings.ingest.records import ReportRecord
from meetings.ingest.text import (
    MONTH,
    NAME_IN_CAPITALS,
    WEEKDAY,
    make_date,
    reflow,
    strip_full_stop,
    title_case,
)

HEADING = re.compile(
    rf"^(?P<body>{NAME_IN_CAPITALS})(?: REPORT)?\s*[–-]\s*(?:{WEEKDAY.upper()},?\s+)?"
    rf"(?P<day>\d{{1,2}})(?:ST|ND|RD|TH)?\s+"
    rf"(?P<month>{MONTH.upper()})\s+(?P<year>\d{{4}})$"
)
REPORT_OF = re.compile(r"^(?:EXEMPT\s+)?(?:JOINT\s+)?REP+ORT OF\b", re.IGNORECASE)
EXTRACT = re.compile(r"^(?:DRAFT\s+)?MINUTE EXTRACT$", re.IGNORECASE)
RESTRICTED = "Document is Restricted"
CONTINUES_AFTER = ("AND", "OF", "THE", ",", "FAMILY", "CORPORATE", "&")
CONTINUES_BEFORE = ("SERVICES", "RESOURCES", "DIRECTOR", "GOVERNANCE", "AND ", "OF ")
SECTION_HEADINGS = {
    "purpose of the report": "purpose",
    "purpose of report": "purpose",
    "purpose": "purpose",
    "summary": "purpose",
    "executive summary": "purpose",
    "recommendation": "recommendations",
    "recommendations": "recommendations",
    "reasons for recommendation": None,
    "reason for recommendations": None,
    "reasons for recommendations": None,
    "reason for recommendation": None,
    "timetable for decisions (including scrutiny)": None,
    "timetable for decisions": None,
    "policy framework and previous decisions": None,
    "resource implications": None,
    "background": None,
    "part b": None,
    "officers to contact": None,
    "officer(s) to contact": None,
    "officer to contact": None,
    "conclusions": None,
    "conclusion": None,
    "background papers": None,
    "financial implications": None,
    "legal implications": None,
    "legislative framework": None,
    "equality implications": None,
    "risk management": None,
    "options considered": None,
    "alternatives considered": None,
    "appendices": None,
    "circulation under the local issues alert procedure": None,
}
SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})?\.?\s+")
MAX_HEADING_LENGTH = 120  # a committee's full name (commonly 50-80 characters) and a date
REPORT_OF_WINDOW = 25


def find_heading(lines: list[Line], index: int) -> tuple[re.Match | None, int | None]:
    """A report heading at `index` with its REPORT OF line within reach; not a minute extract."""
    text = lines[index].text
    if len(text) > MAX_HEADING_LENGTH or not (match := HEADING.match(text)):
        return None, None
    for ahead in range(index + 1, min(index + REPORT_OF_WINDOW, len(lines))):
        following = lines[ahead].text
        if EXTRACT.match(following) or HEADING.match(following):
            return None, None
        if REPORT_OF.match(following):
            return match, ahead
    return None, None


def heading_meeting(match: re.Match) -> tuple[str, object]:
    body = title_case(match["body"].strip())
    return body, make_date(match["day"], match["month"], match["year"])


def parse_report(lines: list[Line], report_of: int) -> ReportRecord:
    """The report whose heading is lines[0] and whose REPORT OF line is lines[report_of]."""
    by_lines, after_by = _report_of_lines(lines, report_of)
    title_lines = [line.text for line in lines[1:report_of] if line.text]
    if not title_lines:
        title_lines, after_by = _title_after(lines, after_by)
    report_by = " ".join(by_lines)
    report = ReportRecord(
        title=strip_full_stop(" ".join(title_lines)) or "Untitled report",
        report_by=_tidy_report_by(report_by),
        first_page=lines[0].page,
        last_page=_last_page(lines),
        exempt=report_by.upper().startswith("EXEMPT"),
    )
    body = lines[after_by:]
    texts = [line.text for line in body]
    report.has_parts = "PART A" in texts[:10]
    report.key_decision = any(text.lower() == "(key decision)" for text in texts)
    report.agenda_item_number = next((line.footer_item for line in lines if line.footer_item), "")
    sections = report_sections(body)
    report.purpose = sections.get("purpose", "")
    report.recommendations = sections.get("recommendations", "")
    report.text = reflow([line.raw for line in body])
    return report


def restricted_report(lines: list[Line]) -> ReportRecord:
    return ReportRecord(
        title="Restricted document",
        report_by="",
        first_page=lines[0].page,
        last_page=_last_page(lines),
        agenda_item_number=next((line.footer_item for line in lines if line.footer_item), ""),
        exempt=True,
        restricted=True,
    )


def _last_page(lines: list[Line]) -> int:
    return next((line.page for line in reversed(lines) if line.text), lines[0].page)


def _report_of_lines(lines: list[Line], index: int) -> tuple[list[str], int]:
    """The REPORT OF line with its continuations, and the index after them."""
    parts = [lines[index].text]
    index += 1
    while index < len(lines):
        ahead = index
        while ahead < len(lines) and not lines[ahead].text:
            ahead += 1
        if ahead >= len(lines):
            break
        following = lines[ahead].text
        if (
            following.isupper()
            and following not in ("PART A",)
            and (parts[-1].endswith(CONTINUES_AFTER) or following.startswith(CONTINUES_BEFORE))
        ):
            parts.append(following)
            index = ahead + 1
        else:
            break
    return parts, index


def _title_after(lines: list[Line], index: int) -> tuple[list[str], int]:
    """A title printed after the REPORT OF line: capitals up to PART A or running text."""
    title = []
    end = index
    for offset, line in enumerate(lines[index : index + 8], start=index):
        if not line.text:
            continue
        if line.text == "PART A" or not line.text.isupper():
            break
        title.append(line.text)
        end = offset + 1
    return title, end


def _tidy_report_by(text: str) -> str:
    text = re.sub(r"^(?:EXEMPT\s+)?(?:JOINT\s+)?REP+ORT OF\s+(?:THE\s+)?", "", text, flags=re.I)
    return title_case(text.strip())


def section_key(text: str) -> str:
    """'1. Purpose of Report' -> 'purpose of report': a heading as SECTION_HEADINGS spells it."""
    return SECTION_NUMBER.sub("", text).lower().rstrip(": ")


def report_sections(lines: list[Line]) -> dict[str, str]:
    """The purpose and recommendations sections of a report's text, reflowed."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in lines:
        key = section_key(line.text)
        if key in SECTION_HEADINGS:
            current = SECTION_HEADINGS[key]
            if current and current in sections:
                current = None  # a second "Purpose" inside an appendix
            elif current:
                sections[current] = []
            continue
        if current:
            sections[current].append(line.raw)
    return {name: reflow(raw) for name, raw in sections.items()}
