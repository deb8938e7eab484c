"""A pack's pages to records: find its documents, then parse each. No Django here."""

from collections import Counter

from meetings.ingest.ballot import read_ballot
from meetings.ingest.bilingual import english_reading
from meetings.ingest.casing import acronyms_in, readable
from meetings.ingest.council import contact_domains, council_reading
from meetings.ingest.decision_list import read_decision_list
from meetings.ingest.enactment import read_enactment
from meetings.ingest.frontsheet import parse_front_sheet
from meetings.ingest.heading import read_heading
from meetings.ingest.lines import Line, page_lines, printed_page_numbers
from meetings.ingest.minutes import confirmed_date, find_header, parse_minutes
from meetings.ingest.proceedings import heading_of, read_proceedings
from meetings.ingest.records import (
    AgendaItemRecord,
    Evidence,
    MeetingRecord,
    MinutesRecord,
    PackRecord,
    ReportRecord,
)
from meetings.ingest.reports import (
    RESTRICTED,
    find_heading,
    heading_meeting,
    parse_report,
    restricted_report,
)
from meetings.ingest.standalone import read_standalone
from meetings.ingest.text import find_date, fold
from meetings.ingest.transcript import read_transcript

NO_MEETING = "no meeting recognised"  # the warning of a document kept without its meeting


def parse_pack(
    pages: list[str], default_body: str = "", default_date=None, styles=None
) -> PackRecord:
    """Records for everything recognised in a pack's pages.

    `default_body` and `default_date` name the meeting of a document that does not; `styles`
    are the Styles of each page's lines, where the pages came from a PDF.
    """
    lines = english_reading(page_lines(pages, styles))
    domains = contact_domains(lines)
    council, council_evidence = council_reading(lines, domains)
    record = PackRecord(pages=pages, council=council, contact_domains=domains)
    if council_evidence:
        record.evidence.append(council_evidence)
    record.meeting, front_end = parse_front_sheet(lines)
    documents = _document_starts(lines, front_end)
    headings = []
    for position, (start, kind, found) in enumerate(documents):
        end = documents[position + 1][0] if position + 1 < len(documents) else len(lines)
        if kind == "minutes":
            header, body_start = found
            record.minutes.append(parse_minutes(lines[start:end], header, body_start - start))
        elif kind == "report":
            heading, report_of = found
            headings.append((heading_meeting(heading), lines[start]))
            record.reports.append(parse_report(lines[start:end], report_of - start))
        else:
            record.reports.append(restricted_report(lines[start:end]))
    if not record.meeting and headings:
        record.meeting = _report_headings_meeting(headings)
    if record.meeting:
        _link_reports(record.meeting.agenda_items, record.reports, record.warnings)
        _mark_special_minutes(record)
    elif not record.minutes:
        _read_other_house_styles(record, lines)
        if not record.meeting and not record.minutes:
            record.meeting = _generic_meeting(lines, default_body, default_date, record)
            record.warnings.append(
                "no agenda, minutes or reports recognised: stored as searchable pages only"
            )
    _readable_titles(record, lines)
    for minute in (minute for document in record.minutes for minute in document.minutes):
        minute.confirms_date = minute.confirms_date or confirmed_date(minute)
    return record


def printed_pages(record: PackRecord, count_on: bool) -> list[str]:
    """Each page's printed number, '' where it is not known.

    Known: printed on the page, or the first of a report's '(Pages a - b)' on the agenda.
    With `count_on` (a PDF, whose pages are the paper's), every other page is counted on
    (or back) from the nearest known one; a text extraction's pages are not the paper's.
    """
    known = printed_page_numbers(record.pages)
    items = {item.number: item for item in record.meeting.agenda_items} if record.meeting else {}
    for report in record.reports:
        item = items.get(report.agenda_item_number)
        if item and item.first_page:
            known.setdefault(report.first_page, item.first_page)
    if not count_on:
        return [str(known.get(page, "")) for page in range(1, len(record.pages) + 1)]
    numbers = []
    anchor = min(known, default=None)  # pages before the first known one count back from it
    for page in range(1, len(record.pages) + 1):
        anchor = page if page in known else anchor
        number = known[anchor] + page - anchor if anchor else 0
        numbers.append(str(number) if number >= 1 else "")
    return numbers


def _readable_titles(record: PackRecord, lines: list[Line]) -> None:
    """Shouted titles in title case, keeping the acronyms the pack prints in its sentences."""
    acronyms = acronyms_in(line.text for line in lines)
    items = record.meeting.agenda_items if record.meeting else []
    minutes = [minute for document in record.minutes for minute in document.minutes]
    for titled in [*items, *minutes, *record.reports]:
        titled.title = readable(titled.title, acronyms)


# Kinds of document told by their own evidence (see docs/importer.md): each returns the
# minutes of the meeting the document records, or None where it is not of its kind.
OTHER_KINDS = (read_transcript, read_decision_list, read_ballot)


def _read_other_house_styles(record: PackRecord, lines: list[Line]) -> None:
    """A document that calls itself an agenda or minutes is read as one, even when it holds
    reports (a US agenda packet); any other is a report or decision notice if it is one."""
    if enactment := read_enactment(lines):
        record.minutes.append(enactment)
        return
    if found := next((minutes for read in OTHER_KINDS if (minutes := read(lines))), None):
        record.minutes.append(found)
        return
    heading = heading_of(lines)
    if heading and heading.kind:
        _add_proceedings(record, read_proceedings(lines)) or _add_standalone(
            record, read_standalone(lines)
        )
    else:
        _add_standalone(record, read_standalone(lines)) or _add_proceedings(
            record, read_proceedings(lines)
        )


