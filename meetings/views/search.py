"""The search page, and the answers to a search that is too broad, too fast or too many."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django_ratelimit.decorators import ratelimit

from meetings import search as archive_search
from meetings.filters import SearchFilter
from meetings.models import Page
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


# Searches (the page and its feed) per client address; over the rate, rate_limited answers.
search_rate_limit = ratelimit(
    key="ip", rate=lambda group, request: settings.SEARCH_RATE_LIMIT, block=True
)


@search_rate_limit
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
            "page_number": number,
            "has_next": results.has_next and number < MAX_SEARCH_PAGES,
            "kinds": archive_search.KINDS,
        }
    return render(request, "meetings/search.html", context)
