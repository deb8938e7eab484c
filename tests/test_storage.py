"""Stored files are never lost: written whole before commit, verified, repaired."""

import hashlib

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from meetings.management.commands.import_packs import import_one
from meetings.models import Document
from meetings.storage import media_path

pytestmark = pytest.mark.django_db
OPTIONS = {"body": "", "date": None, "force": False, "dry_run": False}


def stored(document: Document):
    return media_path(document.file.name)


def test_a_committed_document_has_its_whole_file(import_file, cabinet_pack):
    import_file(cabinet_pack)
    document = Document.objects.get()
    assert hashlib.sha256(stored(document).read_bytes()).hexdigest() == document.sha256
    assert not list(stored(document).parent.glob(".*"))  # no temporary file left behind


def test_dry_run_stores_no_file(import_file, cabinet_pack):
    before = set(media_path("").rglob("*"))
    import_file(cabinet_pack, dry_run=True)
    assert not Document.objects.exists()
    assert set(media_path("").rglob("*")) == before


def test_reimport_restores_a_missing_file(import_file, cabinet_pack):
    import_file(cabinet_pack)
    document = Document.objects.get()
    stored(document).unlink()
    result = import_file(cabinet_pack)
    assert result.skipped and result.repaired
    assert "stored file was restored" in result.summary()
    assert stored(document).read_bytes() == cabinet_pack.read_bytes()


def test_forced_reimport_repairs_a_damaged_file(import_file, cabinet_pack):
    import_file(cabinet_pack)
    document = Document.objects.get()
    data = cabinet_pack.read_bytes()
    stored(document).write_bytes(data[:-10] + b"0123456789")  # same size, other bytes
    assert import_file(cabinet_pack).repaired is False  # a plain re-import checks the size only
    assert import_file(cabinet_pack, force=True).repaired
    assert stored(document).read_bytes() == data


def test_check_archive_reports_and_repairs(import_file, cabinet_pack, capsys):
    import_file(cabinet_pack)
    document = Document.objects.get()
    call_command("check_archive")
    assert "1 documents checked: 1 sound, 0 repaired, 0 with problems" in capsys.readouterr().out
    stored(document).write_bytes(cabinet_pack.read_bytes()[:1000])
    with pytest.raises(CommandError, match="1 documents have missing or damaged files"):
        call_command("check_archive")
    assert "does not match its SHA-256" in capsys.readouterr().err
    call_command("check_archive", source=[str(cabinet_pack.parent)])
    assert "1 repaired, 0 with problems" in capsys.readouterr().out
    assert stored(document).read_bytes() == cabinet_pack.read_bytes()


@override_settings(IMPORT_MAX_PAGES=2)
def test_a_file_over_the_page_limit_is_refused_before_reading(cabinet_pack):
    result, error = import_one(cabinet_pack, OPTIONS)
    assert result is None
    assert error.endswith("it has 3 pages; the limit is 2 pages a file")
    assert not Document.objects.exists()


def test_a_page_tree_claiming_a_million_pages_is_refused(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(page_tree_bomb(1_000_000))
    result, error = import_one(path, OPTIONS)
    assert error.endswith("it has 1,000,000 pages; the limit is 2,000 pages a file")


@override_settings(IMPORT_MAX_FILE_MB=1)
def test_a_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (2 * 1024 * 1024))
    result, error = import_one(path, OPTIONS)
    assert error.endswith("it is 2.0 MB; the limit is 1 MB a file")


def page_tree_bomb(count: int) -> bytes:
    """A tiny PDF whose page tree says it holds `count` pages."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [3 0 R 3 0 R] >>" % count,
        b"<< /Type /Page /MediaBox [0 0 612 792] >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def public_pages(document: Document) -> list[str]:
    """Each page's text in the document's public copy, as the download serves it."""
    from meetings.storage import page_texts

    return page_texts(media_path(document.public_file.name), document.format)


@pytest.mark.parametrize("damage", ["the original", "100 bytes"])
def test_check_archive_remakes_a_public_copy_that_publishes_withheld_pages(
    import_file, tmp_path, capsys, damage
):
    import datetime

    from meetings.demo import DemoMeeting, write_pack
    from meetings.storage import WITHHELD_NOTICE

    pack = tmp_path / "internal.pdf"
    meeting = DemoMeeting("Cabinet", datetime.date(2026, 5, 12), ["Youth Services Review"], 1,
                          exempt_topic="Depot Sale", unredacted=True)  # fmt: skip
    write_pack(meeting, None, pack)
    import_file(pack)
    document = Document.objects.get()
    withheld = list(document.pages.filter(restricted=True).values_list("number", flat=True))
    public = media_path(document.public_file.name)
    public.write_bytes(pack.read_bytes() if damage == "the original" else public.read_bytes()[:100])
    call_command("check_archive")
    out = capsys.readouterr().out
    reason = (
        f"it published withheld page {withheld[0]}"
        if damage == "the original"
        else "it cannot be read"
    )
    assert f"internal.pdf: public copy made again ({reason})" in out
    assert "1 documents checked: 0 sound, 1 repaired, 0 with problems" in out
    texts = public_pages(document)
    assert len(texts) == document.page_count
    for number in withheld:
        assert WITHHELD_NOTICE[:40] in " ".join(texts[number - 1].split())
    call_command("check_archive")
    assert "1 sound, 0 repaired" in capsys.readouterr().out


def test_check_archive_makes_the_public_copy_a_document_with_withheld_pages_lacks(
    import_file, cabinet_pack, capsys
):
    from meetings.storage import WITHHELD_NOTICE

    import_file(cabinet_pack)
    document = Document.objects.get()
    document.pages.filter(number=2).update(restricted=True)  # withheld, by hand in the database
    call_command("check_archive")
    assert "public copy made again (there is none)" in capsys.readouterr().out
    document.refresh_from_db()
    assert WITHHELD_NOTICE[:40] in " ".join(public_pages(document)[1].split())
