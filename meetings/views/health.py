"""/healthz/: whether the archive can answer, for a load balancer or a monitor."""

from django.db import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from meetings.search import indexing


@never_cache
def health(request):
    """200 when the database answers and the search index is up to date, else 503 and why."""
    try:
        problems = indexing.problems()
    except DatabaseError:
        return JsonResponse(
            {"status": "down", "problems": ["the database did not answer"]}, status=503
        )
    return JsonResponse(
        {"status": "degraded" if problems else "ok", "problems": problems},
        status=503 if problems else 200,
    )
