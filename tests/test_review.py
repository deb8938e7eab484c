"""Admins' review of imports: what was understood, documents kept without a meeting,
corrections that last, merges and a council's known names."""

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings.demo import DemoMeeting, write_pack
from meetings.models import Correction, Document, Meeting
from meetings.search import Filters, search
from tests.conftest import database_url
from tests.test_backup import empty_database  # noqa: F401 (a fixture, used below)

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db

# A letter a parish council filed: it names its council and its subject, but no meeting.
UNDATED_NOTE = """HORSLEY PARISH COUNCIL

Note on the village green drainage

The clerk walked the green with the contractor. The soakaway by the war memorial is
blocked and the ditch along Church Lane needs clearing before the winter rains.
"""


@pytest.fixture
def undated_note(tmp_path):
    path = tmp_path / "green-drainage-note.txt"
    path.write_text(UNDATED_NOTE)
    return path


def test_a_document_of_no_known_meeting_is_kept_searchable_and_listed_for_review(
    undated_note, capsys, client
):
    with pytest.raises(CommandError, match="0 of 1 packs failed; 1 kept without a meeting"):
        call_command("import_packs", str(undated_note))
    out = capsys.readouterr().out
    assert (
        "  needs a meeting: green-drainage-note.txt: kept as searchable pages under Horsley "
        "Parish Council, but no meeting recognised (no date found): listed for review, to be "
        "given its meeting" in out
    )
    assert out.endswith(
        "Kept without a meeting (1): give each its meeting in the admin's imports to review, or "
        "import it again with --body and --date:\n  green-drainage-note.txt: no date found\n"
    )
    document = Document.objects.get()
    assert (document.meeting, document.council.name, document.page_count) == (
        None,
        "Horsley Parish Council",
        1,
    )
    assert document.reading.needs_review
    assert document.reading.understood["review"] == ["needs a meeting: no date found"]
    hit = search("soakaway", Filters()).hits[0]
    assert hit.url == f"/documents/{document.sha256}/page/1/"
    assert "Soakaway" in client.get(hit.url).content.decode().title()
    assert client.get(f"/oparl/v1.1/file/{document.pk}").json()["fileName"] == undated_note.name


def review_page(client, document) -> str:
    return client.get(f"/admin/meetings/document/{document.pk}/review/").content.decode()


def correct(client, document, section: str, step: str, **fields):
    url = f"/admin/meetings/document/{document.pk}/review/"
    return client.post(url, {"section": section, "step": step, **fields}, follow=True)


def test_an_admin_gives_a_kept_document_its_meeting_after_a_preview(
    admin_client, admin_user, undated_note, import_file
):
    import_file(undated_note)
    document = Document.objects.get()
    listing = admin_client.get("/admin/meetings/documenttoreview/").content.decode()
    assert "green-drainage-note.txt" in listing and "needs a meeting: no date found" in listing
    page = review_page(admin_client, document)
    assert "<li>needs a meeting: no date found</li>" in page
    meeting = {"council": "horsley", "body": "Horsley Parish Council", "new_body": "",
               "date": "2031-03-04", "start_time": "19:30", "kind": "document"}  # fmt: skip

    preview = correct(admin_client, document, "meeting", "preview", **meeting).content.decode()
    assert "Nothing is kept yet." in preview
    assert "Horsley Parish Council, 4 March 2031" in preview
    assert not Meeting.objects.exists() and not Correction.objects.exists()

    saved = correct(admin_client, document, "meeting", "save", **meeting).content.decode()
    assert "Corrected and read again." in saved
    document.refresh_from_db()
    assert str(document.meeting) == "Horsley Parish Council, 4 March 2031"
    assert document.meeting.start_time == datetime.time(19, 30)
    assert not document.reading.needs_review
    made = {(c.field, c.value, c.made_by) for c in Correction.objects.all()}
    assert made == {
        ("date", "2031-03-04", admin_user),
        ("start_time", "19:30", admin_user),
    }
    assert "Horsley Parish Council, 4 March 2031" in review_page(admin_client, document)
    assert (
        "<td>start_time</td>"
        in admin_client.get(f"/admin/meetings/document/{document.pk}/change/").content.decode()
    )


