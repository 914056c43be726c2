"""Batched UNWIND/MERGE writer vs the naive one-statement-per-row writer, same 20,000 rows, per store;
and Neo4j's batched writer against FalkorDB's (issue 15: at least 0.4 of its rows/s).

The naive writer is what one writes first: a MERGE per node and a MATCH-MATCH-MERGE per
relationship, each its own transaction. Both start from an empty graph with the same indexes.
The batched writer is timed ROUNDS times, the stores taking turns, and each store's best round
counts: on a shared machine one round can fall on a burst of someone else's work, and taking turns
gives both stores the same bursts.
"""

from __future__ import annotations

import random

from hospnet.graph.base import Batch
from hospnet.graph.writer import BatchWriter
from hospnet.model import Node, Relationship

from .context import Context, Row, load_note, timed

ROWS = 20_000
ROUNDS = 3
TARGET_RATIO = 0.4  # Neo4j's batched rows/s over FalkorDB's
NODE_SHARE = 0.4  # 8,000 nodes, 12,000 relationships

# Literal statements: the naive writer's Cypher, values only as $parameters.
NAIVE_NODE = {
    "Hospital": "MERGE (n:Hospital {id: $id}) SET n += $props",
    "Technique": "MERGE (n:Technique {id: $id}) SET n += $props",
}
NAIVE_REL = {
    "SUPPORTS": "MATCH (a:Hospital {id: $start}) MATCH (b:Hospital {id: $end}) MERGE (a)-[x:SUPPORTS]->(b) SET x += $props",
    "HAS_TECHNIQUE": "MATCH (a:Hospital {id: $start}) MATCH (b:Technique {id: $end}) MERGE (a)-[x:HAS_TECHNIQUE]->(b) SET x += $props",
}


def rows(total: int = ROWS, seed: int = 7) -> tuple[list[Node], list[Relationship]]:
    """A hospital network's worth of rows: hospitals, techniques, support and capability edges."""
    rng = random.Random(seed)
    n_nodes = int(total * NODE_SHARE)
    hospitals = [f"hospital:bench-{i}" for i in range(n_nodes * 3 // 4)]
    techniques = [f"technique:bench-{i}" for i in range(n_nodes - len(hospitals))]
    nodes = [
        Node(
            label="Hospital",
            id=h,
            properties={
                "name": f"Bệnh viện {i}",
                "level": rng.choice(("central", "provincial", "district")),
                "province": "Hà Nội",
                "aliases": [f"BV {i}"],
            },
        )
        for i, h in enumerate(hospitals)
    ]
    nodes += [
        Node(label="Technique", id=t, properties={"name": f"kỹ thuật {i}", "specialty": "nhi"})
        for i, t in enumerate(techniques)
    ]
    rels: list[Relationship] = []
    seen: set[tuple] = set()
    while len(rels) < total - n_nodes:
        if len(rels) % 2:
            key = ("SUPPORTS", rng.choice(hospitals), rng.choice(hospitals), "Hospital")
        else:
            key = ("HAS_TECHNIQUE", rng.choice(hospitals), rng.choice(techniques), "Technique")
        if key in seen or key[1] == key[2]:
            continue
        seen.add(key)
        rels.append(
            Relationship(
                type=key[0],
                start=key[1],
                start_label="Hospital",
                end=key[2],
                end_label=key[3],
                properties={"sources": ["document:bench"], "since": "2024"},
            )
        )
    return nodes, rels


def naive_write(store, nodes: list[Node], rels: list[Relationship]) -> None:
    for node in nodes:
        store.write_batch(
            Batch(nodes=[(NAIVE_NODE[node.label], {"id": node.id, "props": node.properties})])
        )
    for rel in rels:
        store.write_batch(
            Batch(
                relationships=[
                    (
                        NAIVE_REL[rel.type],
                        {"start": rel.start, "end": rel.end, "props": rel.properties},
                    )
                ]
            )
        )


def count(store) -> int:
    n = store.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    r = store.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    return n + r


def _fresh(store) -> None:
    store.clear()
    store.ensure_schema()


def _batched(store, settings, nodes, rels) -> float:
    """Seconds for one batched write of all rows into an empty graph."""
    _fresh(store)
    with timed() as took:
        BatchWriter(store, settings.batch_size).write_graph(nodes, rels)
    assert count(store) == ROWS, "the batched writer lost rows"
    return took["seconds"]


def run(ctx: Context) -> list[Row]:
    nodes, rels = rows()
    warm_nodes, warm_rels = rows(1_000, seed=99)
    opened = {name: ctx.open(name) for name in ctx.stores}
    best: dict[str, float] = {}
    naive: dict[str, float] = {}
    loads: list[str] = []
    try:
        for store, settings in opened.values():
            # Warm up both writers first (query planning, JIT), so the timing is the steady state.
            BatchWriter(store, settings.batch_size).write_graph(warm_nodes, warm_rels)
            _fresh(store)
            naive_write(store, warm_nodes, warm_rels)
        with load_note(loads):
            for _ in range(ROUNDS):
                for name, (store, settings) in opened.items():
                    took = _batched(store, settings, nodes, rels)
                    best[name] = min(best.get(name, took), took)
        for name, (store, _settings) in opened.items():
            _fresh(store)
            with timed() as slow:
                naive_write(store, nodes, rels)
            assert count(store) == ROWS, "the naive writer lost rows"
            naive[name] = slow["seconds"]
    finally:
        for store, _ in opened.values():
            store.clear()
            store.close()
    out = []
    for name in opened:
        fast, slow = ROWS / best[name], ROWS / naive[name]
        out.append(
            Row(
                "writer: batched vs naive (20,000 rows)",
                name,
                f"{fast:,.0f} rows/s batched (best of {ROUNDS})",
                f"{slow:,.0f} rows/s one statement per row",
                f"{fast / slow:.1f}x",
                f"{best[name]:.1f}s vs {naive[name]:.1f}s",
            )
        )
    if {"neo4j", "falkordb"} <= set(best):
        neo, falk = ROWS / best["neo4j"], ROWS / best["falkordb"]
        ratio = neo / falk
        out.append(
            Row(
                "writer: Neo4j vs FalkorDB, batched (20,000 rows)",
                "neo4j",
                f"{neo:,.0f} rows/s",
                f"FalkorDB {falk:,.0f} rows/s",
                f"{ratio:.2f} of FalkorDB",
                f"{'meets' if ratio >= TARGET_RATIO else 'BELOW'} the target {TARGET_RATIO}; "
                f"best of {ROUNDS} rounds each, stores taking turns; {loads[0]}",
            )
        )
    return out
