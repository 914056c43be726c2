"""The batching writer: whole extractions in, `UNWIND $rows … MERGE` statements out, one transaction a flush.

A flush holds only whole documents, and each document's `Document` node is written in the same
transaction as its facts, so a build killed at any point leaves no half-written document: the
re-run finds no `Document` node for it and writes it again (MERGE makes that a no-op for what
was already there).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ..model import LABELS, LIST_PROPERTIES, REL_DISCRIMINATOR, REL_TYPES, Extraction, Node, Relationship
from .base import GraphStore, Statement, schema_identifier


def _union(target: str, prop: str) -> str:
    """`target.prop` grows by the row's items it does not hold yet (list properties never shrink)."""
    target = schema_identifier(target, ("n", "x"))
    prop = schema_identifier(prop, LIST_PROPERTIES)
    return (
        f"{target}.{prop} = coalesce({target}.{prop}, []) + "
        f"[item IN coalesce(r.lists.{prop}, []) WHERE NOT item IN coalesce({target}.{prop}, [])]"
    )


_SEARCH = ("n.search = CASE WHEN r.search IS NULL THEN n.search WHEN n.search IS NULL THEN r.search "
           "WHEN n.search CONTAINS r.search THEN n.search ELSE n.search + '|' + r.search END")


def node_statement(label: str, list_props: Iterable[str]) -> str:
    label = schema_identifier(label, LABELS)
    sets = ", ".join(["n += r.props", _SEARCH] + [_union("n", p) for p in sorted(list_props)])
    return f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) SET {sets}"


def relationship_statement(rel_type: str, start_label: str, end_label: str, list_props: Iterable[str]) -> str:
    rel_type = schema_identifier(rel_type, REL_TYPES)
    start_label = schema_identifier(start_label, LABELS)
    end_label = schema_identifier(end_label, LABELS)
    disc = REL_DISCRIMINATOR.get(rel_type)
    merged = f"{{{schema_identifier(disc, tuple(REL_DISCRIMINATOR.values()))}: r.disc}}" if disc else ""
    sets = ", ".join(["x += r.props", "x.evidence = coalesce(x.evidence, r.evidence)"] + [_union("x", p) for p in sorted(list_props)])
    return (
        f"UNWIND $rows AS r MATCH (a:{start_label} {{id: r.start}}) MATCH (b:{end_label} {{id: r.end}}) "
        f"MERGE (a)-[x:{rel_type} {merged}]->(b) SET {sets}"
    )


def _split(properties: dict) -> tuple[dict, dict]:
    scalars, lists = {}, {}
    for key, value in properties.items():
        if value is None:
            continue
        (lists if key in LIST_PROPERTIES else scalars)[key] = value
    return scalars, lists


def _node_row(node: Node) -> tuple[tuple, dict]:
    props = dict(node.properties)
    search = props.pop("search", None)
    props.pop("id", None)
    scalars, lists = _split(props)
    row = {"id": node.id, "props": scalars, "lists": lists, "search": search}
    return (node.label, tuple(sorted(lists))), row


def _relationship_row(rel: Relationship) -> tuple[tuple, dict]:
    props = dict(rel.properties)
    evidence = props.pop("evidence", None)
    scalars, lists = _split(props)
    disc = REL_DISCRIMINATOR.get(rel.type)
    row = {"start": rel.start, "end": rel.end, "props": scalars, "lists": lists, "evidence": evidence}
    if disc:
        row["disc"] = scalars.get(disc, "")
    return (rel.type, rel.start_label, rel.end_label, tuple(sorted(lists))), row


def statements(nodes: Iterable[Node], relationships: Iterable[Relationship], batch_size: int = 500) -> list[Statement]:
    """Group rows by shape and cut them into UNWIND batches: nodes first, then relationships."""
    node_groups: dict[tuple, list[dict]] = defaultdict(list)
    for node in nodes:
        key, row = _node_row(node)
        node_groups[key].append(row)
    rel_groups: dict[tuple, list[dict]] = defaultdict(list)
    for rel in relationships:
        key, row = _relationship_row(rel)
        rel_groups[key].append(row)
    out: list[Statement] = []
    for (label, lists), rows in node_groups.items():
        cypher = node_statement(label, lists)
        out += [(cypher, {"rows": rows[i : i + batch_size]}) for i in range(0, len(rows), batch_size)]
    # Document nodes last: they are the ledger entry that says "this document is complete".
    out.sort(key=lambda s: "MERGE (n:Document" in s[0])
    rel_out: list[Statement] = []
    for (rel_type, start_label, end_label, lists), rows in rel_groups.items():
        cypher = relationship_statement(rel_type, start_label, end_label, lists)
        rel_out += [(cypher, {"rows": rows[i : i + batch_size]}) for i in range(0, len(rows), batch_size)]
    docs = [s for s in out if "MERGE (n:Document" in s[0]]
    return [s for s in out if s not in docs] + rel_out + docs


class BatchWriter:
    """Collects whole extractions and writes them in transactions of about `batch_size` rows."""

    def __init__(self, store: GraphStore, batch_size: int = 500) -> None:
        self.store = store
        self.batch_size = batch_size
        self._nodes: list[Node] = []
        self._relationships: list[Relationship] = []
        self._documents: list[str] = []
        self.written_documents: list[str] = []

    def add(self, extraction: Extraction) -> None:
        self._nodes += extraction.nodes
        self._nodes.append(extraction.document.node())
        self._relationships += extraction.relationships
        self._documents.append(extraction.document.id)
        if len(self._nodes) + len(self._relationships) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self._documents and not self._nodes:
            return
        self.store.write_batch(statements(self._nodes, self._relationships, self.batch_size))
        self.written_documents += self._documents
        self._nodes, self._relationships, self._documents = [], [], []

    def write_graph(self, nodes: list[Node], relationships: list[Relationship]) -> None:
        """Write a whole graph (import) in batches: all nodes before any relationship."""
        for i in range(0, len(nodes), self.batch_size * 10):
            self.store.write_batch(statements(nodes[i : i + self.batch_size * 10], [], self.batch_size))
        for i in range(0, len(relationships), self.batch_size * 10):
            self.store.write_batch(statements([], relationships[i : i + self.batch_size * 10], self.batch_size))
