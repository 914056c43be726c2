"""The batching writer: whole extractions in, `UNWIND $rows … MERGE` statements out, one transaction a flush.

A flush holds only whole documents, and each document's `Document` node is written in the same
transaction as its facts, so a build killed at any point leaves no half-written document: the
re-run finds no `Document` node for it and writes it again (MERGE makes that a no-op for what
was already there).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

from ..errors import StoreError
from ..model import (
    LABELS,
    LIST_PROPERTIES,
    REL_DISCRIMINATOR,
    REL_TYPES,
    Document,
    Extraction,
    Node,
    Relationship,
)
from .base import Batch, GraphStore, Statement, schema_identifier
from . import retry as retries
from .retry import RetryPolicy


def _union(target: str, prop: str) -> str:
    """`target.prop` grows by the row's items it does not hold yet (list properties never shrink)."""
    target = schema_identifier(target, ("n", "x"))
    prop = schema_identifier(prop, LIST_PROPERTIES)
    return (
        f"{target}.{prop} = coalesce({target}.{prop}, []) + "
        f"[item IN coalesce(r.lists.{prop}, []) WHERE NOT item IN coalesce({target}.{prop}, [])]"
    )


def _fresh_list(target: str, prop: str) -> str:
    """What `_union` leaves on an entity MERGE has just made (it holds no list yet): the row's list."""
    target = schema_identifier(target, ("n", "x"))
    prop = schema_identifier(prop, LIST_PROPERTIES)
    return f"{target}.{prop} = r.lists.{prop}"


# `search` holds '|'-joined folded names, sorted and each once (as names.search_key writes them): a
# row's keys are merged in by insertion, so the value does not depend on which document came first
# or on how documents were cut into batches, and a re-run or a resumed build stores the same bytes.
_SEARCH = (
    "n.search = CASE WHEN r.search IS NULL THEN n.search ELSE "
    "reduce(s = '', key IN reduce(keys = CASE WHEN n.search IS NULL THEN [] ELSE split(n.search, '|') END, "
    "k IN split(r.search, '|') | CASE WHEN k = '' OR k IN keys THEN keys "
    "ELSE [x IN keys WHERE x < k] + [k] + [x IN keys WHERE x > k] END) "
    "| CASE WHEN s = '' THEN key ELSE s + '|' + key END) END"
)


def node_statement(label: str, list_props: Iterable[str]) -> str:
    """MERGE a node per row. A node MERGE has just made holds no lists yet, so ON CREATE sets the
    row's lists without reading the node's (the same values as the union; on Neo4j the reads cost
    about a tenth of a new row's time)."""
    label = schema_identifier(label, LABELS)
    lists = sorted(list_props)
    made = ", ".join(["n += r.props", _SEARCH] + [_fresh_list("n", p) for p in lists])
    found = ", ".join(["n += r.props", _SEARCH] + [_union("n", p) for p in lists])
    return f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) ON CREATE SET {made} ON MATCH SET {found}"


def relationship_statement(
    rel_type: str, start_label: str, end_label: str, list_props: Iterable[str]
) -> str:
    rel_type = schema_identifier(rel_type, REL_TYPES)
    start_label = schema_identifier(start_label, LABELS)
    end_label = schema_identifier(end_label, LABELS)
    disc = REL_DISCRIMINATOR.get(rel_type)
    discriminators = tuple(d for d in REL_DISCRIMINATOR.values() if d)
    merged = f"{{{schema_identifier(disc, discriminators)}: r.disc}}" if disc else ""
    lists = sorted(list_props)
    made = ", ".join(
        ["x += r.props", "x.evidence = r.evidence"] + [_fresh_list("x", p) for p in lists]
    )
    found = ", ".join(
        ["x += r.props", "x.evidence = coalesce(x.evidence, r.evidence)"]
        + [_union("x", p) for p in lists]
    )
    return (
        f"UNWIND $rows AS r MATCH (a:{start_label} {{id: r.start}}) MATCH (b:{end_label} {{id: r.end}}) "
        f"MERGE (a)-[x:{rel_type} {merged}]->(b) ON CREATE SET {made} ON MATCH SET {found}"
    )