@pytest.fixture
def two_cabinets(tmp_path):
    """A text agenda pack of Cabinet, 12 May 2026, printing the minutes of 14 April 2026."""
    earlier = DemoMeeting("Cabinet", datetime.date(2026, 4, 14), ["Library Opening Hours",
                          "Bus Shelter Repairs"], 40)  # fmt: skip
    meeting = DemoMeeting(
        "Cabinet", datetime.date(2026, 5, 12), ["Youth Services Review", "Pothole Repairs"], 46,
        earlier.date,
    )  # fmt: skip
    path = tmp_path / "cabinet-2026-05-12.txt"
    write_pack(meeting, earlier, path, paragraphs=2)
    return path


# The agenda as read, then corrected: 2 and 3 merged, 4 removed, 6 renamed and renumbered.
AGENDA = [
    {"from": ["1"], "number": "1", "title": "Minutes of the meeting held on 14 April 2026"},
    {"from": ["2", "3"], "number": "2", "title": "Urgent items and declarations of interest"},
    {"from": ["5"], "number": "5", "title": "Youth Services Review"},
    {"from": ["6"], "number": "6a", "title": "Pothole and Road Surface Repairs"},
]
# Minute 43's decision was not taken (the item was deferred); Mrs. G. Baker did attend.
MINUTES = [
    {"from": ["40"], "number": "40", "title": "Minutes of the previous meeting"},
    {"from": ["41", "42"], "number": "41", "title": "Urgent items; declarations of interest"},
    {"from": ["43"], "number": "43", "title": "Library Opening Hours", "outcome": "deferred",
     "decision": False},
    {"from": ["44"], "number": "44", "title": "Bus Shelter Repairs"},
]  # fmt: skip


@pytest.fixture
def corrected(two_cabinets, import_file, admin_user):
    """The pack imported, then corrected by an admin: its body, agenda, minutes, attendance."""
    from meetings.review import rereading

    import_file(two_cabinets)
    document = Document.objects.get()
    attendance = [{"name": p["name"], "role": p["role"]}
                  for p in document.reading.understood["minutes"][0]["attendance"]]  # fmt: skip
    attendance = [
        {**person, "role": "member"} if person["name"] == "Mrs. G. Baker CC" else person
        for person in attendance
    ]
    changes = {"body": "Executive", "agenda": AGENDA, "minutes": MINUTES, "attendance": attendance}
    rereading.save(document, changes, admin_user)
    return two_cabinets


def assert_corrected() -> None:
    meeting = Meeting.objects.get(date="2026-05-12")
    assert str(meeting) == "Executive, 12 May 2026"
    items = list(meeting.agenda_items.values_list("number", "title"))
    assert items == [(e["number"], e["title"]) for e in AGENDA]
    earlier = Meeting.objects.get(date="2026-04-14")
    assert str(earlier) == "Cabinet, 14 April 2026"  # the minutes' own meeting keeps its body
    minutes = {m.number: m for m in earlier.minutes.all()}
    assert list(minutes) == ["40", "41", "43", "44"]
    assert minutes["43"].outcome == "deferred" and not hasattr(minutes["43"], "decision")
    assert "approved" in minutes["44"].decision.resolved
    assert "No declarations were made." in minutes["41"].text  # 42's text joined to 41's
    baker = earlier.attendance.get(person__name="Mrs. G. Baker CC")
    assert baker.role == "member"


def test_corrections_are_kept_by_a_forced_re_import(corrected, import_file):
    assert_corrected()
    result = import_file(corrected, force=True)
    assert result.counts["updated"] == result.counts["removed"] == 0
    assert_corrected()
    assert import_file(corrected).skipped
    assert_corrected()


