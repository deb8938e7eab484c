"""What keeping each line's layout costs: reading PDFs' text layers with and without styles.

    .venv/bin/python bench/layout.py [--rounds 5]

Reads the text layer of every page of the PDFs of ../shared/realworld and
../shared/realworld-next that have one, and of a generated 514-page pack (meetings/demo.py),
once as text alone (PDFium's text range, as before lines kept their styles) and once with
each line's Style (`ingest/layout.pdf_page_text`), in alternating rounds so that the
machine's moments fall on both alike. Prints the best round of each, in milliseconds a page.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, print_header  # noqa: E402

sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def text_only(page) -> str:
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    textpage.close()
    return text


def read_all(paths: list[Path], read) -> tuple[float, int]:
    pages = 0
    started = time.perf_counter()
    for path in paths:
        document = pypdfium2.PdfDocument(str(path))
        for index in range(len(document)):
            read(document[index])
            pages += 1
        document.close()
    return time.perf_counter() - started, pages


def main():
    from meetings.demo import TOPICS, DemoMeeting, write_pack
    from meetings.ingest.layout import pdf_page_text
    from meetings.ingest.pages import text_quality

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    print_header("bench/layout.py")
    with tempfile.TemporaryDirectory() as folder:
        generated = Path(folder) / "pack.pdf"
        meeting = DemoMeeting("Cabinet", __import__("datetime").date(2031, 5, 12), TOPICS[:6], 1)
        write_pack(meeting, None, generated, paragraphs=330)
        real = [
            path
            for name in ("realworld", "realworld-next")
            for path in sorted((SHARED / name).glob("*.pdf"))
            if text_quality(" ".join(text_only(page) for page in pypdfium2.PdfDocument(str(path))))
            >= 0.4
        ]
        for label, paths in (("real-world text layers", real), ("generated pack", [generated])):
            best = {"text alone": float("inf"), "with styles": float("inf")}
            for _ in range(options.rounds):
                for name, read in (("text alone", text_only), ("with styles", pdf_page_text)):
                    seconds, pages = read_all(paths, read)
                    best[name] = min(best[name], seconds / pages * 1000)
            extra = 100 * (best["with styles"] / best["text alone"] - 1)
            print(
                f"{label} ({pages} pages): text alone {best['text alone']:.2f} ms/page, "
                f"with styles {best['with styles']:.2f} ms/page ({extra:+.0f} %)"
            )


if __name__ == "__main__":
    main()
