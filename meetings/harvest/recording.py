"""A source's listing written to the archive as the source states it: its bodies, meetings
(date, time, place), people, and the agenda items of meetings that have no file to read
them from. Files are read by the importer; what it reads fills in the rest."""

from django.db import transaction

from meetings.harvest.stated import ListedMeeting, Listing, disagreement, person_key_of
from meetings.ingest.text import slugify
from meetings.loader import body_kind
from meetings.locks import transaction_lock
from meetings.models import (
    RESERVED_BODY_SLUGS,
    AgendaItem,
    Body,
    Council,
    ImportJob,
    Meeting,
    Person,
)


def record_listing(council: Council, listing: Listing) -> None:
    with transaction.atomic():
        for name in listing.people:
            Person.objects.get_or_create(
                council=council, key=person_key_of(name), defaults={"name": name}
            )
        for listed in listing.meetings:
            if listed.body and listed.date:
                record_meeting(council, listed)


def body_named(council: Council, name: str) -> Body:
    """The council's body of this name (as the importer slugs it), made on first sight."""
    slug = slugify(name)
    if slug in RESERVED_BODY_SLUGS:
        slug = f"{slug}-body"
    Body.objects.bulk_create(
        [Body(council=council, name=name, slug=slug, kind=body_kind(name))], ignore_conflicts=True
    )
    return Body.objects.get(council=council, slug=slug)


def record_meeting(council: Council, listed: ListedMeeting) -> Meeting:
    """The stated meeting, made if new; a known one only gains a time or place it lacked.

    A meeting with files to read gets its time from them: the importer finds a meeting of
    the body on that date by its time, and a source's time that differs from the
    document's would make two meetings of one.
    """
    body = body_named(council, listed.body)
    transaction_lock(f"meeting:{body.pk}:{listed.date}")
    candidates = Meeting.objects.filter(body=body, date=listed.date)
    start_time = None if listed.files else listed.start_time
    meeting = (start_time and candidates.filter(start_time=start_time).first()) or (
        candidates.order_by("start_time").first()
    )
    if meeting is None:
        meeting = Meeting.objects.create(
            body=body, date=listed.date, start_time=start_time, location=listed.location
        )
    else:
        gaps = {
            name: value
            for name, value in (("start_time", start_time), ("location", listed.location))
            if value and not getattr(meeting, name)
        }
        if gaps:
            for name, value in gaps.items():
                setattr(meeting, name, value)
            meeting.save(update_fields=list(gaps))
    if listed.items and not listed.files and not meeting.agenda_items.exists():
        numbered = {}
        for position, (number, title) in enumerate(listed.items, start=1):
            numbered.setdefault(number or str(position), (position, title))
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, number=number[:20], position=position, title=title)
            for number, (position, title) in numbered.items()
        )
    return meeting


def judge_import(job: ImportJob) -> None:
    """After a harvested file's import: flag it where the document's meeting is not the one
    its source states (meetings.harvest.stated). Called for every finished import job."""
    for record in job.fetched_files.all():
        document = job.document
        meeting = document.meeting if document else None
        stated = {"body": record.body, "date": record.date and record.date.isoformat()}
        found = disagreement(stated, meeting.body.name if meeting else "", meeting and meeting.date)
        if job.status == ImportJob.Status.FAILED:
            found = ""  # the import's own error says what went wrong
        if found != record.disagreement:
            record.disagreement, record.reviewed = found, False
            record.save(update_fields=["disagreement", "reviewed"])
