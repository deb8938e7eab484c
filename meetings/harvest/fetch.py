"""The polite fetcher: every request a harvest makes goes through one PoliteSession.

It names the archive and its admin's contact, asks robots.txt first, makes one request at a
time per host with a pause between them, times out, retries a 5xx or a timeout with a
growing wait, follows a few redirects only, and stops reading a file over the size limit.
"""

import email.utils
import hashlib
import re
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import requests
from django.conf import settings
from protego import Protego

RETRIED_STATUSES = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 120  # seconds: a longer Retry-After is a reason to fail, not to wait
CHUNK = 1 << 16
LISTING_LIMIT = 50_000_000  # bytes of one listing page or API answer


class FetchError(Exception):
    """A request that failed; str() is the one-line reason, naming the address."""


def user_agent() -> str:
    contact = email.utils.parseaddr(settings.HARVEST_CONTACT)[1] or settings.HARVEST_CONTACT
    return f"CommitteeMeetingsArchive/1.0 (+{settings.BASE_URL}; {contact})"


class HostTurns:
    """One request at a time per host, `delay` seconds after the last one ended: shared by
    every session of the process, so two sources on one host also take turns."""

    def __init__(self):
        self.guard = threading.Lock()
        self.locks: dict[str, threading.RLock] = {}
        self.last: dict[str, float] = {}

    def lock(self, host: str) -> threading.RLock:
        """Re-entrant: a redirect is followed inside the request that met it."""
        with self.guard:
            return self.locks.setdefault(host, threading.RLock())

    def wait(self, host: str, delay: float) -> None:
        pause = self.last.get(host, -delay) + delay - time.monotonic()
        if pause > 0:
            time.sleep(pause)

    def done(self, host: str) -> None:
        self.last[host] = time.monotonic()


TURNS = HostTurns()


class PoliteSession(requests.Session):
    """A requests.Session (so civic-scraper's sites can use it too) that is polite."""

    def __init__(self, delay: float | None = None):
        super().__init__()
        self.headers["User-Agent"] = user_agent()
        self.max_redirects = settings.HARVEST_MAX_REDIRECTS
        self.delay = settings.HARVEST_DELAY_SECONDS if delay is None else delay
        self.requests_made = 0
        self.robots: dict[str, Protego | None] = {}

    def request(self, method, url, *args, **kwargs):
        """The request, tried again after a 5xx, a 429 or a timeout, waiting longer each time."""
        kwargs.setdefault("timeout", settings.HARVEST_TIMEOUT_SECONDS)
        tries = max(1, settings.HARVEST_RETRIES)
        for attempt in range(1, tries + 1):
            wait = settings.HARVEST_BACKOFF_SECONDS * 2 ** (attempt - 1)
            try:
                response = super().request(method, url, *args, **kwargs)
            except (requests.Timeout, requests.ConnectionError):
                if attempt == tries:
                    raise
                time.sleep(wait)
                continue
            if response.status_code not in RETRIED_STATUSES or attempt == tries:
                return response
            response.close()
            time.sleep(max(wait, retry_after(response) or 0))
        raise AssertionError("unreachable")

    def send(self, request, **kwargs):
        """Every request, each redirect included: allowed by robots.txt, then in its turn."""
        parts = urlsplit(request.url)
        if not self.allowed(request.url):
            raise FetchError(f"{request.url}: robots.txt of {parts.netloc} disallows it")
        send = super().send
        return self.in_turn(parts.netloc, lambda: send(request, **kwargs))

    def in_turn(self, host: str, call):
        with TURNS.lock(host):
            TURNS.wait(host, self.delay)
            TURNS.done(host)  # a redirect followed from inside this request waits too
            try:
                self.requests_made += 1
                return call()
            finally:
                TURNS.done(host)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            self.robots[origin] = self.read_robots(origin)
        rules = self.robots[origin]
        if rules is None:
            return True
        delay = rules.crawl_delay(user_agent())
        if delay:
            self.delay = max(self.delay, min(float(delay), MAX_RETRY_AFTER))
        return rules.can_fetch(url, user_agent())

    def read_robots(self, origin: str) -> Protego | None:
        """The site's robots.txt rules; None (all allowed) when it has none (4xx).

        A server error or no answer means the site cannot say: nothing is fetched (RFC 9309).
        """
        url = f"{origin}/robots.txt"
        request = requests.Request("GET", url).prepare()
        request.headers["User-Agent"] = user_agent()
        try:
            response = self.in_turn(
                urlsplit(url).netloc,
                lambda: requests.Session.send(
                    self, request, timeout=settings.HARVEST_TIMEOUT_SECONDS, allow_redirects=True
                ),
            )
        except requests.RequestException as error:
            raise FetchError(f"{url}: cannot be read ({describe(error)})") from error
        if 400 <= response.status_code < 500:
            return None
        if response.status_code >= 500:
            raise FetchError(f"{url}: the server answered {response.status_code}")
        return Protego.parse(response.text[:500_000])


def retry_after(response) -> float | None:
    """A Retry-After of seconds or a date, capped; None when absent or too long."""
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            seconds = email.utils.parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):  # absent, or not a date
            return None
    return seconds if 0 <= seconds <= MAX_RETRY_AFTER else None


