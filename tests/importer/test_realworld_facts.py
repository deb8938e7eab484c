"""The hand-checked facts of other councils' real PDFs (../shared/realworld/facts.json).

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
from tests.conftest import REALWORLD, shared_file

FACTS = REALWORLD / "facts.json"
MISREAD_NUMBER = "OCR does not read the scanned agenda's '9.': 11 of its 12 items are read"
SPECIAL_ORDER = "the special order of the day (item A) is an item here; the facts count 9"
KNOWN_FAILURES = {
    "nipissing-township_council_2024-09-03_agenda-pack.pdf": {"item count": MISREAD_NUMBER},
    "sunnyvale_city-council_2021-01-26_agenda.pdf": {"item count": SPECIAL_ORDER},
}  # fmt: skip


def load_facts() -> list[dict]:
    return json.loads(FACTS.read_text())["files"] if FACTS.is_file() else []


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
            yield pytest.param(entry, name, id=f"{entry['file']}::{name}", marks=marks)


@functools.cache
def parsed(file_name: str):
    """(pages, records, '') or with None for what could not be had, and the reason."""
    try:
        pages = read_pages(REALWORLD / file_name)
    except UnreadableSource as refusal:
        return None, None, str(refusal)
    return pages, parse_pack(pages.texts), ""


def similar(a: str, b: str) -> float:
    a, b = (re.sub(r"[^a-z0-9]+", "", (text or "").lower()) for text in (a, b))
    return SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def meetings_of(pack, entry: dict) -> list:
    """The pack's meetings that are the fact's meeting: same date, a body like it."""
    found = ([pack.meeting] if pack.meeting else []) + [minutes.meeting for minutes in pack.minutes]
    date = datetime.date.fromisoformat(entry["meeting_date"])
    return [m for m in found if m.date == date and similar(m.body, entry["body"]) > 0.6]


def items_of(pack) -> list[tuple[str, str]]:
    items = (
        [(item.number, item.title) for item in pack.meeting.agenda_items] if pack.meeting else []
    )
    return items + [(minute.number, minute.title) for m in pack.minutes for minute in m.minutes]


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
    hour, minute, half = re.fullmatch(
        r"(\d{1,2})[.:](\d{2})\s*([ap])\.?m\.?", text.lower()
    ).groups()
    return datetime.time(int(hour) % 12 + (12 if half == "p" else 0), int(minute))


@pytest.mark.parametrize(("entry", "fact"), list(cases()))
def test_realworld_fact(entry, fact):
    shared_file(REALWORLD, entry["file"])
    unreadable = entry.get("text_layer") == "none" or "cid" in entry.get("extraction_artefact", "")
    if unreadable and (missing := tesseract_missing()):
        pytest.skip(f"{entry['file']} is read by OCR: {missing}")
    pages, pack, refusal = parsed(entry["file"])
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
