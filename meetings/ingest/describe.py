"""What the importer recognised in a file, in one line for the admin. No Django here."""

import datetime

from meetings.ingest.records import PackRecord

PAGES_ONLY = "no agenda, minutes or reports recognised: searchable pages only"


def page_ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> 'pages 1-3, 7'; [4] -> 'page 4'."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs]
    return f"page{'s' if len(numbers) > 1 else ''} {', '.join(parts)}"


def describe_pack(pack: PackRecord, ocr_pages: list[int]) -> str:
    """'minutes of Zoning Commission, 14 May 2021: 12 items, 9 decisions, 7 attendees; …'."""
    parts = []
    if pack.meeting and pack.meeting.agenda_items:
        kind = "supplementary agenda" if pack.meeting.agenda_is_supplement else "agenda"
        items = len(pack.meeting.agenda_items)
        parts.append(f"{kind} of {_meeting(pack.meeting)}: {_count(items, 'item')}")
    for minutes in pack.minutes:
        decisions = sum(minute.resolved is not None for minute in minutes.minutes)
        parts.append(
            f"minutes of {_meeting(minutes.meeting)}: {_count(len(minutes.minutes), 'item')}, "
            f"{_count(decisions, 'decision')}, {_count(len(minutes.attendance), 'attendee')}"
        )
    if len(pack.reports) == 1 and not parts and pack.meeting:
        # A report on its own: say which meeting and item it is for.
        report = pack.reports[0]
        item = f", item {report.agenda_item_number}" if report.agenda_item_number else ""
        parts.append(f"report to {_meeting(pack.meeting)}{item}: {report.title}")
    elif pack.reports:
        withheld = sum(report.restricted or report.exempt for report in pack.reports)
        reports = _count(len(pack.reports), "report")
        parts.append(f"{reports} ({withheld} withheld)" if withheld else reports)
    if not parts:
        meeting = f" of {_meeting(pack.meeting)}" if pack.meeting else ""
        parts.append(f"a document{meeting}: {PAGES_ONLY}")
    if ocr_pages:
        parts.append(f"{page_ranges(ocr_pages)} read by OCR")
    return "; ".join(parts)


def _meeting(meeting) -> str:
    date: datetime.date = meeting.date
    return f"{meeting.body}, {date.day} {date:%B %Y}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def document_kind(pack: PackRecord) -> str:
    """'agenda pack', 'agenda', 'supplementary agenda', 'minutes', 'report', 'decision notice'."""
    if pack.kind:
        return pack.kind
    agenda = bool(pack.meeting and pack.meeting.agenda_items)
    if agenda and pack.meeting.agenda_is_supplement:
        return "supplementary agenda"
    if agenda:
        return "agenda pack" if pack.reports or pack.minutes else "agenda"
    if pack.minutes:
        notice = all(not m.attendance and len(m.minutes) == 1 for m in pack.minutes)
        return (
            "decision notice" if notice and pack.minutes[0].minutes[0].alternatives else "minutes"
        )
    if pack.reports:
        return "report" if len(pack.reports) == 1 else "reports"
    return "document"