def describe(error: Exception) -> str:
    """A request's failure in a few words."""
    if isinstance(error, requests.TooManyRedirects):
        return f"redirects in a loop (more than {settings.HARVEST_MAX_REDIRECTS})"
    if isinstance(error, requests.Timeout):
        return f"no answer within {settings.HARVEST_TIMEOUT_SECONDS:g} seconds"
    if isinstance(error, requests.ConnectionError):
        return "cannot connect"
    return str(error).splitlines()[0] if str(error) else type(error).__name__


@dataclass
class Fetched:
    """A file fetched, or (status 304) confirmed unchanged."""

    status: int
    path: Path | None = None
    sha256: str = ""
    size: int = 0
    etag: str = ""
    last_modified: str = ""
    file_name: str = ""  # as the server names it (Content-Disposition), if it does


def get_text(session: PoliteSession, url: str, **kwargs) -> requests.Response:
    """A listing page or API answer, its status and size checked; FetchError says why not."""
    url = requests.Request("GET", url, params=kwargs.pop("params", None)).prepare().url
    try:
        with session.get(url, stream=True, **kwargs) as response:
            if response.status_code != 200:
                raise FetchError(f"{url}: the server answered {response.status_code}")
            body = bytearray()
            for block in response.iter_content(CHUNK):
                body += block
                if len(body) > LISTING_LIMIT:
                    raise FetchError(f"{url}: a listing of more than {LISTING_LIMIT:,} bytes")
            response._content = bytes(body)  # where requests keeps a body: .text, .json()
            return response
    except FetchError:
        raise
    except requests.RequestException as error:
        raise FetchError(f"{url}: {describe(error)}") from error


def download(
    session: PoliteSession, url: str, folder: Path, etag: str = "", last_modified: str = ""
) -> Fetched:
    """The PDF at `url`, streamed to a file in `folder` and hashed; 304 if it has not changed.

    Refused with the reason: a file over IMPORT_MAX_FILE_MB, HTML or anything else where a
    PDF was promised, an error status, a timeout, a redirect loop, robots.txt.
    """
    headers = {}
    if usable_etag(etag):
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with session.get(url, headers=headers, stream=True) as response:
            if response.status_code == 304:
                return Fetched(304, etag=etag, last_modified=last_modified)
            if response.status_code != 200:
                raise FetchError(f"{url}: the server answered {response.status_code}")
            return _save(response, url, folder)
    except FetchError:
        raise
    except requests.RequestException as error:
        raise FetchError(f"{url}: {describe(error)}") from error


def _save(response: requests.Response, url: str, folder: Path) -> Fetched:
    limit = settings.IMPORT_MAX_FILE_MB * 1024 * 1024
    stated = response.headers.get("Content-Length", "")
    if stated.isdigit() and int(stated) > limit:
        raise FetchError(f"{url}: {too_big(int(stated))}")
    digest, size = hashlib.sha256(), 0
    descriptor, name = tempfile.mkstemp(dir=folder, suffix=".pdf")
    path = Path(name)
    try:
        with open(descriptor, "wb") as handle:
            for block in response.iter_content(CHUNK):
                if size == 0 and not block.lstrip().startswith(b"%PDF-"):
                    raise FetchError(f"{url}: {not_a_pdf(response, block)}")
                size += len(block)
                if size > limit:
                    raise FetchError(f"{url}: {too_big(limit, more=True)}")
                digest.update(block)
                handle.write(block)
        if size == 0:
            raise FetchError(f"{url}: the server sent an empty file")
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return Fetched(
        200,
        path,
        digest.hexdigest(),
        size,
        response.headers.get("ETag", ""),
        response.headers.get("Last-Modified", ""),
        disposition_name(response.headers.get("Content-Disposition", "")),
    )


def too_big(size: int, more: bool = False) -> str:
    limit = settings.IMPORT_MAX_FILE_MB
    size_text = f"more than {limit:,}" if more else f"{size / 1024 / 1024:,.1f}"
    return f"it is {size_text} MB; the limit is {limit:,} MB a file"


def not_a_pdf(response: requests.Response, head: bytes) -> str:
    kind = response.headers.get("Content-Type", "").split(";")[0].strip() or "unknown type"
    if "html" in kind or head.lstrip()[:15].lower().startswith((b"<!doctype", b"<html")):
        return f"the server sent a web page ({kind}) where a PDF was promised"
    return f"not a PDF ({kind})"


def usable_etag(etag: str) -> bool:
    """A real validator: some servers send the same blank ETag ('" "') for every file."""
    return bool(etag.strip().removeprefix("W/").strip('"').strip())


_FILENAME = re.compile(r"filename\*?=(?:UTF-8'')?\"?([^\";]*)\"?", re.IGNORECASE)


def disposition_name(header: str) -> str:
    """'AGENDA.pdf' from 'inline;filename=AGENDA.pdf'; '' when it names none."""
    match = _FILENAME.search(header)
    return Path(unquote(match.group(1)).strip()).name if match else ""
