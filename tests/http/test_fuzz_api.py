"""Property-based fuzzing of the JSON API (/api/v1) from its own OpenAPI schema (schemathesis):
valid and invalid query strings and path ids, sent in-process to the ASGI app with a valid
personal token, must never answer 5xx, and every answer must be one the schema documents
(status code, content type and body shape).

Reproducible and bounded for CI: derandomized, a fixed number of examples per operation."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import given
from hypothesis import strategies as st
from litestar.testing import AsyncTestClient
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.api import tokens
from app.main import create_app
from app.settings import get_settings
from tests.factories import make_department, make_experiment, make_strategy, make_theme, make_user
from tests.http.fuzzing import bounded

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = 50  # per operation and mode: about 25 s for the whole module
METHODS = ("get", "put", "post", "patch", "delete")
# Every operation of the schema, e.g. "GET /api/v1/experiments" (read in-process at collection).
OPERATIONS = [
    f"{method.upper()} {path}"
    for path, item in (create_app(get_settings()).openapi_schema.paths or {}).items()
    for method in METHODS
    if getattr(item, method, None) is not None
]


@pytest.fixture(scope="module")
def api_app():
    # The rate limit would answer 429 after a few requests and hide the rest of the run.
    return create_app(get_settings().model_copy(update={"api_rate_limit_per_minute": 100_000}))


@pytest.fixture
async def api_client(api_app):
    async with AsyncTestClient(app=api_app, base_url="http://127.0.0.1:8000") as client:
        yield client


@pytest.fixture
async def operations(api_client) -> dict:
    """The schema as the app serves it at /api/schema/openapi.json, loaded by schemathesis."""
    response = await api_client.get("/api/schema/openapi.json")
    assert response.status_code == 200
    schema = schemathesis.openapi.from_dict(response.json())
    return {result.ok().label: result.ok() for result in schema.get_all_operations()}


@pytest.fixture
async def headers() -> dict[str, str]:
    """A little of everything the API shows, and a token of a user who may see all of it."""
    strategy = await make_strategy(campaign_target=10)
    themes = [await make_theme(strategy), await make_theme(strategy, archived=True)]
    parent = await make_department()
    child = await make_department(parent=parent.id)
    owner = await make_user(department=child.id)
    for status in ("running", "completed", "abandoned", "draft"):
        await make_experiment(
            owner,
            status=status,
            themes=themes[:1],
            departments=[child],
        )
    admin = await make_user(is_admin=True)
    created = await tokens.create(admin.id, "fuzz", None)
    return {"Authorization": f"Bearer {created.secret}"}


@pytest.mark.parametrize("label", OPERATIONS)
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
@bounded(EXAMPLES)
@given(data=st.data())
async def test_the_api_answers_every_generated_request_as_its_schema_says(
    api_client, operations, headers, label, mode, data
):
    case = data.draw(operations[label].as_strategy(generation_mode=mode), label="case")
    kwargs = case.as_transport_kwargs(headers=headers)
    response = await api_client.request(
        kwargs["method"], kwargs["url"], params=kwargs.get("params"), headers=kwargs.get("headers")
    )
    case.validate_response(response, checks=CHECKS)
