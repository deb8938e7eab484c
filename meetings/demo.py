"""Realistic agenda packs for an imaginary council, written as PDFs.

`make run` imports these as its demo archive; the benchmarks use them to build
large archives. Everything here is invented: no text from real documents.
The layout follows ModernGov packs: a front sheet with the agenda, the minutes
of the previous meeting, then each report with its pages and footers.
"""

import datetime
import random
import textwrap
from dataclasses import dataclass, field
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
    previous_date: datetime.date | None = None
    exempt_topic: str = ""  # a Part II item: its report is "Document is Restricted"
    unredacted: bool = False  # an internal pack: the restricted report's pages are included


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
            previous = meetings[-1].date if meetings and meetings[-1].body == body else None
            meetings.append(DemoMeeting(body, date, topics, minute, previous))
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


LINES_PER_PAGE = 44
WRAP = 95


@dataclass
class Line:
    text: str
    bold: bool = False
    size: int = 10


@dataclass
class PackPage:
    lines: list[Line] = field(default_factory=list)
    footer: str = ""


class Composer:
    """Lays lines out on pages, wrapping them and breaking pages as a PDF would."""

    def __init__(self):
        self.pages: list[PackPage] = []

    def new_page(self, footer: str = "") -> None:
        self.pages.append(PackPage(footer=footer))

    def add(self, text: str, bold: bool = False, size: int = 10, gap: bool = True) -> None:
        wrapped = textwrap.wrap(text, WRAP) or [""]
        if len(self.pages[-1].lines) + len(wrapped) > LINES_PER_PAGE:
            self.new_page()
        self.pages[-1].lines += [Line(part, bold, size) for part in wrapped]
        if gap:
            self.pages[-1].lines.append(Line(""))

    def pad_to_even(self, first: int) -> None:
        """Packs pad each document to an even number of pages."""
        if (len(self.pages) - first) % 2:
            self.new_page()
            self.add("This page is intentionally left blank")


def compose_pack(
    meeting: DemoMeeting, previous: DemoMeeting | None, paragraphs: int = 12
) -> list[PackPage]:
    """The pages of the agenda pack for `meeting`, with `previous` meeting's minutes."""
    rng = random.Random(f"{meeting.body}{meeting.date}")
    reports = [(topic, rng.choice(DIRECTORS), rng.random() < 0.4) for topic in meeting.topics]
    minutes, report_pages = Composer(), []
    if previous:
        minutes.new_page()
        _minutes(minutes, previous, rng)
        minutes.pad_to_even(0)
    for number, (topic, director, _) in enumerate(reports, start=5):
        report = Composer()
        _report(report, meeting, number, topic, director, rng, paragraphs)
        report.pad_to_even(0)
        report_pages.append(report.pages)
    if meeting.exempt_topic:
        report = Composer()
        _restricted_report(report, meeting, 5 + len(reports), rng, paragraphs)
        report.pad_to_even(0)
        report_pages.append(report.pages)
    front = Composer()
    front.new_page()
    _front_sheet(front, meeting, previous, reports, len(minutes.pages), report_pages)
    return front.pages + minutes.pages + [page for pages in report_pages for page in pages]


def write_pack(
    meeting: DemoMeeting, previous: DemoMeeting | None, path: Path, paragraphs: int = 12
) -> None:
    """Write the pack as a PDF, or as a text extraction when `path` ends in .txt."""
    pages = compose_pack(meeting, previous, paragraphs)
    if path.suffix == ".txt":
        path.write_text(text_of(pages), encoding="utf-8")
    else:
        pdf_of(pages).output(str(path))


def text_of(pages: list[PackPage]) -> str:
    texts = []
    for number, page in enumerate(pages, start=1):
        lines = [line.text for line in page.lines]
        texts.append("\n".join([*lines, "", f"{number} {page.footer}".strip()]))
    return "\f".join(texts)


def pdf_of(pages: list[PackPage]) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(18, 14, 18)
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        for line in page.lines:
            pdf.set_font("Helvetica", "B" if line.bold else "", line.size)
            pdf.cell(0, 5.8, line.text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-14)
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 5, f"{number} {page.footer}".strip(), align="C")
    return pdf


