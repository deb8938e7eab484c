"""The hand-checked facts of other councils' real PDFs (../shared/realworld/facts.json and
../shared/realworld-next/facts.json).

One test per file and fact. What the importer cannot read yet is marked xfail with the
reason, strictly: a fact that starts to pass fails the run until its mark is removed,
so progress shows. Facts are checked on the parsed records, as the scorer
(../shared/tools/score_realworld.py) checks them on the export.
"""

import datetime
import functools
import json
import re
from difflib import SequenceMatcher

import pytest

from meetings.ingest.council import parse_council_name
from meetings.ingest.ocr import tesseract_missing
from meetings.ingest.pack import parse_pack
from meetings.ingest.pages import UnreadableSource, read_pages
from meetings.ingest.text import find_time
from tests.conftest import REALWORLD, REALWORLD_NEXT, shared_file
from tests.importer.disk_ocr_cache import cached_ocr

FOLDERS = (REALWORLD, REALWORLD_NEXT)
MISREAD_NUMBER = "OCR does not read the scanned agenda's '9.': 11 of its 12 items are read"
SPECIAL_ORDER = "the special order of the day (item A) is an item here; the facts count 9"
SUB_ITEMS = "the facts count the top level; the outline reads the items under it (2.1 …) too"
SECTIONS = "the facts count the numbered items; the outline reads the Roman sections too"
HEADINGS = "the facts count items printed as headings without a number; the numbered are read"
HANDWRITTEN_DAY = "the meeting's day is handwritten ('February __, 2008'): it is kept for review"
VOTE_GRID = (
    "a register: OCR merges the vote grid's marks into the agenda column ('x B. APPROVAL OF "
    "MINUTES') and the decisions stand in a third column"
)
GRID_COLUMNS = (
    "a photocopied register: OCR runs the right-hand column into a title ('… IN 6:30.p.m., with "
    "all'), reads III. as II., and the motion is interleaved with the vote grid's labels"
)
NO_MEETING = ["meeting", "decisions", "item count"]  # kept as pages, without a meeting
KNOWN_FAILURES = {
    "nipissing-township_council_2024-09-03_agenda-pack.pdf": {"item count": MISREAD_NUMBER},
    "sunnyvale_city-council_2021-01-26_agenda.pdf": {"item count": SPECIAL_ORDER},
    "souldern_parish-council_2024-09-26_agenda-scanned.pdf": {
        "item count": "number 9 is printed twice: the second 9 is read as part of the first"
    },
    "souldern_parish-council_2023-09-28_minutes.pdf": {
        "item count": "the last item is printed '10 Finance', its prefix dropped: it is read as "
        "part of 09.23.10"
    },
    "souldern_annual-parish-meeting_2025-05-20_minutes.pdf": {
        "council": "the minutes name the parish's meeting, never its council"
    },
    "cupertino-usd_board-of-education_2015-12-15_agenda.pdf": {"item count": SUB_ITEMS},
    "east-side-uhsd_board-of-trustees_2016-02-04_agenda.pdf": {"item count": SUB_ITEMS},
    "gavilan-ccd_board-of-trustees_2015-06-09_agenda.pdf": {"item count": SECTIONS},
    "rivergrove_city-council_2024-04-08_resolution-300-2024.pdf": {
        "council": "the resolution names its city once, in the sentence at its foot"
    },
    "rivergrove_planning-commission_2008-02-04_interpretation-scanned.pdf": dict.fromkeys(
        NO_MEETING, HANDWRITTEN_DAY
    ),
    "guelph_city-council_2014-07-14_minutes.pdf": {"item count": HEADINGS},
    "guelph_city-council_2014-06-16_gmhi-shareholder-minutes-draft.pdf": {"item count": HEADINGS},
    "san-diego-unified_board-of-education_2000-09-05_minutes.pdf": dict.fromkeys(
        ["decisions", "item count", "item A."], VOTE_GRID
    ),
    "san-diego-unified_board-of-education_2002-06-30_special-minutes-scanned.pdf": {
        **dict.fromkeys(["decisions", "item count", "item II.", "item III."], GRID_COLUMNS),
        "council": "OCR glues the district's name ('SANDIEGOUNIFIEDSCHOOL'), which the scan "
        "prints nowhere else",
    },
    "chelles_conseil-municipal_2021-12-14_agenda-scanned.pdf": {
        "council": "the invitation prints 'Mairie de Chelles' and the seal, never 'Ville de "
        "Chelles'",
        "item count": "OCR misses one of the 27 items' numbers",
    },
}  # fmt: skip


