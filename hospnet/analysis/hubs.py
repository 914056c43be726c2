"""Who carries the support network: supporters ranked by reach and brokerage, and the load on each central hospital.

Betweenness is computed on the undirected support graph only (not on documents and mentions),
exactly up to SAMPLE_ABOVE nodes and from a fixed-seed sample of pivots above, so a national
graph of a few thousand nodes stays within seconds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from .network import edges_of_type, name_of
from .places import province_of
from .resilience import support_graph

SAMPLE_ABOVE = 400
SAMPLE_PIVOTS = 200


@dataclass(frozen=True)
class Hub:
    """A supporting hospital: how many units it supports, how many support it, how often it brokers."""

    id: str
    hospital: str
    level: str
    province: str | None
    units_supported: int
    supported_by: int
    transfers: int
    betweenness: float
    betweenness_exact: bool


def support_betweenness(
    G: nx.MultiDiGraph, *, sample_above: int = SAMPLE_ABOVE, pivots: int = SAMPLE_PIVOTS
) -> tuple[dict[str, float], bool]:
    """Normalised betweenness on the support graph, and whether it is exact (not sampled)."""
    H = support_graph(G)
    if H.number_of_nodes() <= sample_above:
        return nx.betweenness_centrality(H, normalized=True), True
    return nx.betweenness_centrality(
        H, k=min(pivots, H.number_of_nodes()), normalized=True, seed=0
    ), False


def supporter_hubs(G: nx.MultiDiGraph, **sampling) -> list[Hub]:
    """Every hospital that supports at least one unit, most units first."""
    supported: dict[str, set[str]] = defaultdict(set)
    supporters: dict[str, set[str]] = defaultdict(set)
    for start, end, _ in edges_of_type(G, "SUPPORTS"):
        supported[start].add(end)
        supporters[end].add(start)
    transfers: dict[str, int] = defaultdict(int)
    for start, _, _ in edges_of_type(G, "TRANSFERS"):
        transfers[start] += 1
    betweenness, exact = support_betweenness(G, **sampling)
    hubs = [
        Hub(
            node,
            name_of(G, node),
            G.nodes[node].get("level") or "",
            province_of(G, node),
            len(units),
            len(supporters.get(node, ())),
            transfers.get(node, 0),
            round(betweenness.get(node, 0.0), 6),
            exact,
        )
        for node, units in supported.items()
        if G.nodes[node].get("label") == "Hospital"
    ]
    return sorted(hubs, key=lambda h: (-h.units_supported, -h.betweenness, h.hospital))


@dataclass(frozen=True)
class CentralLoad:
    """What one central hospital carries: units, provinces, transfers."""

    id: str
    hospital: str
    province: str | None
    units_supported: int
    hospitals_supported: int
    provinces_reached: tuple[str, ...]
    transfers: int
    techniques: int


def central_load(G: nx.MultiDiGraph) -> list[CentralLoad]:
    """Every central hospital with its load (those carrying none included), heaviest first."""
    units: dict[str, set[str]] = defaultdict(set)
    provinces: dict[str, set[str]] = defaultdict(set)
    transfers: dict[str, int] = defaultdict(int)
    techniques: dict[str, set[str | None]] = defaultdict(set)
    for start, end, data in edges_of_type(G, "SUPPORTS", "TRANSFERS"):
        province = province_of(G, end)
        if province:
            provinces[start].add(province)
        if data["type"] == "SUPPORTS":
            units[start].add(end)
        else:
            transfers[start] += 1
            techniques[start].add(data.get("technique"))
    out = []
    for node, data in G.nodes(data=True):
        if data.get("label") == "Hospital" and data.get("level") == "central":
            hospitals = sum(1 for u in units.get(node, ()) if G.nodes[u].get("label") == "Hospital")
            out.append(
                CentralLoad(
                    node,
                    name_of(G, node),
                    province_of(G, node),
                    len(units.get(node, ())),
                    hospitals,
                    tuple(sorted(provinces.get(node, ()))),
                    transfers.get(node, 0),
                    len(techniques.get(node, ())),
                )
            )
    return sorted(out, key=lambda c: (-c.units_supported, -c.transfers, c.hospital))
