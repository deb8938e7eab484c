"""The OParl 1.1 API: read-only, paged for harvesters, cheap to ask again (ETag, 304)."""

import datetime

from django.conf import settings
from django.db.models import Count, Max
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import get_current_timezone, is_naive, make_aware
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param
from rest_framework.views import APIView

from meetings.api import oparl
from meetings.caching import conditional
from meetings.models import Council

API_MAX_AGE = 300  # seconds a client or cache may reuse an answer without asking again
DATE_FILTERS = {
    "created_since": "created__gte",
    "created_until": "created__lte",
    "modified_since": "modified__gte",
    "modified_until": "modified__lte",
}
# A council's lists: /oparl/v1.1/body/<pk>/<list>, each of one kind, found by this lookup.
BODY_LISTS = {
    "organization": ("organization", "council"),
    "person": ("person", "council"),
    "membership": ("membership", "body__council"),
    "meeting": ("meeting", "body__council"),
    "agendaItem": ("agendaitem", "meeting__body__council"),
    "paper": ("paper", "meeting__body__council"),
    "consultation": ("consultation", "meeting__body__council"),
    "file": ("file", "council"),
}
LIST_PARAMETERS = [
    OpenApiParameter(name, OpenApiTypes.DATETIME, description=f"only objects {lookup}")
    for name, lookup in DATE_FILTERS.items()
] + [
    OpenApiParameter("limit", int, description="objects a page, at most 100 (a hint)"),
    OpenApiParameter("cursor", str, description="the page: follow links.next"),
]


class OParlPagination(CursorPagination):
    """Pages in primary-key order, so a crawl sees every object once even as rows arrive."""

    ordering = "pk"
    page_size = 100
    page_size_query_param = "limit"
    max_page_size = 100
    total = 0

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        self.base_url = settings.BASE_URL + request.get_full_path()
        return page

    def get_paginated_response(self, data):
        links = {"first": self.first_link()}
        if next_link := self.get_next_link():
            links["next"] = next_link
        if previous_link := self.get_previous_link():
            links["prev"] = previous_link
        return Response(
            {
                "data": data,
                "pagination": {"totalElements": self.total, "elementsPerPage": self.page_size},
                "links": links,
            }
        )

    def first_link(self) -> str:
        return remove_query_param(self.base_url, self.cursor_query_param)


class OParlView(APIView):
    authentication_classes = []
    permission_classes = []


class SystemView(OParlView):
    @extend_schema(
        summary="The OParl System object: where a harvester starts", responses=OpenApiTypes.OBJECT
    )
    def get(self, request):
        return Response(oparl.system())


class ObjectView(OParlView):
    kind = ""

    @extend_schema(summary="One OParl object, by its permanent id", responses=OpenApiTypes.OBJECT)
    def get(self, request, pk):
        found = oparl.rows(self.kind).filter(pk=pk)
        modified = found.values_list("modified", flat=True).first()
        if modified is None:
            raise NotFound(f"There is no {self.kind} {pk}.")

        def render():
            return Response(oparl.SERIALISERS[self.kind](found.get()))

        return conditional(
            request,
            render,
            version=modified.isoformat(),
            last_modified=modified,
            max_age=API_MAX_AGE,
        )


class ListView(OParlView):
    """A paged list of one kind of object, optionally only those changed in a time window."""

    kind = ""
    owner_lookup = ""  # how the kind's rows name their council ('body__council')
    owner_model = Council

    @extend_schema(
        summary="A paged list of OParl objects",
        parameters=LIST_PARAMETERS,
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request, pk=None):
        rows = oparl.rows(self.kind)
        if pk is not None:
            if not self.owner_model.objects.filter(pk=pk).exists():
                raise NotFound(f"There is no {self.owner_model._meta.model_name} {pk}.")
            rows = rows.filter(**{f"{self.owner_lookup}_id": pk})
        rows = rows.filter(**date_filters(request.query_params))
        summary = rows.order_by().aggregate(last=Max("modified"), count=Count("pk"))

        def render():
            paginator = OParlPagination()
            paginator.total = summary["count"]
            page = paginator.paginate_queryset(rows, request, view=self)
            return paginator.get_paginated_response(
                [oparl.SERIALISERS[self.kind](row) for row in page]
            )

        version = f"{summary['count']}:{summary['last'] and summary['last'].isoformat()}"
        return conditional(
            request, render, version=version, last_modified=summary["last"], max_age=API_MAX_AGE
        )


def date_filters(params) -> dict:
    """created_since and the like as ORM lookups; a value that is no date is a 400."""
    return {
        lookup: parse_moment(name, params[name])
        for name, lookup in DATE_FILTERS.items()
        if name in params
    }


def parse_moment(name: str, value: str) -> datetime.datetime:
    """'2026-03-24T14:00:00+01:00', or a date ('2026-03-24', its midnight); naive is local."""
    value = value.strip().replace(" ", "+")  # an unescaped '+' arrives as a space
    try:
        moment = parse_datetime(value)
        if moment is None and (day := parse_date(value)):
            moment = datetime.datetime.combine(day, datetime.time(0))
    except ValueError:
        moment = None
    if moment is None:
        raise ParseError(
            f"{name}: {value[:40]!r} is not a date and time such as 2026-03-24T14:00:00+00:00"
        )
    return make_aware(moment, get_current_timezone()) if is_naive(moment) else moment


class NotFoundView(OParlView):
    @extend_schema(exclude=True)
    def get(self, request, rest=""):
        raise NotFound("There is no OParl object or list at this address.")
