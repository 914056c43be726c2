"""The store layer on both stores: batched merge semantics, the read-only path, export and import."""

from __future__ import annotations

import io
import json

import pytest

from hospnet.errors import QueryRejected, StoreError
from hospnet.graph.base import Batch
from hospnet.graph.jsonl import export_jsonl, export_records, import_jsonl
from hospnet.graph.writer import BatchWriter
from hospnet.model import Document, Extraction, Node, Relationship

HOSTILE = '"}) DETACH DELETE n //'


def _extraction(text: str, alias: str, kinds: list[str]) -> Extraction:
    doc = Document.from_text(text, title="t", source="s.txt")
    e = Node(
        label="Hospital",
        id="hospital:benh-vien-e",
        properties={
            "name": "Bệnh viện E",
            "level": "central",
            "aliases": [alias],
            "search": "benh vien e",
        },
    )
    t = Node(
        label="Hospital",
        id="hospital:t",
        properties={
            "name": "Bệnh viện Đa khoa tỉnh Thanh Hóa " + HOSTILE,
            "level": "provincial",
            "search": "thanh hoa",
        },
    )
    rels = [
        Relationship(
            type="SUPPORTS",
            start=e.id,
            start_label="Hospital",
            end=t.id,
            end_label="Hospital",
            properties={"kinds": kinds, "sources": [doc.id], "evidence": text},
        ),
        Relationship(
            type="TRANSFERS",
            start=e.id,
            start_label="Hospital",
            end=t.id,
            end_label="Hospital",
            properties={
                "technique": "technique:loc-mang-bung",
                "sources": [doc.id],
                "evidence": text,
            },
        ),
        Relationship(
            type="TRANSFERS",
            start=e.id,
            start_label="Hospital",
            end=t.id,
            end_label="Hospital",
            properties={"technique": "technique:ghep-than", "sources": [doc.id], "evidence": text},
        ),
    ]
    return Extraction(document=doc, nodes=[e, t], relationships=rels)


def _write(store, *extractions):
    writer = BatchWriter(store, batch_size=2)
    for extraction in extractions:
        writer.add(extraction)
    writer.flush()


def test_second_source_adds_to_lists_never_a_second_relationship(store):
    _write(
        store,
        _extraction("câu một", "Viện E", ["training"]),
        _extraction("câu hai", "BV E", ["technique_transfer"]),
    )
    rows = store.read(
        "MATCH (:Hospital)-[r:SUPPORTS]->(:Hospital) RETURN r.kinds AS kinds, r.sources AS sources, r.evidence AS evidence"
    )
    assert len(rows) == 1
    assert sorted(rows[0]["kinds"]) == ["technique_transfer", "training"]
    assert len(rows[0]["sources"]) == 2
    assert rows[0]["evidence"] == "câu một"
    transfers = store.read("MATCH ()-[r:TRANSFERS]->() RETURN r.technique AS t ORDER BY t")
    assert [r["t"] for r in transfers] == ["technique:ghep-than", "technique:loc-mang-bung"]
    aliases = store.read("MATCH (h:Hospital {id: 'hospital:benh-vien-e'}) RETURN h.aliases AS a")[
        0
    ]["a"]
    assert sorted(aliases) == ["BV E", "Viện E"]
    hostile = store.read("MATCH (h:Hospital {id: 'hospital:t'}) RETURN h.name AS name")[0]["name"]
    assert hostile.endswith(HOSTILE)
    assert store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 2


WRITES = [
    "CREATE (n:Hospital {id: 'x'}) RETURN n",
    "MERGE (n:Hospital {id: 'x'}) RETURN n",
    "MATCH (n:Hospital) SET n.name = 'changed' RETURN n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS RETURN 1",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL db.createLabel('Intruder')",
    "CALL db.idx.fulltext.createNodeIndex('Hospital', 'name')",
]


@pytest.mark.parametrize("query", WRITES)
def test_read_only_path_refuses_writes_and_leaves_graph_unchanged(store, query):
    _write(store, _extraction("câu một", "Viện E", ["training"]))
    before = export_records(store)
    with pytest.raises(QueryRejected):
        store.read(query)
    assert export_records(store) == before


