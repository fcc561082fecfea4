"""The API against its own description: every GET operation of the live server's
``/openapi.json`` called with generated parameters (valid and invalid), each answer checked
for a server error and against the documented status codes, headers and schemas."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.web.conftest import Served


@pytest.fixture(scope="session")
def api_description(server: Served) -> Any:
    """The read-only server's OpenAPI description, as generated cases read it."""
    return schemathesis.openapi.from_url(server.url + "/openapi.json")


SEARCHING = ("/api/search", "/api/quotes")

schema = schemathesis.pytest.from_fixture("api_description").include(method="GET")


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_read_answers_as_described(case: Any) -> None:
    # Which words a search refuses (control characters, query syntax) is more than a schema
    # says: those routes may answer a schema-valid query 400, always with its code, ND032.
    searching = case.operation.path in SEARCHING
    excluded = [schemathesis.checks.positive_data_acceptance] if searching else []
    answer = case.call_and_validate(timeout=30, excluded_checks=excluded)
    assert answer.status_code < 500
    assert "Traceback" not in answer.text
    if answer.status_code == 400:
        assert searching and "ND032" in answer.json()["detail"]
