"""Admins' corrections of what the importer reads, applied to a document's parsed records
before every load of it.

A correction is kept against the file's SHA-256 and one field (meetings.review.models):

- `council`: a council's slug; `body`: a body's name; `date`: 'YYYY-MM-DD';
  `start_time`: 'HH:MM' or '' for none; `kind`: what the document is ('minutes', …)
- `agenda`, `minutes`: the whole list as it should be, each entry
  {"from": [numbers as read], "number", "title"} (and for a minute "outcome", "decision"):
  an entry from no item is a new one (a split), from two a merger, and an item read but
  in no entry is removed
- `attendance`: [{"name", "role"}], who attended and how
- `confirmed`: true once an admin has checked the reading and found it right

Numbers in `from` are those the importer reads; an item it no longer reads is left out and
said so in the import's warnings.
"""

import datetime
from dataclasses import replace

from meetings.ingest.pack import NO_MEETING
from meetings.ingest.records import (
    AgendaItemRecord,
    Evidence,
    MeetingRecord,
    MinuteRecord,
    PackRecord,
    PersonRecord,
)
from meetings.ingest.text import find_people, person_key, slugify
from meetings.review.models import Correction

MEETING_FIELDS = ("body", "date", "start_time")
LIST_FIELDS = ("agenda", "minutes", "attendance")
CORRECTED = "corrected by an admin"


def latest(sha256: str) -> dict[str, Correction]:
    """The correction that holds for each field of a document (taken-back ones left out)."""
    rows = (
        Correction.objects.filter(sha256=sha256)
        .order_by("field", "-made_at", "-pk")
        .distinct("field")  # PostgreSQL's DISTINCT ON: the first row of each field
        .select_related("made_by")
    )
    return {row.field: row for row in rows if row.value is not None}


def record(sha256: str, field: str, value, read, user) -> Correction:
    """Keep an admin's value for a field (None takes the correction back)."""
    made_by = user if user is not None and user.is_authenticated else None
    return Correction.objects.create(
        sha256=sha256, field=field, value=value, read=read, made_by=made_by
    )


def history(sha256: str):
    """Every correction of a document, newest first, with who made it."""
    return Correction.objects.filter(sha256=sha256).select_related("made_by")


def apply(pack: PackRecord, values: dict) -> None:
    """Put `values` (field -> value, as kept) into the parsed records, in place."""
    if "minutes" in values and pack.minutes:
        _correct_minutes(pack, values["minutes"])
    if "attendance" in values and pack.minutes:
        pack.minutes[0].attendance = _attendance(pack.minutes[0].attendance, values["attendance"])
    if "agenda" in values and pack.meeting:
        _correct_agenda(pack, values["agenda"])
    if any(field in values for field in MEETING_FIELDS):
        _correct_meeting(pack, values)
    if "kind" in values:
        pack.kind = values["kind"]
        _set_evidence(pack.evidence, "kind", values["kind"])


def meeting_of(pack: PackRecord) -> MeetingRecord | None:
    """The meeting a document is for: its front sheet's, else its minutes'."""
    if pack.meeting:
        return pack.meeting
    return pack.minutes[0].meeting if pack.minutes else None


def read_value(evidence: list[Evidence], field: str) -> str:
    """What the importer read for a field, where it kept the evidence."""
    return next((found.value for found in evidence if found.field == field), "")


def _correct_meeting(pack: PackRecord, values: dict) -> None:
    meeting = meeting_of(pack)
    if meeting is None:  # a document kept unplaced: its meeting is what was read plus the rest
        body = values.get("body") or read_value(pack.evidence, "body")
        date = values.get("date") or read_value(pack.evidence, "date")
        if not (body and date):
            return
        meeting = pack.meeting = MeetingRecord(body=body, date=_date(date))
        meeting.evidence = [found for found in pack.evidence if found.field in ("body", "date")]
        pack.warnings = [w for w in pack.warnings if not w.startswith(NO_MEETING)]
    if "body" in values:
        meeting.body = values["body"]
    if "date" in values:
        meeting.date = _date(values["date"])
    if "start_time" in values:
        meeting.start_time = _time(values["start_time"])
    for field in MEETING_FIELDS:
        if field in values:
            _set_evidence(meeting.evidence, field.removeprefix("start_"), values[field])


