"""What a request needs from the application: its store, a gazetteer, the templates."""

from __future__ import annotations

import threading
from collections.abc import Callable
from importlib import resources
from typing import Any

from fastapi import Request

from frontlines.store import Store
from frontlines.web.totals import Totals

_GAZETTEER_LOCK = threading.Lock()


# The dependencies are coroutines though they never wait: FastAPI would run a plain function in its
# thread pool, a hop each that these lookups do not need.
async def get_store(request: Request) -> Store:
    """The application's store (opened once by create_app); tests override this dependency."""
    return request.app.state.store  # type: ignore[no-any-return]


async def get_totals(request: Request) -> Totals:
    """The application's memory of how many events match each filter (see ``frontlines.web.totals``)."""
    return request.app.state.totals  # type: ignore[no-any-return]


async def get_pages(request: Request) -> Totals:
    """The application's memory of whole pages of the events API, kept until the store is written."""
    return request.app.state.pages  # type: ignore[no-any-return]


def get_gazetteer(request: Request) -> Any:
    """The store's gazetteer, built on the first request that names a place and kept."""
    state = request.app.state
    if state.gazetteer is None:
        with _GAZETTEER_LOCK:
            if state.gazetteer is None:
                from frontlines.gazetteer import Gazetteer

                state.gazetteer = Gazetteer.from_store(state.store)
    return state.gazetteer


async def gazetteer_getter(request: Request) -> Callable[[], Any]:
    """A dependency: a function giving the gazetteer, so that a request naming no place never builds it."""
    return lambda: get_gazetteer(request)


def templates() -> Any:
    """The Jinja2 environment of the pages: package templates, autoescape on for every template."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("frontlines", "data/templates/web"),
        autoescape=True,  # every template, whatever its name: report text is always escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["web_link"] = web_link
    return env


def web_link(url: str | None) -> str | None:
    """A report's URL when it is one a link may point at (http or https), else None: a
    `javascript:` or `data:` URL from a report is shown as text, never followed."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


def stylesheet() -> bytes:
    return resources.files("frontlines").joinpath("data/templates/web/web.css").read_bytes()
