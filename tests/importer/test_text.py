import datetime

from meetings.ingest.pages import text_pages
from meetings.ingest.text import clean, find_any_date, find_date, find_time, person_key, reflow


def test_clean_removes_markup_and_odd_spaces():
    assert clean("**CABINET –\u00a024 MARCH\u202f2026**  ") == "CABINET – 24 MARCH 2026"
    assert clean("<u>Item</u>\t<i>note</i>") == "Item note"


def test_dates_in_the_forms_packs_use():
    assert find_date("Tuesday, 24 March 2026 at 2.00 pm") == datetime.date(2026, 3, 24)
    assert find_date("CABINET – 24TH MARCH 2026") == datetime.date(2026, 3, 24)
    assert find_date("BOARD OF ESTIMATES March 17, 2010") == datetime.date(2010, 3, 17)
    assert find_date("31 February 2026") is None


def test_dates_with_a_month_cut_short():
    assert find_date("Date: Tue 24 Mar 2026") == datetime.date(2026, 3, 24)
    assert find_date("MEETING OF SEPT. 3, 2024") == datetime.date(2024, 9, 3)
    assert find_date("Adopted 1st Dec 2025") == datetime.date(2025, 12, 1)
    assert find_date("Jun 30, 2021 6:00 PM") == datetime.date(2021, 6, 30)
    assert find_date("Mayor Jan 12 said") is None  # a name, and no year


def test_dates_with_of_between_the_day_and_the_month():
    assert find_date("Monday the 3rd of March, 2031") == datetime.date(2031, 3, 3)


def test_times_with_dots_and_spaces():
    assert find_time("at 2.00 pm") == datetime.time(14, 0)
    assert find_time("at 10.00 am") == datetime.time(10, 0)
    assert find_time("@ 7.30pm") == datetime.time(19, 30)
    assert find_time("12.15 pm") == datetime.time(12, 15)


def test_times_on_the_24_hour_clock():
    assert find_time("Tuesday, 24 March 2026 at 14:00") == datetime.time(14, 0)
    assert find_time("Time: 09:30") == datetime.time(9, 30)
    assert find_time("commencing at 19.30 hrs.") == datetime.time(19, 30)
    assert find_time("Date: 24.03.2026") is None  # a date, not a time
    assert find_time("see paragraph 10.15") is None  # a morning hour needs a colon
    assert find_time("at 7.30 pm, not 19:00") == datetime.time(19, 30)  # am or pm first


def test_person_key_ignores_dots_and_post_nominals():
    assert (
        person_key("Mrs.", "D. ", "Taylor") == person_key("Mrs", "D ", "Taylor") == "mrs-d-taylor"
    )


def test_reflow_joins_blank_lines_inside_sentences_but_not_after_them():
    lines = [
        "a) That the draft be agreed for",
        "",
        "consultation;",
        "",
        "b) That a report",
        "follow.",
    ]
    assert (
        reflow(lines) == "a) That the draft be agreed for consultation;\n\nb) That a report follow."
    )


def test_reflow_joins_hyphenated_line_ends():
    assert reflow(["over the long-", "term."]) == "over the long-term."


def test_text_pages_break_on_form_feeds_or_blank_runs_and_blank_notices():
    assert text_pages("one\fthree") == ["one", "three"]
    pages = text_pages("first\n\n\n\nsecond\nThis page is intentionally left blank\nthird")
    assert pages == ["first", "second", "This page is intentionally left blank", "third"]


def test_dates_in_numbers_day_first_unless_the_weekday_says_month_first():
    assert find_any_date("Date of decision: 19/05/2031") == datetime.date(2031, 5, 19)
    assert find_any_date("Meeting date: 2021-05-11") == datetime.date(2021, 5, 11)
    assert find_any_date("Date: 3/4/30") == datetime.date(2030, 4, 3)
    assert find_any_date("Tuesday, 05/11/2021") == datetime.date(2021, 5, 11)
    assert find_any_date("Friday, 05/11/2021") == datetime.date(2021, 11, 5)
    assert find_any_date("Printed 13/13/2021") is None


def test_dates_that_ocr_gave_a_raised_ordinal():
    assert find_date('Tuesday 29" April 2014') == datetime.date(2014, 4, 29)
    assert find_date("on 18t March 2014") == datetime.date(2014, 3, 18)


def test_a_first_letter_split_from_its_word_by_a_space_glyph_is_joined():
    from meetings.ingest.lines import page_lines

    texts = [line.text for line in page_lines(["M inutes of the meeting\nA list\nP resent: all"])]
    assert texts == ["Minutes of the meeting", "A list", "Present: all"]


def test_a_votes_record_and_its_outcome_stand_apart_from_the_text_around_them():
    lines = [
        "That Report 31-41 be received.",
        "VOTING IN FAVOUR: Mayor Hart, Councillors Bell,",
        "Dent and Piper (4)",
        "CARRIED",
        "The Mayor read the statement",
        "into the record.",
    ]
    assert reflow(lines).split("\n\n") == [
        "That Report 31-41 be received.",
        "VOTING IN FAVOUR: Mayor Hart, Councillors Bell, Dent and Piper (4)",
        "CARRIED",
        "The Mayor read the statement into the record.",
    ]


def test_french_times():
    assert find_time("Le douze juillet, à 20 heures, les membres") == datetime.time(20, 0)
    assert find_time("MARDI 14 DECEMBRE 2031 A 18 HEURES 30") == datetime.time(18, 30)
    assert find_time("la séance à 18h30") == datetime.time(18, 30)
    assert find_time("après 3 h de débat") is None


def test_a_two_page_documents_footer_counting_its_pages_is_furniture():
    from meetings.ingest.lines import page_lines

    pages = [
        "Minutes\nItem one\nMotion carried 5-0.\nHarlan County   Page 1   Printed on 10/9/2031",
        "Item two\nMotion carried 6-0.\nHarlan County   Page 2   Printed on 10/9/2031",
    ]
    texts = [line.text for line in page_lines(pages) if line.text]
    # the footer goes; a line printed at the foot of both pages that does not count them stays
    assert texts == [
        "Minutes",
        "Item one",
        "Motion carried 5-0.",
        "Item two",
        "Motion carried 6-0.",
    ]
