"""Security of the workbench: headers on every response, a Content Security Policy that lets no
inline script run outside the map, escaping on, and no traceback ever sent to a client."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from frontlines.store import Store
from frontlines.web import create_app
from frontlines.web.context import get_store, templates

SECRET = "sqlite3.OperationalError: secret detail of the server"


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    path = tmp_path / "empty.db"
    Store.open(f"sqlite:///{path}").close()
    return str(path)


def broken_store() -> Store:
    raise RuntimeError(SECRET)


@pytest.mark.parametrize("url", ["/api/events", "/events", "/report", "/api/events/1", "/events/1", "/openapi.json", "/static/web.css"])
def test_every_response_carries_the_security_headers(client_of, empty_db: str, url: str) -> None:  # type: ignore[no-untyped-def]
    response = client_of(create_app(empty_db)).get(url)
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff" and response.headers["referrer-policy"] == "no-referrer"


def test_only_the_map_may_run_its_inline_script_and_it_may_fetch_nothing(client_of, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from frontlines.model import Event, Place, Source

    path = tmp_path / "one.db"
    town = Place(key="gn:1", name="Townville", lat=34.4, lon=41.9, country="IQ")
    source = Source(report_id=1, outlet="Wire", title="t", published=date(2017, 10, 5), url=None, quote="q", start=0, end=1)
    taken = Event("territory_taken", date(2017, 10, 5), "day", "Iraqi forces", None, None, None, town, "Townville", 0.8, (source,))
    from unittest import mock

    Store.open(f"sqlite:///{path}").close()
    with mock.patch("frontlines.map_api.events", return_value=[taken]):
        response = client_of(create_app(str(path))).get("/map")
    policy = response.headers["content-security-policy"]
    assert response.status_code == 200 and "script-src 'unsafe-inline'" in policy and "connect-src 'none'" in policy
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy


def test_templates_escape_whatever_their_name() -> None:
    env = templates()
    assert env.from_string("{{ x }}").render(x="<script>") == "&lt;script&gt;"
    assert env.autoescape is True


@pytest.mark.parametrize("url, kind", [("/api/events", "application/json"), ("/events", "text/html")])
def test_a_server_error_says_so_without_a_traceback(client_of, empty_db: str, url: str, kind: str, caplog) -> None:  # type: ignore[no-untyped-def]
    app = create_app(empty_db)
    app.dependency_overrides[get_store] = broken_store
    with caplog.at_level(logging.ERROR, logger="frontlines.web.errors"):
        response = client_of(app).get(url)
    assert response.status_code == 500 and response.headers["content-type"].startswith(kind)
    assert "Traceback" not in response.text and SECRET not in response.text and "internal error" in response.text
    assert response.headers["content-security-policy"] and response.headers["x-content-type-options"] == "nosniff"
    assert SECRET in caplog.text  # the server's log keeps what the client is not told


def test_a_database_that_does_not_exist_is_refused_when_the_app_is_built(tmp_path: Path) -> None:
    from frontlines.errors import StoreError

    with pytest.raises(StoreError):
        create_app(str(tmp_path / "missing.db"))


def test_a_request_body_over_a_mebibyte_or_of_undeclared_length_is_refused_before_it_is_read(client_of, empty_db: str) -> None:  # type: ignore[no-untyped-def]
    client = client_of(create_app(empty_db))
    too_big = client.post("/login", content=b"x" * ((1 << 20) + 1), headers={"content-type": "application/x-www-form-urlencoded"})
    assert too_big.status_code == 413 and too_big.headers["x-frame-options"] == "DENY"
    chunked = client.post("/login", content=iter([b"name=a"]), headers={"content-type": "application/x-www-form-urlencoded"})
    assert chunked.status_code == 411
