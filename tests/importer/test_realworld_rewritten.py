"""The realworld documents' text layers rewritten as other councils print the same things:
each must be read the same, so a recogniser keys on what a document says, not on one house
style's spelling of it. (Scans and broken fonts are left to test_realworld_facts: they need
OCR.)"""

import re

import pytest

from meetings.ingest.describe import describe_pack
from meetings.ingest.ocr import OcrSettings
from meetings.ingest.pack import parse_pack
from meetings.ingest.pages import UnreadableSource, read_pages
from tests.conftest import REALWORLD

MONTH_IN_FULL = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December)\b",
    re.IGNORECASE,
)
REWRITES = {
    "months cut short": lambda text: MONTH_IN_FULL.sub(lambda month: month[0][:3], text),
    "months cut short with a full stop": lambda text: MONTH_IN_FULL.sub(
        lambda month: month[0][:3] + ".", text
    ),
    "hyphens for dashes": lambda text: text.replace("–", "-"),
    "items numbered 4)": lambda text: re.sub(r"(?m)^(\s*)(\d{1,2})\.(\s)", r"\1\2)\3", text),
    "items numbered (4)": lambda text: re.sub(r"(?m)^(\s*)(\d{1,2})\.(\s)", r"\1(\2)\3", text),
    "times on the 24-hour clock": lambda text: re.sub(
        r"\b(\d{1,2})[.:](\d{2})\s*(am|pm)\b",
        lambda time: f"{int(time[1]) % 12 + (12 if time[3].lower() == 'pm' else 0):02d}:{time[2]}",
        text,
        flags=re.IGNORECASE,
    ),
}
_READ: dict = {}


def text_layer(path) -> list[str]:
    """The file's text layer; none for a scan or a broken font."""
    if path not in _READ:
        try:
            _READ[path] = read_pages(path, ocr=OcrSettings(mode="never")).texts
        except UnreadableSource:
            _READ[path] = []
    return _READ[path]


# The files with a text layer (half a second to find out, when the tests are collected).
PDFS = [path for path in sorted(REALWORLD.glob("*.pdf")) if "".join(text_layer(path)).strip()]


def described(pages: list[str]) -> str:
    return describe_pack(parse_pack(pages), [])


@pytest.mark.skipif(not PDFS, reason=f"{REALWORLD} is not beside this clone")
@pytest.mark.parametrize("rewrite", REWRITES)
@pytest.mark.parametrize("path", PDFS, ids=[path.stem for path in PDFS])
def test_a_document_rewritten_is_read_the_same(path, rewrite):
    pages = text_layer(path)
    rewritten = [REWRITES[rewrite](page) for page in pages]
    assert described(rewritten) == described(pages)
