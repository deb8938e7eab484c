"""A matter's page (its timeline across meetings and bodies) and a council's matters."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from meetings.matters.lookup import page_url, step_pages, steps_shown
from meetings.models import Council, Matter, MatterStatus, MatterStep, Minute
from meetings.views.browse import paginate

SHOWN_EVIDENCE = 300  # characters of a linking sentence shown


@dataclass
class TimelineEntry:
    """One line of a matter's timeline: a step, or the confirmation of a decision's minutes."""

    date: datetime.date
    kind: str
    title: str
    url: str
    page_url: str  # the exact page of the pack, when known
    body: object
    meeting: object
    why: str
    step: MatterStep | None = None


def matter_detail(request, council, pk):
    matter = get_object_or_404(
        Matter.objects.select_related("council"), pk=pk, council__slug=council
    )
    timeline = timeline_of(list(steps_shown(matter.steps.all())))
    context = {"matter": matter, "timeline": timeline, "council": matter.council}
    return render(request, "meetings/matter_detail.html", context)


def timeline_of(steps: list[MatterStep]) -> list[TimelineEntry]:
    pages = step_pages(steps)
    entries = [_entry(step, pages.get(step.pk, "")) for step in steps]
    confirmed = {}
    for step in steps:
        confirming = step.meeting.minutes_confirmed_by
        if step.kind == "decision" and confirming and step.meeting_id not in confirmed:
            confirmed[step.meeting_id] = _confirmation(step, confirming)
    entries += confirmed.values()
    return sorted(entries, key=lambda entry: entry.date)


def _entry(step: MatterStep, page: str) -> TimelineEntry:
    return TimelineEntry(
        date=step.date,
        kind=step.get_kind_display(),
        title=step.thing.title,
        url=step.get_absolute_url(),
        page_url=page,
        body=step.meeting.body,
        meeting=step.meeting,
        why=_why(step),
        step=step,
    )


def _why(step: MatterStep) -> str:
    """Why the step is in the matter (linking never quotes a report that is not public)."""
    if step.reason == MatterStep.Reason.FIRST:
        return ""
    label = step.get_reason_display()
    evidence = step.evidence[:SHOWN_EVIDENCE]
    return f"{label}: {evidence}" if evidence else label


def _confirmation(step: MatterStep, confirming: Minute) -> TimelineEntry:
    meeting = confirming.meeting
    return TimelineEntry(
        date=meeting.date,
        kind="Minutes confirmed",
        title=f"The minutes of {step.meeting} were confirmed",
        url=confirming.get_absolute_url(),
        page_url=page_url(confirming.document.sha256, confirming.page) if confirming.page else "",
        body=meeting.body,
        meeting=meeting,
        why=f"Minute {confirming.number} of {meeting}",
    )


def matter_list(request, council):
    """A council's matters that went to more than one meeting, latest first."""
    council = get_object_or_404(Council, slug=council)
    status = request.GET.get("status", "")
    matters = (
        Matter.objects.filter(council=council)
        .annotate(meeting_count=Count("steps__meeting", distinct=True))
        .filter(meeting_count__gt=1)
        .order_by("-last_date", "-pk")
    )
    if status in MatterStatus.values:
        matters = matters.filter(status=status)
    context = {
        "council": council,
        "page": paginate(request, matters),
        "statuses": MatterStatus.choices,
        "status": status,
    }
    return render(request, "meetings/matter_list.html", context)
