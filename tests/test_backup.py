"""Backup and restore: an empty database restored from a backup is the same archive."""

import datetime
import json
import uuid
from hashlib import sha256

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from meetings.demo import DemoMeeting, write_pack
from meetings.models import AgendaItem, Decision, Document, Meeting, Minute, Page, Report
from tests.conftest import database_url, manage

pytestmark = pytest.mark.django_db(transaction=True)
DOWNLOAD = (
    "import hashlib; from django.test import Client; r = Client().get('{url}'); "
    "print(r.status_code, hashlib.sha256(b''.join(r.streaming_content)).hexdigest())"
)


@pytest.fixture
def empty_database():
    """A new, empty database on the test server, dropped afterwards."""
    name = f"restore_{uuid.uuid4().hex[:12]}"
    params = {k: v for k, v in connection.get_connection_params().items() if k != "dbname"}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def test_restore_into_an_empty_database_gives_the_same_archive(
    import_file, seed, tmp_path, empty_database
):
    import_file(seed("000"))
    pack = tmp_path / "internal.pdf"
    meeting = DemoMeeting("Cabinet", datetime.date(2026, 5, 12), ["Youth Services Review"], 1,
                          exempt_topic="Depot Sale", unredacted=True)  # fmt: skip
    write_pack(meeting, None, pack)
    import_file(pack)
    call_command("export_archive", output=str(tmp_path / "before.json"))
    call_command("backup_archive", str(tmp_path / "backup"))

    target = {
        "DATABASE_URL": database_url(empty_database),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SEARCH_INDEX_DIR": str(tmp_path / "restored-index"),
    }
    restored = manage("restore_archive", str(tmp_path / "backup"), **target)
    assert restored.returncode == 0, restored.stderr
    assert "restored 2 documents" in restored.stdout
    indexed = (
        Page.objects.count()
        + sum(model.objects.count() for model in (Meeting, AgendaItem, Report, Decision))
        + Minute.objects.filter(decision=None).count()
    )  # a minute that resolved nothing too
    assert f"search index rebuilt: {indexed:,} rows" in restored.stdout
    exported = manage("export_archive", "--output", str(tmp_path / "after.json"), **target)
    assert exported.returncode == 0, exported.stderr
    before, after = (
        json.loads((tmp_path / name).read_text()) for name in ("before.json", "after.json")
    )
    assert after == before
    checked = manage("check_archive", **target)  # every stored file there, whole
    assert "2 documents checked: 2 sound" in checked.stdout, checked.stderr
    for document in Document.objects.all():  # and served: the public copy or the original
        url = f"/documents/{document.sha256}/download/"
        served = manage(
            "shell",
            "--no-imports",
            "-c",
            DOWNLOAD.format(url=url),
            **target,
            ALLOWED_HOSTS="testserver",
            SECURE_SSL_REDIRECT="0",
        )
        public = document.public_file or document.file
        assert served.stdout.split() == ["200", sha256(public.open("rb").read()).hexdigest()], (
            served.stderr
        )
    with psycopg.connect(database_url(empty_database)) as restored_db:
        withheld = restored_db.execute("SELECT count(*) FROM meetings_page WHERE restricted")
        assert withheld.fetchone()[0] > 0

    again = manage("restore_archive", str(tmp_path / "backup"), **target)
    assert again.returncode == 1
    assert f"the database {empty_database} is not empty" in again.stderr


def test_backup_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "old.txt").write_text("keep me")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="the folder is not empty"):
        call_command("backup_archive", str(tmp_path))
    assert (tmp_path / "old.txt").read_text() == "keep me"


@pytest.mark.parametrize("damaged", ["media.tar", "database.dump"])
def test_a_damaged_backup_is_refused_before_anything_is_restored(
    import_file, cabinet_pack, tmp_path, empty_database, damaged
):
    import_file(cabinet_pack)
    call_command("backup_archive", str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    part = tmp_path / "backup" / damaged
    assert manifest["checksums"][damaged] == sha256(part.read_bytes()).hexdigest()
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])  # cut short, as a full disk

    media = tmp_path / "media"
    target = {"DATABASE_URL": database_url(empty_database), "MEDIA_ROOT": str(media),
              "SEARCH_INDEX_DIR": str(tmp_path / "restored-index")}  # fmt: skip
    restored = manage("restore_archive", str(tmp_path / "backup"), **target)
    assert restored.returncode == 1
    assert "Traceback" not in restored.stderr
    assert restored.stderr.strip().splitlines()[-1] == (
        f"CommandError: {tmp_path / 'backup' / damaged}: the file does not match the "
        "checksum the backup recorded (damaged or cut short): nothing was restored"
    )
    with psycopg.connect(database_url(empty_database)) as restored_db:
        tables = restored_db.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert tables.fetchone()[0] == 0
    assert not media.exists() or not any(media.rglob("*"))
