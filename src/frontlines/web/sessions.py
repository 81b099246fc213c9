"""Who is signed in: signed session cookies, CSRF tokens, roles, and a rate limit on signing in.

The session is Starlette's signed cookie (itsdangerous), HttpOnly and SameSite=Lax, and Secure when
the request came over https. It holds the user's name and a CSRF token; every write (a POST) must
send the token back, in the form's `csrf_token` field or an `X-CSRF-Token` header, or is refused
with a 403. Visitors who are not signed in read everything and write nothing.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from starlette.middleware.sessions import SessionMiddleware

from frontlines.accounts import User, user
from frontlines.web.security import App, Receive, Scope, Send

COOKIE = "frontlines_session"
SESSION_HOURS = 12
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class SessionCookies:
    """Starlette's SessionMiddleware, with the cookie's Secure flag set when the request is https
    (SessionMiddleware fixes the flag when built: one instance of each, chosen per request)."""

    def __init__(self, app: App, secret: str) -> None:
        options: dict[str, Any] = {"secret_key": secret, "session_cookie": COOKIE, "max_age": SESSION_HOURS * 3600, "same_site": "lax"}
        self.plain = SessionMiddleware(app, https_only=False, **options)  # type: ignore[arg-type]
        self.secure = SessionMiddleware(app, https_only=True, **options)  # type: ignore[arg-type]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        chosen = self.secure if scope.get("scheme") in ("https", "wss") else self.plain
        await chosen(scope, receive, send)  # type: ignore[arg-type]


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use (a page with a form that writes asks for it)."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return str(token)


def signed_in(request: Request, name: str) -> None:
    """Start a new session for this user: a fresh session and CSRF token (none carried over from before)."""
    request.session.clear()
    request.session["user"] = name
    csrf_token(request)


async def check_csrf(request: Request) -> None:
    """A dependency of every write: the session's token must come back in the X-CSRF-Token header or
    the form's csrf_token field; else 403."""
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not secrets.compare_digest(str(expected), sent):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and send the form again")


async def current_user(request: Request) -> User | None:
    """The signed-in user, or None for a visitor (or a session whose account is gone)."""
    name = request.session.get("user")
    if not name:
        return None
    return user(request.app.state.store, name)


async def writer(request: Request, _csrf: Annotated[None, Depends(check_csrf)]) -> User:
    """A dependency of every review and comment: a signed-in analyst or admin who sent the CSRF token; else 403."""
    found = await current_user(request)
    if found is None:
        raise HTTPException(403, "sign in as an analyst to review or comment")
    if not found.can_write:
        raise HTTPException(403, f"{found.name} is a {found.role}: only analysts and admins review and comment")
    return found


async def administrator(request: Request, _csrf: Annotated[None, Depends(check_csrf)]) -> User:
    """A dependency of every change to the accounts: a signed-in admin who sent the CSRF token; else 403."""
    found = await current_user(request)
    if found is None or not found.is_admin:
        raise HTTPException(403, "only an admin manages the accounts")
    return found


class RateLimit:
    """At most `attempts` in any `window` seconds per key (a client's address), kept in memory."""

    def __init__(self, attempts: int = 10, window: float = 60.0, clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000) -> None:
        self.attempts, self.window, self.clock, self.max_keys = attempts, window, clock, max_keys
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Count an attempt by `key`; False when it is one too many."""
        now = self.clock()
        with self._lock:
            if len(self._seen) >= self.max_keys:  # forget keys whose attempts are all old
                self._seen = {k: q for k, q in self._seen.items() if q and q[-1] > now - self.window}
            recent = self._seen.setdefault(key, deque())
            while recent and recent[0] <= now - self.window:
                recent.popleft()
            if len(recent) >= self.attempts:
                return False
            recent.append(now)
            return True


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def page_context(request: Request) -> dict[str, Any]:
    """What every page's template gets: the signed-in user (or None) and a way to the CSRF token
    (a function, so that a page without a form that writes starts no session for a visitor)."""
    name = request.session.get("user") if "session" in request.scope else None
    return {"user": user(request.app.state.store, name) if name else None, "csrf_token": lambda: csrf_token(request)}
