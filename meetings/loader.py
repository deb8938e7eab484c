"""Loading parsed packs into the database: one transaction per pack, upserts on natural keys.

Rows a pack owns (its document, pages, agenda items, reports, the minutes it
prints) are replaced as a whole: re-importing a pack updates what changed and
removes what is no longer there, and importing it twice changes nothing.
"""

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from meetings.alerts.sending import queue_immediate_quietly
from meetings.bulk import remake_published
from meetings.councils import council_called, council_for, default_council
from meetings.ingest.describe import describe_pack, document_kind
from meetings.ingest.pack import NO_MEETING
from meetings.ingest.read import SourceFile
from meetings.ingest.records import (
    Evidence,
    MeetingRecord,
    MinutesRecord,
    PackRecord,
    PersonRecord,
)
from meetings.ingest.text import fold, slugify, strip_markup
from meetings.ingest.withheld import wholly_withheld, withheld_pages
from meetings.locks import transaction_lock
from meetings.matters.linking import link_meetings_quietly
from meetings.models import (
    RESERVED_BODY_SLUGS,
    AgendaItem,
    Attendance,
    Body,
    BodyKind,
    Council,
    Decision,
    Document,
    Meeting,
    Membership,
    Minute,
    Page,
    Person,
    Reading,
    ReplacedDocument,
    Report,
    Vote,
)
from meetings.review import corrections, names, reading
from meetings.search.indexing import apply_pending_quietly
from meetings.storage import file_problem, stored_name, write_durably
from meetings.withholding import withhold

log = logging.getLogger(__name__)

CALENDAR_FIELDS = ("start_time", "location")  # a change to either is news to a calendar


class DryRunRollback(Exception):
    """Raised inside the transaction to undo a dry run's writes."""


@dataclass
class LoadResult:
    file_name: str
    sha256: str = ""
    counts: Counter = field(default_factory=Counter)
    skipped: bool = False
    repaired: bool = False
    recognised: str = ""  # what the file was found to hold (meetings.ingest.describe)
    council: str = ""  # the council it was filed under
    warnings: list[str] = field(default_factory=list)
    meetings: list[int] = field(default_factory=list)  # the meetings it wrote to
    newly_withheld: bool = False  # something public before is withheld now
    unplaced: str = ""  # why its meeting is not known ('no date found'): it is kept for review
    reading: dict = field(default_factory=dict)  # what was understood (meetings.review.reading)

    def summary(self, how_to_force: str = "--force to re-import") -> str:
        """'pack.pdf: agenda of Cabinet, 12 May 2026: 5 items; 1 report; filed under Kent County
        Council. Changes: 19 created, …'."""
        if self.skipped and self.repaired:
            return f"{self.file_name}: unchanged; its missing or damaged stored file was restored"
        if self.skipped:
            return f"{self.file_name}: unchanged (already imported; {how_to_force})"
        counts = ", ".join(
            f"{self.counts[kind]} {kind}" for kind in ("created", "updated", "unchanged", "removed")
        )
        return f"{self.file_name}: {self.recognised}; filed under {self.council}. Changes: {counts}"

    @property
    def needs_meeting(self) -> str:
        """One line for a document kept without a meeting, else ''."""
        if not self.unplaced:
            return ""
        if self.skipped:
            return f"{self.file_name}: kept earlier, still without a meeting: listed for review"
        return (
            f"{self.file_name}: kept as searchable pages under {self.council}, but no meeting "
            f"recognised ({self.unplaced}): listed for review, to be given its meeting"
        )


