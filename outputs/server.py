"""What the app's web server adds to Streamlit's: its files answered from memory, its headers, slow clients cut.

Streamlit serves the app through Starlette and uvicorn; ``app.py`` hands these routes and this middleware
to ``st.App``, and :func:`serve` runs it:

- ``/tripp-map/static/…``: Leaflet and the map's scripts, from the installed package (nothing is copied
  next to the code);
- ``/tripp-map/map/<digest>.html``: a map opened on its own page, kept in memory (at most
  :data:`MAP_PAGES_MAX_BYTES`, the least recently asked for dropped first);
- every answer framed only by the app itself (``frame-ancestors``, or the origins in
  ``TRIPP_MAP_FRAME_ANCESTORS``), never ``Access-Control-Allow-Origin: *``;
- a client that takes more than :data:`HEADER_TIMEOUT_S` to send a request's headers is disconnected.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from render.assets import SERVED_PREFIX, served_file

__all__ = [
    "HEADER_TIMEOUT_S",
    "MAP_PAGES_MAX_BYTES",
    "MAP_PREFIX",
    "SlowClientGuard",
    "app_middleware",
    "app_routes",
    "map_page",
    "publish_map",
    "security_headers",
    "serve",
]

MAP_PREFIX = "/tripp-map/map"
MAP_PAGES_MAX_BYTES = 64_000_000
HEADER_TIMEOUT_S = 10.0
HEADER_TIMEOUT_ENV = "TRIPP_MAP_HEADER_TIMEOUT_S"  # a server's operator (or a test) may set another
FRAME_ANCESTORS_ENV = "TRIPP_MAP_FRAME_ANCESTORS"


class _Pages:
    """Map pages by digest, bounded in bytes; shared by every session of the process."""

    def __init__(self, max_bytes: int):
        self._max = max_bytes
        self._pages: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()[:16]
        with self._lock:
            self._pages[digest] = data
            self._pages.move_to_end(digest)
            while sum(len(p) for p in self._pages.values()) > self._max and len(self._pages) > 1:
                self._pages.popitem(last=False)
        return digest

    def get(self, digest: str) -> bytes | None:
        with self._lock:
            page = self._pages.get(digest)
            if page is not None:
                self._pages.move_to_end(digest)
            return page


_PAGES = _Pages(MAP_PAGES_MAX_BYTES)


def publish_map(data: bytes) -> str:
    """Keep a map page to be opened on its own; return its address on the app's server (no leading slash)."""
    return f"{MAP_PREFIX.lstrip('/')}/{_PAGES.put(data)}.html"


def map_page(digest: str) -> bytes | None:
    """A kept map page by its digest, or None once it has been dropped."""
    return _PAGES.get(digest)


async def _asset(request: Request) -> Response:
    path = served_file(request.path_params["name"])
    if path is None:
        return Response("not found", status_code=404, media_type="text/plain")
    # The files change only with the installed package: a day's caching spares every student's phone.
    return FileResponse(path, headers={"Cache-Control": "public, max-age=86400"})


async def _map_page(request: Request) -> Response:
    page = map_page(request.path_params["digest"])
    if page is None:
        return Response(
            "This map is no longer kept by the server: open it again from the app.",
            status_code=404,
            media_type="text/plain; charset=utf-8",
        )
    return Response(page, media_type="text/html; charset=utf-8", headers={"Cache-Control": "private, max-age=3600"})


def app_routes() -> list[Route]:
    """The routes the app adds to Streamlit's."""
    return [
        Route(f"{SERVED_PREFIX}/{{name:path}}", _asset, methods=["GET", "HEAD"]),
        Route(f"{MAP_PREFIX}/{{digest}}.html", _map_page, methods=["GET", "HEAD"]),
    ]


def security_headers(frame_ancestors: tuple[str, ...] = ()) -> list[tuple[bytes, bytes]]:
    """The headers every answer carries: framed only by the app itself and ``frame_ancestors``."""
    ancestors = " ".join(["'self'", *frame_ancestors])
    headers = [
        (b"content-security-policy", f"frame-ancestors {ancestors}".encode("latin-1")),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
    ]
    if not frame_ancestors:  # X-Frame-Options cannot name other origins: older browsers get it only when none are
        headers.append((b"x-frame-options", b"SAMEORIGIN"))
    return headers


