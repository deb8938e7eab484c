"""Hostile packs: confidential text laid out every way a council prints it, and an admin's
ticks. Each case's confidential pages carry one made-up word printed nowhere else, so a test
can ask every public answer for it. Used by tests/test_surfaces.py.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from meetings.demo import (
    COUNCIL,
    VENUE,
    DemoMeeting,
    Line,
    compose_pack,
    long_date,
    pdf_of,
    people,
)


@dataclass(frozen=True)
class Case:
    name: str
    secret: str  # printed only on this case's confidential pages
    public: str  # printed on the same pack's public pages


RESTRICTED_REPORT = Case("restricted report", "Quorvex", "Ravenstoke")
EXEMPT_REPORT = Case("exempt report printed in full", "Brindlemoor", "Thistlecombe")
EXEMPT_MINUTES = Case("exempt minutes after a restricted notice", "Tessaline", "Marrowgate")
WITHHELD_APPENDIX = Case("withheld appendix inside a public report", "Ombrevale", "Fernhallow")
ADMIN_TICKS = Case("report and page an admin marks withheld", "Kestrelwick", "Quillbrook")
CASES = [RESTRICTED_REPORT, EXEMPT_REPORT, EXEMPT_MINUTES, WITHHELD_APPENDIX, ADMIN_TICKS]

NOTICE = [
    "By virtue of paragraph(s) 3 of Part 1 of Schedule 12A of the Local Government Act 1972.",
    "Document is Restricted",
]


def confidential(case: Case, lines: int = 4) -> list[str]:
    """Lines of confidential text, each naming the case's secret word."""
    return [
        f"{number}. The offer from {case.secret} Holdings for the site remains commercially "
        f"sensitive; {case.secret} asked that its terms are not disclosed."
        for number in range(1, lines + 1)
    ]


def public_report(case: Case, body: str, date: datetime.date, topic: str) -> list[str]:
    """A public report's first page, naming the case's public word."""
    return [
        f"{body.upper()} - {date.day} {date:%B %Y}".upper(),
        topic.upper(),
        "REPORT OF THE DIRECTOR OF CORPORATE RESOURCES",
        "Purpose of the Report",
        f"1. The purpose of this report is to seek approval of the {topic}.",
        "Recommendations",
        f"2. It is recommended that the {body} approves the {topic} for {case.public}.",
        "Background",
        f"3. Consultation with residents of {case.public} ran for eight weeks.",
    ]


def front_sheet(body: str, date: datetime.date, agenda: list[str]) -> list[str]:
    members = people(body)
    return [
        COUNCIL,
        f"Meeting: {body}",
        f"Date/Time: {long_date(date)} at 2.00 pm",
        f"Location: {VENUE}",
        "Contact: Ms. R. Fairweather (Tel. 01632 960 123)",
        "Email: democratic.services@wessexvale.example",
        "Membership",
        f"{members[0]} (Chairman)",
        *members[1:],
        "AGENDA",
        *agenda,
    ]


def minutes(body: str, date: datetime.date, first: int, entries: list[tuple[str, list[str]]]):
    members = people(body)
    lines = [
        f"Minutes of a meeting of the {body} held at Shire Hall, Castlebury on {long_date(date)}.",
        "PRESENT",
        f"{members[0]} (in the Chair)",
        *members[1:6],
    ]
    for number, (title, text) in enumerate(entries, start=first):
        lines += [f"{number}. {title}", *text]
    return lines


def write_text_pack(path: Path, pages: list[list[str]]) -> Path:
    """A pack as its text extraction: pages apart by form feeds, each numbered at its foot."""
    texts = ["\n\n".join([*lines, str(number)]) for number, lines in enumerate(pages, start=1)]
    path.write_text("\f".join(texts), encoding="utf-8")
    return path


def restricted_report_pack(folder: Path) -> Path:
    """An internal PDF pack: a report behind a "Document is Restricted" notice, its pages
    included; the minutes of the meeting before, public."""
    case = RESTRICTED_REPORT
    previous = DemoMeeting("Cabinet", datetime.date(2026, 4, 14), ["Youth Services Review"], 40)
    meeting = DemoMeeting(
        "Cabinet",
        datetime.date(2026, 5, 12),
        ["Library Opening Hours Review"],
        50,
        previous_date=previous.date,
        exempt_topic="Depot Sale",
        unredacted=True,
    )
    pages = compose_pack(meeting, previous, paragraphs=4)
    behind_notice = False
    for page in pages:
        texts = [line.text for line in page.lines]
        if behind_notice:
            page.lines[1:1] = [Line(text) for text in confidential(case, 2)]
        elif "PART A" in texts:
            page.lines.append(Line(f"The review was asked for by residents of {case.public}."))
        behind_notice = behind_notice or "Document is Restricted" in texts
    path = folder / "cabinet-2026-05-12-internal.pdf"
    pdf_of(pages).output(str(path))
    return path


