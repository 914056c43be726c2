"""The store as a NetworkX graph: the one place analyses read from, so they never know which store is live.

Every node keeps its properties plus `label`; every edge keeps its properties plus `type`, keyed
by type (and technique or title, for relationships that may repeat between two nodes).
"""

from __future__ import annotations

from typing import Iterable

import networkx as nx

from ..graph.base import GraphStore
from ..graph.whole import FACTS, NODES, READ_TIMEOUT, RELATIONSHIPS
from ..model import Node, Relationship


def _edge_key(rel_type: str, props: dict) -> str:
    extra = props.get("technique") or props.get("title") or props.get("role")
    return f"{rel_type}:{extra}" if extra else rel_type


def graph_from_records(
    nodes: Iterable[Node], relationships: Iterable[Relationship]
) -> nx.MultiDiGraph:
    """A graph from model records (an extraction, an import file, a test fixture), as read_graph would give it."""
    G = nx.MultiDiGraph()
    for node in nodes:
        G.add_node(node.id, **{**node.properties, "id": node.id, "label": node.label})
    for rel in relationships:
        props = dict(rel.properties)
        G.add_edge(
            rel.start, rel.end, key=_edge_key(rel.type, props), **{**props, "type": rel.type}
        )
    return G


def read_graph(store: GraphStore, *, mentions: bool = True) -> nx.MultiDiGraph:
    """The whole graph from a store; `mentions=False` leaves out the MENTIONED_IN edges."""
    G = nx.MultiDiGraph()
    for row in store.read(NODES, timeout=READ_TIMEOUT):
        props = dict(row["props"])
        labels = sorted(row["labels"])
        if "id" not in props:
            continue  # not written by hospnet; nothing can point at it
        G.add_node(props["id"], **{**props, "label": labels[0] if labels else ""})
    for row in store.read(RELATIONSHIPS if mentions else FACTS, timeout=READ_TIMEOUT):
        if row["start"] is None or row["end"] is None:
            continue
        props = dict(row["props"])
        G.add_edge(
            row["start"],
            row["end"],
            key=_edge_key(row["type"], props),
            **{**props, "type": row["type"]},
        )
    return G


def edges_of_type(G: nx.MultiDiGraph, *types: str) -> Iterable[tuple[str, str, dict]]:
    """(start, end, attributes) of every edge of the given types."""
    for start, end, data in G.edges(data=True):
        if data.get("type") in types:
            yield start, end, data


def name_of(G: nx.MultiDiGraph, node_id: str) -> str:
    """What a reader calls the node: its name, a title, or the id when it has neither."""
    data = G.nodes[node_id] if node_id in G else {}
    return data.get("name") or data.get("title") or node_id