class _Headers:
    """ASGI middleware: adds :func:`security_headers`, drops a wildcard ``Access-Control-Allow-Origin``."""

    def __init__(self, app, frame_ancestors: tuple[str, ...] = ()):
        self.app = app
        self.extra = security_headers(frame_ancestors)
        self.names = {name for name, _ in self.extra}

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                kept = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in self.names and not (k.lower() == b"access-control-allow-origin" and v == b"*")
                ]
                message = {**message, "headers": kept + self.extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def frame_ancestors_from_env() -> tuple[str, ...]:
    """Origins a school lets frame the app (its learning platform), from ``TRIPP_MAP_FRAME_ANCESTORS``."""
    return tuple(o for o in os.environ.get(FRAME_ANCESTORS_ENV, "").split() if o.startswith(("https://", "http://")))


def app_middleware() -> list[Middleware]:
    """The middleware the app adds to Streamlit's."""
    return [Middleware(_Headers, frame_ancestors=frame_ancestors_from_env())]


class _Watched:
    """A transport that tells its protocol what the server writes (to see a response, or a protocol switch)."""

    def __init__(self, transport: asyncio.Transport, wrote):
        self._transport = transport
        self._wrote = wrote

    def write(self, data: bytes) -> None:
        self._wrote(data)
        self._transport.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


def _inner_protocol() -> type:
    from uvicorn.config import HTTP_PROTOCOLS
    from uvicorn.importer import import_from_string

    return import_from_string(HTTP_PROTOCOLS["auto"])


class SlowClientGuard(asyncio.Protocol):
    """uvicorn's HTTP protocol, with a limit on the time a request's headers may take.

    uvicorn times out idle kept-alive connections but not one that trickles its headers (or sends none):
    a few hundred such clients would hold the server's connections. Each request here has
    ``HEADER_TIMEOUT_S`` from its first byte (or from the connection) to the end of its headers; a
    websocket, once switched, is left to its own pings.
    """

    timeout_s = HEADER_TIMEOUT_S

    def __init__(self, config, server_state, app_state, _loop=None):
        self._inner = _inner_protocol()(config=config, server_state=server_state, app_state=app_state, _loop=_loop)
        self._loop = _loop or asyncio.get_event_loop()
        self._timer: asyncio.TimerHandle | None = None
        self._transport: asyncio.Transport | None = None
        self._tail = b""
        self._waiting = False  # for the end of a request's headers
        self._answered = False  # the server wrote since the last headers ended: the next byte starts a request
        self._switched = False

    def _arm(self) -> None:
        self._waiting, self._answered, self._tail = True, False, b""
        self._timer = self._loop.call_later(self.timeout_s, self._too_slow)

    def _disarm(self) -> None:
        self._waiting = False
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _too_slow(self) -> None:
        self._timer = None
        if self._transport is not None and not self._transport.is_closing():
            self._transport.write(b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
            self._transport.close()

    def _wrote(self, data: bytes) -> None:
        self._answered = True
        if data.startswith(b"HTTP/1.1 101"):
            self._switched = True
            self._disarm()

    def connection_made(self, transport) -> None:
        self._transport = transport
        self._inner.connection_made(_Watched(transport, self._wrote))
        self._arm()

    def data_received(self, data: bytes) -> None:
        if not self._waiting and self._answered and not self._switched:
            self._arm()
        if self._waiting:
            seen = self._tail + data
            if b"\r\n\r\n" in seen:
                self._disarm()
            else:
                self._tail = seen[-3:]
        self._inner.data_received(data)

    def eof_received(self):
        return self._inner.eof_received()

    def connection_lost(self, exc) -> None:
        self._disarm()
        self._inner.connection_lost(exc)

    def pause_writing(self) -> None:
        self._inner.pause_writing()

    def resume_writing(self) -> None:
        self._inner.resume_writing()

    def shutdown(self) -> None:
        self._inner.shutdown()


def serve(app, host: str, port: int, max_message_mb: int = 200) -> None:
    """Run the app (an ASGI application: ``app.app``) on ``host:port`` until SIGINT or SIGTERM."""
    import uvicorn

    try:
        SlowClientGuard.timeout_s = max(0.5, float(os.environ.get(HEADER_TIMEOUT_ENV, HEADER_TIMEOUT_S)))
    except ValueError:
        raise OSError(f"{HEADER_TIMEOUT_ENV} is not a number of seconds") from None
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        http=SlowClientGuard,
        ws="websockets-sansio",
        ws_max_size=max_message_mb * 1024 * 1024,
        ws_per_message_deflate=False,
        timeout_keep_alive=5,
        access_log=False,
        use_colors=False,
        lifespan="on",
    )
    uvicorn.Server(config).run()


def load_app(script: Path):
    """The ASGI application ``app`` of the app's script, imported under a name of its own (not ``__main__``)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("tripp_map_app", script)
    if spec is None or spec.loader is None:
        raise OSError(f"cannot import {script}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.app


def app_script() -> Path:
    """The app's script, in the checkout or where the package installed it."""
    from geo.install import project_file

    return project_file("app.py")
