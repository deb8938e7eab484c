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
    number: str
    title: str
    report_by: str = ""
    first_page: int | None = None
    last_page: int | None = None
    key_decision: bool = False
    exempt: bool = False
    note: str = ""


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