def test_export_import_roundtrip_is_identical(store, tmp_path):
    _write(
        store,
        _extraction("câu một", "Viện E", ["training"]),
        _extraction("câu hai", "BV E", ["equipment"]),
    )
    first = io.StringIO()
    export_jsonl(store, first)
    path = tmp_path / "graph.jsonl"
    path.write_text(first.getvalue(), encoding="utf-8")
    lines = [json.loads(l) for l in first.getvalue().splitlines()]
    assert {l["kind"] for l in lines} == {"node", "relationship"}
    assert any(
        l["kind"] == "node" and l["id"] == "hospital:benh-vien-e" and l["label"] == "Hospital"
        for l in lines
    )
    store.clear()
    assert export_records(store) == []
    import_jsonl(store, path)
    second = io.StringIO()
    export_jsonl(store, second)
    assert second.getvalue() == first.getvalue()
    import_jsonl(store, path)  # importing twice changes nothing
    third = io.StringIO()
    export_jsonl(store, third)
    assert third.getvalue() == first.getvalue()


def test_a_nul_in_a_parameter_is_returned_intact_or_refused_clearly(store):
    """FalkorDB reads queries as C strings; a NUL must give a parameter error, not a broken query."""
    from hospnet.errors import QueryParameterError

    try:
        rows = store.read("RETURN $x AS x", {"x": "a\x00b"})
    except QueryParameterError as exc:
        assert "NUL" in str(exc)
    else:
        assert rows == [{"x": "a\x00b"}]


def test_read_many_answers_each_query_in_order_and_refuses_a_write_among_them(store):
    _write(store, _extraction("câu một", "Viện E", ["training"]))
    counts, names = store.read_many(
        [
            ("MATCH (h:Hospital) RETURN count(h) AS n", {}),
            (
                "MATCH (h:Hospital) WHERE h.id STARTS WITH $prefix RETURN h.id AS id ORDER BY id",
                {"prefix": "hospital:"},
            ),
        ]
    )
    assert counts == [{"n": len(names)}] and len(names) >= 2
    assert [r["id"] for r in names] == sorted(r["id"] for r in names)
    before = export_records(store)
    with pytest.raises(QueryRejected):
        store.read_many([("MATCH (h:Hospital) RETURN h.id AS id", {}), (WRITES[0], {})])
    assert export_records(store) == before


def test_a_batch_of_any_statements_is_all_or_nothing(store):
    """Statements need not look like the writer's own: the store makes the whole Batch atomic."""
    before = export_records(store)
    work = Batch(
        nodes=[
            (
                "CREATE (:Hospital {id: $id, name: $name})",
                {"id": "hospital:a", "name": "Bệnh viện A"},
            ),
            (
                "MERGE (h:Hospital {id: $id}) SET h.level = $level",
                {"id": "hospital:b", "level": "district"},
            ),
        ],
        relationships=[
            (
                "MATCH (a:Hospital {id: $a}), (b:Hospital {id: $b}) CREATE (a)-[:SUPPORTS]->(b)",
                {"a": "hospital:a", "b": "hospital:b"},
            )
        ],
        # A map is no property value on either store: the last statement fails when it runs.
        seals=[
            ("CREATE (:Document {id: $id, note: $note})", {"id": "document:x", "note": {"a": 1}})
        ],
    )
    with pytest.raises(StoreError):
        store.write_batch(work)
    assert export_records(store) == before
    assert store.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0


def test_a_batch_applies_its_parts_in_order_with_their_own_parameters(store):
    """Two statements may use the same parameter name with different values."""
    store.write_batch(
        Batch(
            nodes=[
                ("CREATE (:Hospital {id: $id})", {"id": "hospital:a"}),
                ("CREATE (:Hospital {id: $id})", {"id": "hospital:b"}),
            ],
            relationships=[
                (
                    "MATCH (a:Hospital {id: $id}), (b:Hospital {id: 'hospital:b'}) CREATE (a)-[:SUPPORTS]->(b)",
                    {"id": "hospital:a"},
                )
            ],
        )
    )
    rows = store.read("MATCH (a)-[:SUPPORTS]->(b) RETURN a.id AS a, b.id AS b")
    assert rows == [{"a": "hospital:a", "b": "hospital:b"}]
