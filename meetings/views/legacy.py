"""Addresses published before the archive held more than one council, moved for good (301).

Then every body and person belonged to the one council; a slug that more than one council
now uses means the body or person that had it first, the one the old address was made for.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from meetings.models import Body, Person


def moved(request, url: str) -> HttpResponsePermanentRedirect:
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def first_body(slug: str) -> Body:
    body = Body.objects.select_related("council").filter(slug=slug).order_by("pk").first()
    if body is None:
        raise Http404(f"No body '{slug}' is in the archive.")
    return body


def body_page(request, name: str, body: str, date=None, **rest):
    """A body's page, feed or calendar, a meeting's page, or one of its reports or minutes."""
    dated = [date.isoformat()] if date else []
    first = first_body(body)
    path = reverse(
        f"meetings:{name}", args=[first.council.slug, first.slug, *dated, *rest.values()]
    )
    return moved(request, path)


def person_detail(request, key):
    person = Person.objects.select_related("council").filter(key=key).order_by("pk").first()
    if person is None:
        raise Http404(f"No person '{key}' is in the archive.")
    return moved(request, person.get_absolute_url())
