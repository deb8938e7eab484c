"""Uploads are queued and imported by a real Procrastinate worker on the same PostgreSQL."""

import datetime

import pytest
from django.test import override_settings
from procrastinate.contrib.django import app
from procrastinate.contrib.django.models import ProcrastinateJob

from meetings.demo import DemoMeeting, write_pack
from meetings.models import Document, ImportJob, Meeting
from meetings.storage import media_path
from tests.conftest import database_url

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_queue():
    """Jobs other tests queued and left: Django's flush leaves Procrastinate's tables alone."""
    ProcrastinateJob.objects.all().delete()


def run_worker():
    """Run every queued job, then stop: the worker `manage.py procrastinate worker` runs."""
    worker = app.with_connector(app.connector.get_worker_connector())
    worker.run_worker(wait=False, install_signal_handlers=False, listen_notify=False)


def upload(client, *paths, **fields):
    handles = [path.open("rb") for path in paths]
    try:
        return client.post(
            "/admin/meetings/document/import/", {"packs": handles, **fields}, follow=True
        )
    finally:
        for handle in handles:
            handle.close()


def test_an_upload_is_queued_then_imported_by_the_worker(admin_client, cabinet_pack, tmp_path):
    junk = tmp_path / "notes.pdf"
    junk.write_text("nothing to see")
    response = upload(admin_client, cabinet_pack, junk)
    assert "2 files queued for import: cabinet-pack.pdf, notes.pdf" in response.content.decode()
    assert not Meeting.objects.exists()  # nothing is imported inside the request
    jobs = {job.file_name: job for job in ImportJob.objects.all()}
    assert {job.status for job in jobs.values()} == {"queued"}
    assert ProcrastinateJob.objects.filter(task_name="import_upload", status="todo").count() == 2

    run_worker()

    done = ImportJob.objects.get(pk=jobs["cabinet-pack.pdf"].pk)
    failed = ImportJob.objects.get(pk=jobs["notes.pdf"].pk)
    assert done.status == "done" and done.pages_done == done.pages_total == 3
    assert done.summary == (
        "cabinet-pack.pdf: agenda of Cabinet, 12 May 2026: 5 items; 1 report; filed under "
        "Wessex Vale County Council. Changes: 19 created, 0 updated, 0 unchanged, 0 removed"
    )
    assert done.document == Document.objects.get()
    page = admin_client.get(done.document.get_absolute_url()).content.decode()
    assert "<dt>Recognised</dt><dd>agenda of Cabinet, 12 May 2026: 5 items; 1 report</dd>" in page
    assert not media_path(done.upload.name).exists()  # the upload is removed once imported
    assert failed.status == "failed"
    assert failed.error == "notes.pdf: not a PDF (it is named .pdf but holds no PDF)"
    status = admin_client.get(f"/admin/meetings/importjob/{done.pk}/change/").content.decode()
    assert "done: cabinet-pack.pdf: agenda of Cabinet, 12 May 2026: 5 items" in status
    listing = admin_client.get("/admin/meetings/importjob/").content.decode()
    assert "failed: notes.pdf: not a PDF" in listing


def test_a_failed_import_can_be_queued_again(admin_client, cabinet_pack):
    upload(admin_client, cabinet_pack, body="", date="")
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(status="failed", error="worker killed")
    ProcrastinateJob.objects.all().delete()  # the worker was killed: its job is gone
    admin_client.post(
        "/admin/meetings/importjob/", {"action": "queue_again", "_selected_action": [job.pk]}
    )
    assert ImportJob.objects.get().status == "queued"
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("done", 1)
    assert Meeting.objects.filter(date="2026-05-12").exists()


@override_settings(IMPORT_MAX_FILES=1)
def test_too_many_files_in_one_upload_are_refused(admin_client, cabinet_pack, tmp_path):
    other = tmp_path / "other.pdf"
    other.write_bytes(cabinet_pack.read_bytes())
    page = upload(admin_client, cabinet_pack, other).content.decode()
    assert "2 files were uploaded; the limit is 1 files an upload" in page
    assert not ImportJob.objects.exists()


@override_settings(IMPORT_MAX_FILE_MB=0)
def test_a_file_over_the_size_limit_is_refused_at_upload(admin_client, cabinet_pack):
    page = upload(admin_client, cabinet_pack).content.decode()
    assert "cabinet-pack.pdf: it is 0.0 MB; the limit is 0 MB a file" in page
    assert not ImportJob.objects.exists()


def test_a_page_bomb_fails_with_its_reason_not_a_crash(admin_client, tmp_path):
    from tests.test_storage import page_tree_bomb

    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(page_tree_bomb(1_000_000))
    upload(admin_client, bomb)
    run_worker()
    job = ImportJob.objects.get()
    assert job.status == "failed"
    assert job.error == "bomb.pdf: it has 1,000,000 pages; the limit is 2,000 pages a file"


