"""GET /coverage gives its ranked gaps a page at a time, like the lists (`limit`, `offset`, `gaps_total`)."""

from __future__ import annotations

from tests.api.conftest import error_of


def test_coverage_gaps_come_in_pages(client):
    first = client.get("/coverage", params={"limit": 2}).json()
    total = first["gaps_total"]
    assert total > 2 and (first["limit"], first["offset"]) == (2, 0)
    assert [g["rank"] for g in first["gaps"]] == [1, 2]
    pages = [
        client.get("/coverage", params={"limit": 2, "offset": offset}).json()["gaps"]
        for offset in range(0, total, 2)
    ]
    ranks = [g["rank"] for page in pages for g in page]
    assert ranks == list(range(1, total + 1))
    assert client.get("/coverage", params={"offset": total}).json()["gaps"] == []
    assert len(client.get("/coverage").json()["gaps"]) == min(total, 50)  # the lists' default page
    error_of(client.get("/coverage", params={"limit": 0}), 422)
