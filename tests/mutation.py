"""`make mutation`: mutmut over the modules that guard users, running only their tests.

pyproject.toml's [tool.mutmut] lists the modules and the tests that guard them. The run is
made in a copy of the project under var/mutation (the working tree is never changed; the
copy keeps mutmut's results, so a later run tries only what changed), on one embedded
PostgreSQL kept up for the run. Narrow a run with MODULES and TESTS:

    make mutation MODULES="meetings/middleware.py" TESTS="tests/test_hardening.py"

Arguments name mutants (globs): `.venv/bin/python tests/mutation.py "meetings.feeds.x__event*"`.
Then `cd var/mutation && ../../.venv/bin/mutmut show NAME` shows a mutant.
"""

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = ROOT / "var" / "mutation"
NOT_COPIED = shutil.ignore_patterns(
    ".venv", "var", ".git", "mutants", "__pycache__", "*.egg-info", ".*_cache", "test-artifacts"
)


def copy_project() -> None:
    """The project as it is now, beside the results of the last run (mutants/)."""
    COPY.mkdir(parents=True, exist_ok=True)
    for entry in COPY.iterdir():
        if entry.name != "mutants":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    shutil.copytree(ROOT, COPY, ignore=NOT_COPIED, dirs_exist_ok=True)


def narrow(modules: list[str], tests: list[str]) -> None:
    """The copy's [tool.mutmut], with only these modules and tests when any are given."""
    pyproject = COPY / "pyproject.toml"
    text = pyproject.read_text()
    settings = tomllib.loads(text)["tool"]["mutmut"]
    settings["only_mutate"] = modules or settings["only_mutate"]
    settings["pytest_add_cli_args_test_selection"] = (
        tests or settings["pytest_add_cli_args_test_selection"]
    )
    if not any("/migrations/" in module for module in settings["only_mutate"]):
        # The test database is migrated anew for each mutant only when a migration is mutated.
        settings["pytest_add_cli_args"] = [
            "--reuse-db" if argument == "--create-db" else argument
            for argument in settings["pytest_add_cli_args"]
        ]
    section = "\n".join(f"{key} = {json.dumps(value)}" for key, value in settings.items())
    pyproject.write_text(text[: text.index("[tool.mutmut]")] + f"[tool.mutmut]\n{section}\n")
    # mutmut keeps an unmutated copy of a module it was not asked to mutate, and would not
    # mutate it when asked later: other modules, other mutants.
    last = COPY / "mutants" / "modules.json"
    if last.exists() and json.loads(last.read_text()) != settings["only_mutate"]:
        shutil.rmtree(COPY / "mutants")
    (COPY / "mutants").mkdir(exist_ok=True)
    last.write_text(json.dumps(settings["only_mutate"]))


def main() -> int:
    from archive import embedded_postgres

    modules = shlex.split(os.environ.get("MODULES", ""))
    tests = shlex.split(os.environ.get("TESTS", ""))  # quote a test id with spaces
    copy_project()
    narrow(modules, tests)
    server = embedded_postgres.start(ROOT / "var" / "mutation-pgdata", None)
    host = server["host"].replace("/", "%2F")
    environment = {
        **os.environ,
        "DATABASE_URL": f"postgres://{server['user']}@{host}/postgres",
        "ARCHIVE_SHARED_DIR": str(ROOT.parent / "shared"),
    }
    mutmut = str(Path(sys.executable).parent / "mutmut")
    run = subprocess.call([mutmut, "run", *sys.argv[1:]], cwd=COPY, env=environment)
    subprocess.call([mutmut, "results"], cwd=COPY, env=environment)
    return run


if __name__ == "__main__":
    # Stopped (SIGTERM) or done, the embedded server stops with this process (atexit).
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    sys.exit(main())
