"""POST /documents: off without a key, refused with a wrong one, ingests with the right one."""

from __future__ import annotations

from fastapi.testclient import TestClient

from hospnet.api.app import create_app
from tests.api.conftest import API_KEY, error_of

ARTICLE = (
    "Bệnh viện Bạch Mai chuyển giao kỹ thuật lọc màng bụng cho Bệnh viện Đa khoa tỉnh Lào Cai.\n\n"
    "Ngày 3/4/2024, Bệnh viện Bạch Mai đã chuyển giao kỹ thuật lọc màng bụng cho Bệnh viện Đa khoa tỉnh Lào Cai "
    "theo Đề án 1816 của Bộ Y tế."
)


def test_writes_are_off_without_a_key(settings, graph):
    with TestClient(create_app(settings.model_copy(update={"api_key": None}))) as client:
        error = error_of(
            client.post("/documents", json=[{"text": ARTICLE}], headers={"X-API-Key": "anything"}),
            403,
        )
        assert "HOSPNET_API_KEY" in error["message"]


def test_a_wrong_or_missing_key_is_401(client):
    assert (
        error_of(client.post("/documents", json=[{"text": ARTICLE}]), 401)["code"] == "unauthorized"
    )
    error_of(
        client.post("/documents", json=[{"text": ARTICLE}], headers={"X-API-Key": API_KEY + "x"}),
        401,
    )


def test_ingest_with_the_key(client):
    headers = {"X-API-Key": API_KEY}
    body = [
        {
            "title": "Lào Cai nhận chuyển giao",
            "text": ARTICLE,
            "date": "2024-04-03",
            "source": "https://example.org/lao-cai",
        }
    ]
    result = client.post("/documents", json=body, headers=headers).json()
    assert (result["read"], result["stored"], result["skipped"], result["failed"]) == (1, 1, 0, [])
    doc_id = result["documents"][0]
    stored = client.get(f"/documents/{doc_id}").json()
    assert (stored["title"], stored["date"], stored["source"]) == (
        "Lào Cai nhận chuyển giao",
        "2024-04-03",
        "https://example.org/lao-cai",
    )
    assert stored["sentences"], "the extraction left no sentence from the document"
    assert client.get("/hospitals", params={"q": "lao cai"}).json()["total"] >= 1
    again = client.post("/documents", json=body, headers=headers).json()
    assert (again["stored"], again["skipped"]) == (0, 1)


def test_file_like_documents_and_failures(client):
    headers = {"X-API-Key": API_KEY}
    body = [
        {
            "name": "bai-viet.html",
            "text": f"<html><head><title>Tin</title></head><body><p>{ARTICLE}</p></body></html>",
        },
        {"name": "scan.exe", "text": "MZ"},
    ]
    result = client.post("/documents", json=body, headers=headers).json()
    assert result["read"] == 1 and result["stored"] == 1
    assert [f["source"] for f in result["failed"]] == ["scan.exe"]
    assert "unsupported" in result["failed"][0]["reason"]


def test_request_limits(api_settings, graph):
    headers = {"X-API-Key": API_KEY}
    few = api_settings.model_copy(update={"max_documents_per_request": 2})
    with TestClient(create_app(few)) as client:
        error_of(client.post("/documents", json=[{"text": "a"}] * 3, headers=headers), 413)
        error_of(client.post("/documents", json=[], headers=headers), 422)
        error_of(client.post("/documents", json=[{"title": "no text"}], headers=headers), 422)
        error_of(client.post("/documents", json={"text": "not a list"}, headers=headers), 422)


def test_coverage_is_read_once_per_change_of_the_graph(client):
    """Repeated /coverage requests share one read of the graph; an ingest makes the next one read again."""
    cache = client.app.state.snapshots
    before = client.get("/coverage").json()
    assert "Lào Cai" in before["uncovered"]
    client.get("/coverage")
    client.get("/provinces/Lao%20Cai/coverage")
    assert cache.reads == 1
    client.post("/documents", json=[{"text": ARTICLE}], headers={"X-API-Key": API_KEY})
    after = client.get("/coverage").json()
    assert "Lào Cai" not in after["uncovered"]
    assert client.get("/provinces/Lao%20Cai/coverage").json()["central_supporters"] == [
        "Bệnh viện Bạch Mai"
    ]
    assert cache.reads == 2


def test_the_network_page_follows_an_ingest(client):
    """/viz draws from the shared snapshot too, and a new document shows on the next page."""
    assert "Lào Cai" not in client.get("/viz", params={"province": "Lao Cai"}).text
    reads = client.app.state.snapshots.reads
    client.get("/viz")
    assert client.app.state.snapshots.reads == reads
    client.post("/documents", json=[{"text": ARTICLE}], headers={"X-API-Key": API_KEY})
    assert (
        "Bệnh viện Đa khoa tỉnh Lào Cai" in client.get("/viz", params={"province": "Lao Cai"}).text
    )
