"""Realistic agenda packs for an imaginary council, written as PDFs.

`make run` imports these as its demo archive; the benchmarks use them to build
large archives. Everything here is invented: no text from real documents.
The layout follows ModernGov packs: a front sheet with the agenda, the minutes
of the previous meeting, then each report with its pages and footers.
"""

import datetime
import random
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

COUNCIL = "Wessex Vale County Council"
VENUE = "Council Chamber, Shire Hall, Castlebury"
DIRECTORS = [
    "Director of Corporate Resources",
    "Director of Environment and Highways",
    "Director of Children and Family Services",
    "Director of Adults and Communities",
    "Director of Public Health",
    "Chief Executive",
]
TOPICS = [
    "Library Opening Hours Review",
    "School Term Dates 2027 to 2030",
    "Highways Capital Programme",
    "Flood Risk Management Strategy",
    "Council Tax Support Scheme",
    "Adult Social Care Fee Levels",
    "Bus Service Improvement Plan",
    "Household Waste Collection Contract",
    "Youth Services Review",
    "Parks and Open Spaces Strategy",
    "Climate Adaptation Plan",
    "Medium Term Financial Strategy",
    "Home to School Transport Policy",
    "Digital Inclusion Strategy",
    "Rural Broadband Programme",
    "Carers Support Strategy",
]
PLACES = ["Castlebury", "Millbrook", "Ashford Vale", "Kingsmere", "Otterton", "Hollow Cross"]
SURNAMES = [
    "Baker", "Carter", "Dawson", "Ellis", "Fletcher", "Gardner", "Hughes", "Irving", "Jarvis",
    "Kendall", "Lowe", "Marsh", "Norris", "Owens", "Pearce", "Quinn", "Reeves", "Shaw",
]  # fmt: skip
BODIES = {"Cabinet": 2, "Scrutiny Commission": 1, "Highways and Transport Committee": 1}
SENTENCES = [
    "The proposals have been developed with partners across {place} and the wider county.",
    "Consultation with residents ran for eight weeks and received {n} responses.",
    "The estimated cost of the scheme is £{n}m over the next four years.",
    "Officers have assessed the options against the Council's strategic outcomes.",
    "The service has seen demand rise by {n} per cent since the last review.",
    "An equality impact assessment has been carried out and is appended to this report.",
    "The risks identified are set out in the risk register at Appendix B.",
    "Members of the Overview and Scrutiny Committee considered the draft at their meeting.",
    "Funding will be met from existing budgets within the Medium Term Financial Strategy.",
    "A further report will be presented once the procurement exercise is complete.",
]


@dataclass
class DemoMeeting:
    body: str
    date: datetime.date
    topics: list[str]
    first_minute: int


def demo_meetings(start: datetime.date, per_body: int, seed: int = 1) -> list[DemoMeeting]:
    """A schedule of meetings for each body, a month or so apart, each with its report topics."""
    rng = random.Random(seed)
    meetings = []
    for body, reports_per_meeting in BODIES.items():
        minute = rng.randint(20, 80)
        date = start + datetime.timedelta(days=rng.randint(0, 20))
        for _ in range(per_body):
            count = reports_per_meeting + rng.randint(1, 3)
            topics = rng.sample(TOPICS, count)
            meetings.append(DemoMeeting(body, date, topics, minute))
            minute += 4 + count
            date += datetime.timedelta(days=rng.randint(28, 45))
    return meetings


def people(body: str) -> list[str]:
    rng = random.Random(body)
    names = rng.sample(SURNAMES, 8)
    return [
        f"{rng.choice(['Mr.', 'Mrs.', 'Ms.', 'Dr.'])} {chr(65 + i)}. {name} CC"
        for i, name in enumerate(names)
    ]


