import os
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest_plugins = ["tests.ci_plugin"]

# ../shared beside the clone; ARCHIVE_SHARED_DIR names it for a copy elsewhere (make mutation).
SHARED = Path(
    os.environ.get("ARCHIVE_SHARED_DIR") or Path(__file__).resolve().parent.parent.parent / "shared"
)
SEEDS = SHARED / "seeds"
REALWORLD = SHARED / "realworld"
REALWORLD_NEXT = SHARED / "realworld-next"  # councils' documents the importer was not written for


def shared_file(folder: Path, prefix: str) -> Path:
    """A file from ../shared, or a skip saying why when this clone has no ../shared beside it."""
    if not folder.is_dir():
        pytest.skip(f"{folder} is not beside this clone: the shared test documents are missing")
    matches = sorted(folder.glob(f"{prefix}*"))
    if not matches:
        pytest.skip(f"no file starting {prefix!r} in {folder}")
    return matches[0]


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def pytest_collection_modifyitems(config, items):
    """With ONLY_DATABASE_TESTS set (CI's PostgreSQL 15 pass), only the tests that use the
    database run: the others (the importer's parsing, OCR, the realworld facts) would run
    the same on any server, and already ran on the first."""
    if not os.environ.get("ONLY_DATABASE_TESTS"):
        return
    kept, left = [], []
    for item in items:
        uses = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames)
        (kept if uses else left).append(item)
    config.hook.pytest_deselected(items=left)
    items[:] = kept


@pytest.fixture
def seed():
    return lambda prefix: shared_file(SEEDS, prefix)


@pytest.fixture
def realworld():
    return lambda prefix: shared_file(REALWORLD, prefix)


@pytest.fixture
def cabinet_pack(tmp_path):
    """A generated three-page PDF pack of an invented council's Cabinet, 12 May 2026."""
    import datetime

    from meetings.demo import DemoMeeting, write_pack

    path = tmp_path / "cabinet-pack.pdf"
    meeting = DemoMeeting("Cabinet", datetime.date(2026, 5, 12), ["Youth Services Review"], 1)
    write_pack(meeting, None, path)
    return path


@pytest.fixture
def import_file(db):
    """Import one file with the real reader and loader; returns the LoadResult."""
    return import_now


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with stray sessions ended before it is dropped.

    The live server's threads outlive the tests that use them and may still hold a
    connection when the session ends, which would stop the test database being dropped.
    """
    yield
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def database_url(dbname: str | None = None) -> str:
    """The test database (or another on its server) as a DATABASE_URL, for another process."""
    from urllib.parse import quote

    from django.db import connection

    params = connection.get_connection_params()
    host = quote(params.get("host") or "127.0.0.1", safe="")
    password = f":{quote(params['password'])}" if params.get("password") else ""
    port = f":{params['port']}" if params.get("port") else ""
    user = params.get("user", "postgres")
    return f"postgres://{user}{password}@{host}{port}/{dbname or params['dbname']}"


def manage(*arguments: str, **environment: str):
    """Run manage.py in another process, with the project's settings and this environment."""
    import os
    import subprocess
    import sys

    from django.conf import settings

    root = Path(__file__).resolve().parent.parent
    return subprocess.run(
        [sys.executable, str(root / "manage.py"), *arguments],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "archive.settings",
            "SEARCH_INDEX_DIR": str(settings.SEARCH_INDEX_DIR),  # never the project's own
            **environment,
        },
        capture_output=True,
        text=True,
        timeout=300,
    )


def archive_snapshot() -> dict:
    """Every row of the archive (bar import timestamps and generated columns) and every file.

    Two snapshots are equal only if nothing at all changed: pages and their text, flags,
    memberships, the spelling vocabulary, and what is stored on disk.
    """
    import hashlib

    from django.apps import apps
    from django.conf import settings

    skipped = {"created", "modified", "created_at"}
    rows = {}
    for model in apps.get_app_config("meetings").get_models():
        fields = [f.attname for f in model._meta.concrete_fields if f.attname not in skipped]
        rows[model.__name__] = list(model._base_manager.order_by("pk").values_list(*fields))
    media = Path(settings.MEDIA_ROOT)
    files = {
        str(path.relative_to(media)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }
    return {"rows": rows, "files": files}


@pytest.fixture(autouse=True)
def search_index_dir(settings, tmp_path):
    """Each test its own search index, as each has its own rolled-back database."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"


class _Inbox:
    """What a real SMTP server (aiosmtpd, in this process) received, as parsed messages."""

    def __init__(self):
        self.messages = []
        self.refuse = 0  # answer this many of the next messages with a temporary failure

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        import email
        from email import policy

        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free local port, with Django's SMTP backend pointed at it."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    yield inbox
    controller.stop()


@contextmanager
def archive_for_the_module(django_db_blocker, folder: Path):
    """An archive built once for a whole test module (an expensive import shared).

    Its rows live in a transaction rolled back when the module ends (each test runs in a
    savepoint inside it, so what a test changes is undone); its stored files, bulk files and
    search index live in `folder`. A test reading the search index asks for the module's
    with `settings.SEARCH_INDEX_DIR = folder / "index"`, after its own (search_index_dir).
    """
    from django.db import transaction
    from django.test import override_settings

    places = {"SEARCH_INDEX_DIR": "index", "MEDIA_ROOT": "media", "BULK_DATA_DIR": "data"}
    with (
        django_db_blocker.unblock(),
        override_settings(**{name: folder / place for name, place in places.items()}),
        transaction.atomic(),
    ):
        yield folder
        transaction.set_rollback(True)


def import_now(path: Path, **options):
    """import_file's import, for a fixture broader than a test."""
    from meetings.ingest.read import read_source
    from meetings.loader import load_source

    return load_source(read_source(Path(path)), **options)
