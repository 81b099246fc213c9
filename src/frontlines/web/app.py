"""`create_app(db)`: the workbench as a FastAPI application over one store.

The CLI's `frontlines serve` builds it and runs it with uvicorn; tests drive it with TestClient.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI

from frontlines import api as library
from frontlines._version import __version__
from frontlines.store import Store
from frontlines.accounts import session_secret
from frontlines.web import admin, api, discussion_api, ingest, pages, review
from frontlines.web.context import templates
from frontlines.web.errors import install_error_handlers
from frontlines.web.jobs import Jobs
from frontlines.web.security import BodyLimit, SecurityHeaders
from frontlines.web.sessions import RateLimit, SessionCookies
from frontlines.web.totals import MAX_PAGES, Totals

log = logging.getLogger(__name__)
READ_THREADS = 4


def create_app(
    db: str | None = None, *, store: Store | None = None, threads: int = READ_THREADS, pipeline: object | None = None,
) -> FastAPI:
    """The workbench over the database `db` (an SQLite path or a database URL; default as the CLI's
    --db) or over an open `store`. The database must exist (a StoreError says so). Visitors only
    read; signed-in analysts review and comment (``frontlines.web.review``). Session cookies are
    signed with FRONTLINES_SECRET, or a key kept in the store (``frontlines.accounts.session_secret``).
    The OpenAPI schema is at /openapi.json; no interactive docs (they would load scripts from a CDN).
    `threads`: requests read from the store at once (the others wait their turn). `pipeline`: the
    extraction pipeline of uploads (``frontlines.web.ingest``); by default each ingest builds one,
    as `frontlines ingest` does."""
    opened = store if store is not None else library.open_store(db, must_exist=True)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # the store is read in worker threads; past a few, they only fight over the GIL (on 100,000
        # events: 110 requests a second with anyio's default of 40 threads, 170 with 4)
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield
        if store is None:  # ours to close
            opened.close()

    app = FastAPI(
        title="frontlines workbench", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
        description="Events with their sources, places and control, situation reports; analysts review and comment.",
    )  # fmt: skip
    app.state.store = opened
    app.state.gazetteer = None
    app.state.totals = Totals(opened)
    app.state.pages = Totals(opened, most=MAX_PAGES)
    app.state.templates = templates()
    app.state.login_limit = RateLimit(attempts=10, window=60.0)  # per client address
    app.state.ingest_limit = RateLimit(attempts=ingest.INGESTS_PER_MINUTE, window=60.0)  # per user
    app.state.pipeline = pipeline
    app.state.jobs = Jobs(store=opened)
    app.include_router(review.router)
    app.include_router(ingest.router)
    app.include_router(admin.router)
    app.include_router(discussion_api.router)
    app.include_router(api.router)
    app.include_router(pages.router)
    install_error_handlers(app)
    app.add_middleware(BodyLimit, larger={"/ingest": ingest.BODY_ALLOWANCE})
    app.add_middleware(SessionCookies, secret=session_secret(opened))
    app.add_middleware(SecurityHeaders)
    return app


def app_from_environment() -> FastAPI:
    """`create_app` over the database FRONTLINES_DB names: the factory each uvicorn worker process
    calls (`frontlines serve --workers N`), since processes cannot be handed an open store."""
    return create_app(os.environ.get("FRONTLINES_DB"))
