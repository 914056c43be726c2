"""Every failure has the one error shape and the right status, caused for real (no fakes of the store)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from hospnet.api.app import create_app
from tests.api.conftest import error_of

# Long enough to pass 50 ms on each store. The embedded store finishes a timed-out query in the
# background before it serves the next one, so its query is kept to a few seconds of work.
SLOW = {
    "falkordb": "UNWIND range(1, 5000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n",
    "neo4j": "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n",
}


def test_bad_parameters_are_422(client):
    assert (
        error_of(client.get("/hospitals", params={"level": "giant"}), 422)["code"]
        == "bad_parameter"
    )
    message = error_of(client.get("/hospitals", params={"limit": 0}), 422)["message"]
    assert "limit" in message
    error_of(client.get("/hospitals", params={"offset": -1}), 422)
    error_of(client.get("/viz", params={"type": "LOVES"}), 422)
    error_of(client.post("/cypher", json={"query": ""}), 422)
    error_of(
        client.post("/cypher", content=b"{not json", headers={"Content-Type": "application/json"}),
        422,
    )


def test_unknown_route_and_method(client):
    assert error_of(client.get("/khong-co"), 404)["code"] == "not_found"
    assert error_of(client.delete("/hospitals"), 405)["code"] == "method_not_allowed"


def test_query_over_its_time_limit_is_408(api_settings, graph):
    slow = api_settings.model_copy(update={"query_timeout": 0.05})
    with TestClient(create_app(slow)) as client:
        assert (
            error_of(client.get("/cypher", params={"query": SLOW[graph.name]}), 408)["code"]
            == "query_timeout"
        )


def test_declared_body_over_the_limit_is_413(api_settings, graph):
    small = api_settings.model_copy(update={"max_request_bytes": 2000})
    with TestClient(create_app(small)) as client:
        body = {"query": "MATCH (n) RETURN n // " + "x" * 5000}
        assert error_of(client.post("/cypher", json=body), 413)["code"] == "payload_too_large"
        ok = client.post("/cypher", json={"query": "MATCH (h:Hospital) RETURN count(h) AS n"})
        assert ok.status_code == 200


def test_streamed_body_over_the_limit_is_413(api_settings, graph):
    small = api_settings.model_copy(update={"max_request_bytes": 2000})

    def chunks():  # no Content-Length: the body arrives chunked and is counted as it streams
        yield b'{"query": "MATCH (n) RETURN n //'
        for _ in range(10):
            yield b"x" * 500
        yield b'"}'

    with TestClient(create_app(small)) as client:
        response = client.post(
            "/cypher", content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert error_of(response, 413)["code"] == "payload_too_large"


def test_cors_is_off_by_default(client):
    response = client.get("/health", headers={"Origin": "https://example.org"})
    assert "access-control-allow-origin" not in response.headers


def test_cors_allows_only_the_configured_origins(api_settings, graph):
    open_to = api_settings.model_copy(update={"cors_origins": ["https://research.example.org"]})
    with TestClient(create_app(open_to)) as client:
        allowed = client.get("/health", headers={"Origin": "https://research.example.org"})
        assert allowed.headers["access-control-allow-origin"] == "https://research.example.org"
        other = client.get("/health", headers={"Origin": "https://evil.example.com"})
        assert "access-control-allow-origin" not in other.headers


def test_store_down_is_503_degraded_then_recovers(tmp_path):
    """The embedded server of this test's own folder is stopped for real, then started again."""
    from hospnet.graph import falkordb_server
    from hospnet.settings import Settings

    folder = (
        tmp_path.parent / f"down-{tmp_path.name[-6:]}"
    )  # a short path: unix socket names are short
    own = Settings(store="falkordb", data_dir=folder, graph_name="down", _env_file=None)
    try:
        with TestClient(create_app(own)) as client:
            assert client.get("/health").json()["status"] == "ok"
            falkordb_server.stop(folder)
            response = client.get("/health")
            assert response.status_code == 503
            assert response.json()["status"] == "degraded"
            assert error_of(client.get("/hospitals"), 503)["code"] == "store_unavailable"
            falkordb_server.start(folder)
            assert client.get("/health").json()["status"] == "ok"
    finally:
        falkordb_server.stop(folder)


@pytest.mark.parametrize(
    "path", ["/hospitals/hospital:khong-co", "/documents/document:khong-co", "/queries/khong-co"]
)
def test_not_found_shapes(client, path):
    assert error_of(client.get(path), 404)["status"] == 404
