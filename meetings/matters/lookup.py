"""The matter a page's report, minute or agenda item belongs to."""

from django.db.models import Count

from meetings.models import Matter, MatterStep

STEP_FIELDS = {"Report": "report", "Minute": "minute", "AgendaItem": "agenda_item"}


def matter_of(*things) -> Matter | None:
    """The matter the first of these (a report, a minute, an agenda item) is a step of."""
    for thing in filter(None, things):
        steps = MatterStep.objects.filter(**{STEP_FIELDS[type(thing).__name__]: thing})
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