def load_source(
    source: SourceFile, *, force: bool = False, dry_run: bool = False, council: str = ""
) -> LoadResult:
    """Write one parsed pack to the database in one transaction (rolled back for a dry run).

    `council` (a slug or a name) files it under that council, whatever the document says.
    An admin's corrections of the document (meetings.review.corrections) are applied first.
    """
    corrected = corrections.latest(source.sha256)
    corrections.apply(source.pack, {name: row.value for name, row in corrected.items()})
    council = corrected["council"].value if "council" in corrected else council
    result = LoadResult(
        source.path.name,
        source.sha256,
        recognised=describe_pack(source.pack, sorted(source.ocr)),
        warnings=list(source.pack.warnings),
    )
    try:
        with transaction.atomic():
            transaction_lock(f"document:{source.sha256}")
            existing = Document.objects.filter(sha256=source.sha256).first()
            if existing and not force:
                result.skipped = True
                result.unplaced = "" if existing.meeting_id else "kept earlier"
                if not dry_run:
                    result.repaired = restore_file(existing, source, check_hash=False)
                return result
            loader = _Loader(source, result, store_files=not dry_run, council=council)
            loader.load(existing, corrected)
            if dry_run:
                raise DryRunRollback
    except DryRunRollback:
        return result
    apply_pending_quietly()  # searchable within seconds of the import, not at the worker's turn
    if result.newly_withheld:
        remake_published_quietly(source.sha256)
    link_meetings_quietly(result.meetings)
    queue_immediate_quietly()
    return result


def remake_published_quietly(sha256: str) -> None:
    """The bulk files of the document's council, made again now that it withholds more; a
    failure is logged, and the worker's hourly run remakes them."""
    try:
        remake_published(Document.objects.get(sha256=sha256).council)
    except Exception:
        log.exception("The bulk files were not remade; the worker remakes them within the hour.")


def one_line(error: Exception) -> str:
    """The first line of a database error's message, for a one-line report."""
    message = str(error).strip()
    return message.splitlines()[0] if message else type(error).__name__


def body_kind(name: str) -> str:
    lowered = name.lower()
    if "cabinet" in lowered:
        return BodyKind.CABINET
    if "council" in lowered and not any(word in lowered for word in ("committee", "commission")):
        return BodyKind.COUNCIL
    return BodyKind.COMMITTEE


def restore_file(document: Document, source: SourceFile, check_hash: bool = True) -> bool:
    """Write the document's stored file again from `source` if it is missing or damaged."""
    size = None if check_hash else source.path.stat().st_size
    if not file_problem(document.file.name, document.sha256, size):
        return False
    write_durably(document.file.name, source.path)
    return True


