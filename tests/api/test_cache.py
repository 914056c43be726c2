"""/health pings without reading the graph; answers are kept per graph version, with ETags and 304s."""

from __future__ import annotations

from fastapi.testclient import TestClient

from hospnet.api.app import create_app
from tests.api.conftest import API_KEY
from tests.fixture_graph import BACH_MAI, DOC_A, THANH_HOA

# Our own sentence: Bạch Mai sends a technique to a provincial hospital the fixture graph lacks.
ARTICLE = (
    "Bệnh viện Bạch Mai chuyển giao kỹ thuật ghép giác mạc cho Bệnh viện Đa khoa tỉnh Điện Biên.\n\n"
    "Tháng 5/2024, các bác sĩ Bệnh viện Bạch Mai đã chuyển giao kỹ thuật ghép giác mạc cho Bệnh viện Đa khoa tỉnh Điện Biên."
)


def _graph_queries(texts: list[str]) -> list[str]:
    return [t for t in texts if "MATCH" in t.upper()]


def test_health_runs_no_graph_query_and_stats_counts_once_per_version(client, graph):
    store = client.app.state.store
    store.queries.clear()
    for _ in range(3):
        body = client.get("/health").json()
        assert body == {"status": "ok", "store": graph.name, "message": ""}
    assert store.queries.texts(), "the health check did not reach the store"
    assert _graph_queries(store.queries.texts()) == []

    stats = client.get("/stats").json()
    assert stats["nodes"]["Hospital"] == 12 and stats["relationships"]["TRANSFERS"] == 4
    counted = len(_graph_queries(store.queries.texts()))
    assert counted > 0
    assert client.get("/stats").json() == stats
    assert len(_graph_queries(store.queries.texts())) == counted, (
        "/stats counted the graph again at the same version"
    )


def test_the_version_changes_with_every_write_and_clear(graph):
    before = graph.version()
    assert graph.version() == before
    from hospnet.graph.writer import BatchWriter
    from hospnet.model import Node

    BatchWriter(graph).write_graph(
        [Node(label="Hospital", id="hospital:cache-test", properties={"name": "Cache test"})], []
    )
    after_write = graph.version()
    assert after_write != before
    graph.bump_version()
    graph.clear()
    assert graph.version() not in (before, after_write)


def test_a_profile_is_read_once_per_version_and_refreshed_after_an_ingest(client):
    store = client.app.state.store
    first = client.get(f"/hospitals/{BACH_MAI}")
    assert first.status_code == 200 and first.headers["etag"]
    store.queries.clear()
    again = client.get(f"/hospitals/{BACH_MAI}")
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert _graph_queries(store.queries.texts()) == [], (
        "a cached profile was read from the graph again"
    )
    assert not [t for t in store.queries.texts() if "MERGE" in t.upper()], (
        "a cached hit waited for the write lock: its version read should not"
    )

    posted = client.post(
        "/documents", json=[{"text": ARTICLE, "title": "Điện Biên"}], headers={"X-API-Key": API_KEY}
    ).json()
    assert posted["stored"] == 1
    fresh = client.get(f"/hospitals/{BACH_MAI}")
    assert fresh.headers["etag"] != first.headers["etag"]
    assert fresh.json()["sources_total"] == first.json()["sources_total"] + 1
    assert "Điện Biên" in {d["title"] for d in fresh.json()["sources"]}


