"""schemathesis against the published OpenAPI schema: no request the schema allows makes a server
error, or shows a traceback. (Each operation's cases are drawn by hypothesis here, not through
schemathesis' pytest plugin, which pytest 9 no longer runs.)"""

from __future__ import annotations

from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is in the test extra: pip install -e '.[test]'")
from hypothesis import HealthCheck, given, settings  # noqa: E402

from frontlines.web import create_app  # noqa: E402

pytestmark = pytest.mark.model
EXAMPLES = 40  # cases per operation; the seven operations take about 30 s together


def test_no_request_the_schema_allows_makes_a_server_error(web_store_path: Path) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(str(web_store_path)))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 7

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def no_server_error(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call()
            assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.status_code} {response.text[:300]}"
            assert "Traceback" not in response.text

        no_server_error()


def test_no_write_the_schema_allows_makes_a_server_error_for_a_signed_in_analyst(store_with_accounts, client_of) -> None:  # type: ignore[no-untyped-def]
    import re

    app = create_app(store=store_with_accounts)
    browser = client_of(app)
    token = re.search(r'name="csrf_token" value="([^"]+)"', browser.get("/login").text).group(1)  # type: ignore[union-attr]
    browser.post("/login", data={"name": "ana", "password": "a long password", "csrf_token": token})
    token = re.search(r'name="csrf_token" value="([^"]+)"', browser.get("/events").text).group(1)  # type: ignore[union-attr]
    cookies = dict(browser.cookies)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    writes = [result.ok() for result in schema.get_all_operations() if result.ok().method.upper() == "POST"]
    assert len(writes) >= 3  # a verdict, a comment on an event, a comment on a place

    for operation in writes:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def no_server_error(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call(headers={"x-csrf-token": token}, cookies=cookies)
            assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.body!r}: {response.status_code} {response.text[:300]}"
            assert response.status_code != 403, "the analyst's session and token were refused"
            assert "Traceback" not in response.text

        no_server_error()
    assert store_with_accounts.count("comments") > 0  # the analyst's writes went through, not only refusals