def load_facts() -> list[dict]:
    """Each folder's facts, each with the folder its file is in."""
    facts = []
    for folder in FOLDERS:
        path = folder / "facts.json"
        if path.is_file():
            facts += [
                {**entry, "folder": folder} for entry in json.loads(path.read_text())["files"]
            ]
    return facts


def fact_names(entry: dict) -> list[str]:
    names = ["meeting", "council", "text layer", "decisions", "item count"]
    if entry.get("meeting_time"):
        names.append("time")
    names += [f"item {item['number']}" for item in entry.get("first_items", [])]
    return names


def cases():
    for entry in load_facts():
        known = KNOWN_FAILURES.get(entry["file"], {})
        for name in fact_names(entry):
            marks = [pytest.mark.xfail(strict=True, reason=known[name])] if name in known else []
            marks.append(pytest.mark.xdist_group(entry["file"]))  # one process reads the file
            yield pytest.param(entry, name, id=f"{entry['file']}::{name}", marks=marks)


@functools.cache
def parsed(path):
    """(pages, records, '') or with None for what could not be had, and the reason."""
    try:
        pages = read_pages(path, ocr=cached_ocr())
    except UnreadableSource as refusal:
        return None, None, str(refusal)
    return pages, parse_pack(pages.texts, styles=pages.styles), ""


def similar(a: str, b: str) -> float:
    a, b = (re.sub(r"[^a-z0-9]+", "", (text or "").lower()) for text in (a, b))
    return SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def meetings_of(pack, entry: dict) -> list:
    """The pack's meetings that are the fact's meeting: same date, a body like it."""
    found = ([pack.meeting] if pack.meeting else []) + [minutes.meeting for minutes in pack.minutes]
    date = datetime.date.fromisoformat(entry["meeting_date"])
    return [m for m in found if m.date == date and similar(m.body, entry["body"]) > 0.6]


def items_of(pack) -> list[tuple[str, str]]:
    """(number as printed, title) of every item and minute of the pack."""
    items = pack.meeting.agenda_items if pack.meeting else []
    items += [minute for minutes in pack.minutes for minute in minutes.minutes]
    return [(item.printed_number or item.number, item.title) for item in items]


def same_number(a: str, b: str) -> bool:
    def bare(number):
        return re.sub(r"[\s().*#:]+", "", re.sub(r"\b(item|no)\b", "", number.lower()))

    return bare(a) == bare(b)


def same_title(got: str, want: str) -> bool:
    if want.rstrip().endswith(("...", "…")):
        want = want.rstrip().rstrip(".…").strip()
        got = got[: len(want) + 5]
    return similar(got, want) > 0.8


def clock(text: str) -> datetime.time:
    """The fact's time, the first it gives: '5:30 p.m. (closed session); open session …'."""
    return find_time(text)


@pytest.mark.parametrize(("entry", "fact"), list(cases()))
def test_realworld_fact(entry, fact):
    path = shared_file(entry["folder"], entry["file"])
    unreadable = entry.get("text_layer") == "none" or "cid" in entry.get("extraction_artefact", "")
    if unreadable and (missing := tesseract_missing()):
        pytest.skip(f"{entry['file']} is read by OCR: {missing}")
    pages, pack, refusal = parsed(path)
    if fact == "text layer":
        # Every page is read: from its text layer, or by OCR where the facts say it is unusable.
        assert pages is not None, refusal
        assert bool(pages.ocr) == unreadable
        return
    assert pack is not None, refusal
    meetings = meetings_of(pack, entry)
    if fact == "meeting":
        assert meetings, f"no meeting of {entry['body']} on {entry['meeting_date']}"
    elif fact == "council":
        # "City of Alameda (California, USA)" is Alameda's city council, however printed.
        want = parse_council_name(re.sub(r"\s*\(.*\)", "", entry["council"]))
        assert pack.council is not None, "no council named"
        assert (pack.council.tier, pack.council.place) == (want.tier, want.place)
    elif fact == "time":
        assert any(m.start_time == clock(entry["meeting_time"]) for m in meetings)
    elif fact == "item count":
        assert len(items_of(pack)) == entry["item_count"]
    elif fact == "decisions":
        resolved = [x for minutes in pack.minutes for x in minutes.minutes if x.resolved]
        # Proposed wording in an agenda ("is hereby approved") is not a decision.
        assert bool(resolved) == entry["resolved_text_present"]
    else:
        want = next(i for i in entry["first_items"] if fact == f"item {i['number']}")
        assert any(
            same_number(number, want["number"]) and same_title(title, want["title"])
            for number, title in items_of(pack)
        ), f"item {want['number']} {want['title'][:40]!r} not found"


def test_facts_are_there_to_check():
    shared_file(REALWORLD, "facts.json")
    assert len(load_facts()) >= 7
