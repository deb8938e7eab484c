"""Transcripts, decision lists and ballot sheets written to PostgreSQL as any minutes are."""

import pytest

from meetings.models import Attendance, Decision, Minute
from tests.importer.test_ballots import TWO_BALLOTS
from tests.importer.test_decision_lists import ZONING_DECISIONS
from tests.importer.test_transcripts import CITY_TRANSCRIPT

pytestmark = pytest.mark.django_db


def imported(import_file, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return import_file(path)


def test_a_decision_list_in_the_database(import_file, tmp_path):
    result = imported(import_file, tmp_path, "zba.txt", ZONING_DECISIONS)
    assert result.recognised == (
        "minutes of Zoning Board of Appeals, 7 May 2031: 4 items, 3 decisions, 0 attendees"
    )
    rows = Minute.objects.order_by("position")
    assert [(m.number, m.printed_number, m.outcome) for m in rows] == [
        ("ZBA-31-010", "", "approved"),
        ("ZBA-31-011", "", "rejected"),
        ("ZBA-31-011 (2)", "ZBA-31-011", "approved"),
        ("ZBA-31-012", "", ""),
    ]
    assert Decision.objects.get(minute__number="ZBA-31-011").resolved == "Denied"


def test_a_transcript_in_the_database(import_file, tmp_path):
    imported(import_file, tmp_path, "council.txt", CITY_TRANSCRIPT)
    fees = Decision.objects.get(minute__number="2")
    assert (fees.outcome, fees.mover, fees.seconder, fees.votes_for, fees.votes_against) == (
        "carried",
        "Diaz",
        "Adams",
        3,
        1,
    )
    assert [(v.name, v.vote) for v in fees.votes.order_by("position")] == [
        ("Adams", "for"),
        ("Baker", "against"),
        ("Diaz", "for"),
        ("Chen", "for"),
    ]
    assert Attendance.objects.get(role="chair").person.name == "Chen"


def test_a_ballot_sheet_in_the_database(import_file, tmp_path):
    imported(import_file, tmp_path, "ballots.txt", TWO_BALLOTS)
    motion = Decision.objects.get(minute__number="2")
    assert (motion.outcome, motion.votes_for, motion.votes_against, motion.votes_abstained) == (
        "rejected",
        7,
        8,
        1,
    )
