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


def body_path(name: str, slug: str, *rest) -> str:
    body = first_body(slug)
    return reverse(f"meetings:{name}", args=[body.council.slug, body.slug, *rest])


def body_detail(request, slug):
    return moved(request, body_path("body_detail", slug))


def body_meetings_feed(request, slug):
    return moved(request, body_path("body_meetings_feed", slug))


def body_decisions_feed(request, slug):
    return moved(request, body_path("body_decisions_feed", slug))


def body_ical(request, slug):
    return moved(request, body_path("body_ical", slug))


def meeting_detail(request, body, date):
    return moved(request, body_path("meeting_detail", body, date.isoformat()))


def report_detail(request, body, date, slug):
    return moved(request, body_path("report_detail", body, date.isoformat(), slug))


def decision_detail(request, body, date, number):
    return moved(request, body_path("decision_detail", body, date.isoformat(), number))


def person_detail(request, key):
    person = Person.objects.select_related("council").filter(key=key).order_by("pk").first()
    if person is None:
        raise Http404(f"No person '{key}' is in the archive.")
    return moved(request, person.get_absolute_url())
