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
    assert "procrastinate worker &" in run and "runserver" in run


def test_under_ci_a_skipped_test_fails_the_run(tmp_path):
    import os
    import subprocess
    import sys

    (tmp_path / "test_skips.py").write_text(
        "import pytest\n\ndef test_needs_chromium():\n    pytest.skip('chromium is missing')\n"
    )
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "tests.ci_plugin",
               str(tmp_path)]  # fmt: skip
    ci = subprocess.run(command, cwd=ROOT, env={**os.environ, "CI": "true"},
                        capture_output=True, text=True)  # fmt: skip
    assert ci.returncode == 1
    assert "CI runs every test, but 1 skipped: Skipped: chromium is missing" in ci.stdout
    local = subprocess.run(command, cwd=ROOT, env={**os.environ, "CI": ""},
                           capture_output=True, text=True)  # fmt: skip
    assert local.returncode == 0


def test_ci_script_refuses_to_run_without_the_shared_documents():
    script = (ROOT / ".ci" / "run").read_text()
    assert "../shared" in script.split("make test", 1)[0]


def test_the_image_and_ci_install_tesseract_for_ocr_in_english_french_and_welsh():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-cym" in dockerfile
    script = (ROOT / ".ci" / "run").read_text()
    assert "need_packages+=(tesseract-ocr)" in script
    for language in ("eng", "fra", "cym"):
        assert f"need_packages+=(tesseract-ocr-{language})" in script
