"""Reading page images with Tesseract (Debian's tesseract-ocr and tesseract-ocr-eng). No Django.

A page is rendered at 300 dpi in grey and handed to the `tesseract` program, one process a
page with one thread (so `--jobs N` imports use N cores, no more). Its TSV output gives the
words with their boxes, their lines, and a confidence for each word; a page's
confidence is the mean over its words, and each line keeps its Style (its words' height and
where it stands), as a text layer's lines do. Results are cached by the rendered image's
SHA-256, so a page is never read twice, whichever file it comes in.
"""

import csv
import functools
import hashlib
import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

import pypdfium2

from meetings.ingest.layout import Style

DPI = 300
# One block of lines, read across the page as a text layer reads it: Tesseract's own page
# layout (the default) drops item numbers that stand alone in a margin column.
PAGE_SEGMENTATION = "6"
POINTS = 72 / DPI  # a pixel of the rendered page, in points
LANGUAGE = "eng"
# A page that reads as French or Welsh is read again in its language, where Tesseract has it
# (Debian: tesseract-ocr-fra, tesseract-ocr-cym): accents, and words English reading mangles.
OTHER_LANGUAGES = {
    "fra": frozenset({
        "le", "la", "les", "des", "du", "de", "et", "à", "au", "aux", "pour", "par", "sur", "une",
        "est", "sont", "conseil", "municipal", "séance", "délibération", "commune", "maire",
    }),
    "cym": frozenset({
        "y", "yr", "ac", "yn", "ar", "gan", "cyngor", "cymuned", "cofnodion", "cyfarfod", "gyfer",
    }),
}  # fmt: skip
MIN_SHARE = 0.12  # of a page's words, for it to be in that language
TIMEOUT_SECONDS = 180  # one page; a page that takes longer is not worth waiting for
MODES = ("auto", "never", "always")


class OcrFailed(Exception):
    """Tesseract is missing or could not read a page; the message says which."""


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float  # the mean of the words' confidences, 0 to 100
    styles: tuple[Style, ...] = ()  # each line's of the text


class OcrCache(Protocol):
    """Tesseract's TSV of each page image it has read: what it saw, which is read into lines
    here each time, so a better reading of lines needs no page read again."""

    def get(self, key: str) -> str | None: ...

    def put(self, key: str, tsv: str) -> None: ...


@dataclass
class OcrSettings:
    """How a file's pages are read: `auto` reads by OCR the pages without usable text."""

    mode: str = "auto"
    cache: OcrCache | None = None


def tesseract_missing() -> str:
    """'' when Tesseract and its English data can be run, else why not."""
    if not shutil.which("tesseract"):
        return (
            "Tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-eng)"
        )
    return ""


def page_image(page: pypdfium2.PdfPage) -> bytes:
    """The page rendered at DPI in grey, as a PGM image (what Tesseract reads fastest).

    Text is drawn without anti-aliasing, crisp as a scanner sees print: smoothed, the small
    bold italic glyphs of broken fonts blur ('29th' was read as '2').
    """
    bitmap = page.render(scale=DPI / 72, grayscale=True, no_smoothtext=True)
    image = bitmap.to_pil().convert("L")
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    return buffer.getvalue()


# Entries read before lines kept their styles, in one block, in the page's language, differ.
CACHE_VERSION = b"tesseract tsv, one block, in its language\0"


def ocr_pages(
    document: pypdfium2.PdfDocument, indexes: list[int], cache: OcrCache | None = None
) -> Iterator[tuple[int, OcrResult]]:
    """Each page at `indexes` read by OCR, in order. The next page is rendered while
    Tesseract reads this one: a thread does all the rendering (PDFium is used by one thread
    at a time), the other waits on Tesseract."""
    with ThreadPoolExecutor(max_workers=1) as renderer:
        upcoming = renderer.submit(_rendered, document, indexes[0]) if indexes else None
        for position, index in enumerate(indexes):
            image = upcoming.result()
            if position + 1 < len(indexes):
                upcoming = renderer.submit(_rendered, document, indexes[position + 1])
            yield index, read_image(image, cache)


def _rendered(document: pypdfium2.PdfDocument, index: int) -> bytes:
    page = document[index]
    try:
        return page_image(page)
    finally:
        page.close()


def read_image(image: bytes, cache: OcrCache | None = None) -> OcrResult:
    key = hashlib.sha256(CACHE_VERSION + image).hexdigest()
    tsv = cache.get(key) if cache is not None else None
    if tsv is None:
        tsv = recognise(image)
        if cache is not None:
            cache.put(key, tsv)
    return parse_tsv(tsv)


def recognise(image: bytes) -> str:
    """Tesseract's TSV of one image, read in English, or read again in French or Welsh where
    the English reading shows the page is."""
    if missing := tesseract_missing():
        raise OcrFailed(missing)
    tsv = _tesseract(image, LANGUAGE)
    language = language_of(parse_tsv(tsv).text)
    if language != LANGUAGE and language in installed_languages():
        tsv = _tesseract(image, language)
    return tsv


