"""Loading packs into PostgreSQL: counts, idempotence, order, dry runs, failures."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings.demo import DemoMeeting, write_pack
from meetings.management.commands.export_archive import export_archive
from meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    Document,
    Meeting,
    Minute,
    Page,
    Person,
    Report,
)
from tests.conftest import archive_snapshot

pytestmark = pytest.mark.django_db(transaction=True)

FIRST = DemoMeeting("Cabinet", datetime.date(2026, 4, 7), ["Flood Risk Management Strategy"], 31)
SECOND = DemoMeeting("Cabinet", datetime.date(2026, 5, 12), ["Library Opening Hours Review"], 40)


@pytest.fixture
def two_packs(tmp_path):
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    write_pack(FIRST, None, first)
    write_pack(SECOND, FIRST, second)
    return first, second


def run_import(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_packs", *map(str, args), stdout=out, stderr=err)
        code = 0
    except CommandError:
        code = 1
    return code, out.getvalue(), err.getvalue()


def test_seed_000_in_the_database(import_file, seed):
    import_file(seed("000"))
    meeting = Meeting.objects.get(body__slug="cabinet", date="2026-03-24")
    assert meeting.agenda_items.count() == 15
    assert meeting.agenda_items.filter(key_decision=True).count() == 6
    earlier = Meeting.objects.get(body__slug="cabinet", date="2026-02-03")
    decision = Decision.objects.get(minute__meeting=earlier, minute__number="88")
    assert decision.key_decision
    assert decision.citation == "Cabinet, 3 February 2026, minute 88"
    assert "2.99%" in decision.resolved
    assert Attendance.objects.get(meeting=earlier, role="chair").person.key == "mr-d-harrison"
    document = Document.objects.get()
    assert document.meeting == meeting and document.page_count == Page.objects.count()
    report = Report.objects.get(meeting=meeting, agenda_item__number="7")
    assert report.title == "Leicestershire School Term Dates Autumn 2027 to Summer 2032"
    assert Report.objects.get(meeting=meeting, agenda_item__number="14").restricted


def test_people_are_one_across_documents(import_file, seed):
    import_file(seed("001"))
    chair = Attendance.objects.get(meeting__date="2026-03-11", role="chair").person
    assert chair.memberships.get().role == "chair"  # 'Mrs. D. Taylor CC' on the front sheet


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_importing_twice_changes_nothing_at_all(import_file, seed, prefix):
    first = import_file(seed(prefix))
    before = archive_snapshot()
    assert before["rows"]["SearchWord"] and before["rows"]["Membership" if prefix == "000"
                                                          else "Attendance"]  # fmt: skip
    again = import_file(seed(prefix), force=True)
    assert archive_snapshot() == before
    assert first.counts["created"] > 0
    assert (again.counts["created"], again.counts["updated"], again.counts["removed"]) == (0, 0, 0)
    assert import_file(seed(prefix)).skipped
    assert archive_snapshot() == before


BAD_INPUTS = {
    "empty": b"",
    "not a PDF": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
    "truncated": b"%PDF-1.7\n1 0 obj <<",
    "garbage text": "\n".join(["zzz qqq"] * 50).encode(),
    "no meeting": b"Some notes about nothing in particular.\n" * 20,
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_is_refused_and_writes_nothing(import_file, seed, tmp_path, kind):
    import_file(seed("004"))
    before = archive_snapshot()
    bad = tmp_path / f"bad-{kind.replace(' ', '-')}.pdf"
    bad.write_bytes(BAD_INPUTS[kind])
    code, _, err = run_import(bad)
    assert code == 1
    assert err.startswith(f"error: {bad}: ") and err.count("\n") == 1
    assert archive_snapshot() == before


def test_import_order_does_not_matter(import_file, two_packs):
    first, second = two_packs
    import_file(first)
    import_file(second)
    in_order = export_archive()
    Document.objects.all().delete()
    Meeting.objects.all().delete()
    import_file(second)
    import_file(first)
    assert export_archive() == in_order


def test_minutes_link_to_the_agenda_item_of_the_earlier_pack(import_file, two_packs):
    first, second = two_packs
    import_file(second)
    import_file(first)
    minute = Minute.objects.get(meeting__date=FIRST.date, number="34")
    assert minute.agenda_item == AgendaItem.objects.get(meeting__date=FIRST.date, number="5")
    assert minute.agenda_item.reports.get().title == "Flood Risk Management Strategy"


def test_reimport_removes_rows_that_vanished(import_file, tmp_path):
    path = tmp_path / "pack.pdf"
    write_pack(
        DemoMeeting(
            "Cabinet", SECOND.date, ["Youth Services Review", "Carers Support Strategy"], 1
        ),
        None,
        path,
    )
    import_file(path)
    assert Report.objects.count() == 2
    write_pack(DemoMeeting("Cabinet", SECOND.date, ["Youth Services Review"], 1), None, path)
    result = import_file(path)
    assert Report.objects.count() == 1
    assert result.counts["removed"] >= 1


def test_dry_run_writes_nothing(seed):
    code, out, _ = run_import(seed("000"), "--dry-run")
    assert code == 0
    assert "Cabinet, 24 March 2026" in out and "dry run: nothing was saved" in out
    assert Meeting.objects.count() == 0 and Document.objects.count() == 0


def test_bad_packs_fail_alone(tmp_path, two_packs):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n%%EOF")
    code, out, err = run_import(two_packs[0], broken)
    assert code == 1
    assert f"error: {broken}: the PDF is damaged or truncated" in err
    assert Meeting.objects.filter(date=FIRST.date).exists()
    assert Document.objects.count() == 1


def test_parallel_jobs_import_everything(two_packs):
    code, out, _ = run_import(*two_packs, "--jobs", "2")
    assert code == 0, out
    assert Meeting.objects.count() == 2 and Document.objects.count() == 2
    assert "2 imported (0 unchanged), 0 failed" in out


def test_unknown_path_is_a_clear_error():
    code, _, _ = run_import("/no/such/pack.pdf")
    assert code == 1


def test_export_shape(import_file, seed, tmp_path):
    import_file(seed("000"))
    output = tmp_path / "archive.json"
    call_command("export_archive", "--output", str(output))
    data = json.loads(output.read_text())
    assert [body["slug"] for body in data["bodies"]] == ["cabinet"]
    meeting = next(m for m in data["meetings"] if m["date"] == "2026-03-24")
    assert meeting["start_time"] == "14:00"
    assert meeting["agenda_items"][6]["pages"] == [121, 140]
    earlier = next(m for m in data["meetings"] if m["date"] == "2026-02-03")
    minute = next(m for m in earlier["minutes"] if m["number"] == "88")
    assert minute["key_decision"] is True and "2.99%" in minute["resolved"]
    assert {"name": "Mr. D. Harrison CC", "role": "chair", "note": ""} in earlier["attendance"]
    assert data["documents"][0]["pages"] == Document.objects.get().page_count


def test_two_imports_of_the_same_pack_at_once_make_one_copy(seed):
    import threading

    from django.db import connection

    from meetings.ingest.read import read_source
    from meetings.loader import load_source

    source = read_source(seed("003"))
    barrier = threading.Barrier(2)
    results = []

    def run():
        barrier.wait()
        try:
            results.append(load_source(source))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(result.skipped for result in results) == [False, True]
    assert Document.objects.count() == 1
    assert Report.objects.count() == 4


def test_a_pack_the_database_refuses_is_reported_not_raised(tmp_path, two_packs):
    refused = tmp_path / "refused.txt"
    body = "Committee " + "of the Whole " * 30  # longer than a body's name may be
    refused.write_text(f"Meeting: {body}\n\nDate/Time: Tuesday, 24 March 2026 at 2.00 pm\n")
    code, _, err = run_import(refused, two_packs[0])
    assert code == 1
    assert f"error: {refused}: could not be saved, nothing of it was written (value too long" in err
    assert Document.objects.count() == 1  # the other pack


def test_two_seeds_in_either_order_give_the_same_archive(import_file, seed):
    """001 prints "Mrs. D. Taylor CC" on its front sheet and "Mrs D. Taylor CC" in its minutes."""
    import_file(seed("001"))
    import_file(seed("000"))
    one_way = export_archive()
    Document.objects.all().delete()
    Meeting.objects.all().delete()
    Person.objects.all().delete()
    import_file(seed("000"))
    import_file(seed("001"))
    assert export_archive() == one_way
    assert Person.objects.get(key="mrs-d-taylor").name == "Mrs. D. Taylor CC"


def test_minutes_printed_twice_come_from_the_meetings_own_document_in_either_order(
    import_file, tmp_path
):
    """A pack prints the draft minutes of the last meeting; that meeting's own minutes differ."""
    from tests.importer.test_proceedings import CITY_MINUTES, HAND_MADE_AGENDA

    pack = tmp_path / "pack.txt"
    pack.write_text(HAND_MADE_AGENDA + "\f" + CITY_MINUTES.replace("Budget Calendar", "Calendar"))
    own = tmp_path / "minutes.txt"
    own.write_text(CITY_MINUTES)
    import_file(pack)
    import_file(own)
    one_way = export_archive()
    Document.objects.all().delete()
    Meeting.objects.all().delete()
    Person.objects.all().delete()
    import_file(own)
    import_file(pack)
    assert export_archive() == one_way
    minutes = next(m for m in one_way["meetings"] if m["date"] == "2031-06-02")["minutes"]
    assert minutes[-1]["title"] == "Adoption of the Budget Calendar"
