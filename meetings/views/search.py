"""The search page, and the answers to a search that is too broad, too fast or too many."""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, QueryDict
from django.shortcuts import render
from django_ratelimit.decorators import ratelimit

from meetings import search as archive_search
from meetings.filters import SearchFilter
from meetings.models import Page
from meetings.templatetags.archive_extras import changed_query
from meetings.views.browse import page_number

SEARCH_PAGE_SIZE = 20
MAX_SEARCH_PAGES = 250  # 5,000 results: narrow the search to see past them


def rate_limited(request, exception):
    """The answer to a client over a rate limit: SEARCH_RATE_LIMIT (searches, a minute) or
    ALERTS_CLIENT_RATE (the follow-by-email forms, an hour)."""
    alerts = request.path.startswith("/alerts/")
    response = render(request, "meetings/rate_limited.html", {"alerts": alerts}, status=429)
    response["Retry-After"] = "3600" if alerts else "60"
    return response


def too_broad(request, query: str):
    return render(request, "meetings/too_broad.html", {"query": query}, status=422)


def search_busy(request):
    response = render(request, "meetings/search_busy.html", status=503)
    response["Retry-After"] = "5"
    return response


# Searches per client address, one budget for the page, its feed and /api/search/; over the
# rate, rate_limited answers (the API answers for itself).
SEARCH_RATE_GROUP = "search"


def search_rate_limit(block: bool = True):
    return ratelimit(
        group=SEARCH_RATE_GROUP,
        key="ip",
        rate=lambda group, request: settings.SEARCH_RATE_LIMIT,
        block=block,
    )


@search_rate_limit()
def search(request):
    search_filter = SearchFilter(request.GET, queryset=Page.objects.none())
    context = {"filter": search_filter, "query": "", "results": None}
    if not search_filter.is_valid():
        return render(request, "meetings/search.html", context, status=400)
    typed = search_filter.form.cleaned_data.get("q") or ""
    query = archive_search.tidy_query(typed)
    context |= {"query": query, "shortened": archive_search.query_was_shortened(typed)}
    if query:
        number = page_number(request, last=MAX_SEARCH_PAGES)
        offset = (number - 1) * SEARCH_PAGE_SIZE
        filters = search_filter.search_filters()
        filters.public_only = not request.user.is_staff
        try:
            results = archive_search.search(query, filters, offset=offset, limit=SEARCH_PAGE_SIZE)
        except archive_search.SearchTooBroad:
            return too_broad(request, query)
        except archive_search.SearchBusy:
            return search_busy(request)
        if number > 1 and not results.hits:
            raise Http404(f"There is no page {number} of these results.")
        context |= {
            "results": results,
            "facets": facets(request.GET, results),
            "page_number": number,
            "has_next": results.has_next and number < MAX_SEARCH_PAGES,
        }
    return render(request, "meetings/search.html", context)


@dataclass
class FacetLink:
    label: str
    url: str  # empty for a type with no match: nothing to narrow to
    count: int = 0
    note: str = ""  # a body's council, where results span councils


@dataclass
class Facet:
    heading: str
    links: list[FacetLink]
    reset: FacetLink | None  # back to every value, when one is chosen


def facets(query: QueryDict, results) -> list[Facet]:
    """The side panel's links that narrow the results, each with its count: built here, as
    the template language would take longer than the search."""
    kinds = results.kind_counts

    def reset(parameter: str, label: str) -> FacetLink | None:
        if not query.get(parameter):
            return None
        return FacetLink(label, changed_query(query, **{parameter: None}))

    return [
        Facet(
            "Type",
            [FacetLink(label, changed_query(query, kind=kind) if kinds.get(kind) else "",
                       kinds.get(kind, 0)) for kind, label in archive_search.KINDS.items()],
            reset("kind", "All types"),
        ),
        Facet(
            "Council",
            [FacetLink(council.name, changed_query(query, council=council.slug), count)
             for council, count in results.council_counts],
            reset("council", "All councils"),
        ),
        Facet(
            "Body",
            [FacetLink(body.name, changed_query(query, council=body.council.slug,
                                                body=f"{body.council.slug}/{body.slug}"),
                       count, "" if query.get("council") else body.council.short_name)
             for body, count in results.body_counts],
            reset("body", "All bodies"),
        ),
        Facet(
            "Year",
            [FacetLink(str(year), changed_query(query, year=year), count)
             for year, count in results.year_counts],
            reset("year", "Any year"),
        ),
    ]  # fmt: skip
