"""Conditional GET for the API and the downloads: ETag, Last-Modified, 304 and Cache-Control."""

import hashlib
from collections.abc import Callable
from datetime import datetime

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag


def conditional(
    request,
    make_response: Callable[[], HttpResponse],
    *,
    version: str,
    last_modified: datetime | None,
    max_age: int,
) -> HttpResponse:
    """`make_response()`, or 304 Not Modified when the client's copy is still `version`.

    The body is not built at all for a 304: the check costs only what `version` cost.
    """
    etag = quote_etag(hashlib.sha256(f"{request.get_full_path()}|{version}".encode()).hexdigest())
    timestamp = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        response = make_response()
    if response.status_code in (200, 304):
        response["ETag"] = etag
        if timestamp is not None:
            response["Last-Modified"] = http_date(timestamp)
        patch_cache_control(response, public=True, max_age=max_age)
    return response
