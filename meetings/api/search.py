"""/api/search/: the search page's query syntax and filters, answered as JSON."""

from django.conf import settings
from django.urls import reverse
from django.utils.decorators import method_decorator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ParseError, Throttled
from rest_framework.response import Response
from rest_framework.views import APIView

from meetings import search as archive_search
from meetings.filters import SearchFilter
from meetings.models import Page
from meetings.views.search import MAX_SEARCH_PAGES, SEARCH_PAGE_SIZE, search_rate_limit

PARAMETERS = [
    OpenApiParameter("q", str, description='words, "phrases", OR, -exclusions', required=True),
    OpenApiParameter(
        "kind", str, many=True, description="decision, minute, report, item, meeting, page"
    ),
    OpenApiParameter("council", str, description="a council's slug"),
    OpenApiParameter(
        "body",
        str,
        description="a council's body ('kent/cabinet'), or a body's slug alone: that body of "
        "the council given, or of every council",
    ),  # fmt: skip
    OpenApiParameter("year", int),
    OpenApiParameter("date_from", OpenApiTypes.DATE),
    OpenApiParameter("date_to", OpenApiTypes.DATE),
    OpenApiParameter("key_decision", bool),
    OpenApiParameter("sort", str, description="relevance, newest or oldest"),
    OpenApiParameter("view", str, description="things (one result each, the default) or pages"),
    OpenApiParameter("within", str, description="a result's group: every matching page of it"),
    OpenApiParameter("page", int),
]


class SearchView(APIView):
    authentication_classes = []
    permission_classes = []

    @extend_schema(summary="Search", parameters=PARAMETERS, responses=OpenApiTypes.OBJECT)
    @method_decorator(search_rate_limit(block=False))
    def get(self, request):
        if getattr(request, "limited", False):
            raise Throttled(wait=60)
        search_filter = SearchFilter(request.GET, queryset=Page.objects.none())
        if not search_filter.is_valid():
            errors = "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in search_filter.errors.items()
            )
            raise ParseError(errors)
        query = archive_search.tidy_query(search_filter.form.cleaned_data.get("q") or "")
        if not query:
            raise ParseError("q: give the words to search for")
        number = page_number(request.GET.get("page", "1"))
        filters = search_filter.search_filters()
        try:
            results = archive_search.search(
                query, filters, offset=(number - 1) * SEARCH_PAGE_SIZE, limit=SEARCH_PAGE_SIZE
            )
        except archive_search.SearchTooBroad:
            return Response({"detail": "This search took too long: narrow it."}, status=422)
        except archive_search.SearchBusy:
            return Response(
                {"detail": "Search is busy: try again."}, status=503, headers={"Retry-After": "5"}
            )
        return Response(as_json(request, results, number))


def page_number(text: str) -> int:
    if not (text.isdecimal() and len(text) < 7 and 1 <= int(text) <= MAX_SEARCH_PAGES):
        raise NotFound(f"page: there is no page {text[:20]!r} of these results")
    return int(text)


def as_json(request, results: archive_search.Results, number: int) -> dict:
    following = None
    if results.has_next and number < MAX_SEARCH_PAGES:
        params = request.GET.copy()
        params["page"] = str(number + 1)
        following = f"{settings.BASE_URL}{reverse('api:search')}?{params.urlencode()}"
    explained = {"detail": results.explanation} if results.explanation else {}
    return explained | {
        "query": results.query,
        "total": results.total,
        "page": number,
        "next": following,
        "counts": {
            "kind": results.kind_counts,
            "council": [
                {"council": council.slug, "name": council.name, "count": count}
                for council, count in results.council_counts
            ],
            "body": [
                {"council": body.council.slug, "body": body.slug, "name": body.name, "count": count}
                for body, count in results.body_counts
            ],
            "year": [{"year": year, "count": count} for year, count in results.year_counts],
        },
        "results": [hit_json(request, hit) for hit in results.hits],
        "suggestions": results.suggestions,
    }


def hit_json(request, hit: archive_search.Hit) -> dict:
    """A result; a thing's best page, its other matching rows and its count of more pages."""
    return {
        "kind": hit.kind,
        "title": hit.title,
        "url": settings.BASE_URL + hit.url,
        "council": hit.council,
        "body": hit.body,
        "date": hit.date.isoformat() if hit.date else None,
        "detail": hit.detail,
        "key_decision": hit.key_decision,
        "snippet_html": str(hit.snippet),
        "group": hit.group,
        "page": hit_json(request, hit.page) if hit.page else None,
        "related": [hit_json(request, row) for row in hit.related],
        "more_pages": hit.more_pages,
        "pages_url": pages_url(request, hit) if hit.more_pages else None,
    }


def pages_url(request, hit: archive_search.Hit) -> str:
    """This search's every matching page of the thing `hit` is."""
    params = request.GET.copy()
    params.pop("page", None)
    params["within"] = hit.group
    return f"{settings.BASE_URL}{reverse('api:search')}?{params.urlencode()}"
