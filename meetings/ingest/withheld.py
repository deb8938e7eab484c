"""Which pages of a pack are withheld from the public: the one rule, from its records. No
Django here.

A page is withheld when it is
- a page of a restricted or exempt report;
- a page of an item the agenda marks exempt ("(Exempt under Paragraph 3) (Pages 8 - 9)");
- behind a "Document is Restricted" notice, up to the next public document of another
  item. An unredacted internal pack prints the confidential pages behind the notice, and
  they may start with headings of their own (exempt minutes, an appendix): a heading alone
  does not end the run, only a public report or minutes known to be another item's.
"""

from meetings.ingest.records import PackRecord


def withheld_pages(pack: PackRecord) -> set[int]:
    """The numbers (from 1) of the pack's withheld pages."""
    item_at = _AgendaPages(pack)
    withheld = set(item_at.exempt_pages)
    for report in pack.reports:
        if report.restricted or report.exempt:
            withheld |= set(range(report.first_page, report.last_page + 1))
    starts = _public_documents(pack, item_at)
    for notice in (report for report in pack.reports if report.restricted):
        item = item_at(notice.first_page) or notice.agenda_item_number
        end = next(
            (first - 1 for first, other in starts
             if first > notice.first_page and other and other != item),
            len(pack.pages),
        )  # fmt: skip
        withheld |= set(range(notice.first_page, max(end, notice.last_page) + 1))
    return withheld


def wholly_withheld(first_page: int | None, last_page: int | None, withheld: set[int]) -> bool:
    """Whether every page of a report (or anything else printed on these pages) is withheld."""
    return first_page is not None and set(range(first_page, last_page + 1)) <= withheld


class _AgendaPages:
    """The agenda's '(Pages a - b)' of each item, as pages of this file."""

    def __init__(self, pack: PackRecord):
        by_printed: dict[str, list[int]] = {}
        for page, printed in enumerate(pack.printed_pages, start=1):
            if printed:
                by_printed.setdefault(printed, []).append(page)
        self.items: dict[int, str] = {}
        self.exempt_pages: set[int] = set()
        for item in pack.meeting.agenda_items if pack.meeting else []:
            if item.first_page is None:
                continue
            printed = range(item.first_page, (item.last_page or item.first_page) + 1)
            pages = {page for number in printed for page in by_printed.get(str(number), [])}
            for page in pages:
                self.items.setdefault(page, item.number)
            if item.exempt:
                self.exempt_pages |= pages

    def __call__(self, page: int) -> str:
        return self.items.get(page, "")


def _public_documents(pack: PackRecord, item_at: _AgendaPages) -> list[tuple[int, str]]:
    """(first page, agenda item or '') of each public report and minutes, in page order."""
    starts = [
        (report.first_page, item_at(report.first_page) or report.agenda_item_number)
        for report in pack.reports
        if not (report.restricted or report.exempt)
    ]
    starts += [(minutes.first_page, item_at(minutes.first_page)) for minutes in pack.minutes]
    return sorted(starts)
