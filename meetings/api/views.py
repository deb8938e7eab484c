"""The OParl 1.1 API: read-only, paged for harvesters, cheap to ask again (ETag, 304)."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import get_current_timezone, is_naive, make_aware
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

from meetings import naming
from meetings.api import oparl
from meetings.caching import conditional
from meetings.models import Council, DeletedObject, Minute

API_MAX_AGE = 300  # seconds a client or cache may reuse an answer without asking again
PAGE_SIZE = 20  # objects a page unless `limit` asks otherwise: a meeting embeds ~10 items
MAX_PAGE_SIZE = 100
# Each time filter, as a lookup on live rows and on the records of deleted ones.
DATE_FILTERS = {
    "created_since": ("created__gte", "created__gte"),
    "created_until": ("created__lte", "created__lte"),
    "modified_since": ("modified__gte", "deleted_at__gte"),
    "modified_until": ("modified__lte", "deleted_at__lte"),
}
# A council's lists: /oparl/v1.1/body/<pk>/<list>s, each of one kind, found by this lookup.
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
    OpenApiParameter(name, OpenApiTypes.DATETIME, description=name.replace("_", " "))
    for name in DATE_FILTERS
] + [
    OpenApiParameter("limit", int, description=f"objects a page, at most {MAX_PAGE_SIZE}"),
    OpenApiParameter("after", int, description="the page: follow links.next"),
]


class OParlView(APIView):
    authentication_classes = []
    permission_classes = []


class SystemView(OParlView):
    @extend_schema(summary="The System: where a harvester starts", responses=OpenApiTypes.OBJECT)
    def get(self, request):
        return Response(oparl.system())


class ObjectView(OParlView):
    kind = ""

    @extend_schema(summary="One OParl object, by its permanent id", responses=OpenApiTypes.OBJECT)
    def get(self, request, pk):
        found = oparl.rows(self.kind).filter(pk=pk)
        modified = found.values_list("modified", flat=True).first()
        if modified is None:
            return self.deleted(request, pk)

        councils = naming.councils(request)

        def render():
            return Response(oparl.serialise_page(self.kind, [found.get()], councils)[0])

        version = f"{modified.isoformat()} {councils.several}"  # names say whose when several
        return conditional(
            request, render, version=version, last_modified=modified, max_age=API_MAX_AGE
        )

    def deleted(self, request, pk):
        """An object an import removed still answers, saying it is deleted (OParl 2.8)."""
        gone = DeletedObject.objects.filter(kind=self.kind, object_id=pk).first()
        if gone is None:
            raise NotFound(f"There is no {self.kind} {pk}.")
        return conditional(
            request,
            lambda: Response(oparl.deleted(gone)),
            version=gone.deleted_at.isoformat(),
            last_modified=gone.deleted_at,
            max_age=API_MAX_AGE,
        )


class MinuteView(ObjectView):
    """A minute on an agenda item is published as that item, with its resolution: its id
    leads there."""

    kind = "minute"

    @extend_schema(
        summary="A minute of no agenda item; one of an item leads to it",
        responses={200: OpenApiTypes.OBJECT, 301: None},
    )
    def get(self, request, pk):
        item = Minute.objects.filter(pk=pk).values_list("agenda_item_id", flat=True).first()
        if item is not None:
            return HttpResponsePermanentRedirect(oparl.api_url("agendaitem", item))
        return super().get(request, pk)


@dataclass
class ListQuery:
    """What a list request asks for: time filters, the page (`after` an id) and its size."""

    live: dict
    deleted: dict | None  # lookups on deleted objects; None when they are not listed
    after: int
    limit: int

    @classmethod
    def read(cls, params) -> "ListQuery":
        live, deleted = {}, {}
        for name, (live_lookup, deleted_lookup) in DATE_FILTERS.items():
            if name in params:
                moment = parse_moment(name, params[name])
                live[live_lookup], deleted[deleted_lookup] = moment, moment
        # Deleted objects are listed only to a harvester that asks what changed since.
        listed = deleted if "modified_since" in params else None
        return cls(live, listed, whole_number(params, "after", 0), page_size(params))


class ListView(OParlView):
    """A paged list of one kind of object, in id order, optionally only those changed."""

    kind = ""
    owner_lookup = ""  # how the kind's rows name their owner ('body__council')
    owner_model = Council

    @extend_schema(
        summary="A paged list of OParl objects",
        parameters=LIST_PARAMETERS,
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request, pk=None):
        query = ListQuery.read(request.query_params)
        rows, gone = self.rows(pk, query)
        window = self.window(rows, gone, query)
        if not window and pk is not None and not self.owner_model.objects.filter(pk=pk).exists():
            raise NotFound(f"There is no {self.owner_model._meta.model_name} {pk}.")
        last = max((modified for _, modified in window), default=None)

        def render():
            return Response(self.page(request, rows, gone, window, query))

        # The page changes only when its objects (or which objects it holds) do, or their names
        # start or stop naming their councils.
        councils = naming.councils(request)
        version = " ".join(f"{pk}@{modified.timestamp()}" for pk, modified in window)
        version += f" {councils.several}"
        return conditional(
            request, render, version=version, last_modified=last, max_age=API_MAX_AGE
        )

    def rows(self, pk, query: ListQuery):
        """The live rows this list holds, and the records of its deleted ones."""
        rows = oparl.rows(self.kind).filter(**query.live)
        gone = DeletedObject.objects.filter(kind=self.kind, **(query.deleted or {}))
        if query.deleted is None:
            gone = gone.none()
        if pk is not None:
            rows = rows.filter(**{f"{self.owner_lookup}_id": pk})
            owner = "council_id" if self.owner_model is Council else "body_id"
            gone = gone.filter(**{owner: pk})
        return rows, gone

    @staticmethod
    def window(rows, gone, query: ListQuery) -> list[tuple[int, datetime.datetime]]:
        """The ids (and when each last changed) of this page and the next one's first."""
        live = rows.filter(pk__gt=query.after).order_by("pk").values_list("pk", "modified")
        dead = gone.filter(object_id__gt=query.after).order_by("object_id")
        dead = dead.values_list("object_id", "deleted_at")
        return sorted([*live[: query.limit + 1], *dead[: query.limit + 1]])[: query.limit + 1]

    def page(self, request, rows, gone, window, query: ListQuery) -> dict:
        """The page's objects, live or deleted, in id order, and the link to the next page."""
        ids = [pk for pk, _ in window[: query.limit]]
        found = rows.in_bulk(ids)
        objects = oparl.serialise_page(self.kind, list(found.values()), naming.councils(request))
        published = dict(zip(found, objects, strict=True))
        missing = [pk for pk in ids if pk not in published]
        deleted = {row.object_id: row for row in gone.filter(object_id__in=missing)}
        here = settings.BASE_URL + request.get_full_path()
        links = {"first": remove_query_param(here, "after")}
        if len(window) > query.limit:
            links["next"] = replace_query_param(here, "after", ids[-1])
        return {
            "data": [published.get(pk) or oparl.deleted(deleted[pk]) for pk in ids],
            "pagination": {"elementsPerPage": query.limit},
            "links": links,
        }


def whole_number(params, name: str, default: int) -> int:
    value = params.get(name)
    if value is None:
        return default
    if not (value.isdecimal() and len(value) < 19):
        raise ParseError(f"{name}: {value[:40]!r} is not a whole number")
    return int(value)


def page_size(params) -> int:
    """`limit`, a hint: at least one, at most MAX_PAGE_SIZE."""
    return max(1, min(MAX_PAGE_SIZE, whole_number(params, "limit", PAGE_SIZE)))


MAX_OFFSET = datetime.timedelta(hours=16)  # PostgreSQL holds offsets up to ±15:59


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
    if is_naive(moment):
        return make_aware(moment, get_current_timezone())
    if abs(moment.utcoffset()) >= MAX_OFFSET:
        raise ParseError(f"{name}: {value[:40]!r} has an offset beyond ±15:59 from UTC")
    return moment


class NotFoundView(OParlView):
    @extend_schema(exclude=True)
    def get(self, request, rest=""):
        raise NotFound("There is no OParl object or list at this address.")
