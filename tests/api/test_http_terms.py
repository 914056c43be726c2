"""API errors speak HTTP: a missing query-module parameter is named as a parameter, with no CLI `--param` advice."""

from __future__ import annotations

from tests.api.conftest import error_of


def test_missing_query_parameter_is_named_in_http_terms(client):
    error = error_of(client.get("/queries/supporters"), 422)
    assert "needs parameter name" in error["message"]
    assert "--param" not in error["message"]