class PackPDF(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        self.set_auto_page_break(auto=True, margin=20)
        self.set_margins(18, 18, 18)
        self.footer_note = ""

    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", size=8)
        label = f"{self.page_no()} {self.footer_note}".strip()
        self.cell(0, 5, label, align="C")
        self.footer_note = ""

    def line_of(self, text: str, size: int = 10, bold: bool = False, gap: float = 1.5):
        self.set_font("Helvetica", "B" if bold else "", size)
        self.multi_cell(0, size * 0.5, text)
        self.ln(gap)


def long_date(date: datetime.date) -> str:
    return f"{date:%A}, {date.day} {date:%B %Y}"


def write_pack(
    meeting: DemoMeeting, previous: DemoMeeting | None, path: Path, paragraphs: int = 12
):
    """Write the agenda pack for `meeting` (with `previous` meeting's minutes) as a PDF."""
    rng = random.Random(f"{meeting.body}{meeting.date}")
    pdf = PackPDF()
    reports = [(topic, rng.choice(DIRECTORS), rng.random() < 0.4) for topic in meeting.topics]
    _front_sheet(pdf, meeting, previous, reports, paragraphs)
    if previous:
        first_page = pdf.page_no() + 1
        _minutes(pdf, previous, rng)
        if pdf.page_no() == first_page:  # packs pad each document to an even number of pages
            pdf.add_page()
            pdf.line_of("This page is intentionally left blank")
    for number, (topic, director, _) in enumerate(reports, start=5):
        _report(pdf, meeting, number, topic, director, rng, paragraphs)
    pdf.output(str(path))


def _pages_per_report(paragraphs: int) -> int:
    return max(1, paragraphs // 6)


def _front_sheet(pdf, meeting, previous, reports, paragraphs):
    pdf.add_page()
    pdf.line_of(COUNCIL, 14, bold=True, gap=4)
    pdf.line_of(f"Meeting: {meeting.body}")
    pdf.line_of(f"Date/Time: {long_date(meeting.date)} at 2.00 pm")
    pdf.line_of(f"Location: {VENUE}")
    pdf.line_of("Contact: Ms. R. Fairweather (Tel. 01632 960 123)")
    pdf.line_of("Email: democratic.services@wessexvale.example", gap=4)
    pdf.line_of("Membership", bold=True)
    members = people(meeting.body)
    pdf.line_of(f"{members[0]} (Chairman)")
    for member in members[1:]:
        pdf.line_of(member, gap=0.5)
    pdf.ln(4)
    pdf.line_of("AGENDA", 12, bold=True, gap=3)
    page = 2
    if previous:
        minutes_pages = 2
        pdf.line_of(
            f"1. Minutes of the meeting held on {previous.date.day} {previous.date:%B %Y}. "
            f"(Pages {page} - {page + minutes_pages - 1})",
            9,
        )
        page += minutes_pages
    else:
        pdf.line_of("1. Apologies for absence.", 9)
    pdf.line_of("2. Urgent items.", 9)
    pdf.line_of("3. Declarations of interest in respect of items on the agenda.", 9)
    pdf.line_of("4. Question Time.", 9)
    for number, (topic, director, key) in enumerate(reports, start=5):
        last = page + _pages_per_report(paragraphs) - 1
        row = f"{number}. {topic}. {director} (Pages {page} - {last}){' Yes' if key else ''}"
        pdf.line_of(row, 9)
        page = last + 1


def _minutes(pdf, meeting: DemoMeeting, rng: random.Random):
    pdf.add_page()
    pdf.line_of(
        f"Minutes of a meeting of the {meeting.body} held at Shire Hall, Castlebury on "
        f"{long_date(meeting.date)}.",
        gap=3,
    )
    pdf.line_of("PRESENT", bold=True)
    members = people(meeting.body)
    pdf.line_of(f"{members[0]} (in the Chair)")
    for member in members[1:6]:
        pdf.line_of(member, gap=0.5)
    pdf.ln(2)
    pdf.line_of("Apologies", bold=True)
    pdf.line_of(members[6], gap=3)
    number = meeting.first_minute
    for title, text in (
        ("Minutes of the previous meeting.", "The minutes were confirmed and signed."),
        ("Urgent items.", "There were no urgent items for consideration."),
        ("Declarations of interest.", "No declarations were made."),
    ):  # fmt: skip
        pdf.line_of(f"{number}. {title}", bold=True)
        pdf.line_of(text, gap=3)
        number += 1
    for item, topic in enumerate(meeting.topics, start=5):
        pdf.line_of(f"{number}. {topic}.", bold=True)
        pdf.line_of(
            f"The {meeting.body} considered a report of the {rng.choice(DIRECTORS)} regarding the "
            f"{topic.lower()}. A copy of the report, marked 'Agenda Item {item}', is filed with "
            "these minutes."
        )
        pdf.line_of("RESOLVED:")
        pdf.line_of(f"(a) That the {topic} be approved;")
        pdf.line_of(
            f"(b) That the {rng.choice(DIRECTORS)} be authorised to implement the decision."
        )
        if rng.random() < 0.4:
            pdf.line_of("(KEY DECISION)")
        pdf.line_of("REASONS FOR DECISION:")
        pdf.line_of(_sentence(rng), gap=3)
        number += 1
    pdf.line_of("2.00 - 3.10 pm")
    pdf.line_of(f"{meeting.date.day} {meeting.date:%B %Y}")
    pdf.line_of("CHAIRMAN")


def _report(pdf, meeting, item, topic, director, rng, paragraphs):
    pdf.add_page()
    pdf.footer_note = f"Agenda Item {item}"
    pdf.line_of(
        f"{meeting.body.upper()} - {meeting.date.day} {meeting.date:%B %Y}".upper(), bold=True
    )
    pdf.line_of(topic.upper(), bold=True, gap=3)
    pdf.line_of(f"REPORT OF THE {director.upper()}", bold=True)
    pdf.line_of("PART A", bold=True)
    pdf.line_of("Purpose of the Report", bold=True)
    pdf.line_of(f"1. The purpose of this report is to seek approval of the {topic}.")
    pdf.line_of("Recommendations", bold=True)
    pdf.line_of(f"2. It is recommended that the {meeting.body} approves the {topic}.")
    pdf.line_of("Background", bold=True)
    pages = _pages_per_report(paragraphs)
    for paragraph in range(3, 3 + paragraphs):
        if paragraph > 3 and (paragraph - 3) % 6 == 0 and pdf.page_no() < pages + pdf.page_no():
            pdf.add_page()
        pdf.line_of(f"{paragraph}. " + " ".join(_sentence(rng) for _ in range(4)))


def _sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(place=rng.choice(PLACES), n=rng.randint(3, 900))


def write_demo_archive(
    directory: Path, per_body: int = 4, start=datetime.date(2026, 1, 6)
) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    schedule = demo_meetings(start, per_body)
    for index, meeting in enumerate(schedule):
        previous = (
            schedule[index - 1] if index and schedule[index - 1].body == meeting.body else None
        )
        path = directory / f"{meeting.body.lower().replace(' ', '-')}_{meeting.date}.pdf"
        write_pack(meeting, previous, path)
        written.append(path)
    return written