def test_a_worker_killed_mid_import_leaves_nothing_half_written(admin_client, tmp_path):
    import asyncio
    import os
    import signal
    import subprocess
    import sys
    import time

    from django.conf import settings

    from meetings.demo import TOPICS
    from meetings.tasks import retry_stalled

    big = tmp_path / "big-pack.pdf"
    write_pack(DemoMeeting("Cabinet", datetime.date(2026, 6, 9), TOPICS, 1), None, big,
               paragraphs=60)  # fmt: skip
    upload(admin_client, big)
    environment = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SEARCH_INDEX_DIR": str(settings.SEARCH_INDEX_DIR),
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "procrastinate", "worker", "--queues", "imports"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while ImportJob.objects.get().status == "queued" and time.monotonic() < deadline:
            time.sleep(0.02)
        assert ImportJob.objects.get().status == "running"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()

    documents = list(Document.objects.all())
    assert not documents or documents[0].pages.count() == documents[0].page_count  # whole or none
    worker_app = app.with_connector(app.connector.get_worker_connector())

    async def retry():
        async with worker_app.open_async():
            return await retry_stalled(worker_app, seconds_since_heartbeat=0)

    if ImportJob.objects.get().status == "running":
        assert asyncio.run(retry()) == 1
    run_worker()
    job = ImportJob.objects.get()
    assert job.status == "done"
    document = Document.objects.get()
    assert document.pages.count() == document.page_count > 100


def test_a_document_read_only_as_pages_gets_its_meeting_set_and_is_parsed_again(
    admin_client, tmp_path
):
    """A letter naming no committee: stored as pages under a guessed body, then set right."""
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Wessex Vale Parish Council\n\nNotes of a site visit, 3 March 2031\n\n"
        + "The group walked the footpath and noted the state of the stiles.\n" * 5
    )
    upload(admin_client, letter)
    run_worker()
    document = Document.objects.get()
    guessed = document.meeting
    listed = admin_client.get("/admin/meetings/document/", {"recognised": "pages"})
    assert "letter.txt" in listed.content.decode()
    form = admin_client.post(
        "/admin/meetings/document/",
        {"action": "set_meeting_and_parse_again", "_selected_action": [document.pk]},
    )
    assert "Set the meeting and parse again" in form.content.decode()
    response = admin_client.post(
        "/admin/meetings/document/",
        {
            "action": "set_meeting_and_parse_again",
            "_selected_action": [document.pk],
            "apply": "Parse again",
            "body": "Footpaths Working Group",
            "date": "2031-03-03",
        },
        follow=True,
    )
    assert "1 document queued to be read again as Footpaths Working Group, 3 March 2031" in (
        response.content.decode()
    )
    run_worker()
    document.refresh_from_db()
    assert (document.meeting.body.name, str(document.meeting.date)) == (
        "Footpaths Working Group",
        "2031-03-03",
    )
    assert document.file_name == "letter.txt"
    assert not Meeting.objects.filter(pk=guessed.pk).exists()  # the guess is gone
    assert ImportJob.objects.filter(status="done").count() == 2


LONG_NAME = "é" * 200 + ".pdf"  # 200 characters, 404 bytes: more than a file name may hold


def stored_uploads() -> set:
    folder = media_path("uploads")
    return set(folder.rglob("*")) if folder.exists() else set()


def test_a_file_name_too_long_to_store_is_a_form_error_and_nothing_is_left(
    admin_client, cabinet_pack
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = stored_uploads()
    with cabinet_pack.open("rb") as first:
        named = SimpleUploadedFile(LONG_NAME, cabinet_pack.read_bytes(), "application/pdf")
        response = admin_client.post("/admin/meetings/document/import/", {"packs": [first, named]})
    assert response.status_code == 200
    assert f"{LONG_NAME}: the name is 404 bytes; the limit is 240" in response.content.decode()
    assert not ImportJob.objects.exists()
    assert stored_uploads() == before


def test_an_upload_that_cannot_be_stored_leaves_no_file_behind(cabinet_pack, admin_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meetings.uploads import queue_uploads

    good = SimpleUploadedFile("cabinet-pack.pdf", cabinet_pack.read_bytes())
    unstorable = SimpleUploadedFile("pack.pdf", cabinet_pack.read_bytes())
    unstorable.name = LONG_NAME  # past the form's check: the disk refuses it
    before = stored_uploads()
    with pytest.raises(OSError):
        queue_uploads([good, unstorable], {}, admin_user)
    assert stored_uploads() == before
    assert not ImportJob.objects.exists()
