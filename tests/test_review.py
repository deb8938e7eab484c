"""Admins' review of imports: what was understood, documents kept without a meeting,
corrections that last, merges and a council's known names."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings.models import Document
from meetings.search import Filters, search

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
    undated_note, capsys
):
    with pytest.raises(CommandError, match="0 of 1 files failed and 1 need a meeting"):
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
    assert document.needs_review
    assert document.reading["review"] == ["needs a meeting: no date found"]
    hit = search("soakaway", Filters()).hits[0]
    assert hit.url == f"/documents/{document.sha256}/page/1/"