class _Loader:
    def __init__(
        self, source: SourceFile, result: LoadResult, store_files: bool = True, council: str = ""
    ):
        self.source = source
        self.pack: PackRecord = source.pack
        self.result = result
        self.counts = result.counts
        self.store_files = store_files
        self.people: dict[str, Person] = {}
        self.withheld = withheld_pages(self.pack)
        self.notes: list[str] = []  # for the admin's review (meetings.review.reading)
        self.council_evidence: Evidence | None = None
        self.council = self.find_council(council)
        result.council = self.council.name

    def find_council(self, given: str) -> Council:
        """The council named by the admin, else by the document, else by the email domains
        of its front sheet, else by a meeting it shares.

        A document that names none goes to the default council, and the import says so.
        """
        if given or self.pack.council:
            council = council_called(given) if given else council_for(self.pack.council)
            learn_domains(council, self.pack.contact_domains)
            read = next((e for e in self.pack.evidence if e.field == "council"), None)
            self.council_evidence = (
                read
                if not given
                else Evidence("council", council.name, 0, "", 1.0, "given at import")
            )
            return council
        if known := council_of_domains(self.pack.contact_domains):
            domains = ", ".join(self.pack.contact_domains)
            self.council_evidence = Evidence(
                "council", known.name, 1, "", 0.8, f"its officers' email domain ({domains})"
            )
            return known
        if known := self.council_of_known_meeting():
            self.council_evidence = Evidence(
                "council", known.name, 0, "", 0.7, "the council already holding its meeting"
            )
            return known
        council = default_council()
        self.council_evidence = Evidence(
            "council", council.name, 0, "", 0.0, "names no council: the default council"
        )
        self.result.warnings.append(
            f"names no council: filed under the default council, {council.name} "
            "(give --council to choose)"
        )
        return council

    def council_of_known_meeting(self) -> Council | None:
        """The one council that already holds a meeting of this body on this date."""
        records = [self.pack.meeting, *(minutes.meeting for minutes in self.pack.minutes)]
        named = Q()
        for record in filter(None, records):
            named |= Q(body__slug=slugify(record.body), date=record.date)
        if not named:
            return None
        councils = set(Meeting.objects.filter(named).values_list("body__council", flat=True))
        return Council.objects.get(pk=councils.pop()) if len(councils) == 1 else None

    def load(self, existing: Document | None, corrected: dict | None = None) -> None:
        earlier = meetings_of(existing) if existing else set()
        front_sheet = self.pack.meeting
        pack_meeting = self.meeting(front_sheet) if front_sheet else None
        # A minutes header says less than a front sheet: it only fills gaps.
        minuted = [self.meeting(record.meeting, fill_only=True) for record in self.pack.minutes]
        pack_meeting = pack_meeting or next(iter(minuted), None)
        document = self.document(existing, pack_meeting)
        if front_sheet:
            self.membership(pack_meeting, front_sheet)
            self.agenda(pack_meeting, front_sheet, document)
        self.reports(pack_meeting, document)
        records: dict[Meeting, list[MinutesRecord]] = {}  # two documents may minute one meeting
        for record, meeting in zip(self.pack.minutes, minuted, strict=True):
            records.setdefault(meeting, []).append(record)
        for meeting, its_records in records.items():
            self.minutes(meeting, its_records, document)
        meetings = [meeting.pk for meeting in [pack_meeting, *minuted] if meeting]
        self.result.meetings = meetings
        link_agenda_items(meetings)
        self.result.newly_withheld = withhold(
            document,
            self.withheld,
            self.source.path,
            self.pack.pages,
            counted=existing is not None,
            store_files=self.store_files,
        )
        self.remove_superseded(document)
        for meeting in Meeting.objects.filter(pk__in=earlier - set(meetings)):
            self.leave(meeting, document)
        if any(self.counts[change] for change in ("created", "updated", "removed")):
            # A meeting's published record embeds its items and files: it changed too.
            Meeting.objects.filter(pk__in=meetings).update(modified=timezone.now())
        self.review(document, document.meeting, corrected or {})

    def review(self, document: Document, meeting: Meeting | None, corrected: dict) -> None:
        """Keep what was understood, with its evidence, and whether an admin should look."""
        if meeting is None:
            why = [w for w in self.pack.warnings if w.startswith(NO_MEETING)]
            self.result.unplaced = why[0].removeprefix(NO_MEETING).strip(" ()") if why else "none"
        understood = reading.build(self.pack, self.council_evidence, meeting, corrected, self.notes)
        self.result.reading = understood
        Reading.objects.update_or_create(
            document=document,
            defaults={"understood": understood, "needs_review": bool(understood["review"])},
        )

    def leave(self, meeting: Meeting, document: Document) -> None:
        """A meeting the document was read as before, and is not now (a date read otherwise):
        the rows the document gave it go, and the meeting too if nothing else holds it up."""
        given = {
            "minutes": Minute.all_objects.filter(meeting=meeting, document=document),
            "agenda items": AgendaItem.objects.filter(meeting=meeting, document=document),
            "reports": Report.objects.filter(meeting=meeting, document=document),
        }
        removed = [f"{rows.count()} {name}" for name, rows in given.items() if rows.exists()]
        for rows in given.values():
            self.remove(rows)
        minuted = Minute.all_objects.filter(meeting=meeting).exists()
        if not minuted:
            self.remove(meeting.attendance.all())  # read from the minutes just removed
        holders = ("documents", "agenda_items", "reports", "attendance")
        empty = not minuted and not any(getattr(meeting, holder).exists() for holder in holders)
        if empty:
            meeting.delete()
            self.counts["removed"] += 1
        if removed or empty:
            self.result.warnings.append(
                f"read before as {meeting}: what it gave that meeting was removed "
                f"({', '.join(removed) or 'nothing'})"
                + (", and the meeting, which held nothing else" if empty else "")
            )

    def remove_superseded(self, document: Document) -> None:
        """An earlier version of this pack (same file name, same meeting) is replaced by it.

        Its rows have already moved to the new document; what is left is what vanished.
        """
        if document.meeting is None:
            return
        earlier = Document.objects.filter(file_name=document.file_name, meeting=document.meeting)
        for old in earlier.exclude(pk=document.pk):
            ReplacedDocument.objects.filter(document=old).update(document=document)
            ReplacedDocument.objects.update_or_create(
                sha256=old.sha256, defaults={"document": document}
            )
            self.counts["removed"] += old.delete()[0]

    # -- upsert helpers -------------------------------------------------------------------

    def upsert(self, model, lookup: dict, values: dict):
        rows = model._base_manager  # withheld rows too (models.PublicManager)
        instance = rows.filter(**lookup).first()
        if instance is None:
            self.counts["created"] += 1
            return rows.create(**lookup, **values)
        changed = [name for name, value in values.items() if getattr(instance, name) != value]
        if changed:
            for name in changed:
                setattr(instance, name, values[name])
            instance.save(update_fields=changed)
            self.counts["updated"] += 1
        else:
            self.counts["unchanged"] += 1
        return instance

    def remove(self, queryset) -> None:
        removed = queryset.count()
        if removed:
            queryset.delete()
            self.counts["removed"] += removed

    # -- entities -------------------------------------------------------------------------

    def body(self, name: str) -> Body:
        """The body of this name: one the council knows by it, else made; a new name close
        to a known body's is noted for the admin's review (meetings.review.names)."""
        if known := names.known_body(self.council, name):
            return known
        slug = slugify(name)
        if slug in RESERVED_BODY_SLUGS:
            slug = f"{slug}-body"
        if known := Body.objects.filter(council=self.council, slug=slug).first():
            return known
        Body.objects.bulk_create(
            [Body(council=self.council, name=name, slug=slug, kind=body_kind(name))],
            ignore_conflicts=True,
        )
        body = Body.objects.get(council=self.council, slug=slug)
        if close := names.close_bodies(self.council, name, body):
            self.notes.append(
                f"a new body, “{name}”, is close to “{close[0].name}”: merge them if they are one"
            )
        return body

    def person(self, key: str, name: str) -> Person:
        """The person with this key, named by the fullest spelling seen in any document.

        "Mrs. D. Taylor CC" and "Mrs D. Taylor CC" are one person; whichever pack comes
        first, the name kept is the same, so the archive does not depend on import order.
        A key an admin merged into another person's is that person, named as they are.
        """
        if key not in self.people and (known := names.known_person(self.council, key)):
            self.people[key] = known
        if key not in self.people:
            Person.objects.bulk_create(
                [Person(council=self.council, key=key, name=name)], ignore_conflicts=True
            )
            self.people[key] = Person.objects.get(council=self.council, key=key)
        person = self.people[key]
        if person.key == key and preferred_name(name, person.name) != person.name:
            person.name = name
            person.save(update_fields=["name"])
        return person

    def meeting(self, record: MeetingRecord, fill_only: bool = False) -> Meeting:
        body = self.body(record.body)
        transaction_lock(f"meeting:{body.pk}:{record.date}")
        candidates = Meeting.objects.filter(body=body, date=record.date)
        if record.start_time:
            timed = candidates.filter(start_time=record.start_time).first()
            meeting = timed or candidates.filter(start_time__isnull=True).first()
        else:
            meeting = candidates.order_by("start_time").first()
        values = {
            name: value
            for name, value in (
                ("start_time", record.start_time),
                ("location", record.location),
                ("contact", record.contact),
                ("is_special", record.is_special),
            )
            if value
        }
        if meeting is None:
            self.counts["created"] += 1
            return Meeting.objects.create(body=body, date=record.date, **values)
        if fill_only:
            values = {name: value for name, value in values.items() if not getattr(meeting, name)}
        if any(values.get(name, getattr(meeting, name)) != getattr(meeting, name)
               for name in CALENDAR_FIELDS):  # fmt: skip
            values["sequence"] = meeting.sequence + 1
        return self.upsert(Meeting, {"pk": meeting.pk}, values)

    def document(self, existing: Document | None, meeting: Meeting | None) -> Document:
        source = self.source
        values = {
            "council": self.council,
            "file_name": source.path.name,
            "format": source.format,
            "page_count": len(self.pack.pages),
            "meeting": meeting,
            "warnings": "\n".join(self.pack.warnings),
            "recognised": self.result.recognised,
            "kind": document_kind(self.pack),
        }
        if existing is None:
            name = stored_name(source.sha256, source.path.suffix)
            document = Document.objects.create(sha256=source.sha256, file=name, **values)
            self.counts["created"] += 1
            if self.store_files:
                write_durably(name, source.path)
        else:
            document = self.upsert(Document, {"pk": existing.pk}, values)
            if self.store_files:
                self.result.repaired = restore_file(document, source)
        self.pages(document)
        return document

    def pages(self, document: Document) -> None:
        """Each page's text, its printed number, and its OCR confidence if it was read by OCR."""
        fields = ("text", "ocr_confidence", "printed_number")
        stored = {
            number: values for number, *values in document.pages.values_list("number", *fields)
        }
        ocr, printed = self.source.ocr, self.pack.printed_pages
        texts = {
            number: [strip_markup(text), ocr.get(number), printed[number - 1] if printed else ""]
            for number, text in enumerate(self.pack.pages, 1)
        }
        new = [
            Page(document=document, number=number, **dict(zip(fields, values, strict=True)))
            for number, values in texts.items()
            if number not in stored
        ]
        Page.objects.bulk_create(new, batch_size=500)
        changed = [n for n, values in texts.items() if n in stored and stored[n] != values]
        for number in changed:
            document.pages.filter(number=number).update(
                **dict(zip(fields, texts[number], strict=True))
            )
        self.remove(document.pages.exclude(number__in=texts))
        self.counts["created"] += len(new)
        self.counts["updated"] += len(changed)
        self.counts["unchanged"] += len(texts) - len(new) - len(changed)

    def membership(self, meeting: Meeting, record: MeetingRecord) -> None:
        if not record.membership:
            return
        body = meeting.body
        latest = body.memberships.order_by("-as_of").values_list("as_of", flat=True).first()
        if latest and latest > meeting.date:
            return  # an older front sheet: the newer membership list stands
        self.replace_people(
            body.memberships,
            Membership,
            {"body": body},
            record.membership,
            lambda member: {"role": member.role, "as_of": meeting.date},
        )

    def agenda(self, meeting: Meeting, record: MeetingRecord, document: Document) -> None:
        numbers = []
        for position, item in enumerate(record.agenda_items, start=1):
            existing = AgendaItem.objects.filter(meeting=meeting, number=item.number).first()
            if record.agenda_is_supplement and existing and not existing.from_supplement:
                continue  # the main agenda's entry stands
            numbers.append(item.number)
            values = {
                "position": _item_position(item.number, position, record.agenda_is_supplement),
                "printed_number": item.printed_number,
                "title": item.title,
                "report_by": item.report_by,
                "first_page": item.first_page,
                "last_page": item.last_page,
                "key_decision": item.key_decision,
                "exempt": item.exempt,
                "note": item.note,
                "page": item.page,
                "document": document,
                "from_supplement": record.agenda_is_supplement,
            }
            self.upsert(AgendaItem, {"meeting": meeting, "number": item.number}, values)
        self.remove(
            AgendaItem.objects.filter(document=document).exclude(
                meeting=meeting, number__in=numbers
            )
        )

    def reports(self, meeting: Meeting | None, document: Document) -> None:
        if meeting is None:  # kept unplaced: its pages (withheld ones marked) are all there is
            self.remove(Report.objects.filter(document=document))
            return
        slugs = []
        for position, report in enumerate(self.pack.reports, start=1):
            slug = slugify(report.title, 180)
            if slug in slugs:
                slug = f"{slug}-{position}"
            slugs.append(slug)
            values = {
                "document": document,
                "position": position,
                "title": report.title,
                "report_by": report.report_by,
                "agenda_item_number": report.agenda_item_number,
                "key_decision": report.key_decision,
                "exempt": report.exempt,
                "restricted": report.restricted
                or (
                    not report.exempt
                    and wholly_withheld(report.first_page, report.last_page, self.withheld)
                ),
                "has_parts": report.has_parts,
                "purpose": report.purpose,
                "recommendations": report.recommendations,
                "text": report.text,
                "first_page": report.first_page,
                "last_page": report.last_page,
            }
            self.upsert(Report, {"meeting": meeting, "slug": slug}, values)
        self.remove(
            Report.objects.filter(document=document).exclude(meeting=meeting, slug__in=slugs)
        )

    def minutes(self, meeting: Meeting, records: list[MinutesRecord], document: Document) -> None:
        """The meeting's minutes and attendance, from the best document that prints them: all
        its minutes documents there (the public minutes and the exempt ones), each minute
        read from its own pages.

        A meeting's own minutes beat a copy printed in another meeting's pack, a text layer
        beats OCR, and the smaller SHA-256 breaks a tie: whichever is imported first, the
        archive ends the same.
        """
        minutes = Minute.all_objects.filter(meeting=meeting)
        other = minutes.exclude(document=document).first()
        if other and minutes_rank(other.document, meeting) < minutes_rank(document, meeting):
            return
        self.remove(minutes.exclude(document=document))
        where = {  # where the meeting's minutes are printed
            "minutes_document": document,
            "minutes_first_page": min(record.first_page for record in records),
            "minutes_last_page": max(record.last_page for record in records),
        }
        Meeting.objects.filter(pk=meeting.pk).exclude(**where).update(**where)
        numbers = []
        printed = [(minute, record) for record in records for minute in record.minutes]
        for position, (minute, record) in enumerate(printed, start=1):
            numbers.append(minute.number)
            values = {
                "position": position,
                "printed_number": minute.printed_number,
                "title": minute.title,
                "text": minute.text,
                "outcome": minute.outcome,
                "agenda_item_number": minute.agenda_item_number,
                "confirms_date": minute.confirms_date,
                "document": document,
                "page": minute.page,
            }
            row = self.upsert(Minute, {"meeting": meeting, "number": minute.number}, values)
            self.decision(row, minute, record.attendance)
        self.remove(minutes.filter(document=document).exclude(number__in=numbers))
        attendance = {}  # each person as the first of the documents names them
        for record in records:
            for person in record.attendance:
                attendance.setdefault(person.key, person)
        self.attendance(meeting, list(attendance.values()))

    def decision(self, row: Minute, minute, attendance) -> None:
        if minute.resolved is None:
            self.remove(Decision.all_objects.filter(minute=row))
            return
        values = {
            "title": minute.title,
            "resolved": minute.resolved,
            "resolved_items": minute.resolved_items,
            "reasons": minute.reasons or "",
            "key_decision": minute.key_decision,
            "outcome": minute.outcome,
            "mover": minute.mover,
            "seconder": minute.seconder,
            "mover_person": self.attendee(minute.mover, attendance),
            "seconder_person": self.attendee(minute.seconder, attendance),
            "votes_for": minute.votes_for,
            "votes_against": minute.votes_against,
            "votes_abstained": minute.votes_abstained,
            "alternatives": minute.alternatives,
            "interests": minute.interests,
        }
        decision = self.upsert(Decision, {"minute": row}, values)
        self.votes(decision, minute.votes, attendance)

    def votes(self, decision: Decision, votes, attendance) -> None:
        """The decision's named votes, each linked to the attendee it names, if only one."""
        names = [vote.name for vote in votes]
        self.remove(Vote.all_objects.filter(decision=decision).exclude(name__in=names))
        for position, vote in enumerate(votes, start=1):
            person = self.attendee(vote.name, attendance)
            values = {"position": position, "vote": vote.vote, "person": person}
            self.upsert(Vote, {"decision": decision, "name": vote.name}, values)

    def attendee(self, name: str, attendance) -> Person | None:
        """The person a name in the minutes (a mover, a named vote) means, if the meeting's
        attendance names only one such."""
        attendee = attendee_named(name, attendance) if name else None
        return self.person(attendee.key, attendee.name) if attendee else None

    def attendance(self, meeting: Meeting, people: list[PersonRecord]) -> None:
        self.replace_people(
            meeting.attendance,
            Attendance,
            {"meeting": meeting},
            people,
            lambda attendee: {"role": attendee.role, "note": attendee.note},
        )

    def replace_people(self, rows, model, owner: dict, people, values) -> None:
        """Make `rows` (a body's members, a meeting's attendance) exactly these people."""
        self.remove(rows.exclude(person__key__in=[record.key for record in people]))
        for record in people:
            person = self.person(record.key, record.name)
            self.upsert(model, {**owner, "person": person}, values(record))


