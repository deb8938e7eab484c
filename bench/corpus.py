"""A realistic archive of any size for benchmarks: real council text, split and varied.

The text comes from ../shared/seeds and ../shared/realworld (text layers; scans are left
out), read and split by the project's own importer: pages, report titles, purposes and
recommendations, agenda items and resolutions. Each generated page takes a real page's
paragraphs, swaps half of them for paragraphs of other real pages, shuffles them, and
varies names, dates and numbers, so the vocabulary and its frequencies stay those of
council documents. The rows are spread over councils, bodies and twenty years, written by
bulk inserts (pages by COPY), not by the importer: building a million pages through the
importer would take most of an hour, and what is measured here is search.
"""

import datetime
import random
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
COUNCILS = {
    "Wessex County Council": [
        "Cabinet", "Full Council", "Scrutiny Board", "People Scrutiny Panel",
        "Place Scrutiny Panel", "Resources Scrutiny Panel", "Health Scrutiny Panel",
        "Pensions Board", "Regulatory Board", "Governance Board",
    ],
    "Mercia District Council": [
        "Cabinet", "Council", "Planning Board", "Licensing Panel", "Audit Panel",
        "Scrutiny Panel", "Standards Panel", "Housing Board", "Environment Board",
        "Finance Board",
    ],
    "Northumbria City Council": [
        "City Council", "Executive", "Planning Panel", "Transport Board", "Wellbeing Board",
        "Audit and Standards Panel", "Licensing Board", "Economy Scrutiny Panel",
        "Communities Scrutiny Panel", "Budget Scrutiny Panel",
    ],
}  # fmt: skip
FIRST_YEAR, YEARS = 2006, 20
PAGES_PER_PACK = (150, 350)
ITEMS_PER_MEETING = (5, 12)
RESTRICTED_SHARE = 0.01  # reports marked restricted, their pages admins' only


@dataclass
class Pool:
    pages: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    reports: list[tuple[str, str, str, str]] = field(default_factory=list)
    decisions: list[tuple[str, str, str]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


def read_pool() -> Pool:
    """Every page, report, resolution and capitalised word of the shared documents."""
    from meetings.ingest.ocr import OcrSettings
    from meetings.ingest.read import PackError, read_source

    pool = Pool()
    paths = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "realworld").glob("*.pdf"))
    for path in paths:
        try:
            pack = read_source(path, ocr=OcrSettings(mode="never")).pack
        except PackError:
            continue
        pool.pages += [text for text in pack.pages if len(text.split()) >= 40]
        pool.reports += [
            (report.title, report.purpose, report.recommendations, report.report_by)
            for report in pack.reports
        ]
        for minutes in pack.minutes:
            pool.decisions += [
                (minute.title, minute.resolved, minute.reasons or "")
                for minute in minutes.minutes
                if minute.resolved
            ]
    pool.paragraphs = [
        paragraph for page in pool.pages for paragraph in page.split("\n\n") if len(paragraph) > 40
    ]
    words = {word for page in pool.pages for word in _CAPITALISED.findall(page)}
    pool.names = sorted(words)
    return pool


