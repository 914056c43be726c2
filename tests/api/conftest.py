"""An app over the fixture graph, on each store, for the API tests."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from hospnet.api.app import create_app
from tests.fixture_graph import write_fixture

API_KEY = "test-key-4f1c"


@pytest.fixture
def api_settings(settings):
    return settings.model_copy(update={"api_key": API_KEY, "row_limit": 50})


@pytest.fixture
def graph(store):
    """The fixture graph written into the test's empty store."""
    write_fixture(store)
    return store


@pytest.fixture
def client(api_settings, graph):
    with TestClient(create_app(api_settings)) as test_client:
        yield test_client


def error_of(response, status: int) -> dict:
    """The one error shape, checked; returns the inner object."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    return body["error"]
