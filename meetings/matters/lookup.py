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
