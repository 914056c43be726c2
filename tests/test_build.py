"""End to end: the five real seed articles built into each store, read back through Cypher."""

from __future__ import annotations

import io

import pytest

from hospnet.build import build
from hospnet.graph import open_store
from hospnet.graph.jsonl import export_jsonl, export_records
from hospnet.names import fold


def _export(store) -> str:
    out = io.StringIO()
    export_jsonl(store, out)
    return out.getvalue()


@pytest.fixture
def seeded(store, settings, seeds_dir):
    summary = build([seeds_dir], store, settings)
    assert summary.failed == []
    assert summary.stored == 5
    return store


def _rel(store, rel_type, start_name, end_name, extra=""):
    rows = store.read(
        f"MATCH (a {{name: $a}})-[r:{rel_type}]->(b {{name: $b}}) {extra} RETURN r.sources AS sources, r.evidence AS evidence, properties(r) AS props",
        {"a": start_name, "b": end_name},
    )
    return rows


def _has_provenance(store, row):
    assert row["sources"], "relationship has no source document"
    docs = store.read(
        "MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id", {"ids": row["sources"]}
    )
    assert docs, "source is not a stored Document"
    assert row["evidence"] and len(row["evidence"]) > 10


E = "Bệnh viện E"
THANH_HOA = "Bệnh viện Đa khoa tỉnh Thanh Hóa"
BAC_KAN = "Bệnh viện Đa khoa tỉnh Bắc Kạn"


def test_seed_transfers_and_support(seeded):
    hospital = seeded.read(
        "MATCH (h:Hospital {name: $n}) RETURN h.level AS level, h.province AS province", {"n": E}
    )
    assert hospital == [{"level": "central", "province": "Hà Nội"}]
    rows = seeded.read(
        "MATCH (a:Hospital {name: $a})-[r:TRANSFERS]->(b:Hospital {name: $b}) MATCH (t:Technique {id: r.technique}) "
        "RETURN t.name AS technique, r.sources AS sources, r.evidence AS evidence",
        {"a": E, "b": THANH_HOA},
    )
    assert {r["technique"] for r in rows} >= {"nội soi phế quản ống mềm", "lọc màng bụng"}
    for row in rows:
        _has_provenance(seeded, row)
    supported = seeded.read(
        "MATCH (:Hospital {name: $a})-[r:SUPPORTS]->(b:Hospital) RETURN b.name AS name, r.sources AS sources, r.evidence AS evidence",
        {"a": THANH_HOA},
    )
    names = {fold(r["name"]) for r in supported}
    expected = (
        ["Bệnh viện Đa khoa huyện Hậu Lộc"]
        + [
            f"Bệnh viện Đa khoa huyện {d}"
            for d in ("Cẩm Thủy", "Ngọc Lặc", "Hoằng Hóa", "Thọ Xuân", "Nông Cống", "Vĩnh Lộc")
        ]
        + ["Bệnh viện Đa khoa thành phố Thanh Hóa", "Bệnh viện Đa khoa Hợp Lực"]
    )
    assert {fold(n) for n in expected} <= names
    for row in supported:
        _has_provenance(seeded, row)


def test_seed_province_support_referral_and_agreement(seeded):
    rows = seeded.read(
        "MATCH (:Hospital {name: 'Bệnh viện Bạch Mai'})-[r:SUPPORTS]->(p:Province {name: 'An Giang'}) RETURN r.sources AS sources, r.evidence AS evidence"
    )
    assert len(rows) == 1
    _has_provenance(seeded, rows[0])
    bk = seeded.read(
        "MATCH (h:Hospital {name: $n}) RETURN h.province AS province, h.legacy_province AS legacy",
        {"n": BAC_KAN},
    )
    assert bk == [{"province": "Thái Nguyên", "legacy": "Bắc Kạn"}]
    refers = _rel(seeded, "REFERS_TO", BAC_KAN, E)
    assert len(refers) == 1
    _has_provenance(seeded, refers[0])
    parties = seeded.read(
        "MATCH (a:Hospital {name: $a})-[:PARTY_TO]->(g:Agreement)<-[:PARTY_TO]-(b:Hospital {name: $b}) RETURN g.id AS id",
        {"a": BAC_KAN, "b": E},
    )
    assert len(parties) == 1
    orgs = seeded.read(
        "MATCH (a:Organization {name: 'Viện Trang thiết bị và Công trình y tế'})-[:PARTY_TO]->(g:Agreement)<-[:PARTY_TO]-(b:Organization {name: 'Sở Y tế Thái Nguyên'}) RETURN g.id AS id"
    )
    assert len(orgs) == 1


def test_seed_programmes_and_positions(seeded):
    programs = {r["name"] for r in seeded.read("MATCH (p:Program) RETURN p.name AS name")}
    assert {"Đề án 1816", "Quyết định 5500/QĐ-BYT"} <= programs
    luan = _rel(seeded, "HOLDS_POSITION", "Lê Đức Luận", "Bộ Y tế")
    assert [r["props"]["title"] for r in luan] == ["Thứ trưởng"]
    _has_provenance(seeded, luan[0])
    huu = _rel(seeded, "HOLDS_POSITION", "Nguyễn Công Hựu", E)
    assert [r["props"]["title"] for r in huu] == ["Giám đốc"]
    _has_provenance(seeded, huu[0])


def test_building_twice_changes_nothing(seeded, settings, seeds_dir):
    first = _export(seeded)
    summary = build([seeds_dir], seeded, settings)
    assert summary.stored == 0 and summary.skipped == 5
    assert _export(seeded) == first


def test_both_stores_hold_the_same_graph(request, tmp_path, seeds_dir):
    """The seed articles built into each store export the same node ids, labels, types and endpoints."""
    from tests.conftest import STORES, _settings_for

    assert set(STORES) == {"falkordb", "neo4j"}, (
        "this test compares the two stores: set HOSPNET_TEST_STORES to both"
    )
    shapes = []
    for backend in ("falkordb", "neo4j"):
        settings = _settings_for(backend, request, tmp_path / backend)
        store = open_store(settings)
        try:
            store.clear()
            build([seeds_dir], store, settings)
            records = export_records(store)
            shapes.append(
                sorted(
                    (
                        r["kind"],
                        r.get("label") or r.get("type"),
                        r.get("id") or "",
                        r.get("from", ""),
                        r.get("to", ""),
                    )
                    for r in records
                )
            )
            full = records
        finally:
            store.clear()
            store.close()
        if backend == "falkordb":
            falkordb_full = full
    assert shapes[0] == shapes[1]
    assert falkordb_full == full  # properties too


def test_every_node_read_from_text_keeps_its_provenance(seeded):
    """MENTIONED_IN: each hospital, person and technique points at the document and sentence it came from."""
    rows = seeded.read(
        "MATCH (n) WHERE n:Hospital OR n:Person OR n:Technique OR n:Program "
        "OPTIONAL MATCH (n)-[m:MENTIONED_IN]->(d:Document) RETURN n.id AS id, count(d) AS docs, collect(m.sentence) AS sentences"
    )
    assert rows
    assert [r["id"] for r in rows if r["docs"] == 0] == []
    assert all(s for r in rows for s in r["sentences"])
