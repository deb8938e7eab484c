"""Which numbering a document's items follow, and their numbers as printed."""

import pytest

from meetings.ingest.lines import page_lines
from meetings.ingest.numbering import numbered_items

LINES = ["{} Apologies for absence", "Mr Smith sent his apologies.", "{} Minutes", "{} Planning"]


@pytest.mark.parametrize(
    "printed, number", [("{}.", "{}"), ("({})", "{}"), ("{}.0", "{}.0")], ids=["4.", "(4)", "4.0"]
)
def test_plain_numbers_with_a_full_stop_brackets_or_a_nought(printed, number):
    counts = iter([1, 2, 3])
    text = "\n".join(
        line.format(printed.format(next(counts))) if "{}" in line else line for line in LINES
    )
    _, items = numbered_items(page_lines([text]), agenda=True)
    assert [(item.number, item.rest) for item in items] == [
        (number.format(1), "Apologies for absence"),
        (number.format(2), "Minutes"),
        (number.format(3), "Planning"),
    ]


def test_roman_numerals_with_lettered_items_under_them():
    agenda = (
        "I. CALL TO ORDER\nII. ROLL CALL\nIII. NEW BUSINESS\nA. Resolution approving a contract\n"
    )
    agenda += (
        "B. Ordinance amending parking rules\nIV. PUBLIC COMMENT\nIX. Misread\nV. ADJOURNMENT\n"
    )
    _, items = numbered_items(page_lines([agenda]), agenda=True)
    assert [(item.number, item.rest) for item in items] == [
        ("I", "CALL TO ORDER"),
        ("II", "ROLL CALL"),
        ("III", "NEW BUSINESS"),
        ("IV", "PUBLIC COMMENT"),
        ("V", "ADJOURNMENT"),
    ]


def test_a_list_of_file_numbers_in_a_minute_is_not_its_items():
    minutes = (
        "I. OPEN SESSION\nThe President called the meeting to order.\n"
        "II. CLOSED SESSION\nThe Board reassigned the following employees:\n"
        "HR-02-63, HR-02-64,\n02-64, HR-02-65, HR-\n02-66, HR-02-67, HR-\n02-68, HR-02-69.\n"
        "III. ADJOURNMENT\n"
    )
    scheme, items = numbered_items(page_lines([minutes]))
    assert (scheme, [item.number for item in items]) == ("roman", ["I", "II", "III"])


@pytest.mark.parametrize(
    "rest", ["D. Yemm, S. Kirkey:", "COVID-19 Relief Grant", "PW-2024-12 Roads report"]
)
def test_a_resolution_whose_title_starts_with_a_code_is_still_one(rest):
    minutes = f"R2031-170 {rest}\nThat the grant be accepted. Carried.\n"
    minutes += "R2031-171 D. Stone, B. Hart:\nThat the meeting be adjourned. Carried.\n"
    scheme, items = numbered_items(page_lines([minutes]))
    assert (scheme, [item.number for item in items]) == ("resolution", ["R2031-170", "R2031-171"])
