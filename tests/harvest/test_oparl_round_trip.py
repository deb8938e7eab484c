"""OParl both ways: one instance of the archive serves /oparl/v1.1/ over real HTTP on
loopback (its own process and database), another harvests it, and both end with the same
meetings, agenda items, decisions and documents."""

import datetime
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest
import requests
from django.conf import settings
from django.db import connection

from meetings.demo import DemoMeeting, write_pack
from meetings.harvest.harvesting import harvest
from meetings.harvest.models import FetchedFile, Source
from meetings.models import AgendaItem, Council, Decision, Document
from tests.conftest import database_url, manage
from tests.test_import_queue import run_worker

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]

MEETINGS_SQL = """SELECT b.name, m.date, m.start_time, m.location FROM meetings_meeting m
JOIN meetings_body b ON b.id = m.body_id ORDER BY 1, 2"""
ITEMS_SQL = """SELECT b.name, m.date, i.number, i.title FROM meetings_agendaitem i
JOIN meetings_meeting m ON m.id = i.meeting_id JOIN meetings_body b ON b.id = m.body_id
ORDER BY 1, 2, 3"""
DECISIONS_SQL = """SELECT b.name, m.date, n.number, d.resolved FROM meetings_decision d
JOIN meetings_minute n ON n.id = d.minute_id JOIN meetings_meeting m ON m.id = n.meeting_id
JOIN meetings_body b ON b.id = m.body_id ORDER BY 1, 2, 3"""
DOCUMENTS_SQL = """SELECT d.sha256, d.file_name, d.page_count, b.name, m.date
FROM meetings_document d JOIN meetings_meeting m ON m.id = d.meeting_id
JOIN meetings_body b ON b.id = m.body_id ORDER BY 1"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def serving_archive(tmp_path):
    """Another archive, in its own database, with three meetings imported, serving its
    pages and /oparl/v1.1/ from `manage.py runserver` on a loopback port."""
    name = f"oparl_{uuid.uuid4().hex[:12]}"
    params = {k: v for k, v in connection.get_connection_params().items() if k != "dbname"}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    port = free_port()
    environment = {
        "DATABASE_URL": database_url(name),
        "MEDIA_ROOT": str(tmp_path / "served-media"),
        "SEARCH_INDEX_DIR": str(tmp_path / "served-index"),
        "ARCHIVE_BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "0",
    }
    packs = tmp_path / "packs"
    packs.mkdir()
    may, june = datetime.date(2026, 5, 12), datetime.date(2026, 6, 9)
    cabinet_may = DemoMeeting("Cabinet", may, ["Youth Services Review"], 40)
    write_pack(cabinet_may, None, packs / "cabinet-may.pdf")
    write_pack(DemoMeeting("Cabinet", june, ["Climate Adaptation Plan"], 46, may), cabinet_may,
               packs / "cabinet-june.pdf")  # fmt: skip
    scrutiny = DemoMeeting(
        "Scrutiny Commission", datetime.date(2026, 5, 20), ["Highways Capital Programme"], 10
    )
    write_pack(scrutiny, None, packs / "scrutiny.pdf")
    for step in (["migrate", "--no-input"], ["import_packs", str(packs)]):
        done = manage(*step, **environment)
        assert done.returncode == 0, done.stderr
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "archive.settings", **environment},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    system = f"http://127.0.0.1:{port}/oparl/v1.1/"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(system, timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.2)
        yield system, database_url(name)
    finally:
        server.terminate()
        server.wait(timeout=30)
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def rows(sql: str, url: str | None = None) -> list[tuple]:
    if url is None:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()
    with psycopg.connect(url) as other:
        return other.execute(sql).fetchall()


def test_an_archive_harvesting_anothers_oparl_ends_with_the_same_meetings(serving_archive):
    system, served_database = serving_archive
    council = Council.objects.create(
        name="Wessex Vale County Council", short_name="Wessex Vale", slug="wessex-vale"
    )
    source = Source.objects.create(
        council=council,
        name="Wessex Vale OParl",
        platform=Source.Platform.OPARL,
        url=system,
        harvest_from=datetime.date(2026, 1, 1),
        harvest_until=datetime.date(2026, 12, 31),
    )
    run = harvest(source)
    assert run.summary == "3 files of 3 meetings: 3 new, 0 changed, 0 unchanged, 0 failed"
    run_worker()
    assert set(FetchedFile.objects.values_list("import_job__status", "disagreement")) == {
        ("done", "")
    }

    for sql in (MEETINGS_SQL, ITEMS_SQL, DECISIONS_SQL, DOCUMENTS_SQL):
        assert rows(sql) == rows(sql, served_database)
    assert Document.objects.count() == 3
    assert AgendaItem.objects.count() > 10 and Decision.objects.exists()

    again = harvest(source)  # the files' `modified` is unchanged: none is fetched
    assert again.summary == "3 files of 3 meetings: 0 new, 0 changed, 3 unchanged, 0 failed"
    assert settings.BASE_URL not in system
