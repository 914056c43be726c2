"""GraphML and GEXF exports round-trip through NetworkX on both stores, lists included."""

from __future__ import annotations

import json

import networkx as nx

from hospnet.analysis.network import read_graph
from hospnet.build import build
from hospnet.exports import export, read_gexf, read_graphml
from hospnet.exports.networkx_files import LIST_ATTRIBUTES

BACH_MAI = "hospital:benh-vien-bach-mai"


def assert_same_graph(expected: nx.MultiDiGraph, got: nx.MultiDiGraph) -> None:
    assert dict(got.nodes(data=True)) == dict(expected.nodes(data=True))

    def edges(G):
        return sorted(
            (u, v, k, json.dumps(d, sort_keys=True, ensure_ascii=False))
            for u, v, k, d in G.edges(keys=True, data=True)
        )

    assert edges(got) == edges(expected)


def test_graphml_and_gexf_round_trip_the_sample_graph(store, settings, tmp_path):
    build(None, store, settings)
    G = read_graph(store)
    assert G.number_of_nodes() > 150 and G.number_of_edges() > 300
    assert isinstance(G.nodes[BACH_MAI]["aliases"], list) and G.nodes[BACH_MAI]["aliases"]

    export(store, "graphml", tmp_path / "g.graphml")
    assert_same_graph(G, read_graphml(tmp_path / "g.graphml"))
    raw = nx.read_graphml(
        tmp_path / "g.graphml", force_multigraph=True
    )  # what Gephi or plain NetworkX sees
    assert json.loads(raw.nodes[BACH_MAI]["aliases"]) == G.nodes[BACH_MAI]["aliases"]
    assert "aliases" in json.loads(raw.graph[LIST_ATTRIBUTES])

    export(store, "gexf", tmp_path / "g.gexf")
    assert_same_graph(G, read_gexf(tmp_path / "g.gexf"))
    raw = nx.read_gexf(tmp_path / "g.gexf")
    assert raw.nodes[BACH_MAI]["label"] == G.nodes[BACH_MAI]["name"]  # Gephi shows names
    assert raw.nodes[BACH_MAI]["hospnet_label"] == "Hospital"
