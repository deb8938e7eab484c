"""Request checks that apply to every URL."""

import re
import time

from django.http import HttpResponseBadRequest

# NUL and the other C0 controls (bar tab and newlines), DEL and lone surrogates: no URL or
# query of the archive holds them, and PostgreSQL refuses NUL in text.
INVALID_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def reject_invalid_characters(get_response):
    """A 400 for a path or query parameter with characters no archive URL can hold."""

    def middleware(request):
        values = [request.path, *request.GET.keys()]
        values += [value for _, values_ in request.GET.lists() for value in values_]
        if any(INVALID_CHARACTERS.search(value) for value in values):
            return HttpResponseBadRequest(
                "The address holds a character that is not allowed (a control character).",
                content_type="text/plain; charset=utf-8",
            )
        return get_response(request)

    return middleware


def server_timing(get_response):
    """`Server-Timing: app;dur=12.3`: the milliseconds the app spent on the request.

    What benchmarks (and a browser's developer tools) read as the server's own time.
    """

    def middleware(request):
        started = time.perf_counter()
        response = get_response(request)
        response["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response

    return middleware
