"""schemathesis against the web UI's own OpenAPI spec: generated requests to every page and JSON
twin, including odd ids and parameters, never get a server error (5xx) and every response
conforms to the spec.

The operations are walked in one test (schemathesis' pytest fixture loader does not run under
the pytest we use); each operation still gets its own Hypothesis run and failure report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402

from storyline.web import create_app  # noqa: E402

EXAMPLES_PER_OPERATION = 30


def test_no_generated_request_makes_the_server_fail(web_db: Path) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(web_db))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20, "every page and its JSON twin are in the spec"
    failures = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            response = case.call()
            assert response.status_code < 500, (case.formatted_path, response.text[:300])
            case.validate_response(response)

        try:
            check()
        except (Exception, BaseExceptionGroup) as exc:  # report every operation's failures
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    assert not failures, "\n\n".join(failures)
