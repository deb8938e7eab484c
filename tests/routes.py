"""Every URL pattern the site serves, for the tests that must cover each one."""

from django.urls import URLPattern, URLResolver, get_resolver


def url_patterns(resolver=None, prefix=""):
    """(route, pattern) for every URL the site serves; `route` as urls.py spells it."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from url_patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def public_routes() -> set[str]:
    """Every route an anonymous visitor can ask: all but the admin's."""
    return {route for route, _ in url_patterns() if not route.startswith("admin/")}