MINUTES_OF_THE_COMMISSION = """{body}
Commission Meeting Minutes
Monday, January 29, 2018 at 9:00am

Present: Commissioners Ana Ruiz, Ben Cole and Dee Park.

1. Call to order
The chair called the meeting to order at 9:02am.

2. Approval of the agenda
Motion to approve the agenda by Ben Cole, seconded by Dee Park. Motion carried.

3. Sidewalk snow removal
The commission discussed the snow removal contract for {street}.
"""


@pytest.fixture
def misread_commission(tmp_path, import_file):
    """The minutes, and a scan of them whose letterhead OCR misread as another body."""
    paths = []
    for name, body, street in (
        ("minutes.txt", "LINCOLN SQUARE COMMISSION", "Lawrence Avenue"),
        ("minutes-scan.txt", "LINCO1N SQUARE COMMISSION", "Lawrence Ave"),
    ):
        paths.append(tmp_path / name)
        paths[-1].write_text(MINUTES_OF_THE_COMMISSION.format(body=body, street=street))
        import_file(paths[-1], council="City of Chicago")
    return paths


def test_a_body_misread_is_flagged_then_merged_and_its_address_moves(
    misread_commission, client, admin_user, import_file
):
    from meetings.models import Body
    from meetings.review.merging import merge_bodies

    real, misread = (Body.objects.get(name=name) for name in
                     ("Lincoln Square Commission", "Linco1n Square Commission"))  # fmt: skip
    scan = Document.objects.get(file_name="minutes-scan.txt")
    assert scan.reading.understood["review"] == [
        "a new body, “Linco1n Square Commission”, is close to “Lincoln Square Commission”: "
        "merge them if they are one"
    ]
    old_address = misread.get_absolute_url()
    merge_bodies(real, misread, admin_user)

    assert list(Meeting.objects.values_list("title", flat=True)) == [
        "Lincoln Square Commission, 29 January 2018"
    ]
    assert Meeting.objects.get().documents.count() == 2
    response = client.get(f"{old_address}2018-01-29/?from=feed")
    assert response.status_code == 301
    assert response["Location"] == f"{real.get_absolute_url()}2018-01-29/?from=feed"
    import_file(misread_commission[1], force=True, council="chicago")
    another_scan = misread_commission[1].with_name("minutes-rescanned.txt")
    another_scan.write_text(misread_commission[1].read_text().replace("Ave", "Av."))
    import_file(another_scan, council="chicago")  # the misread name is known now
    assert list(Body.objects.values_list("name", flat=True)) == ["Lincoln Square Commission"]


def test_the_export_shows_corrected_values(corrected):
    from meetings.management.commands.export_archive import export_archive

    meetings = {m["date"]: m for m in export_archive()["meetings"]}
    may, april = meetings["2026-05-12"], meetings["2026-04-14"]
    assert may["body"] == "Executive"
    assert [(i["number"], i["title"]) for i in may["agenda_items"]] == [
        (e["number"], e["title"]) for e in AGENDA
    ]
    minute = next(m for m in april["minutes"] if m["number"] == "43")
    assert (minute["outcome"], minute["resolved"]) == ("deferred", None)


def test_the_oparl_api_shows_corrected_values(corrected, client):
    meeting = Meeting.objects.get(date="2026-05-12")
    found = client.get(f"/oparl/v1.1/meeting/{meeting.pk}").json()
    assert found["name"] == "Executive, 12 May 2026"
    assert [item["name"] for item in found["agendaItem"]] == [e["title"] for e in AGENDA]
    earlier = Meeting.objects.get(date="2026-04-14")
    items = client.get(f"/oparl/v1.1/meeting/{earlier.pk}").json()["agendaItem"]
    assert [item.get("resolutionText") is not None for item in items] == [
        False, False, False, True
    ]  # fmt: skip


