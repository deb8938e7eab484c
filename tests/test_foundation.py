"""The project's foundation: PostgreSQL, settings, security headers, admin, home page."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection

from archive import embedded_postgres

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "archive.settings", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


@pytest.mark.django_db
def test_database_is_postgresql_15_or_newer():
    assert connection.vendor == "postgresql"
    assert connection.pg_version >= 150000


def test_production_settings_pass_the_deploy_check():
    completed = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY="x" * 20 + "production-secret-key-with-enough-entropy-1234567890",
        ALLOWED_HOSTS="archive.example.org",
    )  # fmt: skip
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_missing_secret_key_outside_debug_is_refused():
    completed = run_manage("check")
    assert completed.returncode == 1
    assert completed.stderr.strip() == (
        "manage.py: settings: SECRET_KEY is not set (set it, or DEBUG=1 for development)"
    )


def test_interrupted_first_start_is_not_reused(tmp_path):
    pgdata = tmp_path / "pgdata"
    partial = tmp_path / "pgdata.partial"
    partial.mkdir()
    (partial / "PG_VERSION").write_text("18\n")  # what an interrupted initdb leaves behind
    params = embedded_postgres.start(pgdata, "scratch")
    assert not partial.exists()
    assert (pgdata / "PG_VERSION").exists()
    import psycopg

    with psycopg.connect(dbname="scratch", **params) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


@pytest.mark.django_db
def test_home_page_lists_councils_and_meetings(client, import_file, seed):
    import_file(seed("000"))
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<a href="/leicestershire/">Leicestershire County Council</a>' in page
    assert "/leicestershire/cabinet/2026-03-24/" in page
    assert "Content-Security-Policy" in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_admin_is_for_staff_only(client):
    assert client.get("/admin/meetings/meeting/").status_code == 302
    client.force_login(User.objects.create_superuser("admin", "admin@example.org", "pw"))
    models = ["body", "person", "membership", "meeting", "agendaitem", "report", "minute"]
    models += ["decision", "attendance", "document", "page", "replaceddocument", "searchword"]
    for model in models:
        assert client.get(f"/admin/meetings/{model}/").status_code == 200, model
