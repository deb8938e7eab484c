"""Pages to cleaned, page-numbered lines, with page furniture taken out."""

import re
from dataclasses import dataclass

from meetings.ingest.layout import Style
from meetings.ingest.text import clean

FOOTER = re.compile(r"^\d{1,4} Agenda Item (\d{1,3}[a-z]?)$", re.IGNORECASE)
BARE_NUMBER = re.compile(r"^\d{1,4}$")
BLANK_NOTICE = re.compile(r"^T?\s?his page is intentionally left blank$", re.IGNORECASE)
PAGE_LABEL = re.compile(r"^(?:-\s*\d{1,4}\s*-|Page \d{1,4}(?: of \d{1,4})?)$", re.IGNORECASE)
DIGITS = re.compile(r"\d+")
# A space glyph drawn over a heading's first letter splits it from its word: "M inutes".
SPLIT_INITIAL = re.compile(r"^([B-HJ-Z]) ([a-z]{2,})")
EDGE_LINES = 4  # running headers and footers sit in a page's first or last lines
MIN_RUNNING_PAGES = 3
PRINTED_NUMBER = re.compile(  # "35 Agenda Item 5", "35", "- 35 -", "Page 35 of 90", "… Page 35 …"
    r"^(\d{1,4})(?: Agenda Item \w+)?$|^-\s*(\d{1,4})\s*-$|\bPage (\d{1,4})\b", re.IGNORECASE
)


@dataclass
class Line:
    page: int
    raw: str
    text: str
    footer_item: str = ""
    style: Style | None = None  # how a PDF or a page read by OCR prints it; None in a text file


def apart(a: Line, b: Line) -> bool:
    """Whether a space wider than a line's stands between two lines printed one after the
    other on a page: a new paragraph or heading, not a line the page width wrapped."""
    if not (a.style and b.style) or a.page != b.page:
        return False
    gap = b.style.top - (a.style.top + a.style.size)
    return gap > max(a.style.size, b.style.size)


def same_print(a: Line, b: Line) -> bool:
    """Whether two lines are printed alike: in the same weight and about the same size, as a
    title is where the page width wrapped it. Lines of a text file, or read by OCR, may be."""
    if not (a.style and b.style):
        return True
    larger = max(a.style.size, b.style.size)
    if a.style.read_by_ocr or b.style.read_by_ocr:
        # a scan's word heights vary with their letters by half; its weight is not known
        return abs(a.style.size - b.style.size) <= 0.5 * larger
    return a.style.bold == b.style.bold and abs(a.style.size - b.style.size) <= 0.15 * larger


def page_lines(pages: list[str], styles: list[list[Style | None]] | None = None) -> list[Line]:
    """Every line of the pack, cleaned; footers, page numbers and blank-page notices blanked.

    `styles`, where the pages came from a PDF, has each page's lines' Style.
    """
    lines: list[Line] = []
    split = [page.replace("****", "\n").split("\n") for page in pages]
    running = _running_lines(split)
    for number, raw_lines in enumerate(split, start=1):
        # The first page keeps its header: it names the document.
        edges = _edge_indexes(raw_lines, top=number > 1)
        page_styles = styles[number - 1] if styles and len(styles) >= number else []
        if len(page_styles) != len(raw_lines):
            page_styles = [None] * len(raw_lines)
        for index, raw in enumerate(raw_lines):
            text = SPLIT_INITIAL.sub(r"\1\2", clean(raw))
            line = Line(number, raw.rstrip(), text, style=page_styles[index])
            if footer := FOOTER.match(text):
                line.footer_item = footer[1]
            furniture = _is_furniture(text, raw_lines, index) or (
                index in edges and (_shape(text) in running or PAGE_LABEL.match(text))
            )
            if footer or furniture:
                line.text = line.raw = ""
            lines.append(line)
    return lines


def _shape(text: str) -> str:
    """A line with its numbers hidden: the same running header on every page has one shape."""
    return DIGITS.sub("#", text.lower())


def _edge_indexes(raw_lines: list[str], top: bool = True) -> set[int]:
    """The indexes of a page's last lines, and of its first lines if `top`."""
    filled = [index for index, raw in enumerate(raw_lines) if raw.strip()]
    return set((filled[:EDGE_LINES] if top else []) + filled[-EDGE_LINES:])


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of the lines printed at the top or bottom of most pages: headers and footers."""
    if len(pages) < 2:
        return set()
    seen: dict[str, int] = {}
    printed: dict[str, set[str]] = {}
    for raw_lines in pages:
        texts = {clean(raw_lines[index]) for index in _edge_indexes(raw_lines)} - {""}
        for shape in {_shape(text) for text in texts}:
            seen[shape] = seen.get(shape, 0) + 1
        for text in texts:
            printed.setdefault(_shape(text), set()).add(text)
    if len(pages) < MIN_RUNNING_PAGES:
        # Two pages: a line at the edge of both whose number counts the page ("Harlan County
        # Page 1 Printed on …", "… Page 2 …"); the same line twice may be the document's own.
        return {
            shape for shape, texts in printed.items() if seen[shape] == 2 and _counts_pages(texts)
        }
    needed = max(2, (len(pages) + 1) // 2)
    return {shape for shape, count in seen.items() if count >= needed}


def _counts_pages(texts: set[str]) -> bool:
    """Two printings of one line that differ only in its page's number: 1 and 2, or one more
    after the word "Page"."""
    if len(texts) != 2:
        return False
    first, second = (DIGITS.findall(text) for text in sorted(texts))
    if len(first) != len(second):
        return False
    differ = [{int(a), int(b)} for a, b in zip(first, second, strict=True) if a != b]
    if len(differ) != 1:
        return False
    low, high = sorted(differ[0])
    paged = all(re.search(r"\bpage\b", text, re.IGNORECASE) for text in texts)
    return high == low + 1 and (low == 1 or paged)


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


def printed_page_numbers(pages: list[str]) -> dict[int, int]:
    """{page: the number printed on it}, from footers, headers and bare numbers.

    An 'N Agenda Item K' footer is proof enough. Any other number counts only when a
    neighbouring page's number agrees (one less before it or one more after it), so a year
    or a total on a page's last line is not taken for its number.
    """
    found = [_printed_number(page.split("\n")) for page in pages]
    printed = {}
    for index, (number, certain) in enumerate(found):
        before = found[index - 1][0] if index else None
        after = found[index + 1][0] if index + 1 < len(found) else None
        agreed = before == (number or 0) - 1 or after == (number or 0) + 1
        if number is not None and (certain or agreed or len(pages) == 1):
            printed[index + 1] = number
    return printed


def _printed_number(raw_lines: list[str]) -> tuple[int | None, bool]:
    """The page's number, and whether it was printed in an 'N Agenda Item K' footer."""
    filled = [raw for raw in raw_lines if raw.strip()]
    for text in map(clean, filled[-EDGE_LINES:][::-1] + filled[:EDGE_LINES]):
        if match := PRINTED_NUMBER.search(text):
            number = int(next(group for group in match.groups() if group))
            return number, bool(FOOTER.match(text))
    return None, False