def _split(properties: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    scalars: dict[str, Any] = {}
    lists: dict[str, Any] = {}
    for key, value in properties.items():
        if value is None:
            continue
        (lists if key in LIST_PROPERTIES else scalars)[key] = value
    return scalars, lists


def _node_row(node: Node) -> tuple[tuple[Any, ...], dict[str, Any]]:
    props = dict(node.properties)
    search = props.pop("search", None)
    props.pop("id", None)
    scalars, lists = _split(props)
    row = {"id": node.id, "props": scalars, "lists": lists, "search": search}
    return (node.label, tuple(sorted(lists))), row


def _relationship_row(rel: Relationship) -> tuple[tuple[Any, ...], dict[str, Any]]:
    props = dict(rel.properties)
    evidence = props.pop("evidence", None)
    scalars, lists = _split(props)
    disc = REL_DISCRIMINATOR.get(rel.type)
    row = {
        "start": rel.start,
        "end": rel.end,
        "props": scalars,
        "lists": lists,
        "evidence": evidence,
    }
    if disc:
        row["disc"] = scalars.get(disc, "")
    return (rel.type, rel.start_label, rel.end_label, tuple(sorted(lists))), row


def _combine(
    first: dict[str, Any], later: dict[str, Any], first_wins: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The properties two rows for one node or relationship leave when the statements apply them in order."""
    out = dict(first)
    for key, value in later.items():
        if value is None:
            continue
        if key in LIST_PROPERTIES:
            held = list(out.get(key) or [])
            out[key] = held + [item for item in value if item not in held]
        elif key == "search":
            out[key] = "|".join(
                sorted({k for k in f"{out.get(key) or ''}|{value}".split("|") if k})
            )
        elif key in first_wins:
            out[key] = value if out.get(key) is None else out[key]
        else:
            out[key] = value
    return out


def combined_nodes(nodes: Iterable[Node]) -> list[Node]:
    """One node per (label, id), in first-seen order.

    FalkorDB applies only the last of several UNWIND rows that MERGE the same new node or
    relationship in one statement, so rows are combined here, the way Neo4j would apply them
    one after the other.
    """
    merged: dict[tuple[Any, ...], Node] = {}
    for node in nodes:
        key = (node.label, node.id)
        held = merged.get(key)
        merged[key] = (
            node
            if held is None
            else held.model_copy(update={"properties": _combine(held.properties, node.properties)})
        )
    return list(merged.values())


def combined_relationships(relationships: Iterable[Relationship]) -> list[Relationship]:
    """One relationship per MERGE key (type, ends, discriminator), in first-seen order; see combined_nodes."""
    merged: dict[tuple[Any, ...], Relationship] = {}
    for rel in relationships:
        disc = REL_DISCRIMINATOR.get(rel.type)
        key = (
            rel.type,
            rel.start_label,
            rel.start,
            rel.end_label,
            rel.end,
            rel.properties.get(disc) or "" if disc else None,
        )
        held = merged.get(key)
        merged[key] = (
            rel
            if held is None
            else held.model_copy(
                update={
                    "properties": _combine(
                        held.properties, rel.properties, first_wins=("evidence",)
                    )
                }
            )
        )
    return list(merged.values())


def batch(
    nodes: Iterable[Node], relationships: Iterable[Relationship], batch_size: int = 500
) -> Batch:
    """Combine rows per MERGE key, group them by shape and cut them into UNWIND statements.

    Document nodes and their MENTIONED_IN edges are the batch's seal: the ledger entry that says
    "this document is complete", applied after the facts it vouches for.
    """
    nodes, relationships = combined_nodes(nodes), combined_relationships(relationships)
    node_groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for node in nodes:
        key, row = _node_row(node)
        node_groups[key].append(row)
    rel_groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for rel in relationships:
        key, row = _relationship_row(rel)
        rel_groups[key].append(row)
    facts: list[Statement] = []
    links: list[Statement] = []
    seals: list[Statement] = []
    for (label, lists), rows in node_groups.items():
        cypher = node_statement(label, lists)
        (seals if label == "Document" else facts).extend(_cut(cypher, rows, batch_size))
    for (rel_type, start_label, end_label, lists), rows in rel_groups.items():
        cypher = relationship_statement(rel_type, start_label, end_label, lists)
        (seals if rel_type == "MENTIONED_IN" else links).extend(_cut(cypher, rows, batch_size))
    return Batch(nodes=facts, relationships=links, seals=seals)


def _cut(cypher: str, rows: list[dict[str, Any]], size: int) -> list[Statement]:
    return [(cypher, {"rows": rows[i : i + size]}) for i in range(0, len(rows), size)]


class BatchWriter:
    """Collects whole extractions and writes them in transactions of about `batch_size` rows.

    A transient store fault (deadlock, busy) retries the whole transaction with backoff; MERGE makes
    a retry of a batch that did commit a no-op. A batch the store refuses outright is written again
    one document at a time, so one document with facts the store cannot hold is reported in `failed`
    and the others are stored. An unreachable store is not retried here (the drivers reconnect on
    their own): the error goes up and the build stops.
    """

    def __init__(
        self, store: GraphStore, batch_size: int = 500, retry: RetryPolicy | None = None
    ) -> None:
        self.store = store
        self.batch_size = batch_size
        self.retry = retry or retries.DEFAULT
        self._pending: list[Extraction] = []
        self._rows = 0
        self.written_documents: list[str] = []
        self.failed: list[tuple[Document, StoreError]] = []

    def add(self, extraction: Extraction) -> None:
        self._pending.append(extraction)
        self._rows += len(extraction.nodes) + len(extraction.relationships) + 1
        if self._rows >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        pending, self._pending, self._rows = self._pending, [], 0
        try:
            self._write(pending)
        except StoreError as exc:
            if getattr(exc, "retryable", False):
                raise
            for extraction in pending:  # find the document the store refuses; write the others
                try:
                    self._write([extraction])
                except StoreError as one:
                    if getattr(one, "retryable", False):
                        raise
                    self.failed.append((extraction.document, one))

    def _write(self, extractions: list[Extraction]) -> None:
        nodes = [n for e in extractions for n in (*e.nodes, e.document.node())]
        relationships = [r for e in extractions for r in e.relationships]
        self._with_retries(batch(nodes, relationships, self.batch_size))
        self.written_documents += [e.document.id for e in extractions]

    def _with_retries(self, work: Batch) -> None:
        self.retry.run(lambda: self.store.write_batch(work))

    def write_graph(self, nodes: list[Node], relationships: list[Relationship]) -> None:
        """Write a whole graph (import) in batches: all nodes before any relationship."""
        for i in range(0, len(nodes), self.batch_size * 10):
            self._with_retries(batch(nodes[i : i + self.batch_size * 10], [], self.batch_size))
        for i in range(0, len(relationships), self.batch_size * 10):
            self._with_retries(
                batch([], relationships[i : i + self.batch_size * 10], self.batch_size)
            )
