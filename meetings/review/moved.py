"""Addresses that moved for good when an admin merged two bodies, people or meetings."""

from django.http import HttpResponsePermanentRedirect

from meetings.review.models import MovedAddress


def moved_addresses(get_response):
    """A 404 at an address that moved (or under one) becomes a 301 to where it went."""

    def middleware(request):
        response = get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        if target := new_address(request.path):
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
        return response

    return middleware


def new_address(path: str) -> str:
    """Where `path` went: the longest moved address it starts with, and the rest of it."""
    prefixes = [path[: index + 1] for index, char in enumerate(path) if char == "/"]
    moved = MovedAddress.objects.filter(old_path__in=prefixes).order_by("-old_path").first()
    return moved.new_path + path.removeprefix(moved.old_path) if moved else ""
