"""Words a scan's OCR printed together are split into the words the document prints."""

from meetings.ingest.glued import unglue

SCANNED_HEADING = "MINUTES\nSPECIAL PUBLIC MEETING OF THEBOARD OFEDUCATION\nJune 30, 2031\n"
REST = (
    "The Board of Education met in the auditorium. Members of the Board were present.\n"
    "The minutes of the Board of Education were approved. The Board adjourned at 6:40 p.m.\n"
    "NOTWITHSTANDING the above, the clerk did not vote with the members standing. Not with\n"
    "the members standing. Re: the fee schedule. Re: the rates. The clerk opened the session\n"
    "and opened the file. Where the report was read, the clerk acted upon it; where it was\n"
    "not, the members relied upon the minutes.\n"
) + "The members of the Board of Education heard the report of the clerk on the rates.\n" * 20


def test_a_glued_heading_is_split_into_words_the_document_prints():
    texts = unglue([SCANNED_HEADING, REST], pages=[0])
    assert texts[0].splitlines()[1] == "SPECIAL PUBLIC MEETING OF THE BOARD OF EDUCATION"
    assert texts[1] == REST


def test_a_page_with_a_text_layer_is_left_as_printed():
    assert unglue([SCANNED_HEADING, REST], pages=[1])[0] == SCANNED_HEADING


def test_words_printed_as_they_are_elsewhere_or_of_rare_short_parts_are_kept():
    # "NOTWITHSTANDING" is printed again; "REOPENED" would need "re", not a common word here;
    # "where" and "upon" are printed, but never side by side.
    page = "NOTWITHSTANDING THE MOTION, WHEREUPON THE BOARD REOPENED THE SESSION\n"
    assert unglue([page, REST], pages=[0])[0] == page
