"""`frontlines serve`: builds the workbench over --db and runs it with uvicorn."""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

from click.testing import CliRunner

from frontlines.cli import main
from frontlines.store import Store


def test_serve_runs_the_app_over_the_db_on_the_given_address(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    Store.open(f"sqlite:///{path}").close()
    with mock.patch("uvicorn.run") as run:
        result = CliRunner().invoke(main, ["--db", str(path), "serve", "--port", "8123"])
    assert result.exit_code == 0 and "http://127.0.0.1:8123/" in result.output and "read-only" in result.output
    (app,), options = run.call_args
    assert options["host"] == "127.0.0.1" and options["port"] == 8123 and app.title == "frontlines workbench"


def test_serve_refuses_a_database_that_is_not_there_before_listening(tmp_path: Path) -> None:
    with mock.patch("uvicorn.run") as run:
        result = CliRunner().invoke(main, ["--db", str(tmp_path / "missing.db"), "serve"])
    assert result.exit_code == 2 and "missing.db" in result.output and not run.called


def test_serve_with_workers_hands_each_process_the_database_by_name(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    Store.open(f"sqlite:///{path}").close()
    with mock.patch("uvicorn.run") as run, mock.patch.dict(os.environ, {}, clear=False):
        result = CliRunner().invoke(main, ["--db", str(path), "serve", "--workers", "2"])
        assert os.environ["FRONTLINES_DB"] == str(path)
    assert result.exit_code == 0 and "2 processes" in result.output
    (target,), options = run.call_args
    assert target == "frontlines.web.app:app_from_environment" and options["factory"] is True and options["workers"] == 2


def test_each_worker_builds_the_app_over_the_database_the_environment_names(tmp_path: Path) -> None:
    from frontlines.web.app import app_from_environment

    path = tmp_path / "f.db"
    Store.open(f"sqlite:///{path}").close()
    with mock.patch.dict(os.environ, {"FRONTLINES_DB": str(path)}):
        app = app_from_environment()
    assert str(path) in str(app.state.store.engine.url)
    app.state.store.close()