def _set_evidence(evidence: list[Evidence], field: str, value) -> None:
    evidence[:] = [found for found in evidence if found.field != field]
    evidence.append(Evidence(field, str(value), 0, "", 1.0, CORRECTED))


def _date(value) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _time(value: str) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


def _correct_agenda(pack: PackRecord, entries: list[dict]) -> None:
    meeting = pack.meeting
    read = {item.number: item for item in meeting.agenda_items}
    items, renumbered = [], {}
    for entry in entries:
        sources = _sources(read, entry, pack.warnings, "agenda item")
        item = _joined_items(sources) if sources else AgendaItemRecord(entry["number"], "")
        item.number, item.title = entry["number"], entry["title"]
        if item.printed_number and item.printed_number != item.number:
            item.printed_number = ""
        renumbered.update({source.number: item.number for source in sources})
        items.append(item)
    meeting.agenda_items = items
    for report in pack.reports:
        number = report.agenda_item_number
        report.agenda_item_number = renumbered.get(number, "" if number in read else number)


def _joined_items(sources: list[AgendaItemRecord]) -> AgendaItemRecord:
    item = replace(sources[0])
    pages = [(s.first_page, s.last_page) for s in sources if s.first_page is not None]
    if pages:
        item.first_page = min(first for first, _ in pages)
        item.last_page = max(last for _, last in pages)
    item.key_decision = any(source.key_decision for source in sources)
    item.exempt = any(source.exempt for source in sources)
    item.note = "; ".join(source.note for source in sources if source.note)
    return item


def _correct_minutes(pack: PackRecord, entries: list[dict]) -> None:
    document = pack.minutes[0]
    read = {minute.number: minute for minute in document.minutes}
    minutes = []
    for entry in entries:
        sources = _sources(read, entry, pack.warnings, "minute")
        if sources:
            minute = _joined_minutes(sources)
        else:
            page = minutes[-1].page if minutes else document.first_page
            minute = MinuteRecord(number=entry["number"], title="", text="", page=page)
        minute.number, minute.title = entry["number"], entry["title"]
        if minute.printed_number and minute.printed_number != minute.number:
            minute.printed_number = ""
        if "outcome" in entry:
            minute.outcome = entry["outcome"]
        if entry.get("decision") is False:
            _no_decision(minute)
        minutes.append(minute)
    document.minutes = minutes


def _joined_minutes(sources: list[MinuteRecord]) -> MinuteRecord:
    minute = replace(sources[0])
    for other in sources[1:]:
        minute.text = "\n\n".join(part for part in (minute.text, other.text) if part)
        if minute.resolved is None and other.resolved is not None:
            minute.resolved, minute.resolved_items = other.resolved, other.resolved_items
            minute.mover, minute.seconder, minute.votes = other.mover, other.seconder, other.votes
    return minute


def _no_decision(minute: MinuteRecord) -> None:
    """A minute that took no decision: its text stays, its resolution and votes go."""
    minute.resolved, minute.resolved_items, minute.reasons = None, [], None
    minute.mover = minute.seconder = ""
    minute.votes_for = minute.votes_against = minute.votes_abstained = None
    minute.votes = []


def _sources(read: dict, entry: dict, warnings: list[str], noun: str) -> list:
    found = []
    for number in entry.get("from", []):
        if number in read:
            found.append(read[number])
        else:
            warnings.append(
                f"a correction names {noun} {number}, which is no longer read: left out"
            )
    return found


def _attendance(read: list[PersonRecord], entries: list[dict]) -> list[PersonRecord]:
    known = {person.name: person for person in read}
    people = []
    for entry in entries:
        person = known.get(entry["name"])
        key = person.key if person else person_key_of(entry["name"])
        people.append(
            PersonRecord(entry["name"], key, entry["role"], person.note if person else "")
        )
    return people


def person_key_of(name: str) -> str:
    """The key the importer gives a name ('Cllr J. Smith' -> 'cllr-j-smith')."""
    found = find_people(name)
    if len(found) == 1:
        match = found[0][0]
        return person_key(match["title"] or "", match["given"] or "", match["surname"])
    return slugify(name)