_CAPITALISED = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b")
_NUMBER = re.compile(r"\b\d+\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


class Varier:
    """Real text with its names, dates and numbers changed, and its paragraphs reshuffled."""

    def __init__(self, pool: Pool, seed: int):
        self.pool = pool
        self.random = random.Random(seed)

    def page(self, year: int) -> str:
        paragraphs = self.random.choice(self.pool.pages).split("\n\n")
        for index in range(len(paragraphs)):
            if self.random.random() < 0.5:
                paragraphs[index] = self.random.choice(self.pool.paragraphs)
        self.random.shuffle(paragraphs)
        return self.text("\n\n".join(paragraphs), year)

    def text(self, text: str, year: int) -> str:
        text = _YEAR.sub(lambda match: str(year - self.random.randint(0, 2)), text)
        text = _NUMBER.sub(self._number, text)
        return _CAPITALISED.sub(self._name, text)

    def _number(self, match: re.Match) -> str:
        digits = match[0]
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return digits  # a year, already varied
        return str(self.random.randint(10 ** (len(digits) - 1) if len(digits) > 1 else 0,
                                       10 ** len(digits) - 1))  # fmt: skip

    def _name(self, match: re.Match) -> str:
        return self.random.choice(self.pool.names) if self.random.random() < 0.3 else match[0]


def build(pages_wanted: int, seed: int = 2026, on_batch=lambda pages: None) -> int:
    """Fill the (empty) database with about `pages_wanted` pages; the pages written."""
    from meetings.models import Body, Council

    pool = read_pool()
    varier = Varier(pool, seed)
    bodies = []
    for name, body_names in COUNCILS.items():
        council = Council.objects.create(name=name, slug=name.split()[0].lower())
        for body_name in body_names:
            slug = re.sub(r"[^a-z]+", "-", body_name.lower()).strip("-")
            bodies.append(Body.objects.create(council=council, name=body_name, slug=slug))
    meetings = _schedule(bodies, pages_wanted, varier.random)
    written = 0
    for start in range(0, len(meetings), 50):
        written += _write_meetings(meetings[start : start + 50], varier)
        on_batch(written)
    return written


def _schedule(bodies, pages_wanted: int, rng: random.Random):
    """(body, date, pages) for each meeting: evenly over bodies and years, dates distinct."""
    average = sum(PAGES_PER_PACK) // 2
    count = max(1, pages_wanted // average)
    meetings, used = [], set()
    for index in range(count):
        body = bodies[index % len(bodies)]
        while True:
            date = datetime.date(FIRST_YEAR, 1, 1) + datetime.timedelta(
                days=rng.randrange(YEARS * 365)
            )
            if (body.pk, date) not in used:
                used.add((body.pk, date))
                break
        meetings.append((body, date, rng.randint(*PAGES_PER_PACK)))
    return meetings


def _write_meetings(schedule, varier: Varier) -> int:
    from django.db import connection, transaction

    from meetings.models import AgendaItem, Decision, Document, Meeting, Minute, Report

    rng = varier.random
    with transaction.atomic():
        meetings = Meeting.objects.bulk_create(
            Meeting(body=body, date=date, title=f"{body.name}, {date:%-d %B %Y}",
                    location="County Hall")
            for body, date, _ in schedule
        )  # fmt: skip
        documents = Document.objects.bulk_create(
            Document(council_id=meeting.body.council_id, meeting=meeting,
                     file_name=f"{meeting.pk}.pdf", sha256=secrets.token_hex(32), format="pdf",
                     page_count=pages, kind="agenda pack")
            for meeting, (_, _, pages) in zip(meetings, schedule, strict=True)
        )  # fmt: skip
        items, reports, minutes, restricted_pages = [], [], [], []
        for meeting, document in zip(meetings, documents, strict=True):
            count = rng.randint(*ITEMS_PER_MEETING)
            bounds = sorted(rng.sample(range(3, document.page_count - 10), count))
            bounds.append(document.page_count - 8)  # the minutes are the last pages
            for number in range(1, count + 1):
                title, purpose, recommendations, report_by = rng.choice(varier.pool.reports)
                year = meeting.date.year
                title = varier.text(title, year)
                first, last = bounds[number - 1], bounds[number] - 1
                items.append(AgendaItem(meeting=meeting, number=str(number), position=number,
                                        title=title, report_by=report_by, document=document,
                                        first_page=first, last_page=last))  # fmt: skip
                restricted = rng.random() < RESTRICTED_SHARE
                if restricted:
                    restricted_pages += [(document.pk, page) for page in range(first, last + 1)]
                reports.append(Report(meeting=meeting, agenda_item_number=str(number),
                                      document=document, position=number, slug=f"report-{number}",
                                      title=title, report_by=report_by,
                                      purpose=varier.text(purpose, year),
                                      recommendations=varier.text(recommendations, year),
                                      restricted=restricted, first_page=first, last_page=last,
                                      key_decision=rng.random() < 0.2))  # fmt: skip
                if rng.random() < 0.6 and varier.pool.decisions:
                    decision = rng.choice(varier.pool.decisions)
                    minutes.append((meeting, document, number, title, decision))
        items = AgendaItem.objects.bulk_create(items)
        item_of = {(item.meeting_id, item.number): item for item in items}
        for report in reports:
            report.agenda_item = item_of[(report.meeting_id, report.agenda_item_number)]
        Report.objects.bulk_create(reports)
        minute_rows = Minute.objects.bulk_create(
            Minute(meeting=meeting, number=str(number), position=number, title=title,
                   text=resolved, agenda_item=item_of[(meeting.pk, str(number))],
                   agenda_item_number=str(number), document=document,
                   page=document.page_count - 4)
            for meeting, document, number, title, (_, resolved, _) in minutes
        )  # fmt: skip
        Decision.objects.bulk_create(
            Decision(minute=minute, title=minute.title,
                     resolved=varier.text(resolved, minute.meeting.date.year),
                     reasons=varier.text(reasons, minute.meeting.date.year))
            for minute, (*_, (_, resolved, reasons)) in zip(minute_rows, minutes, strict=True)
        )  # fmt: skip
        restricted = set(restricted_pages)
        pages = 0
        with connection.cursor() as cursor:
            copy_sql = (
                "COPY meetings_page (document_id, number, text, restricted, printed_number) "
                "FROM STDIN"
            )
            with cursor.copy(copy_sql) as copy:
                for meeting, document in zip(meetings, documents, strict=True):
                    for number in range(1, document.page_count + 1):
                        text = varier.page(meeting.date.year)
                        private = (document.pk, number) in restricted
                        copy.write_row((document.pk, number, text, private, str(number)))
                        pages += 1
    return pages