def long_date(date: datetime.date) -> str:
    return f"{date:%A}, {date.day} {date:%B %Y}"


def _front_sheet(doc, meeting, previous, reports, minutes_pages, report_pages):
    doc.add(COUNCIL, bold=True, size=14)
    doc.add(f"Meeting: {meeting.body}")
    doc.add(f"Date/Time: {long_date(meeting.date)} at 2.00 pm")
    doc.add(f"Location: {VENUE}")
    doc.add("Contact: Ms. R. Fairweather (Tel. 01632 960 123)")
    doc.add("Email: democratic.services@wessexvale.example")
    doc.add("Membership", bold=True)
    members = people(meeting.body)
    doc.add(f"{members[0]} (Chairman)", gap=False)
    for member in members[1:]:
        doc.add(member, gap=False)
    doc.add("")
    doc.add("AGENDA", bold=True, size=12)
    page = 2
    if previous:
        doc.add(
            f"1. Minutes of the meeting held on {previous.date.day} {previous.date:%B %Y}. "
            f"(Pages {page} - {page + minutes_pages - 1})",
            size=9,
        )
        page += minutes_pages
    else:
        doc.add("1. Apologies for absence.", size=9)
    doc.add("2. Urgent items.", size=9)
    doc.add("3. Declarations of interest in respect of items on the agenda.", size=9)
    doc.add("4. Question Time.", size=9)
    for number, ((topic, director, key), pages) in enumerate(
        zip(reports, report_pages, strict=False), start=5
    ):
        last = page + len(pages) - 1
        row = f"{number}. {topic}. {director} (Pages {page} - {last}){' Yes' if key else ''}"
        doc.add(row, size=9)
        page = last + 1
    if meeting.exempt_topic:
        number = 5 + len(reports)
        last = page + len(report_pages[-1]) - 1
        doc.add(
            f"{number}. {meeting.exempt_topic}. (Exempt under Paragraph 3) "
            f"{DIRECTORS[0]} (Pages {page} - {last})",
            size=9,
        )


def _minutes(doc, meeting: DemoMeeting, rng: random.Random):
    doc.add(
        f"Minutes of a meeting of the {meeting.body} held at Shire Hall, Castlebury on "
        f"{long_date(meeting.date)}."
    )
    doc.add("PRESENT", bold=True)
    members = people(meeting.body)
    doc.add(f"{members[0]} (in the Chair)")
    for member in members[1:6]:
        doc.add(member, gap=False)
    doc.add("")
    doc.add("Apologies", bold=True)
    doc.add(members[6])
    number = meeting.first_minute
    for title, text in (
        ("Minutes of the previous meeting.", _confirmation(meeting.previous_date)),
        ("Urgent items.", "There were no urgent items for consideration."),
        ("Declarations of interest.", "No declarations were made."),
    ):
        doc.add(f"{number}. {title}", bold=True)
        doc.add(text)
        number += 1
    for item, topic in enumerate(meeting.topics, start=5):
        doc.add(f"{number}. {topic}.", bold=True)
        doc.add(
            f"The {meeting.body} considered a report of the {rng.choice(DIRECTORS)} regarding the "
            f"{topic.lower()}. A copy of the report, marked 'Agenda Item {item}', is filed with "
            "these minutes."
        )
        doc.add("RESOLVED:")
        doc.add(f"(a) That the {topic} be approved;")
        doc.add(f"(b) That the {rng.choice(DIRECTORS)} be authorised to implement the decision.")
        if rng.random() < 0.4:
            doc.add("(KEY DECISION)")
        doc.add("REASONS FOR DECISION:")
        doc.add(_sentence(rng))
        number += 1
    doc.add("2.00 - 3.10 pm", gap=False)
    doc.add(f"{meeting.date.day} {meeting.date:%B %Y}", gap=False)
    doc.add("CHAIRMAN")


def _confirmation(previous: datetime.date | None) -> str:
    if previous is None:
        return "The minutes of the previous meeting were confirmed and signed."
    held = f"{previous.day} {previous:%B %Y}"
    return f"The minutes of the meeting held on {held} were taken as read, confirmed and signed."


