"""Reading page images with Tesseract (Debian's tesseract-ocr and tesseract-ocr-eng). No Django.

A page is rendered at 300 dpi in grey and handed to the `tesseract` program, one process a
page with one thread (so `--jobs N` imports use N cores, no more). Its TSV output gives the
words with their boxes, their lines and paragraphs, and a confidence for each word; a page's
confidence is the mean over its words, and each line keeps its Style (its words' height and
where it stands), as a text layer's lines do. Results are cached by the rendered image's
SHA-256, so a page is never read twice, whichever file it comes in.
"""

import csv
import hashlib
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import Protocol

import pypdfium2

from meetings.ingest.layout import Style

DPI = 300
POINTS = 72 / DPI  # a pixel of the rendered page, in points
LANGUAGE = "eng"
TIMEOUT_SECONDS = 180  # one page; a page that takes longer is not worth waiting for
MODES = ("auto", "never", "always")


class OcrFailed(Exception):
    """Tesseract is missing or could not read a page; the message says which."""


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float  # the mean of the words' confidences, 0 to 100
    styles: tuple[Style | None, ...] = ()  # each line's of the text; None for an empty line


class OcrCache(Protocol):
    def get(self, key: str) -> OcrResult | None: ...

    def put(self, key: str, result: OcrResult) -> None: ...


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


CACHE_VERSION = b"lines with styles\0"  # entries made before lines kept their styles differ


def read_page(page: pypdfium2.PdfPage, cache: OcrCache | None = None) -> OcrResult:
    image = page_image(page)
    key = hashlib.sha256(CACHE_VERSION + image).hexdigest()
    if cache is not None and (cached := cache.get(key)) is not None:
        return cached
    result = recognise(image)
    if cache is not None:
        cache.put(key, result)
    return result


def recognise(image: bytes) -> OcrResult:
    """Tesseract's reading of one image: its text, in lines and paragraphs, and confidence."""
    if missing := tesseract_missing():
        raise OcrFailed(missing)
    try:
        finished = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "tsv"],
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
    return parse_tsv(finished.stdout.decode("utf-8", errors="replace"))


def parse_tsv(tsv: str) -> OcrResult:
    """Words into lines, lines into paragraphs (blank line between), each line's Style, and
    the mean confidence."""
    paragraphs: dict[tuple, dict[str, list[dict]]] = {}
    confidences = []
    page_height = 0.0
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") == "1":
            page_height = float(row["height"]) * POINTS
        word = (row.get("text") or "").strip()
        if row.get("level") != "5" or not word:
            continue
        paragraph = (row["page_num"], row["block_num"], row["par_num"])
        paragraphs.setdefault(paragraph, {}).setdefault(row["line_num"], []).append(row)
        if float(row["conf"]) >= 0:
            confidences.append(float(row["conf"]))
    texts, styles = [], []
    for lines in paragraphs.values():
        if texts:
            texts.append("")
            styles.append(None)
        for words in lines.values():
            texts.append(" ".join(word["text"].strip() for word in words))
            styles.append(_line_style(words, page_height))
    confidence = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrResult("\n".join(texts), round(confidence, 1), tuple(styles))


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
