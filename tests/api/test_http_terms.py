"""API errors speak HTTP: a missing query-module parameter is named as a parameter, with no CLI `--param` advice."""

from __future__ import annotations

from tests.api.conftest import error_of


def test_missing_query_parameter_is_named_in_http_terms(client):
    error = error_of(client.get("/queries/supporters"), 422)
    assert "needs parameter name" in error["message"]
    assert "--param" not in error["message"] and "hospnet query list" not in error["message"]
    assert "GET /queries" in error["message"]
    assert (
        "GET /queries lists the query modules"
        in error_of(client.get("/queries/no_such_module"), 404)["message"]
    )


def test_method_not_allowed_lists_every_method_of_the_path(client):
    for path, allowed in (
        ("/cypher", "GET, POST"),
        ("/documents", "GET, POST"),
        ("/hospitals/hospital:x", "GET"),
    ):
        response = client.options(path)
        error_of(response, 405)
        assert response.headers["allow"] == allowed, path