def learn_domains(council: Council, domains: tuple[str, ...]) -> None:
    """Remember the email domains of a council's front sheet that no other council has."""
    taken = Council.objects.exclude(pk=council.pk).filter(email_domains__overlap=list(domains))
    known = {domain for other in taken for domain in other.email_domains}
    new = set(domains) - known - set(council.email_domains)
    if new:
        council.email_domains = sorted({*council.email_domains, *new})
        council.save(update_fields=["email_domains"])


def council_of_domains(domains: tuple[str, ...]) -> Council | None:
    """The one council whose officers' email domain the front sheet prints."""
    found = list(Council.objects.filter(email_domains__overlap=list(domains))[:2])
    return found[0] if domains and len(found) == 1 else None


def meetings_of(document: Document) -> set[int]:
    """The meetings a stored document is filed under or gave minutes, items or reports to."""
    meetings = {document.meeting_id} - {None}
    for rows in (Minute.all_objects, AgendaItem.objects, Report.objects):
        meetings |= set(rows.filter(document=document).values_list("meeting_id", flat=True))
    return meetings


def minutes_rank(document: Document, meeting: Meeting) -> tuple:
    """How good a source of `meeting`'s minutes `document` is: smaller is better."""
    read_by_ocr = document.pages.filter(ocr_confidence__isnull=False).exists()
    return (document.meeting_id != meeting.pk, read_by_ocr, document.sha256)