def test_search_shows_corrected_values_before_and_after_a_rebuild(corrected):
    from meetings.search import indexing

    for rebuilt in (False, True):
        if rebuilt:
            indexing.rebuild()
        hits = search('"road surface"', Filters()).hits
        assert [(hit.title, hit.body) for hit in hits[:1]] == [
            ("Pothole and Road Surface Repairs", "Executive")
        ], f"rebuilt: {rebuilt}"


def test_removing_a_council_takes_everything_filed_under_it_and_nothing_else(
    cabinet_pack, seed, import_file, client, django_capture_on_commit_callbacks
):
    from meetings.models import Council, DeletedObject, Page
    from meetings.storage import media_path

    import_file(cabinet_pack)  # the demo council, Wessex Vale
    import_file(seed("003"))  # Leicestershire
    demo = Document.objects.get(council__slug="wessex-vale")
    stored = media_path(demo.file.name)
    assert stored.exists() and search("Castlebury", Filters()).total > 0
    kept = Page.objects.exclude(document=demo).count()

    with django_capture_on_commit_callbacks(execute=True):  # the files go once it commits
        call_command("remove_council", "wessex-vale", "--no-input")

    assert list(Council.objects.values_list("slug", flat=True)) == ["leicestershire"]
    assert not stored.exists()
    assert search("Castlebury", Filters()).total == 0
    assert Page.objects.count() == kept and search("Cabinet", Filters()).total > 0
    assert DeletedObject.objects.filter(kind="meeting").count() == 1
    assert client.get("/wessex-vale/").status_code == 404
    with pytest.raises(CommandError, match="wessex-vale: no council of that slug or name"):
        call_command("remove_council", "wessex-vale", "--no-input")


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_make_run_serves_the_packs_it_could_import_and_lists_the_others(
    tmp_path,
    undated_note,
    cabinet_pack,
    empty_database,  # noqa: F811
):
    """`make run PACKS="… …"` with a pack, a document of no meeting and a file that is no
    PDF: the server starts, and the import's summary names the other two and why."""
    import os
    import signal
    import subprocess
    import time
    import urllib.request

    packs, letters = tmp_path / "packs", tmp_path / "letters"  # two paths, as the README's
    for folder, paths in ((packs, [cabinet_pack]), (letters, [undated_note])):
        folder.mkdir()
        for path in paths:
            (folder / path.name).write_bytes(path.read_bytes())
    (packs / "scanned-letter.pdf").write_text("not a PDF at all")
    port = free_port()
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "archive.settings",
                   "DATABASE_URL": database_url(empty_database),
                   "ARCHIVE_VAR_DIR": str(tmp_path / "var"), "MEDIA_ROOT": str(tmp_path / "media"),
                   "SEARCH_INDEX_DIR": str(tmp_path / "var" / "search-index")}  # fmt: skip
    log = tmp_path / "make-run.log"
    with log.open("w") as output:
        run = subprocess.Popen(
            ["make", "run", f"PACKS={packs} {letters}", f"PORT={port}"],
            cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        home = ""
        for _ in range(240):
            time.sleep(1)
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/wessex-vale/", timeout=5
                ) as r:
                    home = r.read().decode()
                break
            except OSError:
                assert run.poll() is None, log.read_text()
        assert "Wessex Vale County Council" in home, log.read_text()
    finally:
        os.killpg(run.pid, signal.SIGTERM)
        run.wait(timeout=30)
    said = log.read_text()
    assert "Failed (1), nothing of them was kept:\n" in said
    assert f"  {packs}/scanned-letter.pdf: not a PDF (it is named .pdf but holds no PDF)" in said
    assert (
        "Kept without a meeting (1): give each its meeting in the admin's imports to review, "
        "or import it again with --body and --date:\n  green-drainage-note.txt: no date found\n"
    ) in said