def exempt_report_pack(folder: Path) -> Path:
    """A text pack whose agenda marks an item exempt and prints its report in full, with no
    restricted notice (as seed 000 prints its item 15)."""
    case, body, date = EXEMPT_REPORT, "Scrutiny Commission", datetime.date(2026, 5, 19)
    agenda = [
        "1. Apologies for absence.",
        "2. Declarations of interest.",
        "3. Household Waste Collection Contract. Director of Corporate Resources (Pages 2 - 3)",
        "4. Sale of the Depot at Ashford Vale. (Exempt under Paragraph 3) "
        "Director of Corporate Resources (Pages 4 - 5)",
    ]
    topic = "Household Waste Collection Contract"
    secret_topic = "Sale of the Depot at Ashford Vale"
    pages = [
        front_sheet(body, date, agenda),
        public_report(case, body, date, topic),
        ["4. The contract will be retendered in 2027."],
        [
            f"{body.upper()} - {date.day} {date:%B %Y}".upper(),
            secret_topic.upper(),
            "REPORT OF THE DIRECTOR OF CORPORATE RESOURCES",
            *confidential(case),
        ],  # fmt: skip
        confidential(case, 2),
    ]
    return write_text_pack(folder / "scrutiny-2026-05-19.txt", pages)


def exempt_minutes_pack(folder: Path) -> Path:
    """A text pack: the last meeting's public minutes, then a restricted notice, then that
    meeting's exempt minutes; the agenda lists them as an exempt item (issue 26, 1)."""
    case, body = EXEMPT_MINUTES, "Highways and Transport Committee"
    date, held = datetime.date(2026, 5, 26), datetime.date(2026, 4, 21)
    agenda = [
        f"1. Minutes of the meeting held on {held.day} {held:%B %Y}. (Pages 2 - 3)",
        "2. Declarations of interest.",
        "3. Bus Service Improvement Plan. Director of Environment and Highways (Pages 4 - 5)",
        f"4. Exempt minutes of the meeting held on {held.day} {held:%B %Y}. "
        "(Exempt under paragraph 3). (Pages 6 - 7)",
    ]
    topic = "Bus Service Improvement Plan"
    public_minutes = minutes(body, held, 30, [
        ("Minutes of the previous meeting.", ["The minutes were confirmed and signed."]),
        ("Declarations of interest.", ["No declarations were made."]),
        ("Rural Broadband Programme.", [
            f"The Committee considered the programme for {case.public}.",
            "RESOLVED:", "That the Rural Broadband Programme be approved.",
        ]),
    ])  # fmt: skip
    exempt_minutes = [
        f"Minutes of a meeting of the {body} held at Shire Hall, Castlebury on {long_date(held)}.",
        "EXEMPT MINUTES (PART II)",
        "33. Sale of Highways Depot Land.",
        *confidential(case, 2),
        "RESOLVED:",
        f"That the offer from {case.secret} Holdings be accepted.",
    ]
    pages = [
        front_sheet(body, date, agenda),
        public_minutes[:10],
        public_minutes[10:],
        public_report(case, body, date, topic),
        ["4. The plan is funded for three years."],
        NOTICE,
        exempt_minutes,
    ]
    return write_text_pack(folder / "highways-2026-05-26.txt", pages)


def withheld_appendix_pack(folder: Path) -> Path:
    """A text pack whose public report's Appendix B is a restricted notice with the
    confidential text on the same page (issue 26, 2)."""
    case, body, date = WITHHELD_APPENDIX, "Planning Committee", datetime.date(2026, 6, 2)
    topic = "Parks and Open Spaces Strategy"
    agenda = [
        "1. Apologies for absence.",
        "2. Declarations of interest.",
        f"3. {topic}. Director of Environment and Highways (Pages 2 - 4)",
        "4. Climate Adaptation Plan. Director of Environment and Highways (Pages 5 - 6)",
    ]
    pages = [
        front_sheet(body, date, agenda),
        public_report(case, body, date, topic),
        ["4. The strategy covers every park in the county."],
        ["Appendix B", *NOTICE, *confidential(case, 2)],
        public_report(case, body, date, "Climate Adaptation Plan"),
        ["4. The plan is reviewed each year."],
    ]
    return write_text_pack(folder / "planning-2026-06-02.txt", pages)


def admin_ticks_pack(folder: Path) -> Path:
    """A text pack of public reports: an admin then marks one report exempt and one page of
    another restricted (issue 26, 5)."""
    case, body, date = ADMIN_TICKS, "Audit Committee", datetime.date(2026, 6, 9)
    agenda = [
        "1. Apologies for absence.",
        "2. Internal Audit Plan. Director of Corporate Resources (Pages 2 - 3)",
        "3. Counter Fraud Report. Director of Corporate Resources (Pages 4 - 5)",
    ]
    pages = [
        front_sheet(body, date, agenda),
        public_report(case, body, date, "Internal Audit Plan"),
        confidential(case, 2),  # the report an admin marks exempt
        public_report(case, body, date, "Counter Fraud Report"),
        confidential(case, 2),  # the page an admin marks restricted
    ]
    return write_text_pack(folder / "audit-2026-06-09.txt", pages)


PACKS = [
    restricted_report_pack,
    exempt_report_pack,
    exempt_minutes_pack,
    withheld_appendix_pack,
    admin_ticks_pack,
]
