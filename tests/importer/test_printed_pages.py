"""Page numbers as printed on the paper, which citations use; pages in the file for links."""

from meetings.ingest.lines import printed_page_numbers
from meetings.ingest.pack import parse_pack, printed_pages
from meetings.ingest.read import read_source


def test_numbers_in_footers_headers_and_bare_lines():
    pages = [
        "Report text\n- 12 -",
        "More text\nPage 13 of 40",
        "14\nA page numbered at the top",
        "The budget for the year\n2031",
    ]
    assert printed_page_numbers(pages) == {1: 12, 2: 13, 3: 14}


def test_an_agenda_item_footer_is_proof_on_its_own():
    assert printed_page_numbers(["Cover", "Report\n35 Agenda Item 5", "Annex"]) == {2: 35}


def test_a_pdf_counts_on_from_a_known_number_a_text_extraction_does_not():
    front = "Meeting: Cabinet\nDate/Time: Tuesday, 3 March 2031 at 2.00 pm\nAGENDA\n"
    front += "4.\tRoad Safety Plan (Pages 11 - 13)\n"
    report = "CABINET – 3 MARCH 2031\nROAD SAFETY PLAN\nREPORT OF THE DIRECTOR OF HIGHWAYS\n"
    pages = [front, report, "The plan, continued.", "Appendix A"]
    pack = parse_pack(pages)
    assert pack.reports[0].agenda_item_number == "4"
    assert printed_pages(pack, count_on=True) == ["10", "11", "12", "13"]
    assert printed_pages(pack, count_on=False) == ["", "11", "", ""]


def test_a_generated_pack_keeps_its_printed_numbers(cabinet_pack):
    assert read_source(cabinet_pack).pack.printed_pages == ["1", "2", "3"]
