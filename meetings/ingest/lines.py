"""Pages to cleaned, page-numbered lines, with page furniture taken out."""

import re
from dataclasses import dataclass

from meetings.ingest.text import clean

FOOTER = re.compile(r"^\d{1,4} Agenda Item (\d{1,3}[a-z]?)$", re.IGNORECASE)
BARE_NUMBER = re.compile(r"^\d{1,4}$")
BLANK_NOTICE = re.compile(r"^T?\s?his page is intentionally left blank$", re.IGNORECASE)


@dataclass
class Line:
    page: int
    raw: str
    text: str
    footer_item: str = ""


def page_lines(pages: list[str]) -> list[Line]:
    """Every line of the pack, cleaned; footers, page numbers and blank-page notices blanked."""
    lines: list[Line] = []
    for number, page in enumerate(pages, start=1):
        raw_lines = page.replace("****", "\n").split("\n")
        for index, raw in enumerate(raw_lines):
            text = clean(raw)
            line = Line(number, raw.rstrip(), text)
            if footer := FOOTER.match(text):
                line.footer_item = footer[1]
            if footer or _is_furniture(text, raw_lines, index):
                line.text = line.raw = ""
            lines.append(line)
    return lines


def _is_furniture(text: str, raw_lines: list[str], index: int) -> bool:
    """A blank-page notice or a bare page number."""
    if BLANK_NOTICE.match(text) or (text == "T" and _next_is_notice(raw_lines, index)):
        return True
    return bool(BARE_NUMBER.match(text)) and _is_page_number(raw_lines, index)


def _next_is_notice(raw_lines: list[str], index: int) -> bool:
    following = raw_lines[index + 1 : index + 2]
    return bool(following) and BLANK_NOTICE.match(clean("T" + following[0].strip())) is not None


def _is_page_number(raw_lines: list[str], index: int) -> bool:
    """A bare number at the end of a page, or followed by the empty lines of a page break."""
    after = [clean(raw) for raw in raw_lines[index + 1 : index + 3]]
    return len(after) < 2 and not any(after) or after == ["", ""]