def attendee_named(name: str, attendance):
    """The one attendee a roll call's name means: 'Daysog', 'D. Yemm' or the full name."""
    words = fold(name).split()
    if not words:
        return None
    found = [
        attendee
        for attendee in attendance
        if (full := fold(attendee.name).split())
        and full[-1] == words[-1]
        and (len(words) == 1 or full[0].startswith(words[0]))
    ]
    if len(found) > 1:
        found = [attendee for attendee in found if fold(attendee.name) == fold(name)]
    return found[0] if len(found) == 1 else None


def preferred_name(a: str, b: str) -> str:
    """Of two spellings of one name, the fuller one, else the first alphabetically.

    "Mr. J. Smith" wins over "Mr J Smith", whichever of them comes first.
    """
    return min(a, b, key=lambda name: (-len(name), name))


def link_agenda_items(meeting_ids: list[int]) -> None:
    """Point minutes and reports at the agenda items they name, whichever pack came first."""
    for model in (Minute, Report):
        item = AgendaItem.objects.filter(
            meeting=OuterRef("meeting"), number=OuterRef("agenda_item_number")
        ).values("pk")[:1]
        rows = model.objects.filter(meeting__in=meeting_ids).annotate(named=Subquery(item))
        for pk, linked, named in rows.values_list("pk", "agenda_item", "named"):
            if linked != named:
                model.objects.filter(pk=pk).update(agenda_item=named, modified=timezone.now())


def _item_position(number: str, position: int, from_supplement: bool) -> int:
    """Where an agenda item stands: in printed order (an outline's 2.1 after 2, before 3); a
    supplement's item, printed alone, after the main agenda's item of its number."""
    if not from_supplement:
        return position * 10
    leading = re.match(r"\d+", number)
    return int(leading[0]) * 10 + 5 if leading else position * 10
