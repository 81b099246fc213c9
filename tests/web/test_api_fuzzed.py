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
