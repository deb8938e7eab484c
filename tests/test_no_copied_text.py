"""The shared documents are read from ../shared, never copied into the project."""

import re
import subprocess

import pypdfium2

from tests.conftest import REALWORLD, SEEDS, shared_file

TEXT_SUFFIXES = {".py", ".md", ".html", ".txt", ".css", ".toml", ".yml", ".cfg", ".json"}
COPIED = 2  # long lines of a shared document, within WINDOW lines of a file, are a copy
WINDOW = 10
SHORTEST = 41  # characters: shorter lines (labels, officers' titles) are everyone's words


def normalised(line: str) -> str:
    line = re.sub(r"<[^>]+>|\*\*|\\[nt]", " ", line)
    line = line.strip().strip("-*#>|").strip()
    line = re.sub(r'^[rbf]?["\']|["\'],?\)?;?$', "", line)
    return " ".join(line.split())


def shared_lines() -> set[str]:
    lines = set()
    for path in sorted(SEEDS.glob("*.txt")):
        lines |= {normalised(line) for line in path.read_text(encoding="utf-8").splitlines()}
    for path in sorted(REALWORLD.glob("*.pdf")):
        document = pypdfium2.PdfDocument(str(path))
        for index in range(len(document)):
            text = document[index].get_textpage().get_text_range()
            lines |= {normalised(line) for line in text.splitlines()}
        document.close()
    return {line for line in lines if len(line) >= SHORTEST}


def project_files():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    names = subprocess.run(
        ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    paths = [root / name for name in names if Path(name).suffix in TEXT_SUFFIXES]
    return [path for path in paths if path.is_file()]  # not those deleted since the commit


def test_no_file_of_the_project_copies_lines_of_the_shared_documents():
    shared_file(SEEDS, "000")
    shared_file(REALWORLD, "facts.json")
    shared = shared_lines()
    copies = []
    for path in project_files():
        lines = path.read_text(encoding="utf-8").splitlines()
        found = [n for n, line in enumerate(lines, start=1) if normalised(line) in shared]
        copies += [
            f"{path.name}:{first}"
            for first, last in zip(found, found[COPIED - 1 :], strict=False)
            if last - first < WINDOW
        ]
    assert not copies, f"lines copied from ../shared: {copies}"
