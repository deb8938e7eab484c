"""Bulk downloads: per council, every meeting as gzipped NDJSON and the decisions as CSV.

Files are written a batch of rows at a time to a temporary name and renamed into place,
so memory stays flat however big the council and a download never sees half a file.
"""

import csv
import gzip
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Greatest

from meetings.exports import export_meeting, with_everything
from meetings.models import Council, Decision, DeletedObject, Document, Meeting

BATCH = 200  # meetings fetched (with their items, minutes and votes) at a time
MEETINGS_SUFFIX = "-meetings.ndjson.gz"
DECISIONS_SUFFIX = "-decisions.csv"
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(?:-meetings\.ndjson\.gz|-decisions\.csv)$")
DECISION_COLUMNS = [
    "council",
    "body",
    "meeting_date",
    "minute",
    "title",
    "resolved",
    "outcome",
    "key_decision",
    "mover",
    "seconder",
    "votes_for",
    "votes_against",
    "votes_abstained",
    "reasons",
    "url",
]


@dataclass
class DataFile:
    name: str
    size: int
    made: datetime

    @property
    def path(self) -> Path:
        return data_dir() / self.name


def data_dir() -> Path:
    return Path(settings.BULK_DATA_DIR)


def make_council_files(council: Council) -> list[DataFile]:
    """Write the council's two files; returns them."""
    data_dir().mkdir(parents=True, exist_ok=True)
    meetings = data_dir() / f"{council.slug}{MEETINGS_SUFFIX}"
    decisions = data_dir() / f"{council.slug}{DECISIONS_SUFFIX}"
    _write_atomically(meetings, lambda path: _write_meetings(council, path))
    _write_atomically(decisions, lambda path: _write_decisions(council, path))
    return [data_file(meetings.name), data_file(decisions.name)]


def remake_published(council: Council) -> None:
    """Remake the council's files now, if it has any: something in them is withheld now."""
    if council_files(council):
        make_council_files(council)


def refresh_stale() -> list[Council]:
    """Remake the files of each council changed since its files were made; returns those."""
    remade = []
    for council in Council.objects.annotate(changed=Greatest(*last_changes())):
        files = council_files(council)
        if len(files) < 2 or (council.changed and min(f.made for f in files) < council.changed):
            make_council_files(council)
            remade.append(council)
    return remade


def last_changes():
    """When each council's documents, meetings and removed rows last changed (subqueries)."""
    sources = (
        (Document.objects, "council", "modified"),
        (Meeting.objects, "body__council", "modified"),
        (DeletedObject.objects, "council", "deleted_at"),
    )
    return [
        Subquery(
            rows.filter(**{owner: OuterRef("pk")})
            .order_by()
            .values(owner)
            .annotate(last=Max(when))
            .values("last")
        )
        for rows, owner, when in sources
    ]


def _write_atomically(target: Path, write) -> None:
    partial = target.with_name(f".{target.name}.partial")
    try:
        write(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _write_meetings(council: Council, path: Path) -> None:
    meetings = with_everything(Meeting.objects.filter(body__council=council).order_by("date", "pk"))
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for meeting in meetings.iterator(chunk_size=BATCH):
            out.write(json.dumps(export_meeting(meeting, settings.BASE_URL), ensure_ascii=False))
            out.write("\n")


def _write_decisions(council: Council, path: Path) -> None:
    decisions = (
        Decision.objects.filter(minute__meeting__body__council=council)
        .select_related("minute__meeting__body__council")
        .order_by("minute__meeting__date", "minute__meeting__pk", "minute__position")
    )
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(DECISION_COLUMNS)
        for decision in decisions.iterator(chunk_size=2000):
            writer.writerow(_decision_row(decision))


def _decision_row(decision: Decision) -> list:
    meeting = decision.minute.meeting
    return [
        meeting.body.council.name,
        meeting.body.name,
        meeting.date.isoformat(),
        decision.minute.number,
        decision.title,
        decision.resolved,
        decision.outcome,
        "yes" if decision.key_decision else "no",
        decision.mover,
        decision.seconder,
        decision.votes_for,
        decision.votes_against,
        decision.votes_abstained,
        decision.reasons,
        settings.BASE_URL + decision.get_absolute_url(),
    ]


def data_file(name: str) -> DataFile | None:
    """The published file of this name, or None (an unknown or unsafe name is None too)."""
    if not FILE_NAME.match(name):
        return None
    try:
        stat = (data_dir() / name).stat()
    except FileNotFoundError:
        return None
    return DataFile(name, stat.st_size, datetime.fromtimestamp(stat.st_mtime, tz=UTC))


def council_files(council: Council) -> list[DataFile]:
    names = (f"{council.slug}{MEETINGS_SUFFIX}", f"{council.slug}{DECISIONS_SUFFIX}")
    return [found for name in names if (found := data_file(name))]
