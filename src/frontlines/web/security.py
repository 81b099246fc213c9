"""Security headers on every response: a Content Security Policy, no sniffing, no framing, no referrer.

The workbench's own pages load nothing but themselves (`default-src 'self'`, no inline script or
style). The map page is the offline map of `frontlines map`, one file with its script and style
inline: it alone gets `'unsafe-inline'` for script and style, and nothing else (no network, no
frames). Its report text still travels only inside JSON and is put into the page as text.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
MAP_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


def security_headers(policy: str = PAGE_POLICY) -> dict[str, str]:
    """The headers every response carries, with this Content Security Policy."""
    return {"content-security-policy": policy, **HEADERS}


class SecurityHeaders:
    """ASGI middleware adding :func:`security_headers` to each HTTP response that does not set its
    own policy (the map page sets MAP_POLICY). Plain ASGI, so that it costs next to nothing."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in security_headers().items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


MAX_BODY = 1 << 20  # bytes a request may send: forms and JSON calls are small (uploads have their own limit)


class BodyLimit:
    """ASGI middleware refusing, before the application reads a byte of it, a request body larger
    than `limit` (413; a path named in `larger` has its own limit, the upload form's) or a
    POST/PUT/PATCH whose length is not declared (411: a chunked body could be any size). Browsers
    and HTTP clients declare the length of forms, uploads and JSON."""

    def __init__(self, app: App, limit: int = MAX_BODY, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.limit = limit
        self.larger = dict(larger or {})  # exact paths allowed more: the upload form (frontlines.web.ingest)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("POST", "PUT", "PATCH"):
            declared = dict(scope.get("headers", [])).get(b"content-length")
            refusal = None
            if declared is None or not declared.isdigit():
                refusal = (411, b"a request body must declare its length (Content-Length)")
            elif int(declared) > (limit := self.larger.get(scope["path"], self.limit)):
                refusal = (413, b"request body too large: at most %d bytes" % limit)
            if refusal is not None:
                status, text = refusal
                headers = [(k.encode(), v.encode()) for k, v in security_headers().items()]
                await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/plain; charset=utf-8"), *headers]})
                await send({"type": "http.response.body", "body": text})
                return
        await self.app(scope, receive, send)