def _report(doc, meeting, item, topic, director, rng, paragraphs):
    doc.new_page(footer=f"Agenda Item {item}")
    doc.add(f"{meeting.body.upper()} - {meeting.date.day} {meeting.date:%B %Y}".upper(), bold=True)
    doc.add(topic.upper(), bold=True)
    doc.add(f"REPORT OF THE {director.upper()}", bold=True)
    doc.add("PART A", bold=True)
    doc.add("Purpose of the Report", bold=True)
    doc.add(f"1. The purpose of this report is to seek approval of the {topic}.")
    doc.add("Recommendations", bold=True)
    doc.add(f"2. It is recommended that the {meeting.body} approves the {topic}.")
    doc.add("Background", bold=True)
    for paragraph in range(3, 3 + paragraphs):
        doc.add(f"{paragraph}. " + " ".join(_sentence(rng) for _ in range(4)))


CONFIDENTIAL_PARAGRAPHS = [
    "The tenders received are summarised in the table below, with each bidder's price.",
    "Negotiations with the preferred bidder are continuing and the terms remain confidential.",
    "Legal advice on the options is set out in the exempt appendix to this report.",
]


def _restricted_report(doc, meeting, item, rng, paragraphs):
    """The 'Document is Restricted' notice; in an unredacted pack, the report behind it."""
    doc.new_page(footer=f"Agenda Item {item}")
    doc.add(
        "By virtue of paragraph(s) 3 of Part 1 of Schedule 12A of the Local Government Act 1972."
    )
    doc.add("Document is Restricted")
    if not meeting.unredacted:
        return
    doc.new_page(footer=f"Agenda Item {item}")
    doc.add(f"CONFIDENTIAL: {meeting.exempt_topic.upper()}", bold=True)
    for paragraph in range(1, paragraphs + 1):
        doc.add(f"{paragraph}. {rng.choice(CONFIDENTIAL_PARAGRAPHS)} {_sentence(rng)}")


SYLLABLES = [
    "ash",
    "brack",
    "cale",
    "dun",
    "eld",
    "fen",
    "gal",
    "holt",
    "ing",
    "kern",
    "lud",
    "mar",
    "nor",
    "ock",
    "pen",
    "quar",
    "ros",
    "stan",
    "thorn",
    "ul",
    "ver",
    "wick",
    "yarn",
]
SUFFIXES = ["by", "ford", "ham", "ley", "mere", "stow", "ton", "well", "wick", "worth"]


def _place(rng: random.Random) -> str:
    """A made-up place name: common ones from PLACES, and thousands of rare ones."""
    if rng.random() < 0.7:
        return rng.choice(PLACES)
    return (rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + rng.choice(SUFFIXES)).capitalize()


def _sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(place=_place(rng), n=rng.randint(3, 900))


def write_demo_archive(
    directory: Path,
    per_body: int = 4,
    start: datetime.date | None = None,
    suffix: str = ".pdf",
    paragraphs: int = 12,
) -> list[Path]:
    """Packs for `per_body` meetings of each body; by default the last ones are still to come."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    start = start or datetime.date.today() - datetime.timedelta(days=36 * (per_body - 1))
    schedule = demo_meetings(start, per_body)
    for index, meeting in enumerate(schedule):
        previous = (
            schedule[index - 1] if index and schedule[index - 1].body == meeting.body else None
        )
        path = directory / f"{meeting.body.lower().replace(' ', '-')}_{meeting.date}{suffix}"
        write_pack(meeting, previous, path, paragraphs)
        written.append(path)
    return written


def write_scan(pdf_path: Path, scan_path: Path, dpi: int = 200, pages=None) -> Path:
    """The PDF as if printed and scanned: each page an image of its size, no text layer."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf_path))
    scan = FPDF(unit="pt")
    for index in pages if pages is not None else range(len(document)):
        page = document[index]
        width, height = page.get_size()
        scan.add_page(format=(width, height))
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        scan.image(image, x=0, y=0, w=width, h=height)
    scan.output(str(scan_path))
    document.close()
    return scan_path