def _add_standalone(record: PackRecord, found) -> bool:
    if isinstance(found, MinutesRecord):
        record.minutes.append(found)
    elif found:
        record.meeting, report = found
        record.reports.append(report)
    return bool(found)


def _add_proceedings(record: PackRecord, documents: list) -> bool:
    for document in documents:
        if isinstance(document, MinutesRecord):
            record.minutes.append(document)
        elif record.meeting is None:
            record.meeting = document
        else:
            record.warnings.append(
                f"a second agenda, of {document.body} on {document.date:%-d %B %Y}, was not read"
            )
    return bool(documents)


def _document_starts(lines: list[Line], start: int) -> list[tuple[int, str, object]]:
    """(index, kind, match data) for each minutes header, report heading and restricted page."""
    found = []
    index = start
    while index < len(lines):
        if not lines[index].text:
            index += 1
            continue
        header, header_end = find_header(lines, index)
        if header:
            found.append((index, "minutes", (header, header_end)))
            index = header_end
            continue
        heading, report_of = find_heading(lines, index)
        if heading:
            found.append((index, "report", (heading, report_of)))
            index = report_of + 1
            continue
        if _restricted_at(lines, index):
            found.append((index, "restricted", None))
            index += 3
            continue
        index += 1
    return found


def _restricted_at(lines: list[Line], index: int) -> bool:
    window = [line.text for line in lines[index : index + 4] if line.text]
    if not window:
        return False
    if window[0] == RESTRICTED:
        return True
    return window[0].startswith("By virtue of paragraph") and RESTRICTED in window[1:3]


def _link_reports(items: list[AgendaItemRecord], reports: list[ReportRecord], warnings: list[str]):
    """Give each report its agenda item: by order first, by title likeness when counts differ."""
    candidates = [
        item
        for item in items
        if item.first_page is not None and not item.title.lower().startswith("minutes of")
    ]
    if not candidates or not reports:
        return
    if len(candidates) == len(reports):
        pairs = list(zip(reports, candidates, strict=True))
    else:
        warnings.append(
            f"the agenda lists {len(candidates)} items with papers but {len(reports)} reports were "
            "found: reports were matched to items by title"
        )
        pairs = _pair_by_title(reports, candidates)
    for report, item in pairs:
        if report.agenda_item_number and report.agenda_item_number != item.number:
            continue
        report.agenda_item_number = item.number
        report.exempt = report.exempt or item.exempt
        report.key_decision = report.key_decision or item.key_decision
        if report.restricted:
            report.title = item.title


def _pair_by_title(reports: list[ReportRecord], items: list[AgendaItemRecord]):
    pairs = []
    next_item = 0
    for report in reports:
        remaining = items[next_item:]
        if not remaining:
            break
        scores = [_likeness(report.title, item.title) for item in remaining]
        best = max(range(len(remaining)), key=scores.__getitem__)
        if scores[best] > 0.2:
            pairs.append((report, remaining[best]))
            next_item += best + 1
    return pairs


def _likeness(a: str, b: str) -> float:
    words_a, words_b = set(fold(a).split()), set(fold(b).split())
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / len(words_a | words_b)


def _mark_special_minutes(record: PackRecord) -> None:
    for item in record.meeting.agenda_items:
        title = item.title.lower()
        if title.startswith("minutes of the special meeting") and (date := find_date(item.title)):
            for minutes in record.minutes:
                if minutes.meeting.date == date:
                    minutes.meeting.is_special = True


def _report_headings_meeting(headings: list) -> MeetingRecord:
    """The meeting most of the reports' headings name ('CABINET – 12 MAY 2026')."""
    (body, date), count = Counter(meeting for meeting, _ in headings).most_common(1)[0]
    line = next(line for meeting, line in headings if meeting == (body, date))
    reason = f"the heading of {count} of {len(headings)} reports"
    evidence = [Evidence.of_line(name, value, line, 0.8, reason)
                for name, value in (("body", body), ("date", date))]  # fmt: skip
    return MeetingRecord(body=body, date=date, evidence=evidence)


def _generic_meeting(
    lines: list[Line], default_body: str, default_date, record: PackRecord
) -> MeetingRecord | None:
    """The body and date named at the top of a document of no known layout, or given.

    None when either is missing: the document is kept as pages, and what was read of its
    meeting (the body or the date, its kind) goes on the record's evidence for the admin.
    """
    reading = read_heading(lines)
    date = default_date or reading.date
    body = default_body or reading.body
    evidence = [e for e in reading.evidence if getattr(reading, e.field) in (body, date)]
    evidence += [
        Evidence(name, str(value), 0, "", 1.0, "given at import")
        for name, value, given in (("body", body, default_body), ("date", date, default_date))
        if given
    ]
    record.evidence += [e for e in reading.evidence if e.field == "kind"]
    if not date or not body:
        missing = " and ".join(
            name for name, value in (("date", date), ("body", body)) if not value
        )
        record.evidence += evidence
        record.warnings.append(f"{NO_MEETING} (no {missing} found)")
        return None
    return MeetingRecord(
        body=body,
        date=date,
        start_time=reading.start_time,
        location=reading.location,
        evidence=evidence,
    )
