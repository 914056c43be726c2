"""GraphML and GEXF files (Gephi, Cytoscape, NetworkX) of the analyses' graph, with lists that survive.

Neither format has a list type, and GEXF gives some attribute names a meaning of its own, so the
graph is encoded before writing and decoded after reading, by these rules:

- a list property (`aliases`, `sources`, ...) is written as the JSON text of the list,
  `["Bạch Mai", "BV Bạch Mai"]`; the graph attribute `hospnet_list_attributes` holds the JSON
  list of the attribute names so encoded (GEXF has no graph attributes: there the reader takes
  the schema's list properties, `hospnet.model.LIST_PROPERTIES`);
- GEXF only: an attribute whose name GEXF reserves (`label`, `type`, `start`, `end`, `id`,
  `weight`, ...) is written as `hospnet_<name>`; the GEXF node label is the node's name (or
  title, or id) and the GEXF edge label the relationship type, so Gephi shows something useful.

`read_graphml(path)` and `read_gexf(path)` read a file back into the graph `read_graph` gives.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

import networkx as nx

from ..model import LIST_PROPERTIES

LIST_ATTRIBUTES = "hospnet_list_attributes"
PREFIX = "hospnet_"
# Names the GEXF writer or reader takes for itself (networkx.readwrite.gexf).
GEXF_RESERVED = frozenset(
    {
        "id",
        "label",
        "weight",
        "type",
        "start",
        "end",
        "key",
        "networkx_key",
        "pid",
        "viz",
        "spells",
        "slices",
        "parents",
    }
)


def encode(G: nx.MultiDiGraph, reserved: frozenset = frozenset()) -> nx.MultiDiGraph:
    """A copy of G that GraphML/GEXF writers accept: lists as JSON text, reserved names prefixed."""
    lists: set[str] = set()

    def attributes(data: dict) -> dict:
        out = {}
        for name, value in data.items():
            if value is None:
                continue  # neither format has a null; an absent attribute reads back as absent
            if isinstance(value, (list, tuple)):
                lists.add(name)
                value = json.dumps(list(value), ensure_ascii=False)
            out[PREFIX + name if name in reserved else name] = value
        return out

    H = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        H.add_node(node, **attributes(data))
    for start, end, key, data in G.edges(keys=True, data=True):
        H.add_edge(start, end, key=key, **attributes(data))
    H.graph[LIST_ATTRIBUTES] = json.dumps(sorted(lists))
    return H


def decode(H: nx.MultiDiGraph, reserved: frozenset = frozenset()) -> nx.MultiDiGraph:
    """The graph `encode` was given, from what a reader returns."""
    lists = (
        set(json.loads(H.graph[LIST_ATTRIBUTES]))
        if LIST_ATTRIBUTES in H.graph
        else set(LIST_PROPERTIES)
    )

    def attributes(data: dict, drop: tuple) -> dict:
        out = {}
        for name, value in data.items():
            if name in drop:
                continue
            if name.startswith(PREFIX) and name[len(PREFIX) :] in reserved:
                name = name[len(PREFIX) :]
            out[name] = json.loads(value) if name in lists and isinstance(value, str) else value
        return out

    G = nx.MultiDiGraph()
    node_drop = ("label",) if reserved else ()
    edge_drop = ("label", "id") if reserved else ()
    for node, data in H.nodes(data=True):
        G.add_node(node, **attributes(data, node_drop))
    for start, end, key, data in H.edges(keys=True, data=True):
        G.add_edge(start, end, key=key, **attributes(data, edge_drop))
    return G


def write_graphml(G: nx.MultiDiGraph, out: Path | IO[bytes]) -> None:
    nx.write_graphml(encode(G), out, encoding="utf-8", named_key_ids=True)


def read_graphml(path: Path | str) -> nx.MultiDiGraph:
    H = nx.read_graphml(path, force_multigraph=True)
    return decode(H)


def write_gexf(G: nx.MultiDiGraph, out: Path | IO[bytes]) -> None:
    H = encode(G, GEXF_RESERVED)
    for node, data in H.nodes(data=True):
        data["label"] = str(data.get("name") or data.get("title") or node)
    for _start, _end, key, data in H.edges(keys=True, data=True):
        data["label"] = str(data.get(PREFIX + "type", ""))
        data["networkx_key"] = (
            key  # GEXF edge ids are unique per file; the multigraph key rides along
        )
    nx.write_gexf(H, out, encoding="utf-8")


def read_gexf(path: Path | str) -> nx.MultiDiGraph:
    H = nx.read_gexf(path)
    if not H.is_multigraph():
        H = nx.MultiDiGraph(H)
    return decode(H, GEXF_RESERVED)