def test_if_none_match_gives_304_until_the_graph_changes(client):
    url = "/hospitals?q=bach%20mai"
    tag = client.get(url).headers["etag"]
    unchanged = client.get(url, headers={"If-None-Match": tag})
    assert (
        unchanged.status_code == 304
        and unchanged.content == b""
        and unchanged.headers["etag"] == tag
    )
    assert client.get(url, headers={"If-None-Match": '"another"'}).status_code == 200
    other = client.get("/hospitals?q=cho%20ray").headers["etag"]
    assert other != tag, "two URLs at one version share an ETag"
    client.post("/documents", json=[{"text": ARTICLE}], headers={"X-API-Key": API_KEY})
    changed = client.get(url, headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag


def test_the_cache_stays_within_its_bounds(api_settings, graph):
    small = api_settings.model_copy(update={"cache_entries": 3, "cache_bytes": 1_000_000})
    with TestClient(create_app(small)) as client:
        for q in ("bach", "cho", "viet", "hue", "thanh", "lang"):
            assert client.get("/hospitals", params={"q": q}).status_code == 200
        entries, size = client.app.state.responses.size()
        assert entries == 3 and 0 < size <= 1_000_000
    tiny = api_settings.model_copy(update={"cache_bytes": 10})
    with TestClient(create_app(tiny)) as client:
        assert client.get(f"/hospitals/{BACH_MAI}").status_code == 200
        assert client.app.state.responses.size() == (0, 0), "an answer over the byte bound was kept"


def test_an_answer_read_while_a_write_commits_is_neither_tagged_nor_kept(client, api_settings):
    """The interleaving for real: a second connection commits a write after the version is read
    and before the profile's queries run; the answer shows the write, so it must not carry (or be
    kept under) the version read before it."""
    from hospnet.api.cache import etag
    from hospnet.graph import open_store
    from hospnet.graph.writer import BatchWriter
    from hospnet.model import Node

    url = f"/hospitals/{BACH_MAI}"
    other = open_store(api_settings)
    cache = client.app.state.responses

    def write_from_another_connection() -> None:
        cache.before_compute = None  # once
        renamed = Node(label="Hospital", id=BACH_MAI, properties={"aliases": ["BV Bạch Mai 2"]})
        BatchWriter(other).write_graph([renamed], [])

    try:
        before = client.app.state.store.version()
        cache.before_compute = write_from_another_connection
        raced = client.get(url)
        assert raced.status_code == 200
        assert "BV Bạch Mai 2" in raced.json()["aliases"], (
            "the write did not land between the reads"
        )
        after = other.version()
        assert after != before
        assert raced.headers.get("etag") in (None, etag(after, url)), (
            "an answer that shows a write carries the ETag of the version before it"
        )
        assert cache.size() == (0, 0) and cache.unstable == 1, "the raced answer was kept"

        settled = client.get(url)
        assert settled.headers["etag"] == etag(after, url)
        assert settled.json() == raced.json()
        assert cache.size()[0] == 1
    finally:
        other.close()


def test_a_document_page_is_read_once_per_version_and_refreshed_after_a_correction(client):
    """GET /documents/{id} reads every relationship holding the document: kept per version, like a profile."""
    store = client.app.state.store
    url = f"/documents/{DOC_A}"
    first = client.get(url)
    assert first.status_code == 200 and first.headers["etag"]
    supported = {(s["via"], s["other"]) for s in first.json()["sentences"] if "other" in s}
    assert ("SUPPORTS", "Bệnh viện Đa khoa tỉnh Thanh Hóa") in supported
    store.queries.clear()
    again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert client.get(url).content == first.content
    assert _graph_queries(store.queries.texts()) == [], "a cached document page was read again"

    reject = {
        "op": "reject",
        "who": "lan",
        "why": "the contract was cancelled",
        "target": {"type": "SUPPORTS", "from": BACH_MAI, "to": THANH_HOA},
    }
    made = client.post("/corrections", json=reject, headers={"X-API-Key": API_KEY})
    assert made.status_code == 200, made.text
    fresh = client.get(url)
    assert fresh.headers["etag"] != first.headers["etag"]
    left = {(s["via"], s["other"]) for s in fresh.json()["sentences"] if "other" in s}
    assert left == supported - {("SUPPORTS", "Bệnh viện Đa khoa tỉnh Thanh Hóa")}
    assert client.get("/documents/document:no-such-document").status_code == 404
