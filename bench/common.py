"""What every benchmark prints first: the commit measured, and the key of the archive it built.

Archives built by a benchmark are kept under var/ and reused, keyed by a hash of the code
that builds them (parsing, loading, the models and migrations, the pack generator), so a
change to any of it builds a new archive instead of timing an old one.
"""

import hashlib
import subprocess
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILDING_CODE = [
    "meetings/ingest/*.py",
    "meetings/loader.py",
    "meetings/models.py",
    "meetings/migrations/*.py",
    "meetings/demo.py",
    "meetings/storage.py",
    "bench/corpus.py",
]


def code_key() -> str:
    digest = hashlib.sha256()
    for pattern in BUILDING_CODE:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def commit() -> str:
    def git(*arguments):
        return subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True)

    head = git("rev-parse", "--short", "HEAD").stdout.strip() or "unknown"
    changed = git("status", "--porcelain", "--untracked-files=no").stdout.strip()
    return f"{head}{' with uncommitted changes' if changed else ''}"


def archive_dir(name: str) -> Path:
    return ROOT / "var" / f"{name}-{code_key()}"


def print_header(name: str) -> None:
    print(f"{name}: commit {commit()}, code key {code_key()}", flush=True)


def environment(archive: Path, **extra: str) -> dict[str, str]:
    """Production-like settings for a benchmark's own embedded PostgreSQL under `archive`."""
    return {
        "ARCHIVE_VAR_DIR": str(archive),
        "SECRET_KEY": "benchmark-only",
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(archive / "static"),
        **extra,
    }


@contextmanager
def serve(port: int, settings: dict[str, str], code: Path = ROOT):
    """gunicorn on 127.0.0.1:port as the Dockerfile runs it, for the `with` block; `code`
    is the checkout it runs."""
    import os
    import sys
    import time
    import urllib.request

    from django.db import connections

    connections.close_all()  # the server's workers open their own
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "archive.wsgi", "--workers", "2", "--threads", "8",
         "--bind", f"127.0.0.1:{port}", "--log-level", "error", "--timeout", "60"],
        cwd=code, env={**os.environ, **settings},
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/bodies/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not start")
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


def start_with_empty_database(name: str) -> None:
    """Django set up on a throwaway embedded database (tests.settings), the header printed."""
    import django

    django.setup()
    print_header(name)
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
