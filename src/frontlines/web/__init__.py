"""The analyst's workbench: a web application over a store (`frontlines serve`); visitors read, analysts review.

`create_app(db)` builds the FastAPI application; the CLI only runs it. See docs/web.md.
"""

from __future__ import annotations

from frontlines.web.app import create_app

__all__ = ["create_app"]
