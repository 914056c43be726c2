"""GET /documents: the documents the graph was read from, newest first, filtered and paginated."""

from __future__ import annotations

from tests.api.conftest import error_of
from tests.fixture_graph import DOC_A, DOC_B, DOC_C


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_documents_list_filters_and_pages(client):
    everything = client.get("/documents")
    assert ids(everything) == [DOC_B, DOC_A, DOC_C]  # newest first
    assert everything.json()["total"] == 3
    assert everything.json()["items"][0] == {
        "id": DOC_B,
        "title": "Chuyển giao lọc màng bụng",
        "date": "2025-11-21",
        "source": "fixture/b.txt",
    }
    assert ids(client.get("/documents", params={"q": "CHUYỂN GIAO"})) == [DOC_B, DOC_A]
    assert ids(client.get("/documents", params={"date_from": "2023", "date_to": "2023-05"})) == [
        DOC_A
    ]  # a prefix includes its month
    assert ids(client.get("/documents", params={"date_to": "2023-05-11"})) == [DOC_C]
    assert ids(client.get("/documents", params={"source": "EXAMPLE.org"})) == [DOC_C]
    page = client.get("/documents", params={"limit": 1, "offset": 1})
    assert ids(page) == [DOC_A] and page.json()["total"] == 3
    assert ids(client.get("/documents", params={"q": "no such title"})) == []


def test_documents_list_refuses_a_malformed_date(client):
    error = error_of(client.get("/documents", params={"date_from": "yesterday"}), 422)
    assert "date_from" in error["message"]
