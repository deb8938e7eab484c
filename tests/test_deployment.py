"""The deployment files, checked as far as this machine can (it runs no Docker engine)."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_compose_runs_postgresql_with_a_health_check_and_the_app_after_it():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    db, web = compose["services"]["db"], compose["services"]["web"]
    assert db["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert web["environment"]["DATABASE_URL"].startswith("postgres://")
    assert "${SECRET_KEY:?" in web["environment"]["SECRET_KEY"]
    assert any(volume.endswith(":/data") for volume in web["volumes"])
    assert web["environment"]["MEDIA_ROOT"].startswith("/data")


def test_image_collects_static_files_migrates_and_serves_with_gunicorn():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "collectstatic --no-input" in dockerfile
    command = dockerfile.split("CMD", 1)[1]
    assert "migrate --no-input" in command and "gunicorn archive.wsgi" in command


def test_compose_runs_the_import_worker_on_the_same_database_and_files():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    worker, web = services["worker"], services["web"]
    assert worker["command"] == ["python", "manage.py", "procrastinate", "worker"]
    assert worker["environment"]["DATABASE_URL"] == web["environment"]["DATABASE_URL"]
    assert worker["volumes"] == web["volumes"]
    assert worker["environment"]["MEDIA_ROOT"] == web["environment"]["MEDIA_ROOT"]


def test_make_run_starts_the_worker_beside_the_server():
    run = (ROOT / "Makefile").read_text().split("\nrun:", 1)[1].split("\ntest:", 1)[0]
    assert "createcachetable" in run
    assert "procrastinate worker &" in run and "runserver" in run
