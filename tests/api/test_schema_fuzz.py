"""Property-based run of the OpenAPI schema against the live app (schemathesis): no 5xx, answers match the schema.

Each operation's Hypothesis strategy is driven by hand: schemathesis's pytest fixture loader
(`from_fixture`) does not work with pytest 9. The checks are the schema-conformance ones;
"positive data acceptance" is left out because free Cypher (`/cypher?query=0`) and a query
module's own parameters are rightly refused (400, 422) although any string fits the schema.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from hospnet.api.app import create_app

EXAMPLES = 10
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_api_answers_every_generated_request(api_settings, graph):
    app = create_app(api_settings)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    seen = []
    try:
        for operation in operations:

            @given(case=operation.as_strategy())
            @hypothesis_settings(
                max_examples=EXAMPLES,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                derandomize=True,
                database=None,
            )
            def run(case):
                response = case.call()
                assert response.status_code < 500, (
                    f"{case.method} {case.formatted_path} {case.query}: {response.status_code} {response.text[:300]}"
                )
                case.validate_response(response, checks=CHECKS)
                seen.append(response.status_code)

            run()
    finally:
        if (
            app.state.store is not None
        ):  # opened on first use: schemathesis's client does not run the lifespan
            app.state.store.close()
    assert 200 in seen
