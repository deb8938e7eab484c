"""Titles in the case a person writes them, acronyms kept as the document prints them."""

from meetings.ingest.casing import acronyms_in, readable

RUNNING_TEXT = [
    "Members asked how the SEND transport budget would be met within the MTFS this year.",
    "Works for HS2 near the A46 junction are expected to finish in the spring of 2031.",
    "HEADINGS IN CAPITALS ARE NOT RUNNING TEXT",
]


def test_acronyms_are_words_printed_in_capitals_inside_sentences():
    assert acronyms_in(RUNNING_TEXT) == {"SEND", "MTFS", "HS2", "A46"}


def test_shouted_titles_are_written_as_titles_keeping_acronyms():
    acronyms = acronyms_in(RUNNING_TEXT)
    assert readable("SCHOOL TERM DATES 2027 TO 2030", acronyms) == "School Term Dates 2027 to 2030"
    assert readable("SEND TRANSPORT AND THE MTFS", acronyms) == "SEND Transport and the MTFS"
    assert readable("HS2: LEICESTERSHIRE IMPACTS", acronyms) == "HS2: Leicestershire Impacts"
    assert readable("CO-OPERATION WITH THE COUNTY'S PARTNERS (PART II)", acronyms) == (
        "Co-Operation with the County's Partners (Part II)"
    )
    assert readable("ADJOURNMENT", acronyms) == "Adjournment"


def test_titles_already_in_mixed_case_are_left_as_printed():
    assert (
        readable("Review of the MTFS and the budget", set()) == "Review of the MTFS and the budget"
    )
    assert readable("MTFS", {"MTFS"}) == "MTFS"
