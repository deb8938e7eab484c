"""The matter a page's report, minute or agenda item belongs to."""

from django.db.models import Count
from django.urls import reverse

from meetings.ingest.text import fold
from meetings.models import Matter, MatterStep, Page

# What showing a step reads: its thing and that thing's address, its page, the confirmation.
STEP_RELATIONS = (
    "meeting__body__council",
    "meeting__minutes_confirmed_by__meeting__body__council",
    "meeting__minutes_confirmed_by__document",
    "agenda_item__meeting__body__council",
    "report__document",
    "report__meeting__body__council",
    "minute__decision",
    "minute__document",
    "minute__meeting__body__council",
)


def steps_shown(queryset):
    """Steps with what showing them reads, in timeline order: a few statements, not one each."""
    return queryset.select_related(*STEP_RELATIONS).order_by("date", "meeting_id", "pk")


def matter_of(*things) -> Matter | None:
    """The matter the first of these (a report, a minute, an agenda item) is a step of."""
    for thing in filter(None, things):
        steps = MatterStep.objects.filter(**{MatterStep.field_of(thing): thing})
        matter = (
            Matter.objects.filter(pk__in=steps.values("matter_id"))
            .select_related("council")
            .annotate(step_count=Count("steps"))
            .first()
        )
        if matter:
            return matter
    return None


def link_item_matters(items) -> None:
    """Give each agenda item `.matter` when its matter went to other meetings too, with the
    number of its meetings: two statements for a whole agenda."""
    steps = MatterStep.objects.filter(agenda_item__in=items).select_related("matter__council")
    matters = {step.agenda_item_id: step.matter for step in steps}
    meetings = dict(
        MatterStep.objects.filter(matter__in=[matter.pk for matter in matters.values()])
        .values("matter")
        .annotate(meetings=Count("meeting", distinct=True))
        .values_list("matter", "meetings")
    )
    for item in items:
        matter = matters.get(item.pk)
        if matter and meetings.get(matter.pk, 0) > 1:
            matter.meeting_count = meetings[matter.pk]
            item.matter = matter


AGENDA_PAGES = 6  # an agenda lists its items in its pack's first pages


def step_pages(steps: list[MatterStep]) -> dict[int, str]:
    """The address of the page of the pack each step is on: a report's first page, a
    minute's page, the agenda page that lists an item (one statement for the items)."""
    items = [
        step.agenda_item for step in steps if step.agenda_item and step.agenda_item.document_id
    ]
    agenda_pages = (
        Page.objects.filter(
            document__in={item.document_id for item in items}, number__lte=AGENDA_PAGES
        )
        .order_by("document", "number")
        .values_list("document_id", "document__sha256", "number", "text")
    )
    pages = {}
    for step in steps:
        if step.report and step.report.first_page:
            pages[step.pk] = page_url(step.report.document.sha256, step.report.first_page)
        elif step.minute and step.minute.page:
            pages[step.pk] = page_url(step.minute.document.sha256, step.minute.page)
        elif step.agenda_item in items:
            listed = fold(step.agenda_item.title)[:60]
            pages[step.pk] = next(
                (page_url(sha, number) for document, sha, number, text in agenda_pages
                 if document == step.agenda_item.document_id and listed in fold(text)),
                "",
            )  # fmt: skip
    return pages


def page_url(sha256: str, number: int) -> str:
    return reverse("meetings:page_detail", args=[sha256, number])
