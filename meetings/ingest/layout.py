"""What a page knows about each of its lines besides the words. No Django here.

A PDF's text layer knows each glyph's font and box; Tesseract knows each word's box. A line
keeps its type size, whether it is bold, its left edge and its top edge: the structure
every house style shares (a heading is larger or bolder than the text around it; an
agenda's numbers stand in one column; a sub-item is indented) is read from these, not from
the words. A text extraction has none of it, and its lines have no `Style`.
"""

import ctypes
import re
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium

LINE_BREAK = re.compile(r"\r\n|\r|\n")
BOLD_WEIGHT = 600
BOLD_NAME = re.compile(r"bold|black|heavy|demi|semibold", re.IGNORECASE)


@dataclass(frozen=True)
class Style:
    """How a line is printed: its type size and weight, and where it stands on the page."""

    size: float  # the height of its type, in points
    bold: bool | None  # None where it cannot be told (a page read by OCR)
    x: float  # its left edge, in points from the page's left edge
    top: float  # its top edge, in points from the page's top edge
    page_height: float

    @property
    def read_by_ocr(self) -> bool:
        """Measured from a scan's word boxes, less surely than a text layer's glyphs."""
        return self.bold is None

    @property
    def y(self) -> float:
        """Where the line stands on the page: 0 at the top edge, 1 at the bottom."""
        return self.top / self.page_height if self.page_height else 0.0


def pdf_page_text(page: pypdfium2.PdfPage) -> tuple[str, list[Style | None]]:
    """The page's text layer, its lines joined by newlines, and the Style of each line.

    A line's style is its first glyph's: a heading's number is printed as the heading is.
    """
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        lines = LINE_BREAK.split(text)
        if len(text) != textpage.count_chars():  # characters PDFium counts otherwise
            return "\n".join(lines), [None] * len(lines)
        height = page.get_height()
        styles, offset, bold_fonts = [], 0, {}
        for line, separator in zip(lines, _separators(text), strict=True):
            styles.append(_glyph_style(textpage, offset, line, height, bold_fonts))
            offset += len(line) + len(separator)
        return "\n".join(lines), styles
    finally:
        textpage.close()


def _separators(text: str) -> list[str]:
    return [match[0] for match in LINE_BREAK.finditer(text)] + [""]


_NAME = ctypes.create_string_buffer(128)
_FLAGS = ctypes.c_int()


def _glyph_style(
    textpage, offset: int, line: str, page_height: float, bold_fonts: dict
) -> Style | None:
    stripped = line.lstrip()
    if not stripped:
        return None
    index = offset + len(line) - len(stripped)
    box = pdfium.FS_RECTF()
    if not pdfium.FPDFText_GetLooseCharBox(textpage.raw, index, box):
        return None
    return Style(
        size=box.top - box.bottom,
        bold=_is_bold(textpage, index, bold_fonts),
        x=box.left,
        top=page_height - box.top,
        page_height=page_height,
    )


def _is_bold(textpage, index: int, bold_fonts: dict) -> bool:
    """Bold by its font's weight, or else by its name ("Calibri-Bold" says 400): each font of
    a page is asked once (`bold_fonts`: font handle to whether it is bold)."""
    font = pdfium.FPDFTextObj_GetFont(pdfium.FPDFText_GetTextObject(textpage.raw, index))
    key = ctypes.cast(font, ctypes.c_void_p).value
    if key not in bold_fonts:
        bold = pdfium.FPDFText_GetFontWeight(textpage.raw, index) >= BOLD_WEIGHT
        if not bold and pdfium.FPDFText_GetFontInfo(textpage.raw, index, _NAME, len(_NAME), _FLAGS):
            bold = bool(BOLD_NAME.search(_NAME.value.decode("latin-1")))
        bold_fonts[key] = bold
    return bold_fonts[key]


def body_size(styles: list[Style | None]) -> float | None:
    """The size of the document's running text: the size most of its lines are printed in."""
    counts: dict[float, int] = {}
    for style in styles:
        if style:
            size = round(style.size * 2) / 2
            counts[size] = counts.get(size, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
