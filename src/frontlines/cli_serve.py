"""`frontlines serve`: the workbench (``frontlines.web``) over the --db store, with uvicorn."""

from __future__ import annotations

import os

import click


@click.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes; each reads the store on a core of its own.")  # fmt: skip
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, workers: int) -> None:
    """Serve the workbench: events table, event pages with their sources' text, places, reports, the
    map, and a JSON API under /api (schema at /openapi.json). Visitors read; analysts sign in
    (accounts: `frontlines user add`) to review events and comment.

    \b
    Example:
      frontlines --db frontlines-demo/frontlines.db serve --port 8000 --workers 2
    """
    import uvicorn

    from frontlines import api
    from frontlines.web import create_app

    db = ctx.obj["db"]
    options = {"host": host, "port": port, "log_level": "warning", "server_header": False}
    if workers == 1:
        app = create_app(db)  # a database that is not there is refused here, before listening
        click.echo(f"frontlines workbench: http://{host}:{port}/ (read-only for visitors; Ctrl-C stops it)")
        uvicorn.run(app, **options)  # type: ignore[arg-type]
        return
    api.open_store(db, must_exist=True).close()  # refused here, not in each worker
    if db:
        os.environ["FRONTLINES_DB"] = db  # what each worker's app_from_environment opens
    click.echo(f"frontlines workbench: http://{host}:{port}/ ({workers} processes, read-only for visitors; Ctrl-C stops it)")
    uvicorn.run("frontlines.web.app:app_from_environment", factory=True, workers=workers, **options)  # type: ignore[arg-type]
