"""Errors as responses: a library error is a 4xx that says what to do, anything else a 500 that
says only that something failed (the traceback goes to the server's log, never to the client)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from frontlines.errors import FrontlinesError
from frontlines.web.security import security_headers

log = logging.getLogger(__name__)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(FrontlinesError, _library_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _server_error)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str, hint: str = "") -> Response:
    """A JSON error under /api, else a small HTML page; both carry the security headers (a 500 leaves
    through Starlette's outermost middleware, past the one that adds them)."""
    headers = security_headers()
    if _wants_json(request):
        body: dict[str, Any] = {"detail": message}
        if hint:
            body["hint"] = hint
        return JSONResponse(body, status_code=status, headers=headers)
    env = request.app.state.templates
    page = env.get_template("error.html").render(status=status, message=message, hint=hint)
    return HTMLResponse(page, status_code=status, headers=headers)


async def _library_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, FrontlinesError)
    return error_response(request, 400, exc.message, exc.hint)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_response(request, exc.status_code, str(exc.detail))


async def _server_error(request: Request, exc: Exception) -> Response:
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(request, 500, "internal error: the server's log has the details")