def test_a_council_knows_its_bodies_by_their_other_languages_words_and_close_names():
    from meetings.models import Body, Council
    from meetings.review.names import close_bodies, known_body

    council = Council.objects.create(name="Llanfair Community Council", slug="llanfair")
    body = Body.objects.create(council=council, name="Llanfair Community Council", slug="c")
    planning = Body.objects.create(council=council, name="Planning Committee", slug="p")
    assert known_body(council, "Cyngor Cymuned Llanfair") == body
    assert known_body(council, "Pwyllgor Cynllunio") == planning
    assert known_body(council, "Licensing Committee") is None
    assert close_bodies(council, "Planing Committee") == [planning]
    assert close_bodies(council, "Licensing Committee") == []


def test_two_people_merged_keep_one_record_and_its_followers(
    corrected, client, admin_user, import_file
):
    from meetings.alerts.models import Subscriber, Subscription
    from meetings.models import Attendance, Person
    from meetings.review.merging import merge_people

    kept = Person.objects.get(name="Ms. A. Hughes CC")
    merged = Person.objects.get(name="Dr. B. Kendall CC")  # as if a misreading of her name
    follower = Subscriber.objects.create(email="reader@example.org")
    Subscription.objects.create(
        subscriber=follower, kind="person", person=merged, target=f"person:{merged.pk}",
        label="Dr. B. Kendall CC", frequency="weekly",
    )  # fmt: skip
    old_address = merged.get_absolute_url()
    merge_people(kept, merged, admin_user)

    assert not Person.objects.filter(pk=merged.pk).exists()
    assert Attendance.objects.filter(person=kept).count() == 1  # both attended the one meeting
    assert Subscription.objects.get().target == f"person:{kept.pk}"
    response = client.get(old_address)
    assert (response.status_code, response["Location"]) == (301, kept.get_absolute_url())
    import_file(corrected, force=True)  # the misread name is hers from now on
    assert not Person.objects.filter(name="Dr. B. Kendall CC").exists()


def test_two_meetings_merged_stay_one_when_their_documents_are_imported_again(
    misread_commission, tmp_path, import_file, admin_user, client
):
    from meetings.review.merging import merge_meetings

    misdated = tmp_path / "minutes-misdated.txt"
    misdated.write_text(
        MINUTES_OF_THE_COMMISSION.format(body="LINCOLN SQUARE COMMISSION", street="Lawrence")
        .replace("January 29", "January 28")
    )  # fmt: skip
    import_file(misdated, council="chicago")
    right, wrong = (Meeting.objects.get(body__name="Lincoln Square Commission", date=date)
                    for date in ("2018-01-29", "2018-01-28"))  # fmt: skip
    merge_meetings(right, wrong, admin_user)
    assert set(right.documents.values_list("file_name", flat=True)) == {
        "minutes.txt",
        "minutes-misdated.txt",
    }
    response = client.get("/chicago/lincoln-square-commission/2018-01-28/")
    assert response["Location"] == "/chicago/lincoln-square-commission/2018-01-29/"
    import_file(misdated, force=True, council="chicago")
    dates = Meeting.objects.filter(body__name="Lincoln Square Commission").values_list("date")
    assert list(dates) == [(datetime.date(2018, 1, 29),)]


