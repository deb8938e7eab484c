"""A real web server on a free loopback port, in a thread, for the harvest's tests.

Each route answers as told (a status, a body, a delay, failures before success, a redirect);
files answer conditional requests (ETag and Last-Modified, 304); every request is logged.
"""

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

LAST_MODIFIED = "Tue, 12 May 2026 09:00:00 GMT"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/pdf"
    status: int = 200
    delay: float = 0.0  # seconds before answering
    failures: int = 0  # answer 500 this many times first
    redirect: str = ""  # answer 302 to this path
    validators: bool = True  # ETag and Last-Modified, and 304 to a conditional request
    length: bool = True  # send Content-Length (else the body ends when the connection closes)
    headers: dict = field(default_factory=dict)


@dataclass
class Logged:
    method: str
    path: str
    headers: dict
    status: int
    at: float  # time.monotonic() when the request arrived


class Site:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.log: list[Logged] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.answer(self, send_body=True)

            def do_HEAD(self):
                site.answer(self, send_body=False)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def add(self, path: str, body: bytes | str = b"", **options) -> str:
        """Serve `body` at `path` (which may hold a query); its full address."""
        body = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(body=body, **options)
        return self.url + path

    def requests_to(self, path: str, status: int | None = None) -> list[Logged]:
        return [
            entry
            for entry in self.log
            if entry.path.split("?")[0] == path and (status is None or entry.status == status)
        ]

    def route_for(self, target: str) -> Route | None:
        """The route of this path whose query parameters the request has, else of the path."""
        parts = urlsplit(target)
        asked = set(parse_qsl(parts.query))
        for key, route in self.routes.items():
            path, _, query = key.partition("?")
            if path == parts.path and query and set(parse_qsl(query)) <= asked:
                return route
        return self.routes.get(parts.path)

    def answer(self, handler: BaseHTTPRequestHandler, send_body: bool):
        arrived = time.monotonic()
        route = self.route_for(handler.path)
        status, headers, body = self.response(route, handler.headers)
        headers_sent = dict(handler.headers)
        self.log.append(Logged(handler.command, handler.path, headers_sent, status, arrived))
        if route and route.delay:
            time.sleep(route.delay)
        try:
            handler.send_response(status)
            for name, value in headers.items():
                handler.send_header(name, value)
            if route is None or route.length:
                handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            if send_body:
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout, a size limit)

    def response(self, route: Route | None, request_headers) -> tuple[int, dict, bytes]:
        if route is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        if route.failures:
            route.failures -= 1
            return 500, {"Content-Type": "text/plain"}, b"server error"
        if route.redirect:
            return 302, {"Location": route.redirect}, b""
        headers = {"Content-Type": route.content_type, **route.headers}
        if route.validators and route.status == 200:
            etag = f'"{hashlib.sha256(route.body).hexdigest()[:16]}"'
            headers |= {"ETag": etag, "Last-Modified": LAST_MODIFIED}
            if request_headers.get("If-None-Match") == etag:
                return 304, headers, b""
        return route.status, headers, route.body
