"""The facts of real councils' documents the importer gets right, as the shared scorer counts them.

    .venv/bin/python bench/realworld.py [--verbose] [--folder realworld-next]

Imports every PDF of ../shared/<folder> (realworld unless named), one `import_packs` run
each, into a throwaway embedded database; writes the export and each run's exit status;
then runs ../shared/tools/score_realworld.py on them with that folder's facts.json and
prints its table (points per file, and the total).
"""

import argparse
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, start_with_empty_database  # noqa: E402

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
SHARED = ROOT.parent / "shared"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--folder", default="realworld", help="a folder of ../shared")
    options = parser.parse_args()
    start_with_empty_database("bench/realworld.py")
    from django.core.management import call_command
    from django.core.management.base import CommandError

    folder = SHARED / options.folder
    codes = []
    for path in sorted(folder.glob("*.pdf")):
        out = io.StringIO()
        try:
            call_command("import_packs", str(path), stdout=out, stderr=out)
            codes.append((path.name, 0))
        except CommandError:
            codes.append((path.name, 1))
        print(out.getvalue().strip().splitlines()[0])
    with tempfile.TemporaryDirectory() as scratch:
        export, statuses = Path(scratch) / "export.json", Path(scratch) / "codes.tsv"
        call_command("export_archive", output=str(export))
        statuses.write_text("".join(f"{name}\t{code}\n" for name, code in codes))
        scorer = [sys.executable, str(SHARED / "tools" / "score_realworld.py"), str(export),
                  str(folder / "facts.json"), str(statuses)]  # fmt: skip
        if options.verbose:
            scorer.append("--verbose")
        finished = subprocess.run(scorer, capture_output=True, text=True)
        print(finished.stdout.strip())


if __name__ == "__main__":
    main()