def language_of(text: str) -> str:
    """'fra' or 'cym' where enough of the words are that language's small words, else 'eng'."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    for language, markers in OTHER_LANGUAGES.items():
        if words and sum(word in markers for word in words) / len(words) >= MIN_SHARE:
            return language
    return LANGUAGE


@functools.cache
def installed_languages() -> frozenset[str]:
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    return frozenset(line.strip() for line in listed.stdout.splitlines()[1:])


def _tesseract(image: bytes, language: str) -> str:
    try:
        finished = subprocess.run(
            [
                "tesseract",
                "stdin",
                "stdout",
                "-l",
                language,
                "--dpi",
                str(DPI),
                "--psm",
                PAGE_SEGMENTATION,
                "tsv",
            ],  # fmt: skip
            input=image,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except subprocess.TimeoutExpired as error:
        raise OcrFailed(f"Tesseract took over {TIMEOUT_SECONDS} s on one page") from error
    if finished.returncode:
        reason = finished.stderr.decode(errors="replace").strip().splitlines()
        raise OcrFailed(f"Tesseract failed: {reason[-1] if reason else finished.returncode}")
    return finished.stdout.decode("utf-8", errors="replace")


def parse_tsv(tsv: str) -> OcrResult:
    """Words into lines, each with its Style, and the mean confidence."""
    paragraphs: dict[tuple, dict[str, list[dict]]] = {}
    confidences = []
    page_height = 0.0
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") == "1":
            page_height = float(row["height"]) * POINTS
        word = (row.get("text") or "").strip()
        if row.get("level") != "5" or not word or _is_noise(word, float(row["conf"])):
            continue
        paragraph = (row["page_num"], row["block_num"], row["par_num"])
        paragraphs.setdefault(paragraph, {}).setdefault(row["line_num"], []).append(row)
        if float(row["conf"]) >= 0:
            confidences.append(float(row["conf"]))
    texts, styles = [], []
    for lines in paragraphs.values():  # one line after another, as a text layer gives them
        for words in lines.values():
            for cell in _cells(words):
                texts.append(_bulleted(" ".join(_word(word["text"]) for word in cell)))
                styles.append(_line_style(cell, page_height))
    confidence = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrResult("\n".join(texts), round(confidence, 1), tuple(styles))


NOISE = re.compile(r"[|\[\]{}\\]")  # a scan's rules, stamps and specks read as letters
UNSURE = 30  # a word Tesseract is less sure of than this, that holds such marks, is noise


def _is_noise(word: str, confidence: float) -> bool:
    return 0 <= confidence < UNSURE and bool(NOISE.search(word))


# A list's bullet, as Tesseract reads its round or arrow mark: "e Perfunctory Business".
MISREAD_BULLET = re.compile(r"^[eo°«»*©@¢+~](?=\s+[A-Z])")


def _bulleted(text: str) -> str:
    return MISREAD_BULLET.sub("•", text)


def _word(text: str) -> str:
    """A word without the underline Tesseract reads as '_' beside it: ':_Instauration'."""
    text = text.strip()
    return re.sub(r"_+(?=\w)|(?<=\w)_+", "", text) if re.search(r"[^\W_]", text) else text


COLUMN_GAP = 4  # word heights: words further apart on a line stand in different columns


def _cells(words: list[dict]) -> list[list[dict]]:
    """A line's words in the columns they stand in: read across a page, a line of a table or
    of a page in two columns ("I. CLOSED SESSION        President Lopez called") is split
    where a gap far wider than a space parts its words, each part a line of its own."""
    lettered = [w for w in words if re.search(r"[^\W_]", w["text"])] or words  # not a dash's
    height = sorted(float(word["height"]) for word in lettered)[len(lettered) // 2]
    cells = [[words[0]]]
    for word in words[1:]:
        last = cells[-1][-1]
        gap = float(word["left"]) - (float(last["left"]) + float(last["width"]))
        if gap > COLUMN_GAP * height and not _is_number(cells[-1]):
            cells.append([])
        cells[-1].append(word)
    return cells


ITEM_NUMBER = re.compile(  # '7', '7.', '(a)', 'IV.', '09.24.01', 'C.2014.37', 'GMHI-2014.1'
    r"(?:[IVXivx]{1,4}|[A-Za-z])[.)]|\((?:[IVXivx]{1,4}|[A-Za-z])\)"
    r"|\(?(?:[A-Za-z]{1,5}[.-])?\d{1,4}(?:[.\-/]\d{1,4}){0,3}[.):]?"
)


def _is_number(cell: list[dict]) -> bool:
    """An item's number, standing apart from its title in a column of its own."""
    return len(cell) <= 2 and bool(ITEM_NUMBER.fullmatch("".join(w["text"] for w in cell)))


def _line_style(words: list[dict], page_height: float) -> Style:
    """A line's Style from its words' boxes: the middle height of its words is its size."""
    heights = sorted(float(word["height"]) for word in words)
    return Style(
        size=heights[len(heights) // 2] * POINTS,
        bold=None,
        x=min(float(word["left"]) for word in words) * POINTS,
        top=min(float(word["top"]) for word in words) * POINTS,
        page_height=page_height,
    )
