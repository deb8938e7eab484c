"""/api/matters/: the matters of the archive as JSON, each with its steps and why they were
linked, for harvesters (`modified_since`, pages in the order of their ids)."""

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ParseError
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from meetings.api.views import parse_moment
from meetings.matters.lookup import step_pages, steps_shown
from meetings.models import Matter, MatterStatus, MatterStep

PAGE_SIZE = 20
STEPS = steps_shown(MatterStep.objects.all())
PARAMETERS = [
    OpenApiParameter("council", str, description="a council's slug"),
    OpenApiParameter("status", str, description=", ".join(MatterStatus.values)),
    OpenApiParameter("modified_since", OpenApiTypes.DATETIME, description="changed since"),
    OpenApiParameter("after", int, description="the page: follow `next`"),
]


class MatterListView(APIView):
    authentication_classes = []
    permission_classes = []

    @extend_schema(
        operation_id="matters_list",
        summary="Matters",
        parameters=PARAMETERS,
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request):
        matters = Matter.objects.select_related("council").order_by("pk")
        if council := request.GET.get("council"):
            matters = matters.filter(council__slug=council)
        if status := request.GET.get("status"):
            if status not in MatterStatus.values:
                raise ParseError(f"status: one of {', '.join(MatterStatus.values)}")
            matters = matters.filter(status=status)
        if since := request.GET.get("modified_since"):
            matters = matters.filter(modified__gte=parse_moment("modified_since", since))
        after = request.GET.get("after", "0")
        if not (after.isdecimal() and len(after) < 13):
            raise ParseError("after: the id the last page ended at")
        page = list(
            matters.filter(pk__gt=int(after)).prefetch_related(Prefetch("steps", STEPS))[
                : PAGE_SIZE + 1
            ]
        )
        following = None
        if len(page) > PAGE_SIZE:
            page = page[:PAGE_SIZE]
            url = settings.BASE_URL + request.get_full_path()
            following = replace_query_param(url, "after", page[-1].pk)
        pages = step_pages([step for matter in page for step in matter.steps.all()])
        data = [matter_json(matter, pages) for matter in page]
        return Response({"data": data, "next": following})


class MatterView(APIView):
    authentication_classes = []
    permission_classes = []

    @extend_schema(
        operation_id="matter_retrieve",
        summary="A matter and its steps",
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request, pk):
        queryset = Matter.objects.select_related("council").prefetch_related(
            Prefetch("steps", STEPS)
        )
        matter = get_object_or_404(queryset, pk=pk)
        return Response(matter_json(matter, step_pages(list(matter.steps.all()))))


def matter_json(matter: Matter, pages: dict[int, str]) -> dict:
    """A matter and its steps; `pages`, its steps' pages of the pack (step_pages)."""
    steps = matter.steps.all()
    return {
        "id": settings.BASE_URL + reverse("api:matter", args=[matter.pk]),
        "web": settings.BASE_URL + matter.get_absolute_url(),
        "council": matter.council.slug,
        "title": matter.title,
        "reference": matter.reference,
        "status": matter.status,
        "first_date": matter.first_date.isoformat(),
        "last_date": matter.last_date.isoformat(),
        "created": matter.created.isoformat(),
        "modified": matter.modified.isoformat(),
        "steps": [step_json(step, pages.get(step.pk, "")) for step in steps],
    }


def step_json(step: MatterStep, page: str) -> dict:
    decision = step.decision
    return {
        "date": step.date.isoformat(),
        "body": step.meeting.body.name,
        "meeting": settings.BASE_URL + step.meeting.get_absolute_url(),
        "kind": step.kind,
        "title": step.title,
        "web": settings.BASE_URL + step.get_absolute_url(),
        "page": settings.BASE_URL + page if page else None,
        "outcome": decision.outcome if decision else None,
        "reason": step.reason,
        "evidence": step.evidence,
        "score": step.score,
        "minutes_confirmed": _confirmed(step),
    }


def _confirmed(step: MatterStep) -> str | None:
    """The date the minutes of a decision's meeting were confirmed."""
    confirming = step.meeting.minutes_confirmed_by_id and step.meeting.minutes_confirmed_by
    return confirming.meeting.date.isoformat() if step.kind == "decision" and confirming else None