def test_the_agenda_is_corrected_row_by_row_on_the_review_page(two_cabinets, import_file,
                                                               admin_client):  # fmt: skip
    import_file(two_cabinets)
    document = Document.objects.get()
    rows = [
        # source, position, number, title, action: 3 merged into 2, 4 removed, 6 renumbered,
        # and a new item split off 5 after it.
        ("1", 10, "1", "Minutes of the meeting held on 14 April 2026", "keep"),
        ("2", 20, "2", "Urgent items and declarations of interest", "keep"),
        ("3", 30, "3", "Declarations of interest in respect of items on the agenda", "merge"),
        ("4", 40, "4", "Question Time", "remove"),
        ("5", 50, "5", "Youth Services Review", "keep"),
        ("6", 60, "6a", "Pothole and Road Surface Repairs", "keep"),
        ("", 55, "5a", "Youth Services Budget", "keep"),
        ("", 70, "", "", "keep"),
    ]
    data = {"agenda-TOTAL_FORMS": len(rows), "agenda-INITIAL_FORMS": 6,
            "agenda-MIN_NUM_FORMS": 0, "agenda-MAX_NUM_FORMS": 1000}  # fmt: skip
    for index, row in enumerate(rows):
        for name, value in zip(
            ("source", "position", "number", "title", "action"), row, strict=True
        ):
            data[f"agenda-{index}-{name}"] = value
    preview = correct(admin_client, document, "agenda", "preview", **data).content.decode()
    assert "Youth Services Budget" in preview and "Nothing is kept yet" in preview
    assert document.meeting.agenda_items.count() == 6

    correct(admin_client, document, "agenda", "save", **data)
    items = Meeting.objects.get(date="2026-05-12").agenda_items.values_list("number", "title")
    assert list(items) == [
        ("1", "Minutes of the meeting held on 14 April 2026"),
        ("2", "Urgent items and declarations of interest"),
        ("5", "Youth Services Review"),
        ("5a", "Youth Services Budget"),
        ("6a", "Pothole and Road Surface Repairs"),
    ]
    (correction,) = Correction.objects.filter(field="agenda")
    assert correction.value[1]["from"] == ["2", "3"]
    page = review_page(admin_client, document)
    assert 'name="agenda-1-source" value="2|3"' in page  # the next correction starts from it


def test_the_admin_speaks_plainly(admin_client, admin_user):
    from meetings.models import ImportJob

    index = admin_client.get("/admin/").content.decode()
    assert ">Import agenda packs</a>" in index
    assert ">Imports to review</a>" in index and ">Deliveries</a>" in index
    job = ImportJob.objects.create(
        upload="uploads/x/pack.pdf", file_name="pack.pdf", requested_by=admin_user,
        options={"council": "", "body": "", "date": None, "force": True, "dry_run": False,
                 "ocr": "auto"},
    )  # fmt: skip
    status = admin_client.get(f"/admin/meetings/importjob/{job.pk}/change/").content.decode()
    assert (
        "Council: from each document; Body: from each document; Date: from each document; "
        "OCR: Pages without usable text (scans, broken fonts); Import again: yes; Try only: no"
    ) in status


def test_a_reading_confirmed_leaves_the_list_and_its_body_is_known(
    misread_commission, admin_client
):
    from meetings.models import KnownName

    scan = Document.objects.get(file_name="minutes-scan.txt")
    assert scan.reading.needs_review
    url = f"/admin/meetings/document/{scan.pk}/review/"
    response = admin_client.post(url, {"step": "confirm"}, follow=True).content.decode()
    assert "The reading of minutes-scan.txt was confirmed." in response
    scan.reading.refresh_from_db()
    assert not scan.reading.needs_review and scan.reading.understood["review"] == []
    assert (
        "minutes-scan.txt"
        not in admin_client.get("/admin/meetings/documenttoreview/").content.decode()
    )
    assert KnownName.objects.get().name == "Linco1n Square Commission"
    assert Correction.objects.get().field == "confirmed"


def test_a_district_is_shown_with_the_line_that_names_it(import_file, tmp_path):
    agenda = tmp_path / "board-agenda.txt"
    agenda.write_text(
        "HILLSIDE UNION SCHOOL DISTRICT\n"
        "Board of Education\n"
        "Regular Meeting\n"
        "December 15, 2031\n"
        "1. Call to Order\n"
        "2. Approval of the Agenda\n"
    )
    import_file(agenda)
    document = Document.objects.get()
    council = next(f for f in document.reading.understood["fields"] if f["field"] == "council")
    assert (document.council.name, council["page"], council["text"]) == (
        "Hillside Union School District",
        1,
        "HILLSIDE UNION SCHOOL DISTRICT",
    )
