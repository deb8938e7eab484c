"""Plain records passed from parsing to loading. No Django here."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PersonRecord:
    name: str
    key: str
    role: str = "member"  # chair, vice_chair, member, in_attendance, apologies, absent
    note: str = ""


@dataclass
class AgendaItemRecord:
    number: str  # unique in its meeting: "II.1" where "1." is printed under II and under I
    title: str
    report_by: str = ""
    first_page: int | None = None
    last_page: int | None = None
    key_decision: bool = False
    exempt: bool = False
    note: str = ""
    printed_number: str = ""  # as printed, where `number` had to tell it apart from another
    page: int | None = None  # the page of the agenda that lists it


@dataclass(frozen=True)
class Evidence:
    """Why the importer read a field as it did: the line it came from and how sure it is."""

    field: str  # council, body, date, time, kind
    value: str
    page: int
    text: str  # the document's own words, as printed on that line
    score: float  # 0 to 1: how well the evidence bears the reading out
    reason: str  # "labelled 'Date'; printed as a heading"

    @classmethod
    def of_line(cls, field: str, value, line, score: float, reason: str) -> "Evidence":
        """Evidence read from one Line (meetings.ingest.lines) of the document."""
        shown = value.isoformat() if hasattr(value, "isoformat") else str(value)
        return cls(field, shown, line.page, line.text, score, reason)


@dataclass
class MeetingRecord:
    body: str
    date: datetime.date
    start_time: datetime.time | None = None
    location: str = ""
    contact: str = ""
    is_special: bool = False
    agenda_is_supplement: bool = False
    membership: list[PersonRecord] = field(default_factory=list)
    agenda_items: list[AgendaItemRecord] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)  # why its body, date … were read so


@dataclass(frozen=True)
class VoteRecord:
    name: str
    vote: str  # for, against, abstained, absent


@dataclass
class MinuteRecord:
    number: str
    title: str
    text: str
    page: int
    agenda_item_number: str = ""
    confirms_date: datetime.date | None = None
    resolved: str | None = None
    resolved_items: list[str] = field(default_factory=list)
    reasons: str | None = None
    key_decision: bool = False
    outcome: str = ""  # approved, carried, rejected, deferred, noted, withdrawn
    mover: str = ""
    seconder: str = ""
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstained: int | None = None
    votes: list[VoteRecord] = field(default_factory=list)
    alternatives: str = ""  # a decision notice's alternatives considered
    interests: str = ""  # … and interests declared
    printed_number: str = ""  # as printed, where `number` had to tell it apart from another


@dataclass
class MinutesRecord:
    """The minutes of one meeting, as printed in a pack (usually an earlier meeting's)."""

    meeting: MeetingRecord
    attendance: list[PersonRecord]
    minutes: list[MinuteRecord]
    first_page: int
    last_page: int


@dataclass
class ReportRecord:
    title: str
    report_by: str
    first_page: int
    last_page: int
    text: str = ""
    agenda_item_number: str = ""
    exempt: bool = False
    restricted: bool = False
    key_decision: bool = False
    has_parts: bool = False
    purpose: str = ""
    recommendations: str = ""


@dataclass(frozen=True)
class CouncilName:
    """The council a document names: 'Kent County Council', place 'Kent', tier 'county'."""

    name: str
    place: str
    tier: str  # county, city, district, borough, town, parish, township, …


@dataclass
class PackRecord:
    """Everything parsed from one source file."""

    pages: list[str]
    printed_pages: list[str] = field(default_factory=list)  # each page's printed number, or ''
    council: CouncilName | None = None
    contact_domains: tuple[str, ...] = ()  # email domains of the first page: 'kent.gov.uk'
    meeting: MeetingRecord | None = None
    minutes: list[MinutesRecord] = field(default_factory=list)
    reports: list[ReportRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    kind: str = ""  # what an admin's correction says it is; else describe.document_kind's
